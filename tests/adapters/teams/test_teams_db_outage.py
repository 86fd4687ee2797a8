"""The Teams adapter while the database is unreachable: a member's message gets a clear
"try again" at once, in their language, as a Slack member's command does
(tests/adapters/slack/test_slack_db_outage.py); nothing of it is kept, and the bot serves
again afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.adapters.teams.intake import request_key
from storage.models import InboxRequest
from tests.adapters.teams.fake_connector import Call
from tests.adapters.teams.harness import TeamsHarness, teams_bot
from tests.helpers import FlakyDatabase

NILS = {"user": "nils", "name": "Nils Dahl", "locale": "nn-NO"}


@pytest.fixture
def teams(tmp_path: Path) -> Iterator[TeamsHarness]:
    with teams_bot(tmp_path, database=FlakyDatabase) as harness:
        yield harness


def stored(teams: TeamsHarness, activity: dict[str, object]) -> bool:
    with teams.db.transaction() as s:
        key = request_key(activity)
        return s.scalar(select(InboxRequest.id).where(InboxRequest.key == key)) is not None


def test_a_message_while_the_database_is_down_says_try_again_in_the_members_language(
    teams: TeamsHarness,
) -> None:
    db = teams.db
    assert isinstance(db, FlakyDatabase)
    teams.say("partnerbot meg", **NILS)
    teams.fake.wait_for("send", lambda c: c.conversation == "a:personal-nils")
    db.down = True
    try:
        # Teams is answered 200 (not an error it would send again) and the member is told.
        mine = teams.say("horing liste", **NILS)
        told = teams.fake.wait_for(
            "send", lambda c: c.conversation == "a:personal-nils" and "databasen" in c.text
        )
        assert "Eg får ikkje kontakt med databasen" in told.text, told.text
        # In a channel, in the thread of the message; a member never seen: their Teams'.
        there = teams.say_in_channel("horing liste", user="emma", name="Emma", locale="en-GB")
        in_thread = teams.fake.wait_for("reply", lambda c: c.body.get("replyToId") == there["id"])
        assert "I cannot reach the database" in in_thread.text, in_thread.text
    finally:
        db.down = False
    earlier = {id(c) for c in teams.fake.sent("send")}
    teams.say("partnerbot meg", **NILS)
    teams.fake.wait_for(
        "send", lambda c: c.conversation == "a:personal-nils" and id(c) not in earlier
    )
    assert not stored(teams, mine) and not stored(teams, there)  # "nothing was saved"


CHANNEL = "19:infra@thread.tacv2"


def notices_for(teams: TeamsHarness, activity: dict[str, object]) -> list[Call]:
    return [c for c in teams.fake.sent("reply") if c.body.get("replyToId") == activity["id"]]


def test_a_slow_teams_gets_the_notice_once_and_its_200_without_waiting_for_it(
    teams: TeamsHarness,
) -> None:
    """The notice is sent inside Teams' request: with the interactive retries a slow
    connector made Teams send the message again (after about 15 s), and the member read
    the notice two or three times. It is tried once, with a short timeout."""
    db = teams.db
    assert isinstance(db, FlakyDatabase)
    db.down = True
    try:
        released = teams.fake.hold_next("reply", conversation=CHANNEL)
        try:
            slow = teams.say_in_channel("horing liste", user="emma", name="Emma", locale="en-GB")
        finally:
            released.set()
        teams.fake.wait_for("reply", lambda c: c.body.get("replyToId") == slow["id"])
        teams.fake.fail_next("reply", status=502, retry_after=None, conversation=CHANNEL)
        # A notice Teams refused surely did not arrive: Teams gets the error and sends the
        # message again (one that timed out may have arrived, so that one gets its 200).
        failing = teams.fake.channel_message(
            "horing liste", user="emma", name="Emma", locale="en-GB"
        )
        status, _ = teams.fake.post(teams.url, failing)
    finally:
        db.down = False
    assert [c.status for c in notices_for(teams, slow)] == [200]
    assert [c.status for c in notices_for(teams, failing)] == [502]
    assert status >= 500, status
