"""A Vest-Telemark member who writes nynorsk, through the whole tool: the words they type
(`/horing svara`, `status 7 i gang`) work, and the answers teach the nynorsk words."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from storage.models import Action, HearingAddressee, Organisation
from tests.helpers import TestBot

VT = "#vest-telemark"
NEW_HEARING = (
    '/horing ny "Regional plan for samferdsel" frist 15.09 frå "Vestfold og Telemark '
    'fylkeskommune" mottakarar "Tokke kommune, Vinje kommune"'
)


def answered_orgs(bot: TestBot, number: int) -> set[str]:
    with bot.app.db.transaction() as s:
        return set(
            s.scalars(
                select(Organisation.name)
                .join(HearingAddressee, HearingAddressee.organisation_id == Organisation.id)
                .where(HearingAddressee.hearing_id == number)
                .where(HearingAddressee.answered_at.is_not(None))
            )
        )


@pytest.mark.parametrize("words", ["svara", "har svara", "har svart", "Svara"])
def test_a_nynorsk_member_marks_a_hearing_answered_in_their_words(
    bot: TestBot, now: datetime, words: str
) -> None:
    """`/horing svara 2` answered the whole help of /horing: only bokmål `svart` worked."""
    bot.run(NEW_HEARING, as_="Sigrid Aasen", channel=VT, now=now)
    out = bot.run(f"/horing {words} 2", as_="Tone Haugen", channel=VT, now=now)
    assert out.startswith("Registrert: Tokke kommune har svara på høyring #2"), out
    assert answered_orgs(bot, 2) == {"Tokke kommune"}


def test_har_svara_takes_an_organisation_and_a_link(bot: TestBot, now: datetime) -> None:
    bot.run(NEW_HEARING, as_="Sigrid Aasen", channel=VT, now=now)
    out = bot.run(
        "/horing har svara 2 Vinje kommune https://vinje.kommune.no/innspel",
        as_="Sigrid Aasen",
        channel=VT,
        now=now,
    )
    assert out.startswith("Registrert: Vinje kommune har svara"), out
    shown = bot.run("/horing vis 2", as_="Tone Haugen", channel=VT, now=now)
    assert "https://vinje.kommune.no/innspel" in shown


def test_the_nynorsk_hearing_teaches_svara(bot: TestBot, now: datetime) -> None:
    """The hint under a new hearing, its button and the help typed bokmål `svart` in nn."""
    out = bot.run(NEW_HEARING, as_="Sigrid Aasen", channel=VT, now=now)
    assert "`/horing svara 2 <organisasjon> <lenkje til innspelet>`" in out, out
    assert "[Vi har svara: /horing svara 2]" in out, out
    assert "svart" not in out
    help_text = bot.run("/hjelp horing", as_="Tone Haugen", channel=VT, now=now)
    assert "`/horing svara 3 Larvik kommune https://…`" in help_text, help_text
    assert "svart" not in help_text
    bokmal = bot.run(NEW_HEARING, as_="Ingrid Berg", now=now)
    assert "[Vi har svart: /horing svart 3]" in bokmal


def test_a_hearing_number_missing_is_asked_for_with_the_members_verb(
    bot: TestBot, now: datetime
) -> None:
    out = bot.run("/horing svara", as_="Tone Haugen", channel=VT, now=now)
    assert out == (
        "Kva høyring? Skriv nummeret, til dømes `/horing svara 3`. `/horing liste` viser numra."
    )
    en = bot.run("/horing answered", as_="Jon Bakke", now=now)
    assert "`/horing answered 3`" in en, en


def action_status(bot: TestBot, number: int) -> tuple[str, int | None]:
    with bot.app.db.transaction() as s:
        action = s.get(Action, number)
        assert action is not None
        return action.status, action.progress
