"""Dates said around another one: "før fredag" (the working day before), "før jul", "etter
nyttår", "før påske", "etter påske" (the working day an office means by them).

A deadline they would put in the past is refused with what to type, and so is a holiday
that has just passed ("før jul" in Christmas week): a year on is not what the member meant.

bot.dates asks here only after its own rules refused a phrase, so what they read stays
read the same way ("innen fredag" is by Friday, Friday included; "før slutten av neste
uke" is that week's Friday), and a refusal costs one regex more.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo

from bot import datewords as W
from bot.datefmt import day_text, holiday_date, next_working_day, previous_working_day
from bot.datetypes import DateNote, DateParseError, When

_LEAD = re.compile(r"^(?:(?:frist|fristen|deadline)\b[:\s]*)+", re.IGNORECASE)
_BEFORE_WORDS = "før|innen|innan|before|by|until|till?"
_HOLIDAY = re.compile(
    rf"(?P<dir>{_BEFORE_WORDS}|etter|over|after)\s+(?:the\s+)?"
    r"(?P<what>jul|jula|julen|christmas|nyttår|nyttåret|new\s+year|påske|påska|påsken|easter)",
    re.IGNORECASE,
)
_DAY_BEFORE = re.compile(r"(?P<word>før|before)\s+(?P<rest>\S.*)", re.IGNORECASE)
_TIME_AT_END = re.compile(
    r"\s+(?:(?:kl\.?|klokka|klokken|at)\s*)?\d{1,2}(?:[.:]\d{2})?"
    r"(?:\s*-\s*\d{1,2}(?:[.:]\d{2})?)?\s*$",
    re.IGNORECASE,
)

# A holiday's day passed less than this ago is refused ("før jul" in Christmas week, "etter
# nyttår" in January, "før påske" in the Easter weeks); longer ago, next year's is meant.
_JUST_PASSED = timedelta(days=31)

# (direction, holiday) -> note key; the direction is "before" or "after".
_KEYS = {
    ("before", "christmas"): "dates.note.before_christmas",
    ("after", "new_year"): "dates.note.after_new_year",
    ("before", "easter"): "dates.note.before_easter",
    ("after", "easter"): "dates.note.after_easter",
}


def read_around(text: str, today: date, tz: tzinfo, parse: Callable[[str], When]) -> When | None:
    """The day ``text`` means if it is said around another day, else None (the caller
    then refuses it as before). ``parse`` reads the day it is said around."""
    typed = _LEAD.sub("", re.sub(r"\s+", " ", text.strip())).rstrip(" .!,;:")
    found = _HOLIDAY.fullmatch(typed)
    if found:
        return _holiday(typed, found, today, tz)
    found = _DAY_BEFORE.fullmatch(typed)
    if found:
        return _day_before(typed, found, today, tz, parse)
    return None


def _holiday(typed: str, found: re.Match[str], today: date, tz: tzinfo) -> When | None:
    direction = "after" if found["dir"].casefold() in ("etter", "over", "after") else "before"
    what = found["what"].casefold()
    holiday = (
        "easter"
        if what.startswith(("påsk", "easter"))
        else ("new_year" if what.startswith(("nyttår", "new")) else "christmas")
    )
    key = _KEYS.get((direction, holiday))
    if key is None:  # "etter jul", "før nyttår": which day is not clear enough to guess
        return None
    for year in (today.year, today.year + 1):
        day = _working_day(direction, holiday, year)
        if day is None:
            continue
        if day < today and today - day <= _JUST_PASSED:
            raise _passed(typed, day, today)
        if day >= today:
            return _midnight(day, tz, (DateNote(key, text=typed, date=day_text(day)),))
    return None


def _passed(typed: str, day: date, today: date) -> DateParseError:
    """The no to a deadline on a day gone by, with a date a week ahead to type instead."""
    example = next_working_day(today + timedelta(days=7))
    return DateParseError(
        "dates.around_past", text=typed, date=day_text(day), example=f"{example:%d.%m.%Y}"
    )


def _working_day(direction: str, holiday: str, year: int) -> date | None:
    """Before Christmas: the last working day before Christmas Eve; after New Year: the
    first of January; before Easter: the last before Maundy Thursday (a public holiday);
    after Easter: the first after Easter Monday."""
    if holiday == "christmas":
        return _before(date(year, 12, 24))
    if holiday == "new_year":
        return next_working_day(date(year, 1, 1))
    anchor = holiday_date("Maundy Thursday" if direction == "before" else "Easter Monday", year)
    return (_before(anchor) if direction == "before" else _after(anchor)) if anchor else None


def _before(day: date) -> date:
    """The last working day before ``day``."""
    return previous_working_day(day - timedelta(days=1))


def _after(day: date) -> date:
    """The first working day after ``day``."""
    return next_working_day(day + timedelta(days=1))


def _day_before(
    typed: str, found: re.Match[str], today: date, tz: tzinfo, parse: Callable[[str], When]
) -> When | None:
    rest = found["rest"]
    try:
        inner = parse(rest)
    except DateParseError:
        return None
    if inner.has_time:
        raise _with_time(typed, found["word"], rest, parse)
    day, key = _before(inner.date()), "dates.note.day_before"
    if day < today < inner.date():
        # typed on a weekend ("før mandag" on a Saturday): no working day is left before it
        day, key = inner.date() - timedelta(days=1), "dates.note.calendar_day_before"
    elif day < today and rest.strip().casefold() in W.WEEKDAYS:
        # "før fredag" on a Friday: the working day before the Friday coming
        day = _before(inner.date() + timedelta(days=7))
    if day < today:
        raise _passed(typed, day, today)
    note = DateNote(key, text=typed, date=day_text(day))
    return _midnight(day, tz, (*inner.notes, note))


def _with_time(typed: str, word: str, rest: str, parse: Callable[[str], When]) -> DateParseError:
    """ "før fredag kl 10": a deadline at that time, or the day before? Both suggestions
    must be read as typed; with no day left once the time is gone ("før kl 12", "before
    5pm") there is nothing to put a deadline before, and the general answer is given."""
    without = _TIME_AT_END.sub("", rest).strip()
    if without and without != rest.strip():
        try:
            if not parse(without).has_time:
                return DateParseError(
                    "dates.before_with_time", text=typed, rest=rest, before=f"{word} {without}"
                )
        except DateParseError:
            pass
    return DateParseError("dates.not_understood", text=typed)


def _midnight(day: date, tz: tzinfo, notes: tuple[DateNote, ...]) -> When:
    return When.of(datetime(day.year, day.month, day.day, tzinfo=tz), False, notes)
