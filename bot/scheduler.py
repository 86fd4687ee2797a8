"""The one dispatch loop of a process: every messenger it has (Slack, Teams, the console)
is registered here, and its dispatcher runs on the ticker, after commands and on demand.
APScheduler only ticks; the outbox holds the truth about what is due."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from apscheduler.schedulers.background import BackgroundScheduler

from bot import clock
from bot.dispatcher import Dispatcher, DispatchStats
from bot.messenger import Messenger
from storage import outbox
from storage.db import is_unreachable

if TYPE_CHECKING:
    from bot.app import App

log = logging.getLogger(__name__)

# Least time between two runs after commands: under a burst of commands the runs (each
# claims due rows and, on SQLite, takes the write lock) would otherwise follow back to
# back and take CPU from the acks. A command during the gap is not lost: its messages go
# out in the run that follows it.
DISPATCH_GAP_SECONDS = 0.1


class Ticker:
    """Calls ``tick(now)`` every ``seconds`` in a background thread, once at start too."""

    def __init__(
        self,
        tick: Callable[[datetime], object],
        seconds: float,
        *,
        now: Callable[[], datetime] = clock.now,
    ) -> None:
        self._tick = tick
        self._now = now
        self.scheduler = BackgroundScheduler(timezone=UTC)
        self.scheduler.add_job(
            self._run,
            "interval",
            seconds=seconds,
            id="dispatch",
            next_run_time=datetime.now(UTC),
            max_instances=1,
            coalesce=True,
            misfire_grace_time=None,
        )

    def _run(self) -> None:
        try:
            self._tick(self._now())
        except Exception as exc:  # a failed tick must not stop later ticks
            log_failure("dispatcher tick", exc)

    def start(self) -> None:
        self.scheduler.start()

    def stop(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=True)


def log_failure(what: str, exc: Exception) -> None:
    """A bug with its traceback; an outage in one line (nothing to debug, the next run tries
    again; a 30 s outage would otherwise be thousands of tracebacks)."""
    if not is_unreachable(exc):
        log.exception("%s failed", what, exc_info=exc)
        return
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    log.warning(
        "%s: database error (%s: %s)",
        what,
        exc.__class__.__name__,
        reason[0][:200] if reason else "",
    )


class DispatchLoop:
    """Where a process sends its outbox from. Each adapter registers its messenger (one
    per platform) and gets a Dispatcher that claims only that platform's rows; rows for a
    platform no messenger here serves wait in the outbox (a warning says so, once, and
    ``partnerbot outbox`` lists them) for a process that serves it.

    Three things run it, all through here: the ticker (``start``), a command that queued
    messages for others (``wake``: one thread, so a burst of commands costs one run), and
    the console after each command (``run``: at once, in the caller's thread)."""

    def __init__(self, app: App, *, now: Callable[[], datetime] = clock.now) -> None:
        self.app = app
        self.now = now
        self.dispatchers: list[Dispatcher] = []
        self.chores: list[Callable[[datetime], object]] = []  # e.g. pruning the inbox
        self._ticker = Ticker(self.tick, app.settings.tick_seconds, now=lambda: self.now())
        self._due = threading.Event()
        self._stopping = False
        self._started = False
        self._thread: threading.Thread | None = None
        self._waiting_told: set[str] = set()

    @property
    def platforms(self) -> list[str]:
        return [d.messenger.platform for d in self.dispatchers]

    def register(self, messenger: Messenger) -> Dispatcher:
        """The dispatcher for ``messenger``'s platform; one messenger per platform."""
        if messenger.platform in self.platforms:
            raise ValueError(f"a messenger for {messenger.platform} is registered already")
        dispatcher = self.app.dispatcher(messenger)
        if self.dispatchers:
            dispatcher.planners = []  # the planners run once per run, with the first
        self.dispatchers.append(dispatcher)
        return dispatcher

    def add_chore(self, chore: Callable[[datetime], object]) -> None:
        """Something to do on each tick besides sending (pruning old rows)."""
        if chore not in self.chores:
            self.chores.append(chore)

    def run(self, now: datetime | None = None, *, plan: bool = True) -> list[DispatchStats]:
        """Send what is due for every registered platform, now, in this thread. One
        platform's failure does not hold up the others; the first is raised after.
        ``plan=False``: send only, without the planners (digests), which the ticker runs."""
        now = now or self.now()
        stats: list[DispatchStats] = []
        failure: Exception | None = None
        for dispatcher in self.dispatchers:
            try:
                stats.append(dispatcher.dispatch_due(now, plan=plan))
            except Exception as exc:
                failure = failure or exc
        if failure is not None:
            raise failure
        return stats

    def tick(self, now: datetime) -> None:
        """The ticker's run: send, say what waits for another process, do the chores.
        (Only here: on SQLite every transaction takes the write lock, and runs after
        commands come many a second.)"""
        try:
            self.run(now)
            self._tell_waiting(now)
        finally:
            for chore in self.chores:
                chore(now)

    def _tell_waiting(self, now: datetime) -> None:
        """Due rows for a platform nobody here sends to: one warning per platform (again
        only after they were all sent by someone)."""
        with self.app.db.transaction() as session:
            waiting = outbox.waiting_elsewhere(session, now=now, served=self.platforms)
        for platform, count in waiting.items():
            if platform not in self._waiting_told:
                log.warning(
                    "outbox: %d due message(s) for %s wait: this process sends only to %s; "
                    "they go out when a partnerbot with %s configured runs",
                    count,
                    platform,
                    ", ".join(self.platforms) or "nothing",
                    platform,
                )
        self._waiting_told = set(waiting)

    # -- in the background ------------------------------------------------------------

    def wake(self) -> None:
        """A command queued messages for others: send them now, not at the next tick."""
        self._due.set()

    def start(self) -> None:
        """The ticker and the after-command thread; a second call does nothing."""
        if self._started:
            return
        self._started = True
        self._thread = threading.Thread(target=self._after_commands, name="dispatch", daemon=True)
        self._thread.start()
        self._ticker.start()

    def stop(self) -> None:
        """Ends the ticker and lets a run under way finish (nothing runs after this)."""
        self._stopping = True
        self._due.set()
        self._ticker.stop()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()

    def _after_commands(self) -> None:
        while not self._stopping:
            self._due.wait()
            self._due.clear()
            if self._stopping:
                return
            try:
                # Only what the command queued: the planners are the ticker's (once a
                # tick is plenty; here they cost two transactions per command).
                self.run(plan=False)
            except Exception as exc:
                log_failure("dispatch after a command (the ticker tries again)", exc)
            # Under a burst of commands, runs would follow back to back (each takes the
            # SQLite write lock) and take CPU from the acks.
            time.sleep(DISPATCH_GAP_SECONDS)
