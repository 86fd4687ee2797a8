"""Tokens, the signing secret and database passwords never appear in logs, output or
replies: `partnerbot slack` and the CLI run with distinctive secrets while things go wrong
(Slack API 500 and 429, bad signatures, a bug in a command, an unreachable or malformed
DATABASE_URL), and everything they wrote is searched for them."""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.adapters.slack import requests as rq
from tests.adapters.slack.fake import FakeSlack
from tests.adapters.slack.process import (
    BIN,
    SlackBotProcess,
    clean_env,
    free_port,
    partnerbot,
    prepare_folder,
    start_slack_bot,
    wait_until,
)
from tests.cli import run_cli

pytestmark = pytest.mark.slow

BOT_TOKEN = "xoxb-1111-2222-SeCrEtBoTtOkEn9q8w7e"
APP_TOKEN = "xapp-1-A0TEST-3333-SeCrEtApPtOkEn5t4r3e"
SIGNING_SECRET = "SeCrEtSiGnInG0a9s8d7f6g5h4j3k2l1"
DB_PASSWORD = "SeCrEtDbPaSsWoRd_4f2b"
SECRETS = (BOT_TOKEN, APP_TOKEN, SIGNING_SECRET, DB_PASSWORD)


def leaks(text: str) -> list[str]:
    """The secrets (or a long enough piece of one) found in ``text``."""
    found = []
    for secret in SECRETS:
        pieces = {secret[i : i + 12] for i in range(len(secret) - 11)}
        if any(p in text for p in pieces):
            found.append(secret)
    return found


def replies_text(fake: FakeSlack) -> str:
    """Everything the bot sent to Slack, except the Authorization header it must send."""
    return "\n".join(json.dumps(c.body, ensure_ascii=False) + c.path for c in fake.calls())


@pytest.fixture(scope="module")
def bot(
    fake_slack: FakeSlack, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SlackBotProcess]:
    bot = start_slack_bot(
        tmp_path_factory.mktemp("secrets"),
        fake_slack,
        features=("tests.adapters.slack.testfeature",),
        env={
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "PARTNERBOT_LOG_LEVEL": "DEBUG",
        },
    )
    yield bot
    bot.stop()


def command(bot: SlackBotProcess, line: str) -> rq.Response:
    name, _, text = line.partition(" ")
    body = rq.slash_body(text, command=name, response_url=bot.new_response_url())
    return rq.post(bot.events_url, body, secret=SIGNING_SECRET)


def test_no_secret_in_logs_or_replies_when_things_go_wrong(
    bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    # Slack API errors while posting to the channel: 500s, a 429 with Retry-After, invalid_auth.
    fake_slack.fail_next("chat.postMessage", status=500, times=2)
    fake_slack.fail_next("chat.postMessage", status=429, retry_after=0.2)
    assert command(bot, "/partnerbot koble nettverk infrastruktur").status == 200
    fake_slack.fail_next("chat.postMessage", error="invalid_auth")
    assert command(bot, "/testpoll vis").status == 200
    fake_slack.fail_next("response_url", status=500)
    assert command(bot, "/partnerbot hjelp").status == 200
    # Bad signatures: wrong secret, none, an old timestamp, a forged header.
    body = rq.slash_body("hjelp", command="/partnerbot", response_url=bot.new_response_url())
    assert rq.post(bot.events_url, body, secret="wrong-secret").status == 401
    assert rq.post(bot.events_url, body, secret=None).status == 401
    assert (
        rq.post(
            bot.events_url, body, secret=SIGNING_SECRET, timestamp=int(time.time()) - 3600
        ).status
        == 401
    )
    assert rq.post(bot.events_url, body, signature="v0=" + "0" * 64).status == 401
    # A bug in a command whose error message carries the settings.
    assert command(bot, "/testpoll feil").status == 200
    wait_until(lambda: "cannot go on with" in bot.logs(), what="the bug to be logged")
    wait_until(
        lambda: len(fake_slack.calls("chat.postMessage")) >= 4 or None,
        timeout=15,
        what="the retried posts",
    )
    # Stopped, the bot has finished what it took and written every line it will write.
    bot.stop()
    logs = bot.logs()
    assert "cannot go on with Settings(" in logs  # the bug was logged, with its message
    assert not leaks(logs), f"secrets in the log: {leaks(logs)}"
    assert not leaks(replies_text(fake_slack)), "a secret in a reply to Slack"


def test_a_refused_app_token_stops_the_bot_with_what_to_fix_and_logs_no_token(
    fake_slack: FakeSlack, tmp_path: Path
) -> None:
    """Slack refusing SLACK_APP_TOKEN (invalid_auth) is for the operator to fix: the bot
    says so and exits, as for a refused bot token, instead of retrying every 5 s forever
    (it then did not even stop on SIGTERM)."""
    url = prepare_folder(tmp_path)
    fake_slack.fail_next("apps.connections.open", error="invalid_auth", times=100)
    env = clean_env(
        DATABASE_URL=url,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_APP_TOKEN=APP_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=fake_slack.api_url,
        PARTNERBOT_LOG_LEVEL="DEBUG",
    )
    done = subprocess.run(
        [str(BIN), "slack", "--port", str(free_port())],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    logs = done.stdout + done.stderr
    assert done.returncode != 0, logs[-2000:]
    assert "SLACK_APP_TOKEN" in logs and "invalid_auth" in logs, logs[-2000:]
    assert "listening on" not in logs  # refused before it listens
    assert len(fake_slack.calls("apps.connections.open")) == 1
    assert not leaks(logs), f"secrets in the Socket Mode log: {leaks(logs)}\n{logs[-2000:]}"


@pytest.mark.parametrize(
    "database_url",
    [
        f"postgresql+psycopg://partnerbot:{DB_PASSWORD}@127.0.0.1:{{port}}/partnerbot",
        f"postgresql+psycopg://partnerbot:{DB_PASSWORD}@127.0.0.1:notaport/partnerbot",
        f"postgresql+nosuchdriver://partnerbot:{DB_PASSWORD}@127.0.0.1/partnerbot",
        f"partnerbot:{DB_PASSWORD}@127.0.0.1/partnerbot",
    ],
    ids=["unreachable", "bad-port", "unknown-driver", "no-scheme"],
)
@pytest.mark.parametrize(
    "args", [("db", "upgrade"), ("slack", "--port", "0")], ids=["db-upgrade", "slack"]
)
def test_a_bad_database_url_is_reported_without_its_password(
    tmp_path: Path, database_url: str, args: tuple[str, ...]
) -> None:
    env = clean_env(
        DATABASE_URL=database_url.format(port=free_port()),
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        PARTNERBOT_LOG_LEVEL="DEBUG",
    )
    # One case as a process, as an operator starts it; the others in this process
    # (tests/cli.py: the same entry point, logging set up the same way, a process's streams).
    as_process = args[0] == "slack" and "{port}" in database_url
    result = (partnerbot if as_process else run_cli)(*args, cwd=tmp_path, env=env)
    assert result.returncode != 0
    out = result.stdout + result.stderr
    assert "database" in out.lower() or "DATABASE_URL" in out, out
    assert "Traceback" not in out, out
    assert not leaks(out), f"secrets in the output: {leaks(out)}\n{out}"
