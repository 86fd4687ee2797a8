"""Conversations with the Teams adapter over real HTTP, against the fake Bot Connector."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from storage.models import Account, Member, TeamsConversation, TeamsPerson
from tests.adapters.teams.harness import TeamsHarness, teams_bot


@pytest.fixture(scope="module")
def teams(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TeamsHarness]:
    """One bot for the module: each test writes as members of its own."""
    with teams_bot(tmp_path_factory.mktemp("teams-e2e")) as harness:
        yield harness


def test_help_in_personal_chat(teams: TeamsHarness) -> None:
    teams.say("hjelp", user="kari")
    answer = teams.fake.wait_for("send", lambda c: c.conversation == "a:personal-kari")
    assert "**horing** —" in answer.text and "**mote** —" in answer.text
    assert answer.body["textFormat"] == "markdown"
    assert "**horing** —" in answer.text  # a heading: the command as a personal chat types it
    with teams.db.transaction() as s:
        member = s.scalar(select(Member).join(Member.accounts).where(Account.platform == "teams"))
        assert member is not None
        # the demo's Kari Nordmann is someone else to the bot until she links this account
        assert (member.accounts[0].external_id, member.name) == (
            "aad-kari",
            "Kari Nordmann (teams aad-kari)",
        )
        assert member.timezone == "Europe/Oslo"
        person = s.scalar(select(TeamsPerson))
        assert person is not None and person.personal_conversation_id == "a:personal-kari"


def test_slash_and_plain_command_words_are_the_same(teams: TeamsHarness) -> None:
    teams.say("/horing liste", user="olav")
    first = teams.fake.wait_for("send", lambda c: c.conversation == "a:personal-olav")
    teams.say("horing liste", user="olav")
    second = teams.fake.wait_for(
        "send", lambda c: c.conversation == "a:personal-olav" and c is not first
    )
    assert first.text == second.text
    assert "høring" in first.text.lower()


def test_answer_in_the_members_language(teams: TeamsHarness) -> None:
    teams.say("hjelp", user="emma", name="Emma Smith", locale="en-GB")
    answer = teams.fake.wait_for("send", lambda c: c.conversation == "a:personal-emma")
    assert "Every" in answer.text or "command" in answer.text.lower()
    assert "kommando" not in answer.text.lower()


def test_teams_en_us_locale_means_english(teams: TeamsHarness) -> None:
    # Slack's en-US tells nothing (everyone has it); Teams' is the member's choice.
    teams.say("hjelp", user="jack", name="Jack Doe", locale="en-US")
    answer = teams.fake.wait_for("send", lambda c: c.conversation == "a:personal-jack")
    assert "Every" in answer.text or "command" in answer.text.lower()
    assert "kommando" not in answer.text.lower()
    with teams.db.transaction() as s:
        jack = s.scalars(
            select(Member).join(Member.accounts).where(Account.external_id.like("%jack"))
        ).one()
        assert jack.language == "en"


def test_channel_mention_is_stripped_and_answered_in_the_thread(teams: TeamsHarness) -> None:
    activity = teams.say_in_channel("horing liste", user="liv")
    answer = teams.fake.wait_for("reply", lambda c: c.body["replyToId"] == activity["id"])
    assert answer.conversation == activity["conversation"]["id"]
    assert answer.body["replyToId"] == activity["id"]
    assert "høring" in answer.text.lower()
    with teams.db.transaction() as s:
        conv = s.scalar(select(TeamsConversation).where(TeamsConversation.kind == "channel"))
        assert conv is not None
        assert conv.conversation_id == "19:infra@thread.tacv2"
        assert conv.service_url == teams.fake.service_url


def test_a_redelivered_activity_runs_once(teams: TeamsHarness) -> None:
    activity = teams.fake.message("hjelp", user="nils", name="Nils Dahl")
    teams.post(activity)
    teams.post(activity)
    teams.fake.wait_for("send", lambda c: c.conversation == "a:personal-nils")
    teams.say("partnerbot meg", user="nils", name="Nils Dahl")  # answered after the first
    teams.fake.wait_for("send", lambda c: c.conversation == "a:personal-nils" and "Nils" in c.text)
    helps = [
        c
        for c in teams.fake.sent("send")
        if c.conversation == "a:personal-nils" and "**horing** —" in c.text
    ]
    assert len(helps) == 1


def test_installing_the_app_in_a_personal_chat_says_hello_and_a_team_install_is_quiet(
    teams: TeamsHarness,
) -> None:
    fake = teams.fake
    teams.post(fake.activity("installationUpdate", user="hanne", action="add", locale="nn-NO"))
    hello = fake.wait_for("send", lambda c: c.conversation == "a:personal-hanne")
    assert "hjelp" in hello.text and "Eg er partnerbot" in hello.text  # nynorsk, as her Teams
    team = fake.activity(
        "conversationUpdate",
        user="hanne",
        conversation="19:general@thread.tacv2",
        conversation_type="channel",
        membersAdded=[{"id": fake.bot_id}],
    )
    teams.post(team)
    teams.say("hjelp", user="hanne")  # answered after the install was handled
    fake.wait_for(
        "send", lambda c: c.conversation == "a:personal-hanne" and "**horing** —" in c.text
    )
    assert not [c for c in fake.calls if c.conversation.startswith("19:general")]
    with teams.db.transaction() as s:
        general = s.scalar(
            select(TeamsConversation).where(
                TeamsConversation.conversation_id == "19:general@thread.tacv2"
            )
        )
        assert general is not None and general.kind == "channel"


def test_an_unknown_word_gets_help_in_the_members_language(teams: TeamsHarness) -> None:
    teams.say("blablabla", user="siv", locale="en-GB")
    answer = teams.fake.wait_for("send", lambda c: c.conversation == "a:personal-siv")
    assert "blablabla" in answer.text and "`horing`" in answer.text and "`mote`" in answer.text
    teams.say_in_channel("", user="siv", locale="en-GB")  # only the mention
    fake_reply = teams.fake.wait_for(
        "reply", lambda c: "`@partnerbot horing" in c.text and "help" in c.text
    )
    assert fake_reply.conversation.startswith("19:infra")


def test_a_message_without_a_sender_is_ignored(teams: TeamsHarness) -> None:
    odd = teams.fake.message("hjelp", user="ghost")
    del odd["from"]
    teams.post(odd)
    teams.say("hjelp", user="after-ghost")  # handled after the odd one
    teams.fake.wait_for("send", lambda c: c.conversation == "a:personal-after-ghost")
    assert not [c for c in teams.fake.calls if c.conversation == "a:personal-ghost"]
    with teams.db.transaction() as s:
        assert (
            s.scalar(select(Member).join(Member.accounts).where(Account.external_id == "")) is None
        )
