"""Requests exactly as Slack sends them: form-encoded slash commands, ``payload=`` JSON for
interactivity, JSON events; signed with X-Slack-Signature v0 and X-Slack-Request-Timestamp."""

from __future__ import annotations

import hashlib
import hmac
import http.client
import itertools
import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

from tests.adapters.slack.fake import TEAM_ID

SECRET = "test-signing-secret"
FORM = "application/x-www-form-urlencoded"
_ids = itertools.count(1)


def new_trigger_id() -> str:
    return f"{next(_ids)}.{int(time.time() * 1000)}.trigger"


def sign(body: str, *, secret: str = SECRET, timestamp: int | None = None) -> dict[str, str]:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    base = f"v0:{ts}:{body}".encode()
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def slash_body(
    text: str,
    *,
    command: str = "/partnerbot",
    user_id: str = "U_ADMIN",
    user_name: str = "ingrid.berg",
    channel_id: str = "C_INFRA",
    channel_name: str = "infrastruktur",
    response_url: str,
    trigger_id: str | None = None,
) -> str:
    return urlencode(
        {
            "token": "legacy-verification-token",
            "team_id": TEAM_ID,
            "team_domain": "test",
            "channel_id": channel_id,
            "channel_name": channel_name,
            "user_id": user_id,
            "user_name": user_name,
            "command": command,
            "text": text,
            "api_app_id": "A0TEST",
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": trigger_id or new_trigger_id(),
        }
    )


def action_body(
    value: str,
    *,
    response_url: str,
    user_id: str = "U_ADMIN",
    user_name: str = "ingrid.berg",
    channel_id: str = "C_INFRA",
    channel_name: str = "infrastruktur",
    message_ts: str | None = None,
    action_id: str = "cmd:1",
    is_ephemeral: bool = False,
    trigger_id: str | None = None,
) -> str:
    """A block_actions click on a button whose value is ``value``."""
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": {"id": user_id, "username": user_name, "name": user_name, "team_id": TEAM_ID},
        "api_app_id": "A0TEST",
        "token": "legacy-verification-token",
        "container": {
            "type": "message",
            "message_ts": message_ts or "0",
            "channel_id": channel_id,
            "is_ephemeral": is_ephemeral,
        },
        "trigger_id": trigger_id or new_trigger_id(),
        "team": {"id": TEAM_ID, "domain": "test"},
        "channel": {"id": channel_id, "name": channel_name},
        "response_url": response_url,
        "actions": [
            {
                "action_id": action_id,
                "block_id": "b1",
                "type": "button",
                "value": value,
                "text": {"type": "plain_text", "text": "x"},
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }
    if message_ts and not is_ephemeral:
        payload["message"] = {"type": "message", "ts": message_ts, "bot_id": "BBOT", "text": ""}
    return urlencode({"payload": json.dumps(payload)})


def submission_body(
    view: dict[str, Any],
    values: dict[str, Any],
    *,
    user_id: str = "U_ADMIN",
    user_name: str = "ingrid.berg",
    trigger_id: str | None = None,
) -> str:
    """A view_submission of ``view`` (as the bot opened it) with ``values`` as Slack's
    state.values ({block_id: {"value": {"type": ..., "value"/"selected_date": ...}}})."""
    payload = {
        "type": "view_submission",
        "team": {"id": TEAM_ID, "domain": "test"},
        "user": {"id": user_id, "username": user_name, "name": user_name, "team_id": TEAM_ID},
        "api_app_id": "A0TEST",
        "token": "legacy-verification-token",
        "trigger_id": trigger_id or new_trigger_id(),
        "view": {**view, "id": "V1", "state": {"values": values}},
    }
    return urlencode({"payload": json.dumps(payload)})


def event_body(event: dict[str, Any], *, event_id: str | None = None) -> str:
    return json.dumps(
        {
            "token": "legacy-verification-token",
            "team_id": TEAM_ID,
            "api_app_id": "A0TEST",
            "event": event,
            "type": "event_callback",
            "event_id": event_id or f"Ev{next(_ids):08d}",
            "event_time": int(time.time()),
        }
    )


@dataclass(frozen=True)
class Response:
    status: int
    body: str
    seconds: float

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


def post(
    url: str,
    body: str,
    *,
    content_type: str = FORM,
    secret: str | None = SECRET,
    timestamp: int | None = None,
    signature: str | None = None,
    retry_num: int | None = None,
    timeout: float = 10.0,
) -> Response:
    """POST ``body`` to ``url`` as Slack would. ``secret=None`` sends no signature at all;
    ``signature`` overrides it; ``timestamp`` backdates it; ``retry_num`` marks a retry."""
    headers = {"Content-Type": content_type}
    if secret is not None:
        headers.update(sign(body, secret=secret, timestamp=timestamp))
    if signature is not None:
        headers["X-Slack-Signature"] = signature
        headers.setdefault("X-Slack-Request-Timestamp", str(int(time.time())))
    if retry_num is not None:
        headers["X-Slack-Retry-Num"] = str(retry_num)
        headers["X-Slack-Retry-Reason"] = "http_timeout"
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    start = time.perf_counter()
    try:
        conn.request("POST", parts.path, body=body.encode(), headers=headers)
        resp = conn.getresponse()
        data = resp.read().decode("utf-8", errors="replace")
        return Response(resp.status, data, time.perf_counter() - start)
    finally:
        conn.close()


def get(url: str, timeout: float = 5.0) -> Response:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    start = time.perf_counter()
    try:
        conn.request("GET", parts.path)
        resp = conn.getresponse()
        return Response(resp.status, resp.read().decode(), time.perf_counter() - start)
    finally:
        conn.close()
