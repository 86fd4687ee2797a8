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
