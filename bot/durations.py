"""Lengths of time and reminder offsets as members type them: "2t", "90 min", "14d,7d,1d"."""

from __future__ import annotations

import re
from datetime import timedelta

from bot import datewords as W
from bot.datetypes import DateParseError

MAX_LEN = 200
_WB = r"(?![a-zæøåäö])"  # end of a word, in Norwegian letters too

_DURATION_UNITS: dict[str, timedelta] = {}
for _names, _delta in (
    ("d dag dager dagar døgn day days", timedelta(days=1)),
    ("u uke uker veke veker w wk week weeks", timedelta(weeks=1)),
    ("t time timer timar h hr hrs hour hours", timedelta(hours=1)),
    ("m min mins minutt minutter minuttar minute minutes", timedelta(minutes=1)),
):
    for _name in _names.split():
        _DURATION_UNITS[_name] = _delta
_DURATION_PART = re.compile(
    rf"(?P<n>\d{{1,6}}(?:[.,]\d{{1,3}})?|{W.alternation(W.NUMBER_WORDS)})"
    rf"\s*(?P<u>{W.alternation(_DURATION_UNITS)}){_WB}"
    r"|(?P<sep>\s+|\s*og\s+|\s*and\s+)"
)
MAX_DURATION = timedelta(days=366)


def parse_duration(text: str) -> timedelta:
    """A length of time: "2t", "90 min", "1t30m", "1,5 t", "2 uker", "3d"; positive."""
    s = (text or "").strip().lower()
    if not s or len(s) > MAX_LEN:
        raise DateParseError("dates.bad_duration", text=(text or "").strip())
    total, pos, last_unit = timedelta(), 0, None
    while pos < len(s):
        mt = _DURATION_PART.match(s, pos)
        if mt is None:
            # "1t30": minutes may follow hours without their unit.
            tail = re.fullmatch(r"\s*(\d{1,2})", s[pos:])
            if tail and last_unit == timedelta(hours=1):
                total += timedelta(minutes=int(tail.group(1)))
                break
            raise DateParseError("dates.bad_duration", text=text.strip())
        pos = mt.end()
        if mt.group("u"):
            n = mt.group("n").replace(",", ".")
            amount = float(n) if n[0].isdigit() else W.NUMBER_WORDS[re.sub(r"\s+", " ", n)]
            last_unit = _DURATION_UNITS[mt.group("u")]
            total += amount * last_unit
            if total > MAX_DURATION:  # stop before huge numbers overflow timedelta
                raise DateParseError("dates.bad_duration", text=text.strip())
    if total <= timedelta(0) or total > MAX_DURATION:
        raise DateParseError("dates.bad_duration", text=text.strip())
    return timedelta(seconds=round(total.total_seconds()))


def parse_offsets(text: str) -> list[timedelta]:
    """Reminder offsets before an event, "14d,7d,1d,2h,30m": largest first, no repeats."""
    s = (text or "").strip()
    if not s:
        raise DateParseError("dates.offsets_empty")
    # Split on "," only after a unit, so that "1,5t" stays one offset.
    pieces = [p for p in re.split(r"(?<=[^\d\s,;])\s*[,;]\s*|\s*;\s*", s) if p.strip()]
    if not pieces:
        raise DateParseError("dates.bad_offsets", text=s)
    offsets = set()
    for piece in pieces:
        try:
            offsets.add(parse_duration(piece))
        except DateParseError:
            raise DateParseError("dates.bad_offsets", text=piece.strip()) from None
    return sorted(offsets, reverse=True)
