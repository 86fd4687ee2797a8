"""Test helpers: a bot that runs commands as a member, like errbot's test backend."""

from __future__ import annotations

import shutil
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.exc import OperationalError

from bot.app import App
from bot.messages import Command, Reply
from bot.messenger import RecordingMessenger
from storage.db import Database

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
BIN = Path(sys.executable).parent / "partnerbot"

_demo_template: Path | None = None


def demo_folder(folder: Path) -> Path:
    """``folder`` with a SQLite database as `partnerbot db upgrade` and `partnerbot demo`
    leave it. The two commands run once per test process (in it: tests/cli.py; the console
    tests run them as processes too), into a template that each caller gets a copy of (a
    copy takes milliseconds, the commands seconds)."""
    global _demo_template
    if _demo_template is None:
        from tests.cli import run_cli

        template = Path(tempfile.mkdtemp(prefix="partnerbot-demo-"))
        for args in (("db", "upgrade"), ("demo", "--if-empty")):
            done = run_cli(*args, cwd=template)
            assert done.returncode == 0, done.stderr
        _demo_template = template
    folder.mkdir(parents=True, exist_ok=True)
    for file in _demo_template.glob("partnerbot.db*"):
        shutil.copy2(file, folder / file.name)
    return folder


def still() -> float:
    return 0.0


class TestBot:
    __test__ = False  # not a test class, despite the name

    def __init__(self, app: App, *, platform: str = "console", planners: bool = False) -> None:
        self.app = app
        self.platform = platform
        self.messenger = RecordingMessenger(platform)
        # A still monotonic clock: a run takes no time, so the times a test gives are exact.
        self.dispatcher = app.dispatcher(self.messenger, monotonic=still)
        if not planners:  # weekly digests stay out of feature tests unless asked for
            self.dispatcher.planners = []
        self.last: Reply | None = None

    def reply(
        self,
        line: str,
        *,
        as_: str = "Ingrid Berg",
        channel: str = "#infrastruktur",
        now: datetime | None = None,
        body: str = "",
    ) -> Reply:
        word, _, rest = line.strip().partition(" ")
        cmd = Command(
            platform=self.platform,
            user_id=as_,
            user_name=as_,
            channel_id=channel,
            channel_name=channel,
            name=word.lstrip("/"),
            text=rest.strip(),
            body=body,
        )
        self.last = self.app.router.handle(cmd, now=now or datetime.now(UTC))
        return self.last

    def run(self, line: str, **kw: object) -> str:
        return self.reply(line, **kw).plain()  # type: ignore[arg-type]

    def dispatch(self, now: datetime) -> list[tuple[str, str]]:
        """Run the dispatcher at ``now``; returns (destination label, text) sent in this run."""
        before = len(self.messenger.sent)
        self.dispatcher.dispatch_due(now)
        return [(d.label, r.plain()) for d, r in self.messenger.sent[before:]]


class FlakyDatabase(Database):
    """A Database whose server can be "stopped": while ``down``, every new transaction fails
    as PostgreSQL's refused connections do. ``fail_after(n)`` lets n more start first."""

    down = False
    _allowed: int | None = None

    def fail_after(self, transactions: int) -> None:
        self._allowed = transactions

    def transaction(self):  # type: ignore[no-untyped-def, override]
        self._begin()
        return super().transaction()

    def reading(self):  # type: ignore[no-untyped-def, override]
        self._begin()
        return super().reading()

    def _begin(self) -> None:
        if self._allowed is not None:
            if self._allowed == 0:
                self.down, self._allowed = True, None
            else:
                self._allowed -= 1
        if self.down:
            raise OperationalError("BEGIN", None, ConnectionRefusedError("connection refused"))
