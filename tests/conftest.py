"""Shared fixtures: a fresh database per test (SQLite always, PostgreSQL when configured),
settings, the app, and a test bot that runs commands like a member would."""

from __future__ import annotations

import os
import sqlite3
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Dialect
from sqlalchemy.util import LRUCache

from bot.app import App
from bot.config import Settings
from storage.db import Database, make_engine
from storage.models import Base
from tests.helpers import TestBot

PG_URL = os.environ.get("PARTNERBOT_TEST_PG_URL")

# Property tests: 200 random examples each in the edit loop; 3,000 in CI (`make test-props`),
# derandomized there so that a CI run finds what `make test-props` found here. No deadline:
# an example that takes 480 ms on a busy machine is slow, not wrong (a timed assertion).
hypothesis_settings.register_profile("dev", max_examples=200, deadline=None)
hypothesis_settings.register_profile("ci", max_examples=3000, derandomize=True, deadline=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def follows_profile(item: pytest.Item) -> bool:
    """A property test whose number of examples is the profile's (not pinned by @settings)."""
    own = getattr(getattr(item, "obj", None), "_hypothesis_internal_use_settings", None)
    return own is not None and own.max_examples == hypothesis_settings.default.max_examples


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every property test that takes the profile's number of examples is marked ``props``:
    `.ci/run` runs them again with the ci profile (3,000 examples each) in a stage of its own.

    Then the order for ``--dist worksteal``, see spread_heavy_modules."""
    for item in items:
        if follows_profile(item):
            item.add_marker(pytest.mark.props)
    workers = getattr(config, "workerinput", {}).get("workercount", 1)
    items[:] = spread_heavy_modules(items, int(workers))


def spread_heavy_modules(items: list[pytest.Item], workers: int) -> list[pytest.Item]:
    """The modules with tests that start processes or run thousands of commands (marked
    ``slow``), spread over the workers' first tests, each module kept whole (its bot process
    is per module). ``--dist worksteal`` first gives each worker a contiguous share of the
    list, and a worker that runs out steals the second half of the longest queue: with the
    heavy modules all at the front, one worker got them all and ran them one after the
    other, and the others stole them last, so the run ended on bot processes. Here each
    share starts with its part of the heavy modules (their waits overlap the others' CPU)
    and ends on short tests that can be stolen. Every worker sorts alike (same list)."""
    modules: dict[Path, list[pytest.Item]] = {}
    for item in items:
        modules.setdefault(item.path, []).append(item)
    heavy = [m for m in modules.values() if any(i.get_closest_marker("slow") for i in m)]
    light = [i for m in modules.values() if m not in heavy for i in m]
    # Heaviest modules first onto the share with the least so far (by number of slow tests).
    shares: list[list[pytest.Item]] = [[] for _ in range(max(workers, 1))]
    weight = [0] * len(shares)
    for module in sorted(heavy, key=len, reverse=True):
        k = weight.index(min(weight))
        shares[k] += module
        weight[k] += len(module)
    size = -(-len(items) // len(shares))  # the share worksteal gives each worker, rounded up
    ordered: list[pytest.Item] = []
    for share in shares:
        fill = max(0, size - len(share))
        ordered += share + light[:fill]
        light = light[fill:]
    return ordered + light


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


class _Compiled:
    """The SQLite dialect and compiled-statement cache that the test databases of this
    test process share. SQLAlchemy caches each statement's compiled form per engine (keyed
    by its dialect): with an engine per test, every test compiled every statement anew,
    about a third of a handler test's CPU. Every SQLite engine is made alike
    (storage.db.make_engine), so one dialect serves them all."""

    dialect: Dialect | None = None
    cache: LRUCache[Any, Any] = LRUCache(5000)


def sqlite_database(url: str) -> Database:
    """The Database at the SQLite ``url`` as Database.from_url makes it, compiling its
    statements through this test process's shared cache."""
    engine = make_engine(url)
    assert engine.dialect.name == "sqlite", url
    if _Compiled.dialect is None:
        # A dialect learns its server on its engine's first connection (create_engine's
        # first-connect hook, bound to the engine's own dialect): the shared one connects
        # now, as the engines that take it over would never initialise it.
        with engine.connect():
            pass
        _Compiled.dialect = engine.dialect
    engine.dialect = _Compiled.dialect
    engine._compiled_cache = _Compiled.cache
    return Database(engine)


class SchemaTemplate:
    """An empty SQLite database with the schema, made once per test process and copied into
    each test's database with SQLite's backup: `create_all` takes 20-30 ms of CPU and a
    thousand tests start from an empty schema, a copy takes about one."""

    def __init__(self, folder: Path) -> None:
        self.file = folder / "schema.db"
        template = Database.from_url(f"sqlite:///{self.file}")
        Base.metadata.create_all(template.engine)
        template.dispose()

    def database(self, url: str) -> Database:
        """The database at the SQLite ``url``, with the schema copied in."""
        db = sqlite_database(url)
        source = sqlite3.connect(self.file)
        target = db.engine.raw_connection()
        try:
            source.backup(target.driver_connection)  # type: ignore[arg-type]
        finally:
            target.close()
            source.close()
        return db


