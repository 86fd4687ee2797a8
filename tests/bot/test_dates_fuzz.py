"""Fuzz bot.dates with random, mutated and date-word strings: only DateParseError may escape.

Members paste anything into a date field; a crash there is a bug, a refusal is an answer.
How fast a phrase is read is measured in benches/dates.py (p50/p99/max on the same kind
of text), not asserted here: the test machine is shared and busy.
"""

from __future__ import annotations

import random
import re
from datetime import datetime
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import dates as D
from bot import datewords as W

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Oslo"))
LANGS = ("nb", "nn", "en")
PLACEHOLDER = re.compile(r"\{\w*\}")

SEEDS = [
    "torsdag 5. mars kl 10",
    "15.09",
    "frist 30.04",
    "i morgen kl 9",
    "neste veke",
    "om to uker",
    "tysdag 10-12, torsdag 13-15",
    "5/3-27",
    "2026-03-19T14:30",
    "kl 9.30",
    "2pm",
    "fredag neste uke kl 10",
    "førstkommande måndag",
    "5th of March",
    "in two weeks",
    "om 3 minutter",
    "uke 12",
    "i overmorgon",
    "onsdag 13:00–15:00",
    "1t30m",
    "14d,7d,2h",
    "last friday",
    "March 5, 2027",
    "laurdag 7. mars kl. 11.15",
    "om ei veke",
    "første mandag i desember kl 10-12",
    "siste fredag i mai",
    "i slutten av mars",
    "fredag kl halv ti",
    "ti på halv to",
    "julaften",
    "2. påskedag",
    "uke 50",
    "fredag den 4.",
    "8.12 kl 10-12 og 9.12 kl 10-12",
    "tirsdag og torsdag neste uke kl 13-15",
    "i morgn kl 10",
]
ALPHABET = "0123456789 .,:;/-–kltmdhuwøæåKLamp\n" + "abcdefghijklmnopqrstuvwxyz"
PIECES = [
    "kl",
    "kl.",
    " ",
    ".",
    ":",
    "-",
    "om",
    "neste",
    "mars",
    "fredag",
    "i morgen",
    "99",
    "0",
    "2026",
    "am",
    "pm",
    "uke",
    "dager",
    ",",
    ";",
    "\n",
    "–",
    "31",
    "29.02",
]


def check(text: str, now: datetime = NOW, deadline: bool = False) -> None:
    """Every entry point either answers or refuses with texts in all three languages."""
    for call in (
        lambda: D.parse_when(text, now=now, deadline=deadline),
        lambda: D.parse_slots(text, now=now),
        lambda: D.parse_duration(text),
        lambda: D.parse_offsets(text),
    ):
        try:
            result = call()
        except D.DateParseError as err:
            assert err.key.startswith("dates.")
            for lang in LANGS:
                message = err.message(lang)
                assert message.strip(), (text, err.key, lang)
                # An unfilled "{placeholder}" is a bug, unless the member typed one.
                assert not PLACEHOLDER.search(message) or PLACEHOLDER.search(text)
        else:
            if isinstance(result, datetime):
                assert result.tzinfo is not None and hasattr(result, "has_time")
            if isinstance(result, datetime) or (
                isinstance(result, list) and result and isinstance(result[0], D.Slot)
            ):
                for lang in LANGS:  # the echo's notes render, every placeholder filled
                    for line in D.note_lines(result, lang):  # type: ignore[arg-type]
                        assert line.strip() and not PLACEHOLDER.search(line), (text, line)


@settings(deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(alphabet=ALPHABET, max_size=40) | st.text(max_size=30))
def test_random_text_never_crashes(text: str) -> None:
    check(text)


# Words and pieces of the date grammar, so that random phrases reach its deeper rules
# (ordinal weekdays, named days, spoken times, weeks, slots sharing a time).
DATE_WORDS = sorted(
    set(W.WEEKDAYS)
    | set(W.MONTHS)
    | set(W.NAMED_DAYS)
    | set(W.ORDINALS)
    | set(W.MONTH_PARTS)
    | set(W.MONTH_PART_PREFIXES)
    | set(W.HOUR_WORDS)
    | set(W.MINUTE_WORDS)
    | set(W.RELATIVE_DAYS)
    | set(W.NEXT_WORDS)
    | set(W.LAST_WORDS)
    | {"halv", "over", "på", "to", "past", "i", "av", "of", "om", "in", "den", "the", "og"}
    | {"and", "uke", "veke", "week", "måned", "month", "kl", "klokka", "o'clock", "ago"}
    | {"mellom", "fra", "til", "-", ",", "\n", "10-12", "13:00–15:00", "1400", "5.3", "2.12.26"}
)
date_words = st.sampled_from(DATE_WORDS) | st.integers(0, 3000).map(str)
# A one-letter slip in a date word, as typed on a phone.
slipped = st.tuples(
    st.sampled_from(DATE_WORDS), st.integers(0, 12), st.sampled_from("aeiourst")
).map(lambda t: t[0][: t[1]] + t[2] + t[0][t[1] + 1 :])
phrases = st.lists(date_words | slipped, min_size=1, max_size=8).map(" ".join)
nows = st.datetimes(min_value=datetime(2001, 1, 1), max_value=datetime(2120, 1, 1)).map(
    lambda dt: dt.replace(tzinfo=NOW.tzinfo)
)


@settings(deadline=None, suppress_health_check=list(HealthCheck))
@given(phrases, nows, st.booleans())
def test_date_words_in_any_order_never_crash(text: str, now: datetime, deadline: bool) -> None:
    check(text, now, deadline)


def _mutate(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 4)):
        op = rng.random()
        pos = rng.randint(0, len(chars))
        if op < 0.3 and chars:
            del chars[min(pos, len(chars) - 1)]
        elif op < 0.55:
            chars[pos:pos] = rng.choice(ALPHABET)
        elif op < 0.8:
            chars[pos:pos] = rng.choice(PIECES)
        elif chars:
            i = min(pos, len(chars) - 1)
            chars[i] = str(rng.randint(0, 99)) if chars[i].isdigit() else chars[i].upper()
    return "".join(chars)


def test_mutated_phrases_never_crash() -> None:
    rng = random.Random(20260302)  # seeded: a failure can be replayed
    for _ in range(7000):
        text = rng.choice(SEEDS)
        for _ in range(rng.randint(0, 2)):
            text = _mutate(rng, text)
        check(text)
