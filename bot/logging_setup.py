"""Logging for the `partnerbot` command: one stderr handler whose output never shows the
Slack tokens, the signing secret or the database password, whatever a message carries,
nor what works like a password for a while: a response_url (anyone holding it can post
as the bot for 30 minutes), any Slack token, a Socket Mode ticket. Every record of every
level and logger (slack_sdk and Bolt log whole requests at DEBUG) goes through it."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable

from sqlalchemy.engine import make_url

from bot.config import Settings

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MASK = "***"
MIN_SECRET = 6  # shorter values would mask ordinary words

# Patterns of secrets that are not in the settings; each keeps its group 1 and masks the rest.
PATTERNS = (
    # response_url as a JSON key, a form field (also URL-encoded), a repr or keyword
    re.compile(r"""(response_url['"]?\s*[:=]\s*['"]?)[^'"&\s,}]+""", re.IGNORECASE),
    re.compile(r"(response_url%22%3A%22|response_url%3D)[^&\s%]+(?:%[0-9A-F]{2}[^&\s%]*)*"),
    re.compile(r"(https://hooks\.slack\.com/)\S+"),
    # the webhook client posts only to response_urls, and logs each one at DEBUG
    re.compile(r"(slack_sdk\.webhook[\w.]*: .*?url: )\S+"),
    re.compile(r"(xox[a-z]-|xapp-)[\w-]+"),
    re.compile(r"(ticket=)[^&\s'\"]+"),
    re.compile(r"(Bearer )\S+", re.IGNORECASE),
)


def secrets_of(settings: Settings) -> list[str]:
    """The values that must not be shown, longest first."""
    values = [settings.slack_bot_token, settings.slack_app_token, settings.slack_signing_secret]
    try:
        values.append(make_url(settings.database_url).password)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - an unreadable URL is reported elsewhere, masked
        pass
    found = {v for v in values if isinstance(v, str) and len(v) >= MIN_SECRET}
    return sorted(found, key=len, reverse=True)


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then masks every secret (also in tracebacks and exception text)."""

    def __init__(self, secrets: Iterable[str], fmt: str = FORMAT) -> None:
        super().__init__(fmt)
        self.secrets = list(secrets)

    def format(self, record: logging.LogRecord) -> str:
        return self.redact(super().format(record))

    def redact(self, text: str) -> str:
        return redact(text, self.secrets)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with the given secrets and everything PATTERNS finds masked."""
    for secret in secrets:
        text = text.replace(secret, MASK)
    for pattern in PATTERNS:
        text = pattern.sub(lambda m: m.group(1) + MASK, text)
    return text


def setup_logging(settings: Settings) -> None:
    """The root logger to stderr at PARTNERBOT_LOG_LEVEL, through the redacting formatter."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter(secrets_of(settings)))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(settings.log_level.upper())
