"""Unit tests for bot.dates: phrases members type, refusals, DST, slots, durations, formatting."""

from __future__ import annotations

import copy
import pickle
import re
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot import dates as D
from bot.texts.dates import TEXTS

OSLO = ZoneInfo("Europe/Oslo")
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=OSLO)  # a Monday


def when(text: str, now: datetime = NOW, **kw: object) -> D.When:
    return D.parse_when(text, now=now, **kw)  # type: ignore[arg-type]


def local(dt: datetime) -> tuple[str, str | None]:
    lt = dt.astimezone(OSLO)
    return lt.date().isoformat(), lt.strftime("%H:%M") if getattr(dt, "has_time", True) else None


# (text, date, "HH:MM" or None when no time of day is given)
WHEN_CASES = [
    # absolute, bokmål
    ("torsdag 5. mars kl 09.00", "2026-03-05", "09:00"),
    ("5. mars 2027", "2027-03-05", None),
    ("05.03.2027", "2027-03-05", None),
    ("5.3.27", "2027-03-05", None),
    ("5/3-27", "2027-03-05", None),
    ("5/3/2027", "2027-03-05", None),
    ("5-3-2027", "2027-03-05", None),
    ("5/3", "2026-03-05", None),
    ("15.09", "2026-09-15", None),
    ("15.09.", "2026-09-15", None),
    ("frist 15.09", "2026-09-15", None),
    ("Frist: 15.09", "2026-09-15", None),
    ("innen 30.04", "2026-04-30", None),
    ("innan fredag", "2026-03-06", None),
    ("30.04", "2026-04-30", None),
    ("1.3", "2027-03-01", None),  # yesterday's date means next year
    ("2.3", "2026-03-02", None),  # today counts
    ("29.02", "2028-02-29", None),
    ("29. februar 2028", "2028-02-29", None),
    ("mandag 2. mars kl. 10.15", "2026-03-02", "10:15"),
    ("8. sept. kl. 10", "2026-09-08", "10:00"),
    ("1. april kl 12:30", "2026-04-01", "12:30"),
    ("1 juni", "2026-06-01", None),
    ("juni 1", "2026-06-01", None),
    ("22. oktober", "2026-10-22", None),
    ("tir 10.3", "2026-03-10", None),
    ("ons 11. mars", "2026-03-11", None),
    ("ons 11.03", "2026-03-11", None),
    ("torsdag den 5. mars", "2026-03-05", None),
    ("torsdag, 5. mars kl 10", "2026-03-05", "10:00"),
    ("fredag 10.30", "2026-03-06", "10:30"),
    ("5.3 9.30", "2026-03-05", "09:30"),
    ("5.3 kl 9", "2026-03-05", "09:00"),
    ("2026-03-19", "2026-03-19", None),
    ("2026-03-19 14:30", "2026-03-19", "14:30"),
    ("2026-03-19T14:30", "2026-03-19", "14:30"),
    ("2026-03-19T13:30:00Z", "2026-03-19", "14:30"),
    ("uke 12", "2026-03-16", None),
    ("tirsdag uke 12", "2026-03-17", None),
    ("veke 10", "2026-03-02", None),
    # times
    ("kl 9.30", "2026-03-02", "09:30"),
    ("09:30", "2026-03-02", "09:30"),
    ("kl 8", "2026-03-03", "08:00"),  # 08:00 has passed today
    ("klokka 14", "2026-03-02", "14:00"),
    ("klokken 14:00", "2026-03-02", "14:00"),
    ("2pm", "2026-03-02", "14:00"),
    ("9 am", "2026-03-02", "09:00"),
    ("12am", "2026-03-03", "00:00"),
    ("12pm", "2026-03-02", "12:00"),
    # relative, bokmål
    ("i dag", "2026-03-02", None),
    ("idag kl 15", "2026-03-02", "15:00"),
    ("i morgen", "2026-03-03", None),
    ("imorgen kl 13", "2026-03-03", "13:00"),
    ("i overmorgen kl 8", "2026-03-04", "08:00"),
    ("i går", "2026-03-01", None),
    ("om 4 dager", "2026-03-06", None),
    ("om 1 dag", "2026-03-03", None),
    ("om fire uker", "2026-03-30", None),
    ("om en uke", "2026-03-09", None),
    ("om 3 uker kl 10", "2026-03-23", "10:00"),
    ("om 2 måneder", "2026-05-02", None),
    ("om 2 timer", "2026-03-02", "11:00"),
    ("om 3 minutter", "2026-03-02", "09:03"),
    ("om en halvtime", "2026-03-02", "09:30"),
    ("om et kvarter", "2026-03-02", "09:15"),
    ("2 uker fra nå", "2026-03-16", None),
    ("torsdag", "2026-03-05", None),
    ("mandag", "2026-03-02", None),  # today counts
    ("mandag kl 8", "2026-03-09", "08:00"),  # but not once the hour has passed
    ("mandag kl 10", "2026-03-02", "10:00"),
    ("neste mandag", "2026-03-09", None),
    ("neste fredag kl 9", "2026-03-06", "09:00"),
    ("førstkommende fredag", "2026-03-06", None),
    ("tirsdag neste uke", "2026-03-10", None),
    ("neste uke tirsdag", "2026-03-10", None),
    ("fredag i neste uke kl 10", "2026-03-13", "10:00"),
    ("neste uke", "2026-03-09", None),
    ("fredag denne uka", "2026-03-06", None),
    ("neste måned", "2026-04-01", None),
    ("søndag", "2026-03-08", None),
    ("lørdag kl 11", "2026-03-07", "11:00"),
    # nynorsk
    ("i morgon klokka 12", "2026-03-03", "12:00"),
    ("i overmorgon", "2026-03-04", None),
    ("onsdag neste veke", "2026-03-11", None),
    ("neste veke", "2026-03-09", None),
    ("om fem dagar", "2026-03-07", None),
    ("om ei veke", "2026-03-09", None),
    ("om to veker", "2026-03-16", None),
    ("om eitt døgn", "2026-03-03", None),
    ("om 2 månader", "2026-05-02", None),
    ("førstkomande måndag", "2026-03-09", None),
    ("fredag neste veke kl 10", "2026-03-13", "10:00"),
    ("laurdag", "2026-03-07", None),
    ("tysdag kl 9", "2026-03-03", "09:00"),
    ("sundag", "2026-03-08", None),
    ("laur 7. mars", "2026-03-07", None),
    # English
    ("thursday 9am", "2026-03-05", "09:00"),
    ("Friday at 10", "2026-03-06", "10:00"),
    ("next tuesday", "2026-03-03", None),
    ("5 March", "2026-03-05", None),
    ("March 5", "2026-03-05", None),
    ("March 5, 2027", "2027-03-05", None),
    ("5th of March", "2026-03-05", None),
    ("Apr 30", "2026-04-30", None),
    ("in 10 days", "2026-03-12", None),
    ("in two weeks", "2026-03-16", None),
    ("in 3 hours", "2026-03-02", "12:00"),
    ("tomorrow 10am", "2026-03-03", "10:00"),
    ("tomorrow at noon", "2026-03-03", "12:00"),
    ("today", "2026-03-02", None),
    ("next week", "2026-03-09", None),
    ("by friday", "2026-03-06", None),
    ("the day after tomorrow", "2026-03-04", None),
    # words the rules do not know go to dateparser, and come back checked
    ("last friday", "2026-02-27", None),
]


