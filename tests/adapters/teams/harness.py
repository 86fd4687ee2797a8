"""A whole Teams bot in this process on loopback: the web app (bot/web) on uvicorn with
POST /api/messages, the Teams runtime (inbox worker, ticker) with its connector clients
pointed at a FakeConnector, on a fresh SQLite file with the demo partnerships. Tests talk
to it only over HTTP, as Teams would."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import pytest

from bot import demo
from bot.adapters.teams.handling import TeamsBot
from bot.adapters.teams.run import TeamsRuntime
from bot.app import App
from bot.web.app import build_web_app
from storage.db import Database
from storage.models import Base
from tests.adapters.teams.fake_connector import FakeConnector
from tests.adapters.teams.server import bound_socket, serving, url_of
from tests.conftest import make_settings, sqlite_url


class TeamsHarness:
    def __init__(self, fake: FakeConnector, bot: TeamsBot, url: str) -> None:
        self.fake = fake
        self.bot = bot
        self.url = url + "/api/messages"

    @property
    def db(self) -> Database:
        return self.bot.db

    def post(self, activity: dict[str, Any], **kw: Any) -> dict[str, Any]:
        status, body = self.fake.post(self.url, activity, **kw)
        assert status == 200, (status, body)
        return activity

    def say(self, text: str, **kw: Any) -> dict[str, Any]:
        """A member types ``text`` in their personal chat with the bot."""
        return self.post(self.fake.message(text, **kw))

    def say_in_channel(self, text: str, **kw: Any) -> dict[str, Any]:
        """A member writes ``@partnerbot text`` in a channel."""
        return self.post(self.fake.channel_message(text, **kw))


@contextmanager
def teams_bot(
    tmp_path: Path,
    *,
    admins: str = "aad-ingrid",
    database: type[Database] = Database,
    **settings_extra: object,
) -> Iterator[TeamsHarness]:
    """``database``: another Database class (tests.helpers.FlakyDatabase: one to stop)."""
    with ExitStack() as stack:
        fake = stack.enter_context(FakeConnector())
        monkeypatch = stack.enter_context(pytest.MonkeyPatch.context())
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", fake.ca_file)
        sock = bound_socket()
        settings = make_settings(
            sqlite_url(tmp_path),
            PARTNERBOT_ADMINS=admins,
            PARTNERBOT_PUBLIC_URL=url_of(sock),
            **fake.env(),
            **settings_extra,
        )
        db = database.from_url(settings.database_url)
        stack.callback(db.dispose)
        Base.metadata.create_all(db.engine)
        demo.load(db, settings)
        app = App.build(settings, db)
        runtime = TeamsRuntime(app)
        runtime.start()
        stack.callback(runtime.stop)
        web = build_web_app(db, runtime.routes())
        url = stack.enter_context(serving(web, sock))
        yield TeamsHarness(fake, runtime.bot, url)
