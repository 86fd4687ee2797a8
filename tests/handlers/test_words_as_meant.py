"""Words a member types that the word-order and date rules took for something else: a
programme that says "påmelding", an agenda ending "option 2", "jeg kommer ikke 1", a
December date typed in January, "førstkommende fredag", a field typed as the verb, a
number in Arabic-Indic digits. Each is read as the member meant it, or answered with
what to type, and nothing is saved wrongly."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from storage.models import Action, Conference, Meeting, Registration
from tests.handlers.test_permissions import dump
from tests.helpers import TestBot

JAN_2 = datetime(2027, 1, 2, 9, 0, tzinfo=UTC)  # Saturday 10:00 in Oslo
DEC_31 = datetime(2026, 12, 31, 9, 0, tzinfo=UTC)  # Thursday
DEC_2 = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)  # Wednesday


def _due(bot: TestBot, number: int) -> str | None:
    with bot.app.db.transaction() as s:
        action = s.scalar(select(Action).where(Action.id == number))
        return None if action is None or action.due_date is None else action.due_date.isoformat()


# -- "påmelding" in a programme (review 32, 1b) ------------------------------------------


def _deadline(bot: TestBot, number: int) -> datetime | None:
    with bot.app.db.transaction() as s:
        return s.scalar(select(Conference.registration_deadline).where(Conference.id == number))


def _programme(bot: TestBot, number: int) -> str | None:
    with bot.app.db.transaction() as s:
        return s.scalar(select(Conference.programme).where(Conference.id == number))


@pytest.mark.parametrize(
    "programme",
    ["08:30 Påmelding og kaffe, 09:00 Åpning", "Registrering, påmelding til workshops og kaffe"],
)
def test_a_programme_that_says_pamelding_is_saved_as_typed(
    bot: TestBot, now: datetime, programme: str
) -> None:
    """It was refused: "Jeg forstod ikke påmeldingsfristen: … «og kaffe, 09:00 Åpning»"."""
    out = bot.run(f"/konferanse endre 1 program {programme}", as_="Ingrid Berg", now=now)
    assert "påmeldingsfristen" not in out, out
    assert _programme(bot, 1) == programme


@pytest.mark.parametrize(
    "programme",
    ["09:00 Åpning, 11:00 Paneldebatt om påmelding i morgen", "Kaffe og påmelding 08:30"],
)
def test_pamelding_before_a_time_or_a_word_for_a_day_stays_in_the_programme(
    bot: TestBot, now: datetime, programme: str
) -> None:
    """Only a calendar date makes a bare "påmelding" the deadline: "påmelding i morgen" in a
    programme moved a March conference's registration deadline to tomorrow (review 32)."""
    deadline = _deadline(bot, 1)
    out = bot.run(f"/konferanse endre 1 program {programme}", as_="Ingrid Berg", now=now)
    assert _programme(bot, 1) == programme, out
    assert _deadline(bot, 1) == deadline


def test_an_english_programme_that_says_registration_closes(bot: TestBot, now: datetime) -> None:
    programme = "08:30 Registration closes at 09:00, then opening"
    bot.run("/partnerbot language en", as_="Ingrid Berg", now=now)
    bot.run(f"/konferanse edit 1 programme {programme}", as_="Ingrid Berg", now=now)
    assert _programme(bot, 1) == programme


def test_pamelding_with_a_date_is_still_the_deadline(bot: TestBot, now: datetime) -> None:
    out = bot.run(
        '/konferanse ny "Høstsamling" dato 4. mars 2027 program Velkomst påmelding 15. februar 2027',
        as_="Ingrid Berg",
        now=now,
    )
    assert "Påmeldingsfrist  mandag 15. februar 2027 kl 23:59" in out, out


