"""Norwegian and English date, time and time-slot understanding for every feature.

Members write dates the Norwegian way ("torsdag 5. mars kl 10", "15.09", "om to veker").
Common forms are read by the regex rules below, which are fast and never guess; only
phrases with words the rules do not know go on to dateparser, and its answer is checked.
Formatting, holidays and warnings live in ``bot.datefmt`` and are re-exported here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from bot import datewords as W
from bot.datefmt import (
    DEFAULT_TZ,
    day_warning,
    format_date,
    format_datetime,
    format_short,
    format_slot,
    holiday_name,
    is_weekend_or_holiday,
    local_date_text,
    month_text,
    weekday_text,
)
from bot.datetypes import DateParseError, Slot, When
from bot.durations import parse_duration, parse_offsets

__all__ = [
    "DateParseError",
    "Slot",
    "When",
    "day_warning",
    "format_date",
    "format_datetime",
    "format_short",
    "format_slot",
    "holiday_name",
    "is_weekend_or_holiday",
    "parse_duration",
    "parse_offsets",
    "parse_slots",
    "parse_when",
    "warm_up",
]

MAX_LEN = 200  # longer input is not a date; refusing early keeps the regexes cheap
MIN_YEAR, MAX_YEAR = 1900, 2199


# --- tokens ------------------------------------------------------------------------------

_WB = r"(?![a-zæøåäö])"  # end of a word, in Norwegian letters too
_AP = r"(?:\s*(?P<{0}>am|pm|a\.m\.|p\.m\.))"
_T = r"(?P<{0}h>\d{{1,2}})(?:[.:](?P<{0}m>\d{{2}}))?" + _AP.format("{0}ap") + "?"
_PRE = r"(?:kl\.?|klokka|klokken|klokkeslett|at|@)"
_NUM = rf"(?:\d{{1,3}}|{W.alternation(W.NUMBER_WORDS)})"
_UNIT = W.alternation(W.UNITS)
_MONTH = W.alternation(W.MONTHS)
# "neste uke", "denne uka": a week word after these is a shift, never an ISO week number
_NOT_AFTER_SHIFT = "".join(f"(?<!{w} )" for w in sorted(W.NEXT_WORDS | {"denne", "dette", "this"}))

# One rule per kind of token, tried in this order at each position. Order matters:
# ranges before single times ("9.30-11" is not the date 9.30), dates before bare numbers.
_RULES = (
    # 2026-03-19, and 5-3-2027 (dashes only with a full year, or "9-11" would be a date)
    r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2}))(?![\d-])",
    r"(?P<dmy>(?P<xd>\d{1,2})-(?P<xm>\d{1,2})-(?P<xy>\d{4}))(?![\d-])",
    # 10-12, kl 9.30-11, 13:00–15:00, fra kl 9 til 11, 1-3pm
    rf"(?P<range>(?:(?:fra|from)\s+)?(?:{_PRE}\s*)?{_T.format('r1')}"
    rf"\s*(?:-|til|till|to|until)\s*(?:{_PRE}\s*)?{_T.format('r2')})(?![\d.:])",
    # kl 9, kl. 9.30, klokka 14, at 10
    rf"(?P<pre>{_PRE}\s*{_T.format('p')})(?![\d.:])",
    # 2pm, 9 am, 9:30am
    rf"(?P<ampm>(?P<ah>\d{{1,2}})(?:[.:](?P<am>\d{{2}}))?{_AP.format('aap')}){_WB}",
    # 09:30, 14:30:00
    r"(?P<colon>(?P<ch>\d{1,2}):(?P<cm>\d{2})(?::\d{2})?)(?![\d:])",
    # om en halvtime, om et kvarter, om 3 dager, in two weeks, 2 uker fra nå
    r"(?P<half>(?:om|in)\s+(?:(?:en|ein|ei)\s+)?halv\s*time|in\s+half\s+an\s+hour)" + _WB,
    r"(?P<quarter>(?:om|in)\s+(?:et|eit|ett|a)\s+(?:kvarter|quarter\s+of\s+an\s+hour))" + _WB,
    rf"(?P<rel>(?:om|in|within)\s+(?P<rn>{_NUM})\s*(?P<ru>{_UNIT})){_WB}",
    rf"(?P<rel2>(?P<rn2>{_NUM})\s*(?P<ru2>{_UNIT})\s+(?:fra\s+nå|frå\s+no|from\s+now)){_WB}",
    # i dag, i morgon, i overmorgen, tomorrow
    rf"(?P<rday>{W.alternation(W.RELATIVE_DAYS)}){_WB}",
    # uke 12, veke 12 2027 (but "neste uke 10-12" is next week at 10)
    _NOT_AFTER_SHIFT + r"(?P<week>(?:uke|veke|week)\s*(?P<wn>\d{1,2}))(?![\d.:])"
    r"(?:\s+(?P<wy>\d{4}))?",
    # 5. mars, 5 mars 2027, 8. sept., 5th of March
    rf"(?P<td1>(?P<d1>\d{{1,2}})(?:\.|st|nd|rd|th)?\s*(?:of\s+)?(?P<m1>{_MONTH}){_WB}\.?"
    r"(?:,?\s*(?P<y1>\d{4}))?)(?![\d.:])",
    # 5.3, 15.09., 05.03.2027, 5/3, 5/3-27 (Norwegian for 5 March 2027)
    r"(?P<num>(?P<nd>\d{1,2})(?P<ns>[./])(?P<nm>\d{1,2})"
    r"(?:(?P=ns)(?P<ny>\d{4}|\d{2})|(?<=/\d)-(?P<ny2>\d{4}|\d{2})"
    r"|(?<=/\d\d)-(?P<ny3>\d{4}|\d{2}))?\.?)(?![\d:])",
    # March 5, Apr 30, juni 1, March 5, 2027
    rf"(?P<td2>(?P<m2>{_MONTH})\.?\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th|\.)?"
    r"(?:,?\s+(?P<y2>\d{4}))?)(?![\d:]|\.\d)",
    # "mars", "april 2027": a month with no day, refused rather than guessed
    rf"(?P<month>(?P<mo>{_MONTH}){_WB}\.?(?:\s*\d{{4}})?)(?![\d.:])",
    # what is left: a bare number (refused), a word, or space
    r"(?P<int>\d+\.?)",
    r"(?P<word>[a-zæøåäöéü]+)",
    r"(?P<space>[\s,]+)",
)
_TOKEN = re.compile("|".join(_RULES))


@dataclass
class _Reading:
    """What the tokens of one phrase said, before it is turned into a datetime."""

    date: tuple[int, int, int | None] | None = None  # day, month, year (None: next such)
    date_text: str = ""
    rel_day: int | None = None
    rel: tuple[str, int] | None = None  # ("days" | "months" | "minutes", amount)
    weekday: int | None = None
    weekday_next: bool = False  # "neste fredag": never today
    week_shift: int | None = None  # 1 for "neste uke", 0 for "denne uka"
    iso_week: tuple[int, int | None] | None = None
    next_month: bool = False
    time: tuple[int, int] | None = None
    end: tuple[int, int] | None = None
    pairs: list[tuple[str, str]] | None = None  # "5.3" / "9.30": date or time, later
    unknown: str | None = None
    anchors: int = 0  # date-giving parts seen; more than one is a contradiction


def _hm(text: str, h: str, m: str | None, ap: str | None) -> tuple[int, int]:
    hour, minute = int(h), int(m or 0)
    if ap:
        if not 1 <= hour <= 12:
            raise DateParseError("dates.bad_time", time=text)
        hour = hour % 12 + (12 if ap.startswith("p") else 0)
    if hour > 23 or minute > 59:
        raise DateParseError("dates.bad_time", time=text)
    return hour, minute


def _number(word: str) -> int:
    word = re.sub(r"\s+", " ", word)
    return int(word) if word.isdigit() else W.NUMBER_WORDS[word]


def _set_time(r: _Reading, value: tuple[int, int], text: str) -> None:
    if r.time is not None:
        raise DateParseError("dates.two_times", text=text)
    r.time = value


def _set_date(r: _Reading, d: int, m: int, y: int | None, raw: str) -> None:
    r.anchors += 1
    r.date, r.date_text = (d, m, y), raw


def _read(text: str) -> _Reading:
    """Turn normalized text into a _Reading; raise on what is clearly wrong."""
    r = _Reading()
    words: list[str] = []
    pos = 0
    while pos < len(text):
        mt = _TOKEN.match(text, pos)
        if mt is None:  # a character no rule knows, like "?" or "#"
            r.unknown = r.unknown or text[pos:].split()[0]
            break
        pos = mt.end()
        kind, g = mt.lastgroup, mt.group
        if kind in ("iso", "dmy", "td1", "td2", "num"):
            y: int | None
            if kind == "iso":
                d, m, y = int(g("id")), int(g("im")), int(g("iy"))
            elif kind == "dmy":
                d, m, y = int(g("xd")), int(g("xm")), int(g("xy"))
            elif kind == "td1":
                d, m, y = int(g("d1")), W.MONTHS[g("m1")], int(g("y1")) if g("y1") else None
            elif kind == "td2":
                d, m, y = int(g("d2")), W.MONTHS[g("m2")], int(g("y2")) if g("y2") else None
            else:
                year = g("ny") or g("ny2") or g("ny3")
                if g("ns") == "." and not year:
                    # "5.3" is a date, "9.30" may be a time: decided once all is read.
                    r.pairs = (r.pairs or []) + [(g("nd"), g("nm"))]
                    continue
                d, m = int(g("nd")), int(g("nm"))
                y = int(year) + 2000 if year and len(year) == 2 else int(year) if year else None
            _set_date(r, d, m, y, g(kind))
        elif kind == "range":
            r.end = _hm(g(kind), g("r2h"), g("r2m"), g("r2ap"))
            start = _hm(g(kind), g("r1h"), g("r1m"), g("r1ap") or g("r2ap"))
            if not g("r1ap") and g("r2ap") and start >= r.end:
                start = _hm(g(kind), g("r1h"), g("r1m"), None)  # "10-12pm" starts at 10
            _set_time(r, start, text)
        elif kind == "pre":
            _set_time(r, _hm(g(kind), g("ph"), g("pm"), g("pap")), text)
        elif kind == "ampm":
            _set_time(r, _hm(g(kind), g("ah"), g("am"), g("aap")), text)
        elif kind == "colon":
            _set_time(r, _hm(g(kind), g("ch"), g("cm"), None), text)
        elif kind in ("half", "quarter", "rel", "rel2"):
            if kind in ("half", "quarter"):
                r.rel = ("minutes", 30 if kind == "half" else 15)
            else:
                n = _number(g("rn") or g("rn2"))
                unit, amount = W.UNITS[g("ru") or g("ru2")]
                r.rel = (unit, n * amount)
            r.anchors += 1
        elif kind == "rday":
            r.rel_day = W.RELATIVE_DAYS[re.sub(r"\s+", " ", g(kind))]
            r.anchors += 1
        elif kind == "week":
            r.iso_week = (int(g("wn")), int(g("wy")) if g("wy") else None)
            r.anchors += 1
        elif kind == "month":
            raise DateParseError("dates.month_without_day", month=month_text(W.MONTHS[g("mo")]))
        elif kind == "int":
            raise DateParseError("dates.bare_number", number=g(kind).rstrip("."))
        elif kind == "word":
            words.append(g(kind))
    _read_words(r, words)
    return r


def _read_words(r: _Reading, words: list[str]) -> None:
    i = 0
    while i < len(words):
        word, after = words[i], words[i + 1] if i + 1 < len(words) else ""
        if word in W.WEEKDAYS:
            if r.weekday is not None and r.weekday != W.WEEKDAYS[word]:
                raise DateParseError("dates.conflict")
            r.weekday = W.WEEKDAYS[word]
        elif word in W.NEXT_WORDS and after in W.WEEKDAYS:
            r.weekday_next = True
        elif word in W.NEXT_WORDS | {"denne", "this", "i"} and after in W.NEXT_WORDS:
            pass  # "i neste uke"
        elif word in W.NEXT_WORDS | {"denne", "dette", "this"} and after in W.WEEK_WORDS:
            r.week_shift = 0 if word in ("denne", "dette", "this") else 1
            r.anchors += 1
            i += 1
        elif word in W.NEXT_WORDS and after in W.MONTH_WORDS:
            r.next_month = True
            r.anchors += 1
            i += 1
        elif word in ("noon", "midday"):
            _set_time(r, (12, 0), word)
        elif word in W.FILLER_WORDS or word in ("i", "this", "at"):
            pass
        elif r.unknown is None:
            r.unknown = word
        i += 1


def _resolve_pairs(r: _Reading, text: str) -> None:
    """Decide whether each "a.b" is a day.month or an hour.minute, from what else was said."""
    for a, b in r.pairs or []:
        has_date = r.date is not None or r.rel_day is not None or r.iso_week is not None
        as_date = 1 <= int(b) <= 12 and 1 <= int(a) <= 31
        if not has_date and (r.weekday is None or as_date or len(b) != 2):
            _set_date(r, int(a), int(b), None, f"{a}.{b}")
        elif len(b) == 2 and r.time is None:
            r.time = _hm(f"{a}.{b}", a, b, None)
        elif r.time is not None:
            raise DateParseError("dates.two_times", text=text)
        else:
            raise DateParseError("dates.conflict")


# --- resolving to a datetime -------------------------------------------------------------


def _zone(tz: str | tzinfo | None, now: datetime) -> tzinfo:
    if isinstance(tz, str):
        return ZoneInfo(tz)
    if tz is not None:
        return tz
    return now.tzinfo if isinstance(now.tzinfo, ZoneInfo) else DEFAULT_TZ


def _local(day: date, hm: tuple[int, int] | None, tz: tzinfo) -> When:
    h, m = hm or (0, 0)
    dt = datetime(day.year, day.month, day.day, h, m, tzinfo=tz)
    # A wall time skipped by the spring DST change (02:30 on 2026-03-29) becomes the
    # instant it names (03:30 summer time) instead of a datetime that does not exist.
    dt = dt.astimezone(UTC).astimezone(tz)
    return When.of(dt, hm is not None)


def _full_date(d: int, m: int, y: int | None, raw: str, today: date) -> date:
    if y is not None:
        if not MIN_YEAR <= y <= MAX_YEAR:
            raise DateParseError("dates.bad_year", year=y)
        try:
            return date(y, m, d)
        except ValueError:
            raise DateParseError("dates.impossible_date", date=raw) from None
    for year in range(today.year, today.year + 9):  # 9 years always holds a 29 February
        try:
            candidate = date(year, m, d)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    raise DateParseError("dates.impossible_date", date=raw)


def _add_months(day: date, months: int) -> date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    for d in (day.day, 30, 29, 28):  # 31 January + 1 month is the end of February
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _resolve(r: _Reading, now: datetime, tz: tzinfo, text: str) -> When:
    if r.anchors > 1 or (r.next_month and r.weekday is not None):
        raise DateParseError("dates.conflict")
    if r.rel is not None and r.rel[0] == "minutes":
        if r.time is not None or r.weekday is not None:
            raise DateParseError("dates.conflict")
        # Hours and minutes are elapsed time: add them in UTC, or a DST night is off by one.
        return When.of((now.astimezone(UTC) + timedelta(minutes=r.rel[1])).astimezone(tz), True)
    if r.rel is not None and r.weekday is not None:
        raise DateParseError("dates.conflict")
    today = now.date()
    day: date | None = None
    if r.date is not None:
        day = _full_date(*r.date, raw=r.date_text, today=today)
    elif r.rel_day is not None:
        day = today + timedelta(days=r.rel_day)
    elif r.rel is not None:
        unit, amount = r.rel
        day = _add_months(today, amount) if unit == "months" else today + timedelta(amount)
    elif r.iso_week is not None:
        week, year = r.iso_week
        day = _week_day(week, year, r.weekday or 0, today)
    elif r.week_shift is not None:
        if r.week_shift == 0 and r.weekday is None:
            raise DateParseError("dates.not_understood", text=text)
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=r.week_shift)
        day = monday + timedelta(days=r.weekday or 0)
    elif r.next_month:
        day = _add_months(today.replace(day=1), 1)
    elif r.weekday is not None:
        ahead = (r.weekday - today.weekday()) % 7
        # Today counts for a bare weekday, but not when its time of day has passed.
        if ahead == 0 and (r.weekday_next or (r.time and _local(today, r.time, tz) < now)):
            ahead = 7
        return _local(today + timedelta(days=ahead), r.time, tz)
    elif r.time is not None:
        at = _local(today, r.time, tz)
        return at if at >= now else _local(today + timedelta(days=1), r.time, tz)
    else:
        raise DateParseError("dates.not_understood", text=text)
    if not MIN_YEAR <= day.year <= MAX_YEAR:  # "om 999 år" is not a plan
        raise DateParseError("dates.bad_year", year=day.year)
    if r.weekday is not None and day.weekday() != r.weekday:
        raise DateParseError(
            "dates.weekday_mismatch",
            date=local_date_text(day),
            actual=weekday_text(day.weekday()),
            weekday=weekday_text(r.weekday),
        )
    return _local(day, r.time, tz)


def _week_day(week: int, year: int | None, weekday: int, today: date) -> date:
    for y in (year,) if year else (today.isocalendar().year, today.isocalendar().year + 1):
        try:
            day = date.fromisocalendar(y, week, weekday + 1)
        except ValueError:
            continue
        if year or day + timedelta(days=6 - weekday) >= today:
            return day
    raise DateParseError("dates.bad_week", week=week)


# --- public parsing ----------------------------------------------------------------------

_ISO_FULL = re.compile(
    r"\d{4}-\d\d-\d\d[t ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:z|[+-]\d\d:?\d\d)", re.IGNORECASE
)
_LEADING = re.compile(r"^(?:(?:frist|fristen|innen|innan|by|deadline)\b[:\s]*)+")


def _normalize(text: str) -> str:
    s = text.strip().lower()
    for dash in "–—−‒":  # en dash from phones and Word, minus sign, figure dash
        s = s.replace(dash, "-")
    s = re.sub(r"\s+", " ", s)
    s = re.sub(r"(\d{4}-\d{1,2}-\d{1,2})t(?=\d)", r"\1 ", s)
    s = _LEADING.sub("", s)
    return s.rstrip(" .!,;:")


def _now(now: datetime, tz: tzinfo) -> datetime:
    return now.replace(tzinfo=tz) if now.tzinfo is None else now.astimezone(tz)


def parse_when(text: str, *, now: datetime, tz: str | tzinfo | None = None) -> When:
    """The moment a member means by ``text``, aware in their time zone.

    ``now`` anchors relative words; a naive ``now`` is read as local time in ``tz``.
    Raises DateParseError with a message for the member when the text is not a date.
    """
    zone = _zone(tz, now)
    local_now = _now(now, zone)
    if not text or not text.strip():
        raise DateParseError("dates.empty")
    if len(text) > MAX_LEN:
        raise DateParseError("dates.too_long")
    s = _normalize(text)
    if _ISO_FULL.fullmatch(s):
        return When.of(datetime.fromisoformat(s.upper()).astimezone(zone), True)
    r = _read(s)
    if r.unknown is not None:
        return _fallback(text, s, r, local_now, zone)
    _resolve_pairs(r, text)
    if r.end is not None:
        raise DateParseError("dates.range_in_when", text=text.strip())
    return _resolve(r, local_now, zone, text.strip())


def _fallback(text: str, s: str, r: _Reading, now: datetime, tz: tzinfo) -> When:
    """Ask dateparser about a phrase with words our rules do not know, and check its answer.

    Only when the rules saw some date word (a weekday, a month, "i morgen") do we ask:
    otherwise dateparser turns any number or stray word into a date. Phrases with "5.3"
    style pairs are not sent either, since dateparser reads "15.09" as a time of day.
    """
    dated = (
        r.anchors
        or r.weekday is not None
        or r.time is not None
        or any(w in s for w in W.MONTHS if len(w) > 3)
    )
    if not dated or r.pairs:
        if not dated and not any(ch.isdigit() for ch in s):
            raise DateParseError("dates.not_understood", text=text.strip())
        raise DateParseError("dates.unknown_word", word=r.unknown, text=text.strip())
    try:
        import dateparser

        found = dateparser.parse(s, languages=["nb", "nn", "en"], settings=_settings(now))
    except Exception:  # dateparser has crashed on odd input before; that is "not understood"
        found = None
    if found is None or not MIN_YEAR <= found.year <= MAX_YEAR:
        raise DateParseError("dates.unknown_word", word=r.unknown, text=text.strip())
    # dateparser copies the base time into date-only answers; keep only a time that was typed.
    has_time = r.time is not None or (r.rel is not None and r.rel[0] == "minutes")
    if not has_time:
        return _local(found.date(), None, tz)
    return When.of(found.replace(tzinfo=tz).astimezone(UTC).astimezone(tz), True)


def _settings(now: datetime) -> dict[str, Any]:
    return {
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": now.replace(tzinfo=None),
        "RETURN_AS_TIMEZONE_AWARE": False,
    }


def parse_slots(text: str, *, now: datetime, tz: str | tzinfo | None = None) -> list[Slot]:
    """Meeting slots separated by ",", ";" or new lines: "tirsdag 10-12, torsdag 13-15".

    Every slot needs a day and a time; a slot with only a time ("13-15") takes the day of
    the slot before it. Raises DateParseError naming the slot that is wrong.
    """
    zone = _zone(tz, now)
    local_now = _now(now, zone)
    if not text or not text.strip():
        raise DateParseError("dates.slots_empty")
    if len(text) > MAX_LEN * 5:
        raise DateParseError("dates.too_long")
    slots: list[Slot] = []
    previous: date | None = None
    for piece in re.split(r"[,;\n]", text):
        if not piece.strip():
            continue
        raw = piece.strip()
        r = _read(_normalize(raw))
        if r.unknown is not None:
            if not (r.anchors or r.weekday is not None or r.time is not None or r.pairs):
                raise DateParseError("dates.not_understood", text=raw)
            raise DateParseError("dates.unknown_word", word=r.unknown, text=raw)
        _resolve_pairs(r, raw)
        if r.time is None:
            if r.anchors or r.weekday is not None:
                raise DateParseError("dates.slot_no_time", slot=raw)
            raise DateParseError("dates.not_understood", text=raw)
        dated = r.anchors or r.weekday is not None
        if not dated and previous is None:
            raise DateParseError("dates.slot_no_day", slot=raw)
        if not dated and previous is not None:
            start = _local(previous, r.time, zone)
        else:
            start = _resolve(r, local_now, zone, raw)
        end = _local(start.date(), r.end, zone) if r.end is not None else None
        if end is not None and end <= start:
            raise DateParseError("dates.slot_end_before_start", slot=raw)
        slots.append(Slot(start.plain(), end.plain() if end else None))
        previous = start.date()
    if not slots:
        raise DateParseError("dates.slots_empty")
    return slots


def warm_up() -> None:
    """Load dateparser's language data now (about a second), not on a member's first command."""
    import dateparser

    dateparser.parse(
        "i morgen kl 10", languages=["nb", "nn", "en"], settings=_settings(datetime(2026, 1, 1))
    )
