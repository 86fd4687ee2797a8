"""The work-programme dashboard: /tavle/<token>, read only, filter by goal and owner."""

from __future__ import annotations

from datetime import UTC, datetime

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.dates import format_date
from bot.errors import UserError
from bot.grammar import parse_ref
from bot.web.site import Site, page_language
from handlers import web_links
from handlers.dashboard import dashboard
from storage.models import Network


def routes(site: Site) -> list[Route]:
    def work(request: Request) -> Response:
        with site.db.transaction() as session:
            link = web_links.find(session, web_links.DASHBOARD, request.path_params["token"])
            network = session.get(Network, link.object_id) if link and link.object_id else None
            if network is None:
                return site.not_found(request)
            default = (
                network.partnership.language if network.partnership else None
            ) or site.settings.language
            lang = page_language(request, None, default)
            goal = _goal_filter(request.query_params.get("mal", ""))
            owner = request.query_params.get("ansvarlig") or None
            today = datetime.now(UTC).astimezone(site.settings.tz).date()
            board = dashboard(session, network, today=today, lang=lang, goal=goal, owner=owner)
            return site.render(
                request,
                "dashboard.html",
                lang,
                board=board,
                goal=goal,
                owner=owner,
                when=lambda d: format_date(d, lang) if d else "—",
            )

    async def show(request: Request) -> Response:
        return await run_in_threadpool(work, request)

    return [Route("/tavle/{token}", show, methods=["GET"])]


def _goal_filter(raw: str) -> int | None:
    """``?mal=3``: a goal's number as members write it; anything else (a hand-edited link)
    filters nothing."""
    try:
        return parse_ref(raw)
    except UserError:
        return None
