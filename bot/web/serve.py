"""`partnerbot serve`: the web app on uvicorn, with Slack's front (HTTP, or Socket Mode
beside it) and, by default, one in-process worker that runs what the fronts stored."""

from __future__ import annotations

import logging
import signal
from types import FrameType

import uvicorn
from starlette.routing import BaseRoute

from bot.app import App

log = logging.getLogger(__name__)

GRACEFUL_SECONDS = 30


def serve(app: App, *, host: str, port: int, worker: bool = True) -> None:
    """Blocks until SIGTERM or Ctrl-C; then stops taking requests, lets the worker finish
    what is running and waiting (bot/inbox.py: Worker.stop), and returns."""
    from bot.adapters.slack.intake import Intake
    from bot.adapters.slack.run import (
        SlackRuntime,
        check_settings,
        check_token,
        http_routes,
    )
    from bot.web.app import build_web_app
    from bot.web.routes import page_routes

    mode = check_settings(app.settings)
    check_token(app.settings)  # a bad token ends here, before we listen
    runtime = SlackRuntime(app)
    routes: list[BaseRoute] = []
    socket = None
    if mode == "http":
        wake = runtime.worker.wake if worker else (lambda: None)
        routes = http_routes(runtime.bot, Intake(app.db, wake))
    routes = [*routes, *page_routes(app.db, app.settings)]  # the web pages (issue 21)
    if worker:
        runtime.start()
    try:
        if mode == "socket":
            socket = _socket_mode(app, runtime)
        config = uvicorn.Config(
            build_web_app(app.db, routes),
            host=host,
            port=port,
            log_config=None,
            access_log=False,
            lifespan="off",
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
        if socket is not None:
            socket.close()
        if worker:
            runtime.stop()


def _stopped(signum: int, frame: FrameType | None) -> None:
    log.warning("partnerbot: stopping (signal %d)", signum)


def _socket_mode(app: App, runtime: object):  # type: ignore[no-untyped-def]
    from bot.adapters.slack.intake import Intake
    from bot.adapters.slack.listeners import build_socket_app
    from bot.adapters.slack.run import SlackRuntime
    from bot.adapters.slack.socket_mode import make_handler

    assert isinstance(runtime, SlackRuntime) and app.settings.slack_app_token
    bolt = build_socket_app(runtime.bot, Intake(app.db, runtime.worker.wake), runtime.bot.client)
    handler = make_handler(bolt, app.settings.slack_app_token, runtime.bot.client)
    handler.connect()
    log.warning("partnerbot: Slack Socket Mode connected")
    return handler