@pytest.mark.parametrize(("text", "day", "hhmm"), WHEN_CASES)
def test_parse_when(text: str, day: str, hhmm: str | None) -> None:
    got = when(text)
    assert got.tzinfo is not None
    assert local(got) == (day, hhmm)
    assert got.has_time is (hhmm is not None)
    if hhmm is None:
        assert got.astimezone(OSLO).strftime("%H:%M") == "00:00"


REFUSED = [
    ("", "dates.empty"),
    ("   ", "dates.empty"),
    ("hei", "dates.not_understood"),
    ("møte med NAV", "dates.not_understood"),
    ("42", "dates.bare_number"),
    ("2026", "dates.bare_number"),
    ("14", "dates.bare_number"),
    ("tirsdag 14", "dates.bare_number"),
    ("31. februar", "dates.impossible_date"),
    ("29. februar 2027", "dates.impossible_date"),
    ("31.04", "dates.impossible_date"),
    ("32.13", "dates.impossible_date"),
    ("13.13.2026", "dates.impossible_date"),
    ("0.3", "dates.impossible_date"),
    ("kl 24:30", "dates.bad_time"),
    ("kl 24", "dates.bad_time"),
    ("tirsdag 29:00", "dates.bad_time"),
    ("i morgen kl 10:60", "dates.bad_time"),
    ("13pm", "dates.bad_time"),
    ("fredag 5. mars", "dates.weekday_mismatch"),
    ("i morgen fredag", "dates.weekday_mismatch"),
    ("5.3 6.4", "dates.conflict"),
    ("i morgen 5. mars", "dates.conflict"),
    ("om 2 timer kl 10", "dates.conflict"),
    ("kl 10 kl 11", "dates.two_times"),
    ("fredag 10-12", "dates.range_in_when"),
    ("5. mars 1800", "dates.bad_year"),
    ("mars", "dates.month_without_day"),
    ("i april", "dates.month_without_day"),
    ("desember 2026", "dates.month_without_day"),
    ("may", "dates.month_without_day"),
    ("uke 60", "dates.bad_week"),
    ("x" * 300, "dates.too_long"),
    ("15.09 eller 16.09", "dates.unknown_word"),
]


