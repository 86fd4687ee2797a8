"""The work-programme dashboard's data: a network's goals with their actions, owners,
status, progress and whether each is overdue, filtered by goal and owner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.i18n import t
from handlers.action_common import owner_text
from handlers.action_lists import action_selection
from storage.models import Action, Goal, Network

CLOSED = ("done", "cancelled")


@dataclass(frozen=True)
class ActionRow:
    id: int
    title: str
    owner: str
    status: str  # the code: planned, ongoing, done, postponed, cancelled
    status_text: str
    progress: int  # 0-100; done counts as 100
    due: date | None
    overdue: bool


@dataclass(frozen=True)
class GoalBlock:
    number: int | None  # None: actions without a goal
    title: str
    actions: list[ActionRow]

    @property
    def progress(self) -> int:
        rows = [a for a in self.actions if a.status != "cancelled"]
        return round(sum(a.progress for a in rows) / len(rows)) if rows else 0


@dataclass(frozen=True)
class Dashboard:
    network: str
    goals: list[GoalBlock]
    goal_choices: list[tuple[int, str]]
    owner_choices: list[str]
    total: int
    overdue: int


def _progress(action: Action) -> int:
    if action.status == "done":
        return 100
    return max(0, min(100, action.progress or 0))


def _row(a: Action, today: date, lang: str) -> ActionRow:
    return ActionRow(
        id=a.id,
        title=a.title,
        owner=owner_text(a, lang),
        status=a.status,
        status_text=t(f"actions.status.{a.status}", lang),
        progress=_progress(a),
        due=a.due_date,
        overdue=a.due_date is not None and a.due_date < today and a.status not in CLOSED,
    )


def dashboard(
    session: Session,
    network: Network,
    *,
    today: date,
    lang: str,
    goal: int | None = None,
    owner: str | None = None,
) -> Dashboard:
    goals = list(
        session.scalars(select(Goal).where(Goal.network_id == network.id).order_by(Goal.number))
    )
    actions = list(action_selection(session, network=network).actions)  # as /tiltak liste
    owners = sorted({owner_text(a, lang) for a in actions}, key=str.casefold)

    blocks: list[GoalBlock] = []
    for g in goals:
        if goal is not None and g.number != goal:
            continue
        rows = [_row(a, today, lang) for a in actions if a.goal_id == g.id]
        blocks.append(GoalBlock(g.number, g.title, rows))
    loose = [_row(a, today, lang) for a in actions if a.goal_id is None]
    if loose and goal is None:
        blocks.append(GoalBlock(None, t("page.dash.no_goal", lang), loose))
    if owner:
        blocks = [
            GoalBlock(b.number, b.title, [a for a in b.actions if a.owner == owner]) for b in blocks
        ]
        blocks = [b for b in blocks if b.actions]
    shown = [a for b in blocks for a in b.actions]
    return Dashboard(
        network=network.name,
        goals=blocks,
        goal_choices=[(g.number, g.title) for g in goals],
        owner_choices=owners,
        total=len(shown),
        overdue=sum(1 for a in shown if a.overdue),
    )
