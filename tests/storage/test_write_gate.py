"""The SQLite write gate (storage/db.py: WriteGate): urgent holders first, then the others,
each woken in the order they came; a holder passes again; ``try_hold`` never waits."""

from __future__ import annotations

import threading
from collections.abc import Callable

from storage.db import WriteGate
from tests.adapters.slack.process import wait_until


def queue_up(
    gate: WriteGate, order: list[str], name: str, *, urgent: bool = False
) -> threading.Thread:
    """A thread that waits for ``gate``, notes its name when it holds it, and lets go;
    returns once the thread waits in the gate's queue (the holder keeps the gate)."""
    before = gate.waiting()

    def run() -> None:
        with gate.hold(urgent=urgent):
            order.append(name)

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    wait_until(lambda: gate.waiting() == before + 1, what=f"{name} waiting")
    return thread


def holding(gate: WriteGate, body: Callable[[], None]) -> None:
    """Hold the gate in this thread while ``body`` runs (it lines up the waiters)."""
    with gate.hold():
        body()


def test_urgent_waiters_go_first_then_the_others_in_the_order_they_came() -> None:
    gate = WriteGate()
    order: list[str] = []
    threads: list[threading.Thread] = []

    def line_up() -> None:
        threads.append(queue_up(gate, order, "worker-1"))
        threads.append(queue_up(gate, order, "worker-2"))
        threads.append(queue_up(gate, order, "front-1", urgent=True))
        threads.append(queue_up(gate, order, "worker-3"))
        threads.append(queue_up(gate, order, "front-2", urgent=True))
        assert order == []  # nobody passed the holder

    holding(gate, line_up)
    for thread in threads:
        thread.join(10)
    assert order == ["front-1", "front-2", "worker-1", "worker-2", "worker-3"]
    assert gate.waiting() == 0


def test_try_hold_passes_at_once_while_the_gate_is_held_and_holds_it_when_free() -> None:
    gate = WriteGate()
    seen: list[bool] = []

    def elsewhere() -> None:
        with gate.try_hold() as free:
            seen.append(free)

    def while_held() -> None:
        thread = threading.Thread(target=elsewhere)
        thread.start()
        thread.join(10)

    holding(gate, while_held)
    elsewhere()
    assert seen == [False, True]
    with gate.try_hold() as free:
        assert free
        order: list[str] = []
        waiter = queue_up(gate, order, "worker")  # a hold waits behind try_hold
        assert order == []
    waiter.join(10)
    assert order == ["worker"]


def test_a_holder_passes_again_and_the_gate_is_free_after_it() -> None:
    gate = WriteGate()
    with gate.hold(), gate.hold(urgent=True), gate.hold():
        pass
    with gate.try_hold() as free:
        assert free
