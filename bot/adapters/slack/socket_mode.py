"""Socket Mode: Bolt's handler on slack_sdk's built-in client, which we make switch
connections without a pause (on a `disconnect` message and when Slack closes the socket)."""

from __future__ import annotations

import logging
import socket
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
PING_SECONDS = 10  # Bolt's default
WATCH_SECONDS = 0.5  # how often the connection is checked for a silent end of stream


def _peer_closed(sock: socket.socket) -> bool:
    """True when the other end has closed the TCP stream: a peek at the raw socket (under
    TLS too) finds its end, not data and not "nothing yet"."""
    try:
        return socket.socket.recv(sock, 1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except (BlockingIOError, InterruptedError):
        return False  # open, nothing to read
    except OSError:
        return True  # reset, or already closed under us


class PromptSocketModeClient(SocketModeClient):
    def connect(self) -> None:
        """On a reconnect the client closes its old connection under the lock its reader
        holds while blocked in recv() for up to 3 seconds, and reads nothing from the new one
        meanwhile: acks go out too late. Shutting the old socket down first ends that read at
        once (the old reader is told to stop before the close, so it does not read again)."""
        old = self.current_session
        sock = old.sock if old is not None else None
        if old is not None and sock is not None:
            close = old.close

            def shut_then_close() -> None:
                try:
                    # socket.socket's own shutdown: ssl.SSLSocket's drops its SSL object
                    # under the reader's feet.
                    socket.socket.shutdown(sock, socket.SHUT_RDWR)
                except OSError:
                    pass
                close()

            old.close = shut_then_close  # type: ignore[method-assign]
        super().connect()
        if not getattr(self, "_watchdog", None):
            self._watchdog = threading.Thread(
                target=self._watch, name="slack-socket-watch", daemon=True
            )
            self._watchdog.start()

    def _watch(self) -> None:
        """slack_sdk's reader takes recv() == b"" (the peer closed TCP without a close frame:
        a network blip, a restarted proxy) as "nothing yet" and spins on it, and its monitor
        never sees the session as dead. Look for that end of stream ourselves, drop the
        session and connect anew."""
        while not self.closed:
            time.sleep(WATCH_SECONDS)
            session = self.current_session
            sock = session.sock if session is not None else None
            if sock is None or not self.auto_reconnect_enabled or not _peer_closed(sock):
                continue
            log.info("Socket Mode connection dropped without a close frame: reconnecting")
            try:
                session.disconnect()  # type: ignore[union-attr]
                self.connect_to_new_endpoint()
            except Exception as exc:  # the next look (or the monitor) tries again
                log.warning("Socket Mode reconnect failed: %s", exc.__class__.__name__)


class Handler(SocketModeHandler):
    """Bolt's handler on PromptSocketModeClient (Bolt's __init__ would build its own client
    and start its threads)."""

    def __init__(self, app: BoltApp, app_token: str, client: WebClient) -> None:
        self.app = app
        self.app_token = app_token
        self.client = PromptSocketModeClient(
            app_token=app_token,
            logger=app.logger,
            web_client=client,
            proxy=client.proxy,
            ping_interval=PING_SECONDS,
        )
        self.client.socket_mode_request_listeners.append(self.handle)  # type: ignore[arg-type]
        sm = self.client
        sm.on_close_listeners.append(lambda code, reason: _reconnect_soon(sm))


def make_handler(bolt: BoltApp, app_token: str, client: WebClient) -> SocketModeHandler:
    return Handler(bolt, app_token, client)


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
