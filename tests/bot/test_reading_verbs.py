"""Verbs that only read run in a reading transaction (storage/db.py: Database.reading): on
SQLite it holds no write lock, so a front stores a request while a long read runs."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from bot.adapters.slack.intake import Intake
from bot.app import App
from bot.context import Context
from bot.grammar import Args
from bot.inbox import Job
from bot.messages import Command, Reply
from bot.router import Verb
from storage import inbox
from storage.models import Account, Hearing
from tests.helpers import TestBot

# One example per verb marked reads_only, on the demo data, as an existing member.
EXAMPLES = {
    ("horing", "liste"): "liste",
    ("horing", "vis"): "vis 1",
    ("tiltak", "mål"): "mål",
    ("tiltak", "liste"): "liste",
    ("tiltak", "eksport"): "eksport",
    ("tiltak", "vis"): "vis 1",
    ("konferanse", "vis"): "vis 1",
    ("konferanse", "liste"): "liste",
    ("konferanse", "deltakere"): "deltakere 1",
    ("konferanse", "ics"): "ics 1",
    ("mote", "vis"): "vis 1",
    ("mote", "liste"): "liste",
    ("partnerbot", "hjelp"): "hjelp",
    ("partnerbot", "nettverk"): "nettverk",
    ("partnerbot", "meg"): "meg",
    ("partnerbot", "oversikt"): "oversikt",
    ("partnerbot", "hjem"): "hjem",
}
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "BEGIN IMMEDIATE")


@pytest.fixture
def statements(app: App) -> Iterator[list[str]]:
    """Every statement SQLite runs on a connection taken from the pool while the test
    runs, as SQLite traces it (BEGIN is sent past SQLAlchemy: storage/db.py)."""
    seen: list[str] = []

    def checkout(dbapi_conn, record, proxy):  # type: ignore[no-untyped-def]
        dbapi_conn.set_trace_callback(seen.append)

    def checkin(dbapi_conn, record):  # type: ignore[no-untyped-def]
        dbapi_conn.set_trace_callback(None)

    event.listen(app.db.engine.pool, "checkout", checkout)
    event.listen(app.db.engine.pool, "checkin", checkin)
    yield seen
    event.remove(app.db.engine.pool, "checkout", checkout)
    event.remove(app.db.engine.pool, "checkin", checkin)


def test_every_verb_marked_reads_only_writes_nothing(
    bot: TestBot, app: App, statements: list[str]
) -> None:
    marked = {
        (group.name, verb.names[0])
        for group in app.router.groups.values()
        for verb in group.verbs
        if verb.reads_only
    }
    assert marked == set(EXAMPLES)  # a verb newly marked gets an example here
    bot.run("/partnerbot meg", as_="Kari Nordmann")  # she exists: nothing left to create
    for (group, _), text in EXAMPLES.items():
        statements.clear()
        reply = bot.reply(f"/{group} {text}", as_="Kari Nordmann")
        written = [s for s in statements if s.lstrip().upper().startswith(WRITES)]
        assert written == [], f"/{group} {text}"
        assert statements[0] == "BEGIN"  # one deferred transaction, not run twice
        assert statements.count("BEGIN") == 1
        assert reply.plain() and "Beklager" not in reply.plain()


def test_a_new_members_first_read_is_run_again_to_create_them(
    bot: TestBot, app: App, statements: list[str]
) -> None:
    out = bot.run("/horing liste", as_="Ny Person")
    assert out.startswith("Åpne høringer")
    assert any(s.startswith("INSERT INTO members") for s in statements)
    assert statements.count("BEGIN IMMEDIATE") == 1
    with app.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Account)) >= 1
        assert session.scalar(select(Account.external_id).where(Account.external_id == "Ny Person"))


def test_a_within_that_writes_after_a_read_runs_the_command_again_to_write(
    bot: TestBot, app: App, statements: list[str]
) -> None:
    bot.run("/partnerbot meg", as_="Kari Nordmann")
    statements.clear()

    def within(session: Session, reply: Reply) -> None:  # writes, whatever it is given
        inbox.accept(
            session, key="k1", platform="console", kind="command", member="m", body={}, now=now()
        )

    reply = app.router.handle(command("horing", "liste", "Kari Nordmann"), now=now(), within=within)
    assert reply.plain().startswith("Åpne høringer")
    assert statements.count("BEGIN") == 1 and statements.count("BEGIN IMMEDIATE") == 1
    assert statements.index("BEGIN") < statements.index("BEGIN IMMEDIATE")
    with app.db.reading() as session:
        assert inbox.counts(session) == {"pending": 1}


def claimed_job(app: App) -> Job:
    with app.db.transaction() as session:
        inbox.accept(
            session, key="k1", platform="console", kind="command", member="m", body={}, now=now()
        )
        found = inbox.claim(session, now=now(), lease=timedelta(minutes=1))
    assert found is not None
    return Job(app.db, found)


def test_a_read_records_nothing_its_done_comes_with_the_next_claim(
    bot: TestBot, app: App, statements: list[str]
) -> None:
    bot.run("/partnerbot meg", as_="Kari Nordmann")
    job = claimed_job(app)
    statements.clear()
    reply = app.router.handle(
        command("horing", "liste", "Kari Nordmann"), now=now(), within=job.record
    )
    assert reply.plain().startswith("Åpne høringer") and job.settle(reply) is reply
    assert job.recorded
    assert not [s for s in statements if s.lstrip().upper().startswith(WRITES)]
    with app.db.transaction() as session:
        assert inbox.counts(session) == {"pending": 1}  # run again after a crash: reads again
        inbox.mark_done(session, job.claimed.id, job.claimed.token, now=now())
        assert inbox.counts(session) == {"done": 1}


def test_a_read_that_posts_in_the_channel_is_recorded_as_ran(
    bot: TestBot, app: App, statements: list[str]
) -> None:
    """A crashed worker may have posted it: a row that ran is answered by looking for its
    post first, not by posting it again."""

    def announce(ctx: Context, args: Args) -> Reply:
        return Reply.text("til kanalen", visibility="channel")

    app.router.group("kunngjor").add(Verb(("nå",), announce, reads_only=True))
    bot.run("/partnerbot meg", as_="Kari Nordmann")
    job = claimed_job(app)
    statements.clear()
    reply = app.router.handle(
        command("kunngjor", "nå", "Kari Nordmann"), now=now(), within=job.record
    )
    assert reply.visibility == "channel" and job.recorded
    assert statements.count("BEGIN IMMEDIATE") == 1
    with app.db.reading() as session:
        assert inbox.counts(session) == {"ran": 1}


def test_the_front_stores_a_request_while_a_long_read_runs(bot: TestBot, app: App) -> None:
    reading, release = threading.Event(), threading.Event()
    finished = threading.Event()

    def long_read(ctx: Context, args: Args) -> Reply:
        ctx.session.scalar(select(func.count()).select_from(Hearing))  # a read is under way
        reading.set()
        release.wait(30)  # only a guard: the test sets it as soon as it has stored
        return Reply.text("lest")

    app.router.group("vent").add(Verb(("lang",), long_read, reads_only=True))
    replies: list[Reply] = []
    worker = threading.Thread(
        target=lambda: (
            replies.append(app.router.handle(command("vent", "lang", "Kari Nordmann"), now=now())),
            finished.set(),
        )
    )
    worker.start()
    assert reading.wait(30)
    stored = Intake(app.db).store("command", {"user_id": "U1", "trigger_id": "t1", "text": "x"})
    stored_while_reading = not finished.is_set()
    release.set()
    worker.join()
    assert stored and stored_while_reading
    assert [r.plain() for r in replies] == ["lest"]
    with app.db.reading() as session:
        assert inbox.counts(session) == {"pending": 1}


def command(group: str, text: str, user: str) -> Command:
    return Command(
        platform="console",
        user_id=user,
        user_name=user,
        channel_id="#infrastruktur",
        channel_name="#infrastruktur",
        name=group,
        text=text,
    )


def now() -> datetime:
    return datetime.now(UTC)


def test_a_members_language_is_read_without_the_write_lock(
    bot: TestBot, app: App, statements: list[str]
) -> None:
    bot.run("/partnerbot språk nn", as_="Kari Nordmann")
    statements.clear()
    assert app.router.language_of("console", "Kari Nordmann") == "nn"
    assert "BEGIN" in statements and "BEGIN IMMEDIATE" not in statements
