"""Issue 22: how organisers really write dates, per bullet, in bokmål, nynorsk and English.

Base time: Monday 2 March 2026 09:00 in Oslo, as in the public sample.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot import dates as D
from bot.datefmt import holiday_date

OSLO = ZoneInfo("Europe/Oslo")
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=OSLO)  # a Monday
LANGS = ("nb", "nn", "en")


def read(text: str, now: datetime = NOW, **kw: object) -> tuple[str, str | None]:
    got = D.parse_when(text, now=now, **kw)  # type: ignore[arg-type]
    local = got.astimezone(OSLO)
    return local.date().isoformat(), local.strftime("%H:%M") if got.has_time else None


def slots(text: str, now: datetime = NOW) -> list[tuple[str, str, str | None]]:
    return [
        (
            s.start.astimezone(OSLO).date().isoformat(),
            s.start.astimezone(OSLO).strftime("%H:%M"),
            s.end.astimezone(OSLO).strftime("%H:%M") if s.end else None,
        )
        for s in D.parse_slots(text, now=now)
    ]


def refused(text: str, **kw: object) -> D.DateParseError:
    with pytest.raises(D.DateParseError) as info:
        D.parse_when(text, now=NOW, **kw)  # type: ignore[arg-type]
    for lang in LANGS:
        assert info.value.message(lang).strip()
    return info.value


def notes(text: str, lang: str, **kw: object) -> list[str]:
    return D.note_lines(D.parse_when(text, now=NOW, **kw), lang)  # type: ignore[arg-type]


# --- ordinal weekdays ----------------------------------------------------------------------

ORDINALS = [
    ("første mandag i desember", "2026-12-07", None),
    ("siste torsdag i mai", "2026-05-28", None),
    ("andre tirsdag i april", "2026-04-14", None),
    ("tredje onsdag i mars", "2026-03-18", None),
    ("fjerde fredag i mai", "2026-05-22", None),
    ("første mandag i mars", "2026-03-02", None),  # today counts
    ("første mandag i februar", "2027-02-01", None),  # this year's has passed
    ("siste fredag i mai 2027", "2027-05-28", None),
    ("første mandag i neste måned", "2026-04-06", None),
    ("siste fredag i måneden", "2026-03-27", None),
    ("1. mandag i desember kl 10", "2026-12-07", "10:00"),
    ("frist siste fredag i mai kl 12", "2026-05-29", "12:00"),
    # nynorsk
    ("fyrste måndag i desember", "2026-12-07", None),
    ("siste tysdag i mai", "2026-05-26", None),
    ("andre laurdag i juni", "2026-06-13", None),
    ("fyrste fredag i neste månad klokka 9", "2026-04-03", "09:00"),
    # English
    ("first Monday of December", "2026-12-07", None),
    ("last Friday in May", "2026-05-29", None),
    ("second Tuesday of April at 10", "2026-04-14", "10:00"),
    ("the last Thursday of next month", "2026-04-30", None),
]


@pytest.mark.parametrize(("text", "day", "hhmm"), ORDINALS)
def test_ordinal_weekdays(text: str, day: str, hhmm: str | None) -> None:
    assert read(text) == (day, hhmm)


def test_ordinal_weekdays_as_slots() -> None:
    assert slots("første mandag i desember 10-12") == [("2026-12-07", "10:00", "12:00")]
    assert slots("fyrste måndag i desember kl 10-12") == [("2026-12-07", "10:00", "12:00")]
    assert slots("first Monday of December 10-12") == [("2026-12-07", "10:00", "12:00")]


@pytest.mark.parametrize(
    "text", ["femte mandag i februar", "femte måndag i februar", "fifth Monday of February"]
)
def test_an_ordinal_weekday_a_month_lacks_is_refused(text: str) -> None:
    assert refused(text).key == "dates.no_such_weekday"


def test_ordinal_weekday_with_another_weekday_is_refused() -> None:
    assert refused("fredag første mandag i mai").key == "dates.weekday_mismatch"


def test_ordinal_weekday_is_echoed_with_the_day() -> None:
    assert notes("første mandag i desember", "nb") == [
        "«første mandag i desember» er lest som mandag 7. desember 2026."
    ]
    assert notes("fyrste måndag i desember", "nn") == [
        "«fyrste måndag i desember» er lese som måndag 7. desember 2026."
    ]
    assert notes("first Monday of December", "en") == [
        "I took “first Monday of December” to mean Monday 7 December 2026."
    ]


# --- spans from now --------------------------------------------------------------------

SPANS = [
    ("om en uke", "2026-03-09"),
    ("om en måned", "2026-04-02"),
    ("om 3 uker", "2026-03-23"),
    ("om 2 måneder", "2026-05-02"),
    ("neste måned", "2026-04-01"),
    ("tirsdag om en uke", "2026-03-10"),  # the coming Tuesday, a week on
    ("om ei veke", "2026-03-09"),
    ("om ein månad", "2026-04-02"),
    ("om 2 veker", "2026-03-16"),
    ("om tre månader", "2026-06-02"),
    ("neste månad", "2026-04-01"),
    ("tysdag om ei veke", "2026-03-10"),
    ("in a week", "2026-03-09"),
    ("in a month", "2026-04-02"),
    ("in 3 weeks", "2026-03-23"),
    ("next month", "2026-04-01"),
    ("Thursday in two weeks", "2026-03-19"),
]


@pytest.mark.parametrize(("text", "day"), SPANS)
def test_spans_from_now(text: str, day: str) -> None:
    assert read(text) == (day, None)


def test_weekday_a_week_on_as_a_slot() -> None:
    # Issue 17 item 9: "tirsdag om en uke 10-12" was refused as two dates.
    assert slots("tirsdag om en uke 10-12") == [("2026-03-10", "10:00", "12:00")]
    assert slots("tysdag om ei veke kl 10-12") == [("2026-03-10", "10:00", "12:00")]


def test_span_in_days_with_a_weekday_still_conflicts() -> None:
    assert refused("tirsdag om 3 dager").key == "dates.conflict"


# --- weeks -------------------------------------------------------------------------------

WEEKS = [
    # (text, as a meeting: Monday, as a deadline: Friday)
    ("uke 50", "2026-12-07", "2026-12-11"),
    ("veke 50", "2026-12-07", "2026-12-11"),
    ("week 50", "2026-12-07", "2026-12-11"),
    ("i uke 10", "2026-03-02", "2026-03-06"),  # this week
    ("uke 2", "2027-01-11", "2027-01-15"),  # week 2 of this year has passed
    ("neste uke", "2026-03-09", "2026-03-13"),
    ("neste veke", "2026-03-09", "2026-03-13"),
    ("next week", "2026-03-09", "2026-03-13"),
]


@pytest.mark.parametrize(("text", "monday", "friday"), WEEKS)
def test_a_week_alone_is_its_monday_or_as_a_deadline_its_friday(
    text: str, monday: str, friday: str
) -> None:
    assert read(text) == (monday, None)
    assert read(text, deadline=True) == (friday, None)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("mandag i uke 2", "2027-01-11"),
        ("fredag uke 51", "2026-12-18"),
        ("måndag i veke 2", "2027-01-11"),
        ("fredag veke 51 kl 12", "2026-12-18"),
        ("Friday week 51", "2026-12-18"),
        ("Monday of week 2", "2027-01-11"),
    ],
)
def test_a_weekday_in_a_week(text: str, day: str) -> None:
    assert read(text)[0] == day
    assert read(text, deadline=True)[0] == day  # a named day is that day either way


def test_a_year_after_a_week_number_is_kept() -> None:
    # It was dropped: the year sat outside the week's token and the week was lost.
    assert read("uke 12 2027") == ("2027-03-22", None)
    assert read("fredag uke 1 2027") == ("2027-01-08", None)


def test_this_week_as_a_deadline_is_its_friday() -> None:
    assert read("denne uka", deadline=True) == ("2026-03-06", None)
    assert refused("denne uka").key == "dates.not_understood"  # its Monday was today, 09:00


def test_the_echo_says_which_day_of_the_week() -> None:
    assert notes("uke 50", "nb", deadline=True) == [
        "«uke 50» er lest som fredag 11. desember 2026: en uke som frist betyr fredagen."
    ]
    assert notes("veke 50", "nn", deadline=True) == [
        "«veke 50» er lese som fredag 11. desember 2026: ei veke som frist tyder fredagen."
    ]
    assert notes("week 50", "en", deadline=True) == [
        "I took “week 50” to mean Friday 11 December 2026: a week given as a deadline means its Friday."
    ]
    assert notes("uke 50", "nb") == [
        "«uke 50» er lest som mandag 7. desember 2026, den første dagen i uka."
    ]
    assert notes("fredag uke 51", "nb") == []  # nothing was chosen for the member


def test_a_week_in_slots_is_a_meeting_and_starts_on_monday() -> None:
    (slot,) = D.parse_slots("uke 50 kl 10-12", now=NOW)
    assert slot.start.astimezone(OSLO).date() == date(2026, 12, 7)
    assert D.note_lines(slot, "nn") == [
        "«uke 50» er lese som måndag 7. desember 2026, den første dagen i veka."
    ]


# --- parts of months ---------------------------------------------------------------------

PARTS = [
    ("i starten av april", "2026-04-01"),
    ("i midten av mars", "2026-03-15"),
    ("i slutten av mars", "2026-03-31"),
    ("begynnelsen av april", "2026-04-01"),
    ("midten av mai 2027", "2027-05-15"),
    ("slutten av februar", "2027-02-28"),  # February 2026 is over
    ("i starten av mars", "2027-03-01"),  # 1 March 2026 was yesterday
    ("slutten av neste måned", "2026-04-30"),
    ("innen utgangen av juni", "2026-06-30"),
    ("medio mai", "2026-05-15"),
    ("ultimo april", "2026-04-30"),
    ("primo juni", "2026-06-01"),
    ("i byrjinga av april", "2026-04-01"),
    ("i midten av mai", "2026-05-15"),
    ("i slutten av juni", "2026-06-30"),
    ("slutten av neste månad", "2026-04-30"),
    ("end of March", "2026-03-31"),
    ("beginning of April", "2026-04-01"),
    ("mid-May", "2026-05-15"),
    ("by the end of June", "2026-06-30"),
    ("middle of May 2027", "2027-05-15"),
]


@pytest.mark.parametrize(("text", "day"), PARTS)
def test_parts_of_months(text: str, day: str) -> None:
    assert read(text) == (day, None)


def test_part_of_month_with_a_time_and_its_echo() -> None:
    assert read("slutten av mars kl 12") == ("2026-03-31", "12:00")
    assert notes("i slutten av mars", "nb") == [
        "«i slutten av mars» er lest som tirsdag 31. mars 2026."
    ]
    assert notes("i slutten av mars", "nn") == [
        "«i slutten av mars» er lese som tysdag 31. mars 2026."
    ]
    assert notes("end of March", "en") == ["I took “end of March” to mean Tuesday 31 March 2026."]


def test_a_month_alone_is_still_refused_and_suggests_the_new_forms() -> None:
    err = refused("desember")
    assert err.key == "dates.month_without_day"
    assert "første mandag i desember" in err.message("nb")
    assert "første måndag i desember" in err.message("nn")
    assert "first Monday of December" in err.message("en")


# --- named days --------------------------------------------------------------------------

NAMED = [
    ("julaften", "2026-12-24"),
    ("1. juledag", "2026-12-25"),
    ("første juledag", "2026-12-25"),
    ("2. juledag", "2026-12-26"),
    ("nyttårsaften", "2026-12-31"),
    ("nyttårsdag", "2027-01-01"),
    ("17. mai", "2026-05-17"),
    ("grunnlovsdagen", "2026-05-17"),
    ("skjærtorsdag", "2026-04-02"),
    ("langfredag", "2026-04-03"),
    ("1. påskedag", "2026-04-05"),
    ("2. påskedag", "2026-04-06"),
    ("pinse", "2026-05-24"),
    ("2. pinsedag", "2026-05-25"),
    ("Kristi himmelfartsdag", "2026-05-14"),
    ("sankthans", "2026-06-23"),
    ("langfredag 2027", "2027-03-26"),
    ("julaftan", "2026-12-24"),
    ("nyttårsaftan", "2026-12-31"),
    ("andre påskedag", "2026-04-06"),
    ("fyrste pinsedag", "2026-05-24"),
    ("Christmas Eve", "2026-12-24"),
    ("Good Friday", "2026-04-03"),
    ("Easter Monday", "2026-04-06"),
    ("Ascension Day", "2026-05-14"),
    ("Whit Monday", "2026-05-25"),
    ("New Year’s Eve", "2026-12-31"),
    ("Constitution Day", "2026-05-17"),
]


@pytest.mark.parametrize(("text", "day"), NAMED)
def test_named_days(text: str, day: str) -> None:
    assert read(text) == (day, None)


def test_two_holidays_on_one_day_are_both_found() -> None:
    # In 2027 the holidays package names 17 May "Constitution Day; Pentecost Monday".
    assert read("andre pinsedag 2027") == ("2027-05-17", None)
    assert read("grunnlovsdagen 2027") == ("2027-05-17", None)


def test_named_days_after_this_years_are_next_years() -> None:
    after_christmas = datetime(2026, 12, 28, 9, tzinfo=OSLO)
    assert read("julaften", now=after_christmas) == ("2027-12-24", None)
    after_easter = datetime(2026, 4, 10, 9, tzinfo=OSLO)
    assert read("langfredag", now=after_easter) == ("2027-03-26", None)


def test_easter_days_follow_the_holidays_package() -> None:
    for year in (2026, 2027, 2030):
        now = datetime(year, 1, 2, 9, tzinfo=OSLO)
        for text, name in (
            ("skjærtorsdag", "Maundy Thursday"),
            ("langfredag", "Good Friday"),
            ("1. påskedag", "Easter Sunday"),
            ("2. påskedag", "Easter Monday"),
            ("Kristi himmelfartsdag", "Ascension Day"),
            ("pinse", "Pentecost"),
        ):
            want = holiday_date(name, year)
            assert want is not None
            assert read(text, now=now) == (want.isoformat(), None)


def test_named_day_with_a_time_a_weekday_and_an_echo() -> None:
    assert read("julaften kl 12") == ("2026-12-24", "12:00")
    assert read("torsdag julaften") == ("2026-12-24", None)
    assert refused("fredag julaften").key == "dates.weekday_mismatch"
    assert slots("skjærtorsdag 10-12") == [("2026-04-02", "10:00", "12:00")]
    assert notes("langfredag", "nb") == ["«langfredag» er lest som fredag 3. april 2026."]
    assert notes("langfredag", "nn") == ["«langfredag» er lese som fredag 3. april 2026."]
    assert notes("Good Friday", "en") == ["I took “Good Friday” to mean Friday 3 April 2026."]


# --- spoken times ------------------------------------------------------------------------

SPOKEN = [
    ("fredag kl halv ti", "2026-03-06", "09:30"),
    ("i morgen kl kvart over ni", "2026-03-03", "09:15"),
    ("i morgen kvart på tolv", "2026-03-03", "11:45"),
    ("i morgen ti på halv to", "2026-03-03", "13:20"),
    ("i morgen fem over halv ni", "2026-03-03", "08:35"),
    ("i morgen halv tre", "2026-03-03", "14:30"),  # office hours: not 02:30
    ("i morgen klokka tre", "2026-03-03", "15:00"),
    ("i morgen kl 1400", "2026-03-03", "14:00"),
    ("kl. 08.15", "2026-03-03", "08:15"),  # 08:15 has passed today
    ("i morgon kl halv ti", "2026-03-03", "09:30"),
    ("fredag klokka kvart på tolv", "2026-03-06", "11:45"),
    ("tysdag ti over ni", "2026-03-03", "09:10"),
    ("tomorrow at half past nine", "2026-03-03", "09:30"),
    ("tomorrow quarter past nine", "2026-03-03", "09:15"),
    ("Friday quarter to twelve", "2026-03-06", "11:45"),
    ("tomorrow ten to two", "2026-03-03", "13:50"),
    ("Friday nine o'clock", "2026-03-06", "09:00"),
]


@pytest.mark.parametrize(("text", "day", "hhmm"), SPOKEN)
def test_spoken_times(text: str, day: str, hhmm: str) -> None:
    assert read(text) == (day, hhmm)


def test_an_afternoon_reading_is_echoed() -> None:
    assert notes("i morgen halv tre", "nb") == [
        "«halv tre» er lest som kl 14:30, innenfor arbeidstida."
    ]
    assert notes("i morgon halv tre", "nn") == [
        "«halv tre» er lese som kl. 14:30, innanfor arbeidstida."
    ]
    assert notes("tomorrow half past two", "en") == [
        "I took “half past two” to mean 14:30, within office hours."
    ]
    assert notes("i morgen halv ti", "nb") == []  # 09:30 needed no choice


@pytest.mark.parametrize("text", ["halv 15", "kl 2430", "kl 2360", "kvart over 13"])
def test_spoken_and_four_digit_times_past_the_clock_are_refused(text: str) -> None:
    assert refused(text).key == "dates.bad_time"


def test_spoken_times_in_slots() -> None:
    assert slots("fredag kl halv ti") == [("2026-03-06", "09:30", None)]


# --- typos -------------------------------------------------------------------------------

TYPOS = [
    ("i morgn kl 10", "2026-03-03", "10:00", "morgn", "morgen"),
    ("i mogen", "2026-03-03", None, "mogen", "morgen"),
    ("overimorgen", "2026-03-04", None, None, None),  # a spelling, not a typo
    ("overimorgn", "2026-03-04", None, "overimorgn", "overimorgen"),
    ("tirsdga", "2026-03-03", None, "tirsdga", "tirsdag"),
    ("fredga kl 10", "2026-03-06", "10:00", "fredga", "fredag"),
    ("5. desmber", "2026-12-05", None, "desmber", "desember"),
    ("i morgno", "2026-03-03", None, "morgno", "morgon"),
    ("laurdga", "2026-03-07", None, "laurdga", "laurdag"),
    # (January: a date in February, a month or less before NOW, gets a note of its own)
    ("3. janaur", "2027-01-03", None, "janaur", "januar"),
    ("tomorow", "2026-03-03", None, "tomorow", "tomorrow"),
    ("wednsday 10am", "2026-03-04", "10:00", "wednsday", "wednesday"),
    ("Janury 3", "2027-01-03", None, "Janury", "january"),
]


@pytest.mark.parametrize(("text", "day", "hhmm", "typed", "word"), TYPOS)
def test_one_letter_typos_are_mended_and_echoed(
    text: str, day: str, hhmm: str | None, typed: str | None, word: str | None
) -> None:
    assert read(text) == (day, hhmm)
    if typed is None:
        assert notes(text, "nb") == []
    else:
        assert notes(text, "nb") == [f"«{typed}» er lest som «{word}»."]
        assert notes(text, "nn") == [f"«{typed}» er lese som «{word}»."]
        assert notes(text, "en") == [f"I took “{typed}” to mean “{word}”."]


def test_a_typo_between_two_words_asks_which() -> None:
    err = refused("tursdag kl 10")
    assert err.key == "dates.did_you_mean"
    assert err.message("nb").endswith("Mente du «tirsdag» eller «torsdag»?")
    assert err.message("nn").endswith("Meinte du «tirsdag» eller «torsdag»?")
    assert err.message("en").endswith("Did you mean “tirsdag” or “torsdag”?")


@pytest.mark.parametrize("text", ["i morx", "fredxyz", "mail kl 10", "mail 10"])
def test_more_than_one_edit_or_short_words_are_not_guessed(text: str) -> None:
    assert refused(text).key in ("dates.unknown_word", "dates.not_understood")


def test_typos_in_slots_are_echoed_per_slot() -> None:
    (slot,) = D.parse_slots("tirsdga 10-12", now=NOW)
    assert slot.start.astimezone(OSLO).date() == date(2026, 3, 3)
    assert D.note_lines([slot], "nb") == ["«tirsdga» er lest som «tirsdag»."]


# --- forms -------------------------------------------------------------------------------

FORMS = [
    ("2.12.26", "2026-12-02", None),
    ("02.12.26 kl 10", "2026-12-02", "10:00"),
    ("fredag den 4.", "2026-09-04", None),  # the next month whose 4th is a Friday
    ("onsdag den 4.", "2026-03-04", None),
    ("den 20.", "2026-03-20", None),
    ("kl 14 på fredag", "2026-03-06", "14:00"),
    ("fredag den 4. kl 10", "2026-09-04", "10:00"),
    ("kl 14 på fredag", "2026-03-06", "14:00"),
    ("klokka 14 på fredag", "2026-03-06", "14:00"),
    ("Friday the 4th", "2026-09-04", None),
    ("2pm on Friday", "2026-03-06", "14:00"),
]


@pytest.mark.parametrize(("text", "day", "hhmm"), FORMS)
def test_forms(text: str, day: str, hhmm: str | None) -> None:
    assert read(text) == (day, hhmm)


@pytest.mark.parametrize("text", ["den 32.", "den 0."])
def test_a_day_of_month_that_cannot_be_is_refused(text: str) -> None:
    assert refused(text).key == "dates.impossible_date"


# --- slots -------------------------------------------------------------------------------

SLOTS = [
    (
        "8.12 kl 10-12 og 9.12 kl 10-12",
        [("2026-12-08", "10:00", "12:00"), ("2026-12-09", "10:00", "12:00")],
    ),
    (
        "tirsdag og torsdag neste uke kl 13-15",
        [("2026-03-10", "13:00", "15:00"), ("2026-03-12", "13:00", "15:00")],
    ),
    (
        "mandag, tirsdag og onsdag kl 9-10",
        [("2026-03-02", "09:00", "10:00"), ("2026-03-03", "09:00", "10:00")]
        + [("2026-03-04", "09:00", "10:00")],
    ),
    ("fredag fra kl 10 til 12", [("2026-03-06", "10:00", "12:00")]),
    ("fredag mellom 10 og 12", [("2026-03-06", "10:00", "12:00")]),
    (
        "tirsdag 10-12 og 13-15",
        [("2026-03-03", "10:00", "12:00"), ("2026-03-03", "13:00", "15:00")],
    ),
    (
        "8.12 og 9.12 kl 10-12",
        [("2026-12-08", "10:00", "12:00"), ("2026-12-09", "10:00", "12:00")],
    ),
    (
        "tirsdag 10-12\ntorsdag 13-15\n",
        [("2026-03-03", "10:00", "12:00"), ("2026-03-05", "13:00", "15:00")],
    ),
    # nynorsk
    (
        "tysdag og torsdag neste veke kl 13-15",
        [("2026-03-10", "13:00", "15:00"), ("2026-03-12", "13:00", "15:00")],
    ),
    ("fredag frå kl 10 til 12", [("2026-03-06", "10:00", "12:00")]),
    (
        "8.12 kl 10-12 og 9.12 kl 10-12",
        [("2026-12-08", "10:00", "12:00"), ("2026-12-09", "10:00", "12:00")],
    ),
    # English
    (
        "Tuesday 10-12 and Thursday 13-15",
        [("2026-03-03", "10:00", "12:00"), ("2026-03-05", "13:00", "15:00")],
    ),
    (
        "Tuesday and Thursday next week 1-3pm",
        [("2026-03-10", "13:00", "15:00"), ("2026-03-12", "13:00", "15:00")],
    ),
    ("Friday from 10 to 12", [("2026-03-06", "10:00", "12:00")]),
    ("Friday between 10 and 12", [("2026-03-06", "10:00", "12:00")]),
    ("March 5, 2027 10-12", [("2027-03-05", "10:00", "12:00")]),
]


@pytest.mark.parametrize(("text", "want"), SLOTS)
def test_slots_joined_with_og_and_commas_new_lines_and_shared_times(
    text: str, want: list[tuple[str, str, str | None]]
) -> None:
    assert slots(text) == want


@pytest.mark.parametrize(
    ("text", "key", "slot"),
    [
        ("tirsdag og torsdag", "dates.slot_no_time", "tirsdag"),
        ("tirsdag 10-12 og torsdag", "dates.slot_no_time", "torsdag"),
        ("8.12 kl 10-12 og 9.12 kl 12-10", "dates.slot_end_before_start", "9.12 kl 12-10"),
        ("fredag og hei 10-12", "dates.unknown_word", "hei 10-12"),
    ],
)
def test_slot_refusals_name_the_slot(text: str, key: str, slot: str) -> None:
    with pytest.raises(D.DateParseError) as info:
        D.parse_slots(text, now=NOW)
    assert info.value.key == key
    for lang in LANGS:
        assert slot in info.value.message(lang)


def test_a_wrong_slot_is_not_blamed_on_a_fragment() -> None:
    # Issue 17 item 9: the refusal named «-12», a piece of the range, not the word.
    with pytest.raises(D.DateParseError) as info:
        D.parse_slots("første mandag i desembr kl 10-12 og tull", now=NOW)
    assert "«-12»" not in info.value.message("nb")
    with pytest.raises(D.DateParseError) as info:
        D.parse_when("5.3 ?10", now=NOW)
    assert info.value.params["word"] == "?10"


# --- refusals keep their rules, and examples can be left to the caller -------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("29. februar 2027", "dates.impossible_date"),
        ("31.04", "dates.impossible_date"),
        ("kl 24:30", "dates.bad_time"),
        ("tirsdag 29:00", "dates.bad_time"),
        ("fredag 5. mars", "dates.weekday_mismatch"),
        ("julaften 1800", "dates.bad_year"),
    ],
)
def test_the_same_refusal_rules(text: str, key: str) -> None:
    assert refused(text).key == key


def test_a_refusal_can_leave_out_its_example() -> None:
    """Issue 17 item 9: a feature that adds its own example must not say "Skriv til dømes"
    twice; the date's reason alone is asked for."""
    err = refused("31.04")
    assert err.message("nn", example=False) == "Datoen 31.04 finst ikkje."
    assert err.message("nn") == "Datoen 31.04 finst ikkje. Sjekk dag og månad, til dømes «30.04»."
    assert "dømes" not in refused("desember").message("nn", example=False)


