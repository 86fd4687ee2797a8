"""The one ASGI app: GET /healthz (the process answers), GET /readyz (the database answers
and its schema is current), and the platform endpoints mounted on it (POST /slack/events)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from storage import schema
from storage.db import Database, DatabaseError


def readiness(db: Database) -> str | None:
    """Why this process should not be sent work now, or None when it is ready."""
    try:
        db.ping()
        schema.check_up_to_date(db)
    except (DatabaseError, schema.SchemaOutOfDate) as exc:
        return str(exc)
    except Exception as exc:  # e.g. the database went away between the two checks
        return f"database error: {exc.__class__.__name__}"
    return None


Lifespan = Callable[[Any], AbstractAsyncContextManager[None]]


def build_web_app(
    db: Database, routes: Sequence[BaseRoute] = (), lifespan: Lifespan | None = None
) -> Starlette:
    async def healthz(request: Request) -> Response:
        return PlainTextResponse("ok\n")

    async def readyz(request: Request) -> Response:
        problem = await asyncio.to_thread(readiness, db)
        if problem is None:
            return PlainTextResponse("ready\n")
        return PlainTextResponse(f"not ready: {problem}\n", status_code=503)

    return Starlette(
        routes=[
            Route("/healthz", healthz, methods=["GET"]),
            Route("/readyz", readyz, methods=["GET"]),
            *routes,
        ],
        lifespan=lifespan,
    )


def post(path: str, endpoint: Callable[[Request], object]) -> Route:
    return Route(path, endpoint, methods=["POST"])  # type: ignore[arg-type]
