"""Conference messages through the outbox: invitations, promotions, reminders and their renderers.

Rules (the reminders are rows, rescheduled whenever the conference changes):
- invitations go to every audience network's channels at once; audience members reached
  only through an organisation (in no audience network) get theirs as a direct message;
- 3 days before the registration deadline at 09:00 local, each audience member who has
  not answered gets a direct message; whether they answered is checked at send time;
- the day before at 12:00 local, each registered participant gets time, place and programme;
- at the deadline the organiser is told registration closed, with the counts;
- a reminder whose moment has already passed when it would be scheduled is not scheduled;
- a conference called off: nothing pending about it is sent; its audience networks'
  channels and everyone who answered (registered, waitlisted, maybe) are told at once;
- who answered is one rule for a call-off and a new day or place (``_answered``): a web
  guest has no chat to be told in, so is counted for the organiser instead of sent a DM.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo

from sqlalchemy.orm import Session

from bot.config import Settings
from bot.datefmt import previous_working_day
from bot.dates import format_datetime
from bot.i18n import t
from bot.messages import Fields, Reply, Text
from bot.zones import row_zone
from handlers.conference_common import (
    ANNOUNCED,
    CONFERENCE_CANCELLED,
    MAYBE,
    OBJECT,
    REGISTERED,
    SAID_NO,
    WAITLISTED,
    audience_members,
    audience_networks,
    count_status,
    registration_of,
    rsvp_buttons,
    seats_left,
    when_text,
)
from storage import outbox
from storage.models import Conference, Member, OutboxMessage, Registration
from storage.outbox import Target

INVITATION, PROMOTED = "conference.invitation", "conference.promoted"
NONRESPONDER, DAY_BEFORE, CLOSED = (
    "conference.nonresponder",
    "conference.day_before",
    "conference.closed",
)
REMINDER_KINDS = (NONRESPONDER, DAY_BEFORE, CLOSED)
CALLED_OFF = "conference.called_off"
CHANGED = "conference.changed"


def _payload(conf: Conference, tz: tzinfo) -> dict[str, object]:
    return {"organiser_id": conf.created_by, "tz": str(tz)}


def _schedule(
    session: Session,
    conf: Conference,
    what: str,
    kind: str,
    target: Target,
    due_at: datetime,
    payload: dict[str, object],
) -> None:
    """One of the conference's messages, keyed ``conference:<id>:<what>``."""
    outbox.schedule(
        session,
        key=f"conference:{conf.id}:{what}",
        kind=kind,
        target=target,
        due_at=due_at,
        object_type=OBJECT,
        object_id=conf.id,
        payload=payload,
    )


def _at_local(day: datetime, hour: int, tz: tzinfo, days_before: int) -> datetime:
    """``hour`` o'clock ``days_before`` days before ``day``, on the working day before if that
    day is a weekend or a public holiday."""
    local_day = previous_working_day(day.astimezone(tz).date() - timedelta(days=days_before))
    return datetime.combine(local_day, time(hour, 0), tzinfo=tz)


def _is_eve(row: OutboxMessage, start: datetime, tz: tzinfo) -> bool:
    """Whether a "day before" message goes out on the very day before (not moved back)."""
    return row.due_at.astimezone(tz).date() + timedelta(days=1) == start.astimezone(tz).date()


# -- scheduling ---------------------------------------------------------------------------


def schedule_invitations(
    session: Session, conf: Conference, now: datetime, tz: tzinfo
) -> tuple[list[int], list[Member]]:
    """Invitation rows due now; returns the audience network ids and the members reached."""
    nets = audience_networks(session, conf)
    in_networks = {m.id for net in nets for m in net.members}
    for net in nets:
        _schedule(
            session,
            conf,
            f"invitation:network:{net.id}",
            INVITATION,
            Target.network(net.id),
            now,
            _payload(conf, tz),
        )
    members = audience_members(session, conf)
    for m in members:
        if m.id not in in_networks:
            _schedule(
                session,
                conf,
                f"invitation:member:{m.id}",
                INVITATION,
                Target.member(m.id),
                now,
                _payload(conf, tz),
            )
    return [n.id for n in nets], members


def _day_before_key(conf: Conference, member_id: int) -> str:
    """Per day the conference is on: moved after the note went, it gets a new one (a sent
    key is never sent again)."""
    return f"day_before:{member_id}@{conf.start_at.date().isoformat()}"


