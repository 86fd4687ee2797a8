"""Fuzzing every command and verb through the router: no bug escapes, every reply is a
message in the member's language, and the database stays consistent."""

from __future__ import annotations

import logging
import os
import random
import re
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from bot.i18n import CATALOG, LANGUAGES, t
from bot.languages import member_language
from bot.messages import from_notation, plain_text
from bot.router import find_member
from handlers import hearing_reminders
from storage.models import (
    Action,
    Conference,
    Goal,
    Hearing,
    Meeting,
    Network,
    OutboxMessage,
    Poll,
    PollSlot,
    Registration,
    Vote,
)
from tests.helpers import TestBot

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
NASTY = [
    '"',
    "«",
    "»",
    "“",
    '""',
    "#0",
    "#-1",
    "#99999999999",
    "-1",
    "0",
    "99999999999999999999",
    "1e9",
    "'; DROP TABLE members; --",
    "' OR 1=1 --",
    "%s",
    "{}",
    "{0}",
    "{name}",
    "\\",
    "🙂",
    "🇳🇴",
    "\u202eevil",
    "مرحبا",
    "\x00",
    "\x1b[31m",
    "\t",
    "\u200b",
    "NaN",
    "null",
    "x" * 300,
    "31.02",
    "32.13",
    "kl 25",
    "i morgen",
    "15.09",
    "torsdag 5. mars kl 10",
    "om 3 minutter",
    "14d,7d",
    "2t",
    "alle",
    "ja",
    "nei",
    "kanskje",
    "1:ja",
    "9:nei",
    "40%",
    "101%",
    "infrastruktur",
    "NAV",
    "Kari Nordmann",
    "<@U000>",
    "https://example.org/x",
]
# Languages: Ingrid and Kari bokmål (partnership), Tone nynorsk (her partnership's),
# Ola nynorsk and Jon English (their profile), Ukjent Person the bot's default on first contact.
MEMBERS = [
    "Ingrid Berg",
    "Kari Nordmann",
    "Ola Nordmann",
    "Tone Haugen",
    "Jon Bakke",
    "Ukjent Person",
]
PROFILE_LANGUAGES = {"Ola Nordmann": "nn", "Jon Bakke": "en"}
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_MIN_FRAGMENT = 14  # shorter pieces ("Frist", "Status: ") are shared by accident


def _fragments(text: str) -> set[str]:
    return {f.strip() for f in _PLACEHOLDER.split(text) if len(f.strip()) >= _MIN_FRAGMENT}


BOKMAL_SHORT_FORMS = ("har svart", "hadde svart", "ikkje svart")


def foreign_fragments() -> dict[str, list[str]]:
    """For each language, the pieces of the other languages' texts that occur in none of its
    own texts: one of them in a reply means part of it was written in the wrong language."""
    own_texts = {
        lang: [plain_text(from_notation(e.get(lang) or e["nb"])) for e in CATALOG.values()]
        for lang in LANGUAGES
    }
    out: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        own = "\x00".join(own_texts[lang])
        pieces = {
            f
            for other in LANGUAGES
            if other != lang
            for text in own_texts[other]
            for f in _fragments(text)
        }
        out[lang] = sorted(f for f in pieces if f not in own)
    # Bokmål verb forms too short to be a fragment: "svare" is an a-verb in nynorsk.
    out["nn"] = sorted({*out["nn"], *BOKMAL_SHORT_FORMS})
    return out


FOREIGN = foreign_fragments()


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
            chars[pos:pos] = [rng.choice('"«» #:,;.-0123456789')]
    return "".join(chars)


def check_consistent(bot: TestBot, now: datetime) -> None:
    with bot.app.db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    with bot.app.db.transaction() as session:
        check_invariants(session, bot, now)


