"""The intake (bot/adapters/slack/intake.py): a stored request's ack is let go before this
process's worker is woken, so the worker does not compete with the ack; on SQLite a
request is stored in the event loop when the write lock is free, and handed to the writer
thread's group commit when it is not, never making the loop wait."""

from __future__ import annotations

import asyncio
import sqlite3
import threading

from sqlalchemy import event

from bot.adapters.slack.intake import Intake
from storage import inbox
from storage.db import Database


def test_the_ack_goes_before_the_worker_is_woken(db: Database) -> None:
    acked, woken = threading.Event(), threading.Event()
    woken_after_ack: list[bool] = []

    def wake(rows: int) -> None:
        woken_after_ack.append(acked.wait(30))  # 30 s: only a guard against a hang
        woken.set()

    intake = Intake(db, wake)

    async def front() -> bool:
        stored = await intake.store_async("command", {"user_id": "U1", "trigger_id": "t1"})
        acked.set()
        return stored

    assert asyncio.run(front())
    assert woken.wait(30)
    assert woken_after_ack == [True]
    with db.reading() as session:
        assert inbox.counts(session) == {"pending": 1}


def test_a_retry_is_stored_once_and_wakes_nobody(db: Database) -> None:
    wakes: list[int] = []
    intake = Intake(db, wakes.append)
    assert intake.store("command", {"user_id": "U1", "trigger_id": "t1"})
    assert not intake.store("command", {"user_id": "U1", "trigger_id": "t1"})
    assert wakes == [1]


def test_twins_in_one_group_commit_store_one_row_on_both_databases(any_db: Database) -> None:
    """The insert built once (storage/inbox.accept_all) refuses a key it stored already,
    also when the retry arrives in the same group commit as the original."""
    intake = Intake(any_db)
    body = {"user_id": "U1", "trigger_id": "t1", "text": "liste"}

    async def front() -> list[bool]:
        return list(
            await asyncio.gather(
                intake.store_async("command", body),
                intake.store_async("command", dict(body)),
                intake.store_async("command", {"user_id": "U2", "trigger_id": "t2"}),
            )
        )

    assert sorted(asyncio.run(front())) == [False, True, True]
    assert not intake.store("command", body)
    with any_db.reading() as session:
        assert inbox.counts(session) == {"pending": 2}


def inserting_threads(db: Database) -> list[int]:
    """The threads that run the inbox's INSERTs on ``db``, as they run (seen by SQLite
    itself: the front's insert runs on the driver's connection, past SQLAlchemy)."""
    threads: list[int] = []

    def seen(statement: str) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO INBOX"):
            threads.append(threading.get_ident())

    def traced(dbapi_conn, record, proxy) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.set_trace_callback(seen)

    event.listen(db.engine, "checkout", traced)
    return threads


def test_with_the_write_lock_free_a_request_is_stored_in_the_event_loop(db: Database) -> None:
    threads = inserting_threads(db)
    intake = Intake(db)

    async def front() -> bool:
        return await intake.store_async("command", {"user_id": "U1", "trigger_id": "t1"})

    assert asyncio.run(front())
    assert threads == [threading.get_ident()]  # asyncio.run's loop runs in this thread
    with db.reading() as session:
        assert inbox.counts(session) == {"pending": 1}


def test_the_event_loop_never_waits_for_a_write_lock_another_process_holds(
    db: Database,
) -> None:
    """Another process's transaction (here a connection of its own) holds SQLite's lock: the
    request goes to the writer thread, and the loop goes on serving meanwhile."""
    threads = inserting_threads(db)
    intake = Intake(db)
    other = sqlite3.connect(db.engine.url.database or "", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")

    async def front() -> bool:
        stored = asyncio.create_task(
            intake.store_async("command", {"user_id": "U1", "trigger_id": "t1"})
        )
        await asyncio.sleep(0)  # the task's first step: it tried, and handed the row over
        assert not stored.done()  # the loop is free while the lock is held
        other.execute("COMMIT")
        return await stored

    try:
        assert asyncio.run(front())
    finally:
        other.close()
    assert len(threads) == 1 and threads[0] != threading.get_ident()
    with db.reading() as session:
        assert inbox.counts(session) == {"pending": 1}
