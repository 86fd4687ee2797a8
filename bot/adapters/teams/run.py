"""Builds the Teams adapter from settings: the auth check, the connector clients, the bot,
and the /api/messages route that hands verified activities to it."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from starlette.routing import Route

from bot.adapters.teams import files
from bot.adapters.teams.auth import TeamsAuth
from bot.adapters.teams.connector import Connector, TokenSource
from bot.adapters.teams.endpoint import MessagesEndpoint, routes
from bot.adapters.teams.handling import TeamsBot
from bot.app import App
from bot.config import Settings
from storage.db import Database
from storage.models import HandledRequest

log = logging.getLogger(__name__)

KEEP_KEYS = timedelta(days=1)


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


def request_key(activity: dict[str, Any]) -> str:
    """Stays the same when Teams sends an activity again: its conversation and id."""
    conversation = (activity.get("conversation") or {}).get("id") or ""
    return f"teams:{conversation}:{activity.get('id') or ''}"[:200]


def first_time(db: Database, key: str, now: datetime) -> bool:
    try:
        with db.transaction() as session:
            session.add(HandledRequest(key=key, created_at=now))
    except IntegrityError:
        return False
    return True


def prune(db: Database, now: datetime) -> None:
    with db.transaction() as session:
        session.execute(
            delete(HandledRequest).where(
                HandledRequest.key.like("teams:%"), HandledRequest.created_at < now - KEEP_KEYS
            )
        )


class Intake:
    """Takes a verified activity: records its key (a redelivery is dropped), then runs it
    on a worker thread so that Teams gets its 200 at once."""

    def __init__(self, bot: TeamsBot, *, threads: int = 4) -> None:
        self.bot = bot
        self.pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="teams")

    def __call__(self, activity: dict[str, Any]) -> None:
        if not first_time(self.bot.db, request_key(activity), datetime.now(UTC)):
            log.info("Teams redelivered an activity already taken: skipped")
            return
        self.pool.submit(self.bot.handle, activity)

    def close(self) -> None:
        self.pool.shutdown(wait=True)


def build(app: App) -> tuple[TeamsBot, Intake, list[Route]]:
    check_settings(app.settings)
    tokens = TokenSource(app.settings)
    bot = TeamsBot(app, Connector(tokens, retries=2), Connector(tokens))
    intake = Intake(bot)
    endpoint = MessagesEndpoint(TeamsAuth(app.settings), intake)
    return bot, intake, [*routes(endpoint), *files.routes(app.db)]
