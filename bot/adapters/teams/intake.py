"""What comes in from Teams after its JWT is checked: stored in the inbox under Teams'
retry-stable id (conversation + activity id) and committed before the 200, so an activity
Teams saw acknowledged is run even if this process dies right after."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from bot.adapters.teams.conversations import channel_id, member_id
from bot.inbox import notify
from storage import inbox
from storage.db import Database

log = logging.getLogger(__name__)

PLATFORM = "teams"


def request_key(activity: dict[str, Any]) -> str:
    """Stays the same when Teams sends an activity again: its conversation and id."""
    conversation = (activity.get("conversation") or {}).get("id") or ""
    return f"teams:{conversation}:{activity.get('id') or ''}"


def queue_of(activity: dict[str, Any]) -> str:
    """Whose request it is: one member's activities run in the order they came; an
    activity without a member (an installation) queues with its conversation."""
    return member_id(activity) or f"conversation:{channel_id(activity)}"


class Intake:
    def __init__(
        self,
        db: Database,
        wake: Callable[[], None] = lambda: None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.db = db
        self.wake = wake
        self.clock = clock

    def __call__(self, activity: dict[str, Any]) -> None:
        self.store(activity)

    def store(self, activity: dict[str, Any]) -> bool:
        """Store and commit; False for an activity stored before (a redelivery)."""
        with self.db.transaction() as session:
            added = inbox.accept(
                session,
                key=request_key(activity),
                platform=PLATFORM,
                kind=str(activity.get("type") or "message")[:20],
                member=queue_of(activity),
                body=activity,
                now=self.clock(),
            )
            if added:
                notify(session)
        if added:
            self.wake()
        else:
            log.info("Teams redelivered an activity already taken: skipped")
        return added
