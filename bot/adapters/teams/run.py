"""Teams' pieces put together: the front (POST /api/messages on the web app: JWT check,
then the inbox) and the runtime (the inbox worker for Teams' rows, the send-after-command
thread, and the ticker: reminders, expired file links)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any

from starlette.routing import BaseRoute

from bot.adapters.teams import files
from bot.adapters.teams.auth import TeamsAuth
from bot.adapters.teams.connector import Connector, TokenSource
from bot.adapters.teams.endpoint import MessagesEndpoint, routes
from bot.adapters.teams.handling import TeamsBot
from bot.adapters.teams.intake import PLATFORM, Intake
from bot.app import App
from bot.config import Settings
from bot.inbox import Worker
from bot.scheduler import DispatchLoop
from storage import inbox
from storage.db import is_unreachable

log = logging.getLogger(__name__)


class TeamsConfigError(Exception):
    """A setting an operator must fix; the message is one line."""


def check_settings(s: Settings) -> None:
    missing = [
        name
        for name, value in (
            ("MICROSOFT_APP_ID", s.microsoft_app_id),
            ("MICROSOFT_APP_PASSWORD", s.microsoft_app_password),
            ("MICROSOFT_APP_TENANT_ID", s.microsoft_app_tenant_id),
        )
        if not value
    ]
    if missing:
        raise TeamsConfigError(
            f"{', '.join(missing)} not set (the Azure Bot's single-tenant app registration)"
        )


class TeamsRuntime:
    """What runs after the 200: the inbox worker for Teams' rows, and Teams' messenger in
    the process's dispatch loop (its own when none is given; then it starts and stops it)."""

    def __init__(
        self,
        app: App,
        dispatching: DispatchLoop | None = None,
        *,
        turn: Callable[[], None] | None = None,
    ) -> None:
        check_settings(app.settings)
        s = app.settings
        self.app = app
        self.owns_dispatching = dispatching is None
        self.dispatching = dispatching or DispatchLoop(app)
        tokens = TokenSource(s)
        self.bot = TeamsBot(
            app, Connector(tokens, retries=2), Connector(tokens), dispatching=self.dispatching
        )
        self.worker = Worker.from_settings(
            app.db, self.bot.handle_job, s, platform=PLATFORM, turn=turn
        )
        self.dispatching.add_chore(self.prune)

    def prune(self, now: datetime) -> None:
        """Expired file links and old inbox rows."""
        files.prune(self.app.db, now)
        with self.app.db.transaction() as session:
            inbox.prune(session, now=now)

    def start(self) -> None:
        self.worker.start()
        if self.owns_dispatching:
            self.dispatching.start()

    def stop(self) -> None:
        self.worker.stop()
        if self.owns_dispatching:
            self.dispatching.stop()

    def routes(self, *, wake: bool = True) -> list[BaseRoute]:
        """POST /api/messages and GET /files/... for the web app."""
        intake = Intake(self.app.db, self.worker.wake if wake else (lambda: None))
        endpoint = MessagesEndpoint(TeamsAuth(self.app.settings), partial(self.take, intake))
        return [*routes(endpoint), *files.routes(self.app.db)]

    def take(self, intake: Intake, activity: dict[str, Any]) -> None:
        """Store the activity before Teams gets its 200. While the database cannot be
        reached, a member's message is answered at once ("try again", tried once) and
        Teams gets its 200, as Slack's ack; another activity gets the error (Teams sends it
        again later)."""
        try:
            intake(activity)
        except Exception as exc:
            if not is_unreachable(exc):
                raise
            log.warning("database unreachable: a Teams activity was not taken")
            if not self.bot.not_taken(activity):
                raise
