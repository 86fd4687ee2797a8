"""Web fixtures: the demo bot with PARTNERBOT_PUBLIC_URL set, and the web app in-process."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from bot.app import App
from bot.web.app import build_web_app
from bot.web.routes import page_routes
from storage.db import Database
from tests.conftest import DemoTemplate, make_settings
from tests.helpers import TestBot

PUBLIC = "https://partnerbot.example.no"


@pytest.fixture
def web_bot(any_db: Database, demo_template: DemoTemplate) -> TestBot:
    """The demo on SQLite, and on PostgreSQL when PARTNERBOT_TEST_PG_URL is set."""
    settings = make_settings(
        any_db.engine.url.render_as_string(hide_password=False),
        PARTNERBOT_PUBLIC_URL=PUBLIC,
        PARTNERBOT_WEB_POSTS_PER_MINUTE=30,
    )
    app = App.build(settings, any_db)
    demo_template.load(app)
    return TestBot(app)


@pytest.fixture
def client(web_bot: TestBot) -> Iterator[TestClient]:
    app = build_web_app(web_bot.app.db, page_routes(web_bot.app.db, web_bot.app.settings))
    with TestClient(app, base_url=PUBLIC, follow_redirects=False) as c:
        yield c


def link_path(text: str) -> str:
    """The path of the first link under PUBLIC in a reply."""
    found = re.search(re.escape(PUBLIC) + r"(/\S+)", text)
    assert found, text
    return found.group(1)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html[:500]
    return found.group(1)
