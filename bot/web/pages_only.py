"""`partnerbot serve` with no chat platform configured: the web pages alone (guest pages,
calendar feeds, dashboards) with /healthz and /readyz, on uvicorn."""

from __future__ import annotations

import logging

import uvicorn

from bot.app import App
from bot.config import Settings

log = logging.getLogger(__name__)


def wanted(settings: Settings) -> bool:
    """Web only: no Slack or Teams setting at all, and a public address for the pages'
    links."""
    slack = (settings.slack_bot_token, settings.slack_app_token, settings.slack_signing_secret)
    return not any(slack) and not settings.teams_configured and bool(settings.public_url)


def serve_pages(app: App, *, host: str, port: int) -> None:
    from bot.web.app import build_web_app
    from bot.web.routes import page_routes

    config = uvicorn.Config(
        build_web_app(app.db, page_routes(app.db, app.settings)),
        host=host,
        port=port,
        log_config=None,
        access_log=False,
        lifespan="off",
        timeout_keep_alive=5,
    )
    server = uvicorn.Server(config)
    log.warning("partnerbot: listening on http://%s:%s (web pages only, no chat)", host, port)
    server.run()
    if not server.started:
        raise OSError(f"cannot listen on {host}:{port}")
