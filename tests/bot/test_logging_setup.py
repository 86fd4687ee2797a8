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


def test_response_urls_tokens_and_tickets_are_masked_without_being_configured() -> None:
    hook = "https://hooks.slack.com/commands/T0001/1234/AbCdEfSeCrEt"
    envelope = (
        '{"envelope_id": "e1", "payload": {"response_url": "http://127.0.0.1:9/response/TAG1",'
        ' "token": "x"}}'
    )
    form = "token=x&response_url=https%3A%2F%2Fexample.org%2Fresponse%2FTAG2&text=hei"
    lines = [
        f"posting to {hook}",
        envelope,
        form,
        "{'response_url': 'http://127.0.0.1:9/response/TAG3', 'user_id': 'U1'}",
        "Authorization: Bearer xoxb-99-TAG4",
        "token xoxp-1-TAG5 and xapp-1-A1-TAG6",
        "wss://wss-primary.slack.com/link/?ticket=TAG7-abc&app_id=A1",
    ]
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(RedactingFormatter([]))
    log = logging.getLogger("test.logging_setup.patterns")
    log.addHandler(handler)
    log.setLevel(logging.DEBUG)
    log.propagate = False
    try:
        for line in lines:
            log.debug("%s", line)
    finally:
        log.removeHandler(handler)
    out = stream.getvalue()
    assert "SeCrEt" not in out and "TAG" not in out, out
    assert "user_id': 'U1'" in out and "text=hei" in out  # the rest stays readable
