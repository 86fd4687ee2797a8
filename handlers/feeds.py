"""Calendar feeds (iCalendar): a member's own (their meetings, the conferences they are
registered for, their networks' hearing deadlines, the due dates of their actions) and a
network's (its meetings, conferences and hearings). UIDs are stable, so a calendar
updates its entries; a moved meeting has a higher SEQUENCE; times carry the VTIMEZONE of
the zone the caller gives (bot/web/feeds.py: PARTNERBOT_TIMEZONE)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from bot.i18n import t
from handlers.conference_common import ANNOUNCED, CONFERENCE_CANCELLED, REGISTERED
from handlers.conference_files import add_times, revision
from handlers.meeting_invite import _CET_ZONES, _oslo_timezone
from storage.models import (
    Action,
    ActionUpdate,
    AuditEntry,
    Conference,
    ConferenceAudience,
    Hearing,
    Meeting,
    Member,
    Network,
    Registration,
    Vote,
)

OPEN_ACTION = ("planned", "ongoing", "postponed")
PAST_DAYS = 90  # what a feed keeps of the past
REFRESH = timedelta(hours=1)
END_OF_DAY = (23, 59)  # a deadline typed without a time of day (handlers/hearings.py)


def _calendar(name: str, tz: ZoneInfo) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//partnerbot//kalender//NO")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", str(tz))
    # How often a subscribed calendar should fetch the feed again, so a moved or called-off
    # meeting shows within the hour in apps that honour it (others keep their own interval).
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT1H")
    if str(tz) in _CET_ZONES:
        cal.add_component(_oslo_timezone(str(tz)))
    return cal


def _meeting_event(meeting: Meeting, tz: ZoneInfo, now: datetime) -> Event:
    event = Event()
    event.add("uid", meeting.uid)
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", now)
    event.add("dtstart", meeting.start_at.astimezone(tz))
    event.add("dtend", (meeting.end_at or meeting.start_at + timedelta(hours=1)).astimezone(tz))
    event.add("summary", meeting.title)
    if meeting.place:
        event.add("location", meeting.place)
    if meeting.agenda:
        event.add("description", meeting.agenda)
    event.add("status", "CANCELLED" if meeting.cancelled else "CONFIRMED")
    return event


def _conference_event(session: Session, conf: Conference, tz: ZoneInfo, now: datetime) -> Event:
    event = Event()
    event.add("uid", conf.uid)
    event.add("sequence", revision(session, conf))
    event.add("dtstamp", now)
    add_times(event, conf, tz)
    event.add("summary", conf.title)
    if conf.place:
        event.add("location", conf.place)
    event.add("status", "CANCELLED" if conf.state == CONFERENCE_CANCELLED else "CONFIRMED")
    return event


def edits(session: Session, object_type: str, object_id: int) -> int:
    """How often a hearing or action was edited (audit log): its events' SEQUENCE, so a
    calendar takes a moved deadline over the copy it has."""
    return (
        session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(
                AuditEntry.object_type == object_type,
                AuditEntry.object_id == object_id,
                AuditEntry.action == f"{object_type}.edit",
            )
        )
        or 0
    )


def _day_event(uid: str, when: date, summary: str, now: datetime, sequence: int) -> Event:
    """A deadline or due date: a whole day, or a datetime's moment (no end: RFC 5545 has it
    end when it starts); it never makes anyone busy."""
    event = Event()
    event.add("uid", uid)
    event.add("sequence", sequence)
    event.add("dtstamp", now)
    event.add("dtstart", when)
    if not isinstance(when, datetime):
        event.add("dtend", when + timedelta(days=1))
    event.add("summary", summary)
    event.add("transp", "TRANSPARENT")
    return event


def _hearing_event(
    session: Session, hearing: Hearing, tz: ZoneInfo, lang: str, now: datetime
) -> Event:
    """A deadline typed as a day (saved as 23:59) is an all-day entry; one typed with a
    time of day ("frist 15.09 kl 12") is at that moment, with no end (RFC 5545: it ends
    when it starts), so nobody reads the afternoon as still open."""
    local = hearing.deadline.astimezone(tz)
    when = local.date() if (local.hour, local.minute) == END_OF_DAY else local
    summary = t("feed.hearing", lang, title=hearing.title)
    sequence = edits(session, "hearing", hearing.id)
    event = _day_event(f"hearing-{hearing.id}@partnerbot", when, summary, now, sequence)
    # rows stored before links were checked may hold `javascript:…` or a bare `www.…`
    if hearing.link and hearing.link.lower().startswith(("http://", "https://")):
        event.add("url", hearing.link)
    return event


def _action_event(session: Session, action: Action, lang: str, now: datetime) -> Event:
    assert action.due_date is not None
    summary = t("feed.action", lang, id=action.id, title=action.title)
    # Edits (title, owner, due date) and due dates set with a status (`/tiltak status 7
    # utsatt frist 1. juli`, audited as a status): an edit of the due date counts twice,
    # which a calendar does not mind; SEQUENCE must only go up when the event changes.
    moves = (
        select(func.count())
        .select_from(ActionUpdate)
        .where(ActionUpdate.action_id == action.id, ActionUpdate.due_date.is_not(None))
    )
    sequence = edits(session, "action", action.id) + (session.scalar(moves) or 0)
    return _day_event(f"action-{action.id}@partnerbot", action.due_date, summary, now, sequence)


def _add(cal: Calendar, events: Iterable[Event]) -> None:
    for event in events:
        cal.add_component(event)


def _ical(cal: Calendar, tz: ZoneInfo) -> bytes:
    """The feed's bytes; a zone other than Oslo's (written first, by _calendar) gets its
    VTIMEZONE from icalendar, so every TZID a feed names is defined in it."""
    if str(tz) not in _CET_ZONES:
        cal.add_missing_timezones()
    return cal.to_ical()


def member_feed(
    session: Session, member: Member, *, now: datetime, tz: ZoneInfo, lang: str
) -> bytes:
    since = now - timedelta(days=PAST_DAYS)
    network_ids = [n.id for n in member.networks]
    voted = select(Vote.poll_id).where(Vote.member_id == member.id)
    meetings = session.scalars(
        select(Meeting)
        .where(
            or_(Meeting.network_id.in_(network_ids), Meeting.poll_id.in_(voted)),
            Meeting.start_at >= since,
        )
        .order_by(Meeting.start_at, Meeting.id)
    )
    conferences = session.scalars(
        select(Conference)
        .join(Registration, Registration.conference_id == Conference.id)
        .where(
            Registration.member_id == member.id,
            Registration.status == REGISTERED,
            Conference.start_at >= since,
        )
        .order_by(Conference.start_at, Conference.id)
    )
    hearings = session.scalars(
        select(Hearing)
        .where(
            Hearing.network_id.in_(network_ids),
            Hearing.state == "open",
            Hearing.deadline >= since,
        )
        .order_by(Hearing.deadline, Hearing.id)
    )
    actions = session.scalars(
        select(Action)
        .where(
            Action.owner_member_id == member.id,
            Action.due_date.is_not(None),
            Action.status.in_(OPEN_ACTION),
        )
        .order_by(Action.due_date, Action.id)
    )
    cal = _calendar(t("feed.name", lang, name=member.name), tz)
    _add(cal, (_meeting_event(m, tz, now) for m in meetings))
    _add(cal, (_conference_event(session, c, tz, now) for c in conferences))
    _add(cal, (_hearing_event(session, h, tz, lang, now) for h in hearings))
    _add(cal, (_action_event(session, a, lang, now) for a in actions))
    return _ical(cal, tz)


def network_feed(
    session: Session, network: Network, *, now: datetime, tz: ZoneInfo, lang: str
) -> bytes:
    since = now - timedelta(days=PAST_DAYS)
    meetings = session.scalars(
        select(Meeting)
        .where(Meeting.network_id == network.id, Meeting.start_at >= since)
        .order_by(Meeting.start_at, Meeting.id)
    )
    conferences = session.scalars(
        select(Conference)
        .where(
            Conference.state.in_((ANNOUNCED, CONFERENCE_CANCELLED)),
            Conference.start_at >= since,
            or_(
                Conference.network_id == network.id,
                Conference.id.in_(
                    select(ConferenceAudience.conference_id).where(
                        ConferenceAudience.network_id == network.id
                    )
                ),
            ),
        )
        .order_by(Conference.start_at, Conference.id)
    )
    hearings = session.scalars(
        select(Hearing)
        .where(Hearing.network_id == network.id, Hearing.state == "open")
        .order_by(Hearing.deadline, Hearing.id)
    )
    cal = _calendar(network.name, tz)
    _add(cal, (_meeting_event(m, tz, now) for m in meetings))
    _add(cal, (_conference_event(session, c, tz, now) for c in conferences))
    _add(cal, (_hearing_event(session, h, tz, lang, now) for h in hearings))
    return _ical(cal, tz)
