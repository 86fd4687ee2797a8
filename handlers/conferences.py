"""Conferences and gatherings: /konferanse ny, endre, kunngjør, vis, liste, deltakere, ics.

Registration (meld på, meld av, kanskje) lives in handlers.registrations, the outbox
messages and reminders in handlers.conference_outbox.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from bot.context import Context
from bot.dates import (
    DateParseError,
    day_warning,
    format_datetime,
    note_lines,
    parse_slots,
    parse_when,
    require_day,
)
from bot.errors import UserError
from bot.grammar import NEW_WORDS, Args, as_typed, one_line, reads_as_date, reason, within
from bot.i18n import t
from bot.messages import Reply, Text
from bot.router import Router, Verb
from handlers import conference_outbox, registrations
from handlers.conference_common import (
    ANNOUNCED,
    CANCELLED,
    CONFERENCE_CANCELLED,
    DECLINED,
    DRAFT,
    MAYBE,
    OBJECT,
    REGISTERED,
    SAID_NO,
    WAITLISTED,
    audience_members,
    audience_text,
    by_arrival,
    conference_ref,
    count_status,
    find_conference,
    home_network,
    is_organiser_of,
    is_over,
    may_see,
    organiser_refusal,
    registration_of,
    rsvp_buttons,
    status_text,
    when_text,
)
from handlers.conference_files import ics_file, participants_csv
from handlers.conference_outbox import (
    Told,
    called_off_card,
    details,
    invitation,
    schedule_called_off,
    schedule_changed,
    schedule_invitations,
    schedule_reminders,
)
from handlers.guest_registrations import guest_note
from handlers.lookup import audit, find_network, find_organisation
from storage.models import (
    ChannelRef,
    Conference,
    ConferenceAudience,
    Member,
    Network,
    Registration,
)

MAX_SEATS = 100_000
MAX_TITLE = 500
MAX_TEXT = 2000  # a place, a theme, a programme
ALL_WORDS = ("alle", "all", "everyone")
FIELDS = {
    "date": ("dato", "date"),
    "place": ("sted", "stad", "place", "venue"),
    "theme": ("tema", "theme"),
    "programme": ("program", "programme", "agenda"),
    "registration_deadline": (
        "påmeldingsfrist",
        "pameldingsfrist",
        "påmelding",
        "påmelding innan",
        "påmelding innen",
        "registration deadline",
        "registration closes",
        "frist",
        "deadline",
    ),
    "seats": ("plasser", "plassar", "seats", "places"),
    "audience": ("publikum", "audience", "målgruppe", "malgruppe"),
}
# A calendar date as typed: "15. februar", "15.02", "1/3" (after a weekday or not).
_CALENDAR_DATE = re.compile(r"\s*(?:[^\W\d_]+\s+)?\d{1,2}\s*[./]\s*(?:\d{1,2}|[^\W\d_]{3,})")


def _calendar_date(text: str) -> bool:
    """Whether ``text`` begins with a calendar date: "påmelding" alone is the deadline only
    then. A programme may say "Påmelding og kaffe", "påmelding 08:30" or "påmelding i
    morgen" (none moves the deadline), and `/konferanse 1 påmelding merknad …` registers."""
    return bool(_CALENDAR_DATE.match(text)) and reads_as_date(text)


FIELD_CHECKS = {"påmelding": _calendar_date, "registration closes": _calendar_date}


# -- reading what the organiser typed ---------------------------------------------------


def parse_date(ctx: Context, text: str) -> tuple[datetime, datetime | None]:
    """``torsdag 5. mars kl 09-16`` -> start and end; a day without a time is all day."""
    try:
        slots = parse_slots(text, now=ctx.now, tz=ctx.tz)
    except DateParseError as err:
        if err.key != "dates.slot_no_time":
            detail = err.message(ctx.lang, example=False)
            raise UserError("conferences.bad_date", detail=detail) from None
        try:
            day = parse_when(text, now=ctx.now, tz=ctx.tz)
        except DateParseError as err2:
            detail = err2.message(ctx.lang, example=False)
            raise UserError("conferences.bad_date", detail=detail) from None
        ctx.notes += note_lines(day, ctx.lang)
        return day.plain(), None
    if len(slots) != 1:
        raise UserError("conferences.one_date")
    ctx.notes += note_lines(slots, ctx.lang)
    return slots[0].start, slots[0].end