@pytest.mark.parametrize(("text", "key"), REFUSED)
def test_refusals_name_the_problem(text: str, key: str) -> None:
    with pytest.raises(D.DateParseError) as info:
        when(text)
    err = info.value
    assert err.key == key
    assert isinstance(err, ValueError)
    messages = {lang: err.message(lang) for lang in ("nb", "nn", "en")}
    assert all(messages.values())
    assert str(err) == messages["nb"]
    assert len(set(messages.values())) == 3, "each language has its own text"
    assert "{" not in "".join(messages.values()), "every placeholder is filled"


def test_weekday_mismatch_message_in_three_languages() -> None:
    with pytest.raises(D.DateParseError) as info:
        when("fredag 5. mars")
    assert info.value.message("nb").startswith("5. mars 2026 er en torsdag, ikke en fredag")
    assert info.value.message("nn").startswith("5. mars 2026 er ein torsdag, ikkje ein fredag")
    assert info.value.message("en").startswith("5 March 2026 is a Thursday, not a Friday")


def test_errors_survive_pickling() -> None:
    with pytest.raises(D.DateParseError) as info:
        when("fredag 5. mars")
    clone = pickle.loads(pickle.dumps(info.value))
    assert clone.key == info.value.key
    assert clone.message("en") == info.value.message("en")


def test_unknown_language_falls_back_to_bokmal() -> None:
    err = D.DateParseError("dates.empty")
    assert err.message("de") == err.message("nb") == str(err)


# --- time zones and daylight saving ------------------------------------------------------


def test_spring_dst_change_gives_summer_offset() -> None:
    before, after = when("28.03 kl 10"), when("29.03 kl 10")
    assert before.utcoffset() == timedelta(hours=1)
    assert after.utcoffset() == timedelta(hours=2)
    # Python subtracts wall clocks within one zone; elapsed time is measured in UTC.
    assert after.astimezone(UTC) - before.astimezone(UTC) == timedelta(hours=23)


