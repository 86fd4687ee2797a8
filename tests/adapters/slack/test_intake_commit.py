"""The intake's group commit (bot/adapters/slack/intake.py): a stored request's ack is let go
before this process's worker is woken, so the worker does not compete with the ack."""

from __future__ import annotations

import asyncio
import threading

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
