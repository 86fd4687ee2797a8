"""`partnerbot doctor` checks Teams' app registration against the (fake) Microsoft."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.doctor import run_checks
from storage import schema
from storage.db import Database
from tests.adapters.teams.fake_connector import FakeConnector


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('doctor') / 'partnerbot.db'}"
    db = Database.from_url(url)
    schema.upgrade(db)
    db.dispose()
    return url


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, database: str) -> Iterator[FakeConnector]:
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.startswith(("SLACK_", "MICROSOFT_", "PARTNERBOT_", "DATABASE_URL")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("DATABASE_URL", database)
    with FakeConnector() as fake:
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", fake.ca_file)
        for name, value in fake.env().items():
            monkeypatch.setenv(name, value)
        yield fake


def test_a_good_teams_setup_passes(env: FakeConnector, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARTNERBOT_PUBLIC_URL", "https://partnerbot.example.no")
    checks = run_checks()
    assert all(ok for _, ok in checks), checks
    lines = [line for line, _ in checks]
    assert any("Entra gave a token" in line for line in lines)
    assert any("1 signing keys" in line for line in lines)
    assert not any(line.startswith("slack") for line in lines)  # Slack is not set up


def test_a_wrong_secret_and_no_public_url_are_named(
    env: FakeConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MICROSOFT_APP_PASSWORD", "wrong")
    failed = [line for line, ok in run_checks() if not ok]
    assert len(failed) == 2
    assert "MICROSOFT_APP_PASSWORD" in failed[0]
    assert "PARTNERBOT_PUBLIC_URL" in failed[1]


def test_nothing_configured_is_said(env: FakeConnector, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in env.env():
        monkeypatch.delenv(name)
    failed = [line for line, ok in run_checks() if not ok]
    assert failed == ["nothing to serve: set SLACK_BOT_TOKEN (Slack) or MICROSOFT_APP_ID (Teams)"]