def parse_deadline(ctx: Context, text: str) -> datetime:
    try:
        when = require_day(parse_when(text, now=ctx.now, tz=ctx.tz, deadline=True), text)
    except DateParseError as err:
        detail = err.message(ctx.lang, example=False)
        raise UserError("conferences.bad_deadline", detail=detail) from None
    ctx.notes += note_lines(when, ctx.lang)
    if not when.has_time:  # a deadline day means the whole day
        return datetime.combine(when.date(), time(23, 59), tzinfo=ctx.tz)
    return when.plain()


def parse_seats(text: str) -> int:
    raw = text.strip()
    try:
        seats = int(raw)
    except ValueError:
        raise UserError("conferences.bad_seats", given=raw) from None
    if not 0 < seats <= MAX_SEATS:
        raise UserError("conferences.bad_seats", given=raw)
    return seats


def parse_audience(ctx: Context, text: str) -> tuple[bool, list[Network], list[int]]:
    """``alle``, or networks and organisations separated by commas. ``alle`` is every network
    of the organiser's partnership (the channel's, else their own); everyone everywhere only
    where there is no partnership to keep to."""
    everyone, networks, organisations = False, [], []
    for part in (p.strip() for p in re.split(r"[,;]", text)):
        if not part:
            continue
        if part.casefold() in ALL_WORDS:
            partnership = ctx.network.partnership if ctx.network else ctx.member.partnership
            if partnership is None:
                everyone = True
            else:
                networks += [n for n in partnership.networks if n not in networks]
            continue
        try:
            networks.append(find_network(ctx.session, part))
            continue
        except UserError as err:
            if err.key != "lookup.network_unknown":
                raise
        try:
            organisations.append(find_organisation(ctx.session, part).id)
        except UserError as err:
            if err.key != "lookup.organisation_unknown":
                raise
            raise _audience_unknown(ctx, part) from None
    if not (everyone or networks or organisations):  # `publikum ,`: not "nobody invited"
        raise _audience_unknown(ctx, text.strip())
    return everyone, networks, organisations


def _audience_unknown(ctx: Context, given: str) -> UserError:
    names = ", ".join(n.name for n in ctx.session.scalars(select(Network).order_by(Network.id)))
    return UserError("conferences.audience_unknown", given=given, networks=names or "—")


def apply_fields(ctx: Context, conf: Conference, args: Args) -> None:
    """Set the fields given in ``args`` and check the result as a whole."""
    if args.get("date"):
        conf.start_at, conf.end_at = parse_date(ctx, args.options["date"])
        if is_over(conf, ctx.now, ctx.tz) or conf.start_at <= ctx.now:
            raise UserError("conferences.date_past", date=when_text(conf, ctx.lang, ctx.tz))
    if args.get("registration_deadline"):
        conf.registration_deadline = parse_deadline(ctx, args.options["registration_deadline"])
        if conf.registration_deadline <= ctx.now:
            raise UserError(
                "conferences.deadline_past",
                deadline=format_datetime(conf.registration_deadline, ctx.lang, ctx.tz),
            )
    if conf.registration_deadline is not None and conf.registration_deadline > conf.start_at:
        raise UserError(
            "conferences.deadline_after_start",
            deadline=format_datetime(conf.registration_deadline, ctx.lang, ctx.tz),
            date=when_text(conf, ctx.lang, ctx.tz),
        )
    if args.get("seats"):
        seats = parse_seats(args.options["seats"])
        taken = count_status(ctx.session, conf.id, REGISTERED) if conf.id is not None else 0
        if seats < taken:  # nobody loses a seat they were given by a smaller number
            raise UserError(
                "conferences.seats_below_registered", seats=seats, registered=taken, id=conf.id
            )
        conf.seats = seats
    for name in ("place", "theme"):
        if args.get(name):
            setattr(conf, name, one_line(args.options[name], MAX_TEXT, name))
    if args.get("programme"):  # lines of a programme stay lines
        conf.programme = within(args.options["programme"], MAX_TEXT, "programme")
    if args.get("audience"):
        everyone, networks, organisations = parse_audience(ctx, args.options["audience"])
        conf.audience_all = everyone
        conf.audience = [ConferenceAudience(network_id=n.id) for n in networks] + [
            ConferenceAudience(organisation_id=o) for o in organisations
        ]


