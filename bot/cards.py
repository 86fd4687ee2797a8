"""An object's card (a poll, an invitation) rendered from the database when its posted
messages are updated, one update of an object at a time: whoever updates last renders
after every earlier commit, so the last update shows the last committed state.

The lock is PostgreSQL's advisory lock, held by a transaction while the caller sends (so
bot processes sharing one database take turns too); on SQLite (one process) a lock per
object in this process."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from bot.messages import Reply
from bot.router import CardRenderer
from storage.db import Database

Ref = tuple[str, int]


def lock_key(ref: Ref) -> int:
    digest = hashlib.sha256(f"card:{ref[0]}:{ref[1]}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


class Cards:
    def __init__(self, db: Database, renderers: dict[str, CardRenderer], tz: ZoneInfo) -> None:
        self.db = db
        self.renderers = renderers
        self.tz = tz
        self._guard = threading.Lock()
        self._locks: dict[Ref, threading.Lock] = {}

    @contextmanager
    def latest(self, ref: Ref, lang: str) -> Iterator[Reply | None]:
        """Hold the object's lock while the caller sends; yields its card as it stands now
        (None when the object type has no card renderer, or the object is gone)."""
        render = self.renderers.get(ref[0])
        if self.db.is_postgres:
            with self.db.transaction() as session:
                session.execute(select(func.pg_advisory_xact_lock(lock_key(ref))))
                yield render(session, int(ref[1]), lang, self.tz) if render else None
            return
        with self._local(ref):
            card = None
            if render is not None:
                with self.db.transaction() as session:  # not held while sending: SQLite has
                    card = render(session, int(ref[1]), lang, self.tz)  # one write lock
            yield card

    def _local(self, ref: Ref) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(ref, threading.Lock())