def test_skipped_wall_time_moves_forward() -> None:
    got = when("29.03 kl 02:30")
    assert got.astimezone(OSLO).strftime("%H:%M") == "03:30"
    assert got.astimezone(UTC).strftime("%H:%M") == "01:30"


def test_autumn_repeated_hour_takes_the_first() -> None:
    got = when("25.10 kl 02:30")
    assert got.utcoffset() == timedelta(hours=2)


def test_hours_are_elapsed_time_across_dst() -> None:
    night = datetime(2026, 3, 29, 1, 30, tzinfo=OSLO)
    got = when("om 2 timer", now=night)
    assert got.astimezone(UTC) - night.astimezone(UTC) == timedelta(hours=2)
    assert got.astimezone(OSLO).strftime("%H:%M") == "04:30"


def test_days_keep_the_wall_clock_across_dst() -> None:
    saturday = datetime(2026, 3, 28, 10, tzinfo=OSLO)
    got = when("om 1 dag kl 10", now=saturday)
    assert got.astimezone(OSLO).strftime("%Y-%m-%d %H:%M") == "2026-03-29 10:00"
    assert got.utcoffset() == timedelta(hours=2)
    assert when("i morgen kl 10", now=saturday) == got


def test_now_in_utc_is_read_in_oslo() -> None:
    late = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)  # already 3 March in Oslo
    assert local(when("i dag", now=late))[0] == "2026-03-03"
    assert str(when("i dag", now=late).tzinfo) == "Europe/Oslo"


def test_naive_now_and_other_zones() -> None:
    naive = datetime(2026, 3, 2, 9, 0)
    assert when("kl 10", now=naive) == datetime(2026, 3, 2, 10, tzinfo=OSLO)
    ny = when("i morgen kl 10", now=naive, tz="America/New_York")
    assert ny.tzinfo == ZoneInfo("America/New_York")
    assert (ny.year, ny.month, ny.day, ny.hour) == (2026, 3, 3, 10)
    here = datetime(2026, 3, 2, 9, tzinfo=ZoneInfo("Europe/London"))
    assert when("kl 10", now=here).tzinfo == ZoneInfo("Europe/London")


# --- When --------------------------------------------------------------------------------


def test_when_behaves_like_a_datetime() -> None:
    day = when("15.09")
    assert isinstance(day, datetime) and not day.has_time
    assert day == datetime(2026, 9, 15, tzinfo=OSLO)
    shifted = day + timedelta(hours=23, minutes=59)
    assert type(shifted) is datetime and shifted.hour == 23
    assert type(timedelta(days=1) + day) is datetime
    assert type(day - timedelta(days=1)) is datetime
    assert day - datetime(2026, 9, 14, tzinfo=OSLO) == timedelta(days=1)
    assert type(day.astimezone(UTC)) is datetime
    assert day.astimezone(UTC).hour == 22
    assert type(day.replace(hour=9)) is datetime
    assert hash(day) == hash(datetime(2026, 9, 15, tzinfo=OSLO))
    for clone in (pickle.loads(pickle.dumps(day)), copy.deepcopy(day), copy.copy(day)):
        assert clone == day and clone.has_time is False
    assert "has_time=False" in repr(day)


# --- slots -------------------------------------------------------------------------------

