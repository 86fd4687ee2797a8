"""Database.reading(): a transaction that only reads. It refuses a write before the write
runs, and on SQLite it holds no lock a writer waits for."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from storage import inbox
from storage.db import Database, NeedsWrite
from storage.models import InboxRequest

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def store(session, key: str) -> bool:  # type: ignore[no-untyped-def]
    return inbox.accept(
        session, key=key, platform="slack", kind="command", member="U1", body={}, now=NOW
    )


def rows(db: Database) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(InboxRequest)) or 0)


def test_a_write_in_a_reading_transaction_is_refused_before_it_runs(any_db: Database) -> None:
    with pytest.raises(NeedsWrite), any_db.reading() as session:
        assert session.scalar(select(func.count()).select_from(InboxRequest)) == 0
        store(session, "k1")
    assert rows(any_db) == 0
    with any_db.transaction() as session:  # the same pool writes as before
        assert store(session, "k1")
    assert rows(any_db) == 1


def test_a_writer_commits_while_a_reading_transaction_is_open(any_db: Database) -> None:
    # One thread: were the reader holding SQLite's write lock (BEGIN IMMEDIATE), the writer
    # would fail after the busy timeout. (The gate is shown across threads in
    # tests/bot/test_reading_verbs.py.)
    with any_db.transaction() as session:
        store(session, "k1")
    with any_db.reading() as reader:
        assert reader.scalar(select(func.count()).select_from(InboxRequest)) == 1
        with any_db.transaction() as writer:
            assert store(writer, "k2")
        if any_db.engine.dialect.name == "sqlite":  # one snapshot for the whole read
            assert reader.scalar(select(func.count()).select_from(InboxRequest)) == 1
    assert rows(any_db) == 2
