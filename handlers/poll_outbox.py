"""What a poll sends on its own: the nudge 24 hours before svarfrist and the close at svarfrist.

Nudges are one outbox row per expected member (Target.member), made when the poll is
created; whether a member still needs one is decided when it is due, so those who have
answered by then (or whose organisation has, in one-vote-per-organisation) get nothing.
The close is one row for the network: its renderer closes the poll in the dispatcher's
transaction and posts the result, creating the meeting when the organiser said
``velg automatisk`` and otherwise asking them to confirm with ``/mote lukk N valg K``.
Invitees outside the network, who got the poll by direct message, get what the channel
gets by direct message too: the meeting it set or moved it to (with the .ics of the same
UID), and its call-off.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.config import Settings
from bot.dates import Slot, format_datetime, format_slot
from bot.i18n import t
from bot.messages import Reply, Text
from bot.router import Router
from bot.zones import row_zone
from handlers import meeting_invite
from handlers.poll_results import (
    CANCELLED,
    attendance,
    count_answers,
    example_answer,
    expected_members,
    has_answered,
    meeting_of,
    render_poll,
    tally,
)
from storage import outbox
from storage.models import Meeting, Member, OutboxMessage, Poll, PollSlot

NUDGE_KIND, CLOSE_KIND, INVITE_KIND = "poll.nudge", "poll.close", "poll.invite"
CALLED_OFF_KIND = "poll.called_off"
MEETING_KIND = "poll.meeting"  # the meeting a poll set, to those who got the poll by DM
NUDGE_BEFORE = timedelta(hours=24)


def schedule(
    session: Session, poll: Poll, *, now: datetime, tz: tzinfo, again: bool = False
) -> None:
    """Nudges and the automatic close for a poll with a svarfrist. ``again``: a reopened
    poll, whose first close and nudges may have been sent (a sent key is never sent
    again), gets keys of its own."""
    if poll.closes_at is None or poll.network_id is None:
        return
    suffix = f"@{poll.closes_at.isoformat()}" if again else ""
    close = outbox.Target.network(poll.network_id)
    _schedule(session, poll, f"close{suffix}", CLOSE_KIND, close, poll.closes_at, tz)
    nudge_at = poll.closes_at - NUDGE_BEFORE
    if nudge_at <= now:
        return  # under a day to answer: the poll itself is the reminder
    for member in expected_members(session, poll):
        target = outbox.Target.member(member.id)
        what = f"nudge:{member.id}{suffix}"
        _schedule(session, poll, what, NUDGE_KIND, target, nudge_at, tz)


def _schedule(
    session: Session,
    poll: Poll,
    what: str,
    kind: str,
    target: outbox.Target,
    due_at: datetime,
    tz: tzinfo,
) -> None:
    """One of the poll's messages, keyed ``poll:<id>:<what>``; failures go to its creator."""
    outbox.schedule(
        session,
        key=f"poll:{poll.id}:{what}",
        kind=kind,
        target=target,
        due_at=due_at,
        object_type="poll",
        object_id=poll.id,
        payload={"tz": str(tz), "organiser_id": poll.created_by},
    )


def invite_outsiders(session: Session, poll: Poll, *, now: datetime, tz: tzinfo) -> int:
    """Invitees who are not members of the poll's network do not see the poll in its
    channel: each gets it by direct message at once. Returns how many."""
    inside = {m.id for m in poll.network.members} if poll.network else set()
    outsiders = [m for m in expected_members(session, poll) if m.id not in inside]
    for member in outsiders:
        target = outbox.Target.member(member.id)
        _schedule(session, poll, f"invite:{member.id}", INVITE_KIND, target, now, tz)
    return len(outsiders)


def _sent_to(
    session: Session, poll: Poll, kind: str, *, meeting: Meeting | None = None
) -> list[int]:
    """The members a ``kind`` message of the poll was sent to (about ``meeting`` only,
    when given)."""
    rows = session.execute(
        select(OutboxMessage.target_id, OutboxMessage.payload).where(
            OutboxMessage.object_type == "poll",
            OutboxMessage.object_id == poll.id,
            OutboxMessage.kind == kind,
            OutboxMessage.target_type == "member",
            OutboxMessage.state == outbox.SENT,
        )
    ).all()
    return sorted(
        {
            int(target)
            for target, payload in rows
            if meeting is None or (payload or {}).get("meeting_id") == meeting.id
        }
    )


def tell_invited_of_meeting(
    session: Session, poll: Poll, meeting: Meeting, slot: PollSlot, *, now: datetime, tz: tzinfo
) -> None:
    """Those who got the poll by direct message do not see the channel's announcement of its
    meeting: each gets it by direct message, with the same .ics. Keyed by SEQUENCE: a move
    is sent again, and a row a later move overtook is passed over when it is due. Keyed by
    the meeting too: a poll called off, reopened and closed again sets a new meeting, whose
    SEQUENCE starts at 0 again."""
    _tell_invited(
        session,
        poll,
        MEETING_KIND,
        lambda member_id: f"poll:{poll.id}:meeting:{meeting.id}:{member_id}:s{meeting.sequence}",
        now=now,
        tz=tz,
        meeting_id=meeting.id,
        sequence=meeting.sequence,
        number=slot.position,
    )


