"""A fake Slack Web API on loopback: records every call and answers like Slack.

    with FakeSlack() as fake:
        fake.users["U1"] = {"real_name": "Kari Nordmann", "tz": "Europe/Oslo", "locale": "en-US"}
        fake.fail_next("chat.postMessage", status=429, retry_after=2)
        ... point SLACK_API_URL at fake.api_url ...
        call = fake.wait_for("chat.postMessage", lambda c: "Påminnelse" in c.text)

Posted messages are kept per channel with their ``metadata`` and listed newest first by
conversations.history, a page of ``limit`` at a time with a cursor to the next (the
metadata only with ``include_all_metadata``, as Slack does);
``fake.stall(method, when)`` records a matching call (Slack has it) and never answers it,
for a bot killed while it waits.

It also serves response_url posts (``fake.response_url("tag")``, recorded as method
"response_url") and the upload URLs of files_upload_v2 (recorded as method "upload").
Blocks and views that break Slack's documented Block Kit limits are refused with
``invalid_blocks`` as Slack does (``call.problems`` says which; tests/adapters/slack/block_kit.py).
"""

from __future__ import annotations

import itertools
import json
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.adapters.slack.block_kit import blocks_problems, view_problems

BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"
TEAM_ID = "T0TEST"


@dataclass
class Call:
    method: str
    body: dict[str, Any]
    headers: dict[str, str]
    path: str
    status: int = 200
    data: bytes = b""
    at: float = field(default_factory=time.monotonic)

    @property
    def ok(self) -> bool:
        return self.status == 200 and self.answer_ok

    answer_ok: bool = True
    problems: list[str] = field(default_factory=list)  # Block Kit limits broken (invalid_blocks)

    @property
    def channel(self) -> str | None:
        value = self.body.get("channel") or self.body.get("channel_id")
        return str(value) if value is not None else None

    @property
    def text(self) -> str:
        """The fallback text and every text inside the blocks, joined by newlines."""
        parts: list[str] = []
        if isinstance(self.body.get("text"), str):
            parts.append(self.body["text"])
        parts.extend(block_texts(self.blocks))
        return "\n".join(parts)

    @property
    def blocks(self) -> list[dict[str, Any]]:
        blocks = self.body.get("blocks") or []
        if isinstance(blocks, str):
            blocks = json.loads(blocks)
        return list(blocks)

    def buttons(self) -> list[dict[str, Any]]:
        return [
            e
            for b in self.blocks
            if b.get("type") == "actions"
            for e in b.get("elements", [])
            if e.get("type") == "button"
        ]