@pytest.fixture(scope="session")
def schema_template(tmp_path_factory: pytest.TempPathFactory) -> SchemaTemplate:
    return SchemaTemplate(tmp_path_factory.mktemp("schema-template"))


@pytest.fixture
def any_db(db_url: str, schema_template: SchemaTemplate) -> Iterator[Database]:
    """A database with the schema, on both engines."""
    if db_url.startswith("sqlite"):
        db = schema_template.database(db_url)
    else:
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
def db(tmp_path: Path, schema_template: SchemaTemplate) -> Iterator[Database]:
    """A fresh SQLite database with the schema (the fast default for handler tests)."""
    db = schema_template.database(sqlite_url(tmp_path))
    yield db
    db.dispose()


@pytest.fixture
def settings(db: Database) -> Settings:
    return make_settings(str(db.engine.url))


@pytest.fixture
def app(db: Database, settings: Settings) -> App:
    return App.build(settings, db)


# The settings demo.load reads (DemoTemplate checks this on every template it makes).
DEMO_READS = ("timezone",)
_SETTING_FIELDS = frozenset(Settings.model_fields)
_read: set[str] = set()


class _NotedSettings(Settings):
    """Settings that note in ``_read`` which of their fields are read."""

    def __getattribute__(self, name: str) -> Any:
        if name in _SETTING_FIELDS:
            _read.add(name)
        return super().__getattribute__(name)


class DemoTemplate:
    """The demo as `demo.load` leaves it in a fresh SQLite database, made once in a while and
    copied into each test's database with SQLite's backup (a copy takes milliseconds, the
    load a third of a second of CPU, and 600 tests load it). One template per ``now`` the
    demo is loaded at (the real now, or a test's fixed one) and the values of the settings
    demo.load reads (DEMO_READS: a template made for a test reads them through settings that
    note every read, and one outside DEMO_READS fails the test, as a copy made with other
    values of it would be wrong). The rows' own created_at is the
    real now, and the real-now demo's times are relative to it, so a template older than
    MAX_AGE seconds is made anew: its times are then never further from a fresh load's than
    a test under load takes to run anyway, and far from the dispatcher's 2-minute late rule."""

    MAX_AGE = 10.0

    def __init__(self, folder: Path, loader: Any = None) -> None:
        self.folder = folder
        self.loader = loader  # demo.load unless a test of this class gives another
        self.made: dict[tuple[object, ...], tuple[Path, float]] = {}
        self.count = 0

    def _file(self, settings: Settings, now: datetime | None) -> Path:
        """The template for ``now`` and the settings' values of DEMO_READS, made anew when
        there is none or it is older than MAX_AGE."""
        key = (now, *(getattr(settings, name) for name in DEMO_READS))
        file, made = self.made.get(key, (None, 0.0))
        if file is not None and time.monotonic() - made <= self.MAX_AGE:
            return file
        self.count += 1
        new = self.folder / f"demo-{self.count}.db"
        self._make(new, settings, now)
        if file is not None:
            file.unlink(missing_ok=True)
        self.made[key] = (new, time.monotonic())
        return new

    def _make(self, file: Path, settings: Settings, now: datetime | None) -> None:
        from bot import demo

        url = f"sqlite:///{file}"
        template = sqlite_database(url)
        Base.metadata.create_all(template.engine)
        noted = _NotedSettings.model_construct(**{**settings.__dict__, "database_url": url})
        _read.clear()
        try:
            (self.loader or demo.load)(template, noted, now=now)
        finally:
            template.dispose()
        unkeyed = sorted(_read - set(DEMO_READS) - {"database_url"})
        assert not unkeyed, (
            f"demo.load reads the settings {unkeyed}, which DemoTemplate's key leaves out:"
            " add them to DEMO_READS in tests/conftest.py"
        )

    def load(self, app: App, *, now: datetime | None = None) -> None:
        """The demo into ``app``'s empty database, as ``demo.load(app.db, app.settings,
        now=now)`` leaves it: a copy on SQLite, the load itself on PostgreSQL."""
        self.load_into(app.db, app.settings, now=now)

    def load_into(self, db: Database, settings: Settings, *, now: datetime | None = None) -> None:
        from bot import demo

        if db.engine.dialect.name != "sqlite":
            demo.load(db, settings, now=now)
            return
        source = sqlite3.connect(self._file(settings, now))
        target = db.engine.raw_connection()
        try:
            source.backup(target.driver_connection)  # type: ignore[arg-type]
        finally:
            target.close()
            source.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> DemoTemplate:
    return DemoTemplate(tmp_path_factory.mktemp("demo-template"))


@pytest.fixture
def bot(app: App, demo_template: DemoTemplate) -> TestBot:
    """A bot with the demo partnership loaded; ``bot.run("/horing liste", as_="Kari Nordmann")``."""
    demo_template.load(app)
    return TestBot(app)


@pytest.fixture
def any_bot(any_db: Database, demo_template: DemoTemplate) -> Iterator[TestBot]:
    """``bot`` on SQLite and (when PARTNERBOT_TEST_PG_URL is set) PostgreSQL."""
    app = App.build(make_settings(any_db.engine.url.render_as_string(hide_password=False)), any_db)
    demo_template.load(app)
    yield TestBot(app)


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
