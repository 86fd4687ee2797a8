"""WorkerProcess, the front's side of the worker process, with a stand-in worker
(tests/adapters/slack/echo_worker.py): what was acknowledged is handed over once, in order, also
across a worker that dies."""

from __future__ import annotations

import logging
import os
import signal
import sys
from pathlib import Path

import pytest

from bot.adapters.slack.workers import WorkerProcess
from bot.config import Settings
from tests.adapters.slack.process import exited, wait_until

ECHO = Path(__file__).with_name("echo_worker.py")


def lines(out: Path) -> list[tuple[int, str, int]]:
    if not out.exists():
        return []
    return [
        (int(pid), kind, int(n))
        for pid, kind, n in (line.split() for line in out.read_text().splitlines())
    ]


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "handed.txt"


def start(out: Path, **kw: float) -> WorkerProcess:
    work = WorkerProcess(Settings(), [str(out)], command=[sys.executable, str(ECHO)], **kw)
    work.start()
    return work


def test_requests_arrive_once_in_order_and_stop_drains_them(out: Path) -> None:
    work = start(out)
    for n in range(200):
        work.submit("command", {"n": n})
    work.stop(timeout=20)
    got = lines(out)
    assert [n for _, _, n in got] == list(range(200))
    assert len({pid for pid, _, _ in got}) == 1


def test_a_request_acked_after_the_worker_died_goes_to_the_next_one(
    out: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # The watcher looks only when told: the dead worker is found by the next hand-over.
    work = start(out, watch_seconds=3600)
    try:
        work.submit("command", {"n": 1})
        first = wait_until(lambda: lines(out), what="the first request")[0][0]
        os.kill(first, signal.SIGKILL)
        wait_until(lambda: exited(first), what="the worker to die")
        with caplog.at_level(logging.WARNING, logger="bot.adapters.slack.workers"):
            work.submit("click", {"n": 2})  # its pipe is broken: kept for the next worker
            work.submit("click", {"n": 3})  # and this one after it, not before
            got = wait_until(
                lambda: lines(out)[1:] if len(lines(out)) >= 3 else None,
                timeout=20,
                what="the requests to reach a new worker",
            )
        assert [(kind, n) for _, kind, n in got] == [("click", 2), ("click", 3)]
        assert {pid for pid, _, _ in got} != {first}
        assert "handing 2 request(s) acknowledged meanwhile" in caplog.text
        work.submit("command", {"n": 4})
    finally:
        work.stop(timeout=20)
    assert [n for _, _, n in lines(out)] == [1, 2, 3, 4]


def test_a_dead_worker_is_replaced_by_the_watcher_without_any_request(out: Path) -> None:
    work = start(out, watch_seconds=0.2)
    try:
        work.submit("command", {"n": 1})
        first = wait_until(lambda: lines(out), what="the first request")[0][0]
        os.kill(first, signal.SIGKILL)

        def replaced() -> list[int]:
            proc = work._proc  # noqa: SLF001 - which process the front now talks to
            return (
                [proc.pid] if proc is not None and proc.pid != first and proc.poll() is None else []
            )

        wait_until(replaced, timeout=20, what="a new worker")
    finally:
        work.stop(timeout=20)
