"""What benches/load.py, benches/worker_cpu.py and the statement counts
(test_statements_per_command.py) seed: the network bound to a Slack channel, Slack members
of it who each own one action, and the posted messages of the objects they click on."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.db import Database
from storage.models import (
    Account,
    Action,
    ChannelRef,
    Member,
    Network,
    Organisation,
    PostedMessage,
)

INFRASTRUCTURE = "Nettverk for infrastruktur"


def bind_channel(s: Session, channel: str, network: str = INFRASTRUCTURE) -> Network:
    """The demo's ``network``, bound to the Slack channel ``channel`` (#infrastruktur)."""
    net = s.scalars(select(Network).where(Network.name == network)).one()
    s.add(ChannelRef(platform="slack", channel_id=channel, name="#infrastruktur", network=net))
    return net


def member_with_action(
    s: Session,
    net: Network,
    *,
    user_id: str,
    name: str,
    organisation: Organisation,
    title: str,
    now: datetime,
) -> int:
    """A Slack member (``user_id``, role member) of ``net`` who owns one planned action
    ``title``; returns the action's id."""
    member = Member(
        accounts=[Account(platform="slack", external_id=user_id)],
        name=name,
        role="member",
        organisation=organisation,
        partnership=net.partnership,
    )
    member.networks = [net]
    s.add(member)
    s.flush()
    action = Action(
        network_id=net.id,
        title=title,
        owner_member=member,
        status="planned",
        created_by=member.id,
        created_at=now,
        updated_at=now,
    )
    s.add(action)
    s.flush()
    return action.id


def posted(bot: Any, db: Database, model: Any, title: str, now: datetime) -> tuple[int, str]:
    """The id of the ``model`` (Poll, Conference) titled ``title`` and the ts of its posted
    message, once ``bot`` (a SlackBot) has sent what was due (its card)."""
    bot.dispatcher.dispatch_due(now + timedelta(seconds=5))
    with db.transaction() as s:
        object_id = s.scalar(select(model.id).where(model.title == title))
        ts = s.scalar(
            select(PostedMessage.message_id).where(
                PostedMessage.object_type == model.__name__.lower(),
                PostedMessage.object_id == object_id,
            )
        )
    assert object_id and ts
    return object_id, ts