def block_texts(blocks: list[dict[str, Any]]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        text = block.get("text")
        if isinstance(text, dict) and isinstance(text.get("text"), str):
            out.append(text["text"])
        for f in block.get("fields") or []:
            out.append(f.get("text", ""))
        for e in block.get("elements") or []:
            if isinstance(e.get("text"), dict):
                out.append(e["text"].get("text", ""))
            elif isinstance(e.get("text"), str):
                out.append(e["text"])
    return out


@dataclass
class Failure:
    method: str
    remaining: int
    status: int
    error: str | None
    retry_after: float | None
    when: Callable[[dict[str, Any]], bool] | None


class FakeSlack:
    """A threaded HTTP server that stands in for slack.com/api and hooks.slack.com."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.users: dict[str, dict[str, Any]] = {}
        self._calls: list[Call] = []
        self._failures: list[Failure] = []
        self._down: dict[str, tuple[float, int]] = {}  # method -> (until, status)
        self.latency: dict[str, float] = {}  # method -> seconds to wait before answering
        # method -> up to this many more seconds, at random: calls overtake each other
        self.jitter: dict[str, float] = {}
        # method -> its answer, for methods another fake serves (FakeSocketMode's
        # apps.connections.open)
        self.answers: dict[str, Callable[[Call], dict[str, Any]]] = {}
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._ts = itertools.count(1)
        self._history: dict[str, list[dict[str, Any]]] = {}  # channel -> messages, oldest first
        self._stalls: list[tuple[str, Callable[[dict[str, Any]], bool]]] = []
        self._released = threading.Event()  # set at stop: stalled handlers end
        self._files = itertools.count(1)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- life -------------------------------------------------------------------------

    def start(self) -> FakeSlack:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                return None

            def do_GET(self) -> None:
                fake._handle(self, b"")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                if len(body) < length:  # the sender died mid-request: Slack drops it too
                    self.close_connection = True
                    return
                fake._handle(self, body)

        server = ThreadingHTTPServer((self.host, 0), Handler)
        server.daemon_threads = True
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.1},
            daemon=True,
            name="fake-slack",
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._released.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._server is not None, "start() the fake first"
        return f"http://{self.host}:{self._server.server_address[1]}"

    @property
    def api_url(self) -> str:
        """What SLACK_API_URL is set to (slack_sdk wants the trailing slash)."""
        return self.url + "/api/"

    def response_url(self, tag: str = "r") -> str:
        return f"{self.url}/response/{tag}"

    # -- steering ---------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        *,
        times: int = 1,
        status: int = 200,
        error: str | None = None,
        retry_after: float | None = None,
        when: Callable[[dict[str, Any]], bool] | None = None,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` (that match ``when``) with a failure:
        status 429 (+ Retry-After), a 5xx, or HTTP 200 with ``{"ok": false, "error": error}``."""
        if status == 200 and error is None:
            raise ValueError("give a status other than 200 or an error code")
        with self._lock:
            self._failures.append(Failure(method, times, status, error, retry_after, when))

    def down(self, method: str, seconds: float, *, status: int = 500) -> None:
        """Answer every call of ``method`` with HTTP ``status`` for the next ``seconds``
        (an outage; ``seconds=0`` ends it)."""
        with self._lock:
            self._down[method] = (time.monotonic() + seconds, status)

    def stall(self, method: str, when: Callable[[dict[str, Any]], bool] = lambda b: True) -> None:
        """Take the next call of ``method`` matching ``when`` (it reaches Slack: recorded,
        and a message is posted) but never answer it, as if the bot died waiting."""
        with self._lock:
            self._stalls.append((method, when))

    def history(self, channel: str) -> list[dict[str, Any]]:
        """The messages posted in ``channel``, oldest first."""
        with self._lock:
            return list(self._history.get(channel, []))

    def reset(self) -> None:
        with self._lock:
            self._calls.clear()
            self._failures.clear()
            self._down.clear()
            self._stalls.clear()
            self._history.clear()

    # -- looking ----------------------------------------------------------------------

    def calls(self, method: str | None = None, *, ok_only: bool = False) -> list[Call]:
        with self._lock:
            return [
                c
                for c in self._calls
                if (method is None or c.method == method) and (c.ok or not ok_only)
            ]

    def wait_for(
        self,
        method: str,
        where: Callable[[Call], bool] = lambda c: True,
        *,
        count: int = 1,
        timeout: float = 10.0,
        ok_only: bool = True,
    ) -> list[Call]:
        """Block until ``count`` calls of ``method`` match; returns them (AssertionError on
        timeout, listing what did arrive)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                hits = [
                    c
                    for c in self._calls
                    if c.method == method and where(c) and (c.ok or not ok_only)
                ]
                if len(hits) >= count:
                    return hits
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(c.method, c.status, c.text[:80]) for c in self._calls][-15:]
                    raise AssertionError(
                        f"waited {timeout}s for {count} x {method}; "
                        f"got {len(hits)}. Last calls: {seen}"
                    )
                self._changed.wait(left)

    # -- answering --------------------------------------------------------------------

    def _handle(self, req: BaseHTTPRequestHandler, raw: bytes) -> None:
        parts = urlsplit(req.path)
        headers = {k.lower(): v for k, v in req.headers.items()}
        if parts.path.startswith("/api/"):
            method = parts.path[len("/api/") :]
            body = self._parse(raw, headers.get("content-type", ""), parts.query)
        elif parts.path.startswith("/response/"):
            method, body = "response_url", self._parse(raw, "application/json", "")
        elif parts.path.startswith("/upload/"):
            method, body = "upload", {"file_id": parts.path.rsplit("/", 1)[-1]}
        else:
            self._reply(req, 404, {"ok": False, "error": "unknown_path"})
            return
        call = Call(method=method, body=body, headers=headers, path=parts.path, data=raw)
        if self.latency.get(method):
            time.sleep(self.latency[method])
        if self.jitter.get(method):
            time.sleep(random.uniform(0, self.jitter[method]))
        failure = self._take_failure(method, body)
        if failure is not None:
            call.status = failure.status
            call.answer_ok = False
            extra = {}
            if failure.retry_after is not None:
                extra["Retry-After"] = str(int(failure.retry_after))
            error = failure.error or ("ratelimited" if failure.status == 429 else "internal_error")
            self._record(call)
            self._reply(req, failure.status, {"ok": False, "error": error}, extra)
            return
        problems = self._block_kit(method, body)
        if problems:  # as Slack refuses it; the test sees why in the call
            call.status, call.answer_ok, call.problems = 200, False, problems
            self._record(call)
            if method == "response_url":
                self._reply(req, 400, {"ok": False, "error": "invalid_blocks"})
            else:
                self._reply(req, 200, {"ok": False, "error": "invalid_blocks"})
            return
        answer = (
            self.answers[method](call) if method in self.answers else self._answer(method, body)
        )
        call.answer_ok = bool(answer.get("ok", True))
        self._record(call)
        if method in ("response_url", "upload"):
            req_body = b"ok"
            req.send_response(200)
            req.send_header("Content-Type", "text/plain")
            req.send_header("Content-Length", str(len(req_body)))
            req.end_headers()
            req.wfile.write(req_body)
            return
        if self._take_stall(method, body):
            self._released.wait()
            return
        self._reply(req, 200, answer)

    @staticmethod
    def _block_kit(method: str, body: dict[str, Any]) -> list[str]:
        if method in ("chat.postMessage", "chat.update", "chat.postEphemeral", "response_url"):
            return blocks_problems(body.get("blocks"))
        if method in ("views.open", "views.publish", "views.update", "views.push"):
            return view_problems(body.get("view"))
        return []

    def _take_stall(self, method: str, body: dict[str, Any]) -> bool:
        with self._lock:
            for stall in self._stalls:
                if stall[0] == method and stall[1](body):
                    self._stalls.remove(stall)
                    return True
        return False

    def _record(self, call: Call) -> None:
        with self._changed:
            self._calls.append(call)
            self._changed.notify_all()

    def _take_failure(self, method: str, body: dict[str, Any]) -> Failure | None:
        with self._lock:
            until, status = self._down.get(method, (0.0, 0))
            if time.monotonic() < until:
                return Failure(method, 1, status, None, None, None)
            for f in self._failures:
                if f.method == method and f.remaining > 0 and (f.when is None or f.when(body)):
                    f.remaining -= 1
                    if f.remaining == 0:
                        self._failures.remove(f)
                    return f
        return None

    @staticmethod
    def _parse(raw: bytes, content_type: str, query: str) -> dict[str, Any]:
        body: dict[str, Any] = {k: v[-1] for k, v in parse_qs(query).items()}
        text = raw.decode("utf-8", errors="replace")
        if "json" in content_type and text.strip():
            try:
                loaded = json.loads(text)
                if isinstance(loaded, dict):
                    body.update(loaded)
            except ValueError:
                body["_raw"] = text
        elif "form" in content_type:
            body.update({k: v[-1] for k, v in parse_qs(text, keep_blank_values=True).items()})
        for key in ("blocks", "files", "view", "metadata"):  # form-encoded JSON fields
            if isinstance(body.get(key), str) and body[key][:1] in "[{":
                try:
                    body[key] = json.loads(body[key])
                except ValueError:
                    pass
        return body

    def _next_ts(self) -> str:
        return f"1767225600.{next(self._ts):06d}"

    def _answer(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        channel = str(body.get("channel") or "")
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://partnerbot-test.slack.com/",
                "team": "Test",
                "user": "partnerbot",
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "bot_id": BOT_ID,
                "is_enterprise_install": False,
            }
        if method == "chat.postMessage":
            if channel.startswith(("U", "W")):  # a user id: the app's direct message channel
                channel = "D" + channel[1:]
            message = {"text": body.get("text"), "user": BOT_USER_ID, "bot_id": BOT_ID}
            message["ts"] = self._next_ts()
            if isinstance(body.get("metadata"), dict):
                message["metadata"] = body["metadata"]
            with self._lock:
                self._history.setdefault(channel, []).append(message)
            return {"ok": True, "channel": channel, "ts": message["ts"], "message": message}
        if method == "conversations.history":
            return self._conversation(channel, body)
        if method == "chat.update":
            return {"ok": True, "channel": channel, "ts": body.get("ts"), "text": body.get("text")}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self._next_ts()}
        if method == "users.info":
            uid = str(body.get("user") or "")
            if uid not in self.users:
                return {"ok": False, "error": "user_not_found"}
            u = self.users[uid]
            return {
                "ok": True,
                "user": {
                    "id": uid,
                    "team_id": TEAM_ID,
                    "name": u.get("name", uid.lower()),
                    "real_name": u.get("real_name", uid),
                    "tz": u.get("tz", "Europe/Oslo"),
                    "locale": u.get("locale", "en-US"),
                    "is_bot": False,
                    "profile": {
                        "real_name": u.get("real_name", uid),
                        "display_name": u.get("display_name", ""),
                    },
                },
            }
        if method == "views.publish":
            return {"ok": True, "view": {"id": f"V{next(self._ts)}", **(body.get("view") or {})}}
        if method == "views.open":
            return {"ok": True, "view": {"id": f"V{next(self._ts)}", **(body.get("view") or {})}}
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": "D" + str(body.get("users", "X"))[1:]}}
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._files):04d}"
            return {"ok": True, "upload_url": f"{self.url}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            files = body.get("files") or []
            return {
                "ok": True,
                "files": [{"id": f.get("id"), "title": f.get("title")} for f in files],
            }
        return {"ok": True}

    def _conversation(self, channel: str, body: dict[str, Any]) -> dict[str, Any]:
        """conversations.history: newest first, ``limit`` of them; a user id is no
        conversation (Slack wants the D... id of a direct message)."""
        if not channel or channel.startswith(("U", "W")):
            return {"ok": False, "error": "channel_not_found"}
        with_metadata = str(body.get("include_all_metadata", "")).lower() in ("true", "1")
        limit = int(body.get("limit") or 100)
        start = int(str(body.get("cursor") or "0").removeprefix("next:") or 0)
        with self._lock:
            newest_first = list(reversed(self._history.get(channel, [])))
        page = newest_first[start : start + limit]
        messages = [
            m if with_metadata else {k: v for k, v in m.items() if k != "metadata"} for m in page
        ]
        more = start + limit < len(newest_first)
        answer: dict[str, Any] = {"ok": True, "messages": messages, "has_more": more}
        if more:  # as Slack: the next page by the cursor it gives
            answer["response_metadata"] = {"next_cursor": f"next:{start + limit}"}
        return answer

    @staticmethod
    def _reply(
        req: BaseHTTPRequestHandler,
        status: int,
        answer: dict[str, Any],
        headers: dict[str, str] | None = None,
    ) -> None:
        data = json.dumps(answer).encode()
        req.send_response(status)
        req.send_header("Content-Type", "application/json; charset=utf-8")
        for k, v in (headers or {}).items():
            req.send_header(k, v)
        req.send_header("Content-Length", str(len(data)))
        req.end_headers()
        req.wfile.write(data)
