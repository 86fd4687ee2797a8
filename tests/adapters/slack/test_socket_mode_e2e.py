"""`partnerbot slack` in Socket Mode, end to end over real sockets: FakeSlack's Web API plus a
FakeSocketMode WebSocket server on loopback, and no signing secret anywhere."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from storage.models import Hearing, PostedMessage
from tests.adapters.slack.fake import FakeSlack
from tests.adapters.slack.fake_socket import FakeSocketMode
from tests.adapters.slack.process import (
    APP_TOKEN,
    BOT_TOKEN,
    SlackBotProcess,
    start_slack_bot,
    wait_until,
)

pytestmark = pytest.mark.slow

TITLE = "Kystsoneplan over WebSocket"


@pytest.fixture(scope="module")
def sm(fake_slack: FakeSlack) -> Iterator[FakeSocketMode]:
    with FakeSocketMode(fake_slack) as server:
        yield server


@pytest.fixture(scope="module")
def bot(
    fake_slack: FakeSlack, sm: FakeSocketMode, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SlackBotProcess]:
    bot = start_slack_bot(
        tmp_path_factory.mktemp("slack-socket"),
        fake_slack,
        socket_mode=sm,
        features=("tests.adapters.slack.testfeature",),
    )
    yield bot
    bot.stop()


def connect_network(sm: FakeSocketMode, fake_slack: FakeSlack) -> None:
    """#infrastruktur lives in C_INFRA (once per module; later calls change nothing)."""
    if not fake_slack.calls("chat.postMessage", ok_only=True):
        sm.command(
            "/partnerbot koble nettverk infrastruktur",
            response_url=fake_slack.response_url("sm-koble"),
        )
        fake_slack.wait_for("chat.postMessage", lambda c: c.channel == "C_INFRA")


def test_socket_mode_needs_no_signing_secret_and_opens_with_the_app_token(
    bot: SlackBotProcess, sm: FakeSocketMode, fake_slack: FakeSlack
) -> None:
    environ = Path(f"/proc/{bot.proc.pid}/environ").read_bytes().split(b"\0")
    assert not [v for v in environ if v.startswith(b"SLACK_SIGNING_SECRET=")]
    assert f"SLACK_APP_TOKEN={APP_TOKEN}".encode() in environ and bot.proc.poll() is None
    # apps.connections.open takes the xapp- token (more than once if a slow machine made the
    # client reconnect)...
    assert sm.tokens and set(sm.tokens) == {APP_TOKEN}
    auth = fake_slack.calls("auth.test")
    assert auth and {c.headers["authorization"] for c in auth} == {f"Bearer {BOT_TOKEN}"}
    assert sm.other == [] and sm.protocol_errors == []  # ...and nothing but acks came back
    assert "Socket Mode" in bot.logs()


def test_a_slash_command_is_acked_with_its_envelope_id_and_answered_by_response_url(
    bot: SlackBotProcess, sm: FakeSocketMode, fake_slack: FakeSlack
) -> None:
    url = fake_slack.response_url("sm-help")
    envelope_id = sm.command("/partnerbot hjelp", response_url=url)
    # Acked (how fast is measured in benches/slack_ack.py, not asserted here).
    ack = sm.wait_ack(envelope_id, timeout=60)
    assert ack.payload is None  # an empty ack: the answer goes by the response_url
    reply = bot.replies(url)[0]
    assert reply.body["response_type"] == "ephemeral"
    assert "Dette kan jeg hjelpe med" in reply.text and "*/partnerbot*" in reply.text


def test_a_redelivered_new_hearing_envelope_makes_one_hearing(
    bot: SlackBotProcess, sm: FakeSocketMode, fake_slack: FakeSlack
) -> None:
    connect_network(sm, fake_slack)
    envelope_id = sm.command(
        f'/horing ny "{TITLE}" frist om 3 dager mottakere "Horten kommune"',
        response_url=fake_slack.response_url("sm-hearing"),
    )
    sm.resend(envelope_id)  # Slack redelivers an envelope it thinks went unacked
    acks = [sm.wait_ack(envelope_id, count=n, timeout=60) for n in (1, 2)]
    assert len(acks) == 2
    post = fake_slack.wait_for("chat.postMessage", lambda c: f"«{TITLE}»" in c.text)[0]
    assert post.channel == "C_INFRA" and "Høring #" in post.text
    wait_until(lambda: "already handled: skipped" in bot.logs(), what="the redelivery skipped")
    with bot.db().transaction() as s:
        assert len(s.scalars(select(Hearing).where(Hearing.title == TITLE)).all()) == 1
    assert len([c for c in fake_slack.calls("chat.postMessage") if f"«{TITLE}»" in c.text]) == 1


def test_a_button_click_runs_its_command(
    bot: SlackBotProcess, sm: FakeSocketMode, fake_slack: FakeSlack
) -> None:
    connect_network(sm, fake_slack)
    sm.command("/testpoll vis", response_url=fake_slack.response_url("sm-poll"))
    post = fake_slack.wait_for("chat.postMessage", lambda c: "Testavstemning" in c.text)[0]
    assert post.buttons()[0]["value"] == "/testpoll stem"

    def posted_ts() -> str | None:
        with bot.db().transaction() as s:
            return s.scalars(
                select(PostedMessage.message_id).where(PostedMessage.object_type == "testpoll")
            ).first()

    ts = wait_until(posted_ts, what="the poll message to be remembered")
    envelope_id = sm.click(
        "/testpoll stem",
        response_url=fake_slack.response_url("sm-click"),
        message_ts=ts,
        user_id="U_KARI",
        user_name="kari",
    )
    sm.wait_ack(envelope_id, timeout=60)
    update = fake_slack.wait_for("chat.update", lambda c: "1 stemmer" in c.text)[0]
    assert (update.channel, update.body["ts"]) == ("C_INFRA", ts)


