"""What only the asker may read never lands in a Teams channel's thread, where everyone in
the channel reads it: a Slack member gets it as an ephemeral message; a Teams member gets
it in their personal chat with the bot, and the thread says where it went. A conference's
participants (their notes to the organiser: food, allergies) and a private calendar feed's
address are such answers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from storage.models import Conference
from tests.adapters.slack.process import wait_until
from tests.adapters.teams.harness import TeamsHarness, teams_bot

CHANNEL = "19:infra@thread.tacv2"
INGRID = {"user": "ingrid", "name": "Ingrid Berg"}


@pytest.fixture(scope="module")
def teams(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TeamsHarness]:
    with teams_bot(tmp_path_factory.mktemp("teams-private")) as harness:
        harness.say_in_channel("partnerbot koble nettverk infrastruktur", **INGRID)
        harness.fake.wait_for("send", lambda c: c.conversation == CHANNEL and "koblet" in c.text)
        harness.say("partnerbot medlem ny aad-siri nettverk infrastruktur", **INGRID)
        harness.fake.wait_for("send", lambda c: "aad-siri er lagt til" in c.text)
        yield harness


def test_a_conferences_participants_go_to_the_organisers_personal_chat(
    teams: TeamsHarness,
) -> None:
    title = "Samling med matønske"
    day = (datetime.now(ZoneInfo("Europe/Oslo")) + timedelta(days=30)).strftime("%d.%m.%Y")
    teams.say_in_channel(f'konferanse ny "{title}" dato {day} kl 09-15', **INGRID)

    def made() -> int | None:
        with teams.db.transaction() as s:
            return s.scalar(select(Conference.id).where(Conference.title == title))

    conference = wait_until(made, what="the conference")
    teams.say_in_channel(f"konferanse kunngjør {conference}", **INGRID)
    teams.fake.wait_for("send", lambda c: c.conversation == CHANNEL and "Invitasjon" in c.text)
    teams.say(f'konferanse meld på {conference} merknad "nøtteallergi"', user="siri")
    teams.fake.wait_for("send", lambda c: c.conversation == "a:personal-siri" and title in c.text)

    asked = teams.say_in_channel(f"konferanse deltakere {conference}", **INGRID)
    listing = teams.fake.wait_for(
        "send", lambda c: c.conversation == "a:personal-ingrid" and "nøtteallergi" in c.text
    )
    assert "/files/" in listing.text  # the CSV's link too
    in_thread = teams.fake.wait_for("reply", lambda c: c.body.get("replyToId") == asked["id"])
    assert "sendt det i den personlige chatten vår" in in_thread.text, in_thread.text
    leaked = [c for c in teams.fake.calls if c.conversation.startswith("19:") and "nøtte" in c.text]
    assert leaked == []


def test_a_private_calendar_feed_is_not_shown_in_the_channel(teams: TeamsHarness) -> None:
    asked = teams.say_in_channel("partnerbot kalender", **INGRID)
    feed = teams.fake.wait_for(
        "send", lambda c: c.conversation == "a:personal-ingrid" and "webcal://" in c.text
    )
    assert "kalender" in feed.text.lower()
    in_thread = teams.fake.wait_for("reply", lambda c: c.body.get("replyToId") == asked["id"])
    assert "webcal://" not in in_thread.text
    assert "sendt det i den personlige chatten vår" in in_thread.text, in_thread.text
