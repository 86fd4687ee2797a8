"""The database stops answering just after Teams took a channel post (a poll's card): the
card is posted once, and the next vote updates it, as Slack's post is found again by its
metadata. Handing the error to the inbox worker made it deliver the stored answer again
after the lease: a second card, and the first one never updated (its id was lost)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from storage import inbox
from storage.models import InboxRequest, Poll
from tests.adapters.slack.process import wait_until
from tests.adapters.teams.harness import TeamsHarness, teams_bot
from tests.helpers import FlakyDatabase

CHANNEL = "19:infra@thread.tacv2"
INGRID = {"user": "ingrid", "name": "Ingrid Berg"}


class WorkerOutage(FlakyDatabase):
    """Down for the inbox worker's next ``failures`` transactions (and writes), once armed:
    the dispatcher's ticks and the test's own reads go on."""

    failures = 0
    _lock = threading.Lock()

    def stop_for_worker(self, failures: int) -> None:
        self.failures = failures

    def _begin(self) -> None:
        with self._lock:
            if self.failures and threading.current_thread().name.startswith("inbox-"):
                self.failures -= 1
                self.down = True
            else:
                self.down = False
        super()._begin()

    def writing(self):  # type: ignore[no-untyped-def, override]
        self._begin()
        return super().writing()


@pytest.fixture(scope="module")
def teams(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TeamsHarness]:
    path = tmp_path_factory.mktemp("teams-posted-db")
    # A short lease: an answer handed back to the worker would come again within the test.
    with teams_bot(path, database=WorkerOutage, PARTNERBOT_INBOX_LEASE_SECONDS="1") as harness:
        harness.say_in_channel("partnerbot koble nettverk infrastruktur", **INGRID)
        harness.fake.wait_for("send", lambda c: c.conversation == CHANNEL and "koblet" in c.text)
        harness.say("partnerbot medlem ny aad-liv nettverk infrastruktur", **INGRID)
        harness.fake.wait_for("send", lambda c: "aad-liv er lagt til" in c.text)
        yield harness


def all_done(teams: TeamsHarness) -> bool:
    with teams.db.transaction() as s:
        states = s.scalars(select(InboxRequest.state).where(InboxRequest.platform == "teams"))
        return all(state == inbox.DONE for state in states)


# 1: the card's id is not written; 3: nor are the other cards updated after it
@pytest.mark.parametrize("failures", [1, 3])
def test_a_card_posted_before_the_database_stopped_is_posted_once_and_updated(
    teams: TeamsHarness, failures: int
) -> None:
    db = teams.db
    assert isinstance(db, WorkerOutage)
    title = f"Møtepoll i eit databasebrot {failures}"
    day = (datetime.now(ZoneInfo("Europe/Oslo")) + timedelta(days=10)).strftime("%d.%m.%Y")
    teams.fake.before_answer(
        "send",
        lambda c: c.conversation == CHANNEL and title in c.text,
        lambda: db.stop_for_worker(failures),
    )
    teams.say_in_channel(f'mote ny "{title}" tider {day} kl 10-12', **INGRID)
    card = teams.fake.wait_for("send", lambda c: c.conversation == CHANNEL and title in c.text)
    wait_until(lambda: all_done(teams), what="the command's inbox row to be done")
    with teams.db.transaction() as s:
        poll = s.scalar(select(Poll.id).where(Poll.title == title))
    teams.say_in_channel(f"mote svar {poll} ja", user="liv", name="Liv Lie")
    updated = teams.fake.wait_for("update", lambda c: c.activity_id == card.activity_id)
    assert "ja 1" in updated.text, updated.text
    wait_until(lambda: all_done(teams), what="the vote's inbox row to be done")
    cards = [c for c in teams.fake.sent("send") if c.conversation == CHANNEL and title in c.text]
    assert len(cards) == 1, [c.activity_id for c in cards]