def require_organiser_of_home(ctx: Context, conf: Conference) -> None:
    """Making a conference, or giving it a new audience, is for organisers of the
    partnership it then belongs to; without one (organisations only, several partnerships)
    it is its maker's and the admins'."""
    home = home_network(ctx.session, conf)
    if home is not None:
        ctx.require_organiser(home)


def organised_conference(ctx: Context, args: Args) -> Conference:
    """The conference the command names, locked, if the member organises it and it is not
    called off (what changing, announcing and calling off need)."""
    conf = find_conference(ctx.session, conference_ref(args), lock=True, viewer=ctx.member)
    if not is_organiser_of(ctx, conf):
        raise organiser_refusal(ctx, conf)
    if conf.state == CONFERENCE_CANCELLED:
        raise UserError("conferences.is_cancelled", title=conf.title)
    return conf


# -- the commands -------------------------------------------------------------------------


def new_conference(ctx: Context, args: Args) -> Reply:
    ctx.require_role("organiser")
    title = args.strict_title(limit=MAX_TITLE) or ""
    if not title:
        raise UserError("conferences.title_missing")
    if not args.get("date"):
        raise UserError("conferences.date_missing")
    conf = Conference(
        title=title,
        state=DRAFT,
        uid=f"{uuid.uuid4()}@partnerbot",
        created_by=ctx.member.id,
        created_at=ctx.now,
        network_id=ctx.network.id if ctx.network else None,
        audience_all=False,
    )
    apply_fields(ctx, conf, args)
    if not args.get("audience"):
        if ctx.network is None:
            raise UserError("conferences.audience_missing")
        conf.audience = [ConferenceAudience(network_id=ctx.network.id)]
    require_organiser_of_home(ctx, conf)
    ctx.session.add(conf)
    ctx.session.flush()
    audit(ctx, "conference.create", "conference", conf.id, title=title)
    reply = Reply(
        blocks=[
            Text(t("conferences.created", ctx.lang, id=conf.id, title=conf.title)),
            details(ctx.session, conf, ctx.lang, ctx.tz),
            Text(
                t(
                    "conferences.created_next",
                    ctx.lang,
                    id=conf.id,
                    audience=audience_text(ctx.session, conf, ctx.lang),
                    command=t("conferences.cmd.announce", ctx.lang, id=conf.id),
                )
            ),
        ]
    )
    warning = day_warning(conf.start_at.astimezone(ctx.tz).date(), ctx.lang)
    if warning:
        reply.add(Text(warning))
    return reply


