"""/horing liste: hearings nearest deadline first, a page at a time, at a fixed query cost;
``hearing_overview`` gives the page as data (for the chat list and a web page).

A fixed number of statements whatever the number of hearings: how many there are, one
page of them, their answer counts (aggregated in SQL, no per-row loading of addressees),
and the member's networks when the channel names none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from typing import Any

from sqlalchemy import Integer, Select, bindparam, func, select
from sqlalchemy.orm import Session

from bot.context import Context
from bot.dates import format_short
from bot.errors import UserError
from bot.grammar import Args
from bot.i18n import t
from bot.messages import Reply
from handlers import hearing_reminders as reminders
from handlers.lookup import find_network
from storage.models import Hearing, HearingAddressee, Network

PAGE_SIZE = 20
KEYWORDS = {"page": ("side", "sida", "page"), "network": ("nettverk", "network")}
FLAGS = {"all": ("alle", "all")}


@dataclass(frozen=True)
class HearingRow:
    hearing: Hearing
    answered: int  # addressees that have answered
    addressees: int


@dataclass(frozen=True)
class HearingPage:
    """One page of hearings, nearest deadline first: what the list shows, as data."""

    rows: list[HearingRow]
    total: int  # hearings on all pages
    page: int
    pages: int


def hearing_overview(
    session: Session, *, networks: list[Network] | None, everything: bool = False, page: int = 1
) -> HearingPage:
    """Open hearings (``everything``: closed ones too) of ``networks`` (None: every network),
    page ``page``; a page past the end has no rows."""
    count, page_of = _statements(everything, networks is not None)
    params: dict[str, Any] = {}
    if networks is not None:
        params["network_ids"] = [n.id for n in networks]
    total = session.scalar(count, params) or 0
    pages = -(-total // PAGE_SIZE)
    rows = _page(session, page_of, params, page) if total and page <= pages else []
    return HearingPage(rows, total, page, pages)


@cache
def _statements(everything: bool, by_network: bool) -> tuple[Select[Any], Select[Any]]:
    """How many hearings there are, and one page of them (``limit``, ``offset``), for
    ``hearing_overview``: built once per kind of list (each /horing liste runs them;
    building a statement costs more than running it)."""
    where: list[Any] = []
    if not everything:
        where.append(Hearing.state == "open")
    if by_network:
        where.append(Hearing.network_id.in_(bindparam("network_ids", expanding=True)))
    count = select(func.count(Hearing.id)).where(*where)
    page = (
        select(Hearing)
        .where(*where)
        .order_by(Hearing.deadline, Hearing.id)
        .limit(bindparam("limit", type_=Integer))
        .offset(bindparam("offset", type_=Integer))
    )
    return count, page


def list_hearings(ctx: Context, args: Args, networks: list[Network] | None) -> Reply:
    """``networks`` limits the list (None: every network); `nettverk` names the one."""
    if args.positional:  # `/horing liste gamle`: not the list of the channel's, unasked
        raise UserError("hearings.list_unknown_word", given=" ".join(args.words()))
    if args.get("network"):
        networks = [find_network(ctx.session, args.options["network"])]
    everything = "all" in args.flags
    command = partial(_command, everything, lang=ctx.lang, network=args.get("network"))
    page = _page_number(args.get("page"), command)
    found = hearing_overview(ctx.session, networks=networks, everything=everything, page=page)
    if not found.total:
        return Reply.text(t("hearings.none_open", ctx.lang))
    if page > found.pages:
        raise UserError(
            "hearings.page_past_end",
            page=page,
            pages=found.pages,
            command=command(found.pages),
        )
    key = "hearings.list_title_all" if everything else "hearings.list_title"
    title = t(key, ctx.lang)
    if found.pages > 1:
        title = title.rstrip(":") + t("hearings.list_page", ctx.lang, page=page, pages=found.pages)
    lines = [title] + [_line(ctx, row) for row in found.rows]
    rest = found.total - page * PAGE_SIZE
    if rest > 0:
        lines.append(
            t(
                "hearings.list_more",
                ctx.lang,
                count=rest,
                command=command(page + 1),
            )
        )
    return Reply.text("\n".join(lines))


def _line(ctx: Context, row: HearingRow) -> str:
    h = row.hearing
    state = "" if h.state == "open" else f" ({t('hearings.state.closed', ctx.lang)})"
    return "• " + t(
        "hearings.list_line",
        ctx.lang,
        number=h.id,
        title=h.title,
        sender=reminders.sender_part(h, ctx.lang),
        deadline=format_short(h.deadline, ctx.lang, ctx.tz),
        left=reminders.time_left(h.deadline, ctx.now, ctx.tz, ctx.lang),
        answered=row.answered,
        total=row.addressees,
        state=state,
    )


def _page(
    session: Session, stmt: Select[Any], params: dict[str, Any], page: int
) -> list[HearingRow]:
    """One page of hearings with (answered, addressees) counted in SQL for that page only
    (counting every hearing's addressees and then cutting a page out costs more)."""
    at = {"limit": PAGE_SIZE, "offset": (page - 1) * PAGE_SIZE}
    hearings = session.scalars(stmt, {**params, **at}).all()
    counts: dict[int, tuple[int, int]] = (
        {
            hearing_id: (int(answered), int(total))
            for hearing_id, answered, total in session.execute(
                _ANSWER_COUNTS, {"hearing_ids": [h.id for h in hearings]}
            )
        }
        if hearings
        else {}
    )
    return [HearingRow(h, *counts.get(h.id, (0, 0))) for h in hearings]


_ANSWER_COUNTS = (
    select(
        HearingAddressee.hearing_id,
        func.count(HearingAddressee.answered_at),
        func.count(HearingAddressee.id),
    )
    .where(HearingAddressee.hearing_id.in_(bindparam("hearing_ids", expanding=True)))
    .group_by(HearingAddressee.hearing_id)
)


def _page_number(text: str | None, command: Callable[[int], str]) -> int:
    if text is None:
        return 1
    raw = text.strip().lstrip("#")
    # ASCII digits, as an item's number (bot.grammar.parse_ref): "²" is a digit to
    # str.isdigit and no number to int()
    if not (raw.isascii() and raw.isdigit()) or int(raw) < 1:
        raise UserError("hearings.bad_page", command=command(2))
    return int(raw)


def _command(everything: bool, page: int, *, lang: str, network: str | None = None) -> str:
    """The command for ``page`` as a member of ``lang`` types it (of ``network`` as named)."""
    if lang == "en":
        named = f" network {network}" if network else ""
        return f"/horing list {'all ' if everything else ''}page {page}{named}"
    named = f" nettverk {network}" if network else ""
    return f"/horing liste {'alle ' if everything else ''}side {page}{named}"
