"""Hearing reminders through the `partnerbot console` process, and after SIGKILL. The console
runs on a test clock (bot.clock) that the tests move: minutes of waiting take a tick."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot import clock
from storage.db import Database
from storage.models import OutboxMessage
from tests.adapters.console.test_console import BIN
from tests.helpers import demo_folder

pytestmark = pytest.mark.slow
REMINDER = re.compile(
    r"── #infrastruktur ──\n(?:⏰ Forsinket påminnelse[^\n]*\n)?⏳ Påminnelse: "
    r"høring #(\d+) [^\n]*\nIkke svart ennå: ([^\n]*)\."
)


class Console:
    """A running `partnerbot console` whose stdin stays open; output lines are timestamped."""

    def __init__(self, cwd: Path) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PARTNERBOT_", "SLACK_"))}
        env["PARTNERBOT_TICK_SECONDS"] = "1"
        self.clock_path = cwd / "test-clock"
        env[clock.VARIABLE] = str(self.clock_path)
        self.answers = 0
        self.proc = subprocess.Popen(
            [str(BIN), "console"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=cwd,
            bufsize=1,
        )
        self.lines: queue.Queue[tuple[datetime, str]] = queue.Queue()
        self.seen: list[tuple[datetime, str]] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put((datetime.now(UTC), line.rstrip("\n")))

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def move_clock(self, by: timedelta) -> None:
        clock.move(self.clock_path, by)

    def round_trip(self) -> None:
        """A sentinel command answered: the console dispatches what is due after every
        command, so anything due by now was printed before the answer ends."""
        self.answers += 1
        self.send("/partnerbot meg")
        self.wait_for(r"Tidssone +\S+", timeout=120, count=self.answers)

    def text(self) -> str:
        return "\n".join(line for _, line in self.seen)

    def wait_for(self, pattern: str, timeout: float, count: int = 1) -> datetime:
        """Until ``pattern`` has matched ``count`` times; returns when the last match arrived."""
        deadline = time.monotonic() + timeout
        while True:
            matches = list(re.finditer(pattern, self.text()))
            if len(matches) >= count:
                return self._arrival(matches[count - 1].end())
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no {pattern!r} x{count} within {timeout}s:\n{self.text()}")
            try:
                self.seen.append(self.lines.get(timeout=min(left, 1.0)))
            except queue.Empty:
                pass

    def drain(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            try:
                self.seen.append(self.lines.get(timeout=min(left, 1.0)))
            except queue.Empty:
                pass

    def _arrival(self, offset: int) -> datetime:
        pos = 0
        for at, line in self.seen:
            pos += len(line) + 1
            if pos >= offset:
                return at
        return self.seen[-1][0]

    def close(self) -> int:
        if self.proc.poll() is None and self.proc.stdin:
            self.proc.stdin.close()
        try:
            return self.proc.wait(timeout=30)
        finally:
            self.kill()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return demo_folder(tmp_path)


def reminder_rows(home: Path, number: int) -> list[OutboxMessage]:
    db = Database.from_url(f"sqlite:///{home / 'partnerbot.db'}")
    try:
        with db.transaction() as s:
            return list(
                s.scalars(
                    select(OutboxMessage)
                    .where(
                        OutboxMessage.object_type == "hearing", OutboxMessage.object_id == number
                    )
                    .order_by(OutboxMessage.due_at)
                )
            )
    finally:
        db.dispose()


def reminders_for(console: Console, number: int) -> list[str]:
    return [m.group(2) for m in REMINDER.finditer(console.text()) if m.group(1) == str(number)]


def test_reminders_print_in_the_running_console_and_stop_when_all_answered(home: Path) -> None:
    console = Console(home)
    try:
        console.send(
            '/horing ny "Høring i sanntid" frist om 3 minutter påminn 2m,1m '
            'mottakere "Horten kommune, Larvik kommune"'
        )
        console.wait_for(r"Høring #2 «Høring i sanntid» er registrert", timeout=120)
        # A second hearing whose addressees answer at once: its reminders must never come.
        console.send(
            '/horing ny "Alle svarer" frist om 3 minutter påminn 2m,1m mottakere "Tønsberg kommune"'
        )
        console.wait_for(r"Høring #3 «Alle svarer» er registrert", timeout=60)
        console.send("/horing svart 3 Tønsberg kommune")
        console.wait_for(r"Alle mottakerne har svart", timeout=60)
        first, second = (r.due_at for r in reminder_rows(home, 2))
        assert timedelta(seconds=40) < second - first <= timedelta(minutes=1)
        console.round_trip()
        assert reminders_for(console, 2) == []  # not before its time

        console.move_clock(timedelta(seconds=61))  # past the first
        console.wait_for(REMINDER.pattern, timeout=120)
        console.round_trip()
        assert reminders_for(console, 2) == ["Horten kommune, Larvik kommune"]
        console.send("/horing svart 2 Horten kommune")
        console.wait_for(r"Mangler fortsatt svar fra: Larvik kommune\.", timeout=60)

        console.move_clock(timedelta(seconds=60))  # past the second
        console.wait_for(REMINDER.pattern, timeout=120, count=2)
        assert reminders_for(console, 2) == ["Horten kommune, Larvik kommune", "Larvik kommune"]
        assert "Forsinket" not in console.text()
        console.send("/horing svart 2 Larvik kommune")
        console.wait_for(
            r"Registrert: Larvik kommune har svart på høring #2[^\n]*\n"
            r"Alle mottakerne har svart",
            timeout=60,
        )
        console.move_clock(timedelta(minutes=5))  # past the deadline: nothing more may come
        console.round_trip()
        assert reminders_for(console, 2) == ["Horten kommune, Larvik kommune", "Larvik kommune"]
        assert reminders_for(console, 3) == []
        assert console.close() == 0
    finally:
        console.kill()
    assert [r.state for r in reminder_rows(home, 2)] == ["sent", "sent"]
    assert [r.state for r in reminder_rows(home, 3)] == ["cancelled", "cancelled"]


def test_reminders_due_while_killed_are_sent_once_and_late_after_restart(home: Path) -> None:
    first = Console(home)
    try:
        first.send(
            '/horing ny "Før krasjet" frist om 2 minutter påminn 1m mottakere "Horten kommune"'
        )
        first.wait_for(r"Høring #2 «Før krasjet» er registrert", timeout=120)
        first.send(
            '/horing ny "Også før krasjet" frist om 3 minutter påminn 2m mottakere "Larvik kommune"'
        )
        first.wait_for(r"Høring #3 «Også før krasjet» er registrert", timeout=60)
    finally:
        first.kill()  # SIGKILL: no clean shutdown, nothing due yet
    assert first.proc.returncode == -signal.SIGKILL
    assert REMINDER.search(first.text()) is None
    due = max(r.due_at for n in (2, 3) for r in reminder_rows(home, n))
    assert [r.state for n in (2, 3) for r in reminder_rows(home, n)] == ["pending", "pending"]
    # Down until both fell due (and some): the clock moves instead of the test waiting.
    first.move_clock(due - clock_now(first) + timedelta(seconds=8))

    second = Console(home)
    try:
        second.wait_for(REMINDER.pattern, timeout=120, count=2)
        second.round_trip()  # more dispatching: no repeats
        text = second.text()
        assert reminders_for(second, 2) == ["Horten kommune"]
        assert reminders_for(second, 3) == ["Larvik kommune"]
        assert text.count("⏰ Forsinket påminnelse (skulle vært sendt") == 2
        assert second.close() == 0
    finally:
        second.kill()
    for n in (2, 3):
        (row,) = reminder_rows(home, n)
        assert row.state == "sent" and row.late


def clock_now(console: Console) -> datetime:
    """The console's time now (the real time plus its test clock's offset)."""
    moved = float(console.clock_path.read_text()) if console.clock_path.exists() else 0.0
    return datetime.now(UTC) + timedelta(seconds=moved)
