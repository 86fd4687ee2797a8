"""bot.inbox.Watch: on SQLite, a worker process learns of rows another process's front
stored from the file itself (PRAGMA data_version and the inbox's highest id)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator

import pytest

from bot.inbox import Watch
from storage.db import Database

INSERT = (
    "INSERT INTO inbox (key, platform, kind, member, body, state, received_at, attempts)"
    " VALUES (?, 'slack', 'command', 'U1', '{}', 'pending', '2026-12-01 10:00:00', 0)"
)


class Wakes:
    """What the watch woke, and an event per wake-up to wait on (no sleeping)."""

    def __init__(self) -> None:
        self.rows: list[int] = []
        self.cond = threading.Condition()

    def __call__(self, rows: int) -> None:
        with self.cond:
            self.rows.append(rows)
            self.cond.notify_all()

    def wait_for(self, count: int) -> list[int]:
        with self.cond:
            assert self.cond.wait_for(lambda: len(self.rows) >= count, timeout=30)
            return list(self.rows)


@pytest.fixture
def other(db: Database) -> Iterator[sqlite3.Connection]:
    """A connection of its own, as another process's front has."""
    conn = sqlite3.connect(db.engine.url.database or "", isolation_level=None)
    yield conn
    conn.close()


def store(conn: sqlite3.Connection, *keys: str) -> None:
    conn.execute("BEGIN IMMEDIATE")
    for key in keys:
        conn.execute(INSERT, (key,))
    conn.execute("COMMIT")


def test_rows_another_connection_stores_wake_as_many_threads(
    db: Database, other: sqlite3.Connection
) -> None:
    wakes = Wakes()
    watch = Watch(db, [wakes], every=0.001)
    watch.start()
    try:
        store(other, "a", "b", "c")
        assert wakes.wait_for(1) == [3]
        store(other, "d")
        assert wakes.wait_for(2) == [3, 1]
    finally:
        watch.stop()


def test_a_commit_that_stores_nothing_wakes_nobody(db: Database, other: sqlite3.Connection) -> None:
    wakes = Wakes()
    watch = Watch(db, [wakes], every=0.001)
    watch.start()
    try:
        store(other, "a")
        assert wakes.wait_for(1) == [1]
        other.execute("UPDATE inbox SET state = 'done'")  # a worker's commit
        store(other, "b", "c")  # the sentinel: its wake-up comes after any of the update's
        assert wakes.wait_for(2) == [1, 2]
    finally:
        watch.stop()


def test_rows_pruned_and_their_ids_reused_still_wake(
    db: Database, other: sqlite3.Connection
) -> None:
    wakes = Wakes()
    store(other, "a", "b", "c")
    watch = Watch(db, [wakes], every=0.001)
    watch.start()
    try:
        store(other, "d")
        assert wakes.wait_for(1) == [1]
        # In one commit: every row pruned, a new one stored (SQLite gives it id 1 again).
        other.execute("BEGIN IMMEDIATE")
        other.execute("DELETE FROM inbox")
        other.execute(INSERT, ("e",))
        other.execute("COMMIT")
        assert wakes.wait_for(2) == [1, 1]
    finally:
        watch.stop()
