"""A message that reached Slack just before the bot was killed (kill -9 before it could
record "sent") is not posted again after the restart: the restarted bot finds it by the
key in its metadata (conversations.history) and records it instead. For a reminder from
the outbox and for a command's answer in the channel."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.adapters.slack.message_keys import EVENT_TYPE
from storage import inbox, posted
from storage.models import OutboxMessage
from tests.adapters.slack.fake import Call, FakeSlack
from tests.adapters.slack.process import SlackBotProcess, start_slack_bot, wait_until
from tests.adapters.slack.testfeature import REF

pytestmark = pytest.mark.slow

FEATURES = ("tests.adapters.slack.testfeature",)
# Short leases: the killed bot's claims are taken over as soon as the new one starts.
ENV = {
    "PARTNERBOT_INBOX_LEASE_SECONDS": "1",
    "PARTNERBOT_OUTBOX_LEASE_SECONDS": "1",
    "PARTNERBOT_ADMINS": "",
}


def key_of(call: Call) -> str | None:
    meta = call.body.get("metadata") or {}
    return (meta.get("event_payload") or {}).get("key") if meta.get("event_type") else None


def kill(bot: SlackBotProcess) -> None:
    os.kill(bot.proc.pid, signal.SIGKILL)
    bot.proc.wait(30)


def restart(tmp_path: Path, fake: FakeSlack, url: str) -> SlackBotProcess:
    (tmp_path / "two").mkdir()
    return start_slack_bot(tmp_path / "two", fake, database_url=url, features=FEATURES, env=ENV)


def outbox_state(bot: SlackBotProcess, key: str) -> str | None:
    with bot.db().transaction() as s:
        return s.scalar(select(OutboxMessage.state).where(OutboxMessage.key == key))


def test_a_reminder_slack_took_before_the_kill_is_not_posted_again(
    database_url: str, tmp_path: Path
) -> None:
    (tmp_path / "one").mkdir()
    with FakeSlack() as fake:
        fake.stall("chat.postMessage", lambda b: b.get("channel") == "C_REMIND")
        bot = start_slack_bot(
            tmp_path / "one", fake, database_url=database_url, features=FEATURES, env=ENV
        )
        try:
            resp, _ = bot.command("/testpoll husk r1", user_id="U_ONE")
            assert resp.status == 200
            (first,) = fake.wait_for("chat.postMessage", lambda c: c.channel == "C_REMIND")
            assert key_of(first) == "husk:r1" and first.body["metadata"]["event_type"] == EVENT_TYPE
            assert outbox_state(bot, "husk:r1") == "sending"  # Slack has it; the bot does not
            kill(bot)
        finally:
            bot.stop()
        again = restart(tmp_path, fake, database_url)
        try:
            wait_until(lambda: outbox_state(again, "husk:r1") == "sent", timeout=60, what="sent")
            fake.wait_for("conversations.history", lambda c: c.channel == "C_REMIND")
            # A sentinel reminder after it: posted (so the dispatcher ran past the first).
            again.command("/testpoll husk r2", user_id="U_ONE")
            fake.wait_for("chat.postMessage", lambda c: key_of(c) == "husk:r2")
            posts = [c for c in fake.calls("chat.postMessage") if c.channel == "C_REMIND"]
            assert [key_of(c) for c in posts] == ["husk:r1", "husk:r2"]
            assert [m["text"] for m in fake.history("C_REMIND")] == [
                "Påminnelse: r1",
                "Påminnelse: r2",
            ]
        finally:
            again.stop()


def test_a_channel_answer_slack_took_before_the_kill_is_not_posted_again(
    database_url: str, tmp_path: Path
) -> None:
    (tmp_path / "one").mkdir()
    with FakeSlack() as fake:
        fake.stall("chat.postMessage", lambda b: "Testavstemning" in str(b.get("blocks")))
        bot = start_slack_bot(
            tmp_path / "one", fake, database_url=database_url, features=FEATURES, env=ENV
        )
        try:
            resp, _ = bot.command("/testpoll vis", user_id="U_ONE")
            assert resp.status == 200
            (first,) = fake.wait_for("chat.postMessage", lambda c: "Testavstemning" in c.text)
            assert key_of(first) and key_of(first).startswith("slack:trigger:")  # type: ignore[union-attr]
            kill(bot)
        finally:
            bot.stop()
        again = restart(tmp_path, fake, database_url)
        try:

            def drained() -> bool:
                with again.db().transaction() as s:
                    counts = inbox.counts(s)
                return not any(counts.get(k) for k in inbox.OPEN)

            wait_until(drained, timeout=60, what="the inbox drained")
            fake.wait_for("conversations.history", lambda c: c.channel == "C_INFRA")
            again.command("/testpoll husk sentinel", user_id="U_ONE")
            fake.wait_for("chat.postMessage", lambda c: key_of(c) == "husk:sentinel")
            posts = [c for c in fake.calls("chat.postMessage") if "Testavstemning" in c.text]
            assert len(posts) == 1, [c.text for c in posts]
            # The card is remembered once, under the ts Slack gave the one post.
            ts = fake.history("C_INFRA")[0]["ts"]
            assert posted.posted(again.db(), "slack", REF) == [("C_INFRA", ts)]
        finally:
            again.stop()
