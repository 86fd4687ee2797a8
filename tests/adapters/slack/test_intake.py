"""Issue 15, item 4, over real HTTP into `partnerbot slack`: what is malformed is refused
before any parsing that can throw (400 unreadable body, 401 bad or non-numeric timestamp,
413 too large, with the connection closed), with one INFO line each and no traceback, and
nothing reaches the inbox or Slack."""

from __future__ import annotations

import socket
import time

import pytest
from sqlalchemy import func, select

from storage.models import InboxRequest
from tests.adapters.slack import requests as rq
from tests.adapters.slack.fake import FakeSlack
from tests.adapters.slack.process import SlackBotProcess, wait_until

pytestmark = pytest.mark.slow


def stored(bot: SlackBotProcess) -> int:
    with bot.db().transaction() as s:
        return int(s.scalar(select(func.count()).select_from(InboxRequest)) or 0)


def refusals(bot: SlackBotProcess) -> list[str]:
    return [line for line in bot.logs().splitlines() if "refused a request" in line]


CASES = {
    "payload not json, signed": ("payload=not%20json", {}, 400),
    "payload a list, signed": ("payload=%5B%5D", {}, 400),
    "json body a list, signed": ("[1, 2]", {"content_type": "application/json"}, 400),
    "body not utf-8, signed": ("payload=%FF%FE", {}, 400),
    "payload not json, unsigned": ("payload=not%20json", {"secret": None}, 401),
    "timestamp abc": ("payload=%5B%5D", {"signature": "v0=" + "0" * 64}, 401),
}


@pytest.mark.parametrize("case", list(CASES))
def test_malformed_requests_get_a_clear_status_one_info_line_and_no_traceback(
    slack_bot: SlackBotProcess, fake_slack: FakeSlack, case: str
) -> None:
    body, kw, status = CASES[case]
    before_lines, before_rows, before_calls = (
        len(refusals(slack_bot)),
        stored(slack_bot),
        len(fake_slack.calls()),
    )
    if case == "timestamp abc":
        resp = post_raw(
            slack_bot,
            body.encode(),
            {"X-Slack-Request-Timestamp": "abc", "X-Slack-Signature": "v0=00"},
        )
    else:
        resp = rq.post(slack_bot.events_url, body, **kw)  # type: ignore[arg-type]
    assert resp.status == status
    lines = wait_until(
        lambda: refusals(slack_bot)[before_lines:] or None, what="the refusal's log line"
    )
    assert len(lines) == 1 and " INFO " in lines[0] and f": {status} " in lines[0]
    assert "Traceback" not in slack_bot.logs()
    assert stored(slack_bot) == before_rows
    assert len(fake_slack.calls()) == before_calls


def post_raw(bot: SlackBotProcess, body: bytes, headers: dict[str, str]) -> rq.Response:
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", bot.port, timeout=10)
    try:
        start = time.perf_counter()
        conn.request(
            "POST",
            "/slack/events",
            body=body,
            headers={"Content-Type": rq.FORM, **headers},
        )
        resp = conn.getresponse()
        return rq.Response(resp.status, resp.read().decode(), time.perf_counter() - start)
    finally:
        conn.close()


def test_a_body_over_1_mb_gets_413_and_the_connection_is_closed(
    slack_bot: SlackBotProcess,
) -> None:
    """The rest of the body is never read as a next request on the same connection."""
    smuggled = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
    head = (
        "POST /slack/events HTTP/1.1\r\nHost: x\r\n"
        f"Content-Type: {rq.FORM}\r\nContent-Length: 2000000\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", slack_bot.port), timeout=10) as sock:
        sock.sendall(head + smuggled * 100)
        received = b""
        while True:
            try:
                chunk = sock.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            received += chunk
    assert received.startswith(b"HTTP/1.1 413")
    assert received.count(b"HTTP/1.1") == 1, "nothing after the 413 was answered"
    assert "Traceback" not in slack_bot.logs()
