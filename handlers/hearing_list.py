"""/horing liste: hearings nearest deadline first, a page at a time, at a fixed query cost.

A fixed number of statements whatever the number of hearings: how many there are, one
page of them, their answer counts (aggregated in SQL, no per-row loading of addressees),
and the member's networks when the channel names none.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from bot.context import Context
from bot.dates import format_short
from bot.errors import UserError
from bot.grammar import Args
from bot.i18n import t
from bot.messages import Reply
from handlers import hearing_reminders as reminders
from storage.models import Hearing, HearingAddressee, Network

PAGE_SIZE = 20
KEYWORDS = {"page": ("side", "sida", "page")}
FLAGS = {"all": ("alle", "all")}


def list_hearings(ctx: Context, args: Args, networks: list[Network] | None) -> Reply:
    """``networks`` limits the list (None: every network)."""
    everything = "all" in args.flags
    page = _page_number(ctx, args.get("page"), everything)
    where: list[Any] = []
    if not everything:
        where.append(Hearing.state == "open")
    if networks is not None:
        where.append(Hearing.network_id.in_([n.id for n in networks]))
    total = ctx.session.scalar(select(func.count(Hearing.id)).where(*where)) or 0
    if not total:
        return Reply.text(t("hearings.none_open", ctx.lang))
    pages = -(-total // PAGE_SIZE)
    if page > pages:
        raise UserError("hearings.page_past_end", pages=pages, command=_command(everything, pages))
    rows = _page(ctx, where, page)
    key = "hearings.list_title_all" if everything else "hearings.list_title"
    title = t(key, ctx.lang)
    if pages > 1:
        title = title.rstrip(":") + t("hearings.list_page", ctx.lang, page=page, pages=pages)
    lines = [title]
    for h, answered, addressees in rows:
        state = "" if h.state == "open" else f" ({t('hearings.state.closed', ctx.lang)})"
        lines.append(
            "• "
            + t(
                "hearings.list_line",
                ctx.lang,
                number=h.id,
                title=h.title,
                sender=reminders.sender_part(h, ctx.lang),
                deadline=format_short(h.deadline, ctx.lang, ctx.tz),
                left=reminders.time_left(h.deadline, ctx.now, ctx.tz, ctx.lang),
                answered=answered,
                total=addressees,
                state=state,
            )
        )
    rest = total - page * PAGE_SIZE
    if rest > 0:
        lines.append(
            t("hearings.list_more", ctx.lang, count=rest, command=_command(everything, page + 1))
        )
    return Reply.text("\n".join(lines))


def _page(ctx: Context, where: list[Any], page: int) -> list[tuple[Hearing, int, int]]:
    """One page of hearings with (answered, addressees) counted in SQL for that page only
    (counting every hearing's addressees and then cutting a page out costs more)."""
    hearings = ctx.session.scalars(
        select(Hearing)
        .where(*where)
        .order_by(Hearing.deadline, Hearing.id)
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
    ).all()
    counts: dict[int, tuple[int, int]] = (
        {
            hearing_id: (int(answered), int(total))
            for hearing_id, answered, total in ctx.session.execute(
                select(
                    HearingAddressee.hearing_id,
                    func.count(HearingAddressee.answered_at),
                    func.count(HearingAddressee.id),
                )
                .where(HearingAddressee.hearing_id.in_([h.id for h in hearings]))
                .group_by(HearingAddressee.hearing_id)
            )
        }
        if hearings
        else {}
    )
    return [(h, *counts.get(h.id, (0, 0))) for h in hearings]


def _page_number(ctx: Context, text: str | None, everything: bool) -> int:
    if text is None:
        return 1
    raw = text.strip().lstrip("#")
    if not raw.isdigit() or int(raw) < 1:
        raise UserError("hearings.bad_page", command=_command(everything, 2))
    return int(raw)


def _command(everything: bool, page: int) -> str:
    return f"/horing liste {'alle ' if everything else ''}side {page}"
