"""Merging two members who turn out to be one person: everything of one moves to the other.

The rule for conflicts: the person kept wins. Where both answered the same thing (a vote
on the same time of a poll, a registration for the same conference, a guest e-mail), the
kept person's answer stays and the other's is dropped; everything else moves (accounts,
networks, actions owned or made, updates, hearing answers, polls, meetings, conferences,
links, reminders addressed to them). The profile keeps the kept person's values and takes
the other's where the kept person has none (the role is the caller's to decide).

Every table with a reference to ``members.id`` is moved, found from the models, so a
table added later is moved too; only the ones with a uniqueness per member need a rule here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, delete, exists, update
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import Executable

from storage.models import (
    Base,
    GuestContact,
    Member,
    NetworkMember,
    OutboxMessage,
    Registration,
    Vote,
)


@dataclass
class Merged:
    """What a merge dropped because the kept person had answered it already."""

    votes_dropped: int = 0
    registrations_dropped: int = 0
    moved: dict[str, int] = field(default_factory=dict)


def _rows(session: Session, statement: Executable) -> int:
    """Run an UPDATE or DELETE; how many rows it touched."""
    result = session.execute(statement)
    return int(getattr(result, "rowcount", 0) or 0)


def _drop_conflicts(session: Session, keep: int, drop: int) -> Merged:
    merged = Merged()
    kept_vote = aliased(Vote)
    merged.votes_dropped = _rows(
        session,
        delete(Vote).where(
            Vote.member_id == drop,
            exists().where(and_(kept_vote.member_id == keep, kept_vote.slot_id == Vote.slot_id)),
        ),
    )
    kept_reg = aliased(Registration)
    merged.registrations_dropped = _rows(
        session,
        delete(Registration).where(
            Registration.member_id == drop,
            exists().where(
                and_(
                    kept_reg.member_id == keep,
                    kept_reg.conference_id == Registration.conference_id,
                )
            ),
        ),
    )
    kept_net = aliased(NetworkMember)
    _rows(
        session,
        delete(NetworkMember).where(
            NetworkMember.member_id == drop,
            exists().where(
                and_(
                    kept_net.member_id == keep,
                    kept_net.network_id == NetworkMember.network_id,
                )
            ),
        ),
    )
    if session.get(GuestContact, keep) is not None:
        session.execute(delete(GuestContact).where(GuestContact.member_id == drop))
    return merged


def _move_references(session: Session, keep: int, drop: int, merged: Merged) -> None:
    members_id = Member.__table__.c.id
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if any(fk.column is members_id for fk in column.foreign_keys):
                moved = _rows(
                    session, update(table).where(column == drop).values({column.name: keep})
                )
                if moved:
                    merged.moved[f"{table.name}.{column.name}"] = moved
    # Reminders addressed to the person (the outbox names its targets by id, as text).
    _rows(
        session,
        update(OutboxMessage)
        .where(OutboxMessage.target_type == "member", OutboxMessage.target_id == str(drop))
        .values(target_id=str(keep)),
    )


def _take_profile(keep: Member, drop: Member) -> None:
    keep.organisation_id = keep.organisation_id or drop.organisation_id
    keep.partnership_id = keep.partnership_id or drop.partnership_id
    keep.language = keep.language or drop.language
    keep.timezone = keep.timezone or drop.timezone


def merge_members(session: Session, keep: Member, drop: Member) -> Merged:
    """Move everything of ``drop`` to ``keep`` (the rule in the module's docstring) and
    delete ``drop``. Both must be in ``session``; runs in the caller's transaction."""
    if keep.id == drop.id:
        raise ValueError("a member cannot be merged into themselves")
    _take_profile(keep, drop)
    session.flush()
    merged = _drop_conflicts(session, keep.id, drop.id)
    _move_references(session, keep.id, drop.id, merged)
    # The ORM still holds drop's collections as they were: forget them before the delete,
    # so that no cascade touches the rows that now belong to keep.
    session.expire(drop)
    session.expire(keep)
    session.execute(delete(Member).where(Member.id == drop.id))
    session.expunge(drop)
    return merged
