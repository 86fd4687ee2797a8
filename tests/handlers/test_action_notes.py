"""A progress note (`/tiltak notat N <text>`): the answer shows the note that was saved,
and the note is kept as the member typed it, quotes and all."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from storage.models import ActionUpdate
from tests.helpers import TestBot

VT = "#vest-telemark"


def saved_notes(bot: TestBot, number: int) -> list[str | None]:
    with bot.app.db.transaction() as s:
        return list(
            s.scalars(
                select(ActionUpdate.note)
                .where(ActionUpdate.action_id == number)
                .order_by(ActionUpdate.id)
            )
        )


@pytest.mark.parametrize(
    ("verb", "member", "channel", "echo"),
    [
        ("notat", "Tone Haugen", VT, "Merknad lagra: «{note}»"),
        ("kommentar", "Tone Haugen", VT, "Merknad lagra: «{note}»"),
        ("merknad", "Ingrid Berg", "#infrastruktur", "Merknad lagret: «{note}»"),
        ("note", "Jon Bakke", "#infrastruktur", "Note saved: “{note}”"),
    ],
)
def test_the_answer_echoes_the_note_that_was_saved(
    bot: TestBot, now: datetime, verb: str, member: str, channel: str, echo: str
) -> None:
    """The answer was only the action's line («Tiltak #5 …: pågår (40 %) …»): the member
    could not see what had been recorded."""
    bot.run('/tiltak ny "Sjekke dekning" ansvarleg meg', as_=member, channel=channel, now=now)
    note = "Har snakka med Tokke og Vinje om dekninga"
    out = bot.run(f"/tiltak {verb} 7 {note}", as_=member, channel=channel, now=now)
    assert out.splitlines()[0].startswith(("Tiltak #7", "Action #7")), out
    assert echo.format(note=note) in out.splitlines(), out
    assert saved_notes(bot, 7)[-1] == note


@pytest.mark.parametrize(
    "note",
    [
        'Rådet sa "ja" til planen',
        "Rådet sa «ja» til planen",
        'Rådet sa "ja til planen',  # one quote, never closed
        '"Ja" frå rådet',
        'Rådet sa   "ja"',
        'Rådet sa "ja  takk" til planen',  # two spaces inside the quotes
    ],
)
def test_quotes_typed_inside_a_note_are_kept(bot: TestBot, now: datetime, note: str) -> None:
    """`/tiltak notat 1 Rådet sa "ja" til planen` saved «Rådet sa ja til planen"."""
    out = bot.run(f"/tiltak notat 5 {note}", as_="Tone Haugen", channel=VT, now=now)
    kept = " ".join(note.split())  # the rest of the line, on one line
    assert f"Merknad lagra: «{kept}»" in out.splitlines(), out
    assert saved_notes(bot, 5)[-1] == kept
    shown = bot.run("/tiltak vis 5", as_="Tone Haugen", channel=VT, now=now)
    assert f"«{kept}»" in shown, shown


def test_a_very_long_note_is_saved_whole_and_cut_in_the_answer(bot: TestBot, now: datetime) -> None:
    note = "Kommunane har svara. " * 40  # 840 characters
    out = bot.run(f"/tiltak notat 5 {note}", as_="Tone Haugen", channel=VT, now=now)
    assert saved_notes(bot, 5)[-1] == note.strip()
    echoed = next(line for line in out.splitlines() if line.startswith("Merknad lagra: «"))
    assert len(echoed) < 400 and "…" in echoed, echoed
    assert "Heile merknaden står i `/tiltak vis 5`." in out, out


def test_a_note_beside_a_new_status_is_echoed_too(bot: TestBot, now: datetime) -> None:
    out = bot.run(
        '/tiltak status 5 pågår "Sendt til fylket" framdrift 50%',
        as_="Tone Haugen",
        channel=VT,
        now=now,
    )
    assert "Merknad lagra: «Sendt til fylket»" in out.splitlines(), out
    assert saved_notes(bot, 5)[-1] == "Sendt til fylket"


