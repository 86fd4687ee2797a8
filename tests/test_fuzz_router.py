"""Fuzzing every command and verb through the router: no bug escapes, every reply is a
message in the member's language, and the database stays consistent."""

from __future__ import annotations

import logging
import random
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from bot.i18n import t
from tests.helpers import TestBot

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
NASTY = [
    '"', "«", "»", "“", '""', "#0", "#-1", "#99999999999", "-1", "0", "99999999999999999999",
    "1e9", "'; DROP TABLE members; --", "' OR 1=1 --", "%s", "{}", "{0}", "{name}", "\\",
    "🙂", "🇳🇴", "\u202eevil", "مرحبا", "\x00", "\x1b[31m", "\t", "\u200b", "NaN", "null",
    "x" * 300, "31.02", "32.13", "kl 25", "i morgen", "15.09", "torsdag 5. mars kl 10",
    "om 3 minutter", "14d,7d", "2t", "alle", "ja", "nei", "kanskje", "1:ja", "9:nei", "40%",
    "101%", "infrastruktur", "NAV", "Kari Nordmann", "<@U000>", "https://example.org/x",
]
MEMBERS = ["Ingrid Berg", "Kari Nordmann", "Ola Nordmann", "Tone Haugen", "Ukjent Person"]


def vocabulary(bot: TestBot) -> list[tuple[str, list[str], list[str]]]:
    """(command prefix, keyword words, flag words) for every verb of every group."""
    out = []
    for grp in bot.app.router.groups.values():
        for verb in grp.verbs:
            words = [w for names in verb.keywords.values() for w in names] + list(verb.keywords)
            flags = [w for names in verb.flags.values() for w in names]
            for name in verb.names[:2]:
                out.append((f"/{grp.name} {name}", words, flags))
        out.append((f"/{grp.name}", [], []))
    return out


def mutate(rng: random.Random, line: str) -> str:
    chars = list(line)
    for _ in range(rng.randint(1, 3)):
        op = rng.random()
        pos = rng.randrange(len(chars) + 1)
        if op < 0.4:
            chars[pos:pos] = list(rng.choice(NASTY))
        elif op < 0.7 and chars:
            del chars[min(pos, len(chars) - 1)]
        else:
            chars[pos:pos] = [rng.choice("\"«» #:,;.-0123456789")]
    return "".join(chars)


def check_consistent(bot: TestBot) -> None:
    with bot.app.db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"


@pytest.fixture
def fuzz_bot(bot: TestBot, caplog: pytest.LogCaptureFixture) -> TestBot:
    caplog.set_level(logging.ERROR, logger="bot.router")
    return bot


def run_case(bot: TestBot, caplog: pytest.LogCaptureFixture, line: str, who: str,
             step: int) -> None:
    reply = bot.run(line, as_=who, now=NOW + timedelta(minutes=step))
    bugs = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not bugs, f"{line!r} as {who}: {bugs[0].getMessage()}\n{bugs[0].exc_text}"
    assert reply.strip(), f"{line!r} gave an empty reply"
    assert reply not in {t("error.unexpected", lang) for lang in ("nb", "nn", "en")}


def test_mutated_commands_never_crash(fuzz_bot: TestBot, caplog: pytest.LogCaptureFixture) -> None:
    rng = random.Random(20260302)
    vocab = vocabulary(fuzz_bot)
    for step in range(7000):
        prefix, words, flags = rng.choice(vocab)
        parts = [prefix]
        for _ in range(rng.randint(0, 6)):
            pool = rng.random()
            if pool < 0.35 and words:
                parts.append(rng.choice(words))
            elif pool < 0.45 and flags:
                parts.append(rng.choice(flags))
            else:
                parts.append(rng.choice(NASTY))
        line = " ".join(parts)
        if rng.random() < 0.5:
            line = mutate(rng, line)
        run_case(fuzz_bot, caplog, line, rng.choice(MEMBERS), step)
    check_consistent(fuzz_bot)


@settings(max_examples=3000, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_generated_text_after_every_verb(fuzz_bot: TestBot, caplog: pytest.LogCaptureFixture,
                                         data: st.DataObject) -> None:
    vocab = vocabulary(fuzz_bot)
    prefix, _, _ = data.draw(st.sampled_from(vocab))
    tail = data.draw(st.text(max_size=80))
    who = data.draw(st.sampled_from(MEMBERS))
    run_case(fuzz_bot, caplog, f"{prefix} {tail}", who, 0)
