"""The weekly digest per network: what is due, overdue and unanswered, posted to its channel.

Relationships are joined into the main queries (not select-in loaded, which batches by 500),
so a digest costs a fixed number of statements. A planner keeps one outbox row per network and week (key ``digest:<network>:<ISO week>``),
so a restart or a second bot never posts a week's digest twice; an empty digest is not posted.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, joinedload

from bot.config import Settings
from bot.context import Context
from bot.dates import format_short
from bot.datewords import WEEKDAYS
from bot.errors import UserError
from bot.grammar import Args
from bot.i18n import t
from bot.messages import Reply, Text
from bot.router import Router, Verb
from handlers.lookup import audit, organised_network
from handlers.poll_results import takes_answers
from storage import outbox
from storage.models import (
    Action,
    Conference,
    ConferenceAudience,
    Hearing,
    HearingAddressee,
    Meeting,
    Network,
    NetworkMember,
    OutboxMessage,
    Poll,
    Vote,
)

KIND = "network.digest"
OBJECT = "network_digest"
OPEN_ACTION = ("planned", "ongoing", "postponed")
WEEK = timedelta(days=7)


def next_digest_at(network: Network, now: datetime, tz: ZoneInfo) -> datetime:
    """The first digest moment strictly after ``now`` for this network's weekday and time."""
    hh, mm = (int(x) for x in network.digest_time.split(":"))
    local = now.astimezone(tz)
    monday = local.date() - timedelta(days=local.weekday())
    for week in (0, 1):
        day = monday + timedelta(days=7 * week + network.digest_weekday)
        moment = datetime.combine(day, time(hh, mm), tzinfo=tz)
        if moment > now:
            return moment
    raise AssertionError("unreachable: next week's moment is always ahead")


def digest_key(network_id: int, moment: datetime) -> str:
    year, week, _ = moment.isocalendar()
    return f"digest:{network_id}:{year}-W{week:02d}"


def plan_digests(session: Session, now: datetime, tz: ZoneInfo) -> int:
    """Make sure every network with a digest has its next one in the outbox."""
    networks = session.scalars(select(Network).where(Network.digest_enabled.is_(True))).all()
    wanted = {n.id: next_digest_at(n, now, tz) for n in networks}
    keys = {digest_key(nid, at): (nid, at) for nid, at in wanted.items()}
    have = set(session.scalars(select(OutboxMessage.key).where(OutboxMessage.key.in_(keys))))
    # Another process may plan the same digest at this moment: the key decides, quietly.
    return sum(
        outbox.schedule_once(
            session,
            key=key,
            kind=KIND,
            target=outbox.Target.network(nid),
            due_at=at,
            object_type=OBJECT,
            object_id=nid,
        )
        for key, (nid, at) in keys.items()
        if key not in have
    )


def digest_lines(
    session: Session, network: Network, now: datetime, tz: ZoneInfo, lang: str
) -> list[str]:
    """The digest's lines, in a fixed number of statements: one query per part."""
    return [
        line
        for part in (_hearings, _actions, _polls, _meetings, _conferences)
        for line in part(session, network, now, tz, lang)
    ]


def _hearings(
    session: Session, network: Network, now: datetime, tz: ZoneInfo, lang: str
) -> list[str]:
    """Open hearings with a deadline in the next two weeks, and who has not answered."""
    lines: list[str] = []
    short = lambda dt: format_short(dt, lang, tz)  # noqa: E731
    hearings = (
        session.scalars(
            select(Hearing)
            .options(joinedload(Hearing.addressees).joinedload(HearingAddressee.organisation))
            .where(
                Hearing.network_id == network.id,
                Hearing.state == "open",
                Hearing.deadline >= now,
                Hearing.deadline < now + 2 * WEEK,
            )
            .order_by(Hearing.deadline)
        )
        .unique()
        .all()
    )
    for h in hearings:
        missing = [a.organisation.name for a in h.addressees if a.answered_at is None]
        lines.append(
            t(
                "digest.hearing",
                lang,
                id=h.id,
                title=h.title,
                when=short(h.deadline),
                missing=", ".join(missing) or t("digest.all_answered", lang),
            )
        )
    return lines


