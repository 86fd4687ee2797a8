"""Failure injection with real processes: PostgreSQL stopped mid-run, the Slack Web API
answering 500 for two minutes, two bots sharing one PostgreSQL. Slow (minutes each), so
only ``pytest -m faults`` runs them (.ci/run does, after the PostgreSQL stage)."""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from storage import outbox
from storage.db import Database
from storage.models import Account, AuditEntry, OutboxMessage
from tests.adapters.slack.fake import Call, FakeSlack
from tests.adapters.slack.process import SlackBotProcess, clean_env, partnerbot, start_slack_bot
from tests.pgserver import PgServer, pg_bin

pytestmark = [pytest.mark.faults, pytest.mark.slow]

FEATURES = ("tests.adapters.slack.testfeature",)
CHANNEL = "C_FAULTS"
KEY = re.compile(r"Påminnelse: (fault-\S+)")


@pytest.fixture
def pg() -> Iterator[PgServer]:
    if pg_bin() is None:
        pytest.skip("PostgreSQL binaries (initdb, pg_ctl) not installed")
    with PgServer(max_connections=200) as server:
        yield server


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as f:
        yield f


def prepare(pg: PgServer, folder: Path) -> Database:
    """Schema and demo data on the server, through the real CLI."""
    env = clean_env(DATABASE_URL=pg.url)
    for args in (("db", "upgrade"), ("demo", "--if-empty")):
        r = partnerbot(*args, cwd=folder, env=env)
        assert r.returncode == 0, r.stderr
    return Database.from_url(pg.url)


def schedule(db: Database, keys_due: list[tuple[str, datetime]]) -> None:
    with db.transaction() as session:
        for key, due in keys_due:
            outbox.schedule(
                session,
                key=key,
                kind="testpoll.reminder",
                target=outbox.Target.channel(CHANNEL),
                due_at=due,
                payload={"what": key},
            )


def reminders(fake: FakeSlack) -> list[tuple[str, Call]]:
    """Delivered reminders (HTTP 200, ok) as (key, call)."""
    out = []
    for call in fake.calls("chat.postMessage", ok_only=True):
        m = KEY.search(call.text) if call.channel == CHANNEL else None
        if m:
            out.append((m.group(1), call))
    return out


def wait_all_sent(fake: FakeSlack, keys: set[str], timeout: float) -> Counter[str]:
    deadline = time.monotonic() + timeout
    while True:
        counts = Counter(k for k, _ in reminders(fake))
        if keys <= set(counts) or time.monotonic() > deadline:
            return counts
        time.sleep(0.5)


def assert_each_once(counts: Counter[str], keys: set[str]) -> None:
    missing = sorted(keys - set(counts))
    twice = sorted(k for k, n in counts.items() if n > 1)
    assert not missing, f"{len(missing)} reminders never sent, e.g. {missing[:5]}"
    assert not twice, f"{len(twice)} reminders sent more than once, e.g. {twice[:5]}"
    assert set(counts) == keys


def states(db: Database) -> Counter[str]:
    with db.transaction() as session:
        rows = session.execute(
            select(OutboxMessage.state, func.count())
            .where(OutboxMessage.kind == "testpoll.reminder")
            .group_by(OutboxMessage.state)
        ).all()
        return Counter({state: n for state, n in rows})


def votes(db: Database) -> int:
    with db.transaction() as session:
        return (
            session.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.action == "testpoll.vote")
            )
            or 0
        )


def reply_text(bot: SlackBotProcess, line: str, *, user_id: str, timeout: float = 20) -> str:
    resp, url = bot.command(line, user_id=user_id, user_name=user_id.lower())
    assert resp.status == 200, resp.body
    return bot.replies(url, timeout=timeout)[0].text


def test_postgres_stopped_for_30_seconds(pg: PgServer, fake: FakeSlack, tmp_path: Path) -> None:
    """Commands during the outage answer "prøv igjen" in the member's language and save
    nothing; the bot survives; reminders claimed before and falling due during the outage
    are all sent after it, each once."""
    db = prepare(pg, tmp_path)
    fake.users["U_EN"] = {"real_name": "Emma English", "locale": "en-GB"}
    # Slow sends: the stop lands in the middle of a batch (claimed, partly sent).
    fake.latency["chat.postMessage"] = 0.25
    bot = start_slack_bot(tmp_path, fake, database_url=pg.url, features=FEATURES)
    try:
        assert "Testavstemning" in reply_text(bot, "/testpoll stem", user_id="U_ADMIN")
        assert "Testavstemning" in reply_text(bot, "/testpoll stem", user_id="U_EN")
        assert votes(db) == 2
        t0 = datetime.now(UTC)
        keys_due = [(f"fault-batch-{i}", t0) for i in range(40)]  # ~10 s of sending
        keys_due += [(f"fault-out-{i}", t0 + timedelta(seconds=3 + i)) for i in range(30)]
        schedule(db, keys_due)
        keys = {k for k, _ in keys_due}
        fake.wait_for("chat.postMessage", lambda c: c.channel == CHANNEL, count=3, timeout=20)
        db.dispose()
        pg.stop()
        stopped = time.monotonic()
        during = {
            "U_ADMIN": reply_text(bot, "/testpoll stem", user_id="U_ADMIN"),
            "U_EN": reply_text(bot, "/testpoll stem", user_id="U_EN"),
            "U_NEW": reply_text(bot, "/testpoll stem", user_id="U_NEW"),
        }
        assert "prøv igjen" in during["U_ADMIN"], during
        assert "try again" in during["U_EN"], during
        assert "prøv igjen" in during["U_NEW"], during  # unknown language: the default
        assert bot.proc.poll() is None
        time.sleep(max(0.0, 30 - (time.monotonic() - stopped)))
        assert bot.proc.poll() is None, bot.logs()
        sent_in_outage = len(reminders(fake))
        pg.start()
        back = time.monotonic()
        counts = wait_all_sent(fake, keys, timeout=60)
        assert_each_once(counts, keys)
        assert time.monotonic() - back < 60
        assert len(reminders(fake)) > sent_in_outage
        assert votes(db) == 2, "a command during the outage saved something"
        assert "Testavstemning*: 3 stemmer" in reply_text(bot, "/testpoll stem", user_id="U_EN")
        assert states(db) == Counter({"sent": len(keys)})
        # Nothing more arrives later: a reminder scheduled now is posted after every row
        # the dispatcher had in hand, so a late duplicate would be there by then.
        assert "Husker etter" in reply_text(bot, "/testpoll husk etter", user_id="U_ADMIN")
        fake.wait_for("chat.postMessage", lambda c: c.channel == "C_REMIND", timeout=20)
        assert_each_once(Counter(k for k, _ in reminders(fake)), keys)
        assert bot.proc.poll() is None
    finally:
        bot.stop()
        db.dispose()


