"""Conference lookups, audiences, seat counts and wording shared by the conference handlers."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from bot import permissions
from bot.context import Context
from bot.dates import format_date, format_datetime
from bot.errors import UserError
from bot.grammar import Args, parse_ref
from bot.i18n import t
from bot.messages import Button, Buttons
from storage.models import Conference, Member, Network, Organisation, Registration

REGISTERED, WAITLISTED, MAYBE, CANCELLED = "registered", "waitlisted", "maybe", "cancelled"
# A no from someone who never held a seat nor a place on the waitlist (a no to the
# invitation, or a maybe that became a no); CANCELLED is a seat or a place given back.
# Both are a no: SAID_NO is what every rule about "who answered" leaves out.
DECLINED = "declined"
SAID_NO = (CANCELLED, DECLINED)
DRAFT, ANNOUNCED, CONFERENCE_CANCELLED = "draft", "announced", "cancelled"
OBJECT = "conference"


def conference_ref(args: Args) -> int:
    """The conference number, the first word after the verb: ``meld på 2`` or ``vis #2``."""
    words = [tok.text for tok in args.positional if not tok.quoted]
    if not words:
        raise UserError("conferences.ref_missing")
    return parse_ref(words[0])


def find_conference(
    session: Session, conference_id: int, *, lock: bool = False, viewer: Member | None = None
) -> Conference:
    """The conference, optionally locked: PostgreSQL holds its row until commit so seat
    counts are read and written by one registration at a time (SQLite's BEGIN IMMEDIATE
    already serialises writers). For a ``viewer`` who may not see a draft, a draft is
    answered as no such conference (its title is not told)."""
    locked = lock and session.get_bind().dialect.name == "postgresql"
    conf = session.scalar(_LOCKED_CONFERENCE if locked else _CONFERENCE, {"id": conference_id})
    if conf is None or (viewer is not None and not may_see(session, viewer, conf)):
        raise UserError("conferences.unknown", ref=conference_id)
    return conf


def may_see(session: Session, viewer: Member, conf: Conference) -> bool:
    """permissions.may_see_draft; the conference's network is looked up for drafts only."""
    if conf.state != DRAFT:
        return True
    return permissions.may_see_draft(viewer, conf, home_network(session, conf))


# Built once (a registration reads its conference, the member's registration and the
# queues): building a statement and its cache key costs more than running it.
_CONFERENCE = select(Conference).where(Conference.id == bindparam("id"))
_LOCKED_CONFERENCE = _CONFERENCE.with_for_update().execution_options(populate_existing=True)


def is_organiser_of(ctx: Context, conf: Conference) -> bool:
    """permissions.organiser_or_creator; the conference's network is looked up only for an
    organiser who did not make it (a registration asks on every answer)."""
    member = ctx.member
    made_it = conf.created_by is not None and conf.created_by == member.id
    if made_it or not permissions.has_role(member, "organiser"):
        return made_it
    return permissions.organiser_or_creator(
        member, conf.created_by, home_network(ctx.session, conf)
    )


def organiser_refusal(ctx: Context, conf: Conference) -> UserError:
    """The no to someone who does not organise ``conf`` (see ``is_organiser_of``)."""
    return ctx.refusal(home_network(ctx.session, conf), "permission.need_organiser")


def home_network(session: Session, conf: Conference) -> Network | None:
    """The network a conference belongs to, for who organises it: the one it was made in;
    made outside a network's channel, its audience's networks when they all lie in one
    partnership (the first stands for them); else none, and only its maker and admins
    organise it (an audience of organisations only, or of several partnerships). An
    audience `alle` across partnerships is its maker's partnership's, when they are in one
    (the first of its networks stands for it)."""
    if conf.network_id is not None:
        return session.get(Network, conf.network_id)
    networks = audience_networks(session, conf)
    if networks and len({n.partnership_id for n in networks}) == 1:
        return networks[0]
    maker = session.get(Member, conf.created_by) if conf.created_by else None
    if conf.audience_all and maker is not None and maker.partnership_id is not None:
        return next((n for n in networks if n.partnership_id == maker.partnership_id), None)
    return None


def organiser_name(session: Session, conf: Conference) -> str:
    member = session.get(Member, conf.created_by) if conf.created_by else None
    return member.name if member else "—"


# -- audience ----------------------------------------------------------------------------


def audience_networks(session: Session, conf: Conference) -> list[Network]:
    stmt = select(Network).order_by(Network.id)
    if not conf.audience_all:
        ids = [a.network_id for a in conf.audience if a.network_id is not None]
        if not ids:
            return []
        stmt = stmt.where(Network.id.in_(ids))
    return list(session.scalars(stmt))


def audience_members(session: Session, conf: Conference) -> list[Member]:
    """Everyone invited: members of the audience networks and of the audience organisations."""
    found: dict[int, Member] = {}
    for net in audience_networks(session, conf):
        for m in net.members:
            found[m.id] = m
    org_ids = [a.organisation_id for a in conf.audience if a.organisation_id is not None]
    if org_ids:
        for m in session.scalars(select(Member).where(Member.organisation_id.in_(org_ids))):
            found[m.id] = m
    return sorted(found.values(), key=lambda m: (m.name.casefold(), m.id))


