"""`partnerbot slack`: builds the Slack bot, starts the reminder ticker and serves Slack
over HTTP (POST /slack/events) or Socket Mode (when SLACK_APP_TOKEN is set)."""

from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Callable
from datetime import datetime
from types import FrameType

from slack_bolt import App as BoltApp

from bot.adapters.slack import dedup
from bot.adapters.slack.client import interactive_client, outbox_client
from bot.adapters.slack.handling import SlackBot
from bot.adapters.slack.listeners import build_bolt_app
from bot.adapters.slack.server import make_server
from bot.app import App
from bot.config import Settings
from bot.scheduler import Ticker
from storage.db import DatabaseError

log = logging.getLogger(__name__)

SWITCH_INTERVAL = 0.001


class SlackConfigError(Exception):
    """A setting an operator must fix; the message is one line."""


def check_settings(s: Settings) -> str:
    """The mode to run in ("socket" or "http"), or SlackConfigError naming what is missing."""
    if not s.slack_bot_token:
        raise SlackConfigError("SLACK_BOT_TOKEN is not set (the Bot User OAuth Token, xoxb-...)")
    if s.slack_app_token:
        return "socket"
    if not s.slack_signing_secret:
        raise SlackConfigError("SLACK_SIGNING_SECRET is not set (Basic Information > Signing "
                               "Secret); or set SLACK_APP_TOKEN for Socket Mode")
    return "http"


def build(app: App) -> tuple[SlackBot, BoltApp]:
    mode = check_settings(app.settings)
    bot = SlackBot(app, interactive_client(app.settings), outbox_client(app.settings))
    try:
        bolt = build_bolt_app(bot, socket_mode=mode == "socket")
    except Exception as exc:  # bolt calls auth.test at start: a bad token ends here
        raise SlackConfigError(f"Slack refused the bot token: {exc}") from exc
    return bot, bolt


def tick(bot: SlackBot) -> Callable[[datetime], None]:
    def run(now: datetime) -> None:
        bot.dispatcher.dispatch_due(now)
        dedup.prune(bot.db, now)

    return run


def healthy(app: App) -> bool:
    try:
        app.db.ping()
    except DatabaseError:
        return False
    return True


def _stop(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)


def run(app: App, *, host: str, port: int) -> None:
    bot, bolt = build(app)
    # Acks wait for the GIL behind commands running after earlier acks; a shorter switch
    # interval (default 5 ms) lets them through sooner.
    sys.setswitchinterval(SWITCH_INTERVAL)
    bot.start()
    ticker = Ticker(tick(bot), app.settings.tick_seconds)
    signal.signal(signal.SIGTERM, _stop)
    ticker.start()
    try:
        if app.settings.slack_app_token:
            from bot.adapters.slack.socket_mode import make_handler

            log.warning("partnerbot slack: Socket Mode")
            make_handler(bolt, app.settings.slack_app_token, bot.client).start()
        else:
            server = make_server(bolt, host, port, lambda: healthy(app))
            log.warning("partnerbot slack: listening on http://%s:%s/slack/events", host, port)
            try:
                server.serve_forever(poll_interval=0.2)
            finally:
                server.server_close()
    except KeyboardInterrupt:
        pass
    finally:
        bot.stop()
        ticker.stop()
