"""Slack Web API clients: one that retries (interactive replies), one that does not (outbox),
and the mapping of Slack failures to the outbox's temporary / permanent errors."""

from __future__ import annotations

import logging
import socket
import urllib.error
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry import RetryHandler
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.webhook import WebhookClient

from bot.config import Settings
from bot.messenger import PermanentError, SendError, TemporaryError

log = logging.getLogger(__name__)

DEFAULT_API_URL = "https://slack.com/api/"
TIMEOUT_SECONDS = 10

# The few errors Slack documents as passing: the outbox retries them. Any other error code
# (channel_not_found, not_in_channel, invalid_auth...) will never succeed as it is: the
# outbox fails the row and tells the organiser.
TEMPORARY_ERRORS = frozenset(
    {
        "ratelimited",
        "internal_error",
        "fatal_error",
        "service_unavailable",
        "request_timeout",
    }
)


def api_url(settings: Settings) -> str:
    """SLACK_API_URL or Slack's own; slack_sdk joins method names to it, so it ends in '/'."""
    url = settings.slack_api_url or DEFAULT_API_URL
    return url if url.endswith("/") else url + "/"


def interactive_retry_handlers() -> list[RetryHandler]:
    """A member is waiting: wait out a short rate limit or a server hiccup, a few times."""
    return [
        ConnectionErrorRetryHandler(max_retry_count=2),
        RateLimitErrorRetryHandler(max_retry_count=2),
        ServerErrorRetryHandler(max_retry_count=2),
    ]


def interactive_client(settings: Settings) -> WebClient:
    return WebClient(
        token=settings.slack_bot_token,
        base_url=api_url(settings),
        timeout=TIMEOUT_SECONDS,
        retry_handlers=interactive_retry_handlers(),
    )


def outbox_client(settings: Settings) -> WebClient:
    """No retries of its own: the outbox retries with Retry-After and backoff, and records it."""
    return WebClient(
        token=settings.slack_bot_token,
        base_url=api_url(settings),
        timeout=TIMEOUT_SECONDS,
        retry_handlers=[],
    )


def respond(response_url: str, payload: dict[str, Any]) -> bool:
    """Post to a slash command's or button's response_url; False when Slack refused it."""
    hook = WebhookClient(
        response_url, timeout=TIMEOUT_SECONDS, retry_handlers=interactive_retry_handlers()
    )
    try:
        resp = hook.send_dict(payload)
    except (SlackClientError, OSError) as exc:
        log.warning("response_url post failed: %s", exc)
        return False
    if resp.status_code != 200:
        log.warning("response_url answered %s: %s", resp.status_code, resp.body[:200])
        return False
    return True


def error_code(exc: SlackApiError) -> str:
    code = exc.response.get("error") if isinstance(exc.response.data, dict) else None
    return str(code or f"http_{exc.response.status_code}")


def _header(headers: Any, name: str) -> str | None:
    for key, value in dict(headers or {}).items():
        if key.lower() == name.lower():
            return value[0] if isinstance(value, list) else str(value)
    return None


def to_send_error(exc: Exception) -> SendError:
    """A Slack failure as the outbox sees it."""
    if isinstance(exc, SlackApiError):
        status = exc.response.status_code
        code = error_code(exc)
        if status == 429 or code == "ratelimited":
            raw = _header(exc.response.headers, "Retry-After")
            try:
                retry_after = float(raw) if raw is not None else None
            except ValueError:
                retry_after = None
            return TemporaryError(f"rate limited by Slack ({code})", retry_after=retry_after)
        if status >= 500 or code in TEMPORARY_ERRORS:
            return TemporaryError(f"Slack server error: {code} (HTTP {status})")
        return PermanentError(code)
    if isinstance(
        exc,
        (
            urllib.error.URLError,
            socket.timeout,
            TimeoutError,
            ConnectionError,
            OSError,
            SlackClientError,
        ),
    ):
        return TemporaryError(f"cannot reach Slack: {exc.__class__.__name__}: {exc}")
    return PermanentError(f"{exc.__class__.__name__}: {exc}")
