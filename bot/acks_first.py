"""Acks before answers, in a process that has both a front and a worker (`partnerbot serve`).

An ack is a committed insert (about a millisecond); an answer is a command run and
rendered (ten or more: `/horing liste` over 1,000 hearings). Slack gives an ack 3 seconds
and shows the member an error after them; an answer may come later. In one process the
front and the worker's threads share one GIL, and a request that arrives while a thread
renders waits for it, hand-over by hand-over (measured: the ack's p50 went from 1.3 ms
without a worker to 5-6 ms beside one). So the worker's threads wait for a quiet moment
before they claim the next row: no request in flight at the fronts and none ended in the
last ``quiet`` seconds. While requests keep coming without a pause, one thread goes every
``cap`` seconds all the same, so the answers are late, never starved.

``count(app, paths)`` is the ASGI middleware that tells it about the fronts' requests.
A worker in a process of its own (`partnerbot worker`) has no front beside it and does not
wait."""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable, Collection, MutableMapping
from typing import Any

QUIET_SECONDS = 0.005
CAP_SECONDS = 0.05

Scope = MutableMapping[str, Any]
Asgi = Callable[[Scope, Any, Any], Awaitable[None]]


class AcksFirst:
    def __init__(
        self,
        *,
        quiet: float = QUIET_SECONDS,
        cap: float = CAP_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.quiet = quiet
        self.cap = cap
        self.clock = clock
        self.sleep = sleep
        self._lock = threading.Lock()  # the counts: the event loop writes, threads read
        self._in_flight = 0
        self._last_ended = float("-inf")

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def started(self) -> None:
        with self._lock:
            self._in_flight += 1

    def ended(self) -> None:
        with self._lock:
            self._in_flight -= 1
            self._last_ended = self.clock()

    def busy(self) -> tuple[bool, float]:
        """Whether a request is in flight, and when the quiet moment after the last could
        come."""
        with self._lock:
            return self._in_flight > 0, self._last_ended + self.quiet

    def count(self, app: Asgi, paths: Collection[str]) -> Asgi:
        """``app`` with its HTTP requests to ``paths`` counted while they run."""

        async def counted(scope: Scope, receive: Any, send: Any) -> None:
            if scope["type"] != "http" or scope["path"] not in paths:
                await app(scope, receive, send)
                return
            self.started()
            try:
                await app(scope, receive, send)
            finally:
                self.ended()

        return counted

    def turn(self) -> Callable[[], None]:
        """A worker's own wait for its turn: each worker (Slack's, Teams') gets its ``cap``
        of forced turns while the fronts are never quiet, whatever the other takes."""
        return Turn(self).wait


class Turn:
    """One worker's threads waiting for their turn. One of them looks at the clock; the
    others queue behind it on a lock and cost nothing meanwhile. Nobody is woken at a
    request's end (that would be a thread taking the GIL just as the next request comes):
    the one looking sleeps until the quiet moment could come, ``quiet`` at a time while
    requests run."""

    def __init__(self, fronts: AcksFirst) -> None:
        self.fronts = fronts
        self._turnstile = threading.Lock()
        self._last_went = fronts.clock()

    def wait(self) -> None:
        """Returns when the fronts are quiet, or when none of this worker's threads went for
        ``cap`` seconds (then this one goes, and the next waits another ``cap``)."""
        fronts = self.fronts
        with self._turnstile:
            while True:
                now = fronts.clock()
                busy, quiet_at = fronts.busy()
                forced_at = self._last_went + fronts.cap
                if (not busy and now >= quiet_at) or now >= forced_at:
                    self._last_went = now
                    return
                fronts.sleep(min(forced_at, now + fronts.quiet if busy else quiet_at) - now)