SLOT_CASES = [
    ("onsdag 12-14", [("2026-03-04", "12:00", "14:00")]),
    (
        "tirsdag 10-12, torsdag 13-15",
        [("2026-03-03", "10:00", "12:00"), ("2026-03-05", "13:00", "15:00")],
    ),
    (
        "tysdag 10-12; torsdag 13-15",
        [("2026-03-03", "10:00", "12:00"), ("2026-03-05", "13:00", "15:00")],
    ),
    (
        "mandag 9-10\ntirsdag 9-10",
        [("2026-03-02", "09:00", "10:00"), ("2026-03-03", "09:00", "10:00")],
    ),
    ("5. mars kl 10-12", [("2026-03-05", "10:00", "12:00")]),
    ("onsdag 13:00–15:00", [("2026-03-04", "13:00", "15:00")]),
    ("1.12 kl 10-11", [("2026-12-01", "10:00", "11:00")]),
    ("torsdag 10:30–12:00", [("2026-03-05", "10:30", "12:00")]),
    ("fredag 9.30-11", [("2026-03-06", "09:30", "11:00")]),
    ("12. mars kl 10", [("2026-03-12", "10:00", None)]),
    ("fredag kl 10 til 12", [("2026-03-06", "10:00", "12:00")]),
    ("friday 1-3pm", [("2026-03-06", "13:00", "15:00")]),
    ("i morgen 10am-12pm", [("2026-03-03", "10:00", "12:00")]),
    (
        "tirsdag 10-12, 13-15",  # a slot with only a time takes the day before it
        [("2026-03-03", "10:00", "12:00"), ("2026-03-03", "13:00", "15:00")],
    ),
    ("29.03 kl 01-04", [("2026-03-29", "01:00", "04:00")]),
    # "neste uke 10" is next week at 10, not ISO week 10
    (
        "tirsdag neste uke 10-12, torsdag neste veke 13-15",
        [("2026-03-10", "10:00", "12:00"), ("2026-03-12", "13:00", "15:00")],
    ),
    ("fredag denne uka 9-10", [("2026-03-06", "09:00", "10:00")]),
    ("uke 12 tirsdag 10-12", [("2026-03-17", "10:00", "12:00")]),
    # a weekday, a comma and the date of that day is one slot, as Norwegians write it
    ("torsdag, 5. mars kl 10", [("2026-03-05", "10:00", None)]),
]


def _norm(slots: list[D.Slot]) -> list[tuple[str, str, str | None]]:
    return [
        (
            s.start.astimezone(OSLO).date().isoformat(),
            s.start.astimezone(OSLO).strftime("%H:%M"),
            s.end.astimezone(OSLO).strftime("%H:%M") if s.end else None,
        )
        for s in slots
    ]


@pytest.mark.parametrize(("text", "want"), SLOT_CASES)
def test_parse_slots(text: str, want: list[tuple[str, str, str | None]]) -> None:
    slots = D.parse_slots(text, now=NOW)
    assert _norm(slots) == want
    assert all(type(s.start) is datetime and s.start.tzinfo for s in slots)


def test_slot_is_frozen_and_spans_dst_honestly() -> None:
    (slot,) = D.parse_slots("29.03 kl 01-04", now=NOW)
    assert slot.end is not None
    assert slot.end.astimezone(UTC) - slot.start.astimezone(UTC) == timedelta(hours=2)
    with pytest.raises(AttributeError):
        slot.start = NOW  # type: ignore[misc]


SLOTS_REFUSED = [
    ("fredag 15-13", "dates.slot_end_before_start"),
    ("fredag 10-10", "dates.slot_end_before_start"),
    ("hei 10-12", "dates.unknown_word"),
    ("mandag 9-31", "dates.bad_time"),
    ("fredag", "dates.slot_no_time"),
    ("fredag, 5. mars kl 10", "dates.weekday_mismatch"),
    ("10-12", "dates.slot_no_day"),
    ("", "dates.slots_empty"),
    (" ; ,", "dates.slots_empty"),
    ("hei", "dates.not_understood"),
]


@pytest.mark.parametrize(("text", "key"), SLOTS_REFUSED)
def test_slot_refusals(text: str, key: str) -> None:
    with pytest.raises(D.DateParseError) as info:
        D.parse_slots(text, now=NOW)
    assert info.value.key == key
    assert all(info.value.message(lang) for lang in ("nb", "nn", "en"))


# --- durations and reminder offsets ------------------------------------------------------

