"""A member's first two commands arriving at once: both are served, one member is created."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import bot.router as router_module
from bot.app import App
from bot.messages import Command
from storage.db import Database
from storage.models import Member
from tests.conftest import make_settings


def command(user: str) -> Command:
    return Command(
        platform="slack",
        user_id=user,
        user_name=user,
        channel_id="C1",
        channel_name="#general",
        name="partnerbot",
        text="hjelp",
        locale="en-GB",
    )


def test_a_concurrent_first_contact_uses_the_member_the_other_command_created(
    any_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = App.build(make_settings(str(any_db.engine.url)), any_db)
    now = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    assert "Here is what I can help with" in app.router.handle(command("U1"), now=now).plain()
    # The twin command looked before the first one's insert was committed: it saw nobody.
    real = router_module.find_member
    calls: list[str] = []

    def stale_first_look(session: Session, platform: str, user_id: str) -> Member | None:
        calls.append(user_id)
        return None if len(calls) == 1 else real(session, platform, user_id)

    monkeypatch.setattr(router_module, "find_member", stale_first_look)
    reply = app.router.handle(command("U1"), now=now).plain()
    assert "Here is what I can help with" in reply
    with any_db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Member)) == 1
