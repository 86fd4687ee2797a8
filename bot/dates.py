"""Norwegian and English date, time and time-slot understanding for every feature.

Members write dates the way they speak ("torsdag 5. mars kl 10", "første mandag i
desember", "fredag kl halv ti", "om ei veke"). Which reader applies is decided once, from
the words of the phrase, before any parsing: a phrase whose words are all ours (after
one-letter typos are mended) is read by the regex rules below, which are fast and never
guess; one with words only dateparser knows ("3 days ago") goes to dateparser, and its
answer is checked; anything else is refused at once, naming the word. A refusal thus
costs one scan of the phrase, never a trip through every reader.

Where a phrase could have meant something else ("uke 50" as a deadline, "halv tre", a
mended typo), the result carries DateNotes for the echo. Formatting, holidays and
warnings live in ``bot.datefmt`` and are re-exported here.
"""

from __future__ import annotations

import calendar
import importlib.util
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import lru_cache, partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot import datewords as W
from bot.datefmt import (
    DEFAULT_TZ,
    day_text,
    day_warning,
    format_date,
    format_datetime,
    format_short,
    format_slot,
    holiday_date,
    holiday_name,
    is_weekend_or_holiday,
    local_date_text,
    month_text,
    weekday_text,
)
from bot.dates_around import read_around
from bot.datetypes import DateNote, DateParseError, Slot, When
from bot.durations import parse_duration, parse_offsets
from bot.i18n import t

__all__ = [
    "DateNote",
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
    "note_lines",
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
_CALENDAR_UNIT = W.alternation(w for w, (kind, _) in W.UNITS.items() if kind != "minutes")
_MONTH = W.alternation(W.MONTHS)
_WEEKDAY = W.alternation(W.WEEKDAYS)
_NEXT = W.alternation(W.NEXT_WORDS)
_HOUR_WORD = W.alternation(W.HOUR_WORDS)
_HOUR = rf"(?:{_HOUR_WORD}|\d{{1,2}})"
_MINUTES = rf"(?:{W.alternation(W.MINUTE_WORDS)}|\d{{1,2}})"
_DIRECTION = W.alternation(W.MINUTE_AFTER | W.MINUTE_BEFORE)
_HALF = r"(?:halv|half\s+past|half)"
# "neste uke", "denne uka": a week word after these is a shift, never an ISO week number
_NOT_AFTER_SHIFT = "".join(f"(?<!{w} )" for w in sorted(W.NEXT_WORDS | {"denne", "dette", "this"}))


def _month_ref(p: str) -> str:
    """A month as the end of a longer phrase: "mars", "mars 2027", "neste måned", "måneden"."""
    return (
        rf"(?:(?P<{p}mo>{_MONTH}){_WB}\.?(?:\s*(?P<{p}y>\d{{4}}))?"
        rf"|(?P<{p}nx>{_NEXT})\s+(?:{W.alternation(W.MONTH_WORDS)}){_WB}"
        rf"|(?:(?:denne|dette|this|the)\s+)?(?P<{p}th>måneden|månaden|month){_WB})"
    )


# One rule per kind of token, tried in this order at each position. Order matters:
# ranges before single times ("9.30-11" is not the date 9.30), dates before bare numbers,
# longer phrases ("første mandag i desember") before their parts ("desember").
_RULES = (
    # 2026-03-19, and 5-3-2027 (dashes only with a full year, or "9-11" would be a date)
    r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2}))(?![\d-])",
    r"(?P<dmy>(?P<xd>\d{1,2})-(?P<xm>\d{1,2})-(?P<xy>\d{4}))(?![\d-])",
    # julaften, 2. påskedag, Kristi himmelfartsdag 2027
    rf"(?P<named>(?P<namw>{W.alternation(W.NAMED_DAYS)}){_WB}(?:\s+(?P<namy>\d{{4}}))?)(?![\d.:])",
    # første mandag i desember, siste fredag i mai 2027, first Monday of next month
    rf"(?P<ordinal>(?P<on>{W.alternation(W.ORDINALS)})\s*(?P<owd>{_WEEKDAY}){_WB}"
    rf"\s+(?:i|in|of|av)\s+{_month_ref('o')})",
    # i slutten av mars, begynnelsen av april, by the end of March; medio mai, mid-March
    rf"(?P<part>(?:(?:i|in|ved|at|by)\s+(?:the\s+)?)?(?P<pw>{W.alternation(W.MONTH_PARTS)})"
    rf"{_WB}\s+(?:av|of|i)\s+{_month_ref('p')})",
    rf"(?P<part2>(?P<pw2>{W.alternation(W.MONTH_PART_PREFIXES)})[\s-]*{_month_ref('q')})",
    # 10-12, kl 9.30-11, 13:00–15:00, fra kl 9 til 11, 1-3pm
    rf"(?P<range>(?:(?:fra|frå|from)\s+)?(?:{_PRE}\s*)?{_T.format('r1')}"
    rf"\s*(?:-|til|till|to|until)\s*(?:{_PRE}\s*)?{_T.format('r2')})(?![\d.:])",
    # kl 1400, kl. 0815
    rf"(?P<pre4>{_PRE}\s*(?P<p4h>\d\d)(?P<p4m>\d\d))(?![\d.:])",
    # spoken: (kl) halv ti, ti på halv to, kvart over ni, quarter to twelve, klokka tre
    rf"(?P<sphalf>(?:{_PRE}\s*)?(?:(?P<s1m>{_MINUTES})\s+(?P<s1d>{_DIRECTION})\s+)?"
    rf"(?P<s1half>{_HALF})\s+(?P<s1h>{_HOUR})){_WB}(?![\d.:])",
    rf"(?P<spmin>(?:{_PRE}\s*)?(?P<s2m>{_MINUTES})\s+(?P<s2d>{_DIRECTION})\s+(?P<s2h>{_HOUR}))"
    rf"{_WB}(?![\d.:])",
    rf"(?P<spword>{_PRE}\s*(?P<s3h>{_HOUR_WORD})){_WB}",
    rf"(?P<spclock>(?P<s4h>{_HOUR})\s*o'?\s*clock){_WB}",
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
    # "frist 14 dagar", "2 weeks": days, weeks or months from today (said with a note)
    rf"(?P<rel3>(?P<rn3>{_NUM})\s+(?P<ru3>{_CALENDAR_UNIT})){_WB}",
    # i dag, i morgon, i overmorgen, overimorgen, tomorrow
    rf"(?P<rday>{W.alternation(W.RELATIVE_DAYS)}){_WB}",
    # uke 12, veke 12 2027 (but "neste uke 10-12" is next week at 10)
    _NOT_AFTER_SHIFT + r"(?P<week>(?:uke|veke|week)\s*(?P<wn>\d{1,2})(?![\d.:])"
    r"(?:\s+(?P<wy>\d{4}))?)(?![\d.:])",
    # "fredag den 4.", "the 4th": a day of a month not named (a named one is a date below)
    # (not "the 15" of "the 15th September": no suffix is left behind for a word; but
    # "den 4.kl 10" is the 4th at 10, so a word may follow the point)
    rf"(?P<den>(?:den|the)\s+(?P<dd>\d{{1,2}})(?:\.(?!\d)|(?:st|nd|rd|th)?(?![a-z])))"
    rf"(?!\s*(?:of\s+)?(?:{_MONTH}){_WB})(?![\d/:.-])",
    # 5. mars, 5 mars 2027, 8. sept., 5th of March
    rf"(?P<td1>(?P<d1>\d{{1,2}})(?:\.|st|nd|rd|th)?\s*(?:of\s+)?(?P<m1>{_MONTH}){_WB}\.?"
    r"(?:,?\s*(?P<y1>\d{4}))?)(?![\d.:])",
    # 5.3, 15.09., 05.03.2027, 2.12.26, 5/3, 5/3-27 (Norwegian for 5 March 2027)
    r"(?P<num>(?P<nd>\d{1,2})(?P<ns>[./])(?P<nm>\d{1,2})"
    r"(?:(?P=ns)(?P<ny>\d{4}|\d{2})|(?<=/\d)-(?P<ny2>\d{4}|\d{2})"
    r"|(?<=/\d\d)-(?P<ny3>\d{4}|\d{2}))?\.?)(?![\d:])",
    # March 5, Apr 30, juni 1, March 5, 2027, September the 15th
    rf"(?P<td2>(?P<m2>{_MONTH})\.?\s*(?:the\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th|\.)?"
    r"(?:,?\s+(?P<y2>\d{4}))?)(?![\d:]|\.\d)",
    # "mars", "april 2027": a month with no day, refused rather than guessed
    rf"(?P<month>(?P<mo>{_MONTH}){_WB}\.?(?:\s*\d{{4}})?)(?![\d.:])",
    # what is left: a bare number (refused), a word, or space
    r"(?P<int>\d+\.?)",
    r"(?P<word>[a-zæøåäöéü]+)",
    r"(?P<space>[\s,]+)",
)
_TOKEN = re.compile("|".join(_RULES))
_TIME_KINDS = frozenset(("pre", "pre4", "ampm", "colon", "sphalf", "spmin", "spword", "spclock"))

