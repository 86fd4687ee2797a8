"""Votes that arrive together on a Teams poll card: the card ends showing every vote, as
Slack's does (bot/cards.py: the last update renders the last committed state), whichever
worker thread sends its update last."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from storage import inbox
from storage.models import InboxRequest, Poll
from tests.adapters.slack.process import wait_until
from tests.adapters.teams.harness import TeamsHarness, teams_bot

CHANNEL = "19:infra@thread.tacv2"
INGRID = {"user": "ingrid", "name": "Ingrid Berg"}
VOTERS = [f"m{n}" for n in range(8)]


@pytest.fixture(scope="module")
def teams(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TeamsHarness]:
    with teams_bot(tmp_path_factory.mktemp("teams-races")) as harness:
        harness.say_in_channel("partnerbot koble nettverk infrastruktur", **INGRID)
        harness.fake.wait_for("send", lambda c: c.conversation == CHANNEL and "koblet" in c.text)
        for user in VOTERS:
            harness.say(f"partnerbot medlem ny aad-{user} nettverk infrastruktur", **INGRID)
            harness.fake.wait_for("send", lambda c, u=user: f"aad-{u} er lagt til" in c.text)
        yield harness


def all_done(teams: TeamsHarness) -> bool:
    with teams.db.transaction() as s:
        states = s.scalars(select(InboxRequest.state).where(InboxRequest.platform == "teams"))
        return all(state == inbox.DONE for state in states)


@pytest.mark.parametrize("round_", range(3))
def test_votes_at_once_leave_the_card_showing_them_all(teams: TeamsHarness, round_: int) -> None:
    title = f"Samtidige svar {round_}"
    day = (datetime.now(ZoneInfo("Europe/Oslo")) + timedelta(days=10)).strftime("%d.%m.%Y")
    teams.say_in_channel(f'mote ny "{title}" tider {day} kl 10-12', **INGRID)
    card = teams.fake.wait_for("send", lambda c: title in c.text and c.conversation == CHANNEL)
    with teams.db.transaction() as s:
        poll = s.scalar(select(Poll.id).where(Poll.title == title))
    press = next(a for a in card.actions() if a["data"]["partnerbot"] == f"/mote svar {poll} 1:ja")
    for user in VOTERS:
        teams.post(teams.fake.click(card, press, user=user, name=user.title()))
    wait_until(lambda: all_done(teams), what="every vote answered", timeout=30)
    updates = [c for c in teams.fake.sent("update") if c.activity_id == card.activity_id]
    counts = [re.findall(r"ja \d+ ·", u.text) for u in updates]
    assert f"ja {len(VOTERS)} ·" in updates[-1].text, counts
