"""A no to a conference's invitation is not a withdrawal: `/konferanse vis` tells them apart."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.handlers.test_conferences import announced, statuses
from tests.helpers import TestBot


def test_a_no_shows_as_declined_and_a_withdrawal_as_withdrawn(
    any_bot: TestBot, now: datetime
) -> None:
    """Seen by a tester: Marte answered `/konferanse nei 2`, never registered, and
    `/konferanse vis 2` told her "du har meldt deg av"."""
    cid = announced(any_bot, now)
    assert "du kommer ikke" in any_bot.run(f"/konferanse nei {cid}", as_="Marte Lie", now=now)
    assert "Status: du har takket nei" in any_bot.run(
        f"/konferanse vis {cid}", as_="Marte Lie", now=now
    )
    any_bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=now)
    any_bot.run(f"/konferanse meld av {cid}", as_="Ola Nordmann", now=now)
    assert "Status: du har meldt deg av" in any_bot.run(
        f"/konferanse vis {cid}", as_="Ola Nordmann", now=now
    )
    # a maybe that became a no never held a seat either
    any_bot.run(f"/konferanse kanskje {cid}", as_="Jon Bakke", now=now)
    any_bot.run(f"/konferanse nei {cid}", as_="Jon Bakke", now=now)
    assert "you declined" in any_bot.run(f"/konferanse vis {cid}", as_="Jon Bakke", now=now)
    # a no, then a seat, then giving it back: withdrawn
    later = now + timedelta(hours=1)
    any_bot.run(f"/konferanse nei {cid}", as_="Per Hansen", now=now)
    assert "Du er påmeldt" in any_bot.run(f"/konferanse meld på {cid}", as_="Per Hansen", now=later)
    any_bot.run(f"/konferanse meld av {cid}", as_="Per Hansen", now=later)
    assert "du har meldt deg av" in any_bot.run(
        f"/konferanse vis {cid}", as_="Per Hansen", now=later
    )
    assert statuses(any_bot, cid) == {
        "Marte Lie": "declined",
        "Ola Nordmann": "cancelled",
        "Jon Bakke": "declined",
        "Per Hansen": "cancelled",
    }
    # a second no is answered as one already given
    assert "allerede svart at du ikke kommer" in any_bot.run(
        f"/konferanse nei {cid}", as_="Marte Lie", now=later
    )
    # in the list and for the organiser, both are "not coming"
    assert "du har takket nei" in any_bot.run("/konferanse liste", as_="Marte Lie", now=later)
    listed = any_bot.run(f"/konferanse deltakere {cid}", as_="Kari Nordmann", now=later)
    assert "Kommer ikke (4)" in listed
    assert all(name in listed for name in ("Marte Lie", "Ola Nordmann", "Jon Bakke", "Per Hansen"))


def test_declined_in_nynorsk_and_english(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now)
    bot.run("/partnerbot språk nn", as_="Marte Lie", now=now)
    bot.run(f"/konferanse nei {cid}", as_="Marte Lie", now=now)
    assert "du har takka nei" in bot.run(f"/konferanse vis {cid}", as_="Marte Lie", now=now)
    bot.run("/partnerbot språk en", as_="Per Hansen", now=now)
    bot.run(f"/konferanse no {cid}", as_="Per Hansen", now=now)
    assert "you declined" in bot.run(f"/konferanse vis {cid}", as_="Per Hansen", now=now)


def test_a_no_is_told_nothing_when_it_is_called_off_or_changed(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now)
    bot.run(f"/konferanse nei {cid}", as_="Marte Lie", now=now)
    bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=now)
    bot.dispatch(now)
    bot.run(f'/konferanse endre {cid} sted "Oseberg kulturhus"', as_="Kari Nordmann", now=now)
    assert [d for d, _ in bot.dispatch(now)] == ["Ola Nordmann"]
    bot.run(f"/konferanse avlys {cid} Storm", as_="Kari Nordmann", now=now)
    assert sorted(d for d, _ in bot.dispatch(now)) == ["#infrastruktur", "Ola Nordmann"]