# Finds the day a phrase such as "første mandag i desember" names, given today and the
# weekday the member wrote beside it (if any).
Finder = Callable[[date, int | None], date]


@dataclass
class _Reading:
    """What the tokens of one phrase said, before it is turned into a datetime."""

    date: tuple[int, int, int | None] | None = None  # day, month, year (None: next such)
    date_text: str = ""
    rel_day: int | None = None
    rel: tuple[str, int] | None = None  # ("days" | "months" | "minutes", amount)
    rel_weeks: bool = False  # "om en uke": with a weekday, that weekday a week on
    weekday: int | None = None
    weekday_next: bool = False  # "neste fredag": never today
    next_text: str = ""  # "neste fredag" as read, for the note when it is this week's
    weekday_last: bool = False  # "forrige fredag": the one before today
    week_shift: int | None = None  # 1 for "neste uke", 0 for "denne uka"
    iso_week: tuple[int, int | None] | None = None
    week_text: str = ""
    week_end: str | None = None  # "slutten" of "slutten av neste veke": that week's Friday
    next_month: bool = False
    finder: Finder | None = None  # a named day, an ordinal weekday, a part of a month
    finder_text: str = ""
    from_today: str = ""  # "14 dagar" without "om": read as "om 14 dagar", with a note
    time: tuple[int, int] | None = None
    end: tuple[int, int] | None = None
    pairs: list[tuple[str, str]] | None = None  # "5.3" / "9.30": date or time, later
    unknown: str | None = None
    anchors: int = 0  # date-giving parts seen; more than one is a contradiction
    notes: list[DateNote] = field(default_factory=list)


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


def _spoken(mt: re.Match[str], kind: str, r: _Reading) -> tuple[int, int]:
    """A time as said aloud, on a 12-hour clock read within office hours."""
    g = mt.group
    if kind == "sphalf":
        hour = _spoken_hour(g("s1h"), g(kind))
        # Norwegian "halv ti" is half an hour before ten; English "half past nine" after nine.
        minutes = hour * 60 + (-30 if g("s1half") == "halv" else 30)
        if g("s1m"):
            offset = _spoken_minutes(g("s1m"), g(kind))
            minutes += offset if g("s1d") in W.MINUTE_AFTER else -offset
    elif kind == "spmin":
        offset = _spoken_minutes(g("s2m"), g(kind))
        minutes = _spoken_hour(g("s2h"), g(kind)) * 60
        minutes += offset if g("s2d") in W.MINUTE_AFTER else -offset
    else:
        minutes = _spoken_hour(g("s3h") or g("s4h"), g(kind)) * 60
    hour, minute = divmod(minutes % (12 * 60), 60)
    if hour < W.OFFICE_HOURS_START:
        hour += 12
        r.notes.append(
            DateNote("dates.note.afternoon", text=g(kind), time=f"{hour:02d}:{minute:02d}")
        )
    return hour, minute


def _spoken_hour(word: str, text: str) -> int:
    hour = int(word) if word.isdigit() else W.HOUR_WORDS[word]
    if not 1 <= hour <= 12:  # "halv 15" is not how anyone says a time
        raise DateParseError("dates.bad_time", time=text)
    return hour


def _spoken_minutes(word: str, text: str) -> int:
    minutes = int(word) if word.isdigit() else W.MINUTE_WORDS[re.sub(r"\s+", " ", word)]
    if not 1 <= minutes <= 29:
        raise DateParseError("dates.bad_time", time=text)
    return minutes


def _set_time(r: _Reading, value: tuple[int, int], text: str) -> None:
    if r.time is not None:
        raise DateParseError("dates.two_times", text=text)
    r.time = value