def schedule_day_before(
    session: Session, conf: Conference, member_id: int, now: datetime, tz: tzinfo
) -> None:
    due = _at_local(conf.start_at, 12, tz, 1)
    if due > now:
        _schedule(
            session,
            conf,
            _day_before_key(conf, member_id),
            DAY_BEFORE,
            Target.member(member_id),
            due,
            _payload(conf, tz),
        )


def cancel_day_before(session: Session, conf: Conference, member_id: int) -> None:
    outbox.cancel(
        session,
        object_type=OBJECT,
        object_id=conf.id,
        # and the key of a note scheduled before keys carried the day
        keys=[
            f"conference:{conf.id}:{_day_before_key(conf, member_id)}",
            f"conference:{conf.id}:day_before:{member_id}",
        ],
    )


def schedule_promoted(
    session: Session,
    conf: Conference,
    reg: Registration,
    now: datetime,
    tz: tzinfo,
    *,
    more_seats: bool = False,
) -> None:
    """The member's seat from the waitlist, told why: someone cancelled, or more seats."""
    _schedule(
        session,
        conf,
        f"promoted:{reg.id}:{now.isoformat()}",
        PROMOTED,
        Target.member(reg.member_id),
        now,
        {**_payload(conf, tz), "more_seats": more_seats},
    )


def schedule_reminders(session: Session, conf: Conference, now: datetime, tz: tzinfo) -> None:
    """(Re)schedule every reminder of an announced conference from its current dates."""
    outbox.cancel(session, object_type=OBJECT, object_id=conf.id, kinds=REMINDER_KINDS)
    if conf.state != ANNOUNCED:
        return
    deadline = conf.registration_deadline
    if deadline is not None:
        due = _at_local(deadline, 9, tz, 3)
        if now < due < deadline:
            for m in audience_members(session, conf):
                _schedule(
                    session,
                    conf,
                    f"nonresponder:{m.id}",
                    NONRESPONDER,
                    Target.member(m.id),
                    due,
                    _payload(conf, tz),
                )
        if deadline > now and conf.created_by is not None:
            _schedule(
                session,
                conf,
                f"closed@{deadline.isoformat()}",  # a deadline moved after it passed: again
                CLOSED,
                Target.member(conf.created_by),
                deadline,
                _payload(conf, tz),
            )
    for reg in conf.registrations:
        if reg.status == REGISTERED and not reg.member.is_guest:  # a guest has no chat
            schedule_day_before(session, conf, reg.member_id, now, tz)


@dataclass(frozen=True)
class Told:
    """Who is told of a call-off or a change: members in a chat (a direct message each),
    and web guests who answered but have no chat (their organiser reaches them)."""

    members: int
    guests: int


def _answered(conf: Conference) -> tuple[list[int], int]:
    """The members who answered (registered, waitlisted, maybe: not a no) and have a chat,
    by id, and how many web guests answered."""
    answers = [r for r in conf.registrations if r.status not in SAID_NO]
    in_chat = sorted({r.member_id for r in answers if not r.member.is_guest})
    return in_chat, sum(1 for r in answers if r.member.is_guest)


def schedule_called_off(
    session: Session, conf: Conference, now: datetime, tz: tzinfo, reason: str | None
) -> Told:
    """Stop everything pending about the conference and tell its channels and everyone who
    answered it in a chat."""
    outbox.cancel(session, object_type=OBJECT, object_id=conf.id)
    payload = {**_payload(conf, tz), "reason": reason}
    for net in audience_networks(session, conf):
        _schedule(
            session,
            conf,
            f"called_off:network:{net.id}",
            CALLED_OFF,
            Target.network(net.id),
            now,
            payload,
        )
    answered, guests = _answered(conf)
    for member_id in answered:
        _schedule(
            session,
            conf,
            f"called_off:member:{member_id}",
            CALLED_OFF,
            Target.member(member_id),
            now,
            payload,
        )
    return Told(len(answered), guests)


def schedule_changed(session: Session, conf: Conference, now: datetime, tz: tzinfo) -> Told:
    """A new day or place, told at once to everyone who answered in a chat (a web guest's
    page shows it). Rendered at send time: two changes in a row tell the last."""
    answered, guests = _answered(conf)
    waiting = _pending_changed(session, conf)
    for member_id in answered:
        _schedule(
            session,
            conf,
            waiting.get(member_id, f"changed:member:{member_id}:{now.isoformat()}"),
            CHANGED,
            Target.member(member_id),
            now,
            _payload(conf, tz),
        )
    return Told(len(answered), guests)


