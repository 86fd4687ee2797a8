"""Workers that run what the fronts stored in the inbox (storage/inbox.py).

A few threads each claim a row, hand it to the platform's ``handle(job)`` and mark it done.
``handle`` runs the command with ``job.record`` inside the command's transaction (effects,
answer and "ran" commit together) and then answers; a row taken over after a crash comes
with ``job.answer`` set and is only answered. The front calls ``wake()`` after it stored a
row, so an in-process worker starts at once (one thread per row); workers in other
processes wake at the fronts' NOTIFY on PostgreSQL (see ``listen``), and on SQLite when
``Watch`` sees the inbox grow (``partnerbot worker`` runs one). Besides, an idle thread
looks every ``poll_seconds`` (a safety poll, for rows whose lease ran out: a quarter of
the lease, at most ``POLL_SECONDS``; each look takes SQLite's write lock). A row's "done"
is written in the transaction that claims the next one.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from bot import reply_codec
from bot.config import Settings
from bot.messages import Reply
from bot.router import READ_ONLY
from storage import inbox
from storage.db import Database, NeedsWrite, Store, is_unreachable

log = logging.getLogger(__name__)

THREADS = 4  # more only fight over the GIL and, on SQLite, over the one write lock
LEASE = timedelta(seconds=60)
POLL_SECONDS = 5.0  # the longest safety poll (wakes and NOTIFY bring new rows at once)
DRAIN_SECONDS = 30.0
CHANNEL = "partnerbot_inbox"  # PostgreSQL NOTIFY channel
# SQLite: how often a worker process without a front looks whether another stored rows
# (``Watch``); about 40 reads a second of one integer when idle.
WATCH_SECONDS = 0.025


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Job:
    """One claimed inbox row as the platform sees it."""

    db: Database
    claimed: inbox.Claimed
    answer: Reply | None = None  # set when the command already ran: answer only
    recorded: bool = field(default=False, init=False)

    @property
    def kind(self) -> str:
        return self.claimed.kind

    @property
    def key(self) -> str:
        """What the answer's messages carry, to be found again (see bot/adapters/slack)."""
        return self.claimed.key

    @property
    def body(self) -> dict[str, Any]:
        return self.claimed.body

    def record(self, session: Session, reply: Reply) -> None:
        """Mark the row ran, with its answer, in ``session`` (the command's transaction).
        A command that only read has no effects to commit with "ran": running it again
        after a crash only reads again, so nothing is written (its "done" rides on the next
        claim), unless it posts in a channel: a post a crashed worker may have made is
        looked for before posting again only for a row that ran, so that one is recorded
        (in a write transaction: NeedsWrite runs the command again to write)."""
        if session.info.get(READ_ONLY):
            if reply.visibility == "channel":
                raise NeedsWrite("recording a channel post")
            self.recorded = True
            return
        inbox.mark_ran(session, self.claimed.id, self.claimed.token, reply_codec.encode(reply))
        self.recorded = True

    def settle(self, reply: Reply) -> Reply:
        """After the command: record the answer if its transaction did not (a refusal or an
        error rolled back, so running it again would change nothing either)."""
        if not self.recorded:
            with self.db.transaction() as session:
                self.record(session, reply)
        return reply


Handle = Callable[[Job], None]


class Wakeups:
    """Rows stored and not yet looked for. Each wakes one waiting thread, not all of them:
    the others would only find nothing, each in a transaction of its own (on SQLite one
    after the other, on the one write lock)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._count = 0

    def add(self, n: int = 1) -> None:
        if n <= 0:
            return
        with self._cond:
            self._count += n
            self._cond.notify(n)

    def everyone(self) -> None:
        with self._cond:
            self._count += 1
            self._cond.notify_all()

    def take(self) -> None:
        """A thread found a row without waiting: that row's wake-up is used up."""
        with self._cond:
            self._count = max(self._count - 1, 0)

    def wait(self, timeout: float) -> None:
        """Until a wake-up is there for this thread (or ``timeout``); takes it."""
        with self._cond:
            if not self._count:
                self._cond.wait(timeout)
            if self._count:
                self._count -= 1


