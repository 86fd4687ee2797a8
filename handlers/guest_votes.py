"""Guests without a chat account answer a meeting poll from a private link (bot/web/).

A guest is a member on the platform ``web`` with a random account id, never a name; their
votes are saved by the same code as chat votes (handlers.polls.save_votes), so the counting
rules (one vote per organisation, a later answer replaces an earlier one) are the same.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.dates import Slot, format_datetime, format_slot
from bot.errors import Conflict, UserError
from bot.hygiene import clean_text
from handlers.poll_results import ANSWERS, CANCELLED, count_answers, slot_text, takes_answers
from handlers.polls import save_votes
from storage.accounts import new_member
from storage.models import GUEST_PLATFORM, Meeting, Member, Organisation, Poll, Vote

MAX_NAME = 120
MAX_ORGANISATION = 120


def is_guest(member: Member) -> bool:
    return member.is_guest


def clean_field(value: str | None) -> str:
    """One line of text from a form, cleaned as a chat command is (bot/hygiene.py: an
    emoji's joiner stays) and with runs of white space as one space. Not cut: a field
    over its limit is refused by ``check_details`` with its length."""
    return " ".join(clean_text(value or "").split())


def organisation_named(session: Session, name: str) -> Organisation | None:
    """The organisation with this name (any case); a new one when there is none, so that
    one vote per organisation counts a guest from NAV together with NAV's members."""
    if not name:
        return None
    found = session.scalar(
        select(Organisation).where(func.lower(Organisation.name) == name.lower()).limit(1)
    )
    if found is None:
        found = Organisation(name=name, kind="guest")
        session.add(found)
        session.flush()
    return found


def new_guest(session: Session, name: str, organisation: str, *, now: datetime) -> Member:
    org = organisation_named(session, organisation)
    guest = new_member(
        session,
        GUEST_PLATFORM,
        "guest-" + secrets.token_hex(16),
        name=name,
        organisation_id=org.id if org else None,
        role="member",
        created_at=now,
    )
    session.flush()
    return guest


def update_guest(session: Session, guest: Member, name: str, organisation: str) -> None:
    org = organisation_named(session, organisation)
    guest.name = name
    guest.organisation_id = org.id if org else None
    session.flush()


# What a form field can be told: a text key, or a text key and its values.
FieldProblem = str | tuple[str, dict[str, int]]


def check_details(name: str, organisation: str) -> dict[str, FieldProblem]:
    """Field name -> what is wrong with it (empty when all is well)."""
    problems: dict[str, FieldProblem] = {}
    for field, value, limit in (
        ("name", name, MAX_NAME),
        ("organisation", organisation, MAX_ORGANISATION),
    ):
        if not value:
            problems[field] = f"page.error.{field}"
        elif len(value) > limit:
            problems[field] = (f"page.error.{field}_long", {"length": len(value), "limit": limit})
    return problems


def check_open(poll: Poll, now: datetime) -> None:
    """Conflict (nothing saved, and why) when the poll takes no more answers."""
    if not takes_answers(poll, now):
        cancelled = poll.state == CANCELLED
        raise Conflict("page.poll.cancelled_unsaved" if cancelled else "page.poll.closed_unsaved")


def guest_vote(
    session: Session, poll: Poll, guest: Member, answers: dict[int, str], *, now: datetime
) -> None:
    """Save a guest's answers ({slot position: yes/maybe/no}); every slot must be answered."""
    check_open(poll, now)
    by_position = {s.position: s for s in poll.slots}
    if set(answers) != set(by_position) or any(a not in ANSWERS for a in answers.values()):
        raise UserError("page.error.answers")
    save_votes(session, poll, guest, {by_position[n].id: a for n, a in answers.items()}, now=now)


def answers_of(session: Session, poll: Poll, member: Member) -> dict[int, str]:
    """{slot position: answer} that this member gave."""
    positions = {s.id: s.position for s in poll.slots}
    rows = session.scalars(select(Vote).where(Vote.poll_id == poll.id, Vote.member_id == member.id))
    return {positions[v.slot_id]: v.answer for v in rows if v.slot_id in positions}


@dataclass(frozen=True)
class SlotRow:
    position: int
    text: str
    counts: dict[str, int]
    best: bool


@dataclass(frozen=True)
class MeetingView:
    """What the guest page says of the meeting a poll was closed into."""

    when: str
    moved: bool  # set again after it was first set (/mote lukk N valg M once more)
    cancelled: bool


def last_meeting(session: Session, poll: Poll) -> Meeting | None:
    """The poll's latest meeting, called off or not (a poll opened again and closed
    again makes a new one)."""
    return session.scalar(
        select(Meeting).where(Meeting.poll_id == poll.id).order_by(Meeting.id.desc()).limit(1)
    )


def meeting_view(meeting: Meeting | None, lang: str, tz: tzinfo) -> MeetingView | None:
    if meeting is None:
        return None
    when = format_slot(Slot(meeting.start_at, meeting.end_at), lang, tz)
    return MeetingView(when, not meeting.cancelled and meeting.sequence > 0, meeting.cancelled)


@dataclass(frozen=True)
class PollView:
    """What the guest page shows of a poll, in one language and time zone."""

    id: int
    title: str
    place: str | None
    agenda: str | None
    closes: str | None
    per_organisation: bool
    is_open: bool
    rows: list[SlotRow]
    voters: int
    cancelled: bool = False  # called off (/mote avlys), not just closed
    meeting: MeetingView | None = None  # once it is closed into one
    awaiting_choice: bool = False  # past its svarfrist, no time chosen yet


def poll_view(session: Session, poll: Poll, lang: str, tz: tzinfo, now: datetime) -> PollView:
    result = count_answers(session, poll)  # the counts only: not who answered what
    best = {s.id for s in result.tied}
    meeting = None if poll.state == "open" else meeting_view(last_meeting(session, poll), lang, tz)
    # Past the svarfrist with no time chosen: open until the dispatcher's next tick, then
    # closed (without `velg automatisk`) until the organiser chooses, which can take days.
    awaiting_choice = (
        poll.state != CANCELLED
        and meeting is None
        and poll.closes_at is not None
        and poll.closes_at <= now
    )
    return PollView(
        id=poll.id,
        title=poll.title,
        place=poll.place,
        agenda=poll.agenda,
        closes=format_datetime(poll.closes_at, lang, tz) if poll.closes_at else None,
        per_organisation=poll.one_vote_per_organisation,
        is_open=takes_answers(poll, now),
        rows=[
            SlotRow(s.position, slot_text(s, lang, tz), dict(result.counts[s.id]), s.id in best)
            for s in result.slots
        ],
        voters=result.answered,
        cancelled=poll.state == CANCELLED,
        awaiting_choice=awaiting_choice,
        meeting=meeting,
    )
