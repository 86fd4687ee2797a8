"""`partnerbot serve`: the web app on uvicorn, with Slack's front (HTTP, or Socket Mode
beside it) and Teams' (POST /api/messages), and, by default, in-process workers that run
what the fronts stored."""

from __future__ import annotations

import logging
import signal
import sys
from types import FrameType

import uvicorn
from starlette.routing import BaseRoute

from bot.app import App
from bot.config import Settings

log = logging.getLogger(__name__)

GRACEFUL_SECONDS = 30


def serve(
    app: App,
    *,
    host: str,
    port: int,
    worker: bool = True,
    platforms: tuple[bool, bool] | None = None,
) -> None:
    """Blocks until SIGTERM or Ctrl-C; then stops taking requests, lets the worker finish
    what is running and waiting (bot/inbox.py: Worker.stop), and returns. ``platforms``:
    (Slack, Teams); by default by which settings are present (``configured_platforms``)."""
    from bot.adapters.slack.intake import Intake
    from bot.adapters.slack.run import (
        SlackRuntime,
        check_settings,
        check_token,
        http_routes,
        socket_mode_lifespan,
    )
    from bot.adapters.teams.run import TeamsRuntime
    from bot.web.app import build_web_app
    from bot.web.routes import page_routes

    # The worker's threads and the event loop share one GIL: hand it over every 1 ms
    # instead of 5 ms, so an ack does not wait behind a command's rendering.
    sys.setswitchinterval(0.001)
    slack_on, teams_on = platforms or configured_platforms(app.settings)
    routes: list[BaseRoute] = []
    lifespan = None
    runtimes: list[SlackRuntime | TeamsRuntime] = []
    mode = "teams"
    if slack_on:
        mode = check_settings(app.settings)
        check_token(app.settings)  # a bad token ends here, before we listen
        runtime = SlackRuntime(app)
        runtimes.append(runtime)
        intake = Intake(app.db, runtime.worker.wake if worker else (lambda rows: None))
        routes = http_routes(runtime.bot, intake) if mode == "http" else []
        lifespan = socket_mode_lifespan(runtime.bot, intake) if mode == "socket" else None
    if teams_on:
        # Each platform's dispatcher sends its own platform's rows (storage/outbox.py).
        teams = TeamsRuntime(app)
        runtimes.append(teams)
        routes = [*routes, *teams.routes(wake=worker)]
        mode = f"{mode} + teams" if slack_on else "teams"
    routes = [*routes, *page_routes(app.db, app.settings)]  # the web pages (issue 21)
    if worker:
        for each in runtimes:
            each.start()
    try:
        config = uvicorn.Config(
            build_web_app(app.db, routes, lifespan),
            host=host,
            port=port,
            log_config=None,
            access_log=False,
            lifespan="on" if lifespan else "off",
            backlog=4096,
            timeout_keep_alive=5,
            timeout_graceful_shutdown=GRACEFUL_SECONDS,
        )
        server = uvicorn.Server(config)
        # uvicorn stops on SIGTERM/SIGINT and then raises the signal again, under the
        # handlers it found: ours only lets the worker finish below instead of dying.
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, _stopped)
        log.warning("partnerbot: listening on http://%s:%s (%s)", host, port, mode)
        server.run()
        if not server.started:
            raise OSError(f"cannot listen on {host}:{port}")
    finally:
        if worker:
            for each in runtimes:
                each.stop()


class NothingToServe(Exception):
    """Neither Slack nor Teams is configured; the message says what to set."""


def configured_platforms(s: Settings) -> tuple[bool, bool]:
    """(Slack, Teams): a platform runs when its first setting is present; the rest of its
    settings are checked by its own check_settings."""
    slack_on = bool(s.slack_bot_token or s.slack_signing_secret or s.slack_app_token)
    teams_on = s.teams_configured
    if not slack_on and not teams_on:
        raise NothingToServe(
            "nothing to serve: set SLACK_BOT_TOKEN (Slack) or MICROSOFT_APP_ID (Teams)"
        )
    return slack_on, teams_on


def _stopped(signum: int, frame: FrameType | None) -> None:
    log.warning("partnerbot: stopping (signal %d)", signum)