def _actions(
    session: Session, network: Network, now: datetime, tz: ZoneInfo, lang: str
) -> list[str]:
    """Open actions overdue or due within a week, with their owner."""
    lines: list[str] = []
    today = now.astimezone(tz).date()
    actions = session.scalars(
        select(Action)
        .options(joinedload(Action.owner_member), joinedload(Action.owner_organisation))
        .where(
            Action.network_id == network.id,
            Action.status.in_(OPEN_ACTION),
            Action.due_date.is_not(None),
            Action.due_date < today + WEEK,
        )
        .order_by(Action.due_date, Action.id)
    ).all()
    for a in actions:
        owner = (
            a.owner_member.name
            if a.owner_member
            else a.owner_organisation.name
            if a.owner_organisation
            else "—"
        )
        key = "digest.action_overdue" if a.due_date and a.due_date < today else "digest.action_week"
        lines.append(t(key, lang, id=a.id, title=a.title, owner=owner, due=f"{a.due_date:%d.%m}"))
    return lines


def _polls(session: Session, network: Network, now: datetime, tz: ZoneInfo, lang: str) -> list[str]:
    """Open polls and the network's members who have not voted."""
    lines: list[str] = []
    polls = [
        p
        for p in session.scalars(
            select(Poll)
            .where(Poll.network_id == network.id, Poll.state == "open")
            .order_by(Poll.closes_at, Poll.id)
        )
        if takes_answers(p, now)  # past its svarfrist an answer is refused: none is asked for
    ]
    if polls:
        members = (
            session.execute(
                select(NetworkMember.member_id).where(NetworkMember.network_id == network.id)
            )
            .scalars()
            .all()
        )
        voted = set(
            session.execute(
                select(Vote.poll_id, Vote.member_id)
                .where(Vote.poll_id.in_([p.id for p in polls]))
                .distinct()
            ).all()
        )
        names = {m.id: m.name for m in network.members}
        for p in polls:
            missing = [names[m] for m in members if (p.id, m) not in voted and m in names]
            lines.append(
                t(
                    "digest.poll",
                    lang,
                    id=p.id,
                    title=p.title,
                    missing=", ".join(sorted(missing)) or t("digest.all_voted", lang),
                )
            )
    return lines


def _meetings(
    session: Session, network: Network, now: datetime, tz: ZoneInfo, lang: str
) -> list[str]:
    """Meetings in the coming week."""
    lines: list[str] = []
    short = lambda dt: format_short(dt, lang, tz)  # noqa: E731
    for m in session.scalars(
        select(Meeting)
        .where(
            Meeting.network_id == network.id,
            Meeting.cancelled.is_(False),
            Meeting.start_at >= now,
            Meeting.start_at < now + WEEK,
        )
        .order_by(Meeting.start_at)
    ):
        lines.append(t("digest.meeting", lang, title=m.title, when=short(m.start_at)))
    return lines


def _conferences(
    session: Session, network: Network, now: datetime, tz: ZoneInfo, lang: str
) -> list[str]:
    """Announced conferences for the network in the coming week."""
    lines: list[str] = []
    short = lambda dt: format_short(dt, lang, tz)  # noqa: E731
    in_audience = or_(
        Conference.audience_all.is_(True),
        Conference.id.in_(
            select(ConferenceAudience.conference_id).where(
                ConferenceAudience.network_id == network.id
            )
        ),
    )
    for c in session.scalars(
        select(Conference)
        .where(
            and_(
                Conference.state == "announced",
                in_audience,
                Conference.start_at >= now,
                Conference.start_at < now + WEEK,
            )
        )
        .order_by(Conference.start_at)
    ):
        lines.append(t("digest.conference", lang, id=c.id, title=c.title, when=short(c.start_at)))
    return lines


def render_digest(
    session: Session, row: OutboxMessage, now: datetime, lang: str, *, settings: Settings
) -> Reply | None:
    network = session.get(Network, row.object_id)
    asked_now = bool(row.payload and row.payload.get("now"))
    if network is None or not (network.digest_enabled or asked_now):
        return None
    lines = digest_lines(session, network, now, settings.tz, lang)
    if not lines:
        return None  # an empty digest is not posted
    return Reply(
        blocks=[Text(t("digest.title", lang, network=network.name)), Text("\n".join(lines))],
        visibility="channel",
    )


def set_digest(ctx: Context, args: Args) -> Reply:
    network = organised_network(ctx, args)
    words = [w.casefold() for w in args.words()]
    if words in (["nå"], ["na"], ["no"], ["now"]):
        return post_now(ctx, network)
    if words in (["vis"], ["forhåndsvis"], ["førehandsvis"], ["preview"], ["show"]):
        return preview(ctx, network)
    if words in _OFF:
        return turn_off(ctx, network)
    return schedule_weekly(ctx, network, *parse_when(words))