def _set_date(r: _Reading, d: int, m: int, y: int | None, raw: str) -> None:
    r.anchors += 1
    r.date, r.date_text = (d, m, y), raw


def _set_finder(r: _Reading, finder: Finder, raw: str) -> None:
    r.anchors += 1
    r.finder, r.finder_text = finder, raw


def _read(text: str) -> _Reading:
    """Turn normalized text into a _Reading; raise on what is clearly wrong."""
    r = _Reading()
    words: list[str] = []
    pos = 0
    while pos < len(text):
        mt = _TOKEN.match(text, pos)
        if mt is None:  # a character no rule knows, like "?" or "#": name its whole word
            start = text.rfind(" ", 0, pos) + 1
            r.unknown = r.unknown or text[start:].split()[0]
            break
        pos = mt.end()
        kind, g = mt.lastgroup, mt.group
        if kind in ("iso", "dmy", "td1", "td2", "num"):
            _read_date(r, mt, kind)
        elif kind in ("named", "ordinal", "part", "part2", "den"):
            _set_finder(r, _finder(mt, kind), g(kind))
        elif kind in _TIME_KINDS or kind == "range":
            _read_time(r, mt, kind, text)
        elif kind in ("half", "quarter", "rel", "rel2", "rel3"):
            if kind in ("half", "quarter"):
                r.rel = ("minutes", 30 if kind == "half" else 15)
            else:
                n = _number(g("rn") or g("rn2") or g("rn3"))
                unit, amount = W.UNITS[g("ru") or g("ru2") or g("ru3")]
                r.rel = (unit, n * amount)
                r.rel_weeks = unit == "days" and amount % 7 == 0
                r.from_today = g("rel3") or ""
            r.anchors += 1
        elif kind == "rday":
            r.rel_day = W.RELATIVE_DAYS[re.sub(r"\s+", " ", g(kind))]
            r.anchors += 1
        elif kind == "week":
            r.iso_week = (int(g("wn")), int(g("wy")) if g("wy") else None)
            r.week_text = g(kind)
            r.anchors += 1
        elif kind == "month":
            raise DateParseError("dates.month_without_day", month=month_text(W.MONTHS[g("mo")]))
        elif kind == "int":
            raise DateParseError("dates.bare_number", number=g(kind).rstrip("."))
        elif kind == "word":
            words.append(g(kind))
    _read_words(r, words)
    return r


def _read_date(r: _Reading, mt: re.Match[str], kind: str) -> None:
    g = mt.group
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
            return
        d, m = int(g("nd")), int(g("nm"))
        y = int(year) + 2000 if year and len(year) == 2 else int(year) if year else None
    _set_date(r, d, m, y, g(kind))


def _read_time(r: _Reading, mt: re.Match[str], kind: str, text: str) -> None:
    g = mt.group
    if kind == "range":
        r.end = _hm(g(kind), g("r2h"), g("r2m"), g("r2ap"))
        begin = _hm(g(kind), g("r1h"), g("r1m"), g("r1ap") or g("r2ap"))
        if not g("r1ap") and g("r2ap") and begin >= r.end:
            begin = _hm(g(kind), g("r1h"), g("r1m"), None)  # "10-12pm" starts at 10
        _set_time(r, begin, text)
    elif kind == "pre":
        _set_time(r, _hm(g(kind), g("ph"), g("pm"), g("pap")), text)
    elif kind == "pre4":
        _set_time(r, _hm(g(kind), g("p4h"), g("p4m"), None), text)
    elif kind == "ampm":
        _set_time(r, _hm(g(kind), g("ah"), g("am"), g("aap")), text)
    elif kind == "colon":
        _set_time(r, _hm(g(kind), g("ch"), g("cm"), None), text)
    else:
        _set_time(r, _spoken(mt, kind, r), text)


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
            r.next_text = f"{word} {after}" if word in _NEXT_EITHER_WEEK else ""
        elif word in W.LAST_WORDS and after in W.WEEKDAYS:
            r.weekday_last = True
        elif word in W.NEXT_WORDS | {"denne", "this", "i"} and after in W.NEXT_WORDS:
            pass  # "i neste uke"
        elif word in W.NEXT_WORDS | {"denne", "dette", "this"} and after in W.WEEK_WORDS:
            r.week_shift = 0 if word in ("denne", "dette", "this") else 1
            r.week_text = f"{word} {after}"
            r.anchors += 1
            i += 1
        elif W.MONTH_PARTS.get(word) == "end" and after in ("av", "of"):
            r.week_end = word  # a week must follow: "slutten av neste veke", "end of the week"
            i += 1
        elif word in W.BEFORE_END_WORDS and _end_follows(words, i + 1):
            pass  # "før slutten av neste uke": the end of a week is checked below
        elif r.week_end and word in W.WEEK_WORDS and r.week_shift is None:
            r.week_shift, r.week_text = 0, word  # "slutten av veka", "end of the week"
            r.anchors += 1
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
    if r.week_end and r.week_shift is None and r.iso_week is None:
        r.unknown = r.unknown or r.week_end  # "slutten av" something that is not a week
    elif r.week_end and r.weekday is None:
        r.weekday = 4  # the end of a week is its Friday, as a week deadline is


def _end_follows(words: list[str], i: int) -> bool:
    """Whether words[i:] go on "slutten av" or "the end of" (a week must follow that)."""
    if words[i : i + 1] == ["the"]:
        i += 1
    end, linking = words[i : i + 1], words[i + 1 : i + 2]
    return bool(end) and W.MONTH_PARTS.get(end[0]) == "end" and linking in (["av"], ["of"])


def _resolve_pairs(r: _Reading, text: str) -> None:
    """Decide whether each "a.b" is a day.month or an hour.minute, from what else was said."""
    for a, b in r.pairs or []:
        has_date = (
            r.date is not None
            or r.rel_day is not None
            or r.iso_week is not None
            or r.finder is not None
        )
        as_date = 1 <= int(b) <= 12 and 1 <= int(a) <= 31
        if not has_date and (r.weekday is None or as_date or len(b) != 2):
            _set_date(r, int(a), int(b), None, f"{a}.{b}")
        elif len(b) == 2 and r.time is None:
            r.time = _hm(f"{a}.{b}", a, b, None)
        elif r.time is not None:
            raise DateParseError("dates.two_times", text=text)
        else:
            raise DateParseError("dates.conflict")


