"""The reminder outbox: schedule future messages, claim due ones atomically, record outcomes.

Rows are the truth about what will be sent; the scheduler only ticks the dispatcher.
Claiming uses ``FOR UPDATE SKIP LOCKED`` on PostgreSQL so several bot processes share the
work without sending anything twice; SQLite has one writer at a time (BEGIN IMMEDIATE).

A row is sent by the dispatcher of its platform. A row scheduled without one gets it when
it falls due (``route_due``), from where it goes then: a member's own platform, or each
platform the network has a channel on (a row per platform). A row whose destination has
no platform (a network with no channel yet) is left to any dispatcher, which says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, and_, bindparam, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from storage.accounts import chat_platforms
from storage.models import ChannelRef, OutboxMessage

PENDING, SENDING, SENT, FAILED, STALE, CANCELLED = (
    "pending",
    "sending",
    "sent",
    "failed",
    "stale",
    "cancelled",
)
# A row claimed longer ago than this is taken to belong to a sender that vanished (crashed,
# killed): another dispatcher may claim it. Senders give back claims long before this.
CLAIM_LEASE = timedelta(minutes=5)
# The last_error of a row claimed from a sender that vanished: it may have been delivered
# already, and a platform that can look (Slack: by the key in the message's metadata) does
# before sending it again.
RETAKEN = "claimed again: its sender stopped while sending"


@dataclass(frozen=True)
class Target:
    """Where a message goes: a network's channel(s), a member (direct message) or a channel."""

    type: str  # "network" | "member" | "channel"
    id: str

    @classmethod
    def network(cls, network_id: int) -> Target:
        return cls("network", str(network_id))

    @classmethod
    def member(cls, member_id: int) -> Target:
        return cls("member", str(member_id))

    @classmethod
    def channel(cls, channel_id: str) -> Target:
        return cls("channel", channel_id)


# session.info key: the earliest due time of the messages a transaction scheduled.
SOONEST = "outbox_soonest"


def _note_scheduled(session: Session, due_at: datetime) -> None:
    soonest = session.info.get(SOONEST)
    if soonest is None or due_at < soonest:
        session.info[SOONEST] = due_at


def soonest_scheduled(session: Session) -> datetime | None:
    """The earliest due time of what ``session`` scheduled (None: nothing): whether a
    command queued something to send now, or only reminders for later."""
    due: datetime | None = session.info.get(SOONEST)
    return due


def schedule(
    session: Session,
    *,
    key: str,
    kind: str,
    target: Target,
    due_at: datetime,
    object_type: str | None = None,
    object_id: int | None = None,
    payload: dict[str, Any] | None = None,
    platform: str | None = None,
) -> OutboxMessage:
    """Add (or, for a key still pending, move) a message. A sent key is never sent again."""
    row = session.scalar(_BY_KEY, {"key": key})
    message = Message(key, kind, target, due_at, object_type, object_id, payload, platform)
    if row is None:
        row = OutboxMessage(**message.columns())
        session.add(row)
        session.flush()
        _note_scheduled(session, due_at)
        return row
    _move(session, row, message)
    return row


@dataclass(frozen=True)
class Message:
    """One message for ``schedule_all``: what ``schedule`` takes."""

    key: str
    kind: str
    target: Target
    due_at: datetime
    object_type: str | None = None
    object_id: int | None = None
    payload: dict[str, Any] | None = None
    platform: str | None = None

    def columns(self) -> dict[str, Any]:
        """A new row's columns."""
        new = _new_row(
            self.key, self.kind, self.target, self.due_at, self.object_type, self.object_id
        )
        return new | {"payload": self.payload, "platform": self.platform}


