"""`partnerbot serve`: the web app on uvicorn, with Slack's front (HTTP, or Socket Mode
beside it) and Teams' (POST /api/messages), and, by default, in-process workers that run
what the fronts stored."""

from __future__ import annotations

import gc
import logging
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from types import FrameType
from typing import TYPE_CHECKING, Any

import uvicorn
from starlette.routing import BaseRoute

from bot.acks_first import AcksFirst
from bot.app import App
from bot.config import Settings

if TYPE_CHECKING:  # the platforms are imported when they are served
    from bot.adapters.slack.run import SlackRuntime
    from bot.adapters.teams.run import TeamsRuntime
    from bot.scheduler import DispatchLoop
    from bot.web.app import Lifespan

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
    from bot.web.app import build_web_app
    from bot.web.routes import page_routes

    # The worker's threads and the event loop share one GIL: hand it over every 1 ms
    # instead of 5 ms, so an ack does not wait behind a command's rendering.
    sys.setswitchinterval(0.001)
    fronts = _fronts(app, *(platforms or configured_platforms(app.settings)), worker=worker)
    routes = [*fronts.routes, *page_routes(app.db, app.settings)]  # the web pages (issue 21)
    if worker:
        for each in fronts.runtimes:
            each.start()
        fronts.dispatching.start()
    try:
        web_app: Any = build_web_app(app.db, routes, fronts.lifespan)
        if fronts.acks is not None:
            # The chat platforms' endpoints: their acks go before the workers' answers.
            paths = {getattr(route, "path", "") for route in fronts.routes}
            web_app = fronts.acks.count(web_app, paths)
        # What is loaded by now (dateparser's data, the models, Bolt) lives as long as the
        # process: out of the collector's sight, a full collection no longer walks it all.
        gc.freeze()
        _run(web_app, host=host, port=port, lifespan=fronts.lifespan is not None, mode=fronts.mode)
    finally:
        if worker:
            for each in fronts.runtimes:
                each.stop()
            fronts.dispatching.stop()


@dataclass
class Fronts:
    """The chat platforms' parts of the web app: routes, Socket Mode's lifespan, the
    runtimes whose workers run beside it, and the one loop that sends for all of them."""

    dispatching: DispatchLoop
    routes: list[BaseRoute] = field(default_factory=list)
    lifespan: Lifespan | None = None
    runtimes: list[SlackRuntime | TeamsRuntime] = field(default_factory=list)
    mode: str = "teams"  # for the log line: http, socket, teams, "http + teams"
    acks: AcksFirst | None = None  # the in-process workers wait for the fronts' acks

    def turn(self) -> Callable[[], None] | None:
        """A worker's wait for its turn (its own: bot/acks_first.py), None without acks."""
        return self.acks.turn() if self.acks is not None else None


def _fronts(app: App, slack_on: bool, teams_on: bool, *, worker: bool) -> Fronts:
    from bot.adapters.slack.intake import Intake
    from bot.adapters.slack.run import (
        SlackRuntime,
        check_app_token,
        check_settings,
        check_token,
        http_routes,
        socket_mode_lifespan,
    )
    from bot.adapters.teams.run import TeamsRuntime
    from bot.scheduler import DispatchLoop

    fronts = Fronts(DispatchLoop(app), acks=AcksFirst() if worker else None)
    if slack_on:
        fronts.mode = check_settings(app.settings)
        check_token(app.settings)  # a bad token ends here, before we listen
        if fronts.mode == "socket":
            check_app_token(app.settings)  # and so does a refused app-level token
        runtime = SlackRuntime(app, fronts.dispatching, turn=fronts.turn())
        fronts.runtimes.append(runtime)
        intake = Intake(app.db, runtime.worker.wake if worker else (lambda rows: None))
        if fronts.mode == "http":
            fronts.routes = list(http_routes(runtime.bot, intake))
        else:
            fronts.lifespan = socket_mode_lifespan(runtime.bot, intake)
    if teams_on:
        # Each platform's dispatcher sends its own platform's rows (storage/outbox.py).
        teams = TeamsRuntime(app, fronts.dispatching, turn=fronts.turn())
        fronts.runtimes.append(teams)
        fronts.routes += teams.routes(wake=worker)
        fronts.mode = f"{fronts.mode} + teams" if slack_on else "teams"
    return fronts


def _run(web_app: Any, *, host: str, port: int, lifespan: bool, mode: str) -> None:
    config = uvicorn.Config(
        web_app,
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
