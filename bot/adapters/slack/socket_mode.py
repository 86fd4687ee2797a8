"""Socket Mode: Bolt's handler on slack_sdk's built-in client, reconnecting at once when
Slack closes the connection."""

from __future__ import annotations

import logging
import threading
import time

from slack_bolt import App as BoltApp
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk import WebClient
from slack_sdk.socket_mode.builtin import SocketModeClient

log = logging.getLogger(__name__)

# How long the client may take to drop a closed session before we give up on it (its
# monitor, every ping interval, is then the fallback).
CLOSE_GRACE_SECONDS = 2.0


def make_handler(bolt: BoltApp, app_token: str, client: WebClient) -> SocketModeHandler:
    handler = SocketModeHandler(bolt, app_token, web_client=client)
    sm = handler.client
    assert isinstance(sm, SocketModeClient)
    sm.on_close_listeners.append(lambda code, reason: _reconnect_soon(sm))
    return handler


def _reconnect_soon(sm: SocketModeClient) -> None:
    """slack_sdk tries to reconnect on a close frame before it has dropped the closed session,
    so it finds itself still connected and does nothing; only its monitor reconnects, up to
    a ping interval (10 s) later, and Slack meanwhile fails every command. Reconnect as soon
    as the closed session is gone."""
    session = sm.current_session

    def run() -> None:
        deadline = time.monotonic() + CLOSE_GRACE_SECONDS
        while session is not None and session.is_active() and time.monotonic() < deadline:
            time.sleep(0.01)
        if sm.closed or not sm.auto_reconnect_enabled or sm.is_connected():
            return
        log.info("Socket Mode connection closed by Slack: reconnecting")
        try:
            sm.connect_to_new_endpoint()
        except Exception as exc:  # the monitor tries again
            log.warning("Socket Mode reconnect failed: %s", exc.__class__.__name__)

    threading.Thread(target=run, name="slack-reconnect", daemon=True).start()
