"""Every "who may" rule, named once: the handlers call these, and docs/permissions.md is
checked against ``COMMANDS`` (tests/handlers/test_permissions.py) and walked through
the router, so the table, the rules and what the bot does cannot drift apart.

A rule takes the member (and the object, or the network it belongs to) and answers yes or
no; the handler turns a no into the refusal text of its feature (``Context.refusal`` tells
an organiser of another partnership why). An admin is an admin everywhere; an organiser's
rights count in the networks of their own partnership only (see docs/permissions.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from storage.models import Action, Member, Network

ROLE_RANK = {"member": 0, "organiser": 1, "admin": 2}


def has_role(member: Member, role: str) -> bool:
    """The member's rank, whatever the object (``organiser`` says where it counts)."""
    return ROLE_RANK.get(member.role, 0) >= ROLE_RANK[role]


def admin(member: Member) -> bool:
    """Setting up: networks, channels, members."""
    return has_role(member, "admin")


def organiser(member: Member, network: Network | None) -> bool:
    """Admins, and organisers of the partnership ``network`` belongs to. Networks outside
    any partnership are organised by organisers outside any partnership (a deployment that
    never made one); an object with no network is nobody's to organise but an admin's."""
    if admin(member):
        return True
    return (
        has_role(member, "organiser")
        and network is not None
        and network.partnership_id == member.partnership_id
    )


def organiser_or_network_member(member: Member, network: Network) -> bool:
    """Taking part: creating, voting, answering in a network."""
    return organiser(member, network) or network in member.networks


def organiser_or_creator(member: Member, created_by: int | None, network: Network | None) -> bool:
    """Managing what someone made (a hearing, a poll, a conference, a draft's visibility):
    its maker, admins, and organisers of the partnership of ``network`` (the object's)."""
    return organiser(member, network) or (created_by is not None and created_by == member.id)


def action_owner(member: Member, action: Action) -> bool:
    """The owner: the member, a member of the owning organisation, or (no owner yet) the
    one who created it. Nobody else takes an action without owner."""
    if action.owner_member_id is not None:
        return action.owner_member_id == member.id
    if action.owner_organisation_id is not None:
        return member.organisation_id == action.owner_organisation_id
    return action.created_by is not None and action.created_by == member.id


def may_change_action(member: Member, action: Action) -> bool:
    """Status, owner and deletion of an action: its owner, organisers of its network's
    partnership and admins."""
    return organiser(member, action.network) or action_owner(member, action)


def may_answer_for(member: Member, organisation_id: int, network: Network | None) -> bool:
    """Saying that an organisation has answered a hearing: its own members, organisers of
    the hearing's partnership and admins (not any member of the network on behalf of
    another organisation)."""
    return organiser(member, network) or member.organisation_id == organisation_id


class _Created(Protocol):
    state: str
    created_by: int | None


def may_see_draft(member: Member, item: _Created, network: Network | None) -> bool:
    """A draft (a conference not announced) exists only for its maker, admins and organisers
    of its partnership (``network``: the one it belongs to); to anyone else it is answered as
    if there were no such number."""
    return item.state != "draft" or organiser_or_creator(member, item.created_by, network)


# -- the table in docs/permissions.md -----------------------------------------------------

# The columns of the table, in order.
ROLES = (
    "admin",
    "organisator",
    "organisator annet partnerskap",
    "medlem",
    "annet nettverk",
    "ukjent",
)


@dataclass(frozen=True)
class Rule:
    """A rule as the docs table shows it for the column roles, on objects made by someone
    else (an admin) in the member's network; ``name`` is the function the handlers call."""

    name: str
    cells: tuple[bool, bool, bool, bool, bool, bool]


ANYONE = Rule("anyone", (True, True, True, True, True, True))
NETWORK = Rule("organiser_or_network_member", (True, True, False, True, False, False))
CREATOR = Rule("organiser_or_creator", (True, True, False, False, False, False))
CHANGE_ACTION = Rule("may_change_action", (True, True, False, False, False, False))
ANSWER_FOR = Rule("may_answer_for", (True, True, False, False, False, False))
ORGANISER = Rule("organiser", (True, True, False, False, False, False))
ADMIN = Rule("admin", (True, False, False, False, False, False))

COMMANDS: dict[str, Rule] = {
    "/partnerbot hjelp": ANYONE,
    "/partnerbot nettverk": ANYONE,
    "/partnerbot nettverk ny": ADMIN,
    "/partnerbot partnerskap ny": ADMIN,
    "/partnerbot koble nettverk": ADMIN,
    "/partnerbot meg": ANYONE,
    "/partnerbot språk": ANYONE,
    "/partnerbot medlem ny": ADMIN,
    "/partnerbot koble": ANYONE,  # one's own accounts, with a one-time code
    "/partnerbot medlem koble": ADMIN,
    "/partnerbot medlem koble fra": ADMIN,
    "/partnerbot oversikt": ANYONE,
    "/partnerbot hjem": ANYONE,
    "/partnerbot digest": ORGANISER,
    "/partnerbot kalender": ANYONE,  # one's own feed
    "/partnerbot kalender nettverk": NETWORK,  # an address outside the chat, not taken back
    "/partnerbot kalender nettverk ny": ORGANISER,  # the old address stops for everybody
    "/tiltak ny": NETWORK,
    "/tiltak vis": ANYONE,
    "/tiltak status": CHANGE_ACTION,
    "/tiltak ferdig": CHANGE_ACTION,
    "/tiltak notat": CHANGE_ACTION,
    "/tiltak endre": NETWORK,  # fields; the owner: may_change_action
    "/tiltak slett": CHANGE_ACTION,
    "/tiltak mål ny": ORGANISER,
    "/tiltak mål": ANYONE,
    "/tiltak liste": ANYONE,
    "/tiltak eksport": ANYONE,
    "/tiltak importer": ORGANISER,
    "/tiltak tavle": NETWORK,  # like the network's feed; /tiltak liste is open
    "/tiltak tavle ny": ORGANISER,  # the old address stops for everybody
    "/horing ny": NETWORK,
    "/horing liste": ANYONE,
    "/horing vis": ANYONE,
    "/horing svart": ANSWER_FOR,  # for another organisation; one's own: NETWORK
    "/horing endre": CREATOR,
    "/horing avslutt": CREATOR,
    "/mote ny": NETWORK,
    "/mote svar": NETWORK,  # or invited by name or organisation
    "/mote vis": ANYONE,
    "/mote lukk": CREATOR,
    "/mote endre": CREATOR,
    "/mote avlys": CREATOR,
    "/mote gjenåpne": CREATOR,
    "/mote liste": ANYONE,
    "/mote lenke": CREATOR,
    "/konferanse ny": ORGANISER,
    "/konferanse endre": CREATOR,
    "/konferanse kunngjør": CREATOR,
    "/konferanse avlys": CREATOR,
    "/konferanse vis": ANYONE,  # drafts: may_see_draft
    "/konferanse liste": ANYONE,
    "/konferanse deltakere": CREATOR,
    "/konferanse ics": ANYONE,
    "/konferanse meld på": NETWORK,  # the conference's audience
    "/konferanse meld av": ANYONE,
    "/konferanse kanskje": NETWORK,  # the conference's audience
    "/konferanse lenke": CREATOR,
}
