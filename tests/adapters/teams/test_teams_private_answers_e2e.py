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

from storage import inbox
from storage.models import Conference, InboxRequest
from tests.adapters.slack.process import wait_until
from tests.adapters.teams.fake_connector import Call
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


def all_done(teams: TeamsHarness) -> bool:
    with teams.db.transaction() as s:
        states = s.scalars(select(InboxRequest.state).where(InboxRequest.platform == "teams"))
        return all(state == inbox.DONE for state in states)


def feeds_sent(teams: TeamsHarness, conversation: str) -> list[Call]:
    sent = teams.fake.sent("send")
    return [c for c in sent if c.conversation == conversation and "webcal://" in c.text]


def test_a_note_the_thread_refuses_for_good_is_not_sent_to_the_personal_chat(
    teams: TeamsHarness,
) -> None:
    """The answer is in the personal chat; "I have sent it in our personal chat" does not
    follow it there when the thread refuses it."""
    before = len(feeds_sent(teams, "a:personal-ingrid"))
    teams.fake.fail_next("reply", status=403, retry_after=None, conversation=CHANNEL)
    teams.say_in_channel("partnerbot kalender", **INGRID)
    wait_until(lambda: all_done(teams), what="the command's inbox row to be done")
    assert len(feeds_sent(teams, "a:personal-ingrid")) == before + 1
    notes = [
        c
        for c in teams.fake.sent("send")
        if c.conversation == "a:personal-ingrid" and "personlige chatten" in c.text
    ]
    assert notes == []


def test_a_note_the_thread_cannot_take_now_does_not_send_the_answer_again(
    teams: TeamsHarness,
) -> None:
    """The note failed for a passing reason: the job was handed back to its worker, which
    would send the private answer a second time after its lease."""
    before = len(feeds_sent(teams, "a:personal-ingrid"))
    for _ in range(3):  # the first try and the interactive client's two retries
        teams.fake.fail_next("reply", status=502, retry_after=None, conversation=CHANNEL)
    teams.say_in_channel("partnerbot kalender", **INGRID)
    wait_until(lambda: all_done(teams), what="the command's inbox row to be done")
    assert len(feeds_sent(teams, "a:personal-ingrid")) == before + 1


def test_a_member_whose_personal_chat_cannot_be_opened_is_told_where_to_ask(
    teams: TeamsHarness,
) -> None:
    teams.say("partnerbot medlem ny aad-per nettverk infrastruktur", **INGRID)
    teams.fake.wait_for("send", lambda c: "aad-per er lagt til" in c.text)
    teams.fake.fail_next("create", status=403, retry_after=None)
    asked = teams.say_in_channel("partnerbot kalender", user="per", name="Per Lie")
    told = teams.fake.wait_for("reply", lambda c: c.body.get("replyToId") == asked["id"])
    assert "Svaret er bare for deg" in told.text, told.text
    assert "start en chat med partnerbot og spør der" in told.text, told.text
    assert "webcal://" not in told.text
