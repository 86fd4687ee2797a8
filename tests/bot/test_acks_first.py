"""Acks before answers (bot/acks_first.py): the in-process worker's threads wait for a quiet
moment at the fronts, or for the cap, before they claim; the ASGI middleware counts the
fronts' requests. The clock is a test clock: its sleep moves it, nothing waits."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest
from sqlalchemy import select

from bot.acks_first import AcksFirst
from bot.adapters.slack.intake import Intake
from bot.inbox import Worker
from storage import inbox
from storage.db import Database
from tests.adapters.slack.process import wait_until
from tests.bot.test_inbox_worker import answer, done_count


class Clock:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []
        self.at: dict[float, Any] = {}  # what happens when the clock reaches a time

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds > 0, seconds
        self.slept.append(seconds)
        target = self.now + seconds
        for when in sorted(t for t in self.at if self.now < t <= target):
            self.now = when
            self.at.pop(when)()
        self.now = target


def acks(clock: Clock) -> AcksFirst:
    return AcksFirst(quiet=0.005, cap=0.05, clock=clock, sleep=clock.sleep)


def test_quiet_fronts_let_a_thread_claim_at_once() -> None:
    clock = Clock()
    gate = acks(clock)
    turn = gate.turn()
    turn()
    turn()
    assert clock.slept == []


def test_a_request_in_flight_holds_the_claim_until_it_ends_and_a_quiet_moment_passed() -> None:
    clock = Clock()
    gate = acks(clock)
    turn = gate.turn()
    gate.started()
    clock.at[100.02] = gate.ended  # its ack is sent 20 ms later
    turn()
    assert clock.now == pytest.approx(100.025)  # the end, then 5 ms without a request


def test_a_request_that_just_ended_leaves_a_quiet_moment_for_the_next() -> None:
    clock = Clock()
    gate = acks(clock)
    turn = gate.turn()
    gate.started()
    clock.now += 0.001
    gate.ended()
    clock.now += 0.002
    turn()
    assert clock.now == pytest.approx(100.006)  # 5 ms after its end


def test_requests_without_a_pause_let_one_claim_through_per_cap() -> None:
    clock = Clock()
    gate = acks(clock)
    turn = gate.turn()
    gate.started()  # never ends: the fronts are never quiet
    went = []
    for _ in range(3):
        turn()
        went.append(clock.now)
    assert went == [pytest.approx(100.05), pytest.approx(100.10), pytest.approx(100.15)]
    # While it waits it looks every `quiet`, nobody has to wake it.
    assert max(clock.slept) == pytest.approx(0.005)


def test_a_new_request_during_the_quiet_moment_starts_the_wait_again() -> None:
    clock = Clock()
    gate = acks(clock)
    turn = gate.turn()
    gate.started()
    clock.at[100.010] = gate.ended
    clock.at[100.012] = gate.started  # the next one, 2 ms later
    clock.at[100.020] = gate.ended
    turn()
    assert clock.now == pytest.approx(100.025)


def test_each_worker_has_its_own_turns_while_the_fronts_are_never_quiet() -> None:
    """Slack's and Teams' workers in one process: one forced turn per cap each, not one
    for both (a plain lock shared by both could give every turn to one of them)."""
    clock = Clock()
    gate = acks(clock)
    slack, teams = gate.turn(), gate.turn()
    gate.started()
    slack()
    teams()  # its own cap ran out at the same time: it does not wait for Slack's next
    assert clock.now == pytest.approx(100.05)


def run(app: Any, path: str, scope_type: str = "http") -> None:
    async def nothing() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    async def ignore(message: Any) -> None:
        pass

    asyncio.run(app({"type": scope_type, "path": path}, nothing, ignore))


def test_the_middleware_counts_the_fronts_requests_while_they_run_and_no_others() -> None:
    gate = AcksFirst()
    seen: list[tuple[str, int]] = []

    async def web(scope: Any, receive: Any, send: Any) -> None:
        seen.append((scope["path"], gate.in_flight))
        if scope["path"] == "/api/messages":
            raise RuntimeError("the endpoint failed")

    counted = gate.count(web, {"/slack/events", "/api/messages"})
    run(counted, "/slack/events")
    run(counted, "/healthz")
    run(counted, "/slack/events", scope_type="websocket")
    with pytest.raises(RuntimeError):
        run(counted, "/api/messages")
    assert seen == [
        ("/slack/events", 1),
        ("/healthz", 0),
        ("/slack/events", 0),
        ("/api/messages", 1),
    ]
    assert gate.in_flight == 0  # a failed request ended too


def test_the_worker_claims_a_stored_row_only_when_its_turn_comes(db: Database) -> None:
    turn = threading.Event()
    waited = threading.Event()

    def wait_turn() -> None:
        waited.set()
        turn.wait()

    worker = Worker(db, answer, threads=1, poll_seconds=60, platform="slack", turn=wait_turn)
    # Stored before the worker starts: a claim before the turn would lease it at once.
    assert Intake(db, worker.wake).store("command", {"user_id": "U1", "trigger_id": "t1"})
    worker.start()
    try:
        assert waited.wait(10)
        # stored and acked; the worker waits for its turn before it claims: not leased
        with db.transaction() as s:
            leases = s.execute(select(inbox.T.c.lease_until, inbox.T.c.attempts)).all()
        assert [tuple(row) for row in leases] == [(None, 0)]
        turn.set()
        wait_until(lambda: done_count(db) == 1, what="the row done once it was the worker's turn")
    finally:
        turn.set()
        worker.stop(5)