# --- days that phrases name: holidays, "første mandag i desember", "slutten av mars" -----

MonthRef = tuple[int | None, int | None, int | None]  # month, year, or a shift from this month


def _month_of(mt: re.Match[str], p: str) -> MonthRef:
    g = mt.group
    if g(f"{p}mo"):
        year = int(g(f"{p}y")) if g(f"{p}y") else None
        if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
            raise DateParseError("dates.bad_year", year=year)
        return W.MONTHS[g(f"{p}mo")], year, None
    return None, None, 1 if g(f"{p}nx") else 0


def _months(ref: MonthRef, today: date) -> list[tuple[int, int]]:
    """The (year, month) pairs a month phrase may mean, nearest first."""
    month, year, shift = ref
    if month is None:
        first = _add_months(today.replace(day=1), shift or 0)
        return [(first.year, first.month)]
    if year is not None:
        return [(year, month)]
    return [(today.year, month), (today.year + 1, month)]


def _pick(days: Iterable[date | None], today: date) -> date | None:
    """The first of ``days`` from today on; else the last that exists (a past date is
    the handler's to refuse, as for "5. mars 2020")."""
    last = None
    for day in days:
        if day is not None:
            if day >= today:
                return day
            last = day
    return last


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    if n < 0:
        end = date(year, month, calendar.monthrange(year, month)[1])
        return end - timedelta(days=(end.weekday() - weekday) % 7)
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    return day if day.month == month else None  # "femte fredag" in a month with four


def _month_part(year: int, month: int, part: str) -> date:
    day = {"start": 1, "middle": 15}.get(part) or calendar.monthrange(year, month)[1]
    return date(year, month, day)


def _named_day(spec: W.NamedDay, year: int) -> date | None:
    if spec[0] == "fixed":
        return date(year, int(spec[1]), spec[2])
    day = holiday_date(str(spec[1]), year)
    return day + timedelta(days=spec[2]) if day else None


def _finder(mt: re.Match[str], kind: str) -> Finder:
    """How to find the day a phrase names, once today and any weekday beside it are known."""
    if kind == "named":
        return _named_finder(mt)
    if kind == "ordinal":
        return _ordinal_finder(mt)
    if kind in ("part", "part2"):
        return _part_finder(mt, kind)
    return _day_of_month_finder(mt)


def _named_finder(mt: re.Match[str]) -> Finder:
    raw, spec = mt.group("named"), W.NAMED_DAYS[re.sub(r"\s+", " ", mt.group("namw"))]
    fixed_year = int(mt.group("namy")) if mt.group("namy") else None
    if fixed_year is not None and not MIN_YEAR <= fixed_year <= MAX_YEAR:
        raise DateParseError("dates.bad_year", year=fixed_year)

    def named(today: date, _weekday: int | None) -> date:
        years = [fixed_year] if fixed_year else [today.year, today.year + 1]
        found = _pick((_named_day(spec, y) for y in years), today)
        if found is None:
            raise DateParseError("dates.not_understood", text=raw)
        return found

    return named


def _ordinal_finder(mt: re.Match[str]) -> Finder:
    raw, n, weekday = mt.group("ordinal"), W.ORDINALS[mt.group("on")], W.WEEKDAYS[mt.group("owd")]
    ref = _month_of(mt, "o")

    def ordinal(today: date, _weekday: int | None) -> date:
        found = _pick((_nth_weekday(y, m, weekday, n) for y, m in _months(ref, today)), today)
        if found is None:
            raise DateParseError("dates.no_such_weekday", text=raw)
        return found

    return ordinal


def _part_finder(mt: re.Match[str], kind: str) -> Finder:
    g = mt.group
    prefix = re.sub(r"\s+", " ", g("pw2") or "")
    part = W.MONTH_PARTS[g("pw")] if kind == "part" else W.MONTH_PART_PREFIXES[prefix]
    ref = _month_of(mt, "p" if kind == "part" else "q")

    def month_part(today: date, _weekday: int | None) -> date:
        found = _pick((_month_part(y, m, part) for y, m in _months(ref, today)), today)
        assert found is not None  # a month always has a first, a 15th and a last day
        return found

    return month_part


def _day_of_month_finder(mt: re.Match[str]) -> Finder:
    raw, number = mt.group("den"), int(mt.group("dd"))
    if not 1 <= number <= 31:
        raise _impossible(raw)

    def day_of_month(today: date, weekday: int | None) -> date:
        # The next month (this one counts) with that day, on that weekday if one was
        # given: "fredag den 4." Weekdays of a date repeat within 28 years.
        first = today.replace(day=1)
        for k in range(12 * 28):
            month = _add_months(first, k)
            try:
                day = month.replace(day=number)
            except ValueError:
                continue
            if day >= today and (weekday is None or day.weekday() == weekday):
                return day
        raise _impossible(raw)

    return day_of_month


# --- resolving to a datetime -------------------------------------------------------------


def _zone(tz: str | tzinfo | None, now: datetime) -> tzinfo:
    if isinstance(tz, str):
        return ZoneInfo(tz)
    if tz is not None:
        return tz
    return now.tzinfo if isinstance(now.tzinfo, ZoneInfo) else DEFAULT_TZ


def _local(
    day: date, hm: tuple[int, int] | None, tz: tzinfo, notes: Iterable[DateNote] = ()
) -> When:
    h, m = hm or (0, 0)
    dt = datetime(day.year, day.month, day.day, h, m, tzinfo=tz)
    # A wall time skipped by the spring DST change (02:30 on 2026-03-29) becomes the
    # instant it names (03:30 summer time) instead of a datetime that does not exist.
    dt = dt.astimezone(UTC).astimezone(tz)
    return When.of(dt, hm is not None, tuple(notes))


_LONGEST_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _full_date(d: int, m: int, y: int | None, raw: str, today: date) -> date:
    if y is not None:
        if not MIN_YEAR <= y <= MAX_YEAR:
            raise DateParseError("dates.bad_year", year=y)
        try:
            return date(y, m, d)
        except ValueError:
            raise _impossible(raw) from None
    if not (1 <= m <= 12 and 1 <= d <= _LONGEST_MONTH[m - 1]):  # 31.04, 13.13, 0.3
        raise _impossible(raw)
    for year in range(today.year, today.year + 9):  # 9 years always holds a 29 February
        try:
            candidate = date(year, m, d)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    raise _impossible(raw)