class Worker:
    def __init__(
        self,
        db: Database,
        handle: Handle,
        *,
        threads: int = THREADS,
        lease: timedelta = LEASE,
        poll_seconds: float | None = None,
        clock: Callable[[], datetime] = utcnow,
        platform: str | None = None,
        turn: Callable[[], None] | None = None,
    ) -> None:
        self.db = db
        # Waited for before each claim: the acks of a front in this process go first
        # (bot/acks_first.py).
        self.turn = turn
        self.handle = handle
        self.platform = platform  # claim only this platform's rows (None: any)
        self.lease = lease
        self.poll_seconds = (
            poll_seconds
            if poll_seconds is not None
            else min(POLL_SECONDS, lease.total_seconds() / 4)
        )
        self.clock = clock
        self._wakeups = Wakeups()
        self._stopping = threading.Event()
        self._draining = False
        self._threads = [
            threading.Thread(target=self._loop, name=f"inbox-{i}", daemon=True)
            for i in range(threads)
        ]

    @classmethod
    def from_settings(
        cls,
        db: Database,
        handle: Handle,
        settings: Settings,
        *,
        platform: str,
        turn: Callable[[], None] | None = None,
    ) -> Worker:
        """A platform's worker as `serve` and `partnerbot worker` run it (threads and lease
        from the settings)."""
        return cls(
            db,
            handle,
            threads=settings.worker_threads,
            lease=timedelta(seconds=settings.inbox_lease_seconds),
            platform=platform,
            turn=turn,
        )

    def start(self) -> None:
        for thread in self._threads:
            thread.start()
        if self.db.is_postgres:
            threading.Thread(target=self._listen, name="inbox-listen", daemon=True).start()

    def wake(self, rows: int = 1) -> None:
        """``rows`` rows were stored (and committed): claim them now."""
        self._wakeups.add(rows)

    def stop(self, drain_seconds: float = DRAIN_SECONDS) -> None:
        """Finish what is running and what is waiting (for up to ``drain_seconds``: the
        front no longer takes requests), then end. Rows left are run at the next start."""
        self._draining = True
        self._wakeups.everyone()
        for thread in self._threads:
            thread.join(drain_seconds)
        self._stopping.set()
        self._wakeups.everyone()
        for thread in self._threads:
            thread.join(5)

    # -- the loop ------------------------------------------------------------------------

    def _loop(self) -> None:
        finished: Job | None = None  # run and answered; marked done with the next claim
        woken = False  # this claim follows a wake-up (it took its count already)
        while not self._stopping.is_set():
            if self.turn is not None:  # the finished row's "done" waits with the claim
                self.turn()
            try:
                job = self._claim(finished)
            except Exception as exc:
                self._log_db_error("claiming", exc)
                job = None
                if self._draining:
                    return
                self._stopping.wait(1.0)
                continue
            finished = None
            if job is None:
                if self._draining:
                    return
                self._wakeups.wait(self.poll_seconds)
                woken = True
                continue
            if not woken:
                self._wakeups.take()
            woken = False
            finished = job if self._run(job) else None

    def _claim(self, finished: Job | None = None) -> Job | None:
        """Mark ``finished`` done and claim the next row, in one transaction (on a bare
        connection: two statements need no unit of work)."""
        with self.db.writing() as conn:
            if finished is not None:
                self._mark_done(conn, finished)
            claimed = inbox.claim(conn, now=self.clock(), lease=self.lease, platform=self.platform)
        if claimed is None:
            return None
        if claimed.attempts > inbox.MAX_ATTEMPTS:
            log.error("inbox row %s failed %d times; given up", claimed.id, inbox.MAX_ATTEMPTS)
            with self.db.transaction() as session:
                inbox.mark_failed(
                    session, claimed.id, claimed.token, now=self.clock(), error="too many attempts"
                )
            return self._claim()
        answer = reply_codec.decode(claimed.answer) if claimed.answer is not None else None
        if answer is not None:
            log.warning("inbox row %s ran before its worker stopped: answering it", claimed.id)
        return Job(self.db, claimed, answer=answer)

    def _mark_done(self, session: Session | Connection, job: Job) -> None:
        # A lost claim updated nothing: the claim that follows in this transaction stands.
        try:
            inbox.mark_done(session, job.claimed.id, job.claimed.token, now=self.clock())
        except inbox.LostClaim:
            log.warning("inbox row %s: lease ran out, another worker has it", job.claimed.id)

    def _run(self, job: Job) -> bool:
        """Run ``job``; True when it is to be marked done (it ran and was answered)."""
        try:
            self.handle(job)
        except inbox.LostClaim:
            log.warning("inbox row %s: lease ran out, another worker has it", job.claimed.id)
        except Exception as exc:  # the row is run again after its lease
            self._log_db_error(f"running inbox row {job.claimed.id}", exc)
        else:
            return True
        return False

    def _log_db_error(self, what: str, exc: Exception) -> None:
        if is_unreachable(exc):
            log.warning("%s: database error (%s)", what, exc.__class__.__name__)
        else:
            log.exception("%s failed", what, exc_info=exc)

    def _listen(self) -> None:
        """PostgreSQL: wake on the fronts' NOTIFY (stored rows in other processes)."""
        while not self._stopping.is_set():
            try:
                with self.db.engine.connect() as conn:
                    conn.execute(text(f"LISTEN {CHANNEL}"))
                    conn.commit()
                    raw = conn.connection.driver_connection
                    while not self._stopping.is_set():
                        for note in raw.notifies(timeout=1.0):  # type: ignore[union-attr]
                            self._wakeups.add(stored_elsewhere(note.payload))
            except Exception as exc:
                self._log_db_error("listening for new inbox rows", exc)
                self._stopping.wait(1.0)


