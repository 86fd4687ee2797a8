"""Guests register for a conference from a private link (bot/web/): a seat or the
waitlist through the same code as chat members (registrations.take_seat, fill_seats).
The link is the organiser's invitation, so the audience rule does not apply; guests get
no chat reminders (they have no chat), their page shows their status instead."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, tzinfo

from sqlalchemy.orm import Session

from bot.config import Settings
from bot.context import Context
from bot.dates import format_datetime
from bot.errors import Conflict, UserError
from bot.i18n import t
from bot.messages import Command
from handlers.conference_common import (
    ANNOUNCED,
    CANCELLED,
    CONFERENCE_CANCELLED,
    DECLINED,
    MAYBE,
    REGISTERED,
    SAID_NO,
    WAITLISTED,
    closes_at,
    is_over,
    registration_of,
    seats_left,
    status_text,
    when_text,
)
from handlers.conference_files import revision
from handlers.guest_votes import GUEST_PLATFORM
from handlers.registrations import _check_open, fill_seats, take_seat
from storage.models import Conference, GuestContact, Member, Registration

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
MAX_EMAIL = 254
REGISTER, MAYBE_CHOICE, CANCEL = "register", "maybe", "cancel"
CHOICES = (REGISTER, MAYBE_CHOICE, CANCEL)


def valid_email(email: str) -> bool:
    return len(email) <= MAX_EMAIL and EMAIL.fullmatch(email) is not None


def guest_context(
    session: Session, settings: Settings, guest: Member, *, now: datetime, lang: str
) -> Context:
    account = guest.account_on(GUEST_PLATFORM)
    user_id = account.external_id if account else f"guest-{guest.id}"
    command = Command(GUEST_PLATFORM, user_id, guest.name, "", "konferanse", "")
    return Context(session, settings, now, command, guest, lang, settings.tz, None)


def save_email(session: Session, guest: Member, email: str) -> None:
    contact = session.get(GuestContact, guest.id)
    if contact is None:
        session.add(GuestContact(member_id=guest.id, email=email))
    else:
        contact.email = email
    session.flush()


def guest_note(session: Session, member: Member, lang: str) -> str:
    """ " – gjest, e-post" after a web guest's name in an organiser's list, else ""."""
    if not member.is_guest:
        return ""
    contact = session.get(GuestContact, member.id)
    mark = t("web.guest_mark", lang)
    return f" – {mark}, {contact.email}" if contact else f" – {mark}"


def answer(ctx: Context, conf: Conference, choice: str) -> Registration:
    """Register, say maybe, or cancel for the guest in ``ctx``; UserError when it cannot be
    (Conflict when the conference was called off, is over or closed its registration while
    the guest's form was open)."""
    try:
        _check_open(ctx, conf, registering=choice != CANCEL)
    except UserError as err:
        raise Conflict(err.key, **err.params) from err
    reg = registration_of(ctx.session, conf.id, ctx.member.id)
    if choice == REGISTER:
        if reg is not None and reg.status in (REGISTERED, WAITLISTED):
            return reg
        return take_seat(ctx.session, conf, ctx.member.id, reg, ctx.now)
    if choice == MAYBE_CHOICE:
        if reg is not None and reg.status in (REGISTERED, WAITLISTED):
            raise UserError("page.conf.maybe_but_registered")
        if reg is None:
            reg = Registration(conference_id=conf.id, member_id=ctx.member.id, queued_at=ctx.now)
            ctx.session.add(reg)
        reg.status, reg.updated_at = MAYBE, ctx.now
        ctx.session.flush()
        return reg
    if reg is None or reg.status in SAID_NO:
        raise UserError("conferences.not_registered", title=conf.title)
    was = reg.status
    reg.status, reg.updated_at = (DECLINED if was == MAYBE else CANCELLED), ctx.now
    ctx.session.flush()
    if was == REGISTERED:
        fill_seats(ctx, conf)
    return reg


@dataclass(frozen=True)
class ConferenceView:
    id: int
    title: str
    when: str
    place: str | None
    theme: str | None
    programme: str | None
    deadline: str
    seats: int | None
    seats_left: int | None
    open: bool
    status: str | None  # the guest's, in words
    state: str | None  # the guest's registration status code
    notice: str | None = None  # why it takes no registration: a text key (page.conf.*)
    cancelled: bool = False  # called off
    changed: bool = False  # changed or moved after it was announced
    can_cancel: bool = False  # the guest has an answer they may still withdraw


def conference_view(
    session: Session,
    settings: Settings,
    conf: Conference,
    guest: Member | None,
    *,
    now: datetime,
    lang: str,
) -> ConferenceView:
    reg = registration_of(session, conf.id, guest.id) if guest else None
    tz = settings.tz
    notice = _notice(conf, now, tz)
    answered = reg is not None and reg.status in (REGISTERED, WAITLISTED, MAYBE)
    return ConferenceView(
        id=conf.id,
        title=conf.title,
        when=when_text(conf, lang, tz),
        place=conf.place,
        theme=conf.theme,
        programme=conf.programme,
        deadline=format_datetime(closes_at(conf), lang, tz),
        seats=conf.seats,
        seats_left=seats_left(session, conf),
        open=notice is None,
        status=status_text(session, reg, lang) if guest else None,
        state=reg.status if reg else None,
        notice=notice,
        cancelled=conf.state == CONFERENCE_CANCELLED,
        changed=conf.state == ANNOUNCED and revision(session, conf) > 0,
        can_cancel=answered and notice in (None, DEADLINE_PASSED),
    )


DEADLINE_PASSED = "page.conf.deadline_passed"


def _notice(conf: Conference, now: datetime, tz: tzinfo) -> str | None:
    """Why the conference takes no registration now (a text key), or None: it does."""
    if conf.state == CONFERENCE_CANCELLED:
        return "page.conf.cancelled"
    if conf.state != ANNOUNCED:
        return "page.conf.not_announced"
    if is_over(conf, now, tz):
        return "page.conf.over"
    if now >= closes_at(conf):
        return DEADLINE_PASSED
    return None