# A date without a year that passed this recently is more likely meant as this year's (a
# slip, or a late entry) than as next year's: next year's is taken with a note, or with a
# weekday that fits only this year's ("tysdag 1. desember" the day after), this year's is
# taken and the handler refuses it as past. One passed longer ago is next year's, unsaid.
RECENTLY_PASSED = timedelta(days=31)


def _dated_day(r: _Reading, today: date) -> date:
    """The day a date names (``r.date``); next year's when this year's has passed."""
    assert r.date is not None
    day = _full_date(*r.date, raw=r.date_text, today=today)
    d, m, y = r.date
    if y is not None:
        return day
    try:  # its last occurrence: last year's on 2 January for "28. desember"
        gone = date(today.year - ((m, d) > (today.month, today.day)), m, d)
    except ValueError:  # 29 February
        return day
    if not today - RECENTLY_PASSED <= gone < today:
        return day
    if r.weekday is not None and gone.weekday() == r.weekday != day.weekday():
        return gone
    r.notes.append(
        DateNote("dates.note.next_year", text=r.date_text, date=day_text(day), gone=day_text(gone))
    )
    return day


def _impossible(raw: str) -> DateParseError:
    # The date as typed, with English month names capitalised in an English answer
    return DateParseError("dates.impossible_date", date=partial(W.as_typed, raw))


def _add_months(day: date, months: int) -> date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    for d in (day.day, 30, 29, 28):  # 31 January + 1 month is the end of February
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _resolve(r: _Reading, now: datetime, tz: tzinfo, text: str, deadline: bool = False) -> When:
    if r.anchors > 1 or (r.next_month and r.weekday is not None):
        raise DateParseError("dates.conflict")
    if r.rel is not None and r.rel[0] == "minutes":
        if r.time is not None or r.weekday is not None:
            raise DateParseError("dates.conflict")
        # Hours and minutes are elapsed time: add them in UTC, or a DST night is off by one.
        moment = (now.astimezone(UTC) + timedelta(minutes=r.rel[1])).astimezone(tz)
        return When.of(moment, True, tuple(r.notes))
    if r.rel is not None and r.weekday is not None and not r.rel_weeks:
        raise DateParseError("dates.conflict")
    today = now.date()
    day = _day(r, today, text, deadline)
    if day is None:  # only a weekday, or only a time: the next one from now
        if r.weekday is not None:
            ahead = (r.weekday - today.weekday()) % 7
            if r.weekday_last:
                ahead = (ahead or 7) - 7
            # Today counts for a bare weekday, but not when its time of day has passed.
            elif ahead == 0 and (r.weekday_next or (r.time and _local(today, r.time, tz) < now)):
                ahead = 7
            _note_this_week(r, today, today + timedelta(days=ahead))
            return _local(today + timedelta(days=ahead), r.time, tz, r.notes)
        at = _local(today, r.time, tz, r.notes)
        at = at if at >= now else _local(today + timedelta(days=1), r.time, tz, r.notes)
        at.has_day = False
        return at
    if not MIN_YEAR <= day.year <= MAX_YEAR:  # "om 999 år" is not a plan
        raise DateParseError("dates.bad_year", year=day.year)
    if r.weekday is not None and day.weekday() != r.weekday:
        raise DateParseError(
            "dates.weekday_mismatch",
            date=local_date_text(day),
            actual=weekday_text(day.weekday()),
            weekday=weekday_text(r.weekday),
        )
    if r.finder is not None:
        r.notes.append(DateNote("dates.note.day", text=r.finder_text, date=day_text(day)))
    if r.from_today:
        r.notes.append(DateNote("dates.note.from_today", text=r.from_today, date=day_text(day)))
    if (r.iso_week is not None or r.week_shift is not None) and r.weekday is None:
        key = "dates.note.week_deadline" if deadline else "dates.note.week_start"
        r.notes.append(DateNote(key, text=r.week_text, date=day_text(day)))
    return _local(day, r.time, tz, r.notes)


# "neste fredag" may mean next week's Friday; "førstkommende", "kommende", "coming" only
# the first to come, which needs no note.
_NEXT_EITHER_WEEK = frozenset({"neste", "næste", "next"})


def _note_this_week(r: _Reading, today: date, day: date) -> None:
    """ "neste fredag" on a Wednesday is read as this week's Friday (the next one to come);
    many mean next week's, so the answer says which, and how to type the other."""
    if r.next_text and r.weekday is not None and day.isocalendar()[:2] == today.isocalendar()[:2]:
        r.notes.append(
            DateNote(
                "dates.note.next_this_week",
                text=r.next_text,
                date=day_text(day),
                weekday=weekday_text(r.weekday),
            )
        )


def _day(r: _Reading, today: date, text: str, deadline: bool) -> date | None:
    """The day the reading names, or None when it names only a weekday or a time."""
    if r.date is not None:
        return _dated_day(r, today)
    if r.finder is not None:
        return r.finder(today, r.weekday)
    if r.rel_day is not None:
        return today + timedelta(days=r.rel_day)
    if r.rel is not None:
        unit, amount = r.rel
        if r.weekday is not None:  # "tirsdag om en uke": the coming Tuesday, a week on
            return today + timedelta(days=(r.weekday - today.weekday()) % 7 + amount)
        return _add_months(today, amount) if unit == "months" else today + timedelta(amount)
    if r.iso_week is not None:
        week, year = r.iso_week
        return _week_day(week, year, _week_weekday(r, deadline), today)
    if r.week_shift is not None:
        if r.week_shift == 0 and r.weekday is None and not deadline:
            raise DateParseError("dates.not_understood", text=text)
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=r.week_shift)
        return monday + timedelta(days=_week_weekday(r, deadline))
    if r.next_month:
        return _add_months(today.replace(day=1), 1)
    if r.weekday is None and r.time is None:
        raise DateParseError("dates.not_understood", text=text)
    return None


def _week_weekday(r: _Reading, deadline: bool) -> int:
    """The day a week phrase means: the one named, else Friday for a deadline, else Monday."""
    if r.weekday is not None:
        return r.weekday
    return 4 if deadline else 0


def _week_day(week: int, year: int | None, weekday: int, today: date) -> date:
    for y in (year,) if year else (today.isocalendar().year, today.isocalendar().year + 1):
        try:
            day = date.fromisocalendar(y, week, weekday + 1)
        except ValueError:
            continue
        if year or day + timedelta(days=6 - weekday) >= today:
            return day
    raise DateParseError("dates.bad_week", week=week)


