"""Working days for messages the bot sends on its own: reminders and nudges keep off
weekends and Norwegian public holidays (unless a member asked for an exact time)."""

from __future__ import annotations

from datetime import date, timedelta

from bot.dates import is_weekend_or_holiday

_YEAR = 366  # a bound no run of days off comes near


def previous_working_day(day: date) -> date:
    """``day`` if it is a working day, else the last working day before it."""
    for _ in range(_YEAR):
        if not is_weekend_or_holiday(day):
            return day
        day -= timedelta(days=1)
    raise AssertionError("no working day in a year")


def next_working_day(day: date) -> date:
    """``day`` if it is a working day, else the first working day after it."""
    for _ in range(_YEAR):
        if not is_weekend_or_holiday(day):
            return day
        day += timedelta(days=1)
    raise AssertionError("no working day in a year")
