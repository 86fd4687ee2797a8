"""Who is who: a person found by a platform account, and a person made with their first one."""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, joinedload, lazyload

from storage.models import GUEST_PLATFORM, Account, Member
from storage.text import cut_visibly

NAME_LENGTH = 200  # Member.name's column


def find_member(session: Session, platform: str, external_id: str) -> Member | None:
    """The person behind the account ``external_id`` on ``platform``, or None."""
    return session.scalar(_MEMBER_BY_ACCOUNT, {"platform": platform, "external_id": external_id})


# Built once (every command looks its member up): a statement built per call costs more in
# SQLAlchemy than the lookup does in the database.
_MEMBER_BY_ACCOUNT = (
    select(Member)
    .join(Account, Account.member_id == Member.id)
    .where(
        Account.platform == bindparam("platform"), Account.external_id == bindparam("external_id")
    )
    # one member, once per command: its accounts are read only if a verb asks; its
    # partnership (its language, when the member chose none) comes in the same query
    .options(lazyload(Member.accounts), joinedload(Member.partnership))
)


def unmistakable_name(session: Session, name: str, platform: str, external_id: str) -> str:
    """The name for a new person's ``external_id`` on ``platform``: ``name`` as the platform
    gave it, with the account after it when someone already has that name as a reader sees
    it (case, width and spacing aside), so that the bot never speaks of the newcomer as the
    person it knows: a Slack profile renamed "Ingrid Berg" becomes "Ingrid Berg (slack
    U0MALLORY)". A name is the member's to choose; only the account says who it is.
    The name is cut to leave room for the account: the column holds ``NAME_LENGTH``."""
    key = _reading(name)
    known = session.scalars(select(Member.name).where(in_chat()))  # a guest is marked so
    if not any(_reading(other) == key for other in known):
        return cut_visibly(name, NAME_LENGTH)
    suffix = f" ({platform} {external_id[:100]})"
    return cut_visibly(name, NAME_LENGTH - len(suffix)) + suffix


def learn_name(session: Session, platform: str, external_id: str, name: str) -> None:
    """A person an admin added by their account (a mention, ``medlem ny aad-…``), still
    named by it, gets the name the platform shows for it (``name``, cleaned by the caller);
    a name someone chose is kept."""
    member = find_member(session, platform, external_id)
    if member is not None and name and member.name == external_id:
        member.name = unmistakable_name(session, name, platform, external_id)


def _reading(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def find_account(session: Session, platform: str, external_id: str) -> Account | None:
    return session.scalar(
        select(Account).where(Account.platform == platform, Account.external_id == external_id)
    )


def new_member(session: Session, platform: str, external_id: str, **fields: Any) -> Member:
    """A new person with one account; ``fields`` are the person's (name, role, language...).
    Not flushed: the caller decides when (and catches a second insert of the same account)."""
    member = Member(**fields)
    member.accounts.append(Account(platform=platform, external_id=external_id[:100]))
    session.add(member)
    return member


def on_platform(platform: str) -> Any:
    """A where-clause: the person has an account on ``platform``."""
    return Member.accounts.any(Account.platform == platform)


def in_chat() -> Any:
    """A where-clause: the person has a chat account on some platform (not only a guest
    page's): whom a name in a command can mean, whichever platform it was typed on."""
    return Member.accounts.any(Account.platform != GUEST_PLATFORM)


def chat_platforms(session: Session, member_id: int) -> list[str]:
    """The platforms a person can be written to on, oldest account first (web guests' pages
    are not a chat)."""
    found = session.scalars(
        select(Account.platform)
        .where(Account.member_id == member_id, Account.platform != GUEST_PLATFORM)
        .order_by(Account.id)
    )
    return list(dict.fromkeys(found))
