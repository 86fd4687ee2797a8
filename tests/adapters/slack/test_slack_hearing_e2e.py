"""Issue 9, must show 2: a /horing ny and Slack's retry of it make one hearing, whose reminder
reaches the channel a minute later (on the bot's test clock), once, through a 429 with
Retry-After."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, timedelta

import pytest
from sqlalchemy import select

from storage.models import Hearing, OutboxMessage
from tests.adapters.slack.fake import FakeSlack
from tests.adapters.slack.process import SlackBotProcess, start_slack_bot, wait_until

pytestmark = pytest.mark.slow

TITLE = "Regional plan for kystsonen"
SENTINEL = "Kontrollhøring"


@pytest.fixture(scope="module")
def bot(
    fake_slack: FakeSlack, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SlackBotProcess]:
    bot = start_slack_bot(tmp_path_factory.mktemp("slack-hearing"), fake_slack, tick_seconds=1)
    yield bot
    bot.stop()


def _is_reminder(text: object, title: str = TITLE) -> bool:
    return f"«{title}»" in str(text) and "⏳ Påminnelse: høring" in str(text)


def test_a_retried_new_hearing_is_one_hearing_reminded_once_through_a_429(
    bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    bot.command("/partnerbot koble nettverk infrastruktur")
    fake_slack.wait_for(
        "chat.postMessage", lambda c: c.channel == "C_INFRA" and "#infrastruktur" in c.text
    )
    # Slack's first reminder attempt is refused: 429, come back in 2 seconds.
    fake_slack.fail_next(
        "chat.postMessage", status=429, retry_after=2, when=lambda b: _is_reminder(b.get("text"))
    )

    first, url = bot.command(
        f'/horing ny "{TITLE}" frist om 3 minutter påminn 2m mottakere "Horten kommune"'
    )
    retry, _ = bot.command("", retry_of=bot.last_body)
    assert first.status == retry.status == 200
    post = fake_slack.wait_for("chat.postMessage", lambda c: f"«{TITLE}»" in c.text)[0]
    assert post.channel == "C_INFRA" and "Høring #" in post.text
    wait_until(lambda: "already handled: skipped" in bot.logs(), what="the retry to be skipped")

    with bot.db().transaction() as s:
        hearings = s.scalars(select(Hearing).where(Hearing.title == TITLE)).all()
        assert len(hearings) == 1
        hearing = hearings[0]
        rows = s.scalars(
            select(OutboxMessage).where(
                OutboxMessage.kind == "hearing.reminder", OutboxMessage.object_id == hearing.id
            )
        ).all()
        assert [r.state for r in rows] == ["pending"]
        # Due one minute after creation: the deadline is in 3 minutes, the reminder 2 before.
        due = rows[0].due_at.replace(tzinfo=UTC)
        assert due == hearing.deadline.replace(tzinfo=UTC) - timedelta(minutes=2)
        assert (
            timedelta(seconds=40)
            < due - hearing.created_at.replace(tzinfo=UTC)
            <= timedelta(minutes=1)
        )
        row_id = rows[0].id

    # Not before its time: an hour of real ticks would not send it; a minute on the clock does.
    assert not [c for c in fake_slack.calls("chat.postMessage") if _is_reminder(c.text)]
    bot.move_clock(timedelta(seconds=61))
    sent = fake_slack.wait_for("chat.postMessage", lambda c: _is_reminder(c.text), timeout=60)
    attempts = [c for c in fake_slack.calls("chat.postMessage") if _is_reminder(c.text)]
    assert [c.status for c in attempts] == [429, 200]
    assert attempts[1].at - attempts[0].at >= 1.9  # Retry-After was respected
    assert sent[0].channel == "C_INFRA"
    assert "Horten kommune" in sent[0].text and "(om 2 min)" in sent[0].text
    # A round trip instead of a pause: a second hearing's reminder, due with ours, is sent
    # after ours; by then a second copy of ours would have gone too.
    bot.command(f'/horing ny "{SENTINEL}" frist om 3 minutter påminn 2m mottakere "Horten kommune"')
    # The command runs after its ack: the clock moves once it has run (its reminder is then
    # due a minute after the time it was created at, not after the moved time).
    fake_slack.wait_for("chat.postMessage", lambda c: f"«{SENTINEL}» er registrert" in c.text)
    bot.move_clock(timedelta(seconds=61))
    fake_slack.wait_for(
        "chat.postMessage", lambda c: _is_reminder(c.text, SENTINEL) and c.status == 200
    )
    assert (
        len([c for c in fake_slack.calls("chat.postMessage", ok_only=True) if _is_reminder(c.text)])
        == 1
    )
    with bot.db().transaction() as s:
        row = s.get(OutboxMessage, row_id)
        assert row is not None and (row.state, row.attempts) == ("sent", 1)
