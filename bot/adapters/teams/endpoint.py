"""POST /api/messages: verify the activity's JWT, hand it on, answer at once.

A body over 1 MB is 413 as soon as it shows, one not sent within 10 s 408 (bot/web/bodies.py).
Bad JSON is 400, a missing or wrong token (or another tenant) 401 with an empty body: no
traceback, no hint. A genuine activity is handed to ``accept`` (which stores or queues
it) before the 200, so an activity Teams sees acknowledged is never lost in our hands.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.adapters.teams.auth import AuthError, TeamsAuth
from bot.web.bodies import BODY_SECONDS, TooLarge, read_body

log = logging.getLogger(__name__)

PATH = "/api/messages"
MAX_BODY_BYTES = 1_000_000


class MessagesEndpoint:
    def __init__(self, auth: TeamsAuth, accept: Callable[[dict[str, Any]], None]) -> None:
        self.auth = auth
        self.accept = accept

    async def handle(self, request: Request) -> Response:
        try:
            raw = await read_body(request, MAX_BODY_BYTES, BODY_SECONDS)
        except TooLarge:
            return Response(status_code=413, headers={"Connection": "close"})
        except TimeoutError:
            return Response(status_code=408, headers={"Connection": "close"})
        try:
            activity = json.loads(raw)
        except ValueError:
            return Response(status_code=400)
        if not isinstance(activity, dict):
            return Response(status_code=400)
        try:
            # Fetching the signing keys blocks (the first time, and when they rotate).
            await run_in_threadpool(
                self.auth.verify, request.headers.get("authorization"), activity
            )
        except AuthError as exc:
            log.warning("Teams request refused (401): %s", exc)
            return Response(status_code=401)
        await run_in_threadpool(self.accept, activity)
        if activity.get("type") == "invoke":
            # Teams waits for an invoke's answer; the work happens after it, like a message.
            return JSONResponse({"status": 200})
        return Response(status_code=200)


def routes(endpoint: MessagesEndpoint) -> list[Route]:
    return [Route(PATH, endpoint.handle, methods=["POST"])]
