"""How many SQL statements a worker sends for one request of each kind in benches/load.py's
mix, from its claim (with the previous row's "done") to its answer: a regression guard
(issue 16, the answer time: the bot's CPU per request bounds it, and every statement
costs a few hundred microseconds of it). A change that adds a statement to one of these
paths must raise its number here, on purpose."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs

import pytest
from sqlalchemy import event, select

from bot.adapters.slack.client import interactive_client, outbox_client
from bot.adapters.slack.handling import SlackBot
from bot.adapters.slack.intake import Kind, incoming
from bot.app import App, build_router
from bot.inbox import Job, Worker
from storage import inbox
from storage.db import Database
from storage.models import Conference, Poll
from tests.adapters.slack import requests as rq
from tests.adapters.slack.fake import FakeSlack
from tests.adapters.slack.seeding import bind_channel, member_with_action, posted
from tests.conftest import make_settings

CHANNEL, MEMBER, ADMIN = "C_INFRA", "U_LOAD01", "U_ADMIN"
# The most statements per request: SQLite (claim and command in BEGIN IMMEDIATE
# transactions, a click's card read in the command's; BEGIN goes to the driver past
# SQLAlchemy, storage/db.py, and is not counted), PostgreSQL (a click's card read after
# the commit, under its advisory lock).
MOST = {
    "sqlite": {
        "vote": 9,
        "rsvp": 13,
        "/horing liste": 6,
        "/tiltak liste": 5,
        "/mote liste": 8,
        "/konferanse liste": 6,
        "/horing ny": 15,
        "/tiltak status": 9,
    },
    "postgresql": {
        "vote": 12,
        "rsvp": 13,
        "/horing liste": 6,
        "/tiltak liste": 5,
        "/mote liste": 8,
        "/konferanse liste": 6,
        "/horing ny": 19,
        "/tiltak status": 9,
    },
}


@dataclass
class Harness:
    """An in-process Slack adapter whose worker runs one stored request at a time."""

    db: Database
    fake: FakeSlack
    bot: SlackBot
    worker: Worker
    sent: list[str] = field(default_factory=list)
    finished: Job | None = None
    stored: int = 0

    def run(self, kind: Kind, raw: str) -> list[str]:
        """Store a request as the front does, run it; the statements the worker sent."""
        form = parse_qs(raw)
        body: dict[str, Any] = (
            json.loads(form["payload"][0])
            if "payload" in form
            else {k: v[0] for k, v in form.items()}
        )
        self.stored += 1
        with self.db.writing() as conn:
            inbox.accept_all(conn, [incoming(kind, body, f"req-{self.stored}")], now=_now())
        self.sent.clear()
        job = self.worker._claim(self.finished)
        assert job is not None
        assert self.worker._run(job)
        self.finished = job
        return list(self.sent)

    def command(self, text: str, user: str = MEMBER) -> list[str]:
        name, _, rest = text.partition(" ")
        url = self.fake.response_url(f"r{self.stored}")
        return self.run(
            "command",
            rq.slash_body(rest, command=name, user_id=user, channel_id=CHANNEL, response_url=url),
        )

    def click(self, value: str, ts: str) -> list[str]:
        url = self.fake.response_url(f"c{self.stored}")
        return self.run(
            "click",
            rq.action_body(
                value, user_id=MEMBER, channel_id=CHANNEL, message_ts=ts, response_url=url
            ),
        )


def _now() -> datetime:
    return datetime.now(UTC)


def _day(days: int) -> str:
    return (_now() + timedelta(days=days)).strftime("%d.%m.%Y")


def seed(db: Database) -> int:
    """C_INFRA bound to the infrastructure network; MEMBER in it, owning an action."""
    with db.transaction() as s:
        net = bind_channel(s, CHANNEL)
        return member_with_action(
            s,
            net,
            user_id=MEMBER,
            name="Last Lastesen",
            organisation=net.organisations[0],
            title="Lasttiltak",
            now=_now(),
        )


@pytest.fixture
def harness(database_url: str) -> Iterator[Harness]:
    db = Database.from_url(database_url)
    with FakeSlack() as fake:
        settings = make_settings(
            database_url,
            SLACK_BOT_TOKEN="xoxb-t",
            SLACK_SIGNING_SECRET="s",
            SLACK_API_URL=fake.api_url,
            PARTNERBOT_ADMINS=ADMIN,
        )
        app = App(settings=settings, db=db, router=build_router(db, settings))
        bot = SlackBot(app, interactive_client(settings), outbox_client(settings))
        h = Harness(db, fake, bot, Worker(db, bot.handle, threads=1, platform="slack"))

        def before(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
            h.sent.append(statement)

        event.listen(db.engine, "before_cursor_execute", before)
        try:
            yield h
        finally:
            event.remove(db.engine, "before_cursor_execute", before)
            db.dispose()


def test_statements_per_request_of_each_kind_in_the_load_mix(harness: Harness) -> None:
    h = harness
    action_id = seed(h.db)
    h.command(f'/mote ny "Lastmøte" tider {_day(10)} kl 10-12, {_day(11)} kl 13-15', ADMIN)
    poll_id, poll_ts = posted(h.bot, h.db, Poll, "Lastmøte", _now())
    h.command(f'/konferanse ny "Lastkonferansen" dato {_day(30)} kl 09-16', ADMIN)
    with h.db.transaction() as s:
        conf_id = s.scalar(select(Conference.id).where(Conference.title == "Lastkonferansen"))
    h.command(f"/konferanse kunngjør {conf_id}", ADMIN)
    conf_id, conf_ts = posted(h.bot, h.db, Conference, "Lastkonferansen", _now())

    requests = {
        "vote": lambda n: h.click(f"/mote svar {poll_id} {n % 2 + 1}:ja", poll_ts),
        "rsvp": lambda n: h.click(
            f"/konferanse {('meld på', 'meld av')[n % 2]} {conf_id}", conf_ts
        ),
        "/horing liste": lambda n: h.command("/horing liste"),
        "/tiltak liste": lambda n: h.command("/tiltak liste"),
        "/mote liste": lambda n: h.command("/mote liste"),
        "/konferanse liste": lambda n: h.command("/konferanse liste"),
        "/horing ny": lambda n: h.command(
            f'/horing ny "Lasthøring {n}" frist {_day(20 + n)} mottakere "Statens vegvesen", LO'
        ),
        "/tiltak status": lambda n: h.command(f"/tiltak status {action_id} pågår fremdrift {n}%"),
    }
    dialect = h.db.engine.dialect.name
    counted: dict[str, int] = {}
    for kind, send in requests.items():
        answers = len(h.fake.calls())
        runs = [len(send(n)) for n in range(4)]
        counted[kind] = max(runs[1:])  # the first may add a row the others change
        assert len(h.fake.calls()) > answers, f"{kind} was not answered"
    assert counted == {k: min(counted[k], most) for k, most in MOST[dialect].items()}, counted
    with h.db.transaction() as s:
        assert not any(inbox.counts(s).get(state) for state in (inbox.PENDING, inbox.FAILED))