def _pending_changed(session: Session, conf: Conference) -> dict[int, str]:
    """The change notices not yet sent, by member, as ``what`` for ``_schedule``: a second
    change before they go moves the pending one (one notice, the latest state at send time)."""
    prefix = f"conference:{conf.id}:"
    return {
        int(row.target_id): row.key.removeprefix(prefix)
        for row in outbox.for_object(session, OBJECT, conf.id)
        if row.kind == CHANGED and row.state == outbox.PENDING and row.key.startswith(prefix)
    }


def called_off_card(conf: Conference, lang: str, tz: tzinfo, reason: str | None) -> Reply:
    """What the posted invitations show once it is called off: no RSVP buttons."""
    lines = [
        t("conferences.called_off_card", lang, title=conf.title, id=conf.id),
        when_text(conf, lang, tz),
    ]
    if reason:
        lines.append(t("conferences.called_off_reason", lang, reason=reason))
    return Reply(
        blocks=[Text("\n".join(lines))], visibility="channel", object_ref=(OBJECT, conf.id)
    )


# -- rendering ----------------------------------------------------------------------------


def _announced(session: Session, row: OutboxMessage) -> Conference | None:
    conf = session.get(Conference, row.object_id) if row.object_id else None
    return conf if conf is not None and conf.state == ANNOUNCED else None


def _holding_seat(session: Session, row: OutboxMessage) -> Conference | None:
    """The announced conference, if the row's member (still) holds a seat in it."""
    conf = _announced(session, row)
    if conf is None:
        return None
    reg = registration_of(session, conf.id, int(row.target_id))
    return conf if reg is not None and reg.status == REGISTERED else None


def details(session: Session, conf: Conference, lang: str, tz: tzinfo) -> Fields:
    """The facts of a conference as label/value pairs, for invitations and ``vis``."""
    left = seats_left(session, conf)
    seats = (
        t("conferences.seats_unlimited", lang)
        if conf.seats is None
        else t("conferences.seats_left", lang, left=left, seats=conf.seats)
    )
    waiting = count_status(session, conf.id, WAITLISTED)
    if waiting:
        seats += t("conferences.seats_waiting", lang, count=waiting)
    items = [(t("conferences.label.when", lang), when_text(conf, lang, tz))]
    if conf.place:
        items.append((t("conferences.label.place", lang), conf.place))
    if conf.theme:
        items.append((t("conferences.label.theme", lang), conf.theme))
    if conf.programme:
        items.append((t("conferences.label.programme", lang), conf.programme))
    if conf.registration_deadline is not None:
        items.append(
            (
                t("conferences.label.deadline", lang),
                format_datetime(conf.registration_deadline, lang, tz),
            )
        )
    items.append((t("conferences.label.seats", lang), seats))
    return Fields(tuple(items))


def invitation(session: Session, conf: Conference, lang: str, tz: tzinfo) -> Reply:
    return Reply(
        blocks=[
            Text(t("conferences.invitation", lang, title=conf.title, id=conf.id)),
            details(session, conf, lang, tz),
            rsvp_buttons(conf, lang),
        ],
        visibility="channel",
        object_ref=(OBJECT, conf.id),
    )


def _cancel_hint(key: str, conf: Conference, lang: str) -> Text:
    """How to give the seat back, with the command to type."""
    return Text(t(key, lang, command=t("conferences.cmd.cancel", lang, id=conf.id)))


def render_invitation(
    session: Session, row: OutboxMessage, now: datetime, lang: str, *, settings: Settings
) -> Reply | None:
    conf = _announced(session, row)
    return invitation(session, conf, lang, row_zone(row, settings)) if conf else None


def render_promoted(
    session: Session, row: OutboxMessage, now: datetime, lang: str, *, settings: Settings
) -> Reply | None:
    conf = _holding_seat(session, row)
    if conf is None:
        return None
    tz = row_zone(row, settings)
    return Reply(
        blocks=[
            Text(
                t(
                    "conferences.promoted_more_seats"
                    if (row.payload or {}).get("more_seats")
                    else "conferences.promoted",
                    lang,
                    title=conf.title,
                    when=when_text(conf, lang, tz),
                )
            ),
            _cancel_hint("conferences.promoted_cancel_hint", conf, lang),
        ]
    )


