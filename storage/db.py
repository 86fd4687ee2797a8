"""Engine, unit of work and schema checks for SQLite (default) and PostgreSQL."""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    DisconnectionError,
    InterfaceError,
    NoSuchModuleError,
    OperationalError,
)
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)


class DatabaseError(Exception):
    """A database problem an operator can fix; the message is one readable line."""


READING = "partnerbot_reading"  # the execution option of Database.reading()'s connections
_WRITES = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b", re.IGNORECASE)


class NeedsWrite(Exception):
    """A statement that writes, in a transaction opened for reading (Database.reading):
    refused before it ran; the caller runs the block again in ``Database.transaction()``."""


def _refuse_writes(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
    if _WRITES.match(statement):
        raise NeedsWrite(statement.split(None, 1)[0])


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    # pysqlite's own transaction handling is off (isolation_level=None) so that we can
    # BEGIN IMMEDIATE: writers queue on the lock instead of failing on upgrade.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn) -> None:  # type: ignore[no-untyped-def]
    # A reading transaction begins deferred: in WAL it takes no lock, never waits for the
    # writer and never makes the writer wait. On the driver's connection: SQLAlchemy's
    # statement machinery (events, cursor, result) cost about 0.1 ms of CPU per
    # transaction, three transactions per request; its errors are wrapped as its own.
    begin = "BEGIN" if conn.get_execution_options().get(READING) else "BEGIN IMMEDIATE"
    try:
        conn.connection.driver_connection.execute(begin)
    except sqlite3.Error as exc:
        raise DBAPIError.instance(begin, (), exc, sqlite3.Error) from exc


# user:password@ in a URL, also in one too broken to parse
_USERINFO = re.compile(r"^((?:[\w+.-]+://)?)([^:/@\s]*):\S*@")


def hide_password(url: str) -> str:
    """``url`` as it may be shown in a message or a log: its password as ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return _USERINFO.sub(r"\1\2:***@", url.strip())


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """Build an engine for ``url``; raises DatabaseError for an unreadable URL."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:  # ValueError: a port that is not a number
        raise DatabaseError(f"DATABASE_URL is not a database URL: {hide_password(url)!r}") from exc
    try:
        if parsed.get_backend_name() == "sqlite":
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(
                parsed, echo=echo, connect_args={"check_same_thread": False, "timeout": 30}
            )
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
        else:
            engine = create_engine(parsed, echo=echo, pool_size=10, max_overflow=20)
            event.listen(engine, "checkin", _idle_since)
            event.listen(engine, "checkout", _ping_if_idle)
    except (NoSuchModuleError, ArgumentError, ImportError) as exc:
        raise DatabaseError(f"DATABASE_URL names a database I cannot use: {exc}") from exc
    return engine


# A pooled connection unused this long is pinged before use (a restarted server cut it);
# under load connections come back within milliseconds and go out unpinged: a ping per
# transaction (pool_pre_ping) was a round trip per transaction.
PING_AFTER_IDLE_SECONDS = 1.0


def _idle_since(dbapi_conn: Any, record: Any) -> None:
    record.info["idle_since"] = time.monotonic()


def _ping_if_idle(dbapi_conn: Any, record: Any, proxy: Any) -> None:
    """Checkout: a connection idle for a while answers a ping, or the pool replaces it."""
    since = record.info.get("idle_since")
    if since is None or time.monotonic() - since < PING_AFTER_IDLE_SECONDS:
        return
    try:
        with dbapi_conn.cursor() as cursor:
            cursor.execute("SELECT 1")
        dbapi_conn.rollback()
    except Exception as exc:
        raise DisconnectionError("a pooled connection did not answer") from exc


# SQLite: how long an urgent writer asks for the lock another process holds, and how often.
LOCK_WAIT_SECONDS = 30.0
LOCK_RETRY_SECONDS = 0.0005
SQLITE_BUSY = 5
# The front's store has the WAL checkpointed after this many of its commits (each writes a
# page or more; SQLite's own autocheckpoint is at 1,000 pages): its connection does not
# checkpoint, and with no other connection committing (the worker down) nothing else would.
CHECKPOINT_EVERY = 1000


# What the front's store runs on: the driver's connection on SQLite (Database.storing).
Store = Connection | sqlite3.Connection


@contextmanager
def _committed_raw(raw: sqlite3.Connection) -> Iterator[None]:
    """Commit the driver connection's transaction when the block ends, roll it back on an
    exception."""
    try:
        yield
        raw.execute("COMMIT")
    except BaseException:
        if raw.in_transaction:
            raw.execute("ROLLBACK")
        raise


class WriteGate:
    """SQLite has one write lock, and every write transaction here takes it (BEGIN
    IMMEDIATE; a reading one, Database.reading, takes neither it nor this gate).
    Waiting for it is SQLite's busy handler: sleeps and retries, first come not first
    served, so a front storing a request could wait behind a stream of worker
    transactions. In one process this gate hands the lock out instead, urgent holders (the
    front, with Slack's 3 seconds running) before the others. A thread that holds it
    already passes (no deadlock on a nested transaction).

    Letting go wakes one waiter, the longest waiting urgent one, else the longest waiting
    other one (with one condition and ``notify_all`` every waiter woke at every release,
    took the GIL to look, and slept again). The gate is not handed to it: a thread that
    comes while it wakes takes a free gate at once (handing it over would leave it idle
    until the woken thread runs, a long wait on a busy machine)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._urgent_turn = threading.Condition(self._lock)
        self._other_turn = threading.Condition(self._lock)
        self._owner: int | None = None
        self._urgent = 0  # urgent threads waiting
        self._others = 0  # other threads waiting

    def waiting(self) -> int:
        """How many threads wait for the gate (for tests and diagnostics)."""
        with self._lock:
            return self._urgent + self._others

    @contextmanager
    def try_hold(self) -> Iterator[bool]:
        """Hold the gate if it is free and nobody urgent waits for it (True), else pass at
        once (False): for a caller that must not wait, such as the event loop."""
        with self._lock:
            free = self._owner is None and not self._urgent
            if free:
                self._owner = threading.get_ident()
        try:
            yield free
        finally:
            if free:
                self._release()

    @contextmanager
    def hold(self, *, urgent: bool = False) -> Iterator[None]:
        me = threading.get_ident()
        if self._owner == me:
            yield
            return
        with self._lock:
            if urgent:
                self._wait(self._urgent_turn, urgent=True)
            else:
                self._wait(self._other_turn, urgent=False)
            self._owner = me
        try:
            yield
        finally:
            self._release()

    def _wait(self, turn: threading.Condition, *, urgent: bool) -> None:
        """With the lock held: until the gate is free (and, for others, nobody urgent
        waits). A waiter woken whose turn was taken meanwhile waits again."""
        if urgent:
            self._urgent += 1
        else:
            self._others += 1
        try:
            while self._owner is not None or (not urgent and self._urgent):
                turn.wait()
        except BaseException:
            self._leave(urgent)
            if self._owner is None:
                self._wake_next()  # the wake-up this thread may have had is not lost
            raise
        self._leave(urgent)

    def _leave(self, urgent: bool) -> None:
        if urgent:
            self._urgent -= 1
        else:
            self._others -= 1

    def _release(self) -> None:
        with self._lock:
            self._owner = None
            self._wake_next()

    def _wake_next(self) -> None:
        if self._urgent:
            self._urgent_turn.notify()
        elif self._others:
            self._other_turn.notify()


class Database:
    """The engine and its session factory; ``transaction()`` is the unit of work."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        self.gate = WriteGate() if engine.dialect.name == "sqlite" else None
        # The same pool; its connections refuse to write (and on SQLite begin deferred).
        reader = engine.execution_options(**{READING: True})
        event.listen(reader, "before_cursor_execute", _refuse_writes)
        self.read_sessions = sessionmaker(reader, expire_on_commit=False)
        # storing's and writing_now's connection (busy_timeout 0), and its driver connection
        self._now: tuple[Connection, sqlite3.Connection] | None = None
        self._stores = 0  # the front's commits on it since it last had the WAL checkpointed
        self.checkpointing: threading.Thread | None = None  # the last checkpoint it started

    @classmethod
    def from_url(cls, url: str) -> Database:
        return cls(make_engine(url))

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    @contextmanager
    def transaction(self, *, urgent: bool = False) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any exception.
        ``urgent``: someone waits on it (a front before its ack); SQLite lets it go first."""
        with self._held(urgent=urgent), self.sessions() as session, session.begin():
            yield session

    def _held(self, *, urgent: bool = False) -> AbstractContextManager[None]:
        """The write gate held on SQLite (``urgent``: first in line); nothing on PostgreSQL."""
        return nullcontext() if self.gate is None else self.gate.hold(urgent=urgent)

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """``transaction()`` on a Core connection, no ORM session: for a few statements that
        run for every request (the worker's claim)."""
        with self._held(), self.engine.begin() as conn:
            yield conn

    @contextmanager
    def storing(self) -> Iterator[Store]:
        """The front's store before its ack, in one transaction, waiting its turn (Slack's 3
        seconds run). PostgreSQL: ``writing()``. SQLite: first through the gate, and then
        the driver's own connection (``sqlite3``, busy_timeout 0) in a transaction: its
        BEGIN, statements and COMMIT skip SQLAlchemy's work per statement (about a fifth of
        the front's CPU per ack). Against another process's transaction it asks for the lock
        every ``LOCK_RETRY_SECONDS`` instead of through SQLite's busy handler, which sleeps
        up to 100 ms between tries (a front beside `partnerbot worker`)."""
        if self.gate is None:
            with self.writing() as conn:
                yield conn
            return
        with self.gate.hold(urgent=True):
            raw = self._begin_soon()
            with _committed_raw(raw):
                yield raw
            self._checkpoint_now_and_then()

    @contextmanager
    def writing_now(self) -> Iterator[sqlite3.Connection | None]:
        """SQLite: ``storing()`` if the write lock is free this instant, else None at once,
        without waiting: for the event loop, which must never wait behind a worker's
        transaction (in this process: the gate; in another: SQLite's lock, asked with
        busy_timeout 0). Always None on PostgreSQL (a round trip is a wait too)."""
        if self.gate is None:
            yield None
            return
        with self.gate.try_hold() as free:
            raw = self._begin_now() if free else None
            if raw is None:
                yield None
                return
            with _committed_raw(raw):
                yield raw
            self._checkpoint_now_and_then()

    def _checkpoint_now_and_then(self) -> None:
        """After a commit of the front's store (the gate held): every CHECKPOINT_EVERY
        commits, a PASSIVE checkpoint in a thread of its own, never in the event loop or
        before an ack. It waits for nobody; with the worker running its commits have
        checkpointed already and this one finds little or nothing to copy."""
        self._stores += 1
        if self._stores < CHECKPOINT_EVERY or (
            self.checkpointing is not None and self.checkpointing.is_alive()
        ):
            return
        self._stores = 0
        self.checkpointing = threading.Thread(
            target=self._checkpoint, name="wal-checkpoint", daemon=True
        )
        self.checkpointing.start()

    def _checkpoint(self) -> None:
        try:  # the driver's connection: SQLAlchemy's would BEGIN IMMEDIATE first
            with self.engine.connect() as conn:
                raw = conn.connection.driver_connection
                assert isinstance(raw, sqlite3.Connection)
                raw.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except Exception:  # the next one tries again; the WAL only grows meanwhile
            log.warning("WAL checkpoint failed", exc_info=True)

    def _begin_soon(self) -> sqlite3.Connection:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            raw = self._begin_now(last_try=time.monotonic() > deadline)
            if raw is not None:
                return raw
            time.sleep(LOCK_RETRY_SECONDS)

    def _begin_now(self, *, last_try: bool = False) -> sqlite3.Connection | None:
        """The gate holder's own driver connection (busy_timeout 0) in a transaction (BEGIN
        IMMEDIATE), or None when another process holds the lock (its error on the last try,
        and any other error at once). It does not checkpoint the WAL itself
        (wal_autocheckpoint 0): a checkpoint copies pages and syncs the file, in the event
        loop before an ack; the other connections' commits (the worker's) checkpoint, and
        without them ``_checkpoint_now_and_then``, in a thread."""
        if self._now is None:
            conn = self.engine.connect()
            raw = conn.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            raw.execute("PRAGMA busy_timeout=0")
            raw.execute("PRAGMA wal_autocheckpoint=0")
            self._now = (conn, raw)
        conn, raw = self._now
        try:
            raw.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode == SQLITE_BUSY and not last_try:
                return None  # kept for the next try: a failed BEGIN leaves it usable
            # Not back into the pool with busy_timeout 0: closed for good.
            conn.invalidate()
            conn.close()
            self._now = None
            raise
        return raw

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A transaction that only reads: outside the write gate, and on SQLite a deferred
        BEGIN, so a long read (a command listing 1,000 hearings) never holds the one write
        lock a front waits for before its ack. A statement that would write raises
        NeedsWrite before it runs (the transaction is rolled back): run the block again in
        ``transaction()``."""
        with self.read_sessions() as session, session.begin():
            yield session

    def ping(self) -> None:
        """Raise DatabaseError with a readable line when the database does not answer."""
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except OperationalError as exc:
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise DatabaseError(f"cannot reach the database: {reason}") from exc

    def dispose(self) -> None:
        if self.checkpointing is not None:
            self.checkpointing.join()
        if self._now is not None:
            self._now[0].close()
            self._now = None
        self.engine.dispose()


def is_unreachable(exc: BaseException) -> bool:
    """The database could not be reached or was busy (down, a cut connection, a locked
    SQLite file, a full pool): worth "try again". Anything else the database refuses (a
    constraint, a value too long) is a bug in the caller and must be reported as one."""
    # sqlite3's own: the front's store runs on the driver's connection (Database.storing)
    if isinstance(exc, (OperationalError, InterfaceError, PoolTimeout, sqlite3.OperationalError)):
        return True
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)