# --- the reader is chosen before reading -------------------------------------------------


def test_a_phrase_of_our_words_or_unknown_words_never_loads_dateparser() -> None:
    """Refusing "møte i morgen" is one scan of its words: dateparser is neither imported
    nor asked; only a phrase with words it alone knows goes to it."""
    code = (
        "import sys, datetime, zoneinfo; from bot import dates as D\n"
        "now = datetime.datetime(2026, 3, 2, 9, tzinfo=zoneinfo.ZoneInfo('Europe/Oslo'))\n"
        "for text in ('møte i morgen', 'hei', 'første mandag i desember', 'i morgn kl 10',\n"
        "             '15.09 eller 16.09', 'tursdag'):\n"
        "    try:\n"
        "        D.parse_when(text, now=now)\n"
        "    except D.DateParseError:\n"
        "        pass\n"
        "assert 'dateparser' not in sys.modules, 'dateparser was imported'\n"
        "assert D.parse_when('3 days ago', now=now).date() == datetime.date(2026, 2, 27)\n"
        "assert 'dateparser' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_dateparser_answers_keep_a_typed_time() -> None:
    assert read("3 days ago") == ("2026-02-27", None)
    assert read("3 days ago kl 10") == ("2026-02-27", "10:00")


@pytest.mark.parametrize(
    "text",
    [
        "the 15th September",
        "the 15th of September",
        "on the 15th of September",
        "September the 15th",
        "15th of September",
    ],
)
def test_the_english_day_of_a_month_with_the_and_an_ordinal(text: str) -> None:
    """Typed as a new user in English: "the 15th of September" was answered "Which day in
    September?" ("the 15" was read as a day of no month, leaving "th")."""
    assert read(text) == ("2026-09-15", None)
    assert read(text + " at 10") == ("2026-09-15", "10:00")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("slutten av neste veke", "2026-03-13"),
        ("i slutten av neste uke", "2026-03-13"),
        ("utgangen av neste uke", "2026-03-13"),
        ("end of next week", "2026-03-13"),
        ("by the end of next week", "2026-03-13"),
        ("slutten av veka", "2026-03-06"),
        ("i slutten av denne uka", "2026-03-06"),
        ("end of the week", "2026-03-06"),
        ("end of this week", "2026-03-06"),
    ],
)
def test_the_end_of_a_week_is_its_friday(text: str, day: str) -> None:
    """Typed as a new user: "frist slutten av neste veke" was answered «slutten» is not
    understood, though "neste veke" alone is that week's Friday as a deadline."""
    assert read(text, deadline=True) == (day, None)
    assert read(text) == (day, None)  # the end of a week is its Friday, deadline or not