def render_nonresponder(
    session: Session, row: OutboxMessage, now: datetime, lang: str, *, settings: Settings
) -> Reply | None:
    conf = _announced(session, row)
    if conf is None or conf.registration_deadline is None:
        return None
    if now >= conf.registration_deadline:
        return None
    if registration_of(session, conf.id, int(row.target_id)) is not None:
        return None  # answered (yes, maybe, no or waitlisted) since it was scheduled
    tz = row_zone(row, settings)
    return Reply(
        blocks=[
            Text(
                t(
                    "conferences.nonresponder",
                    lang,
                    title=conf.title,
                    deadline=format_datetime(conf.registration_deadline, lang, tz),
                )
            ),
            details(session, conf, lang, tz),
            rsvp_buttons(conf, lang),
        ]
    )


def render_day_before(
    session: Session, row: OutboxMessage, now: datetime, lang: str, *, settings: Settings
) -> Reply | None:
    conf = _holding_seat(session, row)
    if conf is None:
        return None
    tz = row_zone(row, settings)
    key = "conferences.day_before" if _is_eve(row, conf.start_at, tz) else "conferences.soon"
    lines = [t(key, lang, title=conf.title, day=when_text(conf, lang, tz))]
    items = [(t("conferences.label.when", lang), when_text(conf, lang, tz))]
    items.append((t("conferences.label.place", lang), conf.place or "—"))
    items.append((t("conferences.label.programme", lang), conf.programme or "—"))
    return Reply(
        blocks=[
            Text("\n".join(lines)),
            Fields(tuple(items)),
            _cancel_hint("conferences.day_before_cancel", conf, lang),
        ]
    )


def render_called_off(
    session: Session, row: OutboxMessage, now: datetime, lang: str, *, settings: Settings
) -> Reply | None:
    conf = session.get(Conference, row.object_id) if row.object_id else None
    if conf is None or conf.state != CONFERENCE_CANCELLED:
        return None
    reason = (row.payload or {}).get("reason")
    lines = [
        t(
            "conferences.called_off_notice",
            lang,
            title=conf.title,
            when=when_text(conf, lang, row_zone(row, settings)),
        )
    ]
    if reason:
        lines.append(t("conferences.called_off_reason", lang, reason=reason))
    return Reply.text("\n".join(lines))


def render_changed(
    session: Session, row: OutboxMessage, now: datetime, lang: str, *, settings: Settings
) -> Reply | None:
    conf = _announced(session, row)
    if conf is None:
        return None
    reg = registration_of(session, conf.id, int(row.target_id))
    if reg is None or reg.status in SAID_NO:
        return None  # withdrew since: the change is no longer theirs to hear
    tz = row_zone(row, settings)
    return Reply(
        blocks=[
            Text(t("conferences.changed_notice", lang, title=conf.title)),
            details(session, conf, lang, tz),
            Text(
                t(
                    "conferences.changed_hint",
                    lang,
                    ics=t("conferences.cmd.ics", lang, id=conf.id),
                    command=t("conferences.cmd.cancel", lang, id=conf.id),
                )
            ),
        ]
    )


def render_closed(
    session: Session, row: OutboxMessage, now: datetime, lang: str, *, settings: Settings
) -> Reply | None:
    conf = _announced(session, row)
    if conf is None or conf.registration_deadline is None or now < conf.registration_deadline:
        return None
    return Reply.text(
        t(
            "conferences.closed_notice",
            lang,
            title=conf.title,
            id=conf.id,
            registered=count_status(session, conf.id, REGISTERED),
            waitlisted=count_status(session, conf.id, WAITLISTED),
            maybe=count_status(session, conf.id, MAYBE),
            command=t("conferences.cmd.participants", lang, id=conf.id),
        )
    )


# The conference messages the dispatcher sends, by outbox kind.
RENDERERS = {
    INVITATION: render_invitation,
    PROMOTED: render_promoted,
    NONRESPONDER: render_nonresponder,
    DAY_BEFORE: render_day_before,
    CALLED_OFF: render_called_off,
    CLOSED: render_closed,
    CHANGED: render_changed,
}