def test_pamelding_after_the_number_registers_with_the_note(bot: TestBot, now: datetime) -> None:
    """`/konferanse 1 påmelding merknad glutenfri` was answered about the deadline."""
    out = bot.run("/konferanse 1 påmelding merknad glutenfri", as_="Kari Nordmann", now=now)
    assert "påmeldingsfristen" not in out, out
    with bot.app.db.transaction() as s:
        notes = s.scalars(select(Registration.note).where(Registration.conference_id == 1))
        assert "glutenfri" in list(notes), out


# -- "option 2" at the end of an agenda (review 32, 3) -----------------------------------


def _agenda(bot: TestBot, poll: int) -> str | None:
    with bot.app.db.transaction() as s:
        return s.scalar(select(Meeting.agenda).where(Meeting.poll_id == poll))


def test_an_agenda_ending_option_2_keeps_the_slot_typed(bot: TestBot, now: datetime) -> None:
    """The meeting was set at slot 2 (agenda "Discuss"), or the slot typed was refused."""
    out = bot.run("/mote close 1 1 agenda Discuss option 2", as_="Ingrid Berg", now=now)
    assert "(tidspunkt 1 i møtepoll #1)" in out, out
    assert _agenda(bot, 1) == "Discuss option 2"


def test_pick_right_after_the_number_still_chooses(bot: TestBot, now: datetime) -> None:
    out = bot.run("/mote close 1 pick 2 agenda We pick option 1", as_="Ingrid Berg", now=now)
    assert "(tidspunkt 2 i møtepoll #1)" in out, out
    assert _agenda(bot, 1) == "We pick option 1"


def test_option_after_a_place_still_chooses(bot: TestBot, now: datetime) -> None:
    """Only an agenda or a time typed makes "option 2" words of a text: after a place it
    picks the time, as before."""
    out = bot.run("/mote close 1 place Town hall option 2", as_="Ingrid Berg", now=now)
    assert "(tidspunkt 2 i møtepoll #1)" in out and "Sted: Town hall\n" in out, out


# -- "jeg kommer ikke 1" (review 32, 4) --------------------------------------------------


@pytest.mark.parametrize(
    ("line", "as_", "channel"),
    [
        ("/konferanse jeg kommer ikke 1", "Ola Nordmann", "#infrastruktur"),
        ("/konferanse eg kjem ikkje 1", "Tone Haugen", "#vest-telemark"),
        ("/konferanse i'm not coming 1", "Jon Bakke", "#infrastruktur"),
        ("/konferanse not attending 1", "Jon Bakke", "#infrastruktur"),
    ],
)
def test_i_am_not_coming_is_a_no(
    bot: TestBot, now: datetime, line: str, as_: str, channel: str
) -> None:
    """It hit the yes verb: "«ikke» er ikke et gyldig nummer"."""
    bot.run("/konferanse ja 1", as_=as_, channel=channel, now=now)
    out = bot.run(line, as_=as_, channel=channel, now=now)
    assert "nummer" not in out and "number" not in out, out
    shown = bot.run("/konferanse meld på 1", as_=as_, channel=channel, now=now)
    assert "allerede" not in shown and "alt " not in shown and "already" not in shown, shown


# -- dates around New Year (review 32, 2) ------------------------------------------------


def test_a_december_date_typed_on_2_january_is_pointed_out(bot: TestBot) -> None:
    """«28. desember» on 2 January was saved as 28.12.2027 without a word."""
    out = bot.run(
        '/tiltak ny "Rekneskap" mål 3 frist 28. desember',
        as_="Sigrid Aasen",
        channel="#vest-telemark",
        now=JAN_2,
    )
    # The note names the date that passed: last year's, not "this year's" (review 32).
    assert (
        "«28. desember» er lese som tysdag 28. desember 2027: måndag 28. desember 2026 er alt "
        "passert." in out
    ), out
    assert _due(bot, 7) == "2027-12-28"


def test_a_weekday_with_a_december_date_on_2_january_is_refused_as_past(bot: TestBot) -> None:
    """It answered "28. desember 2027 er en tirsdag, ikke en mandag"."""
    out = bot.run(
        '/tiltak ny "Rekneskap" mål 3 frist måndag 28. desember',
        as_="Sigrid Aasen",
        channel="#vest-telemark",
        now=JAN_2,
    )
    assert "Fristen 28.12.2026 er alt passert." in out, out
    assert _due(bot, 7) is None


