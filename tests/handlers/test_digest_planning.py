"""The digest planner (handlers/digest.py) run by two processes at once: the outbox key
decides which one plans the digest, and the other neither fails nor plans it twice."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, text

from handlers.digest import plan_digests
from storage.db import Database
from storage.models import Network, OutboxMessage

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
TZ = ZoneInfo("Europe/Oslo")


def blocked_by(db: Database, pid: int) -> bool:
    """Whether some other connection waits for a lock that backend ``pid`` holds."""
    with db.engine.connect() as conn:
        blocked = conn.scalar(
            text("SELECT count(*) FROM pg_stat_activity WHERE :pid = ANY(pg_blocking_pids(pid))"),
            {"pid": pid},
        )
    return bool(blocked)


@pytest.mark.postgres
def test_two_planners_at_once_plan_one_digest_without_an_error(pg_db: Database) -> None:
    """The second planner's insert waits on the first one's uncommitted row; when that
    commits, the second adds nothing and commits too (it used to raise IntegrityError)."""
    with pg_db.transaction() as s:
        s.add(Network(name="Nettverk for samferdsel", digest_enabled=True))
    second_done = threading.Event()
    results: list[int | BaseException] = []

    def second() -> None:
        try:
            with pg_db.transaction() as s:
                results.append(plan_digests(s, NOW, TZ))
        except BaseException as exc:
            results.append(exc)
        finally:
            second_done.set()

    with pg_db.transaction() as s:
        first = plan_digests(s, NOW, TZ)
        pid = s.scalar(text("SELECT pg_backend_pid()"))
        thread = threading.Thread(target=second)
        thread.start()
        while not blocked_by(pg_db, pid):  # the second planner inserts the same key
            assert not second_done.wait(0.01), f"the second planner did not wait: {results}"
    thread.join(30)
    assert first == 1
    assert results == [0]
    with pg_db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(OutboxMessage)) == 1


def test_a_planned_digest_is_not_planned_again(any_db: Database) -> None:
    with any_db.transaction() as s:
        s.add(Network(name="Nettverk for samferdsel", digest_enabled=True))
    with any_db.transaction() as s:
        assert plan_digests(s, NOW, TZ) == 1
    with any_db.transaction() as s:
        assert plan_digests(s, NOW, TZ) == 0
        assert s.scalar(select(func.count()).select_from(OutboxMessage)) == 1
