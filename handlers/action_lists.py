"""Lists of actions grouped by goal (paged, never cut) and their CSV export."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, func, or_, select
from sqlalchemy.orm import Session, selectinload

from bot.context import Context
from bot.csv_files import csv_bytes
from bot.errors import UserError
from bot.file_names import file_name
from bot.grammar import Args, parse_ref
from bot.i18n import t
from bot.messages import File, Reply, Text, strong
from bot.router import Verb
from handlers.action_common import (
    OPEN,
    action_line,
    find_goal,
    goal_heading,
    owner_text,
    status_name,
)
from handlers.lookup import find_network, network_for
from handlers.web_commands import dashboard_line
from storage.models import Action, Goal, Member, Network

PAGE_SIZE = 25

# Command words for the "next page" hint, in the member's language.
WORDS = {
    "nb": {
        "list": "liste",
        "mine": "mine",
        "overdue": "forfalte",
        "goal": "mål",
        "network": "nettverk",
        "page": "side",
    },
    "nn": {
        "list": "liste",
        "mine": "mine",
        "overdue": "forfalne",
        "goal": "mål",
        "network": "nettverk",
        "page": "side",
    },
    "en": {
        "list": "list",
        "mine": "mine",
        "overdue": "overdue",
        "goal": "goal",
        "network": "network",
        "page": "page",
    },
}
FLAGS = {
    "mine": ("mine", "my", "meg", "me"),
    "overdue": ("forfalte", "forfalne", "forfalt", "overdue", "late"),
}
KEYWORDS = {
    "goal": ("mål", "maal", "goal"),
    "page": ("side", "page"),
    "network": ("nettverk", "network"),
}


@dataclass(frozen=True)
class Selection:
    actions: Sequence[Action]
    network: Network | None
    goal: Goal | None
    mine: bool
    overdue: bool


def select_actions(ctx: Context, args: Args) -> Selection:
    """The actions a list or export asks for: a network (or all of mine), a goal, overdue."""
    if args.positional:
        raise UserError("actions.list_unknown_filter", given=args.positional[0].text)
    mine, overdue = "mine" in args.flags, "overdue" in args.flags
    network: Network | None = None
    if args.get("network"):
        network = find_network(ctx.session, args.options["network"])
    elif not mine or args.get("goal"):
        network = network_for(ctx, args)
    goal = find_goal(ctx, network, args.options["goal"]) if network and args.get("goal") else None
    return action_selection(
        ctx.session,
        network=network,
        goal=goal,
        owner=ctx.member if mine else None,
        overdue_on=ctx.local_now.date() if overdue else None,
    )


def action_selection(
    session: Session,
    *,
    network: Network | None,
    goal: Goal | None = None,
    owner: Member | None = None,
    overdue_on: date | None = None,
) -> Selection:
    """The actions of ``network`` (None: every network), of ``goal``, owned by ``owner`` (the
    member or their organisation), open and due before ``overdue_on``; goals in programme
    order, actions without a goal last. The data of the chat list, the export and a page."""
    params: dict[str, Any] = {}
    if network is not None:
        params["network_id"] = network.id
    if goal is not None:
        params["goal_id"] = goal.id
    if owner is not None:
        params["owner_id"] = owner.id
        if owner.organisation_id is not None:
            params["owner_org_id"] = owner.organisation_id
    if overdue_on is not None:
        params["overdue_on"] = overdue_on
    stmt = _selection_statement(frozenset(params))
    mine, overdue = owner is not None, overdue_on is not None
    return Selection(session.scalars(stmt, params).all(), network, goal, mine, overdue)


@cache
def _selection_statement(filters: frozenset[str]) -> Select[Action]:
    """``action_selection``'s query with ``filters`` as parameters, built once per set of
    filters (every /tiltak liste runs one; building it costs more than running it)."""
    stmt = select(Action).outerjoin(Goal, Action.goal_id == Goal.id)
    if "network_id" in filters:
        stmt = stmt.where(Action.network_id == bindparam("network_id"))
    if "goal_id" in filters:
        stmt = stmt.where(Action.goal_id == bindparam("goal_id"))
    if "owner_id" in filters:
        conds = [Action.owner_member_id == bindparam("owner_id")]
        if "owner_org_id" in filters:
            conds.append(
                (Action.owner_member_id.is_(None))
                & (Action.owner_organisation_id == bindparam("owner_org_id"))
            )
        stmt = stmt.where(or_(*conds))
    if "overdue_on" in filters:
        stmt = stmt.where(Action.due_date < bindparam("overdue_on"), Action.status.in_(OPEN))
    stmt = stmt.order_by(Action.network_id, Goal.number.is_(None), Goal.number, Action.id)
    # Each line names its owner: read with the actions, not one query per line.
    return stmt.options(
        selectinload(Action.owner_member).lazyload(Member.accounts),
        selectinload(Action.owner_organisation),
    )


def _hint(ctx: Context, sel: Selection, page: int) -> str:
    w = WORDS.get(ctx.lang, WORDS["nb"])
    parts = ["/tiltak", w["list"]]
    if sel.mine:
        parts.append(w["mine"])
    if sel.overdue:
        parts.append(w["overdue"])
    if sel.goal is not None:
        parts += [w["goal"], str(sel.goal.number)]
    if sel.network is not None and (ctx.network is None or ctx.network.id != sel.network.id):
        parts += [w["network"], f'"{sel.network.name}"']
    parts += [w["page"], str(page)]
    return " ".join(parts)


def _title(ctx: Context, sel: Selection, total: int) -> str:
    where = sel.network.name if sel.network else t("actions.list_all_networks", ctx.lang)
    kind = "mine" if sel.mine else "overdue" if sel.overdue else "all"
    if sel.mine and sel.overdue:
        kind = "mine_overdue"
    return t(f"actions.list_title.{kind}", ctx.lang, network=where, count=total)


def network_goals(session: Session, network: Network) -> Sequence[tuple[Goal, int]]:
    """The network's goals in programme order, each with its number of actions."""
    count = func.count(Action.id)
    rows = session.execute(
        select(Goal, count)
        .outerjoin(Action, Action.goal_id == Goal.id)
        .where(Goal.network_id == network.id)
        .group_by(Goal.id)
        .order_by(Goal.number)
    ).all()
    return [(goal, n) for goal, n in rows]


