"""Clashes in a network's calendar: a poll slot at the time of a meeting, or a meeting at
the time of another open poll's slot. Warned about, never refused: the organiser knows
whether the same people are meant."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.dates import Slot, format_slot
from bot.i18n import t
from handlers.poll_results import slot_text
from storage.models import Meeting, Poll, PollSlot

ASSUMED = timedelta(hours=1)  # a slot or meeting without an end is taken to last an hour


def _overlaps(a: datetime, a_end: datetime | None, b: datetime, b_end: datetime | None) -> bool:
    return a < (b_end or b + ASSUMED) and b < (a_end or a + ASSUMED)


def slot_warnings(
    session: Session,
    network_id: int,
    slots: list[tuple[datetime, datetime | None]],
    lang: str,
    tz: tzinfo,
) -> list[str]:
    """For a new poll: each slot that falls on a meeting of the network."""
    meetings = session.scalars(
        select(Meeting).where(Meeting.network_id == network_id, Meeting.cancelled.is_(False))
    ).all()
    notes = []
    for position, (start, end) in enumerate(slots, start=1):
        for m in meetings:
            if _overlaps(start, end, m.start_at, m.end_at):
                notes.append(
                    t(
                        "polls.clash_meeting",
                        lang,
                        number=position,
                        meeting=m.title,
                        when=format_slot(Slot(m.start_at, m.end_at), lang, tz),
                    )
                )
    return notes


def meeting_warnings(session: Session, meeting: Meeting, lang: str, tz: tzinfo) -> list[str]:
    """For a decided meeting: the slots of other open polls in the network at its time."""
    rows = session.execute(
        select(Poll, PollSlot)
        .join(PollSlot, PollSlot.poll_id == Poll.id)
        .where(
            Poll.network_id == meeting.network_id,
            Poll.state == "open",
            Poll.id != (meeting.poll_id or 0),
        )
        .order_by(Poll.id, PollSlot.position)
    ).all()
    return [
        t(
            "polls.clash_poll",
            lang,
            number=slot.position,
            id=poll.id,
            title=poll.title,
            when=slot_text(slot, lang, tz),
        )
        for poll, slot in rows
        if _overlaps(meeting.start_at, meeting.end_at, slot.start_at, slot.end_at)
    ]
