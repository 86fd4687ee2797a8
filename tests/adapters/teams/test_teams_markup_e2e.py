"""Teams through its real adapter: help shows commands the way the conversation types them,
and a mention of a person in a command is that person's account (never their name)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from storage.models import Account, Member
from tests.adapters.teams.harness import TeamsHarness, teams_bot


@pytest.fixture(scope="module")
def teams(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TeamsHarness]:
    with teams_bot(tmp_path_factory.mktemp("teams-markup")) as harness:
        yield harness


def test_help_in_a_personal_chat_shows_commands_without_a_slash(teams: TeamsHarness) -> None:
    teams.say("horing hjelp", user="siri", name="Siri Dahl")
    answer = teams.fake.wait_for("send", lambda c: c.conversation == "a:personal-siri")
    assert "`horing liste`" in answer.text and "`/horing" not in answer.text
    assert answer.text.startswith("**horing** — ")  # the heading too
    assert "/horing" not in answer.text


def test_help_in_a_channel_shows_commands_after_the_bots_name(teams: TeamsHarness) -> None:
    teams.say_in_channel(
        "horing hjelp", user="siri", name="Siri Dahl", channel="19:help@thread.tacv2"
    )
    answer = teams.fake.wait_for("reply", lambda c: c.conversation.startswith("19:help@thread"))
    assert "`@partnerbot horing liste`" in answer.text and "`/horing" not in answer.text
    assert answer.text.startswith("**@partnerbot horing** — ")  # the heading too
    assert "/horing" not in answer.text


def test_a_mentioned_person_is_their_teams_account(teams: TeamsHarness) -> None:
    teams.say("meg", user="kari", name="Kari Nordmann")  # Kari writes once: a member
    teams.fake.wait_for("send", lambda c: c.conversation == "a:personal-kari")
    activity = teams.fake.channel_message(
        "partnerbot medlem ny KARI rolle organisator partnerskap Vestfold",
        user="ingrid",
        name="Ingrid Berg",
    )
    activity["text"] = activity["text"].replace("KARI", "<at>Kari</at>")
    activity["entities"].append(
        {
            "type": "mention",
            "mentioned": {"id": "29:kari", "name": "Kari", "aadObjectId": "aad-kari"},
            "text": "<at>Kari</at>",
        }
    )
    teams.post(activity)
    answer = teams.fake.wait_for("reply", lambda c: "Kari Nordmann" in c.text)
    assert "organisator" in answer.text
    with teams.db.transaction() as s:
        karis = s.execute(
            select(Account.external_id, Member.role)
            .join(Member, Member.id == Account.member_id)
            .where(Account.platform == "teams", Member.name.like("Kari%"))
        ).all()
        assert [tuple(row) for row in karis] == [("aad-kari", "organiser")]
