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
    ("days", 7, "uke uker uka uken veke veker veka week weeks"),
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
    "overimorgen": 2,
    "overimorgon": 2,
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
    "frist fristen innen innan by on the den på pa senest seinast deadline dato for due of".split()
)
WEEK_WORDS = frozenset("uke uka uken veke veka week".split())
# "før slutten av neste uke", "towards the end of the week": only before the end of a week,
# which is its Friday either way ("før fredag" alone is the day before: bot/dates_around.py).
BEFORE_END_WORDS = frozenset("før mot before towards toward".split())
MONTH_WORDS = frozenset("måned måneden månad månaden month".split())
# Words that say "the one before" a weekday: "forrige fredag", "last Friday".
LAST_WORDS = frozenset("forrige førre forrje last previous".split())

# "første mandag i desember", "last Friday of May": which one in the month (-1 = the last).
ORDINALS: dict[str, int] = {}
for _n, _names in (
    (1, "første fyrste 1. first 1st"),
    (2, "andre 2. second 2nd"),
    (3, "tredje 3. third 3rd"),
    (4, "fjerde 4. fourth 4th"),
    (5, "femte 5. fifth 5th"),
    (-1, "siste sist last"),
):
    for _name in _names.split():
        ORDINALS[_name] = _n

# "i starten av mars", "medio april", "end of March": start = 1st, middle = 15th, end = last.
MONTH_PARTS: dict[str, str] = {}
for _part, _names in (
    ("start", "starten start begynnelsen begynnelse byrjinga byrjunen beginning"),
    ("middle", "midten middle"),
    ("end", "slutten enden end utgangen"),
):
    for _name in _names.split():
        MONTH_PARTS[_name] = _part
# The same, written before the month: "primo mars", "mid-March", "midt i mai".
MONTH_PART_PREFIXES: dict[str, str] = {
    "primo": "start",
    "medio": "middle",
    "mid": "middle",
    "midt i": "middle",
    "ultimo": "end",
}

# Named days: a fixed day ("fixed", month, day), or a Norwegian public holiday by its
# English name in the holidays package plus an offset in days, so that Easter and what
# hangs on it (skjærtorsdag, pinse, Kristi himmelfart) is computed there, not typed here.
NamedDay = tuple[str, int, int] | tuple[str, str, int]
NAMED_DAYS: dict[str, NamedDay] = {}
for _spec, _names in (
    (("fixed", 12, 24), "julaften|julaftan|julekveld|christmas eve"),
    (("fixed", 12, 31), "nyttårsaften|nyttårsaftan|nyttarsaften|new year's eve|new years eve"),
    (("fixed", 6, 23), "sankthans|sankthansaften|sankthansaftan|jonsokaftan|midsummer eve"),
    (("fixed", 6, 24), "sankthansdagen|jonsok|jonsokdagen|midsummer day"),
    (
        ("holiday", "New Year's Day", 0),
        "nyttårsdag|nyttårsdagen|1. nyttårsdag|første nyttårsdag|fyrste nyttårsdag"
        "|new year's day|new years day",
    ),
    (("holiday", "Maundy Thursday", 0), "skjærtorsdag|skjertorsdag|maundy thursday"),
    (("holiday", "Good Friday", 0), "langfredag|good friday"),
    (("holiday", "Easter Sunday", -1), "påskeaften|påskeaftan|easter eve|easter saturday"),
    (
        ("holiday", "Easter Sunday", 0),
        "1. påskedag|første påskedag|fyrste påskedag|påskedag|påskedagen|easter sunday|easter day",
    ),
    (("holiday", "Easter Monday", 0), "2. påskedag|andre påskedag|easter monday"),
    (("holiday", "Labor Day", 0), "arbeidernes dag|arbeidarane sin dag|labour day|labor day"),
    (
        ("holiday", "Ascension Day", 0),
        "kristi himmelfartsdag|kristi himmelfart|himmelfartsdag|himmelfartsdagen|ascension day",
    ),
    (
        ("holiday", "Constitution Day", 0),
        "grunnlovsdagen|grunnlovsdag|nasjonaldagen|syttende mai|constitution day",
    ),
    (("holiday", "Pentecost", -1), "pinseaften|pinseaftan"),
    (
        ("holiday", "Pentecost", 0),
        "pinse|pinsen|1. pinsedag|første pinsedag|fyrste pinsedag|pinsedag|pinsedagen"
        "|pentecost|whit sunday|whitsun",
    ),
    (("holiday", "Pentecost Monday", 0), "2. pinsedag|andre pinsedag|whit monday"),
    (
        ("holiday", "Christmas Day", 0),
        "1. juledag|første juledag|fyrste juledag|juledag|juledagen|christmas day",
    ),
    (
        ("holiday", "Second Day of Christmas", 0),
        "2. juledag|andre juledag|boxing day|second day of christmas",
    ),
):
    for _name in _names.split("|"):
        NAMED_DAYS[_name] = _spec  # type: ignore[assignment]

# Hours and minutes as spoken: "halv ti" (09:30), "kvart over ni", "ten past two".
# The number words 1-12 but the articles and pairs ("klokka ei" is no time of day).
HOUR_WORDS: dict[str, int] = {
    word: n
    for word, n in NUMBER_WORDS.items()
    if n <= 12 and " " not in word and word not in ("ei", "et", "a", "an")
}
MINUTE_WORDS: dict[str, int] = {
    "fem": 5,
    "five": 5,
    "ti": 10,
    "ten": 10,
    "kvart": 15,
    "quarter": 15,
    "a quarter": 15,
    "tjue": 20,
    "twenty": 20,
    "tjuefem": 25,
    "twenty-five": 25,
    "twenty five": 25,
}
# "over"/"past" count forward from the hour, "på"/"to" back from it.
MINUTE_AFTER = frozenset("over past after".split())
MINUTE_BEFORE = frozenset("på pa to before".split())
# A spoken hour is a 12-hour clock: one that would fall before 07:00 means the afternoon,
# since nobody plans a meeting at "halv tre" in the night.
OFFICE_HOURS_START = 7

# What a one-letter slip is matched against: the words members type most and whose
# typos would otherwise refuse a good date. Short forms are left out, since a word one
# edit from "mai" or "man" is as likely to be another word.
TYPO_TARGETS = tuple(
    (
        "januar februar mars april juni juli august september oktober november desember "
        "january february march june july october december "
        "mandag tirsdag onsdag torsdag fredag lørdag søndag måndag tysdag laurdag sundag "
        "monday tuesday wednesday thursday friday saturday sunday "
        "morgen morgon imorgen imorgon overmorgen overmorgon overimorgen overimorgon tomorrow"
    ).split()
)

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


def as_typed(text: str, lang: str) -> str:
    """A phrase the member typed, shown back in an answer: in English with its English
    month names capitalised ("31st of February"), in Norwegian as typed ("31. februar")."""
    if lang != "en":
        return text
    return _LETTERS.sub(lambda m: m[0].capitalize() if _english_month(m[0]) else m[0], text)


_LETTERS = re.compile(r"[a-zæøåäö]+")


def _english_month(word: str) -> bool:
    # "feb", "april", "sept" are English as well; "februar", "mars", "okt" are not
    month = MONTHS.get(word)
    if month is None:
        return False
    english = MONTH_NAMES["en"][month - 1].lower()
    return word == english or (word not in _NO_MONTHS and english.startswith(word))