def in_audience(conf: Conference, member: Member) -> bool:
    """Whether ``member`` is among ``audience_members``, read from the member's own networks
    and organisation instead of loading everyone invited (a check on every registration)."""
    if conf.audience_all:
        in_network = bool(member.networks)  # every network is invited
    else:
        ids = {a.network_id for a in conf.audience if a.network_id is not None}
        in_network = any(n.id in ids for n in member.networks)
    org_ids = {a.organisation_id for a in conf.audience if a.organisation_id is not None}
    return in_network or (member.organisation_id is not None and member.organisation_id in org_ids)


def audience_text(session: Session, conf: Conference, lang: str) -> str:
    if conf.audience_all:
        return t("conferences.audience_all", lang)
    names = [n.name for n in audience_networks(session, conf)]
    org_ids = [a.organisation_id for a in conf.audience if a.organisation_id is not None]
    if org_ids:
        names += [
            o.name
            for o in session.scalars(
                select(Organisation).where(Organisation.id.in_(org_ids)).order_by(Organisation.name)
            )
        ]
    return ", ".join(names) or "—"


# -- registrations -----------------------------------------------------------------------


def registration_of(session: Session, conference_id: int, member_id: int) -> Registration | None:
    return session.scalar(_REGISTRATION, {"conference_id": conference_id, "member_id": member_id})


def count_status(session: Session, conference_id: int, status: str) -> int:
    return session.scalar(_COUNT_STATUS, {"conference_id": conference_id, "status": status}) or 0


def by_arrival(session: Session, conference_id: int, status: str) -> list[Registration]:
    """Registrations with ``status`` in arrival order (queued_at, then id for equal times)."""
    return list(session.scalars(_BY_ARRIVAL, {"conference_id": conference_id, "status": status}))


_OF_CONFERENCE = Registration.conference_id == bindparam("conference_id")
_REGISTRATION = select(Registration).where(
    _OF_CONFERENCE, Registration.member_id == bindparam("member_id")
)
_WITH_STATUS = (_OF_CONFERENCE, Registration.status == bindparam("status"))
_COUNT_STATUS = select(func.count()).select_from(Registration).where(*_WITH_STATUS)
_BY_ARRIVAL = (
    select(Registration).where(*_WITH_STATUS).order_by(Registration.queued_at, Registration.id)
)


def waitlist_position(session: Session, reg: Registration) -> int:
    queue = by_arrival(session, reg.conference_id, WAITLISTED)
    return next((i for i, r in enumerate(queue, 1) if r.id == reg.id), len(queue) + 1)


def seats_left(session: Session, conf: Conference) -> int | None:
    if conf.seats is None:
        return None
    return max(conf.seats - count_status(session, conf.id, REGISTERED), 0)


# -- wording -----------------------------------------------------------------------------


def is_all_day(conf: Conference, tz: tzinfo) -> bool:
    """A conference given as a day without a time is stored as local midnight, no end."""
    local = conf.start_at.astimezone(tz)
    return conf.end_at is None and (local.hour, local.minute) == (0, 0)


def when_text(conf: Conference, lang: str, tz: tzinfo) -> str:
    if is_all_day(conf, tz):
        return format_date(conf.start_at, lang, tz)
    if conf.end_at is None:
        return format_datetime(conf.start_at, lang, tz)
    start, end = conf.start_at.astimezone(tz), conf.end_at.astimezone(tz)
    if end.date() != start.date():
        return (
            f"{format_datetime(conf.start_at, lang, tz)} – {format_datetime(conf.end_at, lang, tz)}"
        )
    # The year matters here (unlike a poll's slots), so the day is written in full.
    return t(
        "dates.fmt.slot_range",
        lang,
        day=format_date(start, lang, tz),
        start=f"{start:%H:%M}",
        end=f"{end:%H:%M}",
    )


def closes_at(conf: Conference) -> datetime:
    """When registration closes: the deadline, else when the conference starts."""
    return conf.registration_deadline or conf.start_at


def is_over(conf: Conference, now: datetime, tz: tzinfo) -> bool:
    end = conf.end_at or conf.start_at + (
        timedelta(days=1) if is_all_day(conf, tz) else timedelta(0)
    )
    return end <= now


def status_text(session: Session, reg: Registration | None, lang: str) -> str:
    if reg is None:
        return t("conferences.status.none", lang)
    if reg.status == WAITLISTED:
        return t("conferences.status.waitlisted", lang, position=waitlist_position(session, reg))
    return t(f"conferences.status.{reg.status}", lang)


def rsvp_buttons(conf: Conference, lang: str) -> Buttons:
    """RSVP choices; each button runs the equivalent text command when pressed."""
    return Buttons(
        (
            Button(
                t("conferences.button.register", lang),
                t("conferences.cmd.register", lang, id=conf.id),
                "primary",
            ),
            Button(
                t("conferences.button.maybe", lang), t("conferences.cmd.maybe", lang, id=conf.id)
            ),
            Button(
                t("conferences.button.cancel", lang),
                t("conferences.cmd.cancel", lang, id=conf.id),
                "danger",
            ),
        )
    )