class Watch:
    """SQLite: wakes the workers of a process without a front (``partnerbot worker``) when
    a front in another process stores rows, without IPC of our own: every ``every``
    seconds it reads ``PRAGMA data_version`` (it changes when another connection commits;
    a few microseconds, no lock), and when it changed, how far the inbox's highest id
    moved: that many rows were stored, that many wake-ups (the worker's own commits move
    no id and wake nobody; a highest id that fell, old rows pruned, wakes one).
    PostgreSQL has NOTIFY for this (``Worker._listen``)."""

    def __init__(
        self, db: Database, wakes: list[Callable[[int], None]], *, every: float = WATCH_SECONDS
    ) -> None:
        self.db = db
        self.wakes = wakes
        self.every = every
        self._stopping = threading.Event()
        self._watching = threading.Event()  # set once the first look is taken
        self._thread = threading.Thread(target=self._loop, name="inbox-watch", daemon=True)

    def start(self) -> None:
        """Returns once the watch has taken its first look: rows stored after that wake."""
        self._thread.start()
        self._watching.wait(5.0)

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(5)

    def _loop(self) -> None:
        while not self._stopping.is_set():
            try:
                self._watch()
            except Exception as exc:  # a locked or vanished file: look again in a second
                log.warning("watching for new inbox rows: %s", exc.__class__.__name__)
                self._stopping.wait(1.0)

    def _watch(self) -> None:
        # The driver's connection in autocommit (bot's engine sets isolation_level None):
        # these reads begin no transaction and take no lock.
        raw = self.db.engine.raw_connection()
        try:
            cursor = raw.cursor()
            version, top = _version(cursor), _top(cursor)
            self._watching.set()
            while not self._stopping.wait(self.every):
                now = _version(cursor)
                if now == version:
                    continue
                version, before, top = now, top, _top(cursor)
                if top != before:  # lower: rows pruned, and new ones may reuse their ids
                    for wake in self.wakes:
                        wake(max(top - before, 1))
        finally:
            raw.close()


def _version(cursor: Any) -> int:
    cursor.execute("PRAGMA data_version")
    return int(cursor.fetchone()[0])


def _top(cursor: Any) -> int:
    cursor.execute("SELECT max(id) FROM inbox")
    return int(cursor.fetchone()[0] or 0)


def notify(session: Session | Store, rows: int = 1) -> None:
    """In the transaction that stores ``rows`` rows: workers in other processes wake at
    its commit, one thread per row (this process's own were woken directly). On SQLite a
    worker in another process sees the commit by ``PRAGMA data_version`` (``Watch``)."""
    if isinstance(session, sqlite3.Connection):
        return
    conn = session if isinstance(session, Connection) else session.get_bind()
    if conn.dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": CHANNEL, "payload": f"{os.getpid()}:{rows}"},
        )


def stored_elsewhere(payload: str) -> int:
    """How many threads a NOTIFY wakes here: none for this process's own rows."""
    pid, _, rows = payload.partition(":")
    if pid == str(os.getpid()):
        return 0
    return int(rows) if rows.isdigit() else 1
