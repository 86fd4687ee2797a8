"""A one-time code is used once even when two type it at the same moment (SQLite and
PostgreSQL, real threads through the router)."""

from __future__ import annotations

import re
import threading
from datetime import UTC, datetime

from sqlalchemy import select

from bot import demo
from bot.app import App
from bot.messages import Command
from storage.db import Database
from storage.models import Account, Member
from tests.conftest import make_settings
from tests.helpers import TestBot

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def test_two_typing_one_code_at_once_link_one_account(any_db: Database) -> None:
    app = App.build(make_settings(str(any_db.engine.url)), any_db)
    demo.load(app.db, app.settings, now=NOW)
    found = re.search(r"\d{6}", TestBot(app).run("/partnerbot koble", as_="Ola Nordmann", now=NOW))
    assert found
    start = threading.Barrier(2)
    replies: dict[str, str] = {}

    def redeem(user_id: str) -> None:
        command = Command("slack", user_id, user_id, "C1", "partnerbot", f"koble {found[0]}")
        start.wait()
        replies[user_id] = app.router.handle(command, now=NOW).plain()

    threads = [threading.Thread(target=redeem, args=(u,)) for u in ("U_ONE", "U_TWO")]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    linked = [u for u, r in replies.items() if r.startswith("Koblet")]
    assert len(linked) == 1, replies
    with any_db.transaction() as s:
        ola = s.scalar(
            select(Member).join(Member.accounts).where(Account.external_id == "Ola Nordmann")
        )
        assert ola is not None
        assert [(a.platform, a.external_id) for a in ola.accounts] == [
            ("console", "Ola Nordmann"),
            ("slack", linked[0]),
        ]
