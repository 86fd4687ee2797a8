"""Poster.post with a key (bot/adapters/slack/message_keys.py), against the fake Slack on
loopback: the key rides in the message metadata; a resend finds it in the channel and does
not post again; when Slack will not show the history (a scope the app lacks, a direct
message by user id) it posts again rather than lose the message."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from slack_sdk import WebClient

from bot.adapters.slack.message_keys import EVENT_TYPE
from bot.adapters.slack.posting import Poster
from bot.messages import Reply
from storage.db import Database
from tests.adapters.slack.fake import FakeSlack


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as f:
        yield f


@pytest.fixture
def poster(fake: FakeSlack, db: Database) -> Poster:
    return Poster(WebClient(token="xoxb-t", base_url=fake.api_url, retry_handlers=[]), db)


REPLY = Reply.text("Påminnelse: frist i morgen", visibility="channel")


def posts(fake: FakeSlack) -> list[str]:
    return [c.text for c in fake.calls("chat.postMessage")]


def test_the_key_rides_in_the_metadata_and_a_resend_finds_it(
    fake: FakeSlack, poster: Poster
) -> None:
    first = poster.post("C1", REPLY, key="hearing:2:7d")
    meta = fake.calls("chat.postMessage")[0].body["metadata"]
    assert meta == {"event_type": EVENT_TYPE, "event_payload": {"key": "hearing:2:7d", "part": 0}}
    assert poster.post("C1", REPLY, key="hearing:2:7d", resend=True) == first
    assert len(posts(fake)) == 1
    # Another key in the same channel is not taken for it.
    poster.post("C1", REPLY, key="hearing:2:1d", resend=True)
    assert len(posts(fake)) == 2


def test_without_resend_nothing_is_looked_up(fake: FakeSlack, poster: Poster) -> None:
    poster.post("C1", REPLY, key="k1")
    poster.post("C1", REPLY, key="k2")
    assert fake.calls("conversations.history") == []


def test_a_history_slack_refuses_means_posting_again(fake: FakeSlack, poster: Poster) -> None:
    poster.post("C1", REPLY, key="k1")
    fake.fail_next("conversations.history", error="missing_scope")
    poster.post("C1", REPLY, key="k1", resend=True)
    assert len(posts(fake)) == 2  # at least once: never lost for want of a scope


def test_a_direct_message_by_user_id_is_not_looked_up(fake: FakeSlack, poster: Poster) -> None:
    poster.post("U1", REPLY, key="k1")
    poster.post("U1", REPLY, key="k1", resend=True)
    assert len(posts(fake)) == 2
    assert fake.calls("conversations.history") == []


def test_a_key_more_than_a_page_back_is_found(fake: FakeSlack, poster: Poster) -> None:
    """A busy channel (300 reminders in seconds) pushes the dead sender's post off the first
    page of the history: the lookup reads on, page by page, and does not post it again."""
    from bot.adapters.slack.message_keys import HISTORY_LIMIT

    first = poster.post("C1", REPLY, key="hearing:2:7d")
    later = HISTORY_LIMIT + 50
    for n in range(later):
        poster.post("C1", Reply.text(f"later {n}", visibility="channel"), key=f"other:{n}")
    assert poster.post("C1", REPLY, key="hearing:2:7d", resend=True) == first
    assert len(posts(fake)) == 1 + later
    assert len(fake.calls("conversations.history")) == 2


def test_a_key_on_the_first_page_of_a_long_history_takes_one_look(
    fake: FakeSlack, poster: Poster
) -> None:
    from bot.adapters.slack.message_keys import HISTORY_LIMIT

    for n in range(HISTORY_LIMIT + 50):
        poster.post("C1", Reply.text(f"earlier {n}", visibility="channel"), key=f"other:{n}")
    first = poster.post("C1", REPLY, key="hearing:2:7d")
    assert poster.post("C1", REPLY, key="hearing:2:7d", resend=True) == first
    assert len(fake.calls("conversations.history")) == 1  # its first part found: no more pages