def edit_conference(ctx: Context, args: Args) -> Reply:
    conf = organised_conference(ctx, args)
    args.refuse_stray(title=True)
    new_title = next((tok.text for tok in args.positional if tok.quoted), None)
    if not args.options and not new_title:  # `endre 1 ""`: no title is no change
        raise UserError("conferences.edit_nothing", id=conf.id)
    if new_title:
        conf.title = one_line(new_title, MAX_TITLE)
    before = (conf.start_at, conf.end_at, conf.place)
    apply_fields(ctx, conf, args)
    if args.get("audience"):  # not handed to another partnership's networks
        require_organiser_of_home(ctx, conf)
    ctx.session.flush()
    told = Told(0, 0)
    if conf.state == ANNOUNCED:
        if args.get("audience"):
            schedule_invitations(ctx.session, conf, ctx.now, ctx.tz)  # new networks only
        registrations.fill_seats(ctx, conf, more_seats=True)  # the waitlist moves up
        schedule_reminders(ctx.session, conf, ctx.now, ctx.tz)
        if (conf.start_at, conf.end_at, conf.place) != before:  # a new day or place
            told = schedule_changed(ctx.session, conf, ctx.now, ctx.tz)
    audit(ctx, "conference.edit", "conference", conf.id, fields=",".join(args.options))
    intro = t("conferences.edited", ctx.lang, id=conf.id, title=conf.title)
    if told.members:
        intro += " " + t("conferences.edited_told", ctx.lang, count=told.members)
    intro += _guests_not_told(ctx, conf, told)
    reply = Reply(blocks=[Text(intro), details(ctx.session, conf, ctx.lang, ctx.tz)])
    if conf.state == ANNOUNCED:  # the posted invitations show it as it now is
        reply.object_ref = (OBJECT, conf.id)
        reply.card = invitation(ctx.session, conf, ctx.lang, ctx.tz)
    return reply


def announce_conference(ctx: Context, args: Args) -> Reply:
    conf = organised_conference(ctx, args)
    if len(args.positional) > 1:  # `kunngjør 2 i morgen`: it is announced now, or not at all
        given = " ".join(tok.text for tok in args.positional[1:])
        command = t("conferences.cmd.announce", ctx.lang, id=conf.id)
        raise UserError("conferences.stray_words", given=given[:60], command=command)
    if is_over(conf, ctx.now, ctx.tz) or conf.start_at <= ctx.now:
        raise UserError("conferences.is_over", title=conf.title)
    if conf.state == ANNOUNCED and conf.announced_at is not None:
        return Reply.text(
            t(
                "conferences.already_announced",
                ctx.lang,
                title=conf.title,
                at=format_datetime(conf.announced_at, ctx.lang, ctx.tz),
            )
        )
    conf.state, conf.announced_at = ANNOUNCED, ctx.now
    network_ids, members = schedule_invitations(ctx.session, conf, ctx.now, ctx.tz)
    schedule_reminders(ctx.session, conf, ctx.now, ctx.tz)
    refs = (
        ctx.session.scalars(
            select(ChannelRef).where(
                ChannelRef.network_id.in_(network_ids),
                ChannelRef.platform == ctx.command.platform,
            )
        ).all()
        if network_ids
        else []
    )
    audit(ctx, "conference.announce", "conference", conf.id)
    reach = (
        t("conferences.members.one", ctx.lang)
        if len(members) == 1
        else t("conferences.members.many", ctx.lang, n=len(members))
    )
    reply = Reply.text(
        t(
            "conferences.announced",
            ctx.lang,
            title=conf.title,
            members=reach,
            channel_names=", ".join(r.name or r.channel_id for r in refs),
        )
        if refs
        else t("conferences.announced_no_channels", ctx.lang, title=conf.title, members=reach)
    )
    silent = [n for n in network_ids if n not in {r.network_id for r in refs}]
    if silent:
        names = ", ".join(
            n.name
            for n in ctx.session.scalars(
                select(Network).where(Network.id.in_(silent)).order_by(Network.id)
            )
        )
        reply.add(Text(t("conferences.announced_no_channel", ctx.lang, networks=names)))
    return reply


def _guests_not_told(ctx: Context, conf: Conference, told: Told) -> str:
    """ " N web guests cannot be told: their e-mail is in the participants list", or ""."""
    if not told.guests:
        return ""
    key = "conferences.guests_not_told." + ("one" if told.guests == 1 else "many")
    command = t("conferences.cmd.participants", ctx.lang, id=conf.id)
    return " " + t(key, ctx.lang, count=told.guests, command=command)


