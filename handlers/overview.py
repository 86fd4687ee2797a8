"""What needs me: one member's overview across hearings, actions, polls, meetings, conferences.

Every query is one statement however many items it finds and rendering touches no lazy
relationship, so an overview costs a fixed number of SQL statements.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, exists, false, or_, select, true
from sqlalchemy.orm import Session

from bot import permissions
from bot.context import Context
from bot.dates import format_short
from bot.grammar import Args
from bot.i18n import t
from bot.messages import Button, Buttons, Reply, Text
from bot.router import Router, Verb
from handlers.poll_results import takes_answers
from storage.models import (
    Action,
    Conference,
    ConferenceAudience,
    Hearing,
    HearingAddressee,
    Meeting,
    Member,
    Poll,
    Registration,
    Vote,
)

OPEN_ACTION = ("planned", "ongoing", "postponed")
SOON = timedelta(days=7)
# The Slack Home tab holds 100 blocks; each item takes two (its line and its buttons).
HOME_MAX_ITEMS = 40
HOME_VERB = "hjem"


@dataclass
class Overview:
    hearings: list[Hearing] = field(default_factory=list)
    overdue: list[Action] = field(default_factory=list)
    due_soon: list[Action] = field(default_factory=list)
    polls: list[Poll] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    conferences_open: list[Conference] = field(default_factory=list)
    conferences_mine: list[tuple[Conference, str]] = field(default_factory=list)

    def empty(self) -> bool:
        return not any(
            (
                self.hearings,
                self.overdue,
                self.due_soon,
                self.polls,
                self.meetings,
                self.conferences_open,
                self.conferences_mine,
            )
        )


def mine_to_follow(member: Member, network_ids: list[int]) -> ColumnElement[bool]:
    """The actions that wait for ``member``, as their nudges go: owned by them; owned by
    their organisation (and no person); or, for an organiser in the action's network,
    owned by nobody or by an organisation without members (networks of their partnership)."""
    conditions = [Action.owner_member_id == member.id]
    if member.organisation_id is not None:
        conditions.append(
            and_(
                Action.owner_member_id.is_(None),
                Action.owner_organisation_id == member.organisation_id,
            )
        )
    organised = [
        n.id for n in member.networks if n.id in network_ids and permissions.organiser(member, n)
    ]
    if organised:
        org_has_members = exists().where(Member.organisation_id == Action.owner_organisation_id)
        conditions.append(
            and_(
                Action.network_id.in_(organised),
                Action.owner_member_id.is_(None),
                or_(Action.owner_organisation_id.is_(None), ~org_has_members),
            )
        )
    return or_(*conditions)


def collect(session: Session, member: Member, now: datetime, tz: ZoneInfo) -> Overview:
    """What waits for ``member`` at ``now``."""
    ov = Overview()
    network_ids = [n.id for n in member.networks]
    today = now.astimezone(tz).date()
    if member.organisation_id is not None:
        ov.hearings = _hearings_to_answer(session, member.organisation_id, now)
    for action in _actions_to_follow(session, member, network_ids, today):
        assert action.due_date is not None
        (ov.overdue if action.due_date < today else ov.due_soon).append(action)
    ov.polls = _polls_to_vote(session, member, network_ids, now)
    ov.meetings = _meetings_soon(session, network_ids, now)
    for conf, status in _conferences(session, member, network_ids, now):
        if status in ("registered", "waitlisted"):
            ov.conferences_mine.append((conf, status))
        elif status is None and (
            conf.registration_deadline is None or conf.registration_deadline > now
        ):
            ov.conferences_open.append(conf)
    return ov


def _hearings_to_answer(session: Session, organisation_id: int, now: datetime) -> list[Hearing]:
    return list(
        session.scalars(
            select(Hearing)
            .join(HearingAddressee)
            .where(
                Hearing.state == "open",
                Hearing.deadline >= now,
                HearingAddressee.organisation_id == organisation_id,
                HearingAddressee.answered_at.is_(None),
            )
            .order_by(Hearing.deadline, Hearing.id)
        )
    )


def _actions_to_follow(
    session: Session, member: Member, network_ids: list[int], today: date
) -> list[Action]:
    """Open actions due within a week (or overdue) that wait for ``member``."""
    return list(
        session.scalars(
            select(Action)
            .where(
                mine_to_follow(member, network_ids),
                Action.status.in_(OPEN_ACTION),
                Action.due_date.is_not(None),
                Action.due_date <= today + SOON,
            )
            .order_by(Action.due_date, Action.id)
        )
    )


def _polls_to_vote(
    session: Session, member: Member, network_ids: list[int], now: datetime
) -> list[Poll]:
    voted = exists().where(Vote.poll_id == Poll.id, Vote.member_id == member.id)
    polls = session.scalars(
        select(Poll)
        .where(Poll.state == "open", Poll.network_id.in_(network_ids), ~voted)
        .order_by(Poll.closes_at, Poll.id)
    )
    return [p for p in polls if takes_answers(p, now)]  # not one that would refuse the answer


def _meetings_soon(session: Session, network_ids: list[int], now: datetime) -> list[Meeting]:
    return list(
        session.scalars(
            select(Meeting)
            .where(
                Meeting.network_id.in_(network_ids),
                Meeting.cancelled.is_(False),
                Meeting.start_at >= now,
                Meeting.start_at < now + SOON,
            )
            .order_by(Meeting.start_at)
        )
    )


def _conferences(
    session: Session, member: Member, network_ids: list[int], now: datetime
) -> list[tuple[Conference, str | None]]:
    """Coming announced conferences for ``member``'s networks or organisation, or that
    they answered, with their registration status (None: not answered)."""
    audience = exists().where(
        ConferenceAudience.conference_id == Conference.id,
        or_(
            ConferenceAudience.network_id.in_(network_ids),
            and_(
                ConferenceAudience.organisation_id.is_not(None),
                ConferenceAudience.organisation_id == member.organisation_id,
            ),
        ),
    )
    rows = session.execute(
        select(Conference, Registration.status)
        .outerjoin(
            Registration,
            and_(Registration.conference_id == Conference.id, Registration.member_id == member.id),
        )
        .where(
            Conference.state == "announced",
            Conference.start_at >= now,
            # "everyone" is the members of any network (as registering checks): someone
            # in no network is not offered what they would be refused
            or_(
                and_(Conference.audience_all.is_(True), true() if network_ids else false()),
                audience,
                Registration.id.is_not(None),
            ),
        )
        .order_by(Conference.start_at, Conference.id)
    )
    return [(conf, status) for conf, status in rows]


def days_left(deadline: datetime, now: datetime, tz: ZoneInfo, lang: str) -> str:
    days = (deadline.astimezone(tz).date() - now.astimezone(tz).date()).days
    if days <= 0:
        return t("overview.today", lang)
    return t("overview.days_left", lang, days=days)


def render(ov: Overview, now: datetime, tz: ZoneInfo, lang: str) -> list[str]:
    lines: list[str] = []
    short = lambda dt: format_short(dt, lang, tz)  # noqa: E731
    for h in ov.hearings:
        lines.append(
            t(
                "overview.hearing",
                lang,
                id=h.id,
                title=h.title,
                when=short(h.deadline),
                left=days_left(h.deadline, now, tz, lang),
            )
        )
    for a in ov.overdue:
        lines.append(
            t("overview.action_overdue", lang, id=a.id, title=a.title, due=f"{a.due_date:%d.%m}")
        )
    for a in ov.due_soon:
        lines.append(
            t("overview.action_soon", lang, id=a.id, title=a.title, due=f"{a.due_date:%d.%m}")
        )
    for p in ov.polls:
        if p.closes_at is None:
            lines.append(t("overview.poll_open_ended", lang, id=p.id, title=p.title))
        else:
            lines.append(
                t("overview.poll", lang, id=p.id, title=p.title, closes=short(p.closes_at))
            )
    for m in ov.meetings:
        lines.append(t("overview.meeting", lang, title=m.title, when=short(m.start_at)))
    for c in ov.conferences_open:
        deadline = (
            short(c.registration_deadline)
            if c.registration_deadline
            else t("overview.no_deadline", lang)
        )
        lines.append(
            t(
                "overview.conference_open",
                lang,
                id=c.id,
                title=c.title,
                when=short(c.start_at),
                deadline=deadline,
            )
        )
    for c, status in ov.conferences_mine:
        lines.append(
            t(f"overview.conference_{status}", lang, id=c.id, title=c.title, when=short(c.start_at))
        )
    return lines


def home_items(
    ov: Overview, now: datetime, tz: ZoneInfo, lang: str
) -> list[tuple[str, tuple[Button, ...]]]:
    """Each line of the overview with the buttons that act on it, in the overview's order."""
    lines = iter(render(ov, now, tz, lang))
    label = lambda key: t(f"overview.button.{key}", lang)  # noqa: E731
    items: list[tuple[str, tuple[Button, ...]]] = []
    for h in ov.hearings:
        items.append(
            (
                next(lines),
                (
                    Button(label("answered"), f"/horing svart {h.id}", "primary"),
                    Button(label("show"), f"/horing vis {h.id}"),
                ),
            )
        )
    for a in ov.overdue:
        items.append(
            (
                next(lines),
                (
                    Button(label("done"), f"/tiltak status {a.id} ferdig", "primary"),
                    Button(label("show"), f"/tiltak vis {a.id}"),
                ),
            )
        )
    for a in ov.due_soon:
        items.append((next(lines), (Button(label("show"), f"/tiltak vis {a.id}"),)))
    for p in ov.polls:
        items.append((next(lines), (Button(label("vote"), f"/mote vis {p.id}", "primary"),)))
    for _m in ov.meetings:
        items.append((next(lines), ()))
    for c in ov.conferences_open:
        items.append(
            (
                next(lines),
                (
                    Button(
                        label("register"), t("conferences.cmd.register", lang, id=c.id), "primary"
                    ),
                    Button(label("maybe"), t("conferences.cmd.maybe", lang, id=c.id)),
                ),
            )
        )
    for c, _status in ov.conferences_mine:
        items.append(
            (
                next(lines),
                (
                    Button(label("show"), f"/konferanse vis {c.id}"),
                    Button(label("cancel"), t("conferences.cmd.cancel", lang, id=c.id), "danger"),
                ),
            )
        )
    return items