def schedule_all(
    session: Session, messages: Iterable[Message], *, known: Mapping[str, OutboxMessage]
) -> None:
    """``schedule`` for messages whose rows the caller read (``known``: the object's rows by
    key, from ``for_object``): a key found there is moved as ``schedule`` moves it, without
    a lookup, and the new rows go in one INSERT of all of them (the ORM's flush sends one
    INSERT per row on SQLite, where it cannot match a batch's ids to its objects).

    The new rows are not in the session (not in its identity map, not in ``session.new``),
    and nothing the caller holds goes stale: read them with a query (``for_object``), never
    from objects read before. ``cancel`` later in the transaction cancels them either way,
    both of its UPDATEs going to the table (tests/storage/test_outbox.py holds this)."""
    new: list[dict[str, Any]] = []
    for message in messages:
        row = known.get(message.key)
        if row is None:
            new.append(message.columns())
            _note_scheduled(session, message.due_at)
        else:
            _move(session, row, message)
    if new:
        session.execute(_TABLE.insert(), new)  # the columns' defaults fill in the rest


def _move(session: Session, row: OutboxMessage, message: Message) -> None:
    """A pending, cancelled or stale row to ``message``'s time and content (tried anew)."""
    if row.state in (PENDING, CANCELLED, STALE):
        _note_scheduled(session, message.due_at)
        for column, value in message.columns().items():
            setattr(row, column, value)
        row.last_error, row.late, row.sent_to = None, False, None


def _new_row(
    key: str,
    kind: str,
    target: Target,
    due_at: datetime,
    object_type: str | None,
    object_id: int | None,
) -> dict[str, Any]:
    """The columns of a message not yet tried, for ``schedule`` (a new row, or a pending,
    cancelled or stale one moved) and ``schedule_once``."""
    return {
        "key": key,
        "kind": kind,
        "target_type": target.type,
        "target_id": target.id,
        "object_type": object_type,
        "object_id": object_id,
        "due_at": due_at,
        "not_before": due_at,
        "state": PENDING,
        "attempts": 0,
    }


def schedule_once(
    session: Session,
    *,
    key: str,
    kind: str,
    target: Target,
    due_at: datetime,
    object_type: str | None = None,
    object_id: int | None = None,
) -> bool:
    """Add a message unless its key is there already (in any state, or being added by
    another process at this moment: that one wins, without an error). True if added."""
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    stmt = (
        insert(OutboxMessage)
        .values(**_new_row(key, kind, target, due_at, object_type, object_id))
        .on_conflict_do_nothing(index_elements=[OutboxMessage.key])
        .returning(OutboxMessage.id)
    )
    added = session.execute(stmt).scalar() is not None
    if added:
        _note_scheduled(session, due_at)
    return added


def cancel(
    session: Session,
    *,
    object_type: str,
    object_id: int,
    kinds: Iterable[str] | None = None,
    keys: Iterable[str] | None = None,
) -> int:
    """Cancel the pending messages about an object (optionally only some kinds or keys)."""
    params: dict[str, Any] = {"of_type": object_type, "of_id": object_id}
    # No outbox row loaded in the session (the usual case: an action's update, a vote):
    # nothing there to mark cancelled, so the UPDATE goes to the table, without the ORM's
    # synchronisation (about a fifth of an action update's work). Both UPDATEs change the
    # table's rows, so rows ``schedule_all`` inserted outside the session are cancelled
    # too; the ORM's marks the rows the session holds. The table's UPDATE runs without an
    # autoflush: safe only because any unflushed outbox row (added, or moved by ``_move``)
    # is held, which sends this to the ORM's UPDATE, which flushes first.
    orm = _holds_outbox_rows(session)
    stmt = _CANCEL if orm else _CANCEL_ROWS
    column = OutboxMessage.key if orm else _TABLE.c.key
    if kinds is not None:
        stmt, params["of_kinds"] = (_CANCEL_KINDS if orm else _CANCEL_ROWS_KINDS), list(kinds)
    if keys is not None:
        keys = list(keys)
        copies = [column.like(copy_key(k, "%")) for k in keys]
        stmt = stmt.where(or_(column.in_(keys), *copies))
    where = session if orm else session.connection()
    return where.execute(stmt, params).rowcount or 0  # type: ignore[attr-defined]


def _holds_outbox_rows(session: Session) -> bool:
    """Whether ``session`` holds an outbox row as an object (loaded, or added unflushed)."""
    return any(key[0] is OutboxMessage for key in session.identity_map.keys()) or any(
        isinstance(obj, OutboxMessage) for obj in session.new
    )


