"""Slack failures as the outbox sees them, retries, the health endpoint and start-up errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from slack_sdk import WebClient

from bot.adapters.slack.client import interactive_retry_handlers, respond
from bot.adapters.slack.messenger import SlackMessenger
from bot.messages import Reply
from bot.messenger import Destination, PermanentError, TemporaryError
from storage.db import Database
from tests.adapters.slack.fake import FakeSlack
from tests.adapters.slack.process import clean_env
from tests.cli import run_cli

CHANNEL = Destination("channel", "C1", "#infrastruktur")


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


@pytest.fixture
def messenger(fake: FakeSlack, db: Database) -> SlackMessenger:
    client = WebClient(token="xoxb-t", base_url=fake.api_url, retry_handlers=[], timeout=5)
    return SlackMessenger(client, db)


def test_429_is_temporary_with_retry_after_and_not_retried_by_the_messenger(
    fake: FakeSlack, messenger: SlackMessenger
) -> None:
    fake.fail_next("chat.postMessage", status=429, retry_after=2)
    with pytest.raises(TemporaryError) as err:
        messenger.send(CHANNEL, Reply.text("hei"))
    assert err.value.retry_after == 2
    assert len(fake.calls("chat.postMessage")) == 1  # the outbox retries, not slack_sdk


def test_server_errors_are_temporary(fake: FakeSlack, messenger: SlackMessenger) -> None:
    fake.fail_next("chat.postMessage", status=503)
    with pytest.raises(TemporaryError):
        messenger.send(CHANNEL, Reply.text("hei"))


def test_unreachable_slack_is_temporary(db: Database) -> None:
    client = WebClient(token="t", base_url="http://127.0.0.1:9/api/", retry_handlers=[], timeout=2)
    with pytest.raises(TemporaryError):
        SlackMessenger(client, db).send(CHANNEL, Reply.text("hei"))


@pytest.mark.parametrize(
    "code",
    [
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "user_not_found",
        "account_inactive",
        "invalid_auth",
    ],
)
def test_permanent_errors_carry_the_slack_code(
    fake: FakeSlack, messenger: SlackMessenger, code: str
) -> None:
    fake.fail_next("chat.postMessage", error=code)
    with pytest.raises(PermanentError) as err:
        messenger.send(CHANNEL, Reply.text("hei"))
    assert err.value.reason == code


def test_a_member_gets_a_direct_message_by_user_id(
    fake: FakeSlack, messenger: SlackMessenger
) -> None:
    messenger.send(Destination("member", "U42", "Kari Nordmann"), Reply.text("Påminnelse"))
    call = fake.calls("chat.postMessage")[0]
    assert call.channel == "U42" and "Påminnelse" in call.text


def test_interactive_calls_wait_out_a_429_and_a_500(fake: FakeSlack) -> None:
    client = WebClient(
        token="t", base_url=fake.api_url, retry_handlers=interactive_retry_handlers()
    )
    fake.fail_next("chat.postMessage", status=429, retry_after=1)
    fake.fail_next("chat.update", status=500)
    assert client.chat_postMessage(channel="C1", text="x")["ok"]
    assert client.chat_update(channel="C1", ts="1.1", text="y")["ok"]
    assert [c.status for c in fake.calls("chat.postMessage")] == [429, 200]
    assert [c.status for c in fake.calls("chat.update")] == [500, 200]
    assert respond(fake.response_url("x"), {"text": "hei"})


@pytest.mark.slow
@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "SLACK_BOT_TOKEN is not set"),
        ({"SLACK_BOT_TOKEN": "xoxb-x"}, "SLACK_SIGNING_SECRET is not set"),
    ],
)
def test_missing_tokens_exit_2_with_one_line(
    tmp_path: Path, env: dict[str, str], message: str
) -> None:
    # In this process (tests/cli.py): the slack command's own tests start it as a process.
    r = run_cli("slack", "--port", "0", cwd=tmp_path, env=clean_env(**env))
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and message in r.stderr and "Traceback" not in r.stderr


def test_socket_mode_when_an_app_token_is_set() -> None:
    from bot.adapters.slack.run import SlackConfigError, check_settings
    from tests.conftest import make_settings

    base = {"SLACK_BOT_TOKEN": "xoxb-1"}
    assert check_settings(make_settings("sqlite://", **base, SLACK_APP_TOKEN="xapp-1")) == "socket"
    assert check_settings(make_settings("sqlite://", **base, SLACK_SIGNING_SECRET="s")) == "http"
    with pytest.raises(SlackConfigError):
        check_settings(make_settings("sqlite://", **base))
