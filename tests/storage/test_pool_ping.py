"""PostgreSQL's pool pings only a connection that sat idle (storage/db.py): one the
server cut while it waited in the pool is replaced, not handed to a transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import NullPool, create_engine, text

import storage.db
from storage.db import Database

pytestmark = pytest.mark.postgres


def test_a_pooled_connection_the_server_cut_is_replaced_before_use(
    pg_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pg_db.transaction() as s:
        cut = s.scalar(text("SELECT pg_backend_pid()"))
    admin = create_engine(pg_db.engine.url, poolclass=NullPool)
    with admin.connect() as conn:
        assert conn.scalar(text("SELECT pg_terminate_backend(:pid)"), {"pid": cut})
    admin.dispose()
    monkeypatch.setattr(storage.db, "PING_AFTER_IDLE_SECONDS", 0.0)  # it sat idle "long"
    with pg_db.transaction() as s:
        assert s.scalar(text("SELECT pg_backend_pid()")) != cut
