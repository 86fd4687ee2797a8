"""Issue 16, must-show 3 (second half): 50 members click the same card's button at once;
when every click is done, the last chat.update Slack got for the card shows the count the
database holds (cards are rendered from the database at send time, one update of an object
at a time). SQLite and PostgreSQL, over signed HTTP into `partnerbot slack`."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import func, select

from storage import inbox
from storage.models import AuditEntry, PostedMessage
from tests.adapters.slack.fake import FakeSlack
from tests.adapters.slack.process import start_slack_bot, wait_until

pytestmark = pytest.mark.slow
CLICKS = 50


def test_50_parallel_clicks_leave_the_card_with_the_databases_count(
    database_url: str, tmp_path: Path
) -> None:
    (tmp_path / "bot").mkdir()
    with FakeSlack() as fake:
        fake.jitter["chat.update"] = 0.05  # updates overtake each other, as Slack's can
        bot = start_slack_bot(
            tmp_path / "bot",
            fake,
            database_url=database_url,
            features=("tests.adapters.slack.testfeature",),
        )
        db = bot.db()
        try:
            bot.command("/testpoll vis")

            def posted_ts() -> str | None:
                with db.transaction() as s:
                    return s.scalar(
                        select(PostedMessage.message_id).where(
                            PostedMessage.object_type == "testpoll"
                        )
                    )

            ts = wait_until(posted_ts, what="the card posted")
            with ThreadPoolExecutor(max_workers=CLICKS) as pool:
                acks = list(
                    pool.map(
                        lambda n: (
                            bot.click("/testpoll stem", message_ts=ts, user_id=f"U_V{n:02d}")[
                                0
                            ].status
                        ),
                        range(CLICKS),
                    )
                )
            assert acks == [200] * CLICKS

            def settled() -> bool:
                with db.transaction() as s:
                    counts = inbox.counts(s)
                return not any(counts.get(state) for state in inbox.OPEN)

            wait_until(settled, timeout=120, what="every click done")
            with db.transaction() as s:
                votes = s.scalar(
                    select(func.count())
                    .select_from(AuditEntry)
                    .where(AuditEntry.action == "testpoll.vote")
                )
            assert votes == CLICKS
            updates = [c for c in fake.calls("chat.update") if c.body.get("ts") == ts]
            assert len(updates) >= 1
            assert f"{CLICKS} stemmer" in updates[-1].text, updates[-1].text
        finally:
            bot.stop()


def test_a_card_update_is_sent_when_the_commands_own_answer_failed(tmp_path: Path) -> None:
    """On SQLite a command's card update is read in its transaction and numbered there
    (bot/cards.py: prepare); when its answer cannot be delivered before the update is
    sent, the card is read again and sent, so no earlier update it outran is lost."""
    (tmp_path / "bot").mkdir()
    with FakeSlack() as fake:
        bot = start_slack_bot(
            tmp_path / "bot", fake, features=("tests.adapters.slack.testfeature",)
        )
        try:
            bot.command("/testpoll vis")
            db = bot.db()

            def posted_ts() -> str | None:
                with db.transaction() as s:
                    return s.scalar(select(PostedMessage.message_id))

            ts = wait_until(posted_ts, what="the card posted")
            # The typed vote's answer goes nowhere: response_url, ephemeral and DM all fail.
            fake.fail_next("response_url", status=500, times=20)
            fake.fail_next("chat.postEphemeral", error="channel_not_found", times=20)
            fake.fail_next("chat.postMessage", error="internal_error", times=20)
            bot.command("/testpoll stem")
            fake.wait_for(
                "chat.update",
                lambda c: c.body.get("ts") == ts and "1 stemmer" in c.text,
                timeout=120,  # only a guard: the update comes once the answer has failed
            )
        finally:
            bot.stop()