DURATIONS = [
    ("2t", timedelta(hours=2)),
    ("2 timer", timedelta(hours=2)),
    ("2h", timedelta(hours=2)),
    ("90 min", timedelta(minutes=90)),
    ("1t30m", timedelta(minutes=90)),
    ("1t30", timedelta(minutes=90)),
    ("1h 30m", timedelta(minutes=90)),
    ("1 time og 30 minutter", timedelta(minutes=90)),
    ("30m", timedelta(minutes=30)),
    ("1,5 t", timedelta(minutes=90)),
    ("1.5h", timedelta(minutes=90)),
    ("45 minutter", timedelta(minutes=45)),
    ("1 dag", timedelta(days=1)),
    ("3d", timedelta(days=3)),
    ("2 uker", timedelta(weeks=2)),
    ("2w", timedelta(weeks=2)),
    ("ei veke", timedelta(weeks=1)),
    ("to timar", timedelta(hours=2)),
]


@pytest.mark.parametrize(("text", "want"), DURATIONS)
def test_parse_duration(text: str, want: timedelta) -> None:
    assert D.parse_duration(text) == want


@pytest.mark.parametrize("text", ["", "abc", "0m", "-2h", "2", "2 x", "1000 uker", "t"])
def test_parse_duration_refuses(text: str) -> None:
    with pytest.raises(D.DateParseError) as info:
        D.parse_duration(text)
    assert all(info.value.message(lang) for lang in ("nb", "nn", "en"))


def test_parse_offsets() -> None:
    d, h, m = timedelta(days=1), timedelta(hours=1), timedelta(minutes=1)
    assert D.parse_offsets("14d,7d,1d,2h,30m") == [14 * d, 7 * d, d, 2 * h, 30 * m]
    assert D.parse_offsets("30m, 1d; 14d,1d") == [14 * d, d, 30 * m]
    assert D.parse_offsets("2 timer, 1,5t") == [2 * h, 90 * m]
    for bad in ("", "14d,,x", "7d,-1d", "0d"):
        with pytest.raises(D.DateParseError):
            D.parse_offsets(bad)


# --- formatting --------------------------------------------------------------------------

TUESDAY = datetime(2026, 9, 15, 23, 59, tzinfo=OSLO)


@pytest.mark.parametrize(
    ("lang", "want"),
    [
        ("nb", "tirsdag 15. september 2026"),
        ("nn", "tysdag 15. september 2026"),
        ("en", "Tuesday 15 September 2026"),
    ],
)
def test_format_date(lang: str, want: str) -> None:
    assert D.format_date(TUESDAY, lang) == want
    assert D.format_date(TUESDAY.date(), lang) == want


@pytest.mark.parametrize(
    ("lang", "want"),
    [
        ("nb", "tirsdag 15. september 2026 kl 23:59"),
        ("nn", "tysdag 15. september 2026 kl. 23:59"),
        ("en", "Tuesday 15 September 2026 at 23:59"),
    ],
)
def test_format_datetime(lang: str, want: str) -> None:
    assert D.format_datetime(TUESDAY, lang) == want
    assert D.format_datetime(TUESDAY.astimezone(UTC), lang) == want  # stored in UTC


@pytest.mark.parametrize(
    ("lang", "want"),
    [
        ("nb", "tir 15.09 kl 10:00"),
        ("nn", "tys 15.09 kl. 10:00"),
        ("en", "Tue 15 Sep 10:00"),
    ],
)
def test_format_short(lang: str, want: str) -> None:
    assert D.format_short(TUESDAY.replace(hour=10, minute=0), lang) == want


@pytest.mark.parametrize(
    ("lang", "want"),
    [
        ("nb", "torsdag 5. mars kl 10:00–12:00"),
        ("nn", "torsdag 5. mars kl. 10:00–12:00"),
        ("en", "Thursday 5 March 10:00–12:00"),  # no comma: it separates slots
    ],
)
def test_format_slot(lang: str, want: str) -> None:
    (slot,) = D.parse_slots("5. mars kl 10-12", now=NOW)
    assert D.format_slot(slot, lang) == want
    start_only = D.Slot(slot.start, None)
    assert D.format_slot(start_only, lang) == re.sub(r"–12:00$", "", want)


