"""Teams' per-conversation limits for a bot: 7 messages a second and 60 in 30 seconds.

``reserve`` takes a slot when there is one (0.0) or says how long until there is; the
messenger waits out a short wait and hands a longer one back to the outbox as a retry.
One process keeps its own count: two bots on one database each keep to it, and Teams'
own 429 (with Retry-After) covers the rest.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

RULES: tuple[tuple[int, float], ...] = ((7, 1.0), (60, 30.0))


class ConversationLimits:
    def __init__(
        self,
        rules: tuple[tuple[int, float], ...] = RULES,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rules = rules
        self.clock = clock
        self.window = max(seconds for _, seconds in rules)
        self._sent: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def reserve(self, conversation: str) -> float:
        """0.0 and the send is counted, or the seconds to wait (nothing counted)."""
        with self._lock:
            now = self.clock()
            sent = self._sent.setdefault(conversation, deque())
            while sent and now - sent[0] >= self.window:
                sent.popleft()
            wait = 0.0
            for limit, seconds in self.rules:
                recent = [t for t in sent if now - t < seconds]
                if len(recent) >= limit:
                    wait = max(wait, recent[-limit] + seconds - now)
            if wait > 0:
                return wait
            sent.append(now)
            if len(self._sent) > 10_000:  # forget idle conversations
                for key in [k for k, v in self._sent.items() if not v]:
                    del self._sent[key]
            return 0.0