def test_app_home_opened_publishes_the_home_tab(
    bot: SlackBotProcess, sm: FakeSocketMode, fake_slack: FakeSlack
) -> None:
    envelope_id = sm.event(
        {
            "type": "app_home_opened",
            "user": "U_HOME",
            "channel": "D_HOME",
            "tab": "home",
            "event_ts": "1.0",
        }
    )
    sm.wait_ack(envelope_id, timeout=60)
    fake_slack.wait_for("views.publish", lambda c: c.body.get("user_id") == "U_HOME")


def test_the_bot_reconnects_after_a_disconnect_message(
    bot: SlackBotProcess, sm: FakeSocketMode, fake_slack: FakeSlack
) -> None:
    first = sm.current
    opened = len(sm.tokens)
    # Slack's refresh: a `disconnect` message; the bot opens a new connection, drops the old.
    sm.disconnect()
    sm.wait_connected(first.number + 1, timeout=60)
    # The first envelope on the new connection is acked well within Slack's 3 seconds (the
    # client must not sit on its old connection's 3-second read timeout meanwhile).
    envelope_id = sm.command("/partnerbot hjelp", response_url=fake_slack.response_url("sm-re"))
    assert sm.wait_ack(envelope_id, timeout=60).at - sm.sent_at(envelope_id) < 2.5
    assert first.closed.wait(60) and len(sm.tokens) >= opened + 1
    help_works(bot, sm, fake_slack, "sm-after-disconnect")
    assert sm.protocol_errors == []


def test_the_bot_reconnects_at_once_when_the_server_closes_the_socket(
    bot: SlackBotProcess, sm: FakeSocketMode, fake_slack: FakeSlack
) -> None:
    # A close frame without notice (Slack restarting a host). Until the bot reconnects, Slack
    # has nowhere to send commands and members get "dispatch_failed".
    old = sm.current
    old.close(1001, "going away")
    started = time.monotonic()
    sm.wait_connected(old.number + 1, timeout=60)
    assert time.monotonic() - started < 2
    help_works(bot, sm, fake_slack, "sm-after-close")
    assert len(sm.connections) == old.number + 1  # one new connection, not one per reconnector
    assert sm.protocol_errors == []


def test_the_bot_reconnects_when_the_connection_drops_without_a_close_frame(tmp_path: Path) -> None:
    # Its own bot: before the fix the stuck one burnt a CPU until it was stopped.
    with FakeSlack() as fake, FakeSocketMode(fake) as own:
        bot = start_slack_bot(tmp_path, fake, socket_mode=own)
        try:
            own.wait_connected(1)._drop()  # a network blip: FIN, no close frame
            own.wait_connected(2, timeout=60)
            help_works(bot, own, fake, "sm-after-drop")
        finally:
            bot.stop()


def help_works(bot: SlackBotProcess, sm: FakeSocketMode, fake_slack: FakeSlack, tag: str) -> None:
    url = fake_slack.response_url(tag)
    envelope_id = sm.command("/partnerbot hjelp", response_url=url)
    assert sm.wait_ack(envelope_id, timeout=60).connection == sm.current.number
    assert "Dette kan jeg hjelpe med" in bot.replies(url)[0].text


def test_sigterm_ends_the_bot_promptly_and_drops_its_connection(tmp_path: Path) -> None:
    with FakeSlack() as fake, FakeSocketMode(fake) as own:
        bot = start_slack_bot(tmp_path, fake, socket_mode=own)
        try:
            conn = own.wait_connected(1)
            bot.proc.send_signal(signal.SIGTERM)
            assert bot.proc.wait(timeout=60) == 0
            assert conn.closed.wait(2)
        finally:
            bot.stop()


def test_sigterm_ends_the_bot_promptly_while_slack_fails_to_open_a_connection(
    tmp_path: Path,
) -> None:
    """Slack answering 500 to apps.connections.open is worth retrying; SIGTERM meanwhile
    ends the bot with 0 (the retries ran inside start-up, where SIGTERM waited for them)."""
    with FakeSlack() as fake, FakeSocketMode(fake) as own:
        fake.fail_next("apps.connections.open", status=500, times=1000)
        bot = start_slack_bot(tmp_path, fake, socket_mode=own, ready=False)
        try:
            wait_until(lambda: "listening on" in bot.logs() or None, timeout=60, what="listening")
            tried = len(fake.calls("apps.connections.open"))
            wait_until(
                lambda: len(fake.calls("apps.connections.open")) > tried or None,
                timeout=60,
                what="Socket Mode retrying apps.connections.open after start-up",
            )
            bot.proc.send_signal(signal.SIGTERM)
            assert bot.proc.wait(timeout=30) == 0, bot.logs()[-2000:]
            assert own.connections == []
        finally:
            bot.stop()
