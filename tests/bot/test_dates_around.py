"""Dates said around another one: "før fredag" is the day before, "før jul" the last working
day before Christmas Eve, "etter nyttår" the first working day of January, "før påske" the
last working day before Maundy Thursday; each answer says how it was read, quoting the
member's words as typed."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.dates import DateParseError, note_lines, parse_slots, parse_when

OSLO = ZoneInfo("Europe/Oslo")
WEDNESDAY = datetime(2026, 12, 2, 9, 0, tzinfo=OSLO)  # Wednesday 2 December 2026
FRIDAY = datetime(2026, 12, 4, 9, 0, tzinfo=OSLO)


def day(text: str, now: datetime = WEDNESDAY) -> str:
    when = parse_when(text, now=now, deadline=True)
    assert not when.has_time, text
    return when.date().isoformat()


@pytest.mark.parametrize("text", ["før fredag", "Før fredag", "before Friday", "frist før fredag"])
def test_before_a_weekday_is_the_day_before(text: str) -> None:
    assert day(text) == "2026-12-03"


def test_before_a_weekday_on_that_weekday_is_the_day_before_the_next_one() -> None:
    assert day("før fredag", now=FRIDAY) == "2026-12-10"
    assert day("before Friday", now=datetime(2026, 12, 3, 9, 0, tzinfo=OSLO)) == "2026-12-03"


def test_before_a_date_is_the_day_before() -> None:
    assert day("før 15.09") == "2027-09-14"
    assert day("before 1 March 2027") == "2027-02-28"


def test_by_a_weekday_stays_that_weekday() -> None:
    """ "innen fredag" / "innan fredag" is "by Friday": Friday counts (as before)."""
    assert day("innen fredag") == day("innan fredag") == "2026-12-04"


def test_the_note_says_it_is_the_day_before_in_each_language() -> None:
    when = parse_when("Før Fredag", now=WEDNESDAY)
    assert note_lines(when, "nb") == [
        "«Før Fredag» er lest som torsdag 3. desember 2026, dagen før."
    ]
    assert note_lines(when, "nn") == [
        "«Før Fredag» er lese som torsdag 3. desember 2026, dagen før."
    ]
    assert note_lines(parse_when("before Friday", now=WEDNESDAY), "en") == [
        "I took “before Friday” to mean Thursday 3 December 2026, the day before."
    ]


def test_before_a_day_with_a_time_is_refused_with_what_to_type() -> None:
    with pytest.raises(DateParseError) as caught:
        parse_when("før fredag kl 10", now=WEDNESDAY)
    assert caught.value.message("nb") == (
        "«før fredag kl 10»: skriv «fredag kl 10» for en frist fredag kl 10, "
        "eller «før fredag» for dagen før."
    )
    assert caught.value.message("en").startswith("“før fredag kl 10”: type “fredag kl 10”")


@pytest.mark.parametrize(
    ("text", "now", "expected"),
    [
        ("før jul", WEDNESDAY, "2026-12-23"),  # Wednesday
        ("innan jul", WEDNESDAY, "2026-12-23"),
        ("innen jul", WEDNESDAY, "2026-12-23"),
        ("before Christmas", WEDNESDAY, "2026-12-23"),
        ("by Christmas", WEDNESDAY, "2026-12-23"),
        ("før jul", datetime(2028, 12, 1, 9, tzinfo=OSLO), "2028-12-22"),  # 23rd a Saturday
        ("før jul", datetime(2026, 12, 24, 9, tzinfo=OSLO), "2027-12-23"),
        ("etter nyttår", WEDNESDAY, "2027-01-04"),  # 1 January a Friday, then a weekend
        ("over nyttår", WEDNESDAY, "2027-01-04"),
        ("after New Year", WEDNESDAY, "2027-01-04"),
        ("etter nyttår", datetime(2027, 6, 1, 9, tzinfo=OSLO), "2028-01-03"),
        ("før påske", WEDNESDAY, "2027-03-24"),  # Maundy Thursday 25 March 2027
        ("before Easter", WEDNESDAY, "2027-03-24"),
        ("etter påske", WEDNESDAY, "2027-03-30"),  # the Tuesday after Easter Monday
        ("after Easter", WEDNESDAY, "2027-03-30"),
    ],
)
def test_before_christmas_after_new_year_and_around_easter(
    text: str, now: datetime, expected: str
) -> None:
    assert day(text, now=now) == expected


def test_the_holiday_notes_say_which_working_day() -> None:
    assert note_lines(parse_when("Før jul", now=WEDNESDAY), "nb") == [
        "«Før jul» er lest som onsdag 23. desember 2026, siste arbeidsdag før julaften."
    ]
    assert note_lines(parse_when("innan jul", now=WEDNESDAY), "nn") == [
        "«innan jul» er lese som onsdag 23. desember 2026, siste arbeidsdagen før julaftan."
    ]
    assert note_lines(parse_when("after New Year", now=WEDNESDAY), "en") == [
        "I took “after New Year” to mean Monday 4 January 2027, the first working day of the year."
    ]
    assert note_lines(parse_when("før påske", now=WEDNESDAY), "en") == [
        "I took “før påske” to mean Wednesday 24 March 2027, the last working day before Easter."
    ]


def test_notes_quote_the_member_as_typed() -> None:
    when = parse_when("Første Mandag i Desember", now=WEDNESDAY)
    assert note_lines(when, "nb") == [
        "«Første Mandag i Desember» er lest som mandag 7. desember 2026."
    ]
    assert note_lines(parse_when("I Morgn", now=WEDNESDAY), "nb") == [
        "«Morgn» er lest som «morgen»."
    ]
    assert note_lines(parse_when("Uke 50", now=WEDNESDAY, deadline=True), "en") == [
        "I took “Uke 50” to mean Friday 11 December 2026: a week given as a deadline means its "
        "Friday."
    ]
    slots = parse_slots("Fyrste Tysdag i Januar kl 10-12", now=WEDNESDAY)
    assert note_lines(slots, "nn") == [
        "«Fyrste Tysdag i Januar» er lese som tysdag 5. januar 2027."
    ]


def test_an_impossible_date_gets_an_example_in_the_members_language() -> None:
    with pytest.raises(DateParseError) as caught:
        parse_when("31.04", now=WEDNESDAY)
    assert caught.value.message("en") == (
        "The date 31.04 does not exist. Check the day and month, for example “30 April”."
    )
    assert caught.value.message("nb").endswith("for eksempel «30.04».")
