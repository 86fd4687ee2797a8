"""A poll's decision: the Meeting row, its .ics invitation, and its reminders in the outbox.

The invitation is an iCalendar PUBLISH (like the conference .ics) with a random, stable UID
("<uuid>@partnerbot", unique across databases and resets), so a calendar that already has
the meeting updates it when a moved meeting is sent again with a higher SEQUENCE, instead
of adding a second copy. It names no ORGANIZER and asks for no reply: the bot has no mail
address, and a REQUEST makes Outlook offer Accept/Decline whose answers bounce.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard
from sqlalchemy.orm import Session

from bot.config import Settings
from bot.datefmt import previous_working_day
from bot.dates import Slot, format_slot
from bot.i18n import t
from bot.messages import File, Reply, Text
from bot.zones import row_zone
from handlers.poll_results import meeting_of
from storage import outbox
from storage.models import Meeting, Member, OutboxMessage, Poll, PollSlot

DEFAULT_MINUTES = 60
REMINDER_KIND = "meeting.reminder"


def meeting_end(poll: Poll, slot: PollSlot) -> datetime:
    if slot.end_at is not None:
        return slot.end_at
    return slot.start_at + timedelta(minutes=poll.duration_minutes or DEFAULT_MINUTES)


def decide(
    session: Session,
    poll: Poll,
    slot: PollSlot,
    *,
    now: datetime,
    tz: tzinfo,
    member_id: int | None,
    place: str | None = None,
    agenda: str | None = None,
) -> tuple[Meeting, bool]:
    """Create the poll's meeting at ``slot``, or move the existing one there (a new
    SEQUENCE). Returns the meeting and whether it already existed. Schedules reminders."""
    meeting = meeting_of(session, poll)
    existed = meeting is not None
    if meeting is None:
        meeting = Meeting(
            poll_id=poll.id,
            network_id=poll.network_id,
            title=poll.title,
            start_at=slot.start_at,
            end_at=meeting_end(poll, slot),
            place=place or poll.place,
            agenda=agenda or poll.agenda,
            uid=meeting_uid(),
            sequence=0,
            created_by=member_id,
            created_at=now,
        )
        session.add(meeting)
        session.flush()
    else:
        meeting.start_at, meeting.end_at = slot.start_at, meeting_end(poll, slot)
        meeting.place = place or meeting.place
        meeting.agenda = agenda or meeting.agenda
        meeting.sequence += 1
    session.flush()
    schedule_reminders(session, meeting, now=now, tz=tz, organiser_id=member_id)
    return meeting, existed


def call_off(session: Session, meeting: Meeting) -> None:
    """The meeting will not take place: a new SEQUENCE (calendars take the cancelled copy
    over the one they have) and no more reminders."""
    meeting.cancelled = True
    meeting.sequence += 1
    outbox.cancel(session, object_type="meeting", object_id=meeting.id, kinds=[REMINDER_KIND])
    session.flush()


def meeting_uid() -> str:
    return f"{uuid.uuid4()}@partnerbot"


def schedule_reminders(
    session: Session, meeting: Meeting, *, now: datetime, tz: tzinfo, organiser_id: int | None
) -> None:
    """The day before at 09:00 local time and one hour before, to the network's channel.

    Keys carry the SEQUENCE: a moved meeting gets fresh reminders even when the old day-
    before reminder was already sent, and the old pending ones are cancelled.
    """
    outbox.cancel(session, object_type="meeting", object_id=meeting.id, kinds=[REMINDER_KIND])
    if meeting.network_id is None or meeting.cancelled:
        return
    local_start = meeting.start_at.astimezone(tz)
    # on the working day before if the day before is a weekend or a public holiday
    eve = previous_working_day(local_start.date() - timedelta(days=1))
    day_before = datetime.combine(eve, time(9, 0), tzinfo=tz)
    due = {"day_before": day_before, "hour_before": meeting.start_at - timedelta(hours=1)}
    for which, at in due.items():
        if at <= now:
            continue  # a reminder whose moment has passed would only arrive late
        outbox.schedule(
            session,
            key=f"meeting:{meeting.id}:s{meeting.sequence}:{which}",
            kind=REMINDER_KIND,
            target=outbox.Target.network(meeting.network_id),
            due_at=at,
            object_type="meeting",
            object_id=meeting.id,
            payload={
                "which": which,
                "sequence": meeting.sequence,
                "tz": str(tz),
                "organiser_id": organiser_id,
            },
        )


def render_reminder(
    session: Session, row: OutboxMessage, now: datetime, lang: str, *, settings: Settings
) -> Reply | None:
    meeting = session.get(Meeting, row.object_id or 0)
    payload = row.payload or {}
    if meeting is None or meeting.cancelled or payload.get("sequence") != meeting.sequence:
        return None
    if meeting.start_at <= now:
        return None
    tz = row_zone(row, settings)
    key = "meetings.reminder_hour"
    if payload.get("which") == "day_before":
        eve = row.due_at.astimezone(tz).date() + timedelta(days=1)
        tomorrow = eve == meeting.start_at.astimezone(tz).date()
        key = "meetings.reminder_day" if tomorrow else "meetings.reminder_soon"
    lines = [
        t(
            key,
            lang,
            title=meeting.title,
            when=format_slot(Slot(meeting.start_at, meeting.end_at), lang, tz),
        )
    ]
    if meeting.place:
        lines.append(t("polls.place", lang, place=meeting.place))
    if meeting.agenda:
        lines.append(t("polls.agenda", lang, agenda=meeting.agenda))
    return Reply(
        blocks=[Text("\n".join(lines))], visibility="channel", object_ref=("meeting", meeting.id)
    )


# -- the .ics invitation ----------------------------------------------------------------


def _oslo_timezone(name: str) -> Timezone:
    """A compact VTIMEZONE with the EU summer-time rule (in force since 1996), which every
    calendar client reads; icalendar's generated one lists each change up to 2038."""
    tz = Timezone()
    tz.add("tzid", name)
    for cls, start, rule, offset_from, offset_to, label in (
        (
            TimezoneStandard,
            datetime(1996, 10, 27, 3),
            {"freq": "yearly", "bymonth": 10, "byday": "-1su"},
            2,
            1,
            "CET",
        ),
        (
            TimezoneDaylight,
            datetime(1981, 3, 29, 2),
            {"freq": "yearly", "bymonth": 3, "byday": "-1su"},
            1,
            2,
            "CEST",
        ),
    ):
        part = cls()
        part.add("dtstart", start)
        part.add("rrule", rule)
        part.add("tzoffsetfrom", timedelta(hours=offset_from))
        part.add("tzoffsetto", timedelta(hours=offset_to))
        part.add("tzname", label)
        tz.add_component(part)
    return tz


