"""Fuzz bot.dates with 10,000 random and mutated strings: only DateParseError may escape.

Members paste anything into a date field; a crash there is a bug, a refusal is an answer.
"""

from __future__ import annotations

import random
import re
from datetime import datetime
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import dates as D

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


def check(text: str) -> None:
    """Every entry point either answers or refuses with texts in all three languages."""
    for call in (
        lambda: D.parse_when(text, now=NOW),
        lambda: D.parse_slots(text, now=NOW),
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


@settings(deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(alphabet=ALPHABET, max_size=40) | st.text(max_size=30))
def test_random_text_never_crashes(text: str) -> None:
    check(text)


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
