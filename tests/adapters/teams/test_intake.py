"""Teams activities in the inbox: stored once under Teams' retry-stable key, claimed only
by Teams' worker, one member's activities in order; SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.adapters.teams.intake import Intake, request_key
from storage import inbox
from storage.db import Database

NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
LEASE = timedelta(seconds=60)


def activity(n: int, user: str = "kari", conversation: str = "a:personal-kari") -> dict:
    return {
        "type": "message",
        "id": f"act-{n}",
        "text": f"melding {n}",
        "from": {"id": f"29:{user}", "aadObjectId": f"aad-{user}"},
        "conversation": {"id": conversation, "conversationType": "personal"},
    }


def test_a_redelivered_activity_is_stored_once(any_db: Database) -> None:
    woken: list[bool] = []
    intake = Intake(any_db, lambda: woken.append(True), clock=lambda: NOW)
    assert intake.store(activity(1)) is True
    assert intake.store(activity(1)) is False
    assert woken == [True]
    assert request_key(activity(1)) == "teams:a:personal-kari:act-1"


def test_teams_rows_are_claimed_by_teams_in_each_members_order(any_db: Database) -> None:
    intake = Intake(any_db, clock=lambda: NOW)
    with any_db.transaction() as s:
        inbox.accept(
            s,
            key="slack:trigger:1",
            platform="slack",
            kind="command",
            member="U1",
            body={"text": "x"},
            now=NOW,
        )
    intake.store(activity(1))
    intake.store(activity(2))
    intake.store(activity(3, user="per", conversation="a:personal-per"))
    with any_db.transaction() as s:
        first = inbox.claim(s, now=NOW, lease=LEASE, platform="teams")
        second = inbox.claim(s, now=NOW, lease=LEASE, platform="teams")
        third = inbox.claim(s, now=NOW, lease=LEASE, platform="teams")
    assert first is not None and first.body["id"] == "act-1"
    # Kari's second waits for her first; Per's is next.
    assert second is not None and second.body["id"] == "act-3"
    assert third is None
    with any_db.transaction() as s:
        slack = inbox.claim(s, now=NOW, lease=LEASE, platform="slack")
    assert slack is not None and slack.platform == "slack"
