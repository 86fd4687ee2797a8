"""What comes in from Slack, before Bolt sees it and before the ack.

``refusal`` checks a raw HTTP request in an order where nothing can throw: size, then the
timestamp (a number, within 5 minutes), then the signature over the raw bytes, then whether
the body parses into what Slack sends (a form, its ``payload`` a JSON object, or a JSON
object). A refused request gets 400, 401 or 413 and one INFO line, never a traceback.

``Intake.store`` puts a verified request into the inbox under Slack's retry-stable id and
commits; only then do the listeners ack (a retry of it finds its row and adds nothing).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import parse_qs

from bot.inbox import notify
from storage import inbox
from storage.db import Database, Store

log = logging.getLogger(__name__)

PLATFORM = "slack"
MAX_BODY = 1_000_000
MAX_AGE_SECONDS = 60 * 5  # Slack's own rule for replayed requests

Kind = Literal["command", "click", "submit", "home"]


@dataclass(frozen=True)
class Refusal:
    status: int
    reason: str


def refusal(
    headers: Mapping[str, str], body: bytes, *, secret: str, now: float | None = None
) -> Refusal | None:
    """Why this request is not Slack's (or not readable), or None when it is."""
    if len(body) > MAX_BODY:
        return Refusal(413, "body too large")
    raw_ts = headers.get("x-slack-request-timestamp", "")
    if not raw_ts.isascii() or not raw_ts.isdigit() or len(raw_ts) > 12:
        return Refusal(401, "missing or non-numeric X-Slack-Request-Timestamp")
    if abs((time.time() if now is None else now) - int(raw_ts)) > MAX_AGE_SECONDS:
        return Refusal(401, "stale X-Slack-Request-Timestamp")
    signature = headers.get("x-slack-signature", "")
    expected = (
        "v0="
        + hmac.new(
            secret.encode(), b"v0:" + raw_ts.encode() + b":" + body, hashlib.sha256
        ).hexdigest()
    )
    if not hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace")):
        return Refusal(401, "bad X-Slack-Signature")
    if not readable(headers.get("content-type", ""), body):
        return Refusal(400, "body is not a Slack request")
    return None


def readable(content_type: str, body: bytes) -> bool:
    """Whether ``parse_body`` finds a request in ``body``. A plain form (a slash command:
    no JSON, no ``payload``) parses whatever it holds once it is UTF-8, so it is not parsed
    here: Bolt parses it next, and a second parse was work before every ack."""
    if (
        not content_type.startswith("application/json")
        and b"payload" not in body
        and not body.startswith(b"{")
    ):
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            return False
        return True
    return parse_body(content_type, body) is not None


def parse_body(content_type: str, body: bytes) -> dict[str, Any] | None:
    """The request as a dict, or None when it is not a form or JSON object as Slack sends."""
    try:
        text = body.decode("utf-8")
        if content_type.startswith("application/json"):
            data = json.loads(text)
            return data if isinstance(data, dict) else None
        form = {k: v[0] for k, v in parse_qs(text, keep_blank_values=True).items()}
        if "payload" in form:
            payload = json.loads(form["payload"])
            return payload if isinstance(payload, dict) else None
        return form
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None


def request_key(body: dict[str, Any]) -> str:
    """What stays the same across Slack's retries of one request: the trigger id of a
    command, click or form, the event id of an event; else a hash of the whole body."""
    if body.get("trigger_id"):
        return f"slack:trigger:{body['trigger_id']}"
    if body.get("event_id"):
        return f"slack:event:{body['event_id']}"
    digest = hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()
    return f"slack:body:{digest}"


def member_of(kind: Kind, body: dict[str, Any]) -> str:
    """Whose request it is: one member's requests run in the order they came."""
    if kind == "command":
        return str(body.get("user_id", ""))
    if kind == "home":
        return str(body.get("user", ""))
    return str((body.get("user") or {}).get("id", ""))