# --- which reader: our rules, dateparser, or a refusal -----------------------------------

_WORD = re.compile(r"[a-zæøåäöéü]+")
# Words of the rules above that no vocabulary table holds.
_GRAMMAR_WORDS = (
    "kl klokka klokken klokkeslett at am pm a p m fra frå from til till to until mellom "
    "between og and om in within halv halvtime half time kvarter quarter of an hour nå no "
    "now day after the before den av ved o clock noon midday st nd rd th denne dette this "
    "i ved by"
)


def _words_of(phrases: Iterable[str]) -> set[str]:
    return {word for phrase in phrases for word in _WORD.findall(phrase)}


_KNOWN = frozenset(
    _words_of(
        (
            *W.WEEKDAYS,
            *W.MONTHS,
            *W.NUMBER_WORDS,
            *W.UNITS,
            *W.RELATIVE_DAYS,
            *W.NEXT_WORDS,
            *W.LAST_WORDS,
            *W.FILLER_WORDS,
            *W.WEEK_WORDS,
            *W.BEFORE_END_WORDS,
            *W.MONTH_WORDS,
            *W.ORDINALS,
            *W.MONTH_PARTS,
            *W.MONTH_PART_PREFIXES,
            *W.NAMED_DAYS,
            *W.HOUR_WORDS,
            *W.MINUTE_WORDS,
            *W.MINUTE_AFTER,
            *W.MINUTE_BEFORE,
            _GRAMMAR_WORDS,
        )
    )
)
# Words that say a phrase is about a date, for telling "no date here" from "a wrong word".
_DATE_WORDS = frozenset(
    _words_of((*W.WEEKDAYS, *W.MONTHS, *W.RELATIVE_DAYS, *W.NAMED_DAYS, *W.UNITS))
    | {"kl", "klokka", "klokken", "uke", "veke", "week"}
)


def _meaning(word: str) -> tuple[str, int]:
    if word in W.WEEKDAYS:
        return "weekday", W.WEEKDAYS[word]
    if word in W.MONTHS:
        return "month", W.MONTHS[word]
    return "day", 2 if "over" in word else 1  # morgen, overmorgen, tomorrow


@dataclass
class _Spelling:
    """A phrase with its one-letter typos mended, and the words still unknown."""

    text: str
    notes: list[DateNote]
    unknown: list[str]
    guesses: dict[str, tuple[str, ...]]  # an unknown word one edit from several words


def _spell(s: str) -> _Spelling:
    """Mend typos one edit from a month, weekday or "i morgen" word; list what is unknown."""
    notes: list[DateNote] = []
    unknown: list[str] = []
    guesses: dict[str, tuple[str, ...]] = {}
    parts: list[str] = []
    pos = 0
    for mt in _WORD.finditer(s):
        word = mt.group()
        if word in _KNOWN:
            continue
        if unknown:  # already past mending: the rest only decides dateparser or refusal
            unknown.append(word)
            continue
        close = _close_words(word)
        if len({_meaning(c) for c in close}) == 1:
            parts += [s[pos : mt.start()], close[0]]
            pos = mt.end()
            notes.append(DateNote("dates.note.typo", typed=word, word=close[0]))
            continue
        unknown.append(word)
        if close:
            guesses[word] = close
    return _Spelling("".join(parts) + s[pos:], notes, unknown, guesses)


def _close_words(word: str) -> tuple[str, ...]:
    if len(word) < 4:  # short words are one edit from too much ("mai" → "mail")
        return ()
    from rapidfuzz import process
    from rapidfuzz.distance import OSA  # one edit: a letter added, lost, changed or swapped

    found = process.extract(word, W.TYPO_TARGETS, scorer=OSA.distance, score_cutoff=1, limit=4)
    return tuple(name for name, _score, _index in found)


def _refusal(text: str, s: str, spelling: _Spelling) -> DateParseError:
    word = spelling.unknown[0]
    if word in spelling.guesses:
        choices = spelling.guesses[word]
        return DateParseError(
            "dates.did_you_mean", word=word, text=text, choices=partial(_or_list, choices)
        )
    if not _dated(s):
        return DateParseError("dates.not_understood", text=text)
    return DateParseError("dates.unknown_word", word=word, text=text)


def _dated(s: str) -> bool:
    """Whether a phrase has anything of a date: a digit or a date word of ours."""
    return any(ch.isdigit() for ch in s) or any(w in _DATE_WORDS for w in _WORD.findall(s))


def _or_list(words: tuple[str, ...], lang: str) -> str:
    quoted = [f"“{w}”" if lang == "en" else f"«{w}»" for w in words]
    return f" {t('dates.or', lang)} ".join(quoted)


# Keys of dateparser's locale data that hold names, codes and regexes, not words.
_NOT_WORDS = frozenset(
    ("name", "date_order", "sentence_splitter_group", "relative-type-regex", "locale_specific")
)


@lru_cache(maxsize=1)
def _dateparser_words() -> tuple[frozenset[str], frozenset[str]]:
    """Every word dateparser knows in nb, nn and en, and those it only skips ("about")."""
    words: set[str] = set()
    skip: set[str] = set()

    def collect(value: Any) -> None:
        if isinstance(value, str):
            words.update(_WORD.findall(value.lower()))
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    for info in _dateparser_locales():
        for key, value in info.items():
            if key in _NOT_WORDS:
                continue
            if key == "simplifications":  # regexes; only their plain words are vocabulary
                value = [k for item in value for k in item if re.fullmatch(r"[a-z ]+", k)]
            collect(value)
        skip.update(w for item in info.get("skip", []) for w in _WORD.findall(item))
    return frozenset(words), frozenset(skip - {"am", "pm"})


def _dateparser_locales() -> list[dict[str, Any]]:
    """dateparser's word lists for nb, nn and en.

    Read from its data files without importing dateparser itself (a fifth of a second),
    so that deciding to refuse a phrase stays cheap in a process that never warmed up.
    """
    codes = ("nb", "nn", "en")
    try:
        spec = importlib.util.find_spec("dateparser")
        assert spec is not None and spec.origin is not None
        folder = Path(spec.origin).parent / "data" / "date_translation_data"
        infos = []
        for code in codes:
            file_spec = importlib.util.spec_from_file_location(
                f"_dateparser_words_{code}", folder / f"{code}.py"
            )
            assert file_spec is not None and file_spec.loader is not None
            module = importlib.util.module_from_spec(file_spec)
            file_spec.loader.exec_module(module)
            infos.append(module.info)
        return infos
    except Exception:  # another layout in another dateparser version: ask it properly
        from dateparser.languages.loader import default_loader

        return [default_loader.get_locale(code).info for code in codes]


