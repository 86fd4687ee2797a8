"""POST /slack/events on the web app: read the body within limits, refuse what is not
Slack's (intake.refusal), then hand it to Bolt's own Starlette adapter."""

from __future__ import annotations

import json
import logging

from slack_bolt.adapter.starlette.async_handler import AsyncSlackRequestHandler
from slack_bolt.async_app import AsyncApp
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from bot.adapters.slack.intake import MAX_BODY, parse_body, refusal
from bot.web.bodies import BODY_SECONDS, TooLarge, read_body

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"


class SlackEvents:
    def __init__(self, bolt: AsyncApp, signing_secret: str) -> None:
        self.handler = AsyncSlackRequestHandler(bolt)
        self.secret = signing_secret

    async def endpoint(self, request: Request) -> Response:
        try:
            body = await read_body(request, MAX_BODY, BODY_SECONDS)
        except TooLarge:
            return self.refuse(request, 413, "body too large")
        except TimeoutError:
            return self.refuse(request, 408, "body not sent in time")
        found = refusal(request.headers, body, secret=self.secret)
        if found is not None:
            return self.refuse(request, found.status, found.reason)
        if b"payload" in body and not body.startswith(b"payload="):
            # Bolt takes any form body with "payload" in it (a command's text: sted
            # "payload") for an interaction and finds nothing in it; it gets the form as
            # JSON instead (its signature was checked above, Bolt checks none).
            form = parse_body(request.headers.get("content-type", ""), body)
            request._body = json.dumps(form).encode()
        return await self.handler.handle(request)

    @staticmethod
    def refuse(request: Request, status: int, reason: str) -> Response:
        peer = request.client.host if request.client else "?"
        log.info("refused a request to %s from %s: %d %s", EVENTS_PATH, peer, status, reason)
        # Closing the connection: no unread rest of the body is taken for a new request.
        return PlainTextResponse(f"{reason}\n", status_code=status, headers={"Connection": "close"})
