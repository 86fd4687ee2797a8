"""The inbox on SQLite and PostgreSQL: a retry adds nothing, one member's requests run in
order, a dead worker's row is taken again after its lease, and a worker whose lease ran out
cannot mark a row it no longer holds."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta, timezone

import pytest

from storage import inbox
from storage.db import Database

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
LEASE = timedelta(seconds=30)


def add(db: Database, key: str, member: str, now: datetime = NOW) -> bool:
    with db.transaction() as s:
        return inbox.accept(
            s, key=key, platform="slack", kind="command", member=member, body={"k": key}, now=now
        )


def claim(db: Database, now: datetime = NOW) -> inbox.Claimed | None:
    with db.transaction() as s:
        return inbox.claim(s, now=now, lease=LEASE)


def done(db: Database, c: inbox.Claimed) -> None:
    with db.transaction() as s:
        inbox.mark_done(s, c.id, c.token, now=NOW)


def test_a_retry_finds_its_row_and_adds_nothing(any_db: Database) -> None:
    assert add(any_db, "slack:trigger:1", "U1")
    assert not add(any_db, "slack:trigger:1", "U1")
    with any_db.transaction() as s:
        assert inbox.counts(s) == {"pending": 1}


def test_one_members_requests_run_in_order_others_alongside(any_db: Database) -> None:
    add(any_db, "a1", "A")
    add(any_db, "a2", "A")
    add(any_db, "b1", "B")
    first, second = claim(any_db), claim(any_db)
    assert first and second and (first.body["k"], second.body["k"]) == ("a1", "b1")
    assert claim(any_db) is None, "a2 waits for a1"
    done(any_db, first)
    third = claim(any_db)
    assert third is not None and third.body["k"] == "a2"


def test_a_dead_workers_row_is_claimed_again_after_its_lease_and_the_old_claim_is_void(
    any_db: Database,
) -> None:
    add(any_db, "k", "A")
    old = claim(any_db)
    assert old is not None
    assert claim(any_db, NOW + LEASE - timedelta(seconds=1)) is None
    new = claim(any_db, NOW + LEASE)
    assert new is not None and new.id == old.id and new.token != old.token
    assert new.attempts == 2
    with pytest.raises(inbox.LostClaim), any_db.transaction() as s:
        inbox.mark_ran(s, old.id, old.token, {"blocks": []})
    with any_db.transaction() as s:
        inbox.mark_ran(s, new.id, new.token, {"blocks": [{"text": "svar"}]})
    again = claim(any_db, NOW + 3 * LEASE)
    assert again is not None and again.state == inbox.RAN
    assert again.answer == {"blocks": [{"text": "svar"}]}


def test_done_rows_are_pruned_after_a_day(any_db: Database) -> None:
    add(any_db, "k", "A")
    c = claim(any_db)
    assert c is not None
    done(any_db, c)
    with any_db.transaction() as s:
        assert inbox.prune(s, now=NOW + timedelta(hours=23)) == 0
        assert inbox.prune(s, now=NOW + timedelta(hours=25)) == 1


@pytest.mark.postgres
def test_parallel_claimers_on_postgresql_never_take_the_same_row(pg_db: Database) -> None:
    for i in range(200):
        add(pg_db, f"k{i}", f"U{i % 40}")
    taken: list[int] = []
    lock = threading.Lock()

    def work() -> None:
        while True:
            c = claim(pg_db)
            if c is None:
                with pg_db.transaction() as s:
                    if not inbox.counts(s).get("pending"):
                        return
                continue
            with lock:
                taken.append(c.id)
            done(pg_db, c)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert sorted(taken) == sorted(set(taken)) and len(taken) == 200


def test_the_fronts_store_reads_back_as_the_orms_own_rows(any_db: Database) -> None:
    """``Database.storing`` (on SQLite the driver's connection, past SQLAlchemy) stores a
    row the ORM reads as it reads its own: the body's JSON, the time as aware UTC, and a
    claim that compares that time finds it; a retry in it adds nothing."""
    from sqlalchemy import select

    from storage.models import InboxRequest

    body = {"text": "liste «æøå» \u2028", "n": [1, 2.5, None, True], "nested": {"x": "y"}}
    at = datetime(2026, 3, 2, 9, 0, 0, 123456, tzinfo=timezone(timedelta(hours=1)))  # Oslo, winter
    with any_db.storing() as conn:
        stored = inbox.accept_all(
            conn,
            [
                inbox.Incoming("front:1", "slack", "command", "U1", body),
                inbox.Incoming("front:1", "slack", "command", "U1", body),
            ],
            now=at,
        )
    assert stored == [True, False]
    add(any_db, "orm:1", "U2", now=at)
    with any_db.reading() as s:
        rows = {r.key: r for r in s.scalars(select(InboxRequest))}
    front, orm = rows["front:1"], rows["orm:1"]
    assert front.body == body
    assert front.received_at == orm.received_at == at
    assert front.received_at.tzinfo is not None
    assert (front.state, front.attempts, front.member) == ("pending", 0, "U1")
    claimed = claim(any_db, now=at)
    assert claimed is not None and claimed.key == "front:1" and claimed.body == body
