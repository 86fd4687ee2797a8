"""Calendar feeds: /kalender/<token>.ics (a member's) and /kalender/nettverk/<token>.ics
(a network's). A revoked or unknown token answers 404."""

from __future__ import annotations

from datetime import UTC, datetime

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.languages import member_language
from bot.web.site import Site
from handlers import feeds, web_links
from storage.models import Member, Network


def routes(site: Site) -> list[Route]:
    def ics(body: bytes) -> Response:
        return Response(
            body,
            media_type="text/calendar; charset=utf-8",
            headers={"Content-Disposition": 'inline; filename="partnerbot.ics"'},
        )

    def member(request: Request) -> Response:
        with site.db.transaction() as session:
            link = web_links.find(session, web_links.FEED, request.path_params["token"])
            person = session.get(Member, link.member_id) if link and link.member_id else None
            if person is None:
                return Response("not found\n", status_code=404, media_type="text/plain")
            lang = member_language(person, site.settings)
            return ics(
                feeds.member_feed(
                    session, person, now=datetime.now(UTC), tz=site.settings.tz, lang=lang
                )
            )

    def network(request: Request) -> Response:
        with site.db.transaction() as session:
            link = web_links.find(session, web_links.NETWORK_FEED, request.path_params["token"])
            net = session.get(Network, link.object_id) if link and link.object_id else None
            if net is None:
                return Response("not found\n", status_code=404, media_type="text/plain")
            lang = (net.partnership.language if net.partnership else None) or site.settings.language
            return ics(
                feeds.network_feed(
                    session, net, now=datetime.now(UTC), tz=site.settings.tz, lang=lang
                )
            )

    async def member_feed(request: Request) -> Response:
        return await run_in_threadpool(member, request)

    async def network_feed(request: Request) -> Response:
        return await run_in_threadpool(network, request)

    return [
        Route("/kalender/nettverk/{token}.ics", network_feed, methods=["GET"]),
        Route("/kalender/{token}.ics", member_feed, methods=["GET"]),
    ]
