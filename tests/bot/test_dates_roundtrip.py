"""Property tests: any date written in a style members use (or that we print) reads back."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bot import dates as D
from bot.datewords import MONTH_NAMES, WEEKDAY_NAMES

OSLO = ZoneInfo("Europe/Oslo")
LANGS = ("nb", "nn", "en")
PROPS = settings(deadline=None)

nows = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2150, 1, 1)).map(
    lambda dt: dt.replace(tzinfo=OSLO)
)
times = st.tuples(st.integers(0, 23), st.integers(0, 59))
langs = st.sampled_from(LANGS)


def _at(day: date, hm: tuple[int, int] | None) -> datetime:
    h, m = hm or (0, 0)
    # The wall time a member means; one skipped by DST is the instant it names.
    return datetime(day.year, day.month, day.day, h, m, tzinfo=OSLO).astimezone(UTC)


def _time_text(hm: tuple[int, int], style: int, lang: str) -> str:
    h, m = hm
    return [
        f"kl {h:02d}:{m:02d}",
        f"kl. {h}.{m:02d}",
        f"klokka {h}:{m:02d}",
        f"{h:02d}:{m:02d}",
        f"at {h}:{m:02d}" if lang == "en" else f"klokken {h}.{m:02d}",
    ][style]


def _month(d: date, lang: str) -> str:
    return MONTH_NAMES[lang][d.month - 1]


def _weekday(d: date, lang: str) -> str:
    return WEEKDAY_NAMES[lang][d.weekday()]


# Styles that name a year, usable for any date; then styles without one, which mean the
# next such date and so are tested on dates in the coming year.
WITH_YEAR = [
    lambda d, lang: f"{d.day}.{d.month}.{d.year}",
    lambda d, lang: f"{d.day:02d}.{d.month:02d}.{d.year}",
    lambda d, lang: f"{d.day}/{d.month}/{d.year}",
    lambda d, lang: d.isoformat(),
    lambda d, lang: f"{d.day}. {_month(d, lang)} {d.year}",
    lambda d, lang: f"{d.day} {_month(d, lang)} {d.year}",
    lambda d, lang: f"{_weekday(d, lang)} {d.day}. {_month(d, lang)} {d.year}",
    lambda d, lang: f"{_month(d, 'en')} {d.day}, {d.year}",
    lambda d, lang: D.format_date(d, lang),
]
WITHOUT_YEAR = [
    lambda d, lang: f"{d.day}.{d.month}",
    lambda d, lang: f"{d.day:02d}.{d.month:02d}",
    lambda d, lang: f"{d.day}/{d.month}",
    lambda d, lang: f"{d.day}. {_month(d, lang)}",
    lambda d, lang: f"{d.day} {_month(d, lang)}",
    lambda d, lang: f"{_weekday(d, lang)} {d.day}. {_month(d, lang)}",
    lambda d, lang: f"{_weekday(d, lang)} {d.day}.{d.month}",
    lambda d, lang: f"{_month(d, 'en')} {d.day}",
]


@PROPS
@given(
    day=st.dates(date(1950, 1, 1), date(2150, 12, 31)),
    style=st.sampled_from(WITH_YEAR),
    lang=langs,
    hm=st.none() | times,
    time_style=st.integers(0, 4),
    now=nows,
)
def test_dates_with_a_year_read_back(
    day: date, style, lang: str, hm, time_style: int, now: datetime
) -> None:
    text = style(day, lang)
    if hm is not None:
        text = f"{text} {_time_text(hm, time_style, lang)}"
    got = D.parse_when(text, now=now)
    assert got.astimezone(UTC) == _at(day, hm), text
    assert got.has_time is (hm is not None)


@PROPS
@given(
    now=nows,
    ahead=st.integers(0, 364),
    style=st.sampled_from(WITHOUT_YEAR),
    lang=langs,
    hm=st.none() | times,
    time_style=st.integers(0, 4),
)
def test_dates_without_a_year_mean_the_next_one(
    now: datetime, ahead: int, style, lang: str, hm, time_style: int
) -> None:
    day = now.date() + timedelta(days=ahead)
    text = style(day, lang)
    if hm is not None:
        text = f"{text} {_time_text(hm, time_style, lang)}"
    got = D.parse_when(text, now=now)
    assert got.astimezone(UTC) == _at(day, hm), text


@PROPS
@given(now=nows, ahead=st.integers(0, 6), lang=langs, hm=times)
def test_a_weekday_means_the_coming_one(now: datetime, ahead: int, lang: str, hm) -> None:
    day = now.date() + timedelta(days=ahead)
    got = D.parse_when(_weekday(day, lang), now=now)
    assert got.astimezone(OSLO).date() == day
    timed = D.parse_when(f"{_weekday(day, lang)} kl {hm[0]}:{hm[1]:02d}", now=now)
    assert now <= timed.astimezone(UTC) < now + timedelta(days=8)
    assert timed.astimezone(OSLO).weekday() == day.weekday()


@PROPS
@given(
    now=nows,
    n=st.integers(0, 400),
    unit=st.sampled_from(
        [("dager", 1), ("dagar", 1), ("days", 1), ("uker", 7), ("veker", 7), ("weeks", 7)]
    ),
)
def test_in_n_days(now: datetime, n: int, unit: tuple[str, int]) -> None:
    word = "in" if unit[0] in ("days", "weeks") else "om"
    got = D.parse_when(f"{word} {n} {unit[0]}", now=now)
    assert got.astimezone(OSLO).date() == now.date() + timedelta(days=n * unit[1])
    assert not got.has_time


@PROPS
@given(moment=nows, lang=langs)
def test_what_we_print_we_read(moment: datetime, lang: str) -> None:
    moment = moment.replace(second=0, microsecond=0)
    moment = moment.astimezone(UTC).astimezone(OSLO)  # a real instant, not a DST gap
    text = D.format_datetime(moment, lang)
    got = D.parse_when(text, now=moment)
    assert got.astimezone(OSLO).replace(fold=0) == moment.replace(fold=0), text


@PROPS
@given(
    now=nows,
    ahead=st.integers(0, 300),
    lang=langs,
    start=st.integers(0, 21),
    length=st.integers(1, 2),
    minutes=st.sampled_from([0, 15, 30, 45]),
)
def test_printed_slots_read_back(
    now: datetime, ahead: int, lang: str, start: int, length: int, minutes: int
) -> None:
    day = now.date() + timedelta(days=ahead)
    slot = D.Slot(_at(day, (start, minutes)), _at(day, (start + length, minutes)))
    # A slot that starts in the hour skipped in spring can be no time at all (02:00-03:00).
    assume(slot.end is not None and slot.end > slot.start)
    text = D.format_slot(slot, lang)
    (got,) = D.parse_slots(text, now=now)
    # Compare instants: Python never calls a time in the repeated autumn hour equal to the
    # same instant in another zone (PEP 495), so == would fail on 27 October at 02:00.
    assert got.end is not None and slot.end is not None
    assert (got.start.timestamp(), got.end.timestamp()) == (
        slot.start.timestamp(),
        slot.end.timestamp(),
    ), text


def test_slot_ending_in_the_repeated_autumn_hour_reads_back() -> None:
    # Found by hypothesis: 00:00-02:00 on the night clocks go back (27 Oct 2024).
    now = datetime(2024, 10, 15, tzinfo=OSLO)
    (got,) = D.parse_slots("søndag 27. oktober kl 00:00–02:00", now=now)
    assert got.end is not None
    assert got.end.astimezone(UTC) == datetime(2024, 10, 27, 0, 0, tzinfo=UTC)
    assert got.end.timestamp() - got.start.timestamp() == 7200
