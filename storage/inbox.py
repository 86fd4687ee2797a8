"""The inbox: requests a chat platform sent us, stored before we acknowledge them.

A front stores a request under its platform's retry-stable id and commits before it acks;
a retry finds its row and adds nothing. Workers claim rows with a claim token and a lease
(PostgreSQL: ``FOR UPDATE SKIP LOCKED``, so workers in several processes never take the
same row; SQLite: one writer at a time). A row is claimable when it is not done, its lease
has run out (no lease yet, or its worker died), and no earlier row of the same member is
unfinished: one member's requests run in the order they came.

A row goes pending -> ran -> done. "ran" is written in the command's own transaction with
the answer, so a command's effects and its "ran" commit together: a worker that dies after
that commit leaves a row that is only answered again, never run again.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import (
    Connection,
    Table,
    Update,
    bindparam,
    delete,
    func,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import ReturningInsert

from storage.db import Store
from storage.models import InboxRequest

PENDING, RAN, DONE, FAILED = "pending", "ran", "done", "failed"
OPEN = (PENDING, RAN)
# A row claimed this many times without being done is given up (a request that kills its
# worker every time must not take the others down with it).
MAX_ATTEMPTS = 5
KEEP = timedelta(days=1)  # done rows are kept this long: Slack retries come within minutes
# The statements a worker runs for every request go to the table, not through the ORM.
T: Table = InboxRequest.__table__  # type: ignore[assignment]
RETURNED = ("id", "claim_token", "key", "kind", "platform", "body", "state", "answer", "attempts")


class LostClaim(Exception):
    """Our lease on a row ran out and another worker took it: roll back, let it run there."""


@dataclass(frozen=True)
class Claimed:
    id: int
    token: str
    key: str  # the platform's retry-stable id of the request
    kind: str
    platform: str
    body: dict[str, Any]
    state: str  # pending: run it; ran: only answer again
    answer: dict[str, Any] | None
    attempts: int


@dataclass(frozen=True)
class Incoming:
    """A request to store: its platform's retry-stable id, whose queue it joins, its body."""

    key: str
    platform: str
    kind: str
    member: str
    body: dict[str, Any]


ACCEPTED = ("key", "platform", "kind", "member", "body", "state", "received_at", "attempts")


@cache
def _accept_statement(dialect: str) -> ReturningInsert[Any]:
    """The front's insert, built once per dialect: it runs before every ack, and building
    it (values, ON CONFLICT, RETURNING) and its cache key cost more than running it."""
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    return (
        insert(T)
        .values({name: bindparam(name, type_=T.c[name].type) for name in ACCEPTED})
        .on_conflict_do_nothing(index_elements=["key"])
        .returning(T.c.id)
    )


def accept_all(conn: Store, requests: Sequence[Incoming], *, now: datetime) -> list[bool]:
    """Store requests in ``conn``'s transaction (a Core connection, or on SQLite the
    driver's own: ``Database.storing``); per request False when its key is stored already
    (a retry, or a twin)."""
    rows = [
        {
            "key": r.key[:200],
            "platform": r.platform,
            "kind": r.kind,
            "member": (r.member or r.key)[:200],  # no member: a queue of its own
            "body": r.body,
            "state": PENDING,
            "received_at": now,
            "attempts": 0,
        }
        for r in requests
    ]
    if isinstance(conn, Connection):
        stmt = _accept_statement(conn.dialect.name)
        return [conn.execute(stmt, row).scalar() is not None for row in rows]
    sql, binds = _accept_sqlite()
    return [
        conn.execute(sql, [bind(row[name]) for name, bind in binds]).fetchone() is not None
        for row in rows
    ]


@cache
def _accept_sqlite() -> tuple[str, tuple[tuple[str, Callable[[Any], Any]], ...]]:
    """The insert as SQLite's driver runs it: SQL and, per ``?`` in order, its value's name
    and how SQLAlchemy would bind it (the body as JSON, the time as naive UTC text), so
    that a row stored past SQLAlchemy reads back the same."""
    dialect = SQLiteDialect_pysqlite()
    compiled = _accept_statement("sqlite").compile(dialect=dialect)
    assert compiled.positiontup is not None
    binds = tuple(
        (name, T.c[name].type.bind_processor(dialect) or _same) for name in compiled.positiontup
    )
    return str(compiled), binds


def _same(value: Any) -> Any:
    return value


def accept(
    session: Session,
    *,
    key: str,
    platform: str,
    kind: str,
    member: str,
    body: dict[str, Any],
    now: datetime,
) -> bool:
    """Store a request in ``session``'s transaction; False when its key is stored already."""
    (added,) = accept_all(
        session.connection(), [Incoming(key, platform, kind, member, body)], now=now
    )
    return added


