"""Database.writing_now (storage/db.py): SQLite's write lock if it is free this instant,
asked on a driver connection of the database's own with busy_timeout 0."""

from __future__ import annotations

import sqlite3

from sqlalchemy import text

from storage.db import Database


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
