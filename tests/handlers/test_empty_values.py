"""A list keyword whose value names nothing (only commas or semicolons) is refused with what
to type, not taken as an empty list: `/konferanse endre 1 publikum ,` took the announced
conference's audience away (nobody but its organisers could register any more), and a poll's
`inviterte ,` or a network's `organisasjoner ","` were dropped without a word. An edit whose
only change is an empty title changes nothing and says so."""

from __future__ import annotations

import pytest

from tests.handlers.test_permissions import dump
from tests.helpers import TestBot


@pytest.mark.parametrize("empty", [",", ";", '" , ; "', ",,,"])
@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("/konferanse endre 1 publikum {e}", "Skriv `publikum alle`"),
        ('/konferanse ny "Tom" dato 1.6.2027 kl 10 publikum {e}', "Skriv `publikum alle`"),
        ('/mote ny "Inv" tider tirsdag neste uke 10-12 inviterte {e}', "`inviterte NAV, Per"),
        ('/partnerbot nettverk ny "Nytt" organisasjoner {e}', "Finner ikke organisasjonen"),
    ],
)
def test_a_list_that_names_nothing_is_refused_and_nothing_is_saved(
    bot: TestBot, line: str, said: str, empty: str
) -> None:
    before = dump(bot)
    out = bot.run(line.format(e=empty))
    assert said in out, out
    assert dump(bot) == before


def test_the_audience_stays_and_members_can_still_register(bot: TestBot) -> None:
    bot.run("/konferanse endre 1 publikum ,")
    out = bot.run("/konferanse meld på 1", as_="Marte Lie")
    assert "Du er påmeldt «Vestfoldkonferansen" in out, out


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nb", "Hva skal endres? Skriv for eksempel `/konferanse endre 1 plasser 300`."),
        ("nn", "Kva skal endrast? Skriv til dømes `/konferanse endre 1 plassar 300`."),
        ("en", "What should change? Type for example `/konferanse edit 1 seats 300`."),
    ],
)
def test_an_edit_with_only_an_empty_title_asks_what_to_change(
    bot: TestBot, lang: str, said: str
) -> None:
    bot.run(f"/partnerbot språk {lang}")
    before = dump(bot)
    out = bot.run('/konferanse endre 1 ""')
    assert said in out, out
    assert dump(bot) == before
