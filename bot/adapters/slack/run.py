"""`partnerbot slack`: serves Slack over HTTP (POST /slack/events) or Socket Mode (when
SLACK_APP_TOKEN is set) in this process, and runs the commands and the reminder ticker in a
worker process (workers.py)."""

from __future__ import annotations

import logging
import signal
from collections.abc import Callable, Sequence
from datetime import datetime
from types import FrameType, ModuleType

from slack_bolt import App as BoltApp

from bot import app as composition
from bot.adapters.slack import dedup
from bot.adapters.slack.client import interactive_client, outbox_client
from bot.adapters.slack.handling import SlackBot
from bot.adapters.slack.listeners import Work, build_bolt_app
from bot.adapters.slack.server import make_server
from bot.adapters.slack.workers import WorkerProcess
from bot.app import App
from bot.config import Settings
from bot.scheduler import Ticker
from storage.db import DatabaseError

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


def build(app: App, work: Work) -> tuple[SlackBot, BoltApp]:
    """The front: the Bolt app that acks and hands requests to ``work``."""
    mode = check_settings(app.settings)
    bot = SlackBot(app, interactive_client(app.settings), outbox_client(app.settings))
    try:
        bolt = build_bolt_app(bot, work, socket_mode=mode == "socket")
    except Exception as exc:  # bolt calls auth.test at start: a bad token ends here
        raise SlackConfigError(f"Slack refused the bot token: {exc}") from exc
    return bot, bolt


def tick(bot: SlackBot) -> Callable[[datetime], None]:
    def run(now: datetime) -> None:
        bot.dispatcher.dispatch_due(now)
        dedup.prune(bot.db, now)

    return run


def build_worker(
    settings: Settings, features: Sequence[ModuleType]
) -> tuple[SlackBot, Callable[[], None]]:
    """The worker process's bot, its after-command dispatch and the reminder ticker,
    started; returns the bot and what stops them."""
    from bot.dates import warm_up

    app = App.build(settings, features=features)
    warm_up()
    bot = SlackBot(app, interactive_client(settings), outbox_client(settings))
    bot.start()
    ticker = Ticker(tick(bot), settings.tick_seconds)
    ticker.start()

    def stop() -> None:
        bot.stop()
        ticker.stop()
        app.db.dispose()

    return bot, stop


def healthy(app: App) -> bool:
    try:
        app.db.ping()
    except DatabaseError:
        return False
    return True


def _stop(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)


def run(app: App, *, host: str, port: int) -> None:
    work = WorkerProcess(app.settings, [f.__name__ for f in composition.FEATURES])
    front, bolt = build(app, work)  # asks Slack who we are: a bad token ends here
    signal.signal(signal.SIGTERM, _stop)
    work.start()
    try:
        if app.settings.slack_app_token:
            from bot.adapters.slack.socket_mode import make_handler

            log.warning("partnerbot slack: Socket Mode")
            make_handler(bolt, app.settings.slack_app_token, front.client).start()
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
        work.stop()
