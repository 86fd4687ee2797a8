"""The CLI's log formatter masks tokens, the signing secret and the database password."""

from __future__ import annotations

import io
import logging

from bot.config import Settings
from bot.logging_setup import RedactingFormatter, secrets_of


def test_secrets_are_masked_in_messages_and_tracebacks() -> None:
    s = Settings(
        _env_file=None,
        SLACK_BOT_TOKEN="xoxb-123-abcdefSECRET",  # type: ignore[call-arg]
        SLACK_SIGNING_SECRET="signing-SECRET-42",
        SLACK_APP_TOKEN="xapp-1-SECRETapp",
        DATABASE_URL="postgresql+psycopg://bot:db-SECRET-pw@db/pb",
    )
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(RedactingFormatter(secrets_of(s)))
    log = logging.getLogger("test.logging_setup")
    log.addHandler(handler)
    log.propagate = False
    try:
        log.warning("settings: %r token=%s", s, s.slack_app_token)
        try:
            raise RuntimeError(f"{s.database_url} {s.slack_bot_token} {s.slack_signing_secret}")
        except RuntimeError:
            log.exception("a bug")
    finally:
        log.removeHandler(handler)
    out = stream.getvalue()
    assert "SECRET" not in out
    assert out.count("***") >= 4 and "RuntimeError" in out
