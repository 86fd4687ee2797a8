"""`partnerbot doctor` as an operator runs it: one line per check, `ok` or `FIX` with what
to do, exit 1 while anything needs fixing (the fake Slack answers auth.test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.adapters.slack import requests as rq
from tests.adapters.slack.fake import FakeSlack
from tests.adapters.slack.fake_socket import FakeSocketMode
from tests.adapters.slack.process import APP_TOKEN, BOT_TOKEN, clean_env, partnerbot
from tests.cli import run_cli

pytestmark = pytest.mark.slow


def doctor(
    folder: Path, fake: FakeSlack, *, as_process: bool = False, **env: str
) -> tuple[int, list[str]]:
    """`partnerbot doctor` in ``folder``: in this process (tests/cli.py), or ``as_process``."""
    base = {
        "DATABASE_URL": f"sqlite:///{folder / 'partnerbot.db'}",
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": rq.SECRET,
        "SLACK_API_URL": fake.api_url,
    }
    run = partnerbot if as_process else run_cli
    r = run("doctor", cwd=folder, env=clean_env(**{**base, **env}))
    assert "Traceback" not in r.stderr
    return r.returncode, r.stdout.splitlines()


def test_doctor_says_what_to_fix_until_everything_is_ok(tmp_path: Path) -> None:
    with FakeSlack() as fake:
        code, lines = doctor(tmp_path, fake, as_process=True)  # as an operator runs it
        assert code == 1
        assert any(
            line.startswith("FIX   migrations") and "partnerbot db upgrade" in line
            for line in lines
        )

        env = clean_env(DATABASE_URL=f"sqlite:///{tmp_path / 'partnerbot.db'}")
        assert run_cli("db", "upgrade", cwd=tmp_path, env=env).returncode == 0
        code, lines = doctor(tmp_path, fake)
        assert code == 0, lines
        assert all(line.startswith("ok    ") for line in lines)
        assert any("auth.test" in line for line in lines)

        fake.fail_next("auth.test", error="invalid_auth")
        code, lines = doctor(tmp_path, fake)
        assert code == 1
        assert any(line.startswith("FIX   slack") and "invalid_auth" in line for line in lines)

        code, lines = doctor(tmp_path, fake, SLACK_SIGNING_SECRET="")
        assert code == 1 and any("SLACK_SIGNING_SECRET is not set" in line for line in lines)


def test_doctor_checks_the_app_token_in_socket_mode(tmp_path: Path) -> None:
    env = clean_env(DATABASE_URL=f"sqlite:///{tmp_path / 'partnerbot.db'}")
    assert run_cli("db", "upgrade", cwd=tmp_path, env=env).returncode == 0
    with FakeSlack() as fake:
        fake.fail_next("apps.connections.open", error="invalid_auth")
        code, lines = doctor(tmp_path, fake, SLACK_APP_TOKEN=APP_TOKEN)
        assert code == 1
        assert any(
            line.startswith("FIX   slack") and "SLACK_APP_TOKEN" in line and "invalid_auth" in line
            for line in lines
        ), lines
        assert APP_TOKEN not in "\n".join(lines)
        with FakeSocketMode(fake):  # Slack now gives it a connection
            code, lines = doctor(tmp_path, fake, SLACK_APP_TOKEN=APP_TOKEN)
        assert code == 0 and any("Socket Mode" in line for line in lines), lines


@pytest.mark.parametrize("error", ["internal_error", "fatal_error", "request_timeout"])
def test_a_passing_slack_error_at_start_is_retried_not_called_a_bad_app_token(
    fake_slack: FakeSlack, error: str
) -> None:
    """Slack answers most errors with HTTP 200 and ok:false; only a refused token is the
    operator's to fix (the start-up check stopped the bot for Slack's own hiccup)."""
    from bot.adapters.slack.run import SlackConfigError, check_app_token
    from tests.conftest import make_settings

    s = make_settings(
        "sqlite://",
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_APP_TOKEN=APP_TOKEN,
        SLACK_API_URL=fake_slack.api_url,
    )
    fake_slack.fail_next("apps.connections.open", error=error)
    check_app_token(s)  # no SlackConfigError: the connection's retries take it from here
    fake_slack.fail_next("apps.connections.open", error="token_revoked")
    with pytest.raises(SlackConfigError, match="SLACK_APP_TOKEN"):
        check_app_token(s)