def _dateparser_reads(unknown: list[str]) -> bool:
    """True when every unknown word is dateparser's and one of them means something to it."""
    words, skip = _dateparser_words()
    return all(w in words for w in unknown) and any(w not in skip for w in unknown)


def _with_dateparser(text: str, s: str, spelling: _Spelling, now: datetime, tz: tzinfo) -> When:
    from dateparser.date import DateDataParser

    # dateparser skips "kl" and then misreads or drops the hour after it; it gets the
    # phrase without the time of day our rules found, which is put back on its answer.
    typed, rest = _take_time(s)
    settings = _settings(now) | {"RETURN_TIME_AS_PERIOD": True}
    try:
        data = DateDataParser(languages=["nb", "nn", "en"], settings=settings).get_date_data(rest)
        found = data.date_obj
    except Exception:  # dateparser has crashed on odd input before; that is "not understood"
        found = None
    if found is None or not MIN_YEAR <= found.year <= MAX_YEAR:
        raise _refusal(text, s, spelling)
    notes = tuple(spelling.notes)
    if typed is not None:
        return _local(found.date(), typed, tz, notes)
    if data.period == "time":  # "in 3 hours": its own time, which it says it found
        return When.of(found.replace(tzinfo=tz).astimezone(UTC).astimezone(tz), True, notes)
    # dateparser copies the base time into date-only answers; the member gave none.
    return _local(found.date(), None, tz, notes)


def _take_time(s: str) -> tuple[tuple[int, int] | None, str]:
    """The one time of day our rules find in ``s`` (if exactly one), and ``s`` without it."""
    found: list[tuple[tuple[int, int], re.Match[str]]] = []
    for mt in _TOKEN.finditer(s):
        if mt.lastgroup in _TIME_KINDS:
            try:
                time = _read(mt.group()).time
            except DateParseError:
                return None, s
            if time is not None:
                found.append((time, mt))
    if len(found) != 1:
        return None, s
    time, mt = found[0]
    return time, f"{s[: mt.start()]} {s[mt.end() :]}".strip()


def _grammar(raw: str, spelling: _Spelling) -> _Reading:
    """Our rules' reading of a phrase whose words are all ours, typos mended."""
    r = _read(spelling.text)
    if r.unknown is not None:  # a word of ours where it means nothing ("neste" alone)
        if not (r.anchors or r.weekday is not None or r.time is not None or r.pairs):
            raise DateParseError("dates.not_understood", text=raw)
        raise DateParseError("dates.unknown_word", word=r.unknown, text=raw)
    r.notes[:0] = spelling.notes
    _resolve_pairs(r, raw)
    return r


def _settings(now: datetime) -> dict[str, Any]:
    return {
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": now.replace(tzinfo=None),
        "RETURN_AS_TIMEZONE_AWARE": False,
    }


# --- public parsing ----------------------------------------------------------------------

_ISO_FULL = re.compile(
    r"\d{4}-\d\d-\d\d[t ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:z|[+-]\d\d:?\d\d)", re.IGNORECASE
)
_LEADING = re.compile(r"^(?:(?:frist|fristen|innen|innan|by|deadline)\b[:\s]*)+")


def _normalize(text: str) -> str:
    s = text.strip().lower()
    for dash in "–—−‒":  # en dash from phones and Word, minus sign, figure dash
        s = s.replace(dash, "-")
    s = s.replace("’", "'")
    s = re.sub(r"\s+", " ", s)
    s = re.sub(r"(\d{4}-\d{1,2}-\d{1,2})t(?=\d)", r"\1 ", s)
    s = _LEADING.sub("", s)
    return s.rstrip(" .!,;:")


def _now(now: datetime, tz: tzinfo) -> datetime:
    return now.replace(tzinfo=tz) if now.tzinfo is None else now.astimezone(tz)


def parse_when(
    text: str, *, now: datetime, tz: str | tzinfo | None = None, deadline: bool = False
) -> When:
    """The moment a member means by ``text``, aware in their time zone.

    ``now`` anchors relative words; a naive ``now`` is read as local time in ``tz``.
    ``deadline`` says what a week alone means: its Friday for a deadline ("frist uke 50"),
    else its Monday. The result's ``notes`` say how the text was read where that was a
    choice (see ``note_lines``). Raises DateParseError with a message for the member when
    the text is not a date.
    """
    zone = _zone(tz, now)
    local_now = _now(now, zone)
    try:
        when = _parse_when(text, local_now, zone, deadline)
    except DateParseError:
        # Said around another day ("før fredag", "før jul"), which our rules do not read.
        around = read_around(
            text,
            local_now.date(),
            zone,
            partial(_parse_when, now=local_now, zone=zone, deadline=deadline),
        )
        if around is None:
            raise
        return around
    _keep_case(when.notes, text)
    return when


def require_day(when: When, text: str) -> When:
    """``when`` if ``text`` named its day: a deadline typed as a time alone ("frist kl 12")
    left the day out, and the next 12:00 is not what was meant."""
    if not when.has_day:
        raise DateParseError("dates.slot_no_day", slot=text.strip())
    return when


def _keep_case(notes: Iterable[DateNote], raw: str) -> None:
    """Notes quote the member's words as typed ("Første Mandag i Desember"), not as the
    lower-cased text the rules read."""
    for note in notes:
        for key in ("text", "typed"):
            value = note.params.get(key)
            if isinstance(value, str) and value.strip():
                pattern = r"\s+".join(map(re.escape, value.split()))
                found = re.search(pattern, raw, re.IGNORECASE)
                if found:
                    note.params[key] = found.group()