def test_a_status_change_without_a_note_says_nothing_of_one(bot: TestBot, now: datetime) -> None:
    out = bot.run("/tiltak framdrift 5 60", as_="Tone Haugen", channel=VT, now=now)
    assert "Merknad" not in out, out


# -- the hint under a new action fits the status it was made with ----------------------

NEW = '/tiltak ny "Sjekke dekning" ansvarleg meg'


@pytest.mark.parametrize(
    ("member", "channel", "status", "hint", "not_hint"),
    [
        (
            "Tone Haugen",
            VT,
            "status i gang",
            "Skriv framdrifta med `/tiltak framdrift 7 50` og ein merknad med "
            "`/tiltak notat 7 <tekst>`.",
            "/tiltak status 7 pågår",
        ),
        (
            "Ingrid Berg",
            "#infrastruktur",
            "status pågår fremdrift 60%",
            "Oppdater fremdriften med `/tiltak fremdrift 7 70` og skriv en merknad med "
            "`/tiltak notat 7 <tekst>`.",
            "/tiltak status 7 pågår",
        ),
        (
            "Jon Bakke",
            "#infrastruktur",
            "status ongoing",
            "Update the progress with `/tiltak progress 7 50` and add a note with "
            "`/tiltak note 7 <text>`.",
            "/tiltak status 7 ongoing",
        ),
        (  # nearly there: the next step is done, not a progress of 100 %
            "Ingrid Berg",
            "#infrastruktur",
            "status pågår fremdrift 95%",
            "Når det er i mål: `/tiltak ferdig 7`. Skriv en merknad med `/tiltak notat 7 <tekst>`.",
            "fremdrift 7 100",
        ),
        (
            "Tone Haugen",
            VT,
            "status ferdig",
            "Skriv ein merknad om korleis det gjekk med `/tiltak notat 7 <tekst>`.",
            "/tiltak framdrift",
        ),
        (
            "Tone Haugen",
            VT,
            "status utsett",
            "Når arbeidet held fram: `/tiltak status 7 pågår`; kvifor det er utsett: "
            "`/tiltak notat 7 <tekst>`.",
            "/tiltak framdrift",
        ),
        (
            "Jon Bakke",
            "#infrastruktur",
            "status cancelled",
            "Add a note on why with `/tiltak note 7 <text>`.",
            "/tiltak status 7",
        ),
    ],
)
def test_the_hint_under_a_new_action_fits_its_status(
    bot: TestBot, now: datetime, member: str, channel: str, status: str, hint: str, not_hint: str
) -> None:
    """`/tiltak ny ... status i gang` still said «Oppdater med `/tiltak status 7 pågår`»."""
    out = bot.run(f"{NEW} {status}", as_=member, channel=channel, now=now)
    assert hint in out.splitlines(), out
    assert not_hint not in out, out


@pytest.mark.parametrize(
    ("member", "channel", "hint"),
    [
        ("Tone Haugen", VT, "Oppdater med `/tiltak status 7 pågår`."),
        ("Ingrid Berg", "#infrastruktur", "Oppdater med `/tiltak status 7 pågår`."),
        ("Jon Bakke", "#infrastruktur", "Update it with `/tiltak status 7 ongoing`."),
    ],
)
def test_a_new_planned_action_is_still_pointed_to_its_status(
    bot: TestBot, now: datetime, member: str, channel: str, hint: str
) -> None:
    out = bot.run(NEW, as_=member, channel=channel, now=now)
    assert hint in out.splitlines(), out


def test_a_note_typed_wholly_in_quotes_is_saved_without_them(bot: TestBot, now: datetime) -> None:
    """Other commands take a note in quotes (`/tiltak ferdig 7 "Rapport levert"`): typed so
    after notat too, the quotes are the grammar's, not the member's words."""
    out = bot.run('/tiltak notat 5 "Søknaden er send"', as_="Tone Haugen", channel=VT, now=now)
    assert "Merknad lagra: «Søknaden er send»" in out.splitlines(), out
    assert saved_notes(bot, 5)[-1] == "Søknaden er send"
