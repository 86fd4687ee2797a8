"""Slack's pieces put together: the front (HTTP on the web app, or Socket Mode) stores
requests in the inbox; the runtime (in-process with `serve`, or `partnerbot worker`) runs
them, sends what commands queue for others and ticks the reminder dispatcher."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import datetime

from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient
from starlette.routing import BaseRoute

from bot.adapters.slack.client import TIMEOUT_SECONDS, api_url, interactive_client, outbox_client
from bot.adapters.slack.front import EVENTS_PATH, SlackEvents
from bot.adapters.slack.handling import SlackBot
from bot.adapters.slack.intake import Intake
from bot.adapters.slack.listeners import build_async_app
from bot.app import App
from bot.config import Settings
from bot.inbox import Worker
from bot.scheduler import DispatchLoop
from bot.web.app import Lifespan, post
from storage import inbox

log = logging.getLogger(__name__)


class SlackConfigError(Exception):
    """A setting an operator must fix; the message is one line."""


def check_settings(s: Settings) -> str:
    """The mode to run in ("socket" or "http"), or SlackConfigError naming what is missing."""
    if not s.slack_bot_token:
        raise SlackConfigError("SLACK_BOT_TOKEN is not set (the Bot User OAuth Token, xoxb-...)")
    if s.slack_app_token:
        return "socket"
    if not s.slack_signing_secret:
        raise SlackConfigError(
            "SLACK_SIGNING_SECRET is not set (Basic Information > Signing "
            "Secret); or set SLACK_APP_TOKEN for Socket Mode"
        )
    return "http"


def check_token(s: Settings) -> str:
    """Ask Slack who we are (auth.test); the bot's user id, or SlackConfigError."""
    try:
        resp = interactive_client(s).auth_test()
    except SlackApiError as exc:
        raise SlackConfigError(
            f"Slack refused the bot token: {exc.response.get('error')}"
            " (check SLACK_BOT_TOKEN: OAuth & Permissions > Bot User OAuth Token)"
        ) from exc
    except (SlackClientError, OSError) as exc:
        raise SlackConfigError(
            f"cannot reach Slack to check the bot token: {exc.__class__.__name__}: {exc}"
        ) from exc
    return str(resp.get("user_id") or "")


# What Slack answers for an app-level token that no retry can mend.
REFUSED_TOKEN = frozenset(
    {
        "invalid_auth",
        "not_authed",
        "not_allowed_token_type",
        "token_revoked",
        "token_expired",
        "account_inactive",
    }
)


def check_app_token(s: Settings) -> None:
    """Socket Mode: ask Slack once for a connection (apps.connections.open) before
    listening. A refused app-level token is SlackConfigError (retrying cannot mend it);
    Slack unreachable, rate-limiting or failing on its side is left to the connection's
    retries."""
    client = interactive_client(s)
    try:
        client.apps_connections_open(app_token=s.slack_app_token or "")
    except SlackApiError as exc:
        if exc.response.get("error") not in REFUSED_TOKEN:  # 429, 5xx, internal_error, ...
            log.warning("partnerbot: Slack could not open Socket Mode yet; retrying")
            return
        raise SlackConfigError(
            f"Slack refused the app-level token: {exc.response.get('error')} (check "
            "SLACK_APP_TOKEN: Basic Information > App-Level Tokens, with connections:write)"
        ) from exc
    except (SlackClientError, OSError) as exc:
        log.warning("partnerbot: cannot reach Slack for Socket Mode yet (%s); retrying", exc)


class SlackRuntime:
    """What runs after the ack: inbox workers, and Slack's messenger in the process's
    dispatch loop (its own when none is given; then it starts and stops it too)."""

    def __init__(
        self,
        app: App,
        dispatching: DispatchLoop | None = None,
        *,
        turn: Callable[[], None] | None = None,
    ) -> None:
        s = app.settings
        self.app = app
        self.owns_dispatching = dispatching is None
        self.dispatching = dispatching or DispatchLoop(app)
        self.bot = SlackBot(
            app, interactive_client(s), outbox_client(s), dispatching=self.dispatching
        )
        self.worker = Worker.from_settings(app.db, self.bot.handle, s, platform="slack", turn=turn)
        self.dispatching.add_chore(self.prune)

    def prune(self, now: datetime) -> None:
        with self.app.db.transaction() as session:
            inbox.prune(session, now=now)

    def start(self) -> None:
        self.worker.start()
        if self.owns_dispatching:
            self.dispatching.start()
        log.warning("partnerbot: worker process %s ready", os.getpid())

    def stop(self) -> None:
        self.worker.stop()
        if self.owns_dispatching:
            self.dispatching.stop()


def async_client(s: Settings) -> AsyncWebClient:
    return AsyncWebClient(token=s.slack_bot_token, base_url=api_url(s), timeout=TIMEOUT_SECONDS)


def http_routes(bot: SlackBot, intake: Intake) -> list[BaseRoute]:
    """POST /slack/events for the web app."""
    s = bot.settings
    bolt = build_async_app(bot, intake, async_client(s))
    return [post(EVENTS_PATH, SlackEvents(bolt, s.slack_signing_secret or "").endpoint)]


def socket_mode_lifespan(bot: SlackBot, intake: Intake) -> Lifespan:
    """Socket Mode, connected while the web app runs."""
    from bot.adapters.slack.socket_mode import lifespan

    s = bot.settings
    assert s.slack_app_token
    return lifespan(
        build_async_app(bot, intake, async_client(s), socket_mode=True), s.slack_app_token
    )
