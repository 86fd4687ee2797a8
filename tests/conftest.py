"""Shared fixtures: a fresh database per test (SQLite always, PostgreSQL when configured),
settings, the app, and a test bot that runs commands like a member would."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import create_engine, text

from bot.app import App
from bot.config import Settings
from storage.db import Database
from storage.models import Base
from tests.helpers import TestBot

PG_URL = os.environ.get("PARTNERBOT_TEST_PG_URL")

# Property tests: 200 random examples each in the edit loop; 3,000 in CI (.ci/run sets "ci"),
# derandomized there so that a CI run finds what `HYPOTHESIS_PROFILE=ci make test` found here.
hypothesis_settings.register_profile("dev", max_examples=200)
hypothesis_settings.register_profile("ci", max_examples=3000, derandomize=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def make_settings(url: str, **extra: object) -> Settings:
    values: dict[str, object] = {
        "DATABASE_URL": url,
        "PARTNERBOT_LANGUAGE": "nb",
        "PARTNERBOT_TIMEZONE": "Europe/Oslo",
        "PARTNERBOT_ADMINS": "",
        "PARTNERBOT_TICK_SECONDS": 1,
    }
    values.update(extra)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def sqlite_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'partnerbot.db'}"


class PgSchema:
    """A throwaway schema on the test PostgreSQL; its URL pins search_path to it."""

    def __init__(self) -> None:
        assert PG_URL
        self.name = "t_" + uuid.uuid4().hex[:12]
        self.admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{self.name}"'))
        sep = "&" if "?" in PG_URL else "?"
        self.url = f"{PG_URL}{sep}options=-csearch_path%3D{self.name}"

    def drop(self) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{self.name}" CASCADE'))
        self.admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database URL on SQLite and (when PARTNERBOT_TEST_PG_URL is set) PostgreSQL."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path)
        return
    if not PG_URL:
        pytest.skip("PostgreSQL not configured (PARTNERBOT_TEST_PG_URL); .ci/run sets it")
    pg = PgSchema()
    try:
        yield pg.url
    finally:
        pg.drop()


@pytest.fixture
def any_db(db_url: str) -> Iterator[Database]:
    """A database with the schema, on both engines."""
    db = Database.from_url(db_url)
    Base.metadata.create_all(db.engine)
    yield db
    db.dispose()


@pytest.fixture
def pg_db() -> Iterator[Database]:
    """A PostgreSQL database with the schema; skipped when none is configured."""
    if not PG_URL:
        pytest.skip("PostgreSQL not configured (PARTNERBOT_TEST_PG_URL); .ci/run sets it")
    pg = PgSchema()
    db = Database.from_url(pg.url)
    Base.metadata.create_all(db.engine)
    try:
        yield db
    finally:
        db.dispose()
        pg.drop()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A fresh SQLite database with the schema (the fast default for handler tests)."""
    db = Database.from_url(sqlite_url(tmp_path))
    Base.metadata.create_all(db.engine)
    yield db
    db.dispose()


@pytest.fixture
def settings(db: Database) -> Settings:
    return make_settings(str(db.engine.url))


@pytest.fixture
def app(db: Database, settings: Settings) -> App:
    return App.build(settings, db)


@pytest.fixture
def bot(app: App) -> TestBot:
    """A bot with the demo partnership loaded; ``bot.run("/horing liste", as_="Kari Nordmann")``."""
    from bot import demo

    demo.load(app.db, app.settings)
    return TestBot(app)


@pytest.fixture
def people_bot(app: App) -> TestBot:
    """A bot with the demo partnerships and members only, no feature data."""
    from bot import demo

    with app.db.transaction() as session:
        demo.load_members(session, demo.load_partnerships(session))
    return TestBot(app)


@pytest.fixture
def now() -> datetime:
    return datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # Monday 09:00 in Oslo
