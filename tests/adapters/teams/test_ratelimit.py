"""Teams' per-conversation limits: 7 a second, 60 in 30 seconds."""

from __future__ import annotations

from bot.adapters.teams.ratelimit import ConversationLimits


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_seven_a_second_then_wait_for_the_oldest_to_leave_the_second() -> None:
    clock = Clock()
    limits = ConversationLimits(clock=clock)
    assert [limits.reserve("c") for _ in range(7)] == [0.0] * 7
    assert limits.reserve("c") == 1.0
    assert limits.reserve("other") == 0.0  # per conversation
    clock.now += 1.0
    assert limits.reserve("c") == 0.0


def test_sixty_in_thirty_seconds() -> None:
    clock = Clock()
    limits = ConversationLimits(clock=clock)
    for _ in range(60):
        assert limits.reserve("c") == 0.0
        clock.now += 0.2  # 5 a second: under the per-second limit
    # 60 sent over 12 s: the next waits until the first is 30 s old.
    assert abs(limits.reserve("c") - 18.0) < 1e-6
    clock.now += 18.0
    assert limits.reserve("c") == 0.0
