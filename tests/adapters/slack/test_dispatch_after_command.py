"""The dispatch loop is woken after a command only when the command queued a message due
now (an announcement, a reminder due at once): a vote or a list, which queue nothing,
leave the outbox to the ticker."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.adapters.slack.client import interactive_client, outbox_client
from bot.adapters.slack.handling import SlackBot
from bot.app import App, build_router
from storage.db import Database
from storage.models import Base
from tests.adapters.slack import testfeature
from tests.adapters.slack.fake import FakeSlack
from tests.conftest import make_settings, sqlite_url

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@pytest.fixture
def slack(tmp_path: Path) -> Iterator[tuple[SlackBot, FakeSlack]]:
    url = sqlite_url(tmp_path)
    db = Database.from_url(url)
    Base.metadata.create_all(db.engine)
    with FakeSlack() as fake:
        settings = make_settings(
            url, SLACK_BOT_TOKEN="xoxb-t", SLACK_SIGNING_SECRET="s", SLACK_API_URL=fake.api_url
        )
        app = App(settings=settings, db=db, router=build_router(db, settings, [testfeature]))
        bot = SlackBot(
            app, interactive_client(settings), outbox_client(settings), clock=lambda: NOW
        )
        yield bot, fake
    db.dispose()


def command(bot: SlackBot, fake: FakeSlack, text: str, n: int) -> None:
    body: dict[str, Any] = {
        "command": "/testpoll",
        "text": text,
        "user_id": "U_ONE",
        "user_name": "one",
        "channel_id": "C1",
        "channel_name": "general",
        "response_url": fake.response_url(f"r{n}"),
    }
    bot.on_command(body)


def woken(bot: SlackBot) -> bool:
    was = bot.dispatching._due.is_set()
    bot.dispatching._due.clear()
    return was


def test_only_a_command_that_queued_something_due_wakes_the_dispatch(
    slack: tuple[SlackBot, FakeSlack],
) -> None:
    bot, fake = slack
    command(bot, fake, "merk a", 1)
    assert not woken(bot)  # nothing queued
    command(bot, fake, "husk b", 2)
    assert woken(bot)  # a reminder due at once
    command(bot, fake, "ukjent verb", 3)
    assert not woken(bot)  # refused: nothing saved, nothing queued
