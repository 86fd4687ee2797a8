"""The apology for a bug before the router ran ("something went wrong, nothing was saved") is
in the language a command in that channel is answered in, as the bot's other own words are
(test_own_words_language.py): a newcomer in Vest-Telemark's channel, whom the bot has not
stored yet, reads nynorsk, as the answer to their first command would be."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.adapters.slack.client import interactive_client, outbox_client
from bot.adapters.slack.handling import SlackBot
from bot.app import App
from storage.db import Database, make_engine
from storage.models import ChannelRef, Network
from tests.adapters.slack.fake import FakeSlack
from tests.conftest import DemoTemplate, make_settings, sqlite_url

_n = itertools.count(1)


class BuggyDatabase(Database):
    """A database whose next transaction meets a bug (once: no outage, the apology's own
    read of the member's language works)."""

    bug = False

    def transaction(self):  # type: ignore[no-untyped-def, override]
        self._bug()
        return super().transaction()

    def reading(self):  # type: ignore[no-untyped-def, override]
        self._bug()
        return super().reading()

    def _bug(self) -> None:
        if self.bug:
            self.bug = False
            raise RuntimeError("a bug in the command")


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as f:
        f.users["U_NY"] = {"real_name": "Ny Person"}  # no locale: the channel decides
        yield f


@pytest.fixture
def slack(
    fake: FakeSlack, tmp_path: Path, demo_template: DemoTemplate
) -> Iterator[tuple[SlackBot, BuggyDatabase]]:
    url = sqlite_url(tmp_path)
    db = BuggyDatabase(make_engine(url))
    settings = make_settings(
        url, SLACK_BOT_TOKEN="xoxb-t", SLACK_SIGNING_SECRET="s", SLACK_API_URL=fake.api_url
    )
    app = App.build(settings, db)
    demo_template.load(app)
    with db.transaction() as session:
        network = session.scalar(
            select(Network).join(ChannelRef).where(ChannelRef.channel_id == "#vest-telemark")
        )
        session.add(ChannelRef(platform="slack", channel_id="C_VT", name="vt", network=network))
    yield SlackBot(app, interactive_client(settings), outbox_client(settings)), db
    db.dispose()


def command(bot: SlackBot, fake: FakeSlack, text: str) -> str:
    n = next(_n)
    body: dict[str, Any] = {
        "command": "/tiltak",
        "text": text,
        "user_id": "U_NY",
        "user_name": "ny.person",
        "channel_id": "C_VT",
        "channel_name": "vest-telemark",
        "response_url": fake.response_url(f"r{n}"),
        "trigger_id": f"trigger-{n}",
    }
    bot.on_command(body)
    calls = fake.wait_for("response_url", lambda c: c.path == f"/response/r{n}", timeout=5)
    return calls[0].text


def test_the_apology_for_a_bug_is_in_the_channels_language(
    fake: FakeSlack, slack: tuple[SlackBot, BuggyDatabase]
) -> None:
    bot, db = slack
    db.bug = True  # the first read, the newcomer's profile before the router, meets it
    told = command(bot, fake, "liste")
    assert "Noko gjekk gale hos meg. Ingenting er lagra." in told, told
    # Their first command that runs is answered in nynorsk too.
    assert "ikkje" in command(bot, fake, "vis 999")
