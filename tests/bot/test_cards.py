"""Cards (bot/cards.py): one update of an object at a time, rendered from the database; an
update that a later one of the same object already waits behind sends nothing, and the
later one shows what both committed. On SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.cards import Cards, Latest
from bot.messages import Reply
from storage import posted
from storage.db import Database
from storage.models import PostedMessage
from tests.adapters.slack.process import wait_until

REF = ("poll", 7)
OSLO = ZoneInfo("Europe/Oslo")


def count_card(session: Session, object_id: int, lang: str, tz: ZoneInfo) -> Reply:
    """A card that shows how many messages the object has (what the test commits)."""
    count = session.scalar(
        select(func.count()).select_from(PostedMessage).where(PostedMessage.object_id == object_id)
    )
    return Reply.text(f"{lang}:{count}")


def test_an_update_a_later_one_waits_behind_is_skipped(any_db: Database) -> None:
    cards = Cards(any_db, {"poll": count_card}, OSLO)
    posted.remember(any_db, "slack", REF, "C1", "1.0")
    release = threading.Event()
    with ThreadPoolExecutor(max_workers=2) as pool:
        with cards.latest(REF, "nb", "slack") as first:
            assert first == Latest(Reply.text("nb:1"), [("C1", "1.0")])
            # Two more commits and their updates, which wait for this one to finish.
            posted.remember(any_db, "slack", REF, "C2", "2.0")
            second: Future[Latest] = pool.submit(take, cards, "nb", release)
            wait_until(lambda: cards._asked[REF] == 2, what="the second update asked")
            posted.remember(any_db, "slack", REF, "C3", "3.0")
            third: Future[Latest] = pool.submit(take, cards, "en", release)
            wait_until(lambda: cards._asked[REF] == 3, what="the third update asked")
        release.set()
        skipped, last = second.result(), third.result()
    assert skipped.superseded and skipped.card is None
    assert not last.superseded
    assert last.card == Reply.text("en:3")  # after every commit, in the last one's language
    assert last.messages == [("C1", "1.0"), ("C2", "2.0"), ("C3", "3.0")]


def test_updates_one_after_the_other_each_render(db: Database) -> None:
    cards = Cards(db, {"poll": count_card}, OSLO)
    posted.remember(db, "slack", REF, "C1", "1.0")
    with cards.latest(REF, "nb", "slack") as first:
        assert not first.superseded
    posted.remember(db, "slack", REF, "C2", "2.0")
    with cards.latest(REF, "nn", "slack") as second:
        assert second.card == Reply.text("nn:2") and not second.superseded


def test_an_object_type_without_a_renderer_lists_its_messages(db: Database) -> None:
    cards = Cards(db, {}, OSLO)
    posted.remember(db, "slack", ("hearing", 3), "C1", "1.0")
    posted.remember(db, "teams", ("hearing", 3), "T1", "a")
    with cards.latest(("hearing", 3), "nb", "slack") as found:
        assert found == Latest(None, [("C1", "1.0")])


def take(cards: Cards, lang: str, release: threading.Event) -> Latest:
    with cards.latest(REF, lang, "slack") as found:
        release.wait()
        return found


# -- an update prepared in the command's transaction (SQLite) ------------------------------


def test_a_prepared_update_shows_its_commit_and_a_later_one_supersedes_it(db: Database) -> None:
    cards = Cards(db, {"poll": count_card}, OSLO)
    posted.remember(db, "slack", REF, "C1", "1.0")
    with db.transaction() as session:
        first = cards.prepare(session, REF, "nb", "slack")
    with db.transaction() as session:
        session.add(
            PostedMessage(
                object_type="poll", object_id=7, platform="slack", channel_id="C2", message_id="2.0"
            )
        )
        session.flush()
        second = cards.prepare(session, REF, "en", "slack")  # read before its commit
    assert first is not None and second is not None
    with cards.held(first) as skipped:
        assert skipped.superseded and skipped.card is None
    with cards.held(second) as last:
        assert not last.superseded
        assert last == Latest(Reply.text("en:2"), [("C1", "1.0"), ("C2", "2.0")])
    assert first.used and second.used


def test_an_update_asked_after_a_prepared_one_supersedes_it(db: Database) -> None:
    cards = Cards(db, {"poll": count_card}, OSLO)
    posted.remember(db, "slack", REF, "C1", "1.0")
    with db.transaction() as session:
        prepared = cards.prepare(session, REF, "nb", "slack")
    assert prepared is not None
    with cards.latest(REF, "nn", "slack") as later:
        assert later.card == Reply.text("nn:1") and not later.superseded
    with cards.held(prepared) as skipped:
        assert skipped.superseded


def test_a_prepared_update_reuses_the_verbs_card_and_renders_none_without_messages(
    db: Database,
) -> None:
    rendered: list[int] = []

    def counting(session: Session, object_id: int, lang: str, tz: ZoneInfo) -> Reply:
        rendered.append(object_id)
        return count_card(session, object_id, lang, tz)

    cards = Cards(db, {"poll": counting}, OSLO)
    with db.transaction() as session:  # nothing posted yet (a new poll): nothing to render
        alone = cards.prepare(session, REF, "nb", "slack")
    assert alone is not None and alone.found == Latest(None, []) and rendered == []
    posted.remember(db, "slack", REF, "C1", "1.0")
    own = Reply.text("the verb's card")
    with db.transaction() as session:
        reused = cards.prepare(session, REF, "nb", "slack", trusted=own)
    assert reused is not None and reused.found.card is own and rendered == []
    with db.transaction() as session:
        fresh = cards.prepare(session, REF, "nb", "slack")
    assert fresh is not None and fresh.found.card == Reply.text("nb:1") and rendered == [7]


def test_on_postgresql_nothing_is_prepared_the_update_reads_after_the_commit(
    pg_db: Database,
) -> None:
    cards = Cards(pg_db, {"poll": count_card}, OSLO)
    posted.remember(pg_db, "slack", REF, "C1", "1.0")
    with pg_db.transaction() as session:
        assert cards.prepare(session, REF, "nb", "slack") is None
    assert REF not in cards._asked


def test_an_update_asked_while_a_command_is_uncommitted_shows_that_commit(db: Database) -> None:
    """A command prepared its update (number 1) and has not committed; another update of
    the object is asked meanwhile. That one's number is taken once the command committed,
    so whichever update is sent last shows the command's change: the command's own is
    superseded only by one that read after its commit."""
    cards = Cards(db, {"poll": count_card}, OSLO)
    posted.remember(db, "slack", REF, "C1", "1.0")
    prepared_in_command = threading.Event()
    other_asked = threading.Event()

    def command() -> Latest:
        with db.transaction() as session:
            session.add(
                PostedMessage(
                    object_type="poll",
                    object_id=7,
                    platform="slack",
                    channel_id="C2",
                    message_id="2.0",
                )
            )
            session.flush()
            prepared = cards.prepare(session, REF, "nb", "slack")
            prepared_in_command.set()
            other_asked.wait(10)
        assert prepared is not None
        with cards.held(prepared) as found:
            return found

    def other() -> Latest:
        prepared_in_command.wait(10)
        other_asked.set()
        with cards.latest(REF, "nb", "slack") as found:
            return found

    with ThreadPoolExecutor(max_workers=2) as pool:
        mine, theirs = pool.submit(command), pool.submit(other)
        sent = [f for f in (mine.result(), theirs.result()) if not f.superseded]
    assert sent and all(f.card == Reply.text("nb:2") for f in sent)


def test_a_card_that_fails_to_render_in_the_command_leaves_the_command_standing(
    db: Database,
) -> None:
    def broken(session: Session, object_id: int, lang: str, tz: ZoneInfo) -> Reply:
        raise ValueError("a renderer bug")

    cards = Cards(db, {"poll": broken}, OSLO)
    posted.remember(db, "slack", REF, "C1", "1.0")
    with db.transaction() as session:
        session.add(
            PostedMessage(
                object_type="poll", object_id=7, platform="slack", channel_id="C2", message_id="2.0"
            )
        )
        assert cards.prepare(session, REF, "nb", "slack") is None
    with db.reading() as session:
        assert len(posted.listed(session, "slack", REF)) == 2  # the command's change stands