# Built once (an action's every update cancels its nudges to plan them again). Its criteria
# are parameters, which the session cannot evaluate against the rows it holds: it learns
# which rows changed from the UPDATE's RETURNING ("fetch") and marks those cancelled.
_CANCEL = (
    update(OutboxMessage)
    .where(
        OutboxMessage.object_type == bindparam("of_type"),
        OutboxMessage.object_id == bindparam("of_id"),
        OutboxMessage.state == PENDING,
    )
    .values(state=CANCELLED)
    .execution_options(synchronize_session="fetch")
)
_CANCEL_KINDS = _CANCEL.where(OutboxMessage.kind.in_(bindparam("of_kinds", expanding=True)))
_TABLE: Table = OutboxMessage.__table__  # type: ignore[assignment]
_CANCEL_ROWS = (
    update(_TABLE)
    .where(
        _TABLE.c.object_type == bindparam("of_type"),
        _TABLE.c.object_id == bindparam("of_id"),
        _TABLE.c.state == PENDING,
    )
    .values(state=CANCELLED)
)
_CANCEL_ROWS_KINDS = _CANCEL_ROWS.where(_TABLE.c.kind.in_(bindparam("of_kinds", expanding=True)))


def for_object(session: Session, object_type: str, object_id: int) -> Sequence[OutboxMessage]:
    return session.scalars(_FOR_OBJECT, {"object_type": object_type, "object_id": object_id}).all()


# Built once: a hearing's reminders are read and scheduled on every change of it (building a
# statement and its cache key costs more than running it).
_BY_KEY = select(OutboxMessage).where(OutboxMessage.key == bindparam("key"))
_FOR_OBJECT = (
    select(OutboxMessage)
    .where(
        OutboxMessage.object_type == bindparam("object_type"),
        OutboxMessage.object_id == bindparam("object_id"),
    )
    .order_by(OutboxMessage.due_at, OutboxMessage.id)
)


def copy_key(key: str, platform: str) -> str:
    """The key of a network row's copy for its network's second (third...) platform."""
    return f"{key}@{platform}"


def destination_platforms(session: Session, row: OutboxMessage) -> list[str]:
    """The platforms a row's destination is on now (none: unknown or not bound)."""
    if row.target_type == "member" and row.target_id.isdigit():
        # A person gets a message once, on their first chat account's platform.
        return chat_platforms(session, int(row.target_id))[:1]
    if row.target_type == "network" and row.target_id.isdigit():
        found = session.scalars(
            select(ChannelRef.platform)
            .where(ChannelRef.network_id == int(row.target_id))
            .distinct()
            .order_by(ChannelRef.platform)
        )
        return list(found)
    return []


def route_due(
    session: Session, *, now: datetime, prefer: Iterable[str] = (), limit: int = 200
) -> int:
    """Give due rows without a platform their destination's: the row takes the first (one
    of ``prefer``, the router's own, if it is among them), and a copy under ``copy_key`` is
    scheduled for each other one (a copy already sent is not sent again). Returns how many
    rows were routed."""
    preferred = list(prefer)
    stmt = (
        select(OutboxMessage)
        .where(
            OutboxMessage.state == PENDING,
            OutboxMessage.platform.is_(None),
            OutboxMessage.not_before <= now,
            OutboxMessage.target_type.in_(("member", "network")),
        )
        .order_by(OutboxMessage.not_before, OutboxMessage.id)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True, of=OutboxMessage)
    routed = 0
    for row in list(session.scalars(stmt)):
        platforms = destination_platforms(session, row)
        if not platforms:
            continue
        platforms.sort(key=lambda p: p not in preferred)  # stable: else alphabetical
        row.platform = platforms[0]
        for other in platforms[1:]:
            schedule(
                session,
                key=copy_key(row.key, other),
                kind=row.kind,
                target=Target(row.target_type, row.target_id),
                due_at=row.due_at,
                object_type=row.object_type,
                object_id=row.object_id,
                payload=row.payload,
                platform=other,
            )
        routed += 1
    session.flush()
    return routed


