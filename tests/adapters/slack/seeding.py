"""What benches/load.py and the statement counts (test_statements_per_command.py) seed: the
network bound to a Slack channel, and Slack members of it who each own one action."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Account, Action, ChannelRef, Member, Network, Organisation

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