def test_formatting_a_when_without_time_leaves_out_the_time() -> None:
    day = when("15.09")
    assert D.format_datetime(day, "nb") == "tirsdag 15. september 2026"
    assert D.format_short(day, "en") == "Tue 15 Sep"
    assert D.format_datetime(when("15.09 kl 10"), "nb").endswith("kl 10:00")


def test_format_in_another_zone() -> None:
    assert D.format_datetime(TUESDAY, "en", tz="UTC") == "Tuesday 15 September 2026 at 21:59"
    assert D.format_short(TUESDAY, "nb", tz=ZoneInfo("America/New_York")) == "tir 15.09 kl 17:59"


def test_formatting_ignores_the_system_locale() -> None:
    for lang in ("nb", "nn", "en"):
        for n in range(7):
            text = D.format_date(date(2026, 3, 2) + timedelta(days=n), lang)
            assert text.isprintable() and "%" not in text


# --- holidays and warnings ---------------------------------------------------------------


def test_holiday_names() -> None:
    assert D.holiday_name(date(2026, 5, 17), "nb") == "Grunnlovsdag"
    assert D.holiday_name(date(2026, 5, 17), "nn") == "Grunnlovsdagen"
    assert D.holiday_name(date(2026, 5, 17), "en") == "Constitution Day"
    assert D.holiday_name(date(2026, 4, 2), "nb") == "Skjærtorsdag"
    assert D.holiday_name(date(2026, 12, 25), "nb") == "Første juledag"
    assert D.holiday_name(date(2026, 3, 8), "nb") is None  # a plain Sunday
    assert D.holiday_name(date(2026, 3, 4), "nb") is None


def test_weekend_or_holiday() -> None:
    assert D.is_weekend_or_holiday(date(2026, 3, 7))  # Saturday
    assert D.is_weekend_or_holiday(date(2026, 3, 8))  # Sunday
    assert D.is_weekend_or_holiday(date(2026, 4, 3))  # Good Friday
    assert D.is_weekend_or_holiday(date(2026, 5, 14))  # Ascension Day
    assert not D.is_weekend_or_holiday(date(2026, 3, 4))


def test_day_warning() -> None:
    assert D.day_warning(date(2026, 5, 17), "nb") == "17. mai er en helligdag (Grunnlovsdag)."
    assert D.day_warning(date(2026, 5, 17), "nn") == "17. mai er ein heilagdag (Grunnlovsdagen)."
    assert (
        D.day_warning(date(2026, 5, 17), "en") == "17 May is a public holiday (Constitution Day)."
    )
    assert D.day_warning(date(2026, 3, 7), "nb") == "Lørdag 7. mars er en helgedag."
    assert D.day_warning(date(2026, 3, 7), "nn") == "Laurdag 7. mars er ein helgedag."
    assert D.day_warning(date(2026, 3, 7), "en") == "Saturday 7 March is on a weekend."
    assert D.day_warning(date(2026, 3, 4), "nb") is None
    assert D.day_warning(datetime(2026, 3, 4, 10, tzinfo=OSLO), "en") is None


# --- texts and start-up ------------------------------------------------------------------


def test_every_date_text_has_three_languages_with_the_same_placeholders() -> None:
    for key, entry in TEXTS.items():
        assert set(entry) == {"nb", "nn", "en"}, key
        fields = {lang: set(re.findall(r"{(\w+)}", text)) for lang, text in entry.items()}
        assert fields["nb"] == fields["nn"] == fields["en"], key


def test_import_is_light_and_warm_up_loads_dateparser() -> None:
    code = (
        "import sys, bot.dates as D; assert 'dateparser' not in sys.modules; "
        "assert 'holidays' not in sys.modules; assert 'rapidfuzz' not in sys.modules; "
        "D.warm_up(); "
        "assert {'dateparser', 'rapidfuzz'} <= set(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
