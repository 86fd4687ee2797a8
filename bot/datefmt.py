"""Dates and times written out for members in nb, nn and en, and Norwegian public holidays.

Names come from ``bot.datewords``, not from the system locale, so a server set to
English still writes "tysdag 15. september" to a nynorsk member.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo
from functools import lru_cache, partial
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot import datewords as W
from bot.i18n import t

if TYPE_CHECKING:
    from bot.dates import Slot

DEFAULT_TZ = ZoneInfo("Europe/Oslo")
_LANGS = ("nb", "nn", "en")


def _lang(lang: str | None) -> str:
    return lang if lang in _LANGS else "nb"


def _local(dt: datetime, tz: str | tzinfo | None) -> datetime:
    """``dt`` on the member's wall clock: ``tz`` if given, else its own zone, else Oslo."""
    if isinstance(tz, str):
        tz = ZoneInfo(tz)
    if dt.tzinfo is None:
        return dt  # a naive value is taken to be wall-clock time already
    if tz is None:
        tz = dt.tzinfo if isinstance(dt.tzinfo, ZoneInfo) else DEFAULT_TZ
    return datetime.astimezone(dt, tz)  # datetime's own, so a When gives a plain datetime


def _day_month(d: date, lang: str) -> str:
    month = W.MONTH_NAMES[lang][d.month - 1]
    return f"{d.day} {month}" if lang == "en" else f"{d.day}. {month}"


def _date_words(d: date, lang: str, year: bool = True) -> str:
    text = f"{W.WEEKDAY_NAMES[lang][d.weekday()]} {_day_month(d, lang)}"
    return f"{text} {d.year}" if year else text


def _has_time(dt: datetime) -> bool:
    return getattr(dt, "has_time", True)


def format_date(
    dt: date | datetime, lang: str | None = "nb", tz: str | tzinfo | None = None
) -> str:
    """ "tirsdag 15. september 2026" / nn "tysdag 15. september 2026" / en "Tuesday 15 ..."."""
    d = _local(dt, tz).date() if isinstance(dt, datetime) else dt
    return _date_words(d, _lang(lang))


def format_datetime(dt: datetime, lang: str | None = "nb", tz: str | tzinfo | None = None) -> str:
    """ "tirsdag 15. september 2026 kl 23:59"; just the date for a When without a time."""
    lang = _lang(lang)
    if not _has_time(dt):
        return format_date(dt, lang, tz)
    local = _local(dt, tz)
    return t(
        "dates.fmt.datetime", lang, date=_date_words(local.date(), lang), time=f"{local:%H:%M}"
    )


def format_short(dt: datetime, lang: str | None = "nb", tz: str | tzinfo | None = None) -> str:
    """Compact, for lists: "tir 15.09 kl 10:00" / en "Tue 15 Sep 10:00"."""
    lang = _lang(lang)
    local = _local(dt, tz)
    weekday = W.WEEKDAY_SHORT[lang][local.weekday()]
    day = f"{local.day} {W.MONTH_SHORT_EN[local.month - 1]}" if lang == "en" else f"{local:%d.%m}"
    if not _has_time(dt):
        return f"{weekday} {day}"
    return t("dates.fmt.short", lang, weekday=weekday, day=day, time=f"{local:%H:%M}")


def format_slot(
    slot: Slot, lang: str | None = "nb", tz: str | tzinfo | None = None, *, year: bool = False
) -> str:
    """ "torsdag 5. mars kl 10:00–12:00"; the year is left out unless asked for (polls are for
    the near future, but a poll across New Year needs it)."""
    lang = _lang(lang)
    start = _local(slot.start, tz)
    day = _date_words(start.date(), lang, year=year)
    if slot.end is None:
        return t("dates.fmt.slot", lang, day=day, start=f"{start:%H:%M}")
    end = _local(slot.end, tz)
    if end.date() != start.date():
        end_text = t(
            "dates.fmt.slot",
            lang,
            day=_date_words(end.date(), lang, year=year),
            start=f"{end:%H:%M}",
        )
        return f"{t('dates.fmt.slot', lang, day=day, start=f'{start:%H:%M}')} – {end_text}"
    return t("dates.fmt.slot_range", lang, day=day, start=f"{start:%H:%M}", end=f"{end:%H:%M}")


