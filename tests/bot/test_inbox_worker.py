"""The inbox worker's transactions: a row's "done" rides on the transaction that claims
the next one, and a stored row wakes one waiting thread, not every thread (each would
claim in a transaction of its own and, on SQLite, queue for the one write lock)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import event

from bot.adapters.slack.intake import Intake
from bot.inbox import Job, Worker, stored_elsewhere
from bot.messages import Reply
from storage import inbox
from storage.db import Database
from tests.adapters.slack.process import wait_until


class Begins:
    """Counts the transactions the worker's threads begin."""

    def __init__(self, db: Database) -> None:
        self.n = 0
        self._lock = threading.Lock()
        event.listen(db.engine, "begin", self._on_begin)

    def _on_begin(self, _conn: object) -> None:
        if threading.current_thread().name.startswith("inbox-"):
            with self._lock:
                self.n += 1


def answer(job: Job) -> None:
    job.settle(Reply.text("ok"))  # one transaction: the row ran, with its answer


@pytest.fixture
def counted(db: Database) -> Iterator[tuple[Database, Begins]]:
    yield db, Begins(db)


def done_count(db: Database) -> int:
    with db.transaction() as s:
        return inbox.counts(s).get(inbox.DONE, 0)


def start(db: Database, threads: int) -> Worker:
    # A long poll: in these tests only a stored row wakes a thread.
    worker = Worker(db, answer, threads=threads, poll_seconds=60, platform="slack")
    worker.start()
    return worker


def test_a_rows_done_is_written_with_the_next_claim(counted: tuple[Database, Begins]) -> None:
    db, begins = counted
    worker = start(db, threads=1)
    try:
        wait_until(lambda: begins.n == 1, what="the first (empty) claim")
        intake = Intake(db, worker.wake)
        for n in (1, 2):  # one member: run one after the other
            assert intake.store("command", {"user_id": "U1", "trigger_id": f"t{n}"})
        wait_until(lambda: done_count(db) == 2, what="both rows done")
        # claim 1 | ran 1 | done 1 + claim 2 | ran 2 | done 2 + a claim that finds nothing
        # (the second row may already be there at the first claim: one wake-up fewer)
        assert begins.n - 1 == 5, begins.n
    finally:
        worker.stop(5)


def test_one_stored_row_wakes_one_of_four_threads(counted: tuple[Database, Begins]) -> None:
    db, begins = counted
    worker = start(db, threads=4)
    try:
        wait_until(lambda: begins.n == 4, what="each thread's first (empty) claim")
        assert Intake(db, worker.wake).store("command", {"user_id": "U1", "trigger_id": "t1"})
        wait_until(lambda: done_count(db) == 1, what="the row done")
        # claim | ran | done + a claim that finds nothing; the other three slept on (one
        # that was still on its way to sleep when the row came may look once: 4). Woken
        # all at once, each of the four would have claimed: 6.
        assert begins.n - 4 in (3, 4), begins.n
    finally:
        worker.stop(5)


def test_a_notify_wakes_a_thread_per_row_stored_by_another_process() -> None:
    assert stored_elsewhere(f"{os.getpid() + 1}:3") == 3
    assert stored_elsewhere(f"{os.getpid()}:3") == 0  # ours: woken directly already
    assert stored_elsewhere("") == 1  # a bare NOTIFY (an older version): one


def test_idle_threads_poll_for_rows_whose_lease_ran_out_not_for_new_rows(db: Database) -> None:
    """New rows wake a thread (in process, or NOTIFY); the safety poll only has to find a
    row whose lease ran out: a quarter of the lease, at most POLL_SECONDS (each look takes
    SQLite's write lock)."""
    from datetime import timedelta

    from bot.inbox import POLL_SECONDS

    assert Worker(db, answer, lease=timedelta(seconds=3)).poll_seconds == 0.75
    assert Worker(db, answer, lease=timedelta(seconds=60)).poll_seconds == POLL_SECONDS == 5.0
