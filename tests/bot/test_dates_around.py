"""Dates said around another one: "før fredag" is the day before, "før jul" the last working
day before Christmas Eve, "etter nyttår" the first working day of January, "før påske" the
last working day before Maundy Thursday; each answer says how it was read, quoting the
member's words as typed."""

from __future__ import annotations

import re
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


def test_before_a_date_is_the_working_day_before() -> None:
    assert day("før 15.09") == "2027-09-14"
    assert day("before 1 March 2027") == "2027-02-26"  # 28 February is a Sunday


def test_by_a_weekday_stays_that_weekday() -> None:
    """ "innen fredag" / "innan fredag" is "by Friday": Friday counts (as before)."""
    assert day("innen fredag") == day("innan fredag") == "2026-12-04"


def test_the_note_says_it_is_the_working_day_before_in_each_language() -> None:
    when = parse_when("Før Fredag", now=WEDNESDAY)
    assert note_lines(when, "nb") == [
        "«Før Fredag» er lest som torsdag 3. desember 2026, arbeidsdagen før."
    ]
    assert note_lines(when, "nn") == [
        "«Før Fredag» er lese som torsdag 3. desember 2026, arbeidsdagen før."
    ]
    assert note_lines(parse_when("before Friday", now=WEDNESDAY), "en") == [
        "I took “before Friday” to mean Thursday 3 December 2026, the working day before."
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
        ("før jul", datetime(2026, 1, 5, 9, tzinfo=OSLO), "2026-12-23"),
        ("etter nyttår", WEDNESDAY, "2027-01-04"),  # 1 January a Friday, then a weekend
        ("over nyttår", WEDNESDAY, "2027-01-04"),
        ("after New Year", WEDNESDAY, "2027-01-04"),
        ("etter nyttår", datetime(2027, 6, 1, 9, tzinfo=OSLO), "2028-01-03"),
        ("etter nyttår", datetime(2025, 2, 10, 9, tzinfo=OSLO), "2026-01-02"),
        ("før påske", datetime(2025, 6, 2, 9, tzinfo=OSLO), "2026-04-01"),
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


@pytest.mark.parametrize(
    ("text", "now", "expected"),
    [
        ("før mandag", FRIDAY, "2026-12-04"),  # typed on a Friday: that Friday, not Sunday
        # typed on a weekend, no working day is left before it: the day before
        ("before Monday", datetime(2026, 12, 5, 9, tzinfo=OSLO), "2026-12-06"),  # Saturday
        ("før i morgen", datetime(2026, 12, 5, 9, tzinfo=OSLO), "2026-12-05"),  # Saturday
        ("før mandag", datetime(2026, 12, 6, 9, tzinfo=OSLO), "2026-12-06"),  # Sunday
        ("før mandag", datetime(2026, 12, 7, 9, tzinfo=OSLO), "2026-12-11"),  # on the Monday
        ("før 2. januar", WEDNESDAY, "2026-12-31"),  # 1 January is a public holiday
        ("før 30. mars 2027", WEDNESDAY, "2027-03-24"),  # back over Easter and its weekend
    ],
)
def test_before_a_day_is_the_working_day_before(text: str, now: datetime, expected: str) -> None:
    assert day(text, now=now) == expected


def test_on_a_weekend_the_note_says_the_day_before() -> None:
    saturday = datetime(2026, 12, 5, 9, tzinfo=OSLO)
    assert note_lines(parse_when("før mandag", now=saturday), "nn") == [
        "«før mandag» er lese som sundag 6. desember 2026, dagen før."
    ]
    assert note_lines(parse_when("before Monday", now=saturday), "en") == [
        "I took “before Monday” to mean Sunday 6 December 2026, the day before."
    ]


def test_the_note_says_the_working_day_before_over_a_weekend() -> None:
    assert note_lines(parse_when("før mandag", now=FRIDAY), "nb") == [
        "«før mandag» er lest som fredag 4. desember 2026, arbeidsdagen før."
    ]


MARCH_7 = datetime(2025, 3, 7, 9, tzinfo=OSLO)  # a Friday


@pytest.mark.parametrize(
    ("text", "now"),
    [
        ("før i dag", MARCH_7),
        ("før 7. mars", MARCH_7),
        ("før 2025-01-01", MARCH_7),
        ("before 7 March", MARCH_7),
    ],
)
def test_before_a_day_that_makes_a_past_deadline_is_refused(text: str, now: datetime) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_when(text, now=now, deadline=True)
    assert caught.value.key == "dates.around_past"


def test_a_past_deadline_refusal_says_so_and_what_to_type_in_each_language() -> None:
    with pytest.raises(DateParseError) as caught:
        parse_when("før i dag", now=MARCH_7, deadline=True)
    assert caught.value.message("nb") == (
        "«før i dag» blir torsdag 6. mars 2025, og den dagen er passert. "
        "Skriv datoen du mener, for eksempel «14.03.2025»."
    )
    assert caught.value.message("nn") == (
        "«før i dag» blir torsdag 6. mars 2025, og den dagen er passert. "
        "Skriv datoen du meiner, til dømes «14.03.2025»."
    )
    assert caught.value.message("en") == (
        "“før i dag” would be Thursday 6 March 2025, which has passed. "
        "Type the date you mean, for example “14.03.2025”."
    )


@pytest.mark.parametrize(
    ("text", "now"),
    [
        ("før jul", datetime(2023, 12, 23, 9, tzinfo=OSLO)),  # Saturday; Friday 22nd was it
        ("før jul", datetime(2024, 12, 27, 9, tzinfo=OSLO)),
        ("before Christmas", datetime(2026, 12, 24, 9, tzinfo=OSLO)),
        ("etter nyttår", datetime(2025, 1, 3, 9, tzinfo=OSLO)),  # 2 January was it
        ("after New Year", datetime(2025, 1, 31, 9, tzinfo=OSLO)),
        ("før påske", datetime(2025, 4, 17, 9, tzinfo=OSLO)),  # Maundy Thursday
        ("etter påske", datetime(2025, 4, 30, 9, tzinfo=OSLO)),
    ],
)
def test_a_holiday_just_passed_is_refused_not_taken_a_year_on(text: str, now: datetime) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_when(text, now=now, deadline=True)
    assert caught.value.key == "dates.around_past"
    assert "Type the date you mean" in caught.value.message("en")


@pytest.mark.parametrize("text", ["før kl 12", "before 5pm", "før kl. 9.30"])
def test_before_a_time_alone_is_not_understood(text: str) -> None:
    """No day is left to put a deadline before: the general answer, not a loop."""
    with pytest.raises(DateParseError) as caught:
        parse_when(text, now=WEDNESDAY, deadline=True)
    assert caught.value.key == "dates.not_understood"


REFUSED = [
    "før fredag kl 10",
    "before Friday 10:00",
    "før 15.09 kl 12",
    "før kl 12",
    "before 5pm",
    "før i dag",
    "før jul",
    "etter nyttår",
    "31.04",
    "zip",
    "",
    "14",
]


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
@pytest.mark.parametrize("text", REFUSED)
def test_every_suggestion_in_a_refusal_is_itself_accepted(text: str, lang: str) -> None:
    now = datetime(2024, 12, 27, 9, tzinfo=OSLO) if "jul" in text else MARCH_7
    if "nyttår" in text:
        now = datetime(2025, 1, 3, 9, tzinfo=OSLO)
    with pytest.raises(DateParseError) as caught:
        parse_when(text, now=now, deadline=True)
    message = caught.value.message(lang)
    quoted = re.findall(r"«([^»]*)»|“([^”]*)”", message)
    suggestions = [a or b for a, b in quoted if (a or b) != text.strip()]
    assert suggestions, message
    for suggestion in suggestions:
        if re.fullmatch(r"\d+", suggestion):  # the number echoed back
            continue
        parse_when(suggestion, now=now, deadline=True)  # raises if it is refused


def _examples() -> list[tuple[str, str, str]]:
    """(key, language, example) for every example the date refusals give as it is."""
    from bot.texts.dates import TEXTS

    found = []
    for key, texts in TEXTS.items():
        if not key.endswith(".example") and key != "dates.offsets_empty":
            continue
        for lang, text in texts.items():
            for a, b in re.findall(r"«([^»]*)»|“([^”]*)”", text):
                example = (a or b).replace("{month}", "mai" if lang != "en" else "May")
                if "{" not in example:  # filled in per refusal: tested above
                    found.append((key, lang, example))
    return found


@pytest.mark.parametrize(("key", "lang", "example"), _examples())
def test_every_example_a_date_refusal_gives_is_accepted(key: str, lang: str, example: str) -> None:
    from bot.durations import parse_duration, parse_offsets

    if key.startswith("dates.slot"):
        assert parse_slots(example, now=WEDNESDAY)
    elif key == "dates.bad_duration.example":
        assert parse_duration(example)
    elif "offsets" in key:
        assert parse_offsets(example)
    else:
        parse_when(example, now=WEDNESDAY, deadline=True)  # raises if it is refused
