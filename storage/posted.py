"""Messages the bot posted for an object (a poll's card, a conference's invitation), per
platform: remembered when posted, listed to update them, forgotten when gone."""

from __future__ import annotations

from sqlalchemy import Table, bindparam, insert, select
from sqlalchemy.orm import Session

from storage.db import Database
from storage.models import PostedMessage

Ref = tuple[str, int]


def remember(db: Database, platform: str, ref: Ref, channel: str, message_id: str) -> None:
    """In a transaction of its own, on a Core connection (one insert needs no unit of work:
    a channel post of a new hearing or poll is remembered after every such command)."""
    with db.writing() as conn:
        conn.execute(
            _REMEMBER,
            {
                "object_type": ref[0],
                "object_id": int(ref[1]),
                "platform": platform,
                "channel_id": channel,
                "message_id": message_id,
            },
        )


def posted(db: Database, platform: str, ref: Ref) -> list[tuple[str, str]]:
    """(channel, message id) of each message posted for ``ref`` on ``platform``, oldest first."""
    with db.transaction() as session:
        return listed(session, platform, ref)


def listed(session: Session, platform: str, ref: Ref) -> list[tuple[str, str]]:
    """``posted`` within a transaction the caller has."""
    rows = session.execute(
        _LISTED, {"object_type": ref[0], "object_id": int(ref[1]), "platform": platform}
    )
    return [(str(channel), str(message)) for channel, message in rows]


_TABLE: Table = PostedMessage.__table__  # type: ignore[assignment]
_REMEMBER = insert(_TABLE)  # its columns from the parameters; created_at its default

# Built once: every click on a card lists its messages (building a statement and its cache
# key costs more than running it).
_LISTED = (
    select(PostedMessage.channel_id, PostedMessage.message_id)
    .where(
        PostedMessage.object_type == bindparam("object_type"),
        PostedMessage.object_id == bindparam("object_id"),
        PostedMessage.platform == bindparam("platform"),
    )
    .order_by(PostedMessage.id)
)


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