# Zones that keep the EU rule with +01:00 in winter; others get icalendar's own VTIMEZONE.
_CET_ZONES = {
    "Europe/Oslo",
    "Europe/Stockholm",
    "Europe/Copenhagen",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/Amsterdam",
    "Europe/Brussels",
    "Europe/Vienna",
}


def ics(
    meeting: Meeting,
    *,
    tz: ZoneInfo,
    now: datetime,
    organiser: Member | None,
    description: str | None = None,
) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//partnerbot//partnerbot//NO")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # A called-off meeting is a CANCEL of the same UID: calendars that took the invitation
    # remove (or strike through) their copy.
    cal.add("method", "CANCEL" if meeting.cancelled else "PUBLISH")
    event = Event()
    event.add("uid", meeting.uid)
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", now)
    event.add("dtstart", meeting.start_at.astimezone(tz))
    if meeting.end_at is not None:
        event.add("dtend", meeting.end_at.astimezone(tz))
    event.add("summary", meeting.title)
    if meeting.place:
        event.add("location", meeting.place)
    text = "\n\n".join(x for x in (meeting.agenda, description) if x)
    if text:
        event.add("description", text)
    event.add("status", "CANCELLED" if meeting.cancelled else "CONFIRMED")
    # VTIMEZONE before the event, as Outlook and most generators write it.
    if str(tz) in _CET_ZONES:
        cal.add_component(_oslo_timezone(str(tz)))
        cal.add_component(event)
    else:
        cal.add_component(event)
        cal.add_missing_timezones()
    return cal.to_ical()


def ics_name(meeting: Meeting) -> str:
    # ASCII only: some platforms and mail clients mangle non-ASCII attachment names.
    folded = meeting.title.casefold().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:40].strip("-") or "mote"
    return f"{slug}-{meeting.id}.ics"


def invitation(
    meeting: Meeting,
    *,
    tz: ZoneInfo,
    now: datetime,
    organiser: Member | None,
    description: str | None = None,
) -> File:
    return File(
        name=ics_name(meeting),
        data=ics(meeting, tz=tz, now=now, organiser=organiser, description=description),
        mime="text/calendar; method=CANCEL"
        if meeting.cancelled
        else "text/calendar; method=PUBLISH",
        title=meeting.title,
    )


def decision_reply(
    meeting: Meeting,
    poll: Poll,
    slot: PollSlot,
    *,
    moved: bool,
    lang: str,
    tz: ZoneInfo,
    now: datetime,
    organiser: Member | None,
    intro: list[str] | None = None,
    description: str | None = None,
) -> Reply:
    """The announcement in the channel, with the invitation attached (``description``: who
    answered what, in its text)."""
    when = format_slot(Slot(meeting.start_at, meeting.end_at), lang, tz)
    key = "meetings.moved" if moved else "meetings.decided"
    lines = [
        *(intro or []),
        t(key, lang, title=meeting.title, when=when, number=slot.position, id=poll.id),
    ]
    if meeting.place:
        lines.append(t("polls.place", lang, place=meeting.place))
    if meeting.agenda:
        lines.append(t("polls.agenda", lang, agenda=meeting.agenda))
    lines.append(t("meetings.invitation_attached", lang))
    return Reply(
        blocks=[Text("\n".join(lines))],
        visibility="channel",
        files=[invitation(meeting, tz=tz, now=now, organiser=organiser, description=description)],
        object_ref=("meeting", meeting.id),
    )
