"""Conversation references: where the bot may post on its own, learnt from activities.

Every activity (installation, a member added, a message, a click) tells the service URL
of its conversation; a channel, group chat or personal chat is stored once and kept up
to date, and so is each member who writes (their Teams user id, to open a personal chat
with them later). A channel's id is the conversation id without its ``;messageid=`` tail.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.hygiene import clean_name
from storage.db import Database
from storage.models import TeamsConversation, TeamsPerson

PERSONAL = "personal"


def base_conversation(conversation_id: str) -> str:
    """ "19:abc@thread.tacv2;messageid=17" -> "19:abc@thread.tacv2" (the channel)."""
    return conversation_id.split(";", 1)[0]


def channel_id(activity: dict[str, Any]) -> str:
    """The conversation an activity came from, as commands and channel bindings name it
    (a channel without the thread's ``;messageid=``)."""
    return base_conversation(str((activity.get("conversation") or {}).get("id") or ""))


def member_id(activity: dict[str, Any]) -> str:
    """The account id the bot keys a Teams member by: their AAD object id (stable across
    the tenant's teams and chats), else their Teams user id."""
    sender = activity.get("from") or {}
    return str(sender.get("aadObjectId") or sender.get("id") or "")


def conversation_kind(activity: dict[str, Any]) -> str:
    return str((activity.get("conversation") or {}).get("conversationType") or PERSONAL)


class Seen:
    """What this process stored already, so that a busy chat costs no write per message."""

    def __init__(self, limit: int = 50_000) -> None:
        self.limit = limit
        self._keys: set[tuple[str, ...]] = set()

    def first(self, key: tuple[str, ...]) -> bool:
        if key in self._keys:
            return False
        if len(self._keys) >= self.limit:
            self._keys.clear()
        self._keys.add(key)
        return True


def remember(
    db: Database, activity: dict[str, Any], now: datetime, seen: Seen | None = None
) -> None:
    """Store or refresh the activity's conversation, its sender and the members it adds
    (once per process for the same facts when ``seen`` is given)."""
    service_url = str(activity.get("serviceUrl") or "")
    conversation = activity.get("conversation") or {}
    bot_id = str((activity.get("recipient") or {}).get("id") or "")
    if not service_url or not conversation.get("id") or not bot_id:
        return
    conv_id = base_conversation(str(conversation["id"]))
    tenant = conversation.get("tenantId") or (
        (activity.get("channelData") or {}).get("tenant") or {}
    ).get("id")
    kind = conversation_kind(activity)
    channel = (activity.get("channelData") or {}).get("channel") or {}
    name = clean_name(str(channel.get("name") or conversation.get("name") or "")) or None
    sender = activity.get("from") or {}
    aad = sender.get("aadObjectId")
    added = tuple(
        str(m.get("id")) for m in activity.get("membersAdded") or [] if isinstance(m, dict)
    )
    fact = (conv_id, service_url, str(tenant), str(name), str(aad), str(sender.get("id")), *added)
    if seen is not None and not seen.first(fact):
        return
    values = {
        "kind": kind,
        "service_url": service_url,
        "tenant_id": tenant,
        "bot_id": bot_id,
        "updated_at": now,
    }
    _upsert(db, TeamsConversation, "conversation_id", conv_id, values, name=name)
    # The sender, and members the conversation just gained (a team install lists them):
    # each can get direct messages later, in a personal chat the bot opens.
    people = [sender, *(m for m in activity.get("membersAdded") or [] if isinstance(m, dict))]
    for account in people:
        if not account.get("aadObjectId") or not account.get("id") or account.get("id") == bot_id:
            continue
        person = {
            "user_id": str(account["id"]),
            "service_url": service_url,
            "tenant_id": tenant,
            "bot_id": bot_id,
            "updated_at": now,
        }
        personal = conv_id if kind == PERSONAL and account is sender else None
        _upsert(
            db,
            TeamsPerson,
            "aad_object_id",
            str(account["aadObjectId"]),
            person,
            personal_conversation_id=personal,
        )


def _upsert(
    db: Database,
    model: type[TeamsConversation] | type[TeamsPerson],
    key: str,
    value: str,
    values: dict[str, Any],
    **only_if_given: Any,
) -> None:
    extra = {k: v for k, v in only_if_given.items() if v}
    for _ in range(2):  # a concurrent first insert of the same key: update theirs
        try:
            with db.transaction() as session:
                row = session.scalar(select(model).where(getattr(model, key) == value))
                if row is None:
                    session.add(model(**{key: value}, **values, **extra))
                else:
                    for k, v in {**values, **extra}.items():
                        setattr(row, k, v)
            return
        except IntegrityError:
            continue


def conversation(session: Session, conversation_id: str) -> TeamsConversation | None:
    return session.scalar(
        select(TeamsConversation).where(
            TeamsConversation.conversation_id == base_conversation(conversation_id)
        )
    )


def person(session: Session, aad_object_id: str) -> TeamsPerson | None:
    return session.scalar(select(TeamsPerson).where(TeamsPerson.aad_object_id == aad_object_id))