def test_a_date_just_gone_on_31_december_is_pointed_out(bot: TestBot) -> None:
    out = bot.run(
        '/tiltak ny "Rekneskap" mål 3 frist 1.12',
        as_="Sigrid Aasen",
        channel="#vest-telemark",
        now=DEC_31,
    )
    assert "er lese som onsdag 1. desember 2027: tysdag 1. desember 2026 er alt passert." in out, (
        out
    )


# -- "førstkommende fredag" (review 32, 6) -----------------------------------------------


@pytest.mark.parametrize("word", ["førstkommende", "kommende"])
def test_first_coming_friday_has_no_note(bot: TestBot, word: str) -> None:
    """It said «førstkommende fredag» is this week's, "for the week after, type …"."""
    out = bot.run(f'/tiltak ny "Rapport" mål 1 frist {word} fredag', as_="Ingrid Berg", now=DEC_2)
    assert "frist: 04.12.2026" in out, out
    assert "denne uka" not in out, out


def test_coming_friday_in_english_has_no_note(bot: TestBot) -> None:
    out = bot.run('/tiltak new "Report" goal 1 deadline coming Friday', as_="Jon Bakke", now=DEC_2)
    assert "this week" not in out, out


# -- a field typed as the verb (review 32, 8) --------------------------------------------


@pytest.mark.parametrize(
    ("line", "as_", "channel", "said"),
    [
        (
            "/konferanse sted 1 Oslo",
            "Ingrid Berg",
            "#infrastruktur",
            "Mente du `/konferanse endre 1 sted Oslo`? Ingenting er lagret.",
        ),
        (
            "/horing 1 fra Viken fylkeskommune",
            "Ingrid Berg",
            "#infrastruktur",
            "Mente du `/horing endre 1 fra Viken fylkeskommune`? Ingenting er lagret.",
        ),
        (
            "/horing 1 nettverk utenforskap",
            "Ingrid Berg",
            "#infrastruktur",
            "Mente du `/horing endre 1 nettverk utenforskap`? Ingenting er lagret.",
        ),
        (
            "/tiltak 6 mål 2",
            "Sigrid Aasen",
            "#vest-telemark",
            "Meinte du `/tiltak endre 6 mål 2`? Ingenting er lagra.",
        ),
        (
            '/mote 1 place "Town hall"',
            "Jon Bakke",
            "#infrastruktur",
            'Did you mean `/mote edit 1 place "Town hall"`? Nothing was saved.',
        ),
    ],
)
def test_a_field_typed_as_the_verb_is_answered_with_the_command(
    bot: TestBot, now: datetime, line: str, as_: str, channel: str, said: str
) -> None:
    """`/konferanse sted 1 Oslo` moved the conference and told everyone who had answered."""
    before = dump(bot)
    out = bot.run(line, as_=as_, channel=channel, now=now)
    assert out == said, out
    assert dump(bot) == before


def test_a_verb_typed_after_the_number_still_runs(bot: TestBot, now: datetime) -> None:
    out = bot.run("/tiltak 6 ferdig", as_="Sigrid Aasen", channel="#vest-telemark", now=now)
    assert "Tiltak #6" in out and "Meinte" not in out, out


# -- which digits are a number (review 32, 12) -------------------------------------------


@pytest.mark.parametrize("digit", ["٦", "６"])
def test_a_number_in_other_digits_is_not_an_item(bot: TestBot, now: datetime, digit: str) -> None:
    """`/tiltak ٦ ferdig` was read as action number «٦»: "er ikkje eit gyldig nummer"."""
    before = dump(bot)
    out = bot.run(f"/tiltak {digit} ferdig", as_="Sigrid Aasen", channel="#vest-telemark", now=now)
    assert "gyldig nummer" not in out and f"«{digit}»" in out, out
    assert dump(bot) == before
