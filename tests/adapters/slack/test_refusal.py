"""intake.refusal on raw bytes: a body is refused 400 exactly when parse_body finds no
Slack request in it, also where refusal skips the parse (a plain form, as a slash command
sends: Bolt parses it next)."""

from __future__ import annotations

import hashlib
import hmac

from hypothesis import given
from hypothesis import strategies as st

from bot.adapters.slack.intake import parse_body, refusal
from tests.adapters.slack import requests as rq

NOW = 1_800_000_000
FORM_BITS = [b"user_id=U1", b"text=", b"payload", b"=", b"&", b"%FF", b"\xff", b"{", b"[1]", b"%7B"]


def status(body: bytes, content_type: str = rq.FORM) -> int | None:
    """refusal's status for ``body`` signed as Slack signs it (over the raw bytes)."""
    digest = hmac.new(rq.SECRET.encode(), f"v0:{NOW}:".encode() + body, hashlib.sha256)
    headers = {
        "x-slack-request-timestamp": str(NOW),
        "x-slack-signature": "v0=" + digest.hexdigest(),
        "content-type": content_type,
    }
    found = refusal(headers, body, secret=rq.SECRET, now=NOW)
    return None if found is None else found.status


def test_a_slash_command_form_is_taken_and_one_not_in_utf8_is_refused() -> None:
    command = rq.slash_body("liste", command="/horing", response_url="https://x/r").encode()
    assert status(command) is None
    assert status(command.replace(b"liste", b"l\xf8ste")) == 400  # latin-1, not UTF-8
    assert status(command.replace(b"liste", "løste".encode())) is None


@given(st.lists(st.sampled_from(FORM_BITS) | st.binary(max_size=6), max_size=8))
def test_refused_400_exactly_when_parse_body_finds_nothing(bits: list[bytes]) -> None:
    body = b"".join(bits)
    for content_type in (rq.FORM, "application/json"):
        expected = None if parse_body(content_type, body) is not None else 400
        assert status(body, content_type) == expected
