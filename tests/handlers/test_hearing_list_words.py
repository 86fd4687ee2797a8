"""`/horing liste` takes `nettverk` as `/mote liste` and `/tiltak mål` do, and refuses a
word it does not know: `/horing liste nettverk utenforskap` in #infrastruktur listed
infrastruktur's hearings without a word, as did `/horing liste gamle`."""

from __future__ import annotations

import pytest

from tests.helpers import TestBot


def test_a_network_named_lists_that_networks_hearings(bot: TestBot) -> None:
    made = bot.run(
        '/horing ny "Ungdomsgaranti" frist om 20 dager mottakere NAV nettverk utenforskap'
    )
    assert "er registrert i Nettverk for arbeid mot utenforskap" in made, made
    out = bot.run("/horing liste nettverk utenforskap")
    assert "«Ungdomsgaranti»" in out and "Partnerskapsavtale med kommunene" not in out, out
    assert "«Ungdomsgaranti»" not in bot.run("/horing liste")  # the channel's network


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nb", "Jeg forstod ikke «gamle». Skriv `/horing liste`, `liste alle`, `liste side 2`"),
        ("nn", "Eg forstod ikkje «gamle». Skriv `/horing liste`, `liste alle`, `liste side 2`"),
        ("en", "I did not understand “gamle”. Type `/horing list`, `list all`, `list page 2`"),
    ],
)
def test_a_word_the_list_does_not_know_is_refused(bot: TestBot, lang: str, said: str) -> None:
    bot.run(f"/partnerbot språk {lang}")
    out = bot.run("/horing liste gamle")
    assert said in out, out


def test_the_next_page_of_a_named_network_keeps_the_network(bot: TestBot) -> None:
    for n in range(21):
        bot.run(f'/horing ny "Høring {n}" frist om 20 dager mottakere NAV nettverk utenforskap')
    out = bot.run("/horing liste nettverk utenforskap")
    assert "Skriv `/horing liste side 2 nettverk utenforskap` for de neste." in out, out
    page = bot.run("/horing liste side 2 nettverk utenforskap")
    assert "«Høring 20»" in page or "«Høring 0»" in page, page
