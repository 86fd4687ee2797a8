"""The words members use for "make a new one" (lag, opprett, create) work in every feature,
as `ny` does: a member who types `/tiltak lag ...` gets the action, not the whole help."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.helpers import TestBot


@pytest.mark.parametrize("word", ["lag", "opprett", "create"])
@pytest.mark.parametrize(
    ("command", "made"),
    [
        ('/tiltak {word} "Kartlegge ladepunkt"', "Tiltak #7 er opprettet"),
        ('/horing {word} "Regional plan" frist 15.09', "Høring #2 «Regional plan» er registrert"),
        ('/mote {word} "Nettverksmøte" tider i morgen 10-12', "har laget møtepoll #2"),
        (
            '/konferanse {word} "Samferdselsseminaret" dato 15. april kl 09-15',
            "Konferanse #2 «Samferdselsseminaret» er lagret som utkast",
        ),
    ],
)
def test_make_words_make_a_new_one(
    bot: TestBot, now: datetime, word: str, command: str, made: str
) -> None:
    assert made in bot.run(command.format(word=word), as_="Ingrid Berg", now=now)


@pytest.mark.parametrize("word", ["registrer", "registrere", "register"])
def test_a_hearing_is_registered(bot: TestBot, now: datetime, word: str) -> None:
    """The bot says a hearing "er registrert"; a new member typed `/horing registrer` and
    got the whole help."""
    out = bot.run(f'/horing {word} "Regional plan" frist 15.09', as_="Ingrid Berg", now=now)
    assert "Høring #2 «Regional plan» er registrert" in out, out


@pytest.mark.parametrize(
    ("command", "done"),
    [
        ("/tiltak fjern 6 bekreft", "er sletta"),
        ("/konferanse påmeld 1", "Du er påmeld «Vestfoldkonferansen"),
        ("/mote avslutt 1 valg 1", "er satt til tirsdag 8. desember"),
        ("/mote steng 1 valg 1", "er satt til tirsdag 8. desember"),
    ],
)
def test_other_words_members_type_for_a_verb(
    bot: TestBot, now: datetime, command: str, done: str
) -> None:
    """Typed by Sigrid Aasen (organiser, nynorsk) in `make run`: each answered the whole
    help of its command. The demo's poll is Vestfold's, closed by Vestfold's organiser (an
    organiser's rights stop at their partnership)."""
    channel = "#vest-telemark" if command.startswith("/tiltak") else "#infrastruktur"
    who = "Marte Lie" if command.startswith("/mote") else "Sigrid Aasen"
    out = bot.run(command, as_=who, channel=channel, now=now)
    assert done in out, out


def test_a_registration_is_cancelled_with_avmeld(bot: TestBot, now: datetime) -> None:
    bot.run("/konferanse meld på 1", as_="Ola Nordmann", now=now)
    out = bot.run("/konferanse avmeld 1", as_="Ola Nordmann", now=now)
    assert out.startswith("Du er meldt av «Vestfoldkonferansen"), out
