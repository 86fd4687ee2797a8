"""A channel post that failed after its command was saved: kept in the outbox, posted again.

The command's transaction has committed by the time the adapter posts, so a failed post
must neither say "nothing was saved" nor invite the member to type it again (that makes
a second hearing with its own reminders). The reply goes into the outbox instead, and
the dispatcher retries it with backoff like any reminder.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime

from sqlalchemy.orm import Session

from bot import reply_codec
from bot.messages import Reply
from storage import outbox
from storage.models import OutboxMessage

KIND = "reply.repost"


def schedule_repost(
    session: Session,
    reply: Reply,
    *,
    platform: str,
    channel_id: str,
    now: datetime,
    member_id: int | None = None,
) -> OutboxMessage:
    """Put ``reply`` in the outbox for ``channel_id``, due now (files are not kept: an
    upload that fails is told to the member on its own). ``member_id``, who gave the
    command, is told if it can never be posted."""
    ref = reply.object_ref
    # The card is for updates of other posts; files are uploaded by the adapter already.
    payload: dict[str, object] = {"reply": reply_codec.encode(replace(reply, files=[], card=None))}
    if member_id is not None:
        payload["organiser_id"] = member_id
    return outbox.schedule(
        session,
        key=f"{KIND}:{platform}:{channel_id}:{uuid.uuid4().hex}",
        kind=KIND,
        target=outbox.Target.channel(channel_id),
        due_at=now,
        platform=platform,
        object_type=ref[0] if ref else None,
        object_id=int(ref[1]) if ref else None,
        payload=payload,
    )


def render_repost(session: Session, row: OutboxMessage, now: datetime, lang: str) -> Reply | None:
    data = (row.payload or {}).get("reply")
    return reply_codec.decode(data) if isinstance(data, dict) else None
