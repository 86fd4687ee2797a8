"""Database.writing_now (storage/db.py): SQLite's write lock if it is free this instant,
asked on a driver connection of the database's own with busy_timeout 0."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from storage import inbox
from storage.db import CHECKPOINT_EVERY, Database

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def found_busy(db: Database) -> None:
    """writing_now while another connection (another process's) holds the lock: None."""
    other = sqlite3.connect(db.engine.url.database or "", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    with db.writing_now() as conn:
        assert conn is None
    other.execute("COMMIT")
    other.close()


def test_a_busy_writing_now_gives_back_no_connection_that_would_not_wait(db: Database) -> None:
    """writing_now asks for the lock with busy_timeout 0 on a connection of its own; when
    it finds the lock taken, that connection must not go back to the pool, where an
    ordinary transaction would take it and fail at once instead of waiting its turn."""
    found_busy(db)
    pooled = [db.engine.connect() for _ in range(db.engine.pool.checkedin())]  # type: ignore[attr-defined]
    try:
        for conn in pooled:
            driver = conn.connection.driver_connection
            assert driver.execute("PRAGMA busy_timeout").fetchone()[0] == 30000  # type: ignore[union-attr]
    finally:
        for conn in pooled:
            conn.close()


def test_writing_now_takes_the_lock_once_it_is_free_again(db: Database) -> None:
    """A busy try leaves writing_now able to take the lock and write at the next try."""
    found_busy(db)
    with db.writing_now() as conn:
        assert conn is not None
        conn.execute("CREATE TABLE kept (x INTEGER)")
        conn.execute("INSERT INTO kept VALUES (1)")
    with db.reading() as session:
        assert session.execute(text("SELECT count(*) FROM kept")).scalar() == 1


def test_the_fronts_store_leaves_checkpoints_to_the_other_connections(db: Database) -> None:
    """A checkpoint copies the WAL into the file and syncs it: never in the event loop
    before an ack. The front's connection does not checkpoint (wal_autocheckpoint 0): its
    commits pile up in the WAL past SQLite's 1,000 pages, and the next commit of an ordinary
    connection (the worker's) checkpoints them, so that the log starts again."""
    path = db.engine.url.database or ""
    other = sqlite3.connect(path, isolation_level=None)
    try:
        for i in range(500):
            store(db, f"k{i}")
        page = int(other.execute("PRAGMA page_size").fetchone()[0])
        assert Path(path + "-wal").stat().st_size > 1200 * (page + 24)  # frames, all kept
        with db.transaction() as session:  # an ordinary connection's commit: it checkpoints
            session.execute(text("CREATE TABLE kept (x INTEGER)"))
        store(db, "after")  # the log starts again from its beginning
        assert int(other.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[1]) < 100
    finally:
        other.close()


def store(db: Database, key: str) -> None:
    with db.storing() as conn:
        inbox.accept_all(conn, [inbox.Incoming(key, "slack", "command", "U1", {})], now=NOW)


def test_a_transaction_that_cannot_begin_raises_sqlalchemy_s_error(db: Database) -> None:
    """BEGIN runs on the driver's connection (storage/db.py: _sqlite_begin), past
    SQLAlchemy; a lock it cannot get is still SQLAlchemy's OperationalError, which the
    router and the workers read as "busy, try again" (is_unreachable)."""
    from sqlalchemy.exc import OperationalError

    from storage.db import is_unreachable

    with db.engine.connect() as conn:  # the pool's one connection: it waits 0 s, not 30
        conn.connection.driver_connection.execute("PRAGMA busy_timeout=0")  # type: ignore[union-attr]
    other = sqlite3.connect(db.engine.url.database or "", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        try:
            with db.transaction() as session:
                session.execute(text("SELECT 1"))
        except OperationalError as exc:
            assert is_unreachable(exc) and "locked" in str(exc)
        else:
            raise AssertionError("began a write transaction while another held the lock")
        with db.reading() as session:  # a deferred BEGIN takes no lock: it waits for none
            assert session.execute(text("SELECT 1")).scalar() == 1
    finally:
        other.execute("COMMIT")
        other.close()
    with db.transaction() as session:
        assert session.execute(text("SELECT 1")).scalar() == 1


def test_with_no_other_connection_writing_the_fronts_store_keeps_the_wal_from_growing(
    db: Database,
) -> None:
    """With the worker down, nobody else commits and nobody checkpoints: the front's own
    commits (the event loop's and the writer thread's) have the WAL checkpointed every
    CHECKPOINT_EVERY stores, PASSIVE and in a thread of its own (never before an ack), so
    that the log starts again instead of growing without bound."""
    wal = Path((db.engine.url.database or "") + "-wal")
    sizes = []
    for i in range(3 * CHECKPOINT_EVERY):
        if i % 2:
            store(db, f"k{i}")
        else:
            with db.writing_now() as conn:  # the event loop's store, the lock being free
                assert conn is not None
                inbox.accept_all(
                    conn, [inbox.Incoming(f"k{i}", "slack", "command", "U1", {})], now=NOW
                )
        checkpointing = db.checkpointing
        if checkpointing is not None:
            assert checkpointing is not threading.current_thread()
            checkpointing.join()  # the event it is waited on: the checkpoint's end
        if (i + 1) % CHECKPOINT_EVERY == 0:
            sizes.append(wal.stat().st_size)
    assert sizes[-1] < 1.5 * sizes[0], sizes  # without it: three times the first
    assert db.checkpointing is not None  # it did run