def home(ctx: Context, args: Args) -> Reply:
    """The overview with a button row under each item: the Slack App Home tab."""
    ov = collect(ctx.session, ctx.member, ctx.now, ctx.tz)
    if ov.empty():
        return Reply.text(t("overview.nothing", ctx.lang))
    items = home_items(ov, ctx.now, ctx.tz, ctx.lang)
    reply = Reply(blocks=[Text(t("overview.title", ctx.lang, name=ctx.member.name))])
    for line, buttons in items[:HOME_MAX_ITEMS]:
        reply.add(Text(line))
        if buttons:
            reply.add(Buttons(buttons))
    if len(items) > HOME_MAX_ITEMS:
        reply.add(Text(t("overview.home_more", ctx.lang, count=len(items) - HOME_MAX_ITEMS)))
    return reply


def show_overview(ctx: Context, args: Args) -> Reply:
    ov = collect(ctx.session, ctx.member, ctx.now, ctx.tz)
    if ov.empty():
        return Reply.text(t("overview.nothing", ctx.lang))
    lines = render(ov, ctx.now, ctx.tz, ctx.lang)
    return Reply(
        blocks=[
            Text(t("overview.title", ctx.lang, name=ctx.member.name)),
            Text("\n".join(lines)),
        ]
    )


VERBS = (
    Verb(
        ("oversikt", "oversyn", "overview", "hva nå"),
        show_overview,
        "help.partnerbot.oversikt",
        reads_only=True,
    ),
    # No help line: the Slack adapter asks for it to fill the App Home tab.
    Verb((HOME_VERB, "heim", "home"), home, reads_only=True),
)


def register(router: Router) -> None:
    router.groups["partnerbot"].add(*VERBS)
