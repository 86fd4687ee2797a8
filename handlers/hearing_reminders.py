"""Hearing deadline reminders: offsets, their times, keeping the outbox in step, the message."""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime, timedelta, tzinfo

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from bot.config import Settings
from bot.datefmt import previous_working_day
from bot.dates import format_datetime, parse_duration, parse_offsets
from bot.i18n import t
from bot.messages import Reply, Text
from bot.zones import row_zone
from storage import outbox
from storage.models import Hearing, OutboxMessage

KIND = "hearing.reminder"
OBJECT = "hearing"
# 14, 7 and 2 days before at 09:00 local, and 09:00 on the deadline day.
DEFAULT_OFFSETS = "14d,7d,2d,0d"
REMINDER_HOUR = 9
# Twenty of the longest stored offsets ("31622400s", 366 days) fill Hearing.reminder_offsets
# (200 characters), and no hearing needs more.
MAX_REMINDERS = 20

_DAY_UNITS = {
    "d": 1,
    "dag": 1,
    "dager": 1,
    "dagar": 1,
    "døgn": 1,
    "day": 1,
    "days": 1,
    "u": 7,
    "uke": 7,
    "uker": 7,
    "veke": 7,
    "veker": 7,
    "w": 7,
    "wk": 7,
    "week": 7,
    "weeks": 7,
}
_DAY_PIECE = re.compile(r"^\s*(\d+)\s*([a-zæøå]+)\s*$")
_SPLIT = re.compile(r"(?<=[^\d\s,;])\s*[,;]\s*|\s*;\s*")


def parse_reminders(text: str) -> str:
    """Offsets as typed ("14d,7d,2h,30m") to the stored form ("14d,7d,7200s,1800s").

    Whole days and weeks mean 09:00 local that many days before the deadline's day;
    hours and minutes count back from the deadline itself. Raises DateParseError.
    """
    parse_offsets(text)  # validates the whole list and gives the member's error message
    tokens: list[str] = []
    for piece in _SPLIT.split(text.strip()):
        if not piece.strip():
            continue
        m = _DAY_PIECE.match(piece.lower())
        if m and m.group(2) in _DAY_UNITS:
            token = f"{int(m.group(1)) * _DAY_UNITS[m.group(2)]}d"
        else:
            token = f"{int(parse_duration(piece).total_seconds())}s"
        if token not in tokens:
            tokens.append(token)
    return ",".join(tokens)


def reminder_times(deadline: datetime, offsets: str, tz: tzinfo) -> list[tuple[str, datetime]]:
    """(offset token, due time in UTC) for each reminder before the deadline, earliest first.

    A reminder counted in days lands on the working day before if it falls on a weekend or
    a public holiday; one counted in hours or minutes keeps its exact time. Two that land
    on the same moment are sent once."""
    local_day = deadline.astimezone(tz).date()
    times: dict[str, datetime] = {}
    for token in filter(None, (offsets or DEFAULT_OFFSETS).split(",")):
        amount = int(token[:-1])
        if token.endswith("d"):
            day = previous_working_day(local_day - timedelta(days=amount))
            # Built on the wall clock of that day, so a DST change in between does not
            # move the reminder off 09:00.
            due = datetime(day.year, day.month, day.day, REMINDER_HOUR, tzinfo=tz)
        else:
            due = deadline - timedelta(seconds=amount)
        due = due.astimezone(UTC)
        if due < deadline and due not in times.values():
            times[token] = due
    return sorted(times.items(), key=lambda item: item[1])


def reminder_key(hearing: Hearing, token: str) -> str:
    # The deadline is part of the key: a reminder for a moved deadline is a new reminder
    # (the "7 days left" for 22.09 must come even if the one for 15.09 was sent).
    return f"hearing:{hearing.id}:{hearing.deadline.astimezone(UTC):%Y%m%dT%H%M}:{token}"


def unanswered(hearing: Hearing) -> list[str]:
    return [a.organisation.name for a in hearing.addressees if a.answered_at is None]