def tell_invited_of_call_off(
    session: Session, poll: Poll, *, now: datetime, tz: tzinfo, reason: str
) -> None:
    """Those who got the poll by direct message (invitees outside the network) do not see
    the channel's answer: each is told by direct message, once per calling off. An invite
    not sent yet is cancelled with the poll instead: they never heard of it."""
    meeting = meeting_of(session, poll)  # called off with the poll: the renderer finds it so
    _tell_invited(
        session,
        poll,
        CALLED_OFF_KIND,
        lambda member_id: f"poll:{poll.id}:called_off:{member_id}@{now.isoformat()}",
        now=now,
        tz=tz,
        reason=reason,
        meeting_id=meeting.id if meeting else None,
    )


def _tell_invited(
    session: Session,
    poll: Poll,
    kind: str,
    key: Callable[[int], str],
    *,
    now: datetime,
    tz: tzinfo,
    **payload: object,
) -> None:
    """A ``kind`` direct message, now, to each who got the poll by direct message."""
    for member_id in _sent_to(session, poll, INVITE_KIND):
        outbox.schedule(
            session,
            key=key(member_id),
            kind=kind,
            target=outbox.Target.member(member_id),
            due_at=now,
            object_type="poll",
            object_id=poll.id,
            payload={"tz": str(tz), "organiser_id": poll.created_by, **payload},
        )


def _open_poll_for_member(session: Session, row: OutboxMessage) -> tuple[Poll, Member] | None:
    """The row's poll and member, or None when either is gone or the poll is no longer
    open: a poll's message to a member is then not sent."""
    poll = session.get(Poll, row.object_id or 0)
    member = session.get(Member, int(row.target_id))
    if poll is None or member is None or poll.state != "open":
        return None
    return poll, member


def render_invite(
    session: Session, row: OutboxMessage, now: datetime, lang: str, *, settings: Settings
) -> Reply | None:
    found = _open_poll_for_member(session, row)
    if found is None:
        return None
    poll, member = found
    tz = row_zone(row, settings)
    organiser = session.get(Member, poll.created_by) if poll.created_by else None
    deadline = format_datetime(poll.closes_at, lang, tz) if poll.closes_at else "—"
    reply = render_poll(
        session,
        poll,
        lang,
        tz,
        now=now,  # delivered late, past its svarfrist: no answer buttons
        intro=t(
            "polls.invited",
            lang,
            name=member.name,
            organiser=organiser.name if organiser else "—",
            id=poll.id,
            title=poll.title,
            network=poll.network.name if poll.network else "—",
            when=deadline,
            example=example_answer(poll, lang),
        ),
    )
    reply.visibility, reply.object_ref = "ephemeral", None
    return reply


def render_meeting(
    session: Session, row: OutboxMessage, now: datetime, lang: str, *, settings: Settings
) -> Reply | None:
    """The meeting as the channel got it (text and .ics), to one invited by DM; "moved"
    when an earlier one reached them."""
    payload = row.payload or {}
    poll = session.get(Poll, row.object_id or 0)
    member = session.get(Member, int(row.target_id))
    meeting = session.get(Meeting, payload.get("meeting_id") or 0)
    if poll is None or member is None or meeting is None or meeting.cancelled:
        return None  # called off since: the call-off tells them
    slot = next((s for s in poll.slots if s.position == payload.get("number")), None)
    if slot is None or meeting.sequence != payload.get("sequence"):
        return None  # moved since: the row of the move tells the latest
    tz = row_zone(row, settings)
    network = poll.network.name if poll.network else "—"
    reply = meeting_invite.decision_reply(
        meeting,
        poll,
        slot,
        moved=member.id in _sent_to(session, poll, MEETING_KIND, meeting=meeting),
        lang=lang,
        tz=tz,
        now=now,
        organiser=session.get(Member, poll.created_by) if poll.created_by else None,
        intro=[t("polls.meeting_dm", lang, name=member.name, id=poll.id, network=network)],
        description=attendance(tally(session, poll), slot, lang),
    )
    reply.visibility, reply.object_ref = "ephemeral", None
    return reply


