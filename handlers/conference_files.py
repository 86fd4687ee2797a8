"""Files about a conference: the .ics calendar event and the participants' CSV."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from icalendar import Calendar, Event
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.csv_files import csv_bytes
from bot.file_names import file_name
from bot.i18n import t
from bot.messages import File
from handlers.conference_common import (
    CANCELLED,
    CONFERENCE_CANCELLED,
    DECLINED,
    MAYBE,
    REGISTERED,
    WAITLISTED,
    by_arrival,
    is_all_day,
)
from storage.models import AuditEntry, Conference

# The changes a calendar must take over an earlier download: each raises SEQUENCE by one.
REVISIONS = ("conference.edit", "conference.call_off")


def revision(session: Session, conf: Conference) -> int:
    """How often the conference was changed or called off (from the audit log)."""
    return (
        session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(
                AuditEntry.object_type == "conference",
                AuditEntry.object_id == conf.id,
                AuditEntry.action.in_(REVISIONS),
            )
        )
        or 0
    )


def add_times(event: Event, conf: Conference, tz: tzinfo) -> None:
    """DTSTART and DTEND: dates for a conference given as a day without a time (an
    all-day event), else times in ``tz`` (an hour when it has no end)."""
    if is_all_day(conf, tz):
        day = conf.start_at.astimezone(tz).date()
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
    else:
        event.add("dtstart", conf.start_at.astimezone(tz))
        event.add("dtend", (conf.end_at or conf.start_at + timedelta(hours=1)).astimezone(tz))


def ics_file(
    session: Session, conf: Conference, now: datetime, tz: tzinfo, lang: str = "nb"
) -> File:
    """One VEVENT with a stable UID (Conference.uid), so a re-download updates the calendar
    entry instead of adding a second one; SEQUENCE counts the changes, so a calendar takes a
    changed or called-off event over the copy it has; times carry the TZID of ``tz`` (the
    member's zone, else PARTNERBOT_TIMEZONE: bot/zones.py) with its VTIMEZONE."""
    cal = Calendar()
    cal.add("prodid", "-//partnerbot//konferanse//NO")
    cal.add("version", "2.0")
    called_off = conf.state == CONFERENCE_CANCELLED
    # Called off: a CANCEL of the same UID, as a called-off meeting's (meeting_invite.py).
    cal.add("method", "CANCEL" if called_off else "PUBLISH")
    event = Event()
    event.add("uid", conf.uid)
    event.add("dtstamp", now)
    event.add("sequence", revision(session, conf))
    event.add("summary", conf.title)
    add_times(event, conf, tz)
    if conf.place:
        event.add("location", conf.place)
    description = "\n".join(x for x in (conf.theme, conf.programme) if x)
    if description:
        event.add("description", description)
    if conf.programme and conf.programme.startswith(("http://", "https://")):
        event.add("url", conf.programme)
    event.add("status", "CANCELLED" if called_off else "CONFIRMED")
    cal.add_component(event)
    cal.add_missing_timezones()
    return File(
        name=file_name(t("file.conference", lang), conf.id, ext="ics"),
        data=cal.to_ical(),
        mime="text/calendar; method=CANCEL" if called_off else "text/calendar; method=PUBLISH",
        title=conf.title,
    )


def participants_csv(session: Session, conf: Conference, lang: str, tz: tzinfo) -> File:
    """One row per answer, as bot.csv_files writes every CSV (Slack names are the
    members' own text: a name like "=HYPERLINK(...)" is made inert)."""
    rows = [
        [
            reg.member.name,
            reg.member.organisation.name if reg.member.organisation else "",
            t(f"conferences.csv_status.{status}", lang),
            pos if status == WAITLISTED else "",
            reg.queued_at.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S"),
            reg.note or "",
        ]
        for status in (REGISTERED, WAITLISTED, MAYBE, CANCELLED, DECLINED)
        for pos, reg in enumerate(by_arrival(session, conf.id, status), 1)
    ]
    return File(
        name=file_name(
            t("file.conference", lang), conf.id, t("file.participants", lang), ext="csv"
        ),
        data=csv_bytes(
            [*t("conferences.csv_header", lang).split(";"), t("conferences.csv_note", lang)], rows
        ),
        mime="text/csv",
        title=conf.title,
    )
