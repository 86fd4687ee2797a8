"""Meeting slots typed the way organisers type them: over lines, in English, twice."""

from __future__ import annotations

from datetime import UTC, datetime

import icalendar

from tests.handlers.test_polls import create, poll_row
from tests.helpers import TestBot


def test_slots_over_lines_are_one_slot_a_line(bot: TestBot, now: datetime) -> None:
    # Slack passes a slash command typed over several lines (shift+enter) with its newlines.
    poll_id = create(
        bot,
        now,
        '/mote ny "Samhandlingsmøte" tider\ntorsdag kl 10-12\nfredag kl 13-15\n9.3 kl 9\n'
        "svarfrist onsdag kl 12",
    )
    poll = poll_row(bot, poll_id)
    assert [s.start_at for s in poll.slots] == [
        datetime(2026, 3, 5, 9, 0, tzinfo=UTC),
        datetime(2026, 3, 6, 12, 0, tzinfo=UTC),
        datetime(2026, 3, 9, 8, 0, tzinfo=UTC),
    ]
    assert poll.closes_at == datetime(2026, 3, 4, 11, 0, tzinfo=UTC)


def test_an_agenda_over_lines_keeps_its_lines(bot: TestBot, now: datetime) -> None:
    poll_id = create(
        bot, now, '/mote ny "Møte" tider torsdag kl 10-12 agenda 1. Fv. 308\n2. Eventuelt'
    )
    assert poll_row(bot, poll_id).agenda == "1. Fv. 308\n2. Eventuelt"


def test_the_invitation_names_who_answered_what_for_the_chosen_slot(
    bot: TestBot, now: datetime
) -> None:
    poll_id = create(bot, now, '/mote ny "Samhandlingsmøte" tider torsdag 10-12, fredag 13-15')
    bot.run(f"/mote svar {poll_id} 1:ja 2:nei", as_="Ola Nordmann", now=now)
    bot.run(f"/mote svar {poll_id} 1:kanskje 2:ja", as_="Per Hansen", now=now)
    bot.run(f"/mote svar {poll_id} 1:nei 2:ja", as_="Lise Dahl", now=now)
    bot.run(f"/mote lukk {poll_id} valg 1", as_="Ingrid Berg", now=now)
    assert bot.last is not None
    (event,) = icalendar.Calendar.from_ical(bot.last.files[0].data).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Samhandlingsmøte"
    assert str(event["DESCRIPTION"]).splitlines() == [
        "Ja: Ola Nordmann",
        "Om nødvendig: Per Hansen",
        "Nei: Lise Dahl",
        "Har ikke svart: Ingrid Berg, Jon Bakke, Marte Lie",
    ]