def test_slack_answers_500_for_two_minutes(pg: PgServer, fake: FakeSlack, tmp_path: Path) -> None:
    """Reminders that fall due while chat.postMessage answers 500 are delivered soon after
    Slack is back, none twice."""
    db = prepare(pg, tmp_path)
    bot = start_slack_bot(tmp_path, fake, database_url=pg.url, features=FEATURES)
    try:
        outage = 120.0
        fake.down("chat.postMessage", outage)
        started = time.monotonic()
        t0 = datetime.now(UTC)
        keys_due = [(f"fault-slack-{i}", t0 + timedelta(seconds=1 + 4 * i)) for i in range(30)]
        schedule(db, keys_due)
        keys = {k for k, _ in keys_due}
        counts = wait_all_sent(fake, keys, timeout=outage + 150)
        took = time.monotonic() - started
        assert_each_once(counts, keys)
        failed = [c for c in fake.calls("chat.postMessage") if c.status == 500]
        assert failed, "the outage was not seen"
        assert all(c.at >= started + outage - 1 for _, c in reminders(fake))
        # Backoff 30 s, 1, 2 min: a row that fails just before Slack is back (e.g. due at
        # 29 s: tries at 29, 59 and 119 s) tries again 2 min later, at the next tick (1 s).
        assert took < outage + 120 + 10, f"delivered {took - outage:.0f} s after Slack came back"
        assert states(db) == Counter({"sent": len(keys)})
        assert bot.proc.poll() is None
    finally:
        bot.stop()
        db.dispose()


def test_two_bots_on_one_postgres_send_2000_reminders_once(
    pg: PgServer, fake: FakeSlack, tmp_path: Path
) -> None:
    """2,000 reminders falling due over five minutes, two `partnerbot slack` processes:
    each reminder is posted exactly once, and both processes posted some."""
    db = prepare(pg, tmp_path)
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
    bots = [
        start_slack_bot(
            tmp_path / name,
            fake,
            database_url=pg.url,
            features=FEATURES,
            env={"SLACK_BOT_TOKEN": f"xoxb-{name}"},
        )
        for name in ("one", "two")
    ]
    try:
        span, n = 290.0, 2000
        t0 = datetime.now(UTC) + timedelta(seconds=5)
        keys_due = [(f"fault-two-{i:04d}", t0 + timedelta(seconds=span * i / n)) for i in range(n)]
        schedule(db, keys_due)
        keys = {k for k, _ in keys_due}
        # Members keep using both bots meanwhile; each new member's first command goes to
        # both at once (their first-contact inserts race).
        deadline = time.monotonic() + 5 + span
        asked: list[tuple[SlackBotProcess, str]] = []
        k = 0
        while time.monotonic() < deadline:
            k += 1
            for b in bots:
                resp, url = b.command("/testpoll stem", user_id=f"U_NEW{k}", user_name=f"ny{k}")
                assert resp.status == 200
                asked.append((b, url))
            time.sleep(5)
        counts = wait_all_sent(fake, keys, timeout=60)
        assert_each_once(counts, keys)
        by_token = Counter(c.headers.get("authorization", "") for _, c in reminders(fake))
        assert by_token["Bearer xoxb-one"] > 0 and by_token["Bearer xoxb-two"] > 0, by_token
        assert states(db) == Counter({"sent": n})
        assert all(b.proc.poll() is None for b in bots)
        answers = [b.replies(url)[0].text for b, url in asked]
        assert all("Testavstemning" in a for a in answers), [
            a for a in answers if "Testavstemning" not in a
        ][:3]
        assert votes(db) == len(asked)
        with db.transaction() as session:
            names = session.scalars(
                select(Account.external_id).where(Account.external_id.like("U_NEW%"))
            ).all()
            assert sorted(names) == sorted({f"U_NEW{i}" for i in range(1, k + 1)})
    finally:
        for b in bots:
            b.stop()
        db.dispose()
