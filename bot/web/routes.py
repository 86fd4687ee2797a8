"""The pages' routes as one mount for the web app (bot/web/app.py): guest poll and
conference pages, calendar feeds and dashboards, each answered with security headers."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route

from bot.config import Settings
from bot.web import dashboard, feeds, guest_conference, guest_poll
from bot.web.site import HERE, Site, with_headers
from storage.db import Database

CSS = (HERE / "static" / "web.css").read_bytes


class SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        return with_headers(await call_next(request))


def build_pages(db: Database, settings: Settings) -> Starlette:
    site = Site(db, settings)

    async def css(request: Request) -> Response:
        return Response(
            CSS(), media_type="text/css", headers={"Cache-Control": "public, max-age=3600"}
        )

    async def not_found(request: Request, exc: Exception) -> Response:
        return site.not_found(request)

    routes: list[BaseRoute] = [
        Route("/web.css", css, methods=["GET"]),
        *guest_poll.routes(site),
        *feeds.routes(site),
        *dashboard.routes(site),
        *guest_conference.routes(site),
    ]
    return Starlette(
        routes=routes,
        middleware=[],
        exception_handlers={404: not_found},
    )


def page_routes(db: Database, settings: Settings) -> list[BaseRoute]:
    """One mount after the app's own routes: /healthz, /readyz and /slack/events match first."""
    app = build_pages(db, settings)
    app.add_middleware(SecurityHeaders)
    return [Mount("", app=app)]
