"""Logging for the `partnerbot` command: one stderr handler whose output never shows the
Slack tokens, the signing secret or the database password, whatever a message carries."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable

from sqlalchemy.engine import make_url

from bot.config import Settings

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MASK = "***"
MIN_SECRET = 6  # shorter values would mask ordinary words


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
        for secret in self.secrets:
            text = text.replace(secret, MASK)
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