def render_called_off(
    session: Session, row: OutboxMessage, now: datetime, lang: str, *, settings: Settings
) -> Reply | None:
    poll = session.get(Poll, row.object_id or 0)
    member = session.get(Member, int(row.target_id))
    if poll is None or member is None or poll.state != CANCELLED:
        return None  # opened again since: the call-off no longer holds
    tz = row_zone(row, settings)
    payload = row.payload or {}
    network = poll.network.name if poll.network else "—"
    lines = [t("polls.called_off_dm", lang, name=member.name, id=poll.id, network=network)]
    meeting = session.get(Meeting, payload["meeting_id"]) if payload.get("meeting_id") else None
    if meeting is None or not meeting.cancelled:
        lines.append(t("polls.called_off", lang, id=poll.id, title=poll.title))
    else:
        when = format_slot(Slot(meeting.start_at, meeting.end_at), lang, tz)
        lines.append(t("meetings.called_off", lang, id=poll.id, title=meeting.title, when=when))
    if payload.get("reason"):
        lines.append(t("polls.called_off_reason", lang, reason=payload["reason"]))
    reply = Reply(blocks=[], visibility="ephemeral")
    if meeting is not None and meeting.cancelled:
        lines.append(t("meetings.cancel_attached", lang))
        reply.files.append(meeting_invite.invitation(meeting, tz=tz, now=now, organiser=None))
    reply.add(Text("\n".join(lines)))
    return reply


TIMED_KINDS = [NUDGE_KIND, CLOSE_KIND]  # what hangs on the svarfrist


def cancel(session: Session, poll: Poll) -> None:
    kinds = [*TIMED_KINDS, INVITE_KIND, MEETING_KIND]
    outbox.cancel(session, object_type="poll", object_id=poll.id, kinds=kinds)


def cancel_timed(session: Session, poll: Poll) -> None:
    """The nudges and the close, which hang on the svarfrist; the invitations of those
    outside the network (sent at once, or still being retried) stay."""
    outbox.cancel(session, object_type="poll", object_id=poll.id, kinds=TIMED_KINDS)


def close(session: Session, poll: Poll, now: datetime) -> None:
    poll.state, poll.closed_at = "closed", now
    cancel(session, poll)


def _locked_poll(session: Session, poll_id: int | None) -> Poll | None:
    return session.scalar(select(Poll).where(Poll.id == (poll_id or 0)).with_for_update())


def render_nudge(
    session: Session, row: OutboxMessage, now: datetime, lang: str, *, settings: Settings
) -> Reply | None:
    found = _open_poll_for_member(session, row)
    if found is None:
        return None
    poll, member = found
    if poll.closes_at is not None and now >= poll.closes_at:
        return None  # a nudge delayed past svarfrist would ask for an answer nobody can give
    if member not in expected_members(session, poll) or has_answered(session, poll, member):
        return None
    tz = row_zone(row, settings)
    deadline = format_datetime(poll.closes_at, lang, tz) if poll.closes_at else "—"
    reply = render_poll(
        session,
        poll,
        lang,
        tz,
        intro=t(
            "polls.nudge",
            lang,
            name=member.name,
            id=poll.id,
            title=poll.title,
            when=deadline,
            example=example_answer(poll, lang),
        ),
    )
    reply.visibility, reply.object_ref = "ephemeral", None
    return reply


def render_close(
    session: Session, row: OutboxMessage, now: datetime, lang: str, *, settings: Settings
) -> Reply | None:
    poll = _locked_poll(session, row.object_id)
    if poll is None:
        return None
    payload = dict(row.payload or {})
    if poll.state == "open":
        close(session, poll, now)
        # Remembered on the row so a retry after a failed send posts the result again.
        payload["closed_here"] = True
        row.payload = payload
    elif not payload.get("closed_here"):
        return None  # the organiser closed it by hand before svarfrist
    tz = row_zone(row, settings)
    result = count_answers(session, poll)
    organiser = session.get(Member, poll.created_by) if poll.created_by else None
    intro = t("polls.auto_closed", lang, id=poll.id, title=poll.title)
    best = result.best
    if poll.auto_choose and best is not None:
        meeting = meeting_of(session, poll)
        if meeting is None:
            meeting, _ = meeting_invite.decide(
                session, poll, best, now=now, tz=tz, member_id=poll.created_by
            )
            tell_invited_of_meeting(session, poll, meeting, best, now=now, tz=tz)
        return meeting_invite.decision_reply(
            meeting,
            poll,
            best,
            moved=False,
            lang=lang,
            tz=tz,
            now=now,
            organiser=organiser,
            intro=[intro, t("polls.auto_chosen", lang, number=best.position)],
            description=attendance(tally(session, poll), best, lang),
        )
    reply = render_poll(session, poll, lang, tz, buttons=False, intro=intro)
    name = organiser.name if organiser else t("role.organiser", lang)
    if best is not None:
        reply.add(Text(t("polls.confirm_ask", lang, name=name, id=poll.id, number=best.position)))
    else:
        key = "polls.confirm_ask_none" if result.answered else "polls.confirm_ask_nobody"
        reply.add(Text(t(key, lang, name=name, id=poll.id)))
    return reply


# The poll messages the dispatcher sends, by outbox kind.
RENDERERS = {
    NUDGE_KIND: render_nudge,
    INVITE_KIND: render_invite,
    MEETING_KIND: render_meeting,
    CALLED_OFF_KIND: render_called_off,
    CLOSE_KIND: render_close,
    meeting_invite.REMINDER_KIND: meeting_invite.render_reminder,
}


def register(router: Router) -> None:
    router.add_renderers(RENDERERS)