def claim(
    session: Session | Connection,
    *,
    now: datetime,
    lease: timedelta,
    platform: str | None = None,
) -> Claimed | None:
    """Claim the oldest claimable row for ``lease`` (of ``platform`` only, when given: each
    platform's worker runs its own requests); None when there is none. One statement
    (UPDATE ... WHERE id = (the pick) RETURNING), on the table, not through the ORM, and
    built once per dialect: it runs before every request. ``session``: a Session, or a
    bare Connection in a transaction (the worker's claim needs no unit of work)."""
    conn = _connection(session)
    postgres = conn.dialect.name == "postgresql"
    params = {"now": now, "until": now + lease, "token": uuid.uuid4().hex}
    if platform is not None:
        params["of_platform"] = platform
    stmt = _claim_statement(postgres, platform is not None)
    row = conn.execute(stmt, params).first()
    if row is None:
        return None
    return Claimed(
        id=row.id,
        token=row.claim_token,
        key=row.key,
        kind=row.kind,
        platform=row.platform,
        body=dict(row.body),
        state=row.state,
        answer=row.answer,
        attempts=row.attempts,
    )


@cache
def _claim_statement(postgres: bool, one_platform: bool) -> Update:
    """The claim, with the time, lease end, token (and platform) as parameters. Built once
    per kind: building a statement and its cache key costs more than running it."""
    # The open states written into the SQL: a list parameter ("expanding") is rendered
    # into the statement again at every run.
    is_open = T.c.state.in_([literal_column(f"'{state}'") for state in OPEN])
    # Each member's oldest unfinished row (an index range over the open rows only).
    heads = select(func.min(T.c.id)).where(is_open).group_by(T.c.member)
    now = bindparam("now", type_=T.c.lease_until.type)
    pick = (
        select(T.c.id)
        .where(
            T.c.id.in_(heads),
            is_open,
            or_(T.c.lease_until.is_(None), T.c.lease_until <= now),
            *(
                [T.c.platform == bindparam("of_platform", type_=T.c.platform.type)]
                if one_platform
                else []
            ),
        )
        .order_by(T.c.id)
        .limit(1)
    )
    if postgres:
        pick = pick.with_for_update(skip_locked=True)
    return (
        update(T)
        .where(T.c.id == pick.scalar_subquery())
        .values(
            claim_token=bindparam("token", type_=T.c.claim_token.type),
            lease_until=bindparam("until", type_=T.c.lease_until.type),
            attempts=T.c.attempts + 1,
        )
        .returning(*(T.c[name] for name in RETURNED))
    )


def _settling(**values: Any) -> Update:
    """An UPDATE of one claimed row (its id and claim token as parameters) to ``values``."""
    return (
        update(T)
        .where(
            T.c.id == bindparam("row_id", type_=T.c.id.type),
            T.c.claim_token == bindparam("row_token", type_=T.c.claim_token.type),
        )
        .values(**values)
    )


# Built once: "ran" and "done" are written for every request.
_RAN = _settling(state=RAN, answer=bindparam("answer_", type_=T.c.answer.type))
_DONE = _settling(state=DONE, done_at=bindparam("at", type_=T.c.done_at.type), lease_until=None)
_FAILED = _settling(
    state=FAILED,
    done_at=bindparam("at", type_=T.c.done_at.type),
    lease_until=None,
    last_error=bindparam("error", type_=T.c.last_error.type),
)


def _connection(where: Session | Connection) -> Connection:
    return where if isinstance(where, Connection) else where.connection()


def _settle(
    session: Session | Connection, stmt: Update, row_id: int, token: str, **params: Any
) -> None:
    params.update(row_id=row_id, row_token=token)
    result = _connection(session).execute(stmt, params)
    if not result.rowcount:
        raise LostClaim(f"inbox row {row_id} was claimed by another worker")


def mark_ran(session: Session, row_id: int, token: str, answer: dict[str, Any]) -> None:
    """In the command's transaction: its effects and "ran" commit together."""
    _settle(session, _RAN, row_id, token, answer_=answer)


def mark_done(session: Session | Connection, row_id: int, token: str, *, now: datetime) -> None:
    _settle(session, _DONE, row_id, token, at=now)


def mark_failed(session: Session, row_id: int, token: str, *, now: datetime, error: str) -> None:
    _settle(session, _FAILED, row_id, token, at=now, error=error[:2000])


def release(session: Session, row_id: int, token: str) -> None:
    """Give a row back at once (this worker stops before running it)."""
    session.execute(
        update(InboxRequest)
        .where(InboxRequest.id == row_id, InboxRequest.claim_token == token)
        .values(lease_until=None, attempts=InboxRequest.attempts - 1)
    )


def prune(session: Session, *, now: datetime, keep: timedelta = KEEP) -> int:
    result = session.execute(
        delete(InboxRequest).where(
            InboxRequest.state.in_((DONE, FAILED)), InboxRequest.done_at < now - keep
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)


def counts(session: Session) -> dict[str, int]:
    """Rows per state (for operators and tests)."""
    rows = session.execute(
        select(InboxRequest.state, func.count()).group_by(InboxRequest.state)
    ).all()
    return {str(state): int(n) for state, n in rows}