def test_the_end_of_something_else_is_not_taken_for_a_week() -> None:
    for text in ("slutten av neste", "slutten av møtet", "end of the day"):
        assert refused(text).key in ("dates.unknown_word", "dates.not_understood"), text


@pytest.mark.parametrize(
    ("text", "day", "hhmm"),
    [
        ("fredag den 4.kl 10", "2026-09-04", "10:00"),
        ("den 4.kl. 10", "2026-03-04", "10:00"),
    ],
)
def test_a_day_of_month_with_its_point_runs_on_into_a_word(
    text: str, day: str, hhmm: str | None
) -> None:
    """Review of the English ordinals: the check that "the 15" leaves no "th" behind also
    fell after "den 4.", so "fredag den 4.kl 10" was answered «4» er ikke en dato."""
    assert read(text) == (day, hhmm)


def test_a_point_without_a_space_reads_as_with_one() -> None:
    """The unspaced "den 4.i neste måned" is answered as "den 4. i neste måned" is, not «4»."""
    assert refused("den 4.i neste måned").key == refused("den 4. i neste måned").key
    assert refused("den 4.i neste måned").key != "dates.bare_number"


def test_a_number_still_runs_into_no_word_after_the_or_den() -> None:
    assert refused("the 15x").key != "dates.impossible_date"
    assert read("the 15th") == ("2026-03-15", None)


