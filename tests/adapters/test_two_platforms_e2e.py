"""Slack and Teams in one process, as `partnerbot serve` runs them: one web app with both
fronts, both runtimes, one database. A hearing made in a Teams channel reminds there
through the fake Bot Connector, one made in a Slack channel through the fake Slack; each
platform's dispatcher sends only its own."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot import demo
from bot.adapters.slack.intake import Intake
from bot.adapters.slack.run import SlackRuntime, http_routes
from bot.adapters.teams.run import TeamsRuntime
from bot.app import App
from bot.web.app import build_web_app
from storage.db import Database
from storage.models import Base, Hearing, OutboxMessage
from tests.adapters.slack import requests as slack_requests
from tests.adapters.slack.fake import FakeSlack
from tests.adapters.slack.process import wait_until
from tests.adapters.teams.fake_connector import FakeConnector
from tests.adapters.teams.server import bound_socket, serving, url_of
from tests.conftest import make_settings, sqlite_url

OSLO = ZoneInfo("Europe/Oslo")
TEAMS_CHANNEL = "19:infra@thread.tacv2"
SLACK_CHANNEL = "C_UTENFOR"
INGRID = {"user": "ingrid", "name": "Ingrid Berg"}


@dataclass
class Both:
    db: Database
    slack: SlackRuntime
    teams: TeamsRuntime
    fake_slack: FakeSlack
    connector: FakeConnector
    url: str

    def slash(self, text: str, *, command: str = "/partnerbot") -> None:
        body = slack_requests.slash_body(
            text,
            command=command,
            channel_id=SLACK_CHANNEL,
            channel_name="utenforskap",
            response_url=self.fake_slack.response_url(),
        )
        assert slack_requests.post(self.url + "/slack/events", body).status == 200

    def in_teams_channel(self, text: str) -> None:
        activity = self.connector.channel_message(text, **INGRID)
        status, body = self.connector.post(self.url + "/api/messages", activity)
        assert status == 200, (status, body)


@pytest.fixture
def both(tmp_path: Path) -> Iterator[Both]:
    with ExitStack() as stack:
        connector = stack.enter_context(FakeConnector())
        fake_slack = stack.enter_context(FakeSlack())
        monkeypatch = stack.enter_context(pytest.MonkeyPatch.context())
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", connector.ca_file)
        sock = bound_socket()
        settings = make_settings(
            sqlite_url(tmp_path),
            PARTNERBOT_ADMINS="aad-ingrid,U_ADMIN",
            PARTNERBOT_PUBLIC_URL=url_of(sock),
            SLACK_BOT_TOKEN="xoxb-test",
            SLACK_SIGNING_SECRET=slack_requests.SECRET,
            SLACK_API_URL=fake_slack.api_url,
            **connector.env(),
        )
        db = Database.from_url(settings.database_url)
        stack.callback(db.dispose)
        Base.metadata.create_all(db.engine)
        demo.load(db, settings)
        app = App.build(settings, db)
        slack, teams = SlackRuntime(app), TeamsRuntime(app)
        for runtime in (slack, teams):
            runtime.start()
            stack.callback(runtime.stop)
        routes = [
            *http_routes(slack.bot, Intake(db, slack.worker.wake)),
            *teams.routes(),
        ]
        url = stack.enter_context(serving(build_web_app(db, routes), sock))
        yield Both(db, slack, teams, fake_slack, connector, url)


def day(days: int) -> str:
    return (datetime.now(OSLO) + timedelta(days=days)).strftime("%d.%m.%Y")


def first_reminder(db: Database, title: str) -> datetime:
    def find() -> datetime | None:
        with db.transaction() as s:
            hearing = s.scalar(select(Hearing.id).where(Hearing.title == title))
            if hearing is None:
                return None
            return s.scalar(
                select(OutboxMessage.due_at)
                .where(OutboxMessage.object_type == "hearing", OutboxMessage.object_id == hearing)
                .order_by(OutboxMessage.due_at)
            )

    return wait_until(find, what=f"the first reminder of «{title}»")


def test_each_platform_sends_its_own_networks_hearing_reminder(both: Both) -> None:
    both.in_teams_channel("partnerbot koble nettverk infrastruktur")
    both.connector.wait_for(
        "send", lambda c: c.conversation == TEAMS_CHANNEL and "koblet" in c.text
    )
    both.slash("koble nettverk utenforskap")
    wait_until(
        lambda: any(SLACK_CHANNEL in str(c.body) for c in both.fake_slack.calls()) or None,
        what="Slack told the channel is bound",
    )
    both.in_teams_channel(
        f'horing ny "Teams-høringen" frist {day(20)} fra "Viken fylkeskommune" '
        'mottakere "Horten kommune"'
    )
    both.slash(
        f'ny "Slack-høringen" frist {day(20)} fra "Viken fylkeskommune" mottakere "Horten kommune"',
        command="/horing",
    )
    due = max(first_reminder(both.db, "Teams-høringen"), first_reminder(both.db, "Slack-høringen"))
    teams_before = len(both.connector.sent("send"))
    slack_before = len(both.fake_slack.calls("chat.postMessage"))

    at = due + timedelta(seconds=1)
    both.teams.bot.dispatcher.dispatch_due(at)
    both.slack.bot.dispatcher.dispatch_due(at)

    to_teams = [c for c in both.connector.sent("send")[teams_before:] if c.status < 300]
    to_slack = both.fake_slack.calls("chat.postMessage", ok_only=True)[slack_before:]
    # (the answers to the commands may still be arriving: only reminders are counted)
    # (a hearing's own announcement lists its "Påminnelser": the reminder starts with ⏳)
    teams_reminders = [c for c in to_teams if "⏳ Påminnelse:" in c.text]
    slack_reminders = [c for c in to_slack if "⏳ Påminnelse:" in str(c.body)]
    assert [(c.conversation, "Teams-høringen" in c.text) for c in teams_reminders] == [
        (TEAMS_CHANNEL, True)
    ]
    assert [(c.channel, "Slack-høringen" in str(c.body)) for c in slack_reminders] == [
        (SLACK_CHANNEL, True)
    ]
    with both.db.transaction() as s:
        sent = s.execute(
            select(OutboxMessage.platform, OutboxMessage.target_type, OutboxMessage.state).where(
                OutboxMessage.object_type == "hearing", OutboxMessage.due_at == due
            )
        ).all()
    assert ("teams", "network", "sent") in sent and ("slack", "network", "sent") in sent
