"""RSVP to a conference: register (seat or waitlist), cancel (the next in line is promoted), maybe.

Seats are counted with the conference row locked (PostgreSQL ``FOR UPDATE``; SQLite's
BEGIN IMMEDIATE serialises writers), so 300 members at once for 250 seats gives exactly
250 seats and a waitlist of 50 in the order their transactions got the lock.
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from bot.context import Context
from bot.dates import format_datetime
from bot.errors import UserError
from bot.grammar import Args
from bot.i18n import t
from bot.messages import Reply
from bot.router import Verb
from handlers.conference_common import (
    CANCELLED,
    CONFERENCE_CANCELLED,
    DECLINED,
    DRAFT,
    MAYBE,
    REGISTERED,
    SAID_NO,
    WAITLISTED,
    audience_text,
    by_arrival,
    closes_at,
    conference_ref,
    count_status,
    find_conference,
    in_audience,
    is_organiser_of,
    is_over,
    organiser_name,
    registration_of,
    waitlist_position,
)
from handlers.conference_outbox import cancel_day_before, schedule_day_before, schedule_promoted
from handlers.lookup import audit
from storage.models import Conference, Registration


def _check_open(ctx: Context, conf: Conference, *, registering: bool) -> None:
    if conf.state == DRAFT:
        raise UserError("conferences.not_announced", title=conf.title)
    if conf.state == CONFERENCE_CANCELLED:
        raise UserError("conferences.is_cancelled", title=conf.title)
    if is_over(conf, ctx.now, ctx.tz):
        raise UserError("conferences.is_over", title=conf.title)
    if registering and ctx.now >= closes_at(conf):
        raise UserError(
            "conferences.registration_closed",
            title=conf.title,
            deadline=format_datetime(closes_at(conf), ctx.lang, ctx.tz),
            organiser=organiser_name(ctx.session, conf),
        )


def _check_audience(ctx: Context, conf: Conference) -> None:
    """Registering is for the invited; organisers may always come."""
    if is_organiser_of(ctx, conf):
        return
    if in_audience(conf, ctx.member):
        return
    raise UserError(
        "conferences.not_in_audience",
        title=conf.title,
        audience=audience_text(ctx.session, conf, ctx.lang),
        organiser=organiser_name(ctx.session, conf),
    )


# "+1", "pluss en", "plus one", "med følge": someone meant to come along
_PLUS_ONE = re.compile(r"^\+\s*\d|\b(pluss|plus|følge|folge|ledsager|companion)\b")


MAX_NOTE = 500
REGISTER_KEYWORDS = {
    "note": (
        "merknad",
        "merknader",
        "kommentar",
        "allergi",
        "allergier",
        "allergiar",
        "kost",
        "note",
        "comment",
        "diet",
        "allergies",
    )
}


def _number_only(ctx: Context, args: Args, command_key: str) -> int:
    """The conference number, refusing words after it: a registration is one person's
    and holds no other facts, and a word dropped in silence looks like it was taken."""
    ref = conference_ref(args)
    stray = " ".join(tok.text for tok in args.positional[1:])
    if not stray:
        return ref
    if _PLUS_ONE.search(stray.casefold()):
        raise UserError("conferences.plus_one", id=ref)
    command = t(command_key, ctx.lang, id=ref)
    if command_key == "conferences.cmd.register":  # most likely a note: say how to give one
        word = t("conferences.note_word", ctx.lang)
        example = f'{command} {word} "{stray[:60]}"'
        raise UserError("conferences.stray_note", given=stray[:60], example=example)
    raise UserError("conferences.stray_words", given=stray[:60], command=command)


def _with_note(ctx: Context, text: str, reg: Registration, note: str | None) -> Reply:
    """The answer, with the note as it now stands when one was given. A note is free text
    that goes with a seat: one over MAX_NOTE is cut, not refused (the seat stays taken),
    and the answer says so."""
    if note:
        reg.note = note[:MAX_NOTE]
        text += "\n" + t("conferences.note_saved", ctx.lang, note=reg.note)
        if len(note) > MAX_NOTE:
            text += "\n" + t("conferences.note_cut", ctx.lang, length=len(note), limit=MAX_NOTE)
    return Reply.text(text)


def _arrival(session: Session, conf: Conference, now: datetime) -> datetime:
    """Never earlier than anyone already queued: with the row locked this keeps queued_at in
    commit order even when clocks of several bot processes disagree."""
    latest = session.scalar(_LATEST_ARRIVAL, {"conference_id": conf.id})
    return max(now, latest) if latest is not None else now


_LATEST_ARRIVAL = select(func.max(Registration.queued_at)).where(
    Registration.conference_id == bindparam("conference_id")
)


def fill_seats(ctx: Context, conf: Conference, *, more_seats: bool = False) -> list[Registration]:
    """Give free seats to the waitlist in arrival order; each promoted member is told."""
    promoted: list[Registration] = []
    free = (
        None if conf.seats is None else conf.seats - count_status(ctx.session, conf.id, REGISTERED)
    )
    for reg in by_arrival(ctx.session, conf.id, WAITLISTED):
        if free is not None and free <= 0:
            break
        reg.status, reg.updated_at = REGISTERED, ctx.now
        if not reg.member.is_guest:  # a web guest has no chat: their page tells them
            schedule_promoted(ctx.session, conf, reg, ctx.now, ctx.tz, more_seats=more_seats)
            schedule_day_before(ctx.session, conf, reg.member_id, ctx.now, ctx.tz)
        promoted.append(reg)
        free = None if free is None else free - 1
    ctx.session.flush()
    return promoted


def take_seat(
    session: Session, conf: Conference, member_id: int, reg: Registration | None, now: datetime
) -> Registration:
    """A seat if one is free, else the end of the waitlist (the conference row is locked by
    the caller); the chat verb and the guest page (bot/web/) both register through this."""
    taken = count_status(session, conf.id, REGISTERED)
    status = REGISTERED if conf.seats is None or taken < conf.seats else WAITLISTED
    queued_at = _arrival(session, conf, now)
    if reg is None:
        reg = Registration(conference_id=conf.id, member_id=member_id)
        session.add(reg)
    reg.status, reg.queued_at, reg.updated_at = status, queued_at, now
    session.flush()
    return reg


def register_for(ctx: Context, args: Args) -> Reply:
    ref = _number_only(ctx, args, "conferences.cmd.register")
    conf = find_conference(ctx.session, ref, lock=True, viewer=ctx.member)
    _check_open(ctx, conf, registering=True)
    _check_audience(ctx, conf)
    note = " ".join((args.get("note") or "").split()) or None
    reg = registration_of(ctx.session, conf.id, ctx.member.id)
    if reg is not None and reg.status == REGISTERED:
        text = t("conferences.already_registered", ctx.lang, title=conf.title)
        return _with_note(ctx, text, reg, note)
    if reg is not None and reg.status == WAITLISTED:
        position = waitlist_position(ctx.session, reg)
        text = t("conferences.already_waitlisted", ctx.lang, title=conf.title, position=position)
        return _with_note(ctx, text, reg, note)
    reg = take_seat(ctx.session, conf, ctx.member.id, reg, ctx.now)
    status = reg.status
    audit(ctx, f"conference.{status}", "conference", conf.id)
    if status == REGISTERED:
        schedule_day_before(ctx.session, conf, ctx.member.id, ctx.now, ctx.tz)
        command = t("conferences.cmd.ics", ctx.lang, id=conf.id)
        text = t("conferences.registered", ctx.lang, title=conf.title, command=command)
        return _with_note(ctx, text, reg, note)
    position = waitlist_position(ctx.session, reg)
    text = t("conferences.waitlisted", ctx.lang, title=conf.title, position=position)
    return _with_note(ctx, text, reg, note)


def unregister(ctx: Context, args: Args) -> Reply:
    ref = _number_only(ctx, args, "conferences.cmd.cancel")
    conf = find_conference(ctx.session, ref, lock=True, viewer=ctx.member)
    _check_open(ctx, conf, registering=False)
    reg = registration_of(ctx.session, conf.id, ctx.member.id)
    if reg is not None and reg.status in SAID_NO:
        return Reply.text(t("conferences.already_declined", ctx.lang, title=conf.title))
    if reg is None:  # a no to the invitation: noted, so its reminder is not sent
        return _decline(ctx, conf)
    was = reg.status
    # a maybe that becomes a no never held a seat: a no, not a withdrawal
    reg.status, reg.updated_at = (DECLINED if was == MAYBE else CANCELLED), ctx.now
    ctx.session.flush()
    cancel_day_before(ctx.session, conf, ctx.member.id)
    audit(ctx, "conference.cancelled", "conference", conf.id, was=was)
    if was == MAYBE:
        return Reply.text(t("conferences.maybe_withdrawn", ctx.lang, title=conf.title))
    if was == WAITLISTED:
        return Reply.text(t("conferences.left_waitlist", ctx.lang, title=conf.title))
    promoted = fill_seats(ctx, conf)
    key = "conferences.unregistered_seat_passed" if promoted else "conferences.unregistered"
    return Reply.text(t(key, ctx.lang, title=conf.title))


def _decline(ctx: Context, conf: Conference) -> Reply:
    if not (is_organiser_of(ctx, conf) or in_audience(conf, ctx.member)):
        return Reply.text(t("conferences.not_registered", ctx.lang, title=conf.title))
    reg = Registration(conference_id=conf.id, member_id=ctx.member.id, queued_at=ctx.now)
    reg.status, reg.updated_at = DECLINED, ctx.now
    ctx.session.add(reg)
    ctx.session.flush()
    audit(ctx, "conference.declined", "conference", conf.id)
    if ctx.now >= closes_at(conf):
        return Reply.text(t("conferences.maybe_withdrawn", ctx.lang, title=conf.title))
    return _until_deadline(ctx, conf, "conferences.declined")


def maybe_coming(ctx: Context, args: Args) -> Reply:
    ref = _number_only(ctx, args, "conferences.cmd.maybe")
    conf = find_conference(ctx.session, ref, lock=True, viewer=ctx.member)
    _check_open(ctx, conf, registering=True)
    _check_audience(ctx, conf)
    reg = registration_of(ctx.session, conf.id, ctx.member.id)
    if reg is not None and reg.status in (REGISTERED, WAITLISTED):
        # Saying "maybe" must not silently give away a seat or a place in the queue.
        return Reply.text(
            t(
                "conferences.maybe_but_registered",
                ctx.lang,
                title=conf.title,
                command=t("conferences.cmd.cancel", ctx.lang, id=conf.id),
            )
        )
    if reg is not None and reg.status == MAYBE:
        return Reply.text(t("conferences.already_maybe", ctx.lang, title=conf.title))
    if reg is None:
        reg = Registration(conference_id=conf.id, member_id=ctx.member.id, queued_at=ctx.now)
        ctx.session.add(reg)
    reg.status, reg.updated_at = MAYBE, ctx.now
    ctx.session.flush()
    return _until_deadline(ctx, conf, "conferences.maybe")


def _until_deadline(ctx: Context, conf: Conference, key: str) -> Reply:
    """``key``'s answer with the registration deadline and the command to register by it
    (a no or a maybe can still become a yes)."""
    return Reply.text(
        t(
            key,
            ctx.lang,
            title=conf.title,
            deadline=format_datetime(closes_at(conf), ctx.lang, ctx.tz),
            command=t("conferences.cmd.register", ctx.lang, id=conf.id),
        )
    )


VERBS = (
    Verb(
        (
            "meld på",
            "meld pa",
            "påmelding",
            "pamelding",
            "meld meg på",
            "påmeld",
            "pameld",
            "register",
            "sign up",
            "join",
            # a yes, as the no and the maybe below are typed (`/konferanse ja 2`)
            "ja",
            "kommer",
            "jeg kommer",
            "kjem",
            "eg kjem",
            "yes",
            "coming",
            "attend",
        ),
        register_for,
        "help.konferanse.meld_pa",
        keywords=REGISTER_KEYWORDS,
    ),
    Verb(
        (
            "meld av",
            "meld meg av",
            "avmelding",
            "avmeld",
            "nei",
            "kan ikke",
            "kan ikkje",
            "kommer ikke",
            "jeg kommer ikke",
            "kjem ikkje",
            "eg kjem ikkje",
            "cancel",
            "unregister",
            "withdraw",
            "no",
            "decline",
            "not coming",
            "i'm not coming",
            "im not coming",
            "not attending",
        ),
        unregister,
        "help.konferanse.meld_av",
    ),
    Verb(("kanskje", "maybe", "tentative"), maybe_coming, "help.konferanse.kanskje"),
)