@pytest.mark.parametrize(
    ("text", "en", "nb"),
    [
        ("31st of february", "The date 31st of February does not exist.", "31st of february"),
        ("the 31st of February", "The date 31st of February does not exist.", None),
        ("february 31st", "The date February 31st does not exist.", None),
        ("31 feb 2027", "The date 31 Feb 2027 does not exist.", None),
        ("april 31", "The date April 31 does not exist.", None),
        ("31. februar", "The date 31. februar does not exist.", "31. februar"),
    ],
)
def test_an_impossible_date_names_english_months_capitalised_in_english(
    text: str, en: str, nb: str | None
) -> None:
    """Review: "31st of february" was answered "The date 31st of february does not exist";
    English writes its month names capitalised, Norwegian does not."""
    error = refused(text)
    assert error.key == "dates.impossible_date"
    assert error.message("en", example=False) == en
    if nb is not None:
        assert error.message("nb", example=False) == f"Datoen {nb} finnes ikke."
        assert error.message("nn", example=False) == f"Datoen {nb} finst ikkje."


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("slutten av uke 50", "2026-12-11"),
        ("i slutten av veke 50", "2026-12-11"),
        ("end of week 50", "2026-12-11"),
        ("slutten av uke 12 2027", "2027-03-26"),
        ("før slutten av neste uke", "2026-03-13"),
        ("mot slutten av neste uke", "2026-03-13"),
        ("før slutten av neste veke", "2026-03-13"),
        ("mot slutten av veka", "2026-03-06"),
        ("before the end of next week", "2026-03-13"),
        ("towards the end of next week", "2026-03-13"),
        ("før slutten av uke 50", "2026-12-11"),
    ],
)
def test_the_end_of_a_numbered_week_and_before_or_towards_it(text: str, day: str) -> None:
    """Review: "slutten av uke 50" was refused though "uke 50" alone is taken, and so were
    "før slutten av neste uke" and "mot slutten av neste uke": each is the week's Friday."""
    assert read(text, deadline=True) == (day, None)
    assert read(text) == (day, None)
    assert read(text + " kl 12") == (day, "12:00")


def test_before_or_towards_something_not_the_end_of_a_week_is_still_refused() -> None:
    # ("før fredag" is the day before: tests/bot/test_dates_around.py)
    for text in ("mot neste uke", "før slutten av møtet", "mot fredag"):
        error = refused(text)
        assert error.key in ("dates.unknown_word", "dates.not_understood"), text