def sync_reminders(session: Session, hearing: Hearing, *, now: datetime, tz: tzinfo) -> None:
    """Make the outbox match the hearing: future reminders pending, obsolete ones cancelled.

    A reminder already due but not yet sent is left alone (the bot may be down or between
    ticks); its renderer decides at send time whether it still applies.
    """
    wanted: dict[str, tuple[str, datetime]] = {}
    if hearing.state == "open" and hearing.network_id is not None and unanswered(hearing):
        for token, due in reminder_times(hearing.deadline, hearing.reminder_offsets or "", tz):
            wanted[reminder_key(hearing, token)] = (token, due)
    rows = outbox.for_object(session, OBJECT, hearing.id)
    obsolete = [
        r.key for r in rows if r.kind == KIND and r.state == outbox.PENDING and r.key not in wanted
    ]
    if obsolete:
        outbox.cancel(
            session, object_type=OBJECT, object_id=hearing.id, kinds=[KIND], keys=obsolete
        )
    known = {r.key: r for r in rows}  # the hearing's rows: no lookup per key
    payload = {
        "organiser_id": hearing.created_by,
        "tz": str(tz),
        "deadline": hearing.deadline.astimezone(UTC).isoformat(),
    }
    outbox.schedule_all(
        session,
        (
            outbox.Message(
                key=key,
                kind=KIND,
                target=outbox.Target.network(hearing.network_id or 0),
                due_at=due,
                object_type=OBJECT,
                object_id=hearing.id,
                payload=payload | {"offset": token},
            )
            for key, (token, due) in wanted.items()
            if due > now  # a time already past when set is not sent
        ),
        known=known,
    )
    session.flush()


def reminder_rows(session: Session, hearing: Hearing) -> list[OutboxMessage]:
    return [r for r in outbox.for_object(session, OBJECT, hearing.id) if r.kind == KIND]


def pending_times(session: Session, hearing: Hearing) -> list[datetime]:
    return list(session.scalars(_PENDING_TIMES, {"object_id": hearing.id}))


# Built once (every hearing's summary shows them): the times alone, no rows loaded (a new
# hearing's rows go in by one INSERT, outbox.schedule_all, and are not in the session).
_PENDING_TIMES = (
    select(OutboxMessage.due_at)
    .where(
        OutboxMessage.object_type == OBJECT,
        OutboxMessage.object_id == bindparam("object_id"),
        OutboxMessage.kind == KIND,
        OutboxMessage.state == outbox.PENDING,
    )
    .order_by(OutboxMessage.due_at, OutboxMessage.id)
)


def time_left(deadline: datetime, now: datetime, tz: tzinfo, lang: str) -> str:
    """ "om 12 dager", "i morgen", "om 5 timer", "om 30 min", or that it has passed."""
    if deadline <= now:
        return t("hearings.left.passed", lang)
    days = (deadline.astimezone(tz).date() - now.astimezone(tz).date()).days
    if days >= 2:
        return t("hearings.left.days", lang, n=days)
    if days == 1:
        return t("hearings.left.tomorrow", lang)
    minutes = math.ceil((deadline - now).total_seconds() / 60)
    if minutes >= 120:
        return t("hearings.left.hours", lang, n=minutes // 60)
    return t("hearings.left.minutes", lang, n=minutes)


def sender_part(hearing: Hearing, lang: str) -> str:
    return t("hearings.sender_part", lang, sender=hearing.sender) if hearing.sender else ""


def render_reminder(
    session: Session, row: OutboxMessage, now: datetime, lang: str, *, settings: Settings
) -> Reply | None:
    """The reminder as it reads when sent; None when it no longer applies."""
    hearing = session.get(Hearing, row.object_id) if row.object_id else None
    if hearing is None or hearing.state != "open" or now >= hearing.deadline:
        return None
    payload = row.payload or {}
    if payload.get("deadline") != hearing.deadline.astimezone(UTC).isoformat():
        return None  # scheduled for a deadline that has since changed
    missing = unanswered(hearing)
    if not missing:
        return None
    tz = row_zone(row, settings)
    lines = [
        t(
            "hearings.reminder",
            lang,
            number=hearing.id,
            title=hearing.title,
            sender=sender_part(hearing, lang),
            deadline=format_datetime(hearing.deadline, lang, tz),
            left=time_left(hearing.deadline, now, tz, lang),
            missing=", ".join(missing),
        ),
    ]
    if hearing.link:
        lines.append(t("hearings.reminder_link", lang, link=hearing.link))
    lines.append(t("hearings.answer_hint", lang, number=hearing.id))
    # No object_ref: a reminder is a message of its moment, not a card to keep up to date.
    return Reply(blocks=[Text("\n".join(lines))], visibility="channel")
