"""Shared pieces of the actions register: status words, owners, permissions, formatting."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from sqlalchemy import bindparam, select

from bot import permissions
from bot.context import Context
from bot.dates import DateParseError, format_short, note_lines, parse_when, require_day
from bot.errors import UserError
from bot.grammar import Token, parse_ref
from bot.i18n import t
from bot.messages import PersonRef
from handlers.lookup import chat_members, member_labels, mentioned_member, named
from storage.accounts import new_member
from storage.models import Action, Goal, Member, Network, Organisation

# There is no status "delayed": a delayed action is put as postponed, and the answer says so.
DELAYED_WORDS = ("forseinka", "forsinka", "forsinket", "delayed")

# What members type for each status, one word or two ("i gang", "ikkje starta"); nynorsk
# and bokmål forms side by side: Vest-Telemark writes "ikkje starta", "i gang", "forseinka".
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "planned": (
        *("planlagt", "planlagd", "planned", "planlegt", "ny", "new"),
        *("ikkje starta", "ikkje byrja", "ikkje påbyrja", "ikkje begynt"),
        *("ikke startet", "ikke begynt", "ikke påbegynt", "not started"),
    ),
    "ongoing": (
        *("pågår", "pagar", "pågar", "paagaar", "ongoing", "igang", "started", "aktiv"),
        *("i gang", "starta", "startet", "påbyrja", "påbegynt", "byrja", "begynt"),
        "in progress",
    ),
    "done": (
        "ferdig",
        "done",
        "fullført",
        "fullfort",
        "fullførd",
        "gjennomført",
        "gjennomfort",
        "gjennomførd",
        "avslutta",
        "avsluttet",
        "completed",
        "complete",
        "finished",
    ),
    "postponed": (
        *("utsatt", "utsett", "postponed", "deferred", "på vent", "on hold"),
        *DELAYED_WORDS,
    ),
    "cancelled": ("avlyst", "avlyste", "avbrutt", "avbrote", "cancelled", "canceled"),
}
OPEN = ("planned", "ongoing", "postponed")
SELF_WORDS = frozenset(
    ("meg", "me", "jeg", "eg", "myself", "selv", "sjølv", "meg selv", "meg sjølv", "eg sjølv")
)
# ASCII digits, as in an item's number (bot.grammar.parse_ref): "٥٠%" is refused as "٥٠" is
_PROGRESS = re.compile(r"^(\d{1,3})\s*(?:%|prosent|percent)?$", re.ASCII)


def parse_status(word: str) -> str | None:
    w = " ".join(word.split()).casefold().rstrip(",.!;:")  # `i gang,`, `ferdig!`
    for status, words in STATUS_WORDS.items():
        if w in words:
            return status
    return None


def read_status(tokens: Sequence[Token]) -> tuple[str, int] | None:
    """The status the first unquoted words of ``tokens`` name (two words before one:
    "ikkje starta"), with how many words it took; None when they name none."""
    for width in (2, 1):
        words = tokens[:width]
        if len(words) == width and not any(tok.quoted for tok in words):
            status = parse_status(" ".join(tok.text for tok in words))
            if status is not None:
                return status, width
    return None


def status_name(status: str, lang: str) -> str:
    return t(f"actions.status.{status}", lang)


def parse_progress(text: str) -> int:
    m = _PROGRESS.match(text.strip().casefold())
    if not m or int(m.group(1)) > 100:
        raise UserError("actions.bad_progress", given=text.strip())
    return int(m.group(1))


def parse_due(ctx: Context, text: str) -> date:
    """The due date ``text`` gives; a day before today is refused (a new or moved due
    date in the past is a typo; an old action keeps its own, as nothing here reads it)."""
    try:
        when = require_day(parse_when(text, now=ctx.now, tz=ctx.tz, deadline=True), text)
    except DateParseError as err:
        raise UserError(
            "actions.bad_date", given=text.strip(), detail=err.message(ctx.lang, example=False)
        ) from None
    ctx.notes += note_lines(when, ctx.lang)
    local = when.astimezone(ctx.tz)
    if when.has_time:  # a time was typed: the day is what is kept
        ctx.notes.append(t("actions.due_time_dropped", ctx.lang, time=f"{local:%H:%M}"))
    if local.date() < ctx.local_now.date():
        raise UserError("actions.due_past", due=f"{local:%d.%m.%Y}")
    return local.date()


def parse_goal_number(text: str) -> int:
    raw = text.strip().casefold()
    for word in ("mål", "maal", "goal"):
        if raw.startswith(word):
            raw = raw[len(word) :].strip()
    return parse_ref(raw, what=" (mål)")


def find_goal(ctx: Context, network: Network, text: str) -> Goal:
    number = parse_goal_number(text)
    goal = ctx.session.scalar(
        select(Goal).where(Goal.network_id == network.id, Goal.number == number)
    )
    if goal is None:
        goals = ctx.session.scalars(
            select(Goal).where(Goal.network_id == network.id).order_by(Goal.number)
        ).all()
        if not goals:
            raise UserError("actions.no_goals", number=number, network=network.name)
        shown = ", ".join(str(g.number) for g in goals)
        raise UserError("actions.goal_unknown", number=number, network=network.name, goals=shown)
    return goal


def find_action(ctx: Context, text: str | None) -> Action:
    if not text:
        typed = ctx.command.text.split()  # the verb as the member typed it: vis, slett, show
        raise UserError("actions.number_missing", verb=typed[0][:20] if typed else "vis")
    number = parse_ref(text, what=t("actions.what", ctx.lang))
    action = ctx.session.scalar(_ACTION_BY_ID, {"number": number})
    if action is None:
        raise UserError("actions.unknown", number=number)
    return action


# Built once: every action update asks it (session.get builds its query each time).
_ACTION_BY_ID = select(Action).where(Action.id == bindparam("number"))


def resolve_owner(ctx: Context, text: str) -> tuple[Member | None, Organisation | None]:
    """A member (Slack mention or name) or, failing that, an organisation (name)."""
    q = text.strip()
    session = ctx.session
    ref = PersonRef.parse(q)
    if ref is not None:
        member = mentioned_member(session, ref)
        if member is None:
            # Someone mentioned before they ever wrote to the bot: remember them so the
            # overdue nudge can find them by their account id.
            member = new_member(
                session,
                ref.platform,
                ref.external_id,
                name=ref.external_id,
                role="member",
            )
            session.flush()
        return member, member.organisation
    folded = q.lstrip("@").strip().casefold()
    if " ".join(folded.split()) in SELF_WORDS:
        return ctx.member, ctx.member.organisation
    if not folded:  # "@" alone: nobody named, so the names there are to choose from
        return _unknown_owner(ctx, q)
    members = chat_members(session)
    labels = member_labels(members)
    orgs = session.scalars(select(Organisation).order_by(Organisation.name)).all()
    for exact in (True, False):
        m_hits = named(folded, members, labels, exact=exact)
        o_hits = [
            o
            for o in orgs
            if (o.name.casefold() == folded if exact else folded in o.name.casefold())
        ]
        if len(m_hits) == 1 and (exact or not o_hits):
            member = m_hits[0][0]
            return member, member.organisation
        if len(o_hits) == 1 and not m_hits:
            return None, o_hits[0]
        if m_hits or o_hits:
            names = [label for _, label in m_hits] + [o.name for o in o_hits]
            raise UserError("actions.owner_ambiguous", given=q, choices=", ".join(names[:12]))
    return _unknown_owner(ctx, q)


def _unknown_owner(ctx: Context, given: str) -> tuple[Member | None, Organisation | None]:
    network = ctx.network
    names = (
        [m.name for m in network.members] + [o.name for o in network.organisations]
        if network
        else []
    )
    raise UserError("actions.owner_unknown", given=given, choices=", ".join(names[:20]) or "—")


def owner_text(action: Action, lang: str | None = None) -> str:
    if action.owner_member is not None:
        return action.owner_member.name
    if action.owner_organisation is not None:
        return action.owner_organisation.name
    return t("actions.nobody", lang) if lang else "—"


def require_network_member(ctx: Context, network: Network, *, managing: bool = False) -> None:
    """Members work on actions in their own networks; organisers in their partnership's;
    admins everywhere. Making one is taking part (the no any non-member gets); editing one
    (``managing``) is refused with whose partnership it is and whom to ask."""
    if permissions.organiser_or_network_member(ctx.member, network):
        return
    if managing:
        raise ctx.refusal(
            network, "actions.not_in_network", network=network.name, admins=ctx.admins()
        )
    raise UserError("actions.not_in_network", network=network.name, admins=ctx.admins())


def require_owner(ctx: Context, action: Action) -> None:
    """Status, owner and deletion: permissions.may_change_action."""
    if permissions.may_change_action(ctx.member, action):
        return
    raise ctx.refusal(
        action.network, "actions.not_owner", id=action.id, owner=owner_text(action, ctx.lang)
    )


def due_text(action: Action, lang: str) -> str:
    return action.due_date.strftime("%d.%m.%Y") if action.due_date else t("actions.no_due", lang)


def updated_text(ctx: Context, action: Action) -> str:
    return format_short(action.updated_at, ctx.lang, ctx.tz)


def is_overdue(action: Action, today: date) -> bool:
    return action.due_date is not None and action.due_date < today and action.status in OPEN


def goal_heading(goal: Goal | None, lang: str) -> str:
    if goal is None:
        return t("actions.no_goal", lang)
    return t("actions.goal_heading", lang, number=goal.number, title=goal.title)


def percent(n: int, lang: str) -> str:
    """``40 %`` in Norwegian, ``40%`` in English."""
    return t("actions.percent", lang, n=n)


def action_line(ctx: Context, action: Action) -> str:
    progress = "" if action.progress is None else " " + percent(action.progress, ctx.lang)
    overdue = " ⚠" if is_overdue(action, ctx.local_now.date()) else ""
    due = (
        t("actions.line_due", ctx.lang, due=due_text(action, ctx.lang))
        if action.due_date
        else t("actions.no_due", ctx.lang)
    )
    return t(
        "actions.line",
        ctx.lang,
        id=action.id,
        title=action.title,
        owner=owner_text(action, ctx.lang),
        status=f"{status_name(action.status, ctx.lang)}{progress}",
        due=f"{due}{overdue}",
        updated=updated_text(ctx, action),
    )
