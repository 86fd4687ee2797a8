"""A guest form whose body does not arrive in time is answered 408 with a heading that
says so, in the guest's language, not "too large"; nothing is saved."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from starlette.testclient import TestClient

from bot.web import forms
from tests.helpers import TestBot
from tests.web.conftest import link_path


async def _stalled_post(app: Any, path: str, language: str) -> tuple[int, str]:
    """POST ``path`` straight into the ASGI app: headers and a first chunk, then nothing."""
    chunks = [{"type": "http.request", "body": b"csrf=x&name=", "more_body": True}]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        if chunks:
            return chunks.pop()
        await asyncio.Event().wait()  # the rest of the body never comes
        raise AssertionError("unreachable")

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "https",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"partnerbot.example.org"),
            (b"content-type", b"application/x-www-form-urlencoded"),
            (b"content-length", b"5000"),
            (b"accept-language", language.encode()),
        ],
        "client": ("127.0.0.1", 5000),
        "server": ("partnerbot.example.org", 443),
    }
    await app(scope, receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, body.decode()


@pytest.mark.parametrize(
    ("language", "heading"),
    [("nb", "Skjemaet kom ikke fram i tide"), ("nn", "Skjemaet kom ikkje fram i tide"),
     ("en", "The form did not arrive in time")],
)  # fmt: skip
def test_a_stalled_form_gets_a_timeout_heading_in_the_guests_language(
    web_bot: TestBot, client: TestClient, monkeypatch: pytest.MonkeyPatch, language: str,
    heading: str,
) -> None:  # fmt: skip
    path = link_path(web_bot.run("/mote lenke 1", as_="Marte Lie"))
    monkeypatch.setattr(forms, "BODY_SECONDS", 0.0)  # the wait is over at the first pause
    status, html = asyncio.run(_stalled_post(client.app, path, language))
    assert status == 408, html
    assert heading in html and "For stor" not in html and "too large" not in html, html
