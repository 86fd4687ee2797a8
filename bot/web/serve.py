"""`partnerbot serve`: the web app on uvicorn, with Slack's front (HTTP, or Socket Mode
beside it) and, by default, one in-process worker that runs what the fronts stored."""

from __future__ import annotations

import logging
import signal
import sys
from types import FrameType

import uvicorn

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
        socket_mode_lifespan,
    )
    from bot.web.app import build_web_app

    # The worker's threads and the event loop share one GIL: hand it over every 1 ms
    # instead of 5 ms, so an ack does not wait behind a command's rendering.
    sys.setswitchinterval(0.001)
    mode = check_settings(app.settings)
    check_token(app.settings)  # a bad token ends here, before we listen
    runtime = SlackRuntime(app)
    intake = Intake(app.db, runtime.worker.wake if worker else (lambda: None))
    routes = http_routes(runtime.bot, intake) if mode == "http" else []
    lifespan = socket_mode_lifespan(runtime.bot, intake) if mode == "socket" else None
    if worker:
        runtime.start()
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
            runtime.stop()


def _stopped(signum: int, frame: FrameType | None) -> None:
    log.warning("partnerbot: stopping (signal %d)", signum)