def local_date_text(d: date) -> Callable[[str], str]:
    """A date for an error message, written out once the member's language is known."""
    return partial(_day_month_year, d)  # a partial, unlike a lambda, can be pickled


def _day_month_year(d: date, lang: str) -> str:
    return f"{_day_month(d, _lang(lang))} {d.year}"


def day_text(d: date) -> Callable[[str], str]:
    """A date with its weekday ("fredag 11. desember 2026"), once the language is known."""
    return partial(_day_words, d)


def _day_words(d: date, lang: str) -> str:
    return _date_words(d, _lang(lang))


def weekday_text(n: int) -> Callable[[str], str]:
    """A weekday for an error message ("torsdag", "Thursday"), once the language is known."""
    return partial(_weekday_lower, n)


def month_text(n: int) -> Callable[[str], str]:
    """A month name for an error message ("mars", "March"), once the language is known."""
    return partial(_month_name, n)


def _month_name(n: int, lang: str) -> str:
    return W.MONTH_NAMES[_lang(lang)][n - 1]


def _weekday_lower(n: int, lang: str) -> str:
    """Lower case inside a Norwegian sentence ("ein fredag"); English keeps its capital."""
    name = W.WEEKDAY_NAMES[_lang(lang)][n]
    return name if _lang(lang) == "en" else name.lower()


# --- holidays ----------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _holidays(year: int, language: str) -> dict[date, str]:
    import holidays  # imported on first use: nothing heavy at import time

    # Norwegian law counts every Sunday as a holiday; some holidays versions list them
    # all. We want the named days only, so ask without Sundays where the option exists.
    try:
        calendar = holidays.country_holidays(
            "NO", years=year, language=language, include_sundays=False
        )
    except TypeError:
        calendar = holidays.country_holidays("NO", years=year, language=language)
    return {d: n for d, n in calendar.items() if n.lower() not in ("søndag", "sunday")}


def holiday_date(name: str, year: int) -> date | None:
    """The day of the Norwegian public holiday the holidays package calls ``name`` in English
    ("Good Friday", "Pentecost") in ``year``, or None if it has none that year."""
    return _holiday_days(year).get(name)


@lru_cache(maxsize=64)
def _holiday_days(year: int) -> dict[str, date]:
    # Two holidays on one day come as one name: "Constitution Day; Pentecost Monday".
    return {name: d for d, names in _holidays(year, "en_US").items() for name in names.split("; ")}


def holiday_name(d: date, lang: str | None = "nb") -> str | None:
    """The Norwegian public holiday on ``d`` ("Grunnlovsdag"), or None; plain Sundays are not."""
    if isinstance(d, datetime):
        d = d.date()
    lang = _lang(lang)
    name = _holidays(d.year, "en_US" if lang == "en" else "no").get(d)
    if name and lang == "nn":
        return W.HOLIDAY_NN.get(name, name)
    return name


def is_weekend_or_holiday(d: date) -> bool:
    """True on Saturdays, Sundays and Norwegian public holidays."""
    if isinstance(d, datetime):
        d = d.date()
    return d.weekday() >= 5 or holiday_name(d) is not None


_YEAR = 366  # a bound no run of days off comes near


def previous_working_day(day: date) -> date:
    """``day`` if it is a working day, else the last working day before it (reminders and
    nudges keep off weekends and public holidays; so does "før fredag")."""
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


def day_warning(d: date, lang: str | None = "nb") -> str | None:
    """A warning for features to show when a date is a holiday or in a weekend, else None."""
    if isinstance(d, datetime):
        d = d.date()
    lang = _lang(lang)
    name = holiday_name(d, lang)
    if name:
        return t("dates.warn.holiday", lang, date=_day_month(d, lang), name=name)
    if d.weekday() >= 5:
        day = _date_words(d, lang, year=False)
        return t("dates.warn.weekend", lang, date=day[0].upper() + day[1:])
    return None
