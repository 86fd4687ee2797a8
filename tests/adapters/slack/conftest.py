"""Fixtures for Slack tests: a fake Slack and a `partnerbot slack` process per module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.adapters.slack.fake import FakeSlack
from tests.adapters.slack.process import SlackBotProcess, prepare_folder, start_slack_bot
from tests.conftest import PG_URL, PgSchema


@pytest.fixture(scope="module")
def fake_slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


@pytest.fixture(scope="module")
def slack_bot(
    fake_slack: FakeSlack, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SlackBotProcess]:
    """`partnerbot slack` with the app's own FEATURES, demo loaded, U_ADMIN an admin.
    A module that needs test-only features starts its own with start_slack_bot(features=...)."""
    bot = start_slack_bot(tmp_path_factory.mktemp("slack"), fake_slack)
    yield bot
    bot.stop()


def _postgres_demo(folder: Path) -> Iterator[str]:
    if not PG_URL:
        pytest.skip("PostgreSQL not configured (PARTNERBOT_TEST_PG_URL); .ci/run sets it")
    pg = PgSchema()
    try:
        yield prepare_folder(folder, pg.url)
    finally:
        pg.drop()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The demo in a database of its own for bot processes: SQLite, then PostgreSQL."""
    if request.param == "sqlite":
        yield prepare_folder(tmp_path / "db")
    else:
        yield from _postgres_demo(tmp_path / "db")


@pytest.fixture
def postgres_url(tmp_path: Path) -> Iterator[str]:
    """The demo in a PostgreSQL schema of its own (for several processes on one database)."""
    yield from _postgres_demo(tmp_path / "db")
