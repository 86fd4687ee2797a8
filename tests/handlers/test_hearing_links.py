"""A hearing's link (and the link to an answer) is a web address, or it is refused with what
to type: `lenke javascript:alert(1)` was stored and put in the calendar feed as the event's
URL, `lenke se vedlegget` shown as the link."""

from __future__ import annotations

import pytest

from tests.handlers.test_permissions import dump
from tests.helpers import TestBot

BAD = [
    "javascript:alert(1)",
    "se vedlegget",
    ",",
    "ftp://filer.example.no/a.pdf",
    "data:text/html,x",
]


@pytest.mark.parametrize("link", BAD)
@pytest.mark.parametrize(
    "line",
    [
        '/horing ny "Lenke" frist om 20 dager mottakere NAV lenke "{link}"',
        '/horing endre 1 lenke "{link}"',
        '/horing svart 1 Tønsberg kommune lenke "{link}"',
    ],
)
def test_a_link_that_is_no_web_address_is_refused(bot: TestBot, line: str, link: str) -> None:
    before = dump(bot)
    out = bot.run(line.format(link=link))
    assert f"«{link}» ser ikke ut som en lenke. Skriv hele adressen, for eksempel" in out, out
    assert dump(bot) == before


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nn", "«se vedlegget» ser ikkje ut som ei lenkje. Skriv heile adressa, til dømes `lenkje"),
        (
            "en",
            "“se vedlegget” does not look like a link. Type the whole address, for example `link",
        ),
    ],
)
def test_the_refusal_is_in_the_members_language(bot: TestBot, lang: str, said: str) -> None:
    bot.run(f"/partnerbot språk {lang}")
    assert said in bot.run('/horing endre 1 lenke "se vedlegget"')


@pytest.mark.parametrize(
    ("link", "kept"),
    [
        ("https://www.regjeringen.no/høring", "https://www.regjeringen.no/høring"),
        ("http://example.org/a?b=c", "http://example.org/a?b=c"),
        ("www.vestfold.no/x", "https://www.vestfold.no/x"),  # a calendar needs the scheme
    ],
)
def test_a_web_address_is_taken(bot: TestBot, link: str, kept: str) -> None:
    out = bot.run(f"/horing endre 1 lenke {link}")
    assert f"Lenke        {kept}" in out, out
