"""A note or a goal title that is empty (`""`, only spaces) is answered with that command's
own usage: `/tiltak notat 7 ""` was told how to set a status, `/tiltak mål ny 4 ""` how to
make an action."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.handlers import test_actions
from tests.handlers.test_actions import new_action
from tests.handlers.test_permissions import dump
from tests.helpers import TestBot

tbot = test_actions.tbot  # the demo at the fixed `now`, as the actions' own tests have it


@pytest.mark.parametrize("empty", ['""', '"   "', "«»", '" \t "'])
@pytest.mark.parametrize(
    ("who", "line", "said"),
    [
        ("Ola Nordmann", "/tiltak notat {n} {e}", "Skriv nummeret og merknaden: `/tiltak notat"),
        ("Marte Lie", "/tiltak mål ny 4 {e}", 'Skriv nummer og tittel: `/tiltak mål ny 5 "'),
    ],
)
def test_an_empty_text_gets_the_commands_own_usage(
    tbot: TestBot, now: datetime, who: str, line: str, said: str, empty: str
) -> None:
    n = new_action(tbot, now, '"Rapport" ansvarlig meg')
    before = dump(tbot)
    out = tbot.run(line.format(n=n, e=empty), as_=who, now=now)
    assert said in out, out
    assert dump(tbot) == before


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nn", "Skriv nummeret og merknaden: `/tiltak notat 12 Søknaden er send til fylket`."),
        ("en", "Give the number and the note: `/tiltak note 12 Application sent to the county`."),
    ],
)
def test_the_usage_is_in_the_members_language(
    tbot: TestBot, now: datetime, lang: str, said: str
) -> None:
    n = new_action(tbot, now, '"Rapport" ansvarlig meg')
    tbot.run(f"/partnerbot språk {lang}", as_="Ola Nordmann", now=now)
    assert said in tbot.run(f'/tiltak notat {n} ""', as_="Ola Nordmann", now=now)
