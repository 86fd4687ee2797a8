"""Messages the bot posted for an object (a poll's card, a conference's invitation), per
platform: remembered when posted, listed to update them, forgotten when gone."""

from __future__ import annotations

from sqlalchemy import select

from storage.db import Database
from storage.models import PostedMessage

Ref = tuple[str, int]


def remember(db: Database, platform: str, ref: Ref, channel: str, message_id: str) -> None:
    with db.transaction() as session:
        session.add(
            PostedMessage(
                object_type=ref[0],
                object_id=int(ref[1]),
                platform=platform,
                channel_id=channel,
                message_id=message_id,
            )
        )


def posted(db: Database, platform: str, ref: Ref) -> list[tuple[str, str]]:
    """(channel, message id) of each message posted for ``ref`` on ``platform``, oldest first."""
    with db.transaction() as session:
        rows = session.scalars(
            select(PostedMessage)
            .where(
                PostedMessage.object_type == ref[0],
                PostedMessage.object_id == int(ref[1]),
                PostedMessage.platform == platform,
            )
            .order_by(PostedMessage.id)
        ).all()
        return [(r.channel_id, r.message_id) for r in rows]


def forget(db: Database, platform: str, ref: Ref, channel: str, message_id: str) -> None:
    """A posted message that is gone (deleted, or its channel): no more updates to it."""
    with db.transaction() as session:
        for row in session.scalars(
            select(PostedMessage).where(
                PostedMessage.object_type == ref[0],
                PostedMessage.object_id == int(ref[1]),
                PostedMessage.platform == platform,
                PostedMessage.channel_id == channel,
                PostedMessage.message_id == message_id,
            )
        ):
            session.delete(row)
