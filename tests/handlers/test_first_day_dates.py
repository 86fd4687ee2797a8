"""Due dates as a new member types them on their first day (Wednesday 2 December 2026 in
Oslo): a span from today without "om" ("frist 14 dagar"), each read as meant and said."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from storage.models import Action
from tests.helpers import TestBot

TODAY = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)  # Wednesday 10:00 in Oslo


def _due(bot: TestBot, number: int) -> str:
    with bot.app.db.transaction() as s:
        action = s.scalar(select(Action).where(Action.id == number))
        assert action is not None and action.due_date is not None
        return action.due_date.isoformat()


def test_a_span_without_om_is_read_from_today_in_nynorsk(bot: TestBot) -> None:
    """It answered «Eit tal åleine («14») er ikkje ein dato»: the member had typed a unit."""
    out = bot.run(
        '/tiltak ny "Kartleggje ladepunkt" mål 3 frist 14 dagar',
        as_="Sigrid Aasen",
        channel="#vest-telemark",
        now=TODAY,
    )
    assert "Tiltak #7 er oppretta" in out, out
    assert "«14 dagar» er lese som om 14 dagar: onsdag 16. desember 2026." in out, out
    assert _due(bot, 7) == "2026-12-16"


def test_a_span_without_in_is_read_from_today_in_english(bot: TestBot) -> None:
    out = bot.run('/horing new "Regional plan" deadline 2 weeks', as_="Jon Bakke", now=TODAY)
    assert "Hearing #2 “Regional plan” is registered" in out, out
    assert "Wednesday 16 December 2026 at 23:59" in out, out
    assert "I took “2 weeks” to mean in 2 weeks: Wednesday 16 December 2026." in out, out


def test_a_date_just_gone_is_next_years_and_the_answer_says_so(bot: TestBot) -> None:
    """«frist 1. desember» the day after: saved as 1 December 2027 without a word."""
    out = bot.run(
        '/tiltak ny "Budsjettinnspel" mål 3 frist 1. desember',
        as_="Sigrid Aasen",
        channel="#vest-telemark",
        now=TODAY,
    )
    assert "frist: 01.12.2027" in out, out
    assert (
        "«1. desember» er lese som onsdag 1. desember 2027: tysdag 1. desember 2026 er alt "
        "passert." in out
    ), out
    assert _due(bot, 7) == "2027-12-01"


def test_a_date_gone_months_ago_is_next_years_without_a_note(bot: TestBot) -> None:
    """ "15.09" in December is next September, as the README says: nothing to point out."""
    out = bot.run(
        '/tiltak ny "Søknad" frist 15.09', as_="Sigrid Aasen", channel="#vest-telemark", now=TODAY
    )
    assert "frist: 15.09.2027" in out and "neste år" not in out, out


def test_a_weekday_with_a_date_just_gone_is_refused_as_past(bot: TestBot) -> None:
    """«tysdag 1. desember» the day after answered «1. desember 2027 er ein onsdag, ikkje ein
    tysdag»: true, and no help to a member who meant the Tuesday just gone."""
    out = bot.run(
        '/tiltak ny "Budsjettinnspel" frist tysdag 1. desember',
        as_="Sigrid Aasen",
        channel="#vest-telemark",
        now=TODAY,
    )
    assert "Fristen 01.12.2026 er alt passert." in out, out
    assert "Ingen" not in out and "Tiltak #7" not in out, out
    english = bot.run(
        '/tiltak new "Budget input" deadline Tuesday 1 December', as_="Jon Bakke", now=TODAY
    )
    assert "The due date 01.12.2026 has already passed." in english, english


def test_next_weekday_in_this_week_is_said_with_how_to_mean_the_week_after(bot: TestBot) -> None:
    """«neste fredag» on a Wednesday is this week's Friday, and was saved so without a
    word; many mean the Friday of next week."""
    out = bot.run(
        '/tiltak ny "Rapport til rådet" frist neste fredag',
        as_="Sigrid Aasen",
        channel="#vest-telemark",
        now=TODAY,
    )
    assert "frist: 04.12.2026" in out, out
    assert (
        "«neste fredag» er lese som fredag 4. desember 2026, denne veka; "
        "for veka etter, skriv «fredag neste veke»." in out
    ), out


def test_next_weekday_in_english_poll_slots(bot: TestBot) -> None:
    out = bot.run(
        '/mote new "Network meeting" times next Tuesday 10-12, next Thursday 13-15',
        as_="Jon Bakke",
        now=TODAY,
    )
    assert "created meeting poll #2" in out, out
    assert (
        "I took “next Thursday” to mean Thursday 3 December 2026, this week; "
        "for the week after, type “Thursday next week”." in out
    ), out
    assert "“next Tuesday”" not in out, out  # the 8th: next week's, no choice made


def test_a_hearing_deadline_with_a_time_and_no_day_is_refused(bot: TestBot) -> None:
    """`frist kl 12` registered the hearing with a deadline 50 minutes away and no
    reminders, for every organisation of the network: the day had been left out."""
    out = bot.run('/horing ny "Tidsplan" frist kl 12', as_="Ingrid Berg", now=TODAY)
    assert out.startswith(
        "Fristen kunne ikke leses: «kl 12» mangler dag. Skriv for eksempel `frist 15.09`"
    ), out
    assert "Høring #2" not in bot.run("/horing liste", as_="Ingrid Berg", now=TODAY)


def test_a_registration_deadline_with_a_time_and_no_day_is_refused(bot: TestBot) -> None:
    out = bot.run(
        '/konferanse ny "Frokostmøte" dato fredag kl 08-10 påmeldingsfrist kl 12',
        as_="Sigrid Aasen",
        channel="#vest-telemark",
        now=TODAY,
    )
    assert out.startswith("Eg forstod ikkje påmeldingsfristen: «kl 12» manglar dag."), out


def test_an_action_due_with_a_time_and_no_day_is_refused(bot: TestBot) -> None:
    """`frist kl 10` at 10:58 saved tomorrow, said the time was left out, and never that
    the day was one the member had not typed."""
    out = bot.run('/tiltak new "Check" deadline 10:00', as_="Jon Bakke", now=TODAY)
    assert out.startswith("I didn't understand the due date “10:00”: “10:00” has no day."), out
