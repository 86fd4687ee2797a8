"""The HTTP endpoint Slack calls: POST /slack/events (commands, clicks, forms, events) and
GET /healthz, on a threading server so one slow request never holds up another's ack."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from slack_bolt import App, BoltRequest

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
MAX_BODY = 1_000_000


class SlackHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256


def make_server(bolt: App, host: str, port: int, healthy: Callable[[], bool]) -> SlackHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "partnerbot"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            log.debug("%s " + format, self.address_string(), *args)

        def _send(
            self,
            status: int,
            body: bytes,
            headers: dict[str, Sequence[str]] | None = None,
            content_type: str = "text/plain; charset=utf-8",
        ) -> None:
            self.send_response(status)
            sent_type = False
            for name, values in (headers or {}).items():
                if name.lower() == "content-length":
                    continue
                sent_type = sent_type or name.lower() == "content-type"
                for value in values:
                    self.send_header(name, value)
            if not sent_type:
                self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            if urlsplit(self.path).path != HEALTH_PATH:
                self._send(404, b"not found\n")
                return
            try:
                ok = healthy()
            except Exception:
                ok = False
            self._send(200 if ok else 503, b"ok\n" if ok else b"database unavailable\n")

        def do_POST(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            if parts.path != EVENTS_PATH or length > MAX_BODY:
                self.rfile.read(min(length, MAX_BODY))
                self._send(404 if parts.path != EVENTS_PATH else 413, b"no\n")
                return
            raw = self.rfile.read(length).decode("utf-8", errors="replace")
            headers: dict[str, str | Sequence[str]] = {}
            for name, value in self.headers.items():
                headers[name.lower()] = [*headers.get(name.lower(), []), value]
            resp = bolt.dispatch(BoltRequest(body=raw, query=parts.query, headers=headers))
            body = (
                resp.body.encode("utf-8") if isinstance(resp.body, str) else bytes(resp.body or b"")
            )
            self._send(resp.status, body, resp.headers)

    return SlackHTTPServer((host, port), Handler)
