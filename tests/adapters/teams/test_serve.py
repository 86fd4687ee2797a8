"""`partnerbot serve` runs Teams when its settings are present: a real process on loopback
against the fake Bot Connector (slow), and the one-line refusals of missing settings."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from typer.testing import CliRunner

from bot.cli import cli
from tests.adapters.slack.process import (
    BIN,
    READY_SECONDS,
    clean_env,
    free_port,
    prepare_folder,
    wait_until,
)
from tests.adapters.teams.fake_connector import FakeConnector


@pytest.fixture
def no_platform_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.startswith(("SLACK_", "MICROSOFT_", "PARTNERBOT_", "DATABASE_URL")):
            monkeypatch.delenv(name)


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({}, "nothing to serve: set SLACK_BOT_TOKEN (Slack) or MICROSOFT_APP_ID (Teams)"),
        (
            {"MICROSOFT_APP_ID": "app-1"},
            "MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID not set",
        ),
    ],
)
def test_missing_settings_stop_serve_with_one_line(
    no_platform_env: None, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], says: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = CliRunner().invoke(cli, ["serve", "--port", "0"])
    assert result.exit_code == 2
    assert says in result.output and "Traceback" not in result.output


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[FakeConnector, str, subprocess.Popen[str]]]:
    with FakeConnector() as fake:
        url = prepare_folder(tmp_path)
        port = free_port()
        env = clean_env(
            DATABASE_URL=url,
            REQUESTS_CA_BUNDLE=fake.ca_file,
            PARTNERBOT_PUBLIC_URL=f"http://127.0.0.1:{port}",
            **fake.env(),
        )
        proc = subprocess.Popen(
            [str(BIN), "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        base = f"http://127.0.0.1:{port}"

        def ready() -> bool | None:
            assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
            try:
                return requests.get(base + "/readyz", timeout=2).status_code == 200 or None
            except requests.RequestException:
                return None

        try:
            wait_until(ready, what="partnerbot serve to be ready", timeout=READY_SECONDS)
            yield fake, base, proc
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                proc.wait(60)


@pytest.mark.slow
def test_serve_answers_teams_in_a_personal_chat_and_refuses_the_unsigned(
    served: tuple[FakeConnector, str, subprocess.Popen[str]],
) -> None:
    fake, base, proc = served
    status, _ = fake.post(base + "/api/messages", fake.message("hjelp", user="kari"))
    assert status == 200
    answer = fake.wait_for("send", lambda c: c.conversation == "a:personal-kari", timeout=60)
    assert "**horing** —" in answer.text  # the help, as a personal chat types commands
    for token in (None, "not.a.jwt"):
        status, body = fake.post(base + "/api/messages", fake.message("hjelp"), token=token)
        assert (status, body) == (401, "")
    tenant = fake.message("hjelp", user="mallory", tenant="another-tenant")
    assert fake.post(base + "/api/messages", tenant)[0] == 401
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(60) == 0
    output = proc.stdout.read() if proc.stdout else ""
    assert "Traceback" not in output
    assert not [c for c in fake.calls if c.conversation == "a:personal-mallory"]
