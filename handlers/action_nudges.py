"""Overdue nudges for actions: outbox rows to the owner at 09:00 the morning after the due
date, then weekly until the action is done, cancelled or gets a new date."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.dates import format_date
from bot.i18n import t
from bot.messages import Reply
from storage import outbox
from storage.models import Action, OutboxMessage

KIND = "action.overdue"
NUDGE_TIME = time(9, 0)
CLOSED = ("done", "cancelled")
# Two nudges are kept pending, so one that goes stale while the bot is down does not end
# the weekly chain: the next one is already there and schedules the one after it.
AHEAD = 2


def morning(day: date, tz: ZoneInfo) -> datetime:
    """09:00 on ``day`` on the wall clock of ``tz`` (right across daylight saving)."""
    return datetime.combine(day, NUDGE_TIME, tzinfo=tz)


def key(action_id: int, due: date, nudge_day: date) -> str:
    # The nudge's own day is in the key, so recomputing a schedule never resends a morning.
    return f"action:{action_id}:overdue:{due.isoformat()}:{nudge_day.isoformat()}"


def wants_nudges(action: Action) -> bool:
    return (
        action.due_date is not None
        and action.owner_member_id is not None
        and action.status not in CLOSED
    )


def _sent_mornings(session: Session, action: Action) -> list[datetime]:
    assert action.due_date is not None
    due = action.due_date.isoformat()
    return [
        r.due_at
        for r in outbox.for_object(session, "action", action.id)
        if r.kind == KIND and r.state == outbox.SENT and (r.payload or {}).get("due") == due
    ]


def next_nudge(session: Session, action: Action, now: datetime, tz: ZoneInfo) -> datetime:
    """The first morning after the due date; if that has passed, a week after the last nudge
    sent for this date, or else the next 09:00 (an action imported or given an owner late)."""
    assert action.due_date is not None
    first = morning(action.due_date + timedelta(days=1), tz)
    if first >= now:
        return first
    sent = _sent_mornings(session, action)
    if sent:
        at = morning(max(sent).astimezone(tz).date() + timedelta(days=7), tz)
        while at < now:
            at = morning(at.date() + timedelta(days=7), tz)
        return at
    today = now.astimezone(tz).date()
    at = morning(today, tz)
    return at if at >= now else morning(today + timedelta(days=1), tz)


def _schedule_at(session: Session, action: Action, at: datetime, tz: ZoneInfo) -> None:
    assert action.due_date is not None and action.owner_member_id is not None
    outbox.schedule(
        session,
        key=key(action.id, action.due_date, at.date()),
        kind=KIND,
        target=outbox.Target.member(action.owner_member_id),
        due_at=at,
        object_type="action",
        object_id=action.id,
        payload={
            "due": action.due_date.isoformat(),
            "owner_id": action.owner_member_id,
            "tz": str(tz.key),
            "organiser_id": action.created_by,
        },
    )


def reschedule(session: Session, action: Action, now: datetime, tz: ZoneInfo) -> None:
    """Cancel this action's pending nudges and plan them again from its current state."""
    outbox.cancel(session, object_type="action", object_id=action.id, kinds=[KIND])
    if not wants_nudges(action):
        return
    at = next_nudge(session, action, now, tz)
    for _ in range(AHEAD):
        _schedule_at(session, action, at, tz)
        at = morning(at.date() + timedelta(days=7), tz)


def render(session: Session, row: OutboxMessage, now: datetime, lang: str) -> Reply | None:
    """The nudge, if it still applies; it also plans the next weekly one."""
    payload = row.payload or {}
    action = session.get(Action, row.object_id) if row.object_id is not None else None
    if action is None or not wants_nudges(action):
        return None
    assert action.due_date is not None
    if (
        payload.get("due") != action.due_date.isoformat()
        or payload.get("owner_id") != action.owner_member_id
    ):
        return None  # the date or the owner changed; reschedule() planned new rows
    tz = ZoneInfo(payload.get("tz") or "Europe/Oslo")
    this_morning = row.due_at.astimezone(tz).date()
    _schedule_at(session, action, morning(this_morning + timedelta(days=7 * AHEAD), tz), tz)
    return Reply.text(
        t(
            "actions.nudge",
            lang,
            id=action.id,
            title=action.title,
            due=format_date(action.due_date, lang),
        )
    )
