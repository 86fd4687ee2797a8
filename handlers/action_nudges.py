"""Overdue nudges for actions: outbox rows at 09:00 on the first working day after the due
date, then weekly (on the working day before, if that day is off) until the action is done,
cancelled or gets a new date.

Who is nudged: the owning member; for an action owned by an organisation, its members, or
the network's organisers when it has none; for an action without owner, the organisers
(admins, and organisers of the network's partnership who are in the network)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from bot.config import Settings
from bot.datefmt import next_working_day, previous_working_day
from bot.dates import format_date
from bot.i18n import t
from bot.messages import Reply
from bot.zones import row_zone
from storage import outbox
from storage.models import (
    GUEST_PLATFORM,
    Account,
    Action,
    Member,
    Network,
    NetworkMember,
    OutboxMessage,
)

KIND = "action.overdue"
NUDGE_TIME = time(9, 0)
CLOSED = ("done", "cancelled")
# Two nudges are kept pending, so one that goes stale while the bot is down does not end
# the weekly chain: the next one is already there and schedules the one after it.
AHEAD = 2


def morning(day: date, tz: ZoneInfo) -> datetime:
    """09:00 on ``day`` on the wall clock of ``tz`` (right across daylight saving)."""
    return datetime.combine(day, NUDGE_TIME, tzinfo=tz)


def key(action_id: int, due: date, nudge_day: date, member_id: int) -> str:
    # The nudge's own day is in the key, so recomputing a schedule never resends a morning.
    return f"action:{action_id}:overdue:{due.isoformat()}:{nudge_day.isoformat()}:{member_id}"


def owner_sign(action: Action) -> str:
    """Who owns the action, as stored with a nudge: a nudge for an old owner is not sent."""
    if action.owner_member_id is not None:
        return f"member:{action.owner_member_id}"
    if action.owner_organisation_id is not None:
        return f"organisation:{action.owner_organisation_id}"
    return "none"


def organisers(session: Session, network_id: int) -> list[Member]:
    """The network's members who organise it: admins, and organisers of its partnership
    (bot/permissions.py: an organiser's role counts in their own partnership only)."""
    return list(
        session.scalars(
            select(Member)
            .join(NetworkMember, NetworkMember.member_id == Member.id)
            .join(Network, Network.id == NetworkMember.network_id)
            .where(
                NetworkMember.network_id == network_id,
                or_(
                    Member.role == "admin",
                    and_(
                        Member.role == "organiser",
                        Member.partnership_id.is_not_distinct_from(Network.partnership_id),
                    ),
                ),
            )
            .order_by(Member.id)
        )
    )


def recipients(session: Session, action: Action) -> list[Member]:
    """The members an action's nudges go to (see the module's docstring)."""
    if action.owner_member is not None:
        return [action.owner_member]
    people: list[Member] = []
    if action.owner_organisation_id is not None:
        people = list(
            session.scalars(
                select(Member)
                .where(Member.organisation_id == action.owner_organisation_id)
                .where(
                    Member.accounts.any(Account.platform != GUEST_PLATFORM)
                )  # a chat to nudge in
                .order_by(Member.id)
            )
        )
    if not people:
        people = organisers(session, action.network_id)
    if not people and action.created_by is not None:
        creator = session.get(Member, action.created_by)
        people = [creator] if creator is not None else []
    return people


def wants_nudges(action: Action) -> bool:
    return action.due_date is not None and action.status not in CLOSED


def _sent_mornings(session: Session, action: Action) -> list[datetime]:
    assert action.due_date is not None
    due = action.due_date.isoformat()
    return [
        r.due_at
        for r in outbox.for_object(session, "action", action.id)
        if r.kind == KIND and r.state == outbox.SENT and (r.payload or {}).get("due") == due
    ]


def weekly(day: date) -> date:
    """A week after a nudge's day, on the working day before if that day is off."""
    return previous_working_day(day + timedelta(days=7))


def next_nudge(session: Session, action: Action, now: datetime, tz: ZoneInfo) -> datetime:
    """The first working morning after the due date; if that has passed, a week after the
    last nudge sent for this date, or else the next working 09:00 (an action imported or
    given an owner late). The first nudge moves forward, not back: it may not come before
    the action is overdue."""
    assert action.due_date is not None
    first = morning(next_working_day(action.due_date + timedelta(days=1)), tz)
    if first >= now:
        return first
    sent = _sent_mornings(session, action)
    if sent:
        at = morning(weekly(max(sent).astimezone(tz).date()), tz)
        while at < now:
            at = morning(weekly(at.date()), tz)
        return at
    today = now.astimezone(tz).date()
    at = morning(next_working_day(today), tz)
    return at if at >= now else morning(next_working_day(today + timedelta(days=1)), tz)


def _schedule_at(
    session: Session, action: Action, at: datetime, tz: ZoneInfo, member_id: int
) -> None:
    assert action.due_date is not None
    outbox.schedule(
        session,
        key=key(action.id, action.due_date, at.date(), member_id),
        kind=KIND,
        target=outbox.Target.member(member_id),
        due_at=at,
        object_type="action",
        object_id=action.id,
        payload={
            "due": action.due_date.isoformat(),
            "owner": owner_sign(action),
            "tz": str(tz.key),
            "organiser_id": action.created_by,
        },
    )


def reschedule(session: Session, action: Action, now: datetime, tz: ZoneInfo) -> None:
    """Cancel this action's pending nudges and plan them again from its current state."""
    outbox.cancel(session, object_type="action", object_id=action.id, kinds=[KIND])
    if not wants_nudges(action):
        return
    people = recipients(session, action)
    at = next_nudge(session, action, now, tz)
    for _ in range(AHEAD):
        for person in people:
            _schedule_at(session, action, at, tz, person.id)
        at = morning(weekly(at.date()), tz)


def render(
    session: Session, row: OutboxMessage, now: datetime, lang: str, *, settings: Settings
) -> Reply | None:
    """The nudge, if it still applies; it also plans the next weekly one."""
    payload = row.payload or {}
    action = session.get(Action, row.object_id) if row.object_id is not None else None
    if action is None or not wants_nudges(action):
        return None
    assert action.due_date is not None
    if payload.get("due") != action.due_date.isoformat() or payload.get("owner") != owner_sign(
        action
    ):
        return None  # the date or the owner changed; reschedule() planned new rows
    tz = row_zone(row, settings)
    at = row.due_at.astimezone(tz).date()
    for _ in range(AHEAD):
        at = weekly(at)
    _schedule_at(session, action, morning(at, tz), tz, int(row.target_id))
    return Reply.text(
        t(
            "actions.nudge",
            lang,
            id=action.id,
            title=action.title,
            due=format_date(action.due_date, lang),
        )
    )
