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


def test_a_slot_read_as_next_year_is_pointed_out(bot: TestBot, now: datetime) -> None:
    # Typed on Monday 2 March: "1.3" was yesterday, so it is read as 1 March next year.
    poll_id = create(bot, now, '/mote ny "Styremøte" tider 1.3 kl 10, torsdag kl 10')
    text = bot.last.plain() if bot.last else ""
    assert (
        "⚠️ Tidspunkt 2 (mandag 1. mars 2027 kl 10:00) er mer enn ti måneder fram i tid. "
        f"Var det ikke meningen, avlys med `/mote avlys {poll_id}` og lag pollen på nytt."
    ) in text
    assert text.count("⚠️") == 1  # Thursday this week is not pointed out
