"""Runs tasks on a thread pool so that those of one member run one after another, in the
order they came, while different members' tasks run side by side. Two quick clicks ("ja",
then "nei") must leave "nei", not whichever thread happened to finish last."""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any

log = logging.getLogger(__name__)

Task = tuple[Callable[..., object], tuple[Any, ...]]


class InOrder:
    def __init__(self, pool: Executor) -> None:
        self.pool = pool
        self._lock = threading.Lock()
        self._waiting: dict[str, deque[Task]] = {}  # key -> tasks after the running one

    def submit(self, key: str, fn: Callable[..., object], *args: Any) -> None:
        with self._lock:
            later = self._waiting.get(key)
            if later is not None:  # one of this key's tasks runs: this one goes after it
                later.append((fn, args))
                return
            self._waiting[key] = deque()
        self.pool.submit(self._run, key, (fn, args))

    def _run(self, key: str, task: Task) -> None:
        while True:
            fn, args = task
            try:
                fn(*args)
            except Exception:  # the handlers answer their own errors; this is a last net
                log.exception("a task after the ack failed")
            with self._lock:
                later = self._waiting[key]
                if not later:
                    del self._waiting[key]
                    return
                task = later.popleft()
