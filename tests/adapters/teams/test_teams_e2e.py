"""Conversations with the Teams adapter over real HTTP, against the fake Bot Connector."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from storage.models import Member, TeamsConversation, TeamsPerson
from tests.adapters.teams.harness import TeamsHarness, teams_bot


@pytest.fixture
def teams(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TeamsHarness]:
    with teams_bot(tmp_path, monkeypatch) as harness:
        yield harness


def test_help_in_personal_chat(teams: TeamsHarness) -> None:
    teams.say("hjelp", user="kari")
    answer = teams.fake.wait_for("send", lambda c: c.conversation == "a:personal-kari")
    assert "/horing" in answer.text and "/mote" in answer.text
    assert answer.body["textFormat"] == "markdown"
    assert "**/horing**" in answer.text  # Slack-style *bold* became Teams markdown
    with teams.db.transaction() as s:
        member = s.scalar(select(Member).where(Member.platform == "teams"))
        assert member is not None
        assert (member.external_id, member.name) == ("aad-kari", "Kari Nordmann")
        assert member.timezone == "Europe/Oslo"
        person = s.scalar(select(TeamsPerson))
        assert person is not None and person.personal_conversation_id == "a:personal-kari"


def test_slash_and_plain_command_words_are_the_same(teams: TeamsHarness) -> None:
    teams.say("/horing liste", user="kari")
    first = teams.fake.wait_for("send")
    teams.say("horing liste", user="kari")
    second = teams.fake.wait_for("send", lambda c: c is not first)
    assert first.text == second.text
    assert "høring" in first.text.lower()


def test_answer_in_the_members_language(teams: TeamsHarness) -> None:
    teams.say("hjelp", user="emma", name="Emma Smith", locale="en-GB")
    answer = teams.fake.wait_for("send", lambda c: c.conversation == "a:personal-emma")
    assert "Every" in answer.text or "command" in answer.text.lower()
    assert "kommando" not in answer.text.lower()


def test_channel_mention_is_stripped_and_answered_in_the_thread(teams: TeamsHarness) -> None:
    activity = teams.say_in_channel("horing liste", user="kari")
    answer = teams.fake.wait_for("reply")
    assert answer.conversation == activity["conversation"]["id"]
    assert answer.body["replyToId"] == activity["id"]
    assert "høring" in answer.text.lower()
    with teams.db.transaction() as s:
        conv = s.scalar(select(TeamsConversation).where(TeamsConversation.kind == "channel"))
        assert conv is not None
        assert conv.conversation_id == "19:infra@thread.tacv2"
        assert conv.service_url == teams.fake.service_url


def test_user_text_is_escaped(teams: TeamsHarness) -> None:
    teams.say('horing ny "<at>Alle</at> & <b>x</b>" frist 15.09', user="ingrid", name="Ingrid Berg")
    answer = teams.fake.wait_for("send")
    assert "<at>" not in answer.text and "<b>" not in answer.text


def test_a_redelivered_activity_runs_once(teams: TeamsHarness) -> None:
    activity = teams.fake.message("hjelp", user="kari")
    teams.post(activity)
    teams.post(activity)
    teams.fake.wait_for("send")
    teams.say("meg", user="kari")  # a later activity: once it is answered, the first is done
    teams.fake.wait_for("send", lambda c: "Kari" in c.text)
    assert len([c for c in teams.fake.sent("send") if "/horing" in c.text]) == 1
