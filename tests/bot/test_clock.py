"""bot.clock: the real time, or a test clock moved through a file."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot import clock


def test_without_a_test_clock_now_is_the_real_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(clock.VARIABLE, raising=False)
    before = datetime.now(UTC)
    now = clock.now()
    assert before <= now <= datetime.now(UTC) and now.tzinfo is UTC
    assert not clock.in_use()


def test_a_moved_test_clock_is_ahead_by_the_sum_of_its_moves(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "clock"
    monkeypatch.setenv(clock.VARIABLE, str(path))
    assert clock.offset() == timedelta(0)  # no file yet: not moved
    clock.move(path, timedelta(minutes=2))
    clock.move(path, timedelta(seconds=30))
    assert clock.offset() == timedelta(minutes=2, seconds=30)
    ahead = clock.now() - datetime.now(UTC)
    assert timedelta(minutes=2, seconds=29) < ahead <= timedelta(minutes=2, seconds=30)


def test_a_file_that_is_not_a_number_does_not_move_the_clock(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "clock"
    path.write_text("soon", encoding="ascii")
    monkeypatch.setenv(clock.VARIABLE, str(path))
    assert clock.offset() == timedelta(0)


def test_a_settled_clock_file_is_read_once_and_again_when_moved(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "clock"
    monkeypatch.setenv(clock.VARIABLE, str(path))
    clock.move(path, timedelta(seconds=10))
    settled = path.stat().st_mtime_ns - 10 * clock.SETTLED_NS
    os.utime(path, ns=(settled, settled))
    assert clock.offset() == timedelta(seconds=10)
    # Rewritten in place with its identity kept (same inode, size and time): not read again.
    path.write_text("99.0", encoding="ascii")
    os.utime(path, ns=(settled, settled))
    assert clock.offset() == timedelta(seconds=10)
    # A move replaces the file: read at once, also while it is too fresh to be cached.
    clock.move(path, timedelta(seconds=5))
    assert clock.offset() == timedelta(seconds=104)
    clock.move(path, timedelta(seconds=1))
    assert clock.offset() == timedelta(seconds=105)