class Intake:
    """Stores verified requests in the inbox; ``wake`` tells this process's worker.

    On SQLite, a request is stored in the event loop itself when the write lock is free at
    that instant and no request waits before it (``Database.writing_now``: never a wait).
    Else (and always on PostgreSQL, where a statement is a round trip) it goes to one
    writer thread that stores in group commits: what arrives while a commit runs goes into
    the next one, so 20 requests at once cost a few commits, not 20 in a row. Each
    request's ack waits for its commit."""

    def __init__(
        self,
        db: Database,
        wake: Callable[[int], None] = lambda rows: None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.db = db
        self.wake = wake
        self.clock = clock
        self._cond = threading.Condition()
        self._waiting: list[tuple[Item, asyncio.Future[bool], asyncio.AbstractEventLoop]] = []
        self._writer: threading.Thread | None = None
        # The writer thread has a batch it has not committed yet: a request that comes
        # meanwhile goes after it (one member's requests keep their order).
        self._busy = False

    def store(self, kind: Kind, body: dict[str, Any], key: str | None = None) -> bool:
        """Store and commit; False for a request stored before (a retry)."""
        added = self._store_many([(kind, body, key)])
        self._wake(added)
        return added[0]

    async def store_async(self, kind: Kind, body: dict[str, Any], key: str | None = None) -> bool:
        """``store`` in the next group commit; returns once it is committed."""
        loop = asyncio.get_running_loop()
        if not self._waiting and not self._busy:  # nobody before it: maybe stored right here
            added = self._store_now([(kind, body, key)])
            if added is not None:
                loop.call_soon(self._wake, added)  # after this request's ack is sent
                return added[0]
        future: asyncio.Future[bool] = loop.create_future()
        with self._cond:
            self._waiting.append(((kind, body, key), future, loop))
            if self._writer is None:
                self._writer = threading.Thread(target=self._write, name="intake", daemon=True)
                self._writer.start()
            self._cond.notify()
        return await future

    def _write(self) -> None:
        while True:
            with self._cond:
                while not self._waiting:
                    self._cond.wait()
                self._busy = True  # before the queue looks empty to the event loop
                batch, self._waiting = self._waiting, []
            try:
                added = self._store_many([item for item, _, _ in batch])
            except Exception as exc:  # each waiting request fails (Slack gets no ack)
                for _, future, loop in batch:
                    loop.call_soon_threadsafe(_fail, future, exc)
                continue
            finally:
                self._busy = False
            for (_, future, loop), result in zip(batch, added, strict=True):
                loop.call_soon_threadsafe(_settle, future, result)
            # The acks first: a worker thread woken now competes with them for the GIL.
            self._wake(added)

    def _store_many(self, items: list[Item]) -> list[bool]:
        with self.db.storing() as conn:
            return self._insert(conn, items)

    def _store_now(self, items: list[Item]) -> list[bool] | None:
        """In the event loop, when SQLite's write lock is free this instant (None if not,
        at once): a commit of a few rows costs less than handing them to the writer
        thread and back."""
        with self.db.writing_now() as conn:
            return None if conn is None else self._insert(conn, items)

    def _insert(self, conn: Store, items: list[Item]) -> list[bool]:
        added = inbox.accept_all(conn, [incoming(*item) for item in items], now=self.clock())
        if any(added):
            notify(conn, sum(added))
        if not all(added):
            log.info("Slack retry of a request already handled: skipped")
        return added

    def _wake(self, added: list[bool]) -> None:
        if any(added):
            self.wake(sum(added))


Item = tuple[Kind, dict[str, Any], str | None]


def incoming(kind: Kind, body: dict[str, Any], key: str | None) -> inbox.Incoming:
    return inbox.Incoming(key or request_key(body), PLATFORM, kind, member_of(kind, body), body)


def _settle(future: asyncio.Future[bool], result: bool) -> None:
    if not future.done():
        future.set_result(result)


def _fail(future: asyncio.Future[bool], exc: Exception) -> None:
    if not future.done():
        future.set_exception(exc)
