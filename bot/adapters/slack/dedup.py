"""Slack retries a request it thinks was lost (X-Slack-Retry-Num); run each one once."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from storage.db import Database
from storage.models import HandledRequest

KEEP = timedelta(days=1)


def request_key(body: dict[str, Any]) -> str:
    """What stays the same across Slack's retries of one request: the trigger id of a
    command, click or form, the event id of an event; else a hash of the whole body."""
    if body.get("trigger_id"):
        return f"slack:trigger:{body['trigger_id']}"
    if body.get("event_id"):
        return f"slack:event:{body['event_id']}"
    digest = hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()
    return f"slack:body:{digest}"


def first_time(db: Database, key: str, now: datetime) -> bool:
    """Record ``key``; False when it was recorded before (a retry, or a concurrent twin)."""
    try:
        with db.transaction() as session:
            session.add(HandledRequest(key=key[:200], created_at=now))
    except IntegrityError:
        return False
    return True


def prune(db: Database, now: datetime) -> int:
    with db.transaction() as session:
        result = session.execute(
            delete(HandledRequest).where(HandledRequest.created_at < now - KEEP)
        )
        return int(getattr(result, "rowcount", 0) or 0)
