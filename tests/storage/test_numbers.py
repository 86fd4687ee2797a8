"""Numbers members see (#7) are never handed out twice, and migration 0005 keeps the rows
that point at the tables it rebuilds on SQLite."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select, text

from storage import schema
from storage.db import Database
from storage.models import Action, ActionUpdate, AuditEntry, Network
from tests.conftest import sqlite_url

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def test_a_deleted_highest_number_is_not_given_again(any_db: Database) -> None:
    with any_db.transaction() as s:
        net = Network(name="N")
        s.add(net)
        s.flush()
        first = Action(network_id=net.id, title="a")
        last = Action(network_id=net.id, title="b")
        s.add_all([first, last])
        s.flush()
        deleted = last.id
        s.delete(last)
    with any_db.transaction() as s:
        again = Action(network_id=net.id, title="c")
        s.add(again)
        s.flush()
        assert again.id > deleted


def test_migration_0005_keeps_updates_and_counts_past_deleted_numbers(tmp_path: Path) -> None:
    db = Database.from_url(sqlite_url(tmp_path))
    schema.upgrade(db, "0002_slack")
    with db.transaction() as s:
        net = Network(name="N")
        s.add(net)
        s.flush()
        a = Action(network_id=net.id, title="a")
        s.add(a)
        s.flush()
        s.add(ActionUpdate(action_id=a.id, at=NOW, note="kept"))
        # #9 existed once and was deleted before the upgrade: only the audit log knows it
        s.add(AuditEntry(at=NOW, action="action.delete", object_type="action", object_id=9))
    schema.upgrade(db)
    schema.check_up_to_date(db)
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(ActionUpdate)) == 1
        sql = s.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'actions'"))
        assert "AUTOINCREMENT" in sql
        b = Action(network_id=net.id, title="b")
        s.add(b)
        s.flush()
        assert b.id == 10
    with db.engine.connect() as conn:  # foreign keys are on again for the app
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()
