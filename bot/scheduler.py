"""APScheduler ticks the outbox dispatcher; it never holds the truth about what is due."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from apscheduler.schedulers.background import BackgroundScheduler

from bot import clock
from storage.db import is_unreachable

log = logging.getLogger(__name__)


class Ticker:
    """Calls ``tick(now)`` every ``seconds`` in a background thread, once at start too."""

    def __init__(self, tick: Callable[[datetime], object], seconds: float) -> None:
        self._tick = tick
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
            self._tick(clock.now())
        except Exception as exc:  # a failed tick must not stop later ticks
            if not is_unreachable(exc):
                log.exception("dispatcher tick failed")
                return
            # an outage: nothing to debug, the next tick tries again
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
            log.warning(
                "dispatcher tick: database error (%s: %s)",
                exc.__class__.__name__,
                reason[0][:200] if reason else "",
            )

    def start(self) -> None:
        self.scheduler.start()

    def stop(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=True)