def call_off_conference(ctx: Context, args: Args) -> Reply:
    conf = organised_conference(ctx, args)
    if is_over(conf, ctx.now, ctx.tz):
        raise UserError("conferences.is_over", title=conf.title)
    why = reason(as_typed(ctx.command.text, args.after_ref))
    was_announced = conf.state == ANNOUNCED
    conf.state = CONFERENCE_CANCELLED
    audit(ctx, "conference.call_off", "conference", conf.id, reason=why or "")
    if not was_announced:  # a draft: nothing was sent or scheduled, nobody to tell
        return Reply.text(t("conferences.called_off_draft", ctx.lang, title=conf.title))
    told = schedule_called_off(ctx.session, conf, ctx.now, ctx.tz, why)
    text = t("conferences.called_off", ctx.lang, title=conf.title, count=told.members)
    reply = Reply.text(text + _guests_not_told(ctx, conf, told))
    # The invitations already posted lose their RSVP buttons and say it is called off.
    reply.object_ref = (OBJECT, conf.id)
    reply.card = called_off_card(conf, ctx.lang, ctx.tz, why)
    return reply


def show_conference(ctx: Context, args: Args) -> Reply:
    conf = find_conference(ctx.session, conference_ref(args), viewer=ctx.member)
    if conf.state == DRAFT and not is_organiser_of(ctx, conf):
        raise UserError("conferences.not_announced", title=conf.title)
    reg = registration_of(ctx.session, conf.id, ctx.member.id)
    state = "" if conf.state == ANNOUNCED else t(f"conferences.state.{conf.state}", ctx.lang)
    status = t("conferences.your_status", ctx.lang, status=status_text(ctx.session, reg, ctx.lang))
    if reg is not None and reg.note and reg.status not in SAID_NO:
        status += "\n" + t("conferences.note_saved", ctx.lang, note=reg.note)
    reply = Reply(
        blocks=[
            Text(t("conferences.show_title", ctx.lang, id=conf.id, title=conf.title) + state),
            details(ctx.session, conf, ctx.lang, ctx.tz),
            Text(status),
        ]
    )
    if conf.state == ANNOUNCED:
        reply.add(rsvp_buttons(conf, ctx.lang))
    return reply


@dataclass(frozen=True)
class ConferenceLine:
    conference: Conference
    registration: Registration | None  # the viewer's answer, if any


def upcoming_conferences(
    session: Session, viewer: Member, now: datetime, tz: tzinfo
) -> list[ConferenceLine]:
    """Conferences not over nor called off, soonest first: announced ones, and drafts
    the viewer may see; with the viewer's answer. What ``/konferanse liste`` shows."""
    return [
        ConferenceLine(c, registration_of(session, c.id, viewer.id))
        for c in session.scalars(_UPCOMING, {"since": now - timedelta(days=1)})
        if not is_over(c, now, tz) and (c.state == ANNOUNCED or may_see(session, viewer, c))
    ]


# Built once: every /konferanse liste runs it (building a statement costs more than running it).
_UPCOMING = (
    select(Conference)
    .where(Conference.state != CONFERENCE_CANCELLED)
    .where(Conference.start_at >= bindparam("since", type_=Conference.start_at.type))
    .order_by(Conference.start_at, Conference.id)
)


def list_conferences(ctx: Context, args: Args) -> Reply:
    found = upcoming_conferences(ctx.session, ctx.member, ctx.now, ctx.tz)
    if not found:
        return Reply.text(t("conferences.none", ctx.lang))
    lines = [t("conferences.list_title", ctx.lang)]
    for line in found:
        c = line.conference
        state = "" if c.state == ANNOUNCED else t(f"conferences.state.{c.state}", ctx.lang)
        lines.append(
            t(
                "conferences.list_line",
                ctx.lang,
                id=c.id,
                title=c.title,
                when=when_text(c, ctx.lang, ctx.tz),
                place=c.place or "—",
                status=status_text(ctx.session, line.registration, ctx.lang),
            )
            + state
        )
    return Reply.text("\n".join(lines))


