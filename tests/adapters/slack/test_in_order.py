"""One member's requests run in the order they came; different members' side by side."""

from __future__ import annotations

import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from bot.adapters.slack.in_order import InOrder


def test_one_keys_tasks_run_in_order_while_other_keys_go_on() -> None:
    first_started = threading.Event()
    release_first = threading.Event()
    done: list[str] = []

    def slow_first() -> None:
        first_started.set()
        assert release_first.wait(5)
        done.append("kari: ja")

    with ThreadPoolExecutor(max_workers=4) as pool:
        tasks = InOrder(pool)
        tasks.submit("U_KARI", slow_first)
        assert first_started.wait(5)
        tasks.submit("U_KARI", done.append, "kari: nei")  # must wait for "ja"
        tasks.submit("U_PER", done.append, "per: ja")  # need not
        deadline = time.monotonic() + 5
        while "per: ja" not in done and time.monotonic() < deadline:
            time.sleep(0.01)
        assert done == ["per: ja"]  # Per went on; Kari's "nei" waits behind her "ja"
        release_first.set()
    assert done == ["per: ja", "kari: ja", "kari: nei"]


def test_many_keys_and_tasks_keep_each_keys_order_and_lose_nothing() -> None:
    rng = random.Random(7)
    seen: dict[str, list[int]] = {}
    lock = threading.Lock()

    def record(key: str, n: int, pause: float) -> None:
        time.sleep(pause)
        with lock:
            seen.setdefault(key, []).append(n)

    sent: dict[str, list[int]] = {}
    with ThreadPoolExecutor(max_workers=4) as pool:
        tasks = InOrder(pool)
        for n in range(400):
            key = f"U{rng.randrange(6)}"
            sent.setdefault(key, []).append(n)
            tasks.submit(key, record, key, n, rng.random() / 1000)
    assert seen == sent


def test_a_failing_task_does_not_stop_the_ones_after_it() -> None:
    done: list[int] = []

    def fail() -> None:
        raise RuntimeError("a bug")

    with ThreadPoolExecutor(max_workers=2) as pool:
        tasks = InOrder(pool)
        tasks.submit("U1", done.append, 1)
        tasks.submit("U1", fail)
        tasks.submit("U1", done.append, 2)
    assert done == [1, 2]
