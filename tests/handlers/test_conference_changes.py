"""A conference changed after people answered it: who is told, what the posted card shows,
and saying no to an invitation."""

from __future__ import annotations

from datetime import datetime

from icalendar import Calendar

from tests.handlers.test_conferences import announced, create, oslo, statuses
from tests.helpers import TestBot


def test_a_new_date_or_place_is_told_to_everyone_who_answered(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now)
    bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=now)
    bot.run(f"/konferanse meld på {cid}", as_="Per Hansen", now=now)
    bot.run(f"/konferanse meld på {cid}", as_="Lise Dahl", now=now)  # waitlisted
    bot.run(f"/konferanse kanskje {cid}", as_="Jon Bakke", now=now)
    bot.run(f"/konferanse meld på {cid}", as_="Marte Lie", now=now)  # waitlisted
    bot.run(f"/konferanse meld av {cid}", as_="Marte Lie", now=now)  # and gone: not told
    bot.dispatch(now)

    text = bot.run(
        f'/konferanse endre {cid} dato 23. april kl 10-15 sted "Oseberg kulturhus"',
        as_="Kari Nordmann",
        now=now,
    )
    assert "oppdatert" in text and "alle som har svart (4) får beskjed" in text
    # The posted invitation shows the new day, with its buttons.
    reply = bot.last
    assert reply is not None and reply.object_ref == ("conference", cid)
    assert reply.card is not None and "torsdag 23. april 2026 kl 10:00–15:00" in reply.card.plain()
    assert "Oseberg kulturhus" in reply.card.plain()

    sent = dict(bot.dispatch(now))
    assert sorted(sent) == ["Jon Bakke", "Lise Dahl", "Ola Nordmann", "Per Hansen"]
    notice = sent["Ola Nordmann"]
    assert "«Vestfoldkonferansen 2026» er endret" in notice
    assert "torsdag 23. april 2026 kl 10:00–15:00" in notice and "Oseberg kulturhus" in notice
    assert "/konferanse ics" in notice and "/konferanse meld av" in notice
    assert "Jon Bakke" in sent and "changed" in sent["Jon Bakke"]  # in his own language
    # The calendar file is a new revision of the same event.
    bot.run(f"/konferanse ics {cid}", as_="Ola Nordmann", now=now)
    assert bot.last is not None
    (event,) = Calendar.from_ical(bot.last.files[0].data).walk("VEVENT")
    assert event.decoded("dtstart") == oslo(2026, 4, 23, 10) and int(event["sequence"]) == 1
    # The day-before note follows the new day.
    assert bot.dispatch(oslo(2026, 4, 15, 12)) == []
    assert sorted(d for d, _ in bot.dispatch(oslo(2026, 4, 22, 12))) == [
        "Ola Nordmann",
        "Per Hansen",
    ]


def test_changing_only_seats_or_theme_sends_no_notice(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now)
    bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=now)
    bot.dispatch(now)
    text = bot.run(f'/konferanse endre {cid} tema "Nytt tema"', as_="Kari Nordmann", now=now)
    assert "oppdatert" in text and "får beskjed" not in text
    assert bot.dispatch(now) == []
    # the same day typed again is no change either
    bot.run(
        f"/konferanse endre {cid} dato torsdag 16. april kl 09-16", as_="Kari Nordmann", now=now
    )
    assert bot.dispatch(now) == []


def test_a_draft_changed_tells_nobody(bot: TestBot, now: datetime) -> None:
    cid = create(bot, now)
    text = bot.run(f"/konferanse endre {cid} dato 23. april kl 10-15", as_="Kari Nordmann", now=now)
    assert "oppdatert" in text and "får beskjed" not in text
    assert bot.dispatch(now) == []
    assert statuses(bot, cid) == {}