def list_participants(ctx: Context, args: Args) -> Reply:
    conf = find_conference(ctx.session, conference_ref(args), viewer=ctx.member)
    if not is_organiser_of(ctx, conf):
        raise organiser_refusal(ctx, conf)
    lines = [t("conferences.participants_title", ctx.lang, id=conf.id, title=conf.title)]
    for status in (REGISTERED, WAITLISTED, MAYBE, CANCELLED):
        regs = by_arrival(ctx.session, conf.id, status)
        if status == CANCELLED:  # a no and a seat given back: both not coming
            regs = sorted(
                regs + by_arrival(ctx.session, conf.id, DECLINED), key=lambda r: (r.queued_at, r.id)
            )
        heading = t(
            f"conferences.heading.{status}",
            ctx.lang,
            count=len(regs),
            seats=conf.seats if conf.seats is not None else "∞",
        )
        lines.append(heading)
        lines += [
            f"  {i}. {r.member.name}"
            + (f" ({r.member.organisation.name})" if r.member.organisation else "")
            + guest_note(ctx.session, r.member, ctx.lang)  # organisers see guests' e-mail
            + (f" – {r.note}" if r.note else "")
            for i, r in enumerate(regs, 1)
        ] or ["  —"]
    members = audience_members(ctx.session, conf)
    answered = {r.member_id for r in conf.registrations}
    lines.append(
        t(
            "conferences.not_answered",
            ctx.lang,
            count=sum(1 for m in members if m.id not in answered),
        )
    )
    # Private: the participants' notes to the organiser (food, allergies), guests' e-mail.
    reply = Reply.text("\n".join(lines), visibility="private")
    reply.files.append(participants_csv(ctx.session, conf, ctx.lang, ctx.tz))
    return reply


def conference_ics(ctx: Context, args: Args) -> Reply:
    conf = find_conference(ctx.session, conference_ref(args), viewer=ctx.member)
    if conf.state == DRAFT and not is_organiser_of(ctx, conf):
        raise UserError("conferences.not_announced", title=conf.title)
    reply = Reply.text(t("conferences.ics", ctx.lang, title=conf.title))
    reply.files.append(ics_file(ctx.session, conf, ctx.now, ctx.tz, ctx.lang))
    return reply


VERBS = (
    Verb(NEW_WORDS, new_conference, "help.konferanse.ny", keywords=FIELDS, checks=FIELD_CHECKS),
    Verb(
        ("endre", "change", "edit"),
        edit_conference,
        "help.konferanse.endre",
        keywords=FIELDS,
        checks=FIELD_CHECKS,
        by_keyword=True,
    ),
    Verb(
        ("kunngjør", "kunngjer", "kunngjor", "announce", "publiser", "publish"),
        announce_conference,
        "help.konferanse.kunngjor",
    ),
    Verb(("avlys", "avlyse", "call off", "calloff"), call_off_conference, "help.konferanse.avlys"),
    Verb(("vis", "show", "info"), show_conference, "help.konferanse.vis", reads_only=True),
    Verb(
        ("liste", "list", "kommende", "upcoming"),
        list_conferences,
        "help.konferanse.liste",
        reads_only=True,
    ),
    Verb(
        ("deltakere", "deltakarar", "deltagere", "participants", "påmeldte"),
        list_participants,
        "help.konferanse.deltakere",
        reads_only=True,
    ),
    Verb(("ics", "kalender", "calendar"), conference_ics, "help.konferanse.ics", reads_only=True),
)


def register(router: Router) -> None:
    grp = router.group(
        "konferanse",
        "samling",
        "conference",
        "konf",
        help_key="help.group.konferanse",
        default_verb="liste",
    )
    grp.add(*VERBS, *registrations.VERBS)
    router.add_renderers(conference_outbox.RENDERERS)
