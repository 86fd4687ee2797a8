"""An object's card (a poll, an invitation) rendered from the database when its posted
messages are updated, one update of an object at a time: whoever updates last renders
after every earlier commit, so the last update shows the last committed state. An update
that a later one of the same object in this process already waits behind is skipped:
that later one renders after it (20 clicks on one poll make a few renders, not 20).

The lock is PostgreSQL's advisory lock, held by a transaction while the caller sends (so
bot processes sharing one database take turns too); on SQLite (one process) a lock per
object in this process.

On SQLite a command's own update is prepared in the command's transaction (``prepare``):
its number is taken there, under the one write lock, so numbers follow the commits, and
the card and messages read there are those of its commit. A later number then always
shows at least as much, and the update needs no transaction of its own after the commit
(nor a second render when the verb rendered the card last: ``trusted``)."""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy import BigInteger, bindparam, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bot.messages import Reply
from bot.router import CardRenderer
from storage import posted
from storage.db import Database

log = logging.getLogger(__name__)

Ref = tuple[str, int]


@dataclass
class Latest:
    """An object's card as it stands, and where it was posted on one platform."""

    card: Reply | None  # None: no card renderer, the object is gone, or superseded
    messages: list[tuple[str, str]] = field(default_factory=list)  # (channel, message id)
    superseded: bool = False  # a later update of the object follows: send nothing


# Built once: taken for every card update on PostgreSQL.
_ADVISORY_LOCK = select(func.pg_advisory_xact_lock(bindparam("key", type_=BigInteger)))


def lock_key(ref: Ref) -> int:
    digest = hashlib.sha256(f"card:{ref[0]}:{ref[1]}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


@dataclass
class Prepared:
    """An update read in the command's transaction, to send after its commit. Its number
    is taken: whoever holds one must send it (``held``) or, when the command's commit or
    answer failed, read the card again (``latest``), or an earlier update it made skip
    would be lost."""

    ref: Ref
    number: int
    lang: str
    found: Latest
    used: bool = False


class Cards:
    def __init__(self, db: Database, renderers: dict[str, CardRenderer], tz: ZoneInfo) -> None:
        self.db = db
        self.renderers = renderers
        self.tz = tz
        self._guard = threading.Lock()
        self._locks: dict[Ref, threading.Lock] = {}
        self._asked: dict[Ref, int] = {}  # per object: the number of the last update asked

    @contextmanager
    def latest(self, ref: Ref, lang: str, platform: str) -> Iterator[Latest]:
        """Hold the object's lock while the caller sends; yields its card as it stands now
        and its posted messages on ``platform``, read in one transaction."""
        if self.db.gate is None:  # PostgreSQL
            number = self._ask(ref)
            with self.db.transaction() as session:
                session.execute(_ADVISORY_LOCK, {"key": lock_key(ref)})
                yield self._read(session, ref, lang, platform, number)
            return
        # The number under the write gate, for an instant: no command of this process is
        # then between its number (``prepare``) and its commit, so every lower number's
        # commit is in what is read below.
        with self.db.gate.hold():
            number = self._ask(ref)
        with self._local(ref):
            with self.db.reading() as session:  # only reads: no write lock, none held
                found = self._read(session, ref, lang, platform, number)  # while sending
            yield found

    def prepare(
        self,
        session: Session,
        ref: Ref,
        lang: str,
        platform: str,
        *,
        trusted: Reply | None = None,
    ) -> Prepared | None:
        """In the command's write transaction (SQLite only; None on PostgreSQL, where
        transactions run side by side and ``latest`` reads after the commit): the object's
        posted messages and its card as this transaction leaves them. ``trusted``: the
        card as the verb rendered it last in this transaction, in ``lang`` and this bot's
        zone (not rendered again). No message: no card rendered."""
        if self.db.is_postgres:
            return None
        messages = posted.listed(session, platform, ref)
        card: Reply | None = None
        render = self.renderers.get(ref[0])
        if messages and render is not None:
            try:
                card = trusted or render(session, int(ref[1]), lang, self.tz)
            except SQLAlchemyError:
                raise
            except Exception:  # the command stands; the update reads after its commit
                log.exception("rendering the card of %s in its command failed", ref)
                return None
        # Taken last, under the write lock the command holds until its commit.
        return Prepared(ref, self._ask(ref), lang, Latest(card, messages))

    @contextmanager
    def held(self, prepared: Prepared) -> Iterator[Latest]:
        """``latest`` for an update ``prepare`` read: the object's lock while the caller
        sends; superseded when a later update of the object was asked for."""
        prepared.used = True
        with self._local(prepared.ref):
            if self._superseded(prepared.ref, prepared.number):
                yield Latest(None, prepared.found.messages, superseded=True)
            else:
                yield prepared.found

    def _read(self, session: Session, ref: Ref, lang: str, platform: str, number: int) -> Latest:
        messages = posted.listed(session, platform, ref)
        if self._superseded(ref, number):
            return Latest(None, messages, superseded=True)
        render = self.renderers.get(ref[0])
        card = render(session, int(ref[1]), lang, self.tz) if render else None
        return Latest(card, messages)

    def _ask(self, ref: Ref) -> int:
        with self._guard:
            number = self._asked.get(ref, 0) + 1
            self._asked[ref] = number
            return number

    def _superseded(self, ref: Ref, number: int) -> bool:
        """A later update of ``ref`` was asked for after this one's commit: it renders
        once it has the lock, so after this one, and shows at least as much."""
        with self._guard:
            return self._asked.get(ref, 0) > number

    def _local(self, ref: Ref) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(ref, threading.Lock())