def turn_off(ctx: Context, network: Network) -> Reply:
    outbox.cancel(ctx.session, object_type=OBJECT, object_id=network.id)
    network.digest_enabled = False
    audit(ctx, "digest.off", "network", network.id)
    return Reply.text(t("digest.off", ctx.lang, network=network.name))


def schedule_weekly(ctx: Context, network: Network, weekday: int, hh: int, mm: int) -> Reply:
    outbox.cancel(ctx.session, object_type=OBJECT, object_id=network.id)
    network.digest_enabled = True
    network.digest_weekday = weekday
    network.digest_time = f"{hh:02d}:{mm:02d}"
    ctx.session.flush()
    at = next_digest_at(network, ctx.now, ctx.tz)
    # schedule() takes back this week's row if "av" cancelled it a moment ago
    outbox.schedule(
        ctx.session,
        key=digest_key(network.id, at),
        kind=KIND,
        target=outbox.Target.network(network.id),
        due_at=at,
        object_type=OBJECT,
        object_id=network.id,
    )
    plan_digests(ctx.session, ctx.now, ctx.tz)
    audit(ctx, "digest.set", "network", network.id, at=network.digest_time)
    return Reply.text(
        t("digest.set", ctx.lang, network=network.name, when=format_short(at, ctx.lang, ctx.tz))
    )


VERBS = (
    Verb(
        ("digest", "sammendrag", "samandrag"),
        set_digest,
        "help.partnerbot.digest",
        keywords={"network": ("nettverk", "network")},
    ),
)


def register(router: Router) -> None:
    router.add_renderers({KIND: render_digest})
    router.planners.append(lambda session, now: plan_digests(session, now, router.settings.tz))
    router.groups["partnerbot"].add(*VERBS)


_OFF = (["av"], ["off"], ["stopp"], ["stop"], ["slå", "av"], ["skru", "av"], ["turn", "off"])
_CLOCK_WORDS = frozenset({"kl", "kl.", "klokka", "klokken", "klokka:", "at", "@"})
# "kvar måndag", "hver mandag", "every Monday": the digest is weekly anyway.
_EVERY_WORDS = frozenset({"kvar", "hver", "every", "alle"})


def parse_when(words: list[str]) -> tuple[int, int, int]:
    """``fredag kl 14``, ``mandag 8``, ``onsdag 07.30``, ``kvar måndag 8``, ``måndagar
    kl 8`` -> (weekday, hour, minute)."""
    rest = [w for w in words if w not in _CLOCK_WORDS]
    if len(rest) == 3 and rest[0] in _EVERY_WORDS:
        rest = rest[1:]
    if rest and rest[0] not in WEEKDAYS:  # the plural: "måndagar", "mandager", "mondays"
        rest[0] = next((d for d in WEEKDAYS if rest[0] in (d + "ar", d + "er", d + "s")), rest[0])
    if len(rest) != 2 or rest[0] not in WEEKDAYS:
        raise UserError("digest.usage")
    clock = rest[1].replace(".", ":")
    try:
        hh, _, mm = clock.partition(":")
        hour, minute = int(hh), int(mm or 0)
        time(hour, minute)
    except ValueError as exc:
        raise UserError("digest.usage") from exc
    return WEEKDAYS[rest[0]], hour, minute


def post_now(ctx: Context, network: Network) -> Reply:
    """This week's digest to the network's channel at once (through the outbox, like any
    post, so a failed channel is retried and reported the same way)."""
    if not digest_lines(ctx.session, network, ctx.now, ctx.tz, ctx.lang):
        return Reply.text(t("digest.now_empty", ctx.lang, network=network.name))
    outbox.schedule(
        ctx.session,
        key=f"digest-now:{network.id}:{ctx.now.isoformat()}",
        kind=KIND,
        target=outbox.Target.network(network.id),
        due_at=ctx.now,
        object_type=OBJECT,
        object_id=network.id,
        payload={"now": True},
    )
    audit(ctx, "digest.now", "network", network.id)
    return Reply.text(t("digest.now_sent", ctx.lang, network=network.name))


def preview(ctx: Context, network: Network) -> Reply:
    lines = digest_lines(ctx.session, network, ctx.now, ctx.tz, ctx.lang)
    if not lines:
        return Reply.text(t("digest.now_empty", ctx.lang, network=network.name))
    return Reply(
        blocks=[
            Text(t("digest.preview", ctx.lang)),
            Text(t("digest.title", ctx.lang, network=network.name)),
            Text("\n".join(lines)),
        ]
    )
