"""Words for dates and times in bokmål, nynorsk and English, shared by parsing and formatting.

Kept as plain data so that neither the system locale nor dateparser decides how a
Norwegian member's "tys" or "laurdag" is read or how a date is written back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so "mars" wins over "mar"."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


# Weekday names as parsed, Monday = 0. Abbreviations are included; ambiguous short forms
# ("ti", "to", "fr") are left out on purpose because they collide with numbers and words.
WEEKDAYS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        "mandag mandagen måndag måndagen man mån mon monday",
        "tirsdag tirsdagen tysdag tysdagen tir tirs tys tue tues tuesday",
        "onsdag onsdagen ons wed weds wednesday",
        "torsdag torsdagen tor tors thu thur thurs thursday",
        "fredag fredagen fre fri friday",
        "lørdag lørdagen laurdag laurdagen lordag lør laur lau sat saturday",
        "søndag søndagen sundag sundagen sondag søn sun sunday",
    )
):
    for _name in _names.split():
        WEEKDAYS[_name] = _i

# Month names and abbreviations, January = 1; nynorsk uses the bokmål names.
MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        "januar jan january",
        "februar feb february",
        "mars mar march",
        "april apr",
        "mai may",
        "juni jun june",
        "juli jul july",
        "august aug",
        "september sep sept",
        "oktober okt oct october",
        "november nov",
        "desember des dec december",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _i

# Small numbers as words, for "om fire uker", "om ei veke", "in two weeks".
NUMBER_WORDS: dict[str, int] = {
    "en": 1,
    "ei": 1,
    "ein": 1,
    "eitt": 1,
    "ett": 1,
    "et": 1,
    "a": 1,
    "an": 1,
    "one": 1,
    "to": 2,
    "two": 2,
    "tre": 3,
    "three": 3,
    "fire": 4,
    "four": 4,
    "fem": 5,
    "five": 5,
    "seks": 6,
    "six": 6,
    "sju": 7,
    "syv": 7,
    "seven": 7,
    "åtte": 8,
    "eight": 8,
    "ni": 9,
    "nine": 9,
    "ti": 10,
    "ten": 10,
    "elleve": 11,
    "eleven": 11,
    "tolv": 12,
    "twelve": 12,
    "fjorten": 14,
    "fourteen": 14,
    "et par": 2,
    "eit par": 2,
    "a couple of": 2,
}

# Units after "om N" / "in N", mapped to (kind, amount). Calendar units keep the wall time;
# hours and minutes are elapsed time and give a time of day.
UNITS: dict[str, tuple[str, int]] = {}
for _kind, _amount, _names in (
    ("days", 1, "dag dager dagar dagen døgn day days"),
    ("days", 7, "uke uker uka veke veker veka week weeks"),
    ("days", 14, "fortnight fortnights"),
    ("months", 1, "måned måneder måneden månad månader månaden mnd month months"),
    ("months", 12, "år året year years"),
    ("minutes", 60, "time timer timen timar t h hour hours"),
    ("minutes", 1, "minutt minutter minuttar min mins minute minutes"),
):
    for _name in _names.split():
        UNITS[_name] = (_kind, _amount)

# Days relative to today, as written with or without the space ("imorgen").
RELATIVE_DAYS: dict[str, int] = {
    "i dag": 0,
    "idag": 0,
    "today": 0,
    "i morgen": 1,
    "imorgen": 1,
    "i morgon": 1,
    "imorgon": 1,
    "tomorrow": 1,
    "i overmorgen": 2,
    "i overmorgon": 2,
    "overmorgen": 2,
    "overmorgon": 2,
    "day after tomorrow": 2,
    "the day after tomorrow": 2,
    "i går": -1,
    "igår": -1,
    "i gar": -1,
    "yesterday": -1,
    "i forgårs": -2,
    "i forgår": -2,
    "day before yesterday": -2,
    "the day before yesterday": -2,
}

# Words that say "the coming one" before a weekday.
NEXT_WORDS = frozenset(
    "neste næste førstkommende førstkomande førstkommande fyrstkomande fyrstkommande "
    "kommende komande kommande next coming".split()
)
# Words that change nothing: a deadline's "frist", "innen", English "by", "on", "the".
FILLER_WORDS = frozenset(
    "frist fristen innen innan by on the den på pa senest seinast deadline dato for due".split()
)
WEEK_WORDS = frozenset("uke uka veke veka week".split())
MONTH_WORDS = frozenset("måned måneden månad månaden month".split())

# --- formatting ----------------------------------------------------------------------

WEEKDAY_NAMES: dict[str, tuple[str, ...]] = {
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "nn": ("måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
WEEKDAY_SHORT: dict[str, tuple[str, ...]] = {
    "nb": ("man", "tir", "ons", "tor", "fre", "lør", "søn"),
    "nn": ("mån", "tys", "ons", "tor", "fre", "lau", "sun"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_NO_MONTHS = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)
MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "nb": _NO_MONTHS,
    "nn": _NO_MONTHS,
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
MONTH_SHORT_EN = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)

# holidays has no nynorsk names; these are the nynorsk forms of its bokmål ones.
HOLIDAY_NN: dict[str, str] = {
    "Første nyttårsdag": "Første nyttårsdag",
    "Skjærtorsdag": "Skjærtorsdag",
    "Langfredag": "Langfredag",
    "Første påskedag": "Første påskedag",
    "Andre påskedag": "Andre påskedag",
    "Arbeidernes dag": "Arbeidarane sin dag",
    "Kristi himmelfartsdag": "Kristi himmelfartsdag",
    "Grunnlovsdag": "Grunnlovsdagen",
    "Første pinsedag": "Første pinsedag",
    "Andre pinsedag": "Andre pinsedag",
    "Første juledag": "Første juledag",
    "Andre juledag": "Andre juledag",
}