def check_invariants(session: Session, bot: TestBot, now: datetime) -> None:
    """What the models cannot say by foreign keys alone."""
    for poll in session.scalars(select(Poll)):
        assert poll.slots, f"poll #{poll.id} has no slots"
        assert poll.state in ("open", "closed"), poll.state
    for vote in session.scalars(select(Vote)):
        slot = session.get(PollSlot, vote.slot_id)
        assert slot is not None and slot.poll_id == vote.poll_id, (
            f"vote {vote.id} on a foreign slot"
        )
        assert vote.answer in ("yes", "maybe", "no"), vote.answer
    for conf in session.scalars(select(Conference)):
        by_status: dict[str, int] = {}
        for reg in conf.registrations:
            by_status[reg.status] = by_status.get(reg.status, 0) + 1
        registered, waiting = by_status.get("registered", 0), by_status.get("waitlisted", 0)
        if conf.seats is None:
            assert not waiting, f"conference #{conf.id} has no seat limit but a waitlist"
        else:
            assert registered <= conf.seats, f"conference #{conf.id}: {registered} > {conf.seats}"
            assert not waiting or registered == conf.seats, (
                f"conference #{conf.id}: {waiting} waiting while seats are free"
            )
    for action in session.scalars(select(Action)):
        if action.goal is not None:
            assert action.goal.network_id == action.network_id, f"action #{action.id}"
        assert action.progress is None or 0 <= action.progress <= 100, action.progress
    for hearing in session.scalars(select(Hearing)):
        answered = [a for a in hearing.addressees if a.answered_at is not None]
        assert len({a.organisation_id for a in hearing.addressees}) == len(hearing.addressees)
        assert all(a.answered_at is not None for a in hearing.addressees if a.answered_by)
        assert len(answered) <= len(hearing.addressees)
        if (
            hearing.state != "open"
            or hearing.network_id is None
            or not hearing_reminders.unanswered(hearing)
        ):
            continue
        # Every reminder still ahead is waiting in the outbox: a hearing is never half-made.
        pending = {
            r.key for r in hearing_reminders.reminder_rows(session, hearing) if r.state == "pending"
        }
        tz = bot.app.settings.tz
        for token, due in hearing_reminders.reminder_times(
            hearing.deadline, hearing.reminder_offsets or "", tz
        ):
            if due > now:
                key = hearing_reminders.reminder_key(hearing, token)
                assert key in pending, f"hearing #{hearing.id} lacks its reminder {key}"
    models = {
        "hearing": Hearing,
        "poll": Poll,
        "conference": Conference,
        "action": Action,
        "meeting": Meeting,
        "network": Network,
        "goal": Goal,
    }
    rows = session.scalars(select(OutboxMessage).where(OutboxMessage.state == "pending"))
    for row in rows:
        model = models.get(row.object_type or "")
        if model is not None and row.object_id is not None:
            assert session.get(model, row.object_id) is not None, (
                f"outbox row {row.key} for a {row.object_type} that is gone"
            )
    assert (
        session.scalar(
            select(func.count())
            .select_from(Registration)
            .where(Registration.status.not_in(("registered", "waitlisted", "maybe", "cancelled")))
        )
        == 0
    )


@pytest.fixture
def fuzz_bot(bot: TestBot, caplog: pytest.LogCaptureFixture) -> TestBot:
    caplog.set_level(logging.ERROR, logger="bot.router")
    with bot.app.db.transaction() as session:
        for name, lang in PROFILE_LANGUAGES.items():
            member = find_member(session, "console", name)
            assert member is not None
            member.language = lang
    return bot


def language_of(bot: TestBot, who: str) -> str:
    """The member's language as the router would choose it now (a fuzzed `språk` may change it)."""
    with bot.app.db.transaction() as session:
        member = find_member(session, bot.platform, who)
        if member is None:
            return bot.app.settings.language
        return member_language(member, bot.app.settings)


def assert_in_language(
    reply: str, lang: str, context: str, typed: str = "", quoted: set[str] | None = None
) -> None:
    """No other language's text in ``reply``, but for what the member ``typed`` (a reply
    may quote it: "«*Kommende møter*» is not a language I know") or anyone typed before
    (``quoted``: an action titled "*Upcoming meetings*" in a later list)."""
    seen = quoted or set()
    wrong = [f for f in FOREIGN[lang] if f in reply and f not in typed and f not in seen]
    assert not wrong, f"{context}: reply in {lang} has other languages' text {wrong[:3]}\n{reply}"