def _empty_text(ctx: Context, sel: Selection) -> str:
    """Nothing to list: say what exists instead, and the command that adds to it."""
    where = sel.network.name if sel.network else t("actions.list_all_networks", ctx.lang)
    if sel.overdue or sel.mine or sel.network is None:
        kind = "overdue" if sel.overdue else "mine"
        return t(f"actions.list_empty.{kind}", ctx.lang, network=where)
    if sel.goal is not None:
        return t("actions.list_empty.goal", ctx.lang, number=sel.goal.number, title=sel.goal.title)
    goals = [goal for goal, _ in network_goals(ctx.session, sel.network)]
    if not goals:
        return t("actions.list_empty.no_goals", ctx.lang, network=where)
    headings = "\n".join(goal_heading(goal, ctx.lang) for goal in goals)
    return t(
        "actions.list_empty.all", ctx.lang, network=where, goals=headings, first=goals[0].number
    )


def list_goals(ctx: Context, args: Args) -> Reply:
    """`/tiltak mål`: the network's work programme, each goal with its number of actions."""
    network = network_for(ctx, args)
    goals = network_goals(ctx.session, network)
    if not goals:
        return Reply.text(t("actions.goals_none", ctx.lang, network=network.name))
    lines = [t("actions.goals_title", ctx.lang, network=network.name)]
    lines += [
        t(
            f"actions.goals_line.{'one' if n == 1 else 'many'}",
            ctx.lang,
            heading=goal_heading(goal, ctx.lang),
            count=n,
        )
        for goal, n in goals
    ]
    lines.append(t("actions.goals_hint", ctx.lang, number=goals[0][0].number))
    return Reply.text("\n".join(lines))


