"""Issue 16, must-show 3 (first half): a reminder to a network bound to two channels, where
the second channel's post fails with 503, is posted once in each channel: the retry sends
only to the channel that did not get it. Real dispatcher, real SlackMessenger, the fake
Slack Web API on loopback, SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.adapters.slack.client import outbox_client
from bot.adapters.slack.messenger import SlackMessenger
from bot.dispatcher import Dispatcher
from bot.messages import Reply
from storage import outbox
from storage.db import Database
from storage.models import ChannelRef, Network, OutboxMessage
from tests.adapters.slack.fake import FakeSlack
from tests.conftest import make_settings

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as f:
        yield f


def render(session, row, now, lang):  # type: ignore[no-untyped-def]
    return Reply.text(f"Påminnelse {row.key}", visibility="channel")


def test_a_partial_failure_posts_once_per_channel(any_db: Database, fake: FakeSlack) -> None:
    with any_db.transaction() as s:
        net = Network(name="Nettverk for infrastruktur")
        s.add(net)
        s.flush()
        for channel in ("C_ONE", "C_TWO"):
            s.add(ChannelRef(platform="slack", channel_id=channel, network_id=net.id))
        outbox.schedule(s, key="r1", kind="test", target=outbox.Target.network(net.id), due_at=T0)
    settings = make_settings(
        str(any_db.engine.url), SLACK_BOT_TOKEN="xoxb-t", SLACK_API_URL=fake.api_url
    )
    messenger = SlackMessenger(outbox_client(settings), any_db)
    dispatcher = Dispatcher(any_db, settings, messenger, {"test": render})
    fake.fail_next("chat.postMessage", status=503, when=lambda b: b.get("channel") == "C_TWO")

    first = dispatcher.dispatch_due(T0)
    assert (first.sent, first.retried) == (0, 1)
    second = dispatcher.dispatch_due(T0 + timedelta(minutes=5))
    assert second.sent == 1

    posted = Counter(c.channel for c in fake.calls("chat.postMessage", ok_only=True))
    assert posted == Counter({"C_ONE": 1, "C_TWO": 1})
    with any_db.transaction() as s:
        row = s.query(OutboxMessage).one()
        assert (row.state, row.sent_to) == ("sent", ["C_ONE", "C_TWO"])
