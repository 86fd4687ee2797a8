"""The Slack adapter while the database is unreachable: a member's command gets a clear
"try again" in their language, nothing is saved, and the bot serves again afterwards."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.adapters.slack.client import interactive_client, outbox_client
from bot.adapters.slack.handling import SlackBot
from bot.app import App
from storage.db import make_engine
from storage.models import Base, Member
from tests.adapters.slack.fake import FakeSlack
from tests.conftest import make_settings, sqlite_url
from tests.helpers import FlakyDatabase

_n = itertools.count(1)


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as f:
        f.users["U_NN"] = {"real_name": "Nils Nynorsk", "locale": "nn-NO"}
        f.users["U_EN"] = {"real_name": "Emma English", "locale": "en-GB"}
        yield f


@pytest.fixture
def slack(fake: FakeSlack, tmp_path: Path) -> Iterator[tuple[SlackBot, FlakyDatabase]]:
    url = sqlite_url(tmp_path)
    db = FlakyDatabase(make_engine(url))
    Base.metadata.create_all(db.engine)
    settings = make_settings(
        url, SLACK_BOT_TOKEN="xoxb-t", SLACK_SIGNING_SECRET="s", SLACK_API_URL=fake.api_url
    )
    app = App.build(settings, db)
    yield SlackBot(app, interactive_client(settings), outbox_client(settings)), db
    db.dispose()


def command(bot: SlackBot, fake: FakeSlack, text: str, user_id: str) -> str:
    n = next(_n)
    body: dict[str, Any] = {
        "command": "/partnerbot",
        "text": text,
        "user_id": user_id,
        "user_name": user_id.lower(),
        "channel_id": "C1",
        "channel_name": "general",
        "response_url": fake.response_url(f"r{n}"),
        "trigger_id": f"trigger-{n}",
    }
    bot.on_command(body)
    calls = fake.wait_for("response_url", lambda c: c.path == f"/response/r{n}", timeout=5)
    return calls[0].text


def members(db: FlakyDatabase) -> int:
    with db.transaction() as session:
        return session.scalar(select(func.count()).select_from(Member)) or 0


def test_a_command_while_the_database_is_down_says_try_again_in_the_members_language(
    fake: FakeSlack, slack: tuple[SlackBot, FlakyDatabase]
) -> None:
    bot, db = slack
    command(bot, fake, "hjelp", "U_NN")
    command(bot, fake, "hjelp", "U_EN")
    assert members(db) == 2
    db.down = True
    assert "Eg får ikkje kontakt med databasen" in command(bot, fake, "hjelp", "U_NN")
    assert "I cannot reach the database" in command(bot, fake, "hjelp", "U_EN")
    assert "prøv igjen" in command(bot, fake, "hjelp", "U_NEW")  # never seen: the default
    db.down = False
    assert members(db) == 2, "nothing is saved during the outage"
    assert "Here is what I can help with" in command(bot, fake, "hjelp", "U_EN")


def test_the_database_failing_inside_the_command_also_says_try_again(
    fake: FakeSlack, slack: tuple[SlackBot, FlakyDatabase]
) -> None:
    bot, db = slack
    command(bot, fake, "hjelp", "U_EN")
    db.fail_after(0)  # the database goes inside the command's own transaction
    assert "I cannot reach the database" in command(bot, fake, "hjelp", "U_EN")