# Mutated command lines per run: 7,000 in CI (HYPOTHESIS_PROFILE=ci, `make test-props`, a
# stage of its own), 800 in make test (a smoke run of 6 s of CPU instead of 15: the ci
# stage runs the thousands), in runs of 1,750 / 400 on a bot each (seeds 0, 1, ...): the
# workers share them out.
MUTATIONS = 7000 if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else 800
RUNS = 4 if MUTATIONS > 2000 else 2

QUOTED: dict[int, set[str]] = {}
"""Other languages' fragments typed into each fuzzed bot so far, by id(bot)."""


def run_case(
    bot: TestBot, caplog: pytest.LogCaptureFixture, line: str, who: str, step: int
) -> None:
    reply = bot.run(line, as_=who, now=NOW + timedelta(minutes=step))
    # A reply may list what anyone typed before (a title made by an earlier example).
    quoted = QUOTED.setdefault(id(bot), set())
    quoted.update(f for fragments in FOREIGN.values() for f in fragments if f in line)
    bugs = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not bugs, f"{line!r} as {who}: {bugs[0].getMessage()}\n{bugs[0].exc_text}"
    assert reply.strip(), f"{line!r} gave an empty reply"
    assert reply not in {t("error.unexpected", lang) for lang in LANGUAGES}
    assert_in_language(
        reply, language_of(bot, who), f"{line!r} as {who}", typed=line, quoted=quoted
    )


@pytest.mark.slow  # thousands of commands: make test runs it, make test-fast does not
@pytest.mark.props  # .ci/run runs it again with the ci profile: 7,000 commands
@pytest.mark.parametrize("run", range(RUNS))
def test_mutated_commands_never_crash(
    fuzz_bot: TestBot, caplog: pytest.LogCaptureFixture, run: int
) -> None:
    rng = random.Random(20260302 + run)
    vocab = vocabulary(fuzz_bot)
    steps = MUTATIONS // RUNS
    for step in range(steps):
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
        if step % 1000 == 999:
            check_consistent(fuzz_bot, NOW + timedelta(minutes=step))
    check_consistent(fuzz_bot, NOW + timedelta(minutes=steps))


@settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_generated_text_after_every_verb(
    fuzz_bot: TestBot, caplog: pytest.LogCaptureFixture, data: st.DataObject
) -> None:
    vocab = vocabulary(fuzz_bot)
    prefix, _, _ = data.draw(st.sampled_from(vocab))
    tail = data.draw(st.text(max_size=80))
    who = data.draw(st.sampled_from(MEMBERS))
    run_case(fuzz_bot, caplog, f"{prefix} {tail}", who, 0)


def test_foreign_fragments_catch_a_reply_in_the_wrong_language() -> None:
    """The language check can fail: a bokmål text sent to an English member is caught."""
    text_nb = plain_text(t("help.intro", "nb"))
    assert_in_language(plain_text(t("help.intro", "en")), "en", "en")
    with pytest.raises(AssertionError):
        assert_in_language(text_nb, "en", "nb text to en")
    with pytest.raises(AssertionError):
        assert_in_language(plain_text(t("error.database", "nb")), "nn", "nb text to nn")
    with pytest.raises(AssertionError):  # the bokmål participle in a nynorsk answer
        assert_in_language("Ingen har svart enno.", "nn", "nb verb form to nn")
    assert len(FOREIGN["nn"]) > 100 and len(FOREIGN["en"]) > 100


def test_a_title_typed_earlier_is_not_a_wrong_language_text(
    fuzz_bot: TestBot, caplog: pytest.LogCaptureFixture
) -> None:
    """Found by hypothesis (ci profile): an action titled '*Upcoming meetings*' made by one
    example is listed by a later '/tiltak liste' in nynorsk (the check without what was
    typed before would call it English)."""
    run_case(fuzz_bot, caplog, '/tiltak ny "Upcoming meetings"', "Kari Nordmann", 0)
    run_case(fuzz_bot, caplog, "/tiltak liste", "Ola Nordmann", 1)
    listing = fuzz_bot.run("/tiltak liste", as_="Ola Nordmann")
    assert "Upcoming meetings" in listing
    with pytest.raises(AssertionError):
        assert_in_language(listing, "nn", "no quote")