def _parse_when(text: str, now: datetime, zone: tzinfo, deadline: bool) -> When:
    """parse_when's own rules (and dateparser), ``now`` already in ``zone``."""
    local_now = now
    if not text or not text.strip():
        raise DateParseError("dates.empty")
    if len(text) > MAX_LEN:
        raise DateParseError("dates.too_long")
    s = _normalize(text)
    if _ISO_FULL.fullmatch(s):
        return When.of(datetime.fromisoformat(s.upper()).astimezone(zone), True)
    spelling = _spell(s)
    if spelling.unknown:
        # Words we do not know: dateparser reads the phrase only if it has something of a
        # date and every unknown word is one dateparser knows; else it is refused now.
        if _dated(s) and _dateparser_reads(spelling.unknown):
            return _with_dateparser(text.strip(), spelling.text, spelling, local_now, zone)
        raise _refusal(text.strip(), s, spelling)
    r = _grammar(text.strip(), spelling)
    if r.end is not None:
        raise DateParseError("dates.range_in_when", text=text.strip())
    return _resolve(r, local_now, zone, text.strip(), deadline)


# --- slots -------------------------------------------------------------------------------

# Slots are separated by ";", new lines, commas (not the one in "March 5, 2027") and
# "og"/"and"; "mellom 10 og 12" is a range, so it is written "10-12" before splitting.
_SLOT_SEP = re.compile(r"(;|\n|,(?!\s*\d{4}(?!\d))|\s+(?:og|and|&)\s+)", re.IGNORECASE)
_BETWEEN = re.compile(
    r"\b(?:mellom|between)\s+((?:kl\.?\s*)?\d{1,2}(?:[.:]\d{2})?)\s+(?:og|and)\s+"
    r"((?:kl\.?\s*)?\d{1,2}(?:[.:]\d{2})?)",
    re.IGNORECASE,
)


@dataclass
class _Piece:
    raw: str
    r: _Reading
    comma_before: bool = False


def _read_piece(raw: str) -> _Reading:
    s = _normalize(raw)
    spelling = _spell(s)
    if spelling.unknown:  # slots are ours alone: dateparser reads no time ranges
        raise _refusal(raw, s, spelling)
    return _grammar(raw, spelling)


def _weekday_only(r: _Reading) -> bool:
    return (
        r.weekday is not None
        and not r.anchors
        and r.time is None
        and not (r.weekday_next or r.weekday_last)
    )


def _join_and_share(pieces: list[_Piece]) -> list[_Piece]:
    """ "torsdag, 5. mars kl 10" is one slot; in "tirsdag og torsdag neste uke kl 13-15" the
    days before a time share it, and the week it names."""
    joined: list[_Piece] = []
    for piece in pieces:
        before = joined[-1] if joined else None
        if (
            before is not None
            and piece.comma_before
            and _weekday_only(before.r)
            and piece.r.date is not None
            and piece.r.weekday is None
        ):
            piece.r.weekday = before.r.weekday
            piece.raw = f"{before.raw}, {piece.raw}"
            joined[-1] = piece
        else:
            joined.append(piece)
    waiting: list[_Piece] = []
    for piece in joined:
        r = piece.r
        if r.time is None and (r.anchors or r.weekday is not None):
            waiting.append(piece)
            continue
        if r.time is not None:
            for other in waiting:
                o = other.r
                if _weekday_only(o) and not r.date and not r.finder and not r.rel_day:
                    o.week_shift, o.iso_week, o.week_text = r.week_shift, r.iso_week, r.week_text
                    o.rel, o.rel_weeks = r.rel, r.rel_weeks
                    o.anchors = r.anchors
                o.time, o.end = r.time, r.end
        waiting = []
    return joined


def parse_slots(text: str, *, now: datetime, tz: str | tzinfo | None = None) -> list[Slot]:
    """Meeting slots: "tirsdag 10-12, torsdag 13-15", "8.12 kl 10-12 og 9.12 kl 10-12".

    Slots are separated by commas, ";", new lines, "og" or "and". A slot with only a time
    ("13-15") takes the day of the slot before it; days with no time before a slot with
    one share its time ("tirsdag og torsdag neste uke kl 13-15"). Each slot carries the
    notes of how it was read. Raises DateParseError naming the slot that is wrong.
    """
    zone = _zone(tz, now)
    local_now = _now(now, zone)
    if not text or not text.strip():
        raise DateParseError("dates.slots_empty")
    if len(text) > MAX_LEN * 5:
        raise DateParseError("dates.too_long")
    parts = _SLOT_SEP.split(_BETWEEN.sub(r"\1-\2", text))
    pieces: list[_Piece] = []
    for i in range(0, len(parts), 2):
        raw = parts[i].strip()
        if raw:
            comma = i > 0 and parts[i - 1] == ","
            pieces.append(_Piece(raw, _read_piece(raw), comma))
    if not pieces:
        raise DateParseError("dates.slots_empty")
    slots: list[Slot] = []
    previous: date | None = None
    for piece in _join_and_share(pieces):
        r, raw = piece.r, piece.raw
        if r.time is None:
            if r.anchors or r.weekday is not None:
                raise DateParseError("dates.slot_no_time", slot=raw)
            raise DateParseError("dates.not_understood", text=raw)
        dated = r.anchors or r.weekday is not None
        if not dated and previous is None:
            raise DateParseError("dates.slot_no_day", slot=raw)
        if not dated and previous is not None:
            start = _local(previous, r.time, zone, r.notes)
        else:
            start = _resolve(r, local_now, zone, raw)
        end = _local(start.date(), r.end, zone) if r.end is not None else None
        if end is not None and end <= start:
            raise DateParseError("dates.slot_end_before_start", slot=raw)
        _keep_case(start.notes, text)
        slots.append(Slot(start.plain(), end.plain() if end else None, start.notes))
        previous = start.date()
    return slots


def note_lines(value: When | Slot | Iterable[Slot] | datetime, lang: str | None) -> list[str]:
    """The notes of a parsed date or slots as lines for the echo, each once, in ``lang``."""
    if isinstance(value, Slot):
        notes: Iterable[DateNote] = value.notes
    elif isinstance(value, datetime):
        notes = getattr(value, "notes", ())
    else:
        notes = (note for slot in value for note in slot.notes)
    return list(dict.fromkeys(note.message(lang) for note in notes))


def warm_up() -> None:
    """Load dateparser and the typo matcher now (about half a second), not on a member's
    first command. The holidays package stays lazy, as before: it adds a third of a second
    to every worker start, and the Slack tests time how fast a starting worker stops."""
    import dateparser

    dateparser.parse(
        "i morgen kl 10", languages=["nb", "nn", "en"], settings=_settings(datetime(2026, 1, 1))
    )
    _dateparser_words()
    _close_words("mandga")