def claim_due(
    session: Session,
    *,
    now: datetime,
    worker: str,
    limit: int = 50,
    lease: timedelta = CLAIM_LEASE,
    platforms: Iterable[str] | None = None,
) -> list[OutboxMessage]:
    """Claim due rows for ``worker``: pending ones, and ones whose sender vanished mid-send.
    With ``platforms``, only rows for those platforms (and rows no platform could be found
    for); due rows are routed first (``route_due``)."""
    stale_claim = now - lease
    stmt = (
        select(OutboxMessage)
        .where(
            or_(
                and_(OutboxMessage.state == PENDING, OutboxMessage.not_before <= now),
                and_(OutboxMessage.state == SENDING, OutboxMessage.claimed_at <= stale_claim),
            )
        )
        .order_by(OutboxMessage.not_before, OutboxMessage.id)
        .limit(limit)
    )
    if platforms is not None:
        platforms = list(platforms)
        route_due(session, now=now, prefer=platforms)
        stmt = stmt.where(
            or_(OutboxMessage.platform.in_(list(platforms)), OutboxMessage.platform.is_(None))
        )
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True)
    rows = list(session.scalars(stmt))
    for row in rows:
        if row.state == SENDING:
            row.last_error = RETAKEN
        row.state, row.claimed_by, row.claimed_at = SENDING, worker, now
    session.flush()
    return rows


def waiting_elsewhere(session: Session, *, now: datetime, served: Iterable[str]) -> dict[str, int]:
    """Due pending rows per platform not in ``served``: they wait for a process that
    sends to that platform (nothing here ever claims them)."""
    rows = session.execute(
        select(OutboxMessage.platform, func.count())
        .where(
            OutboxMessage.state == PENDING,
            OutboxMessage.not_before <= now,
            OutboxMessage.platform.is_not(None),
            OutboxMessage.platform.not_in(list(served)),
        )
        .group_by(OutboxMessage.platform)
    )
    return {str(platform): int(count) for platform, count in rows}


def retaken(row: OutboxMessage) -> bool:
    """Whether ``row`` was claimed from a sender that stopped while sending it."""
    return row.last_error == RETAKEN


def release_claims(session: Session, *, worker: str, ids: Iterable[int] | None = None) -> int:
    """Give back ``worker``'s claims (rows it claimed but never settled) as pending."""
    stmt = (
        update(OutboxMessage)
        .where(OutboxMessage.state == SENDING, OutboxMessage.claimed_by == worker)
        .values(state=PENDING, claimed_by=None, claimed_at=None)
    )
    if ids is not None:
        stmt = stmt.where(OutboxMessage.id.in_(list(ids)))
    return session.execute(stmt).rowcount or 0  # type: ignore[attr-defined]


def mark_sent(session: Session, row_id: int, *, now: datetime, late: bool = False) -> None:
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == row_id)
        .values(state=SENT, sent_at=now, late=late, last_error=None)
    )


def mark_delivered(session: Session, row_id: int, addresses: Iterable[str]) -> None:
    """Record the destinations that got the message so far (a retry skips them)."""
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == row_id)
        .values(sent_to=sorted(set(addresses)))
    )


def mark_retry(
    session: Session, row_id: int, *, next_at: datetime, error: str, attempts: int
) -> None:
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == row_id)
        .values(
            state=PENDING,
            not_before=next_at,
            last_error=error[:2000],
            attempts=attempts,
            claimed_by=None,
            claimed_at=None,
        )
    )


def mark_final(
    session: Session, row_id: int, *, state: str, error: str | None, attempts: int | None = None
) -> None:
    values: dict[str, Any] = {"state": state, "last_error": error[:2000] if error else None}
    if attempts is not None:
        values["attempts"] = attempts
    session.execute(update(OutboxMessage).where(OutboxMessage.id == row_id).values(**values))


def listing(session: Session, states: Iterable[str], limit: int = 200) -> Sequence[OutboxMessage]:
    return session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.state.in_(list(states)))
        .order_by(OutboxMessage.due_at, OutboxMessage.id)
        .limit(limit)
    ).all()