def list_reply(ctx: Context, args: Args) -> Reply:
    sel = select_actions(ctx, args)
    total = len(sel.actions)
    if total == 0:
        return Reply.text(_empty_text(ctx, sel))
    pages = math.ceil(total / PAGE_SIZE)
    page = parse_ref(args.options["page"], what=" (side)") if args.get("page") else 1
    if page > pages:
        raise UserError("actions.no_such_page", page=page, pages=pages, command=_hint(ctx, sel, 1))
    shown = sel.actions[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    reply = Reply(blocks=[Text(_title(ctx, sel, total))])
    several_networks = len({a.network_id for a in sel.actions}) > 1
    group_key: tuple[int, int | None] | None = None
    lines: list[str] = []
    for action in shown:
        key = (action.network_id, action.goal_id)
        if key != group_key:
            if lines:
                reply.add(Text("\n".join(lines)))
            heading = goal_heading(action.goal, ctx.lang)
            if several_networks:
                heading = f"{action.network.name} · {heading}"
            lines, group_key = [strong(heading)], key
        lines.append(action_line(ctx, action))
    if lines:
        reply.add(Text("\n".join(lines)))
    if pages > 1:
        if page < pages:
            reply.add(
                Text(
                    t(
                        "actions.page_more",
                        ctx.lang,
                        page=page,
                        pages=pages,
                        command=_hint(ctx, sel, page + 1),
                    )
                )
            )
        else:
            reply.add(Text(t("actions.page_last", ctx.lang, page=page, pages=pages)))
    web_page = dashboard_line(ctx, sel.network)  # the dashboard, when the pages are set up
    if web_page:
        reply.add(Text(web_page))
    return reply


def export_csv(ctx: Context, actions: Sequence[Action]) -> bytes:
    """One row per action with its latest status comment, as bot.csv_files writes it."""
    return csv_bytes(
        t("actions.csv.header", ctx.lang).split("|"),
        (
            [
                goal_heading(a.goal, ctx.lang) if a.goal else "",
                a.id,
                a.title,
                owner_text(a) if (a.owner_member or a.owner_organisation) else "",
                a.owner_organisation.name if a.owner_organisation else "",
                status_name(a.status, ctx.lang),
                "" if a.progress is None else a.progress,
                a.due_date.isoformat() if a.due_date else "",
                a.updated_at.astimezone(ctx.tz).strftime("%Y-%m-%d %H:%M"),
                latest_comment(a),
            ]
            for a in actions
        ),
    )


def latest_comment(action: Action) -> str:
    """The note of the newest status update that has one ("" when none has)."""
    notes = [u for u in action.updates if u.note]
    return (max(notes, key=lambda u: (u.at, u.id)).note or "") if notes else ""


def export_name(ctx: Context, sel: Selection) -> str:
    """Each selection its own file name: one goal's export must not overwrite the
    network's full export in the member's downloads."""
    where = sel.network.name if sel.network else t("actions.list_all_networks", ctx.lang)
    w = WORDS.get(ctx.lang, WORDS["nb"])
    parts: list[object] = [t("file.actions", ctx.lang), where]
    if sel.goal is not None:
        parts += [w["goal"], sel.goal.number]
    if sel.mine:
        parts.append(w["mine"])
    if sel.overdue:
        parts.append(w["overdue"])
    return file_name(*parts, f"{ctx.local_now:%Y-%m-%d}", ext="csv")


def export_actions(ctx: Context, args: Args) -> Reply:
    sel = select_actions(ctx, args)
    where = sel.network.name if sel.network else t("actions.list_all_networks", ctx.lang)
    name = export_name(ctx, sel)
    reply = Reply.text(
        t("actions.exported", ctx.lang, count=len(sel.actions), network=where, name=name)
    )
    reply.files.append(
        File(
            name=name,
            data=export_csv(ctx, sel.actions),
            mime="text/csv",
            title=t("actions.export_title", ctx.lang, network=where),
        )
    )
    return reply


VERBS = (
    Verb(
        ("mål", "maal", "goals", "mål liste", "goal list"),
        list_goals,
        "help.tiltak.mal",
        keywords={"network": KEYWORDS["network"]},
        reads_only=True,
    ),
    Verb(
        ("liste", "list", "oversikt", "oversyn"),
        list_reply,
        "help.tiltak.liste",
        keywords=KEYWORDS,
        flags=FLAGS,
        reads_only=True,
    ),
    Verb(
        ("eksport", "eksporter", "export", "csv"),
        export_actions,
        "help.tiltak.eksport",
        keywords={k: v for k, v in KEYWORDS.items() if k != "page"},
        flags=FLAGS,
        reads_only=True,
    ),
)
