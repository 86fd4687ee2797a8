"""Conversation references learnt from activities, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from bot.adapters.teams import conversations
from storage.db import Database
from storage.models import TeamsConversation, TeamsPerson

NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def activity(
    conversation: str, kind: str, *, service_url: str = "https://smba.example/emea/", **kw: Any
) -> dict[str, Any]:
    return {
        "type": "message",
        "serviceUrl": service_url,
        "from": {"id": "29:kari", "aadObjectId": "aad-kari", "name": "Kari"},
        "recipient": {"id": "28:bot"},
        "conversation": {"id": conversation, "conversationType": kind, "tenantId": "t1"},
        "channelData": kw.get("channel_data", {}),
    }


def test_channel_and_person_are_stored_once_and_kept_current(any_db: Database) -> None:
    conversations.remember(any_db, activity("19:c@thread.tacv2;messageid=1", "channel"), NOW)
    conversations.remember(
        any_db,
        activity(
            "19:c@thread.tacv2;messageid=2",
            "channel",
            service_url="https://smba.example/moved/",
            channel_data={"channel": {"id": "19:c@thread.tacv2", "name": "Infra"}},
        ),
        NOW,
    )
    with any_db.transaction() as s:
        (conv,) = s.scalars(select(TeamsConversation)).all()
        assert conv.conversation_id == "19:c@thread.tacv2"
        assert conv.service_url == "https://smba.example/moved/"
        assert conv.name == "Infra" and conv.tenant_id == "t1" and conv.bot_id == "28:bot"
        (person,) = s.scalars(select(TeamsPerson)).all()
        assert person.user_id == "29:kari" and person.personal_conversation_id is None


def test_a_personal_chat_is_the_persons_and_not_forgotten_by_a_channel_message(
    any_db: Database,
) -> None:
    conversations.remember(any_db, activity("a:personal-kari", "personal"), NOW)
    conversations.remember(any_db, activity("19:c@thread.tacv2", "channel"), NOW)
    with any_db.transaction() as s:
        person = conversations.person(s, "aad-kari")
        assert person is not None and person.personal_conversation_id == "a:personal-kari"
        assert s.scalar(select(func.count()).select_from(TeamsConversation)) == 2


def test_seen_facts_are_not_written_again(any_db: Database) -> None:
    seen = conversations.Seen()
    conversations.remember(any_db, activity("a:personal-kari", "personal"), NOW, seen)
    with any_db.transaction() as s:
        s.execute(TeamsConversation.__table__.delete())
    conversations.remember(any_db, activity("a:personal-kari", "personal"), NOW, seen)
    with any_db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(TeamsConversation)) == 0
    conversations.remember(any_db, activity("a:personal-kari", "personal"), NOW)
    with any_db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(TeamsConversation)) == 1


def test_members_added_to_a_team_can_be_reached_later(any_db: Database) -> None:
    install = activity("19:general@thread.tacv2", "channel")
    install["type"] = "conversationUpdate"
    install["membersAdded"] = [
        {"id": "28:bot"},
        {"id": "29:per", "aadObjectId": "aad-per"},
        {"id": "29:anne", "aadObjectId": "aad-anne"},
    ]
    conversations.remember(any_db, install, NOW)
    with any_db.transaction() as s:
        people = {p.aad_object_id: p.user_id for p in s.scalars(select(TeamsPerson))}
        assert people == {"aad-kari": "29:kari", "aad-per": "29:per", "aad-anne": "29:anne"}
        per = conversations.person(s, "aad-per")
        assert per is not None and per.personal_conversation_id is None


def test_a_group_chats_name_is_user_text_stored_clean_on_one_line(any_db: Database) -> None:
    # A group chat's topic is its members' to choose; the column holds 200 characters.
    chat = activity("19:g@thread.v2", "groupChat")
    chat["conversation"]["name"] = "Møte\x00 om\nveier \ud800" + "Å" * 300
    conversations.remember(any_db, chat, NOW)
    with any_db.transaction() as s:
        conv = s.scalar(select(TeamsConversation))
        assert conv is not None and conv.name == ("Møte om veier \ufffd" + "Å" * 300)[:199] + "…"
