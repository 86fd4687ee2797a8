"""What a hostile or careless member types into one-line fields and names, on SQLite and
PostgreSQL: a clear answer in their language, or the text stored on one line; never
"something went wrong"."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Conference, Hearing, Member, Network, Poll
from tests.helpers import TestBot


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nb", "Navnet etter «fra» er for langt (220 tegn; høyst 200)"),
        ("nn", "Namnet etter «frå» er for langt (220 teikn; høgst 200)"),
        ("en", "The name after “from” is too long (220 characters; at most 200)"),
    ],
)
def test_a_sender_over_200_characters_is_refused_in_the_members_language(
    any_bot: TestBot, lang: str, said: str
) -> None:
    any_bot.run(f"/partnerbot språk {lang}")
    sender = "Viken fylkeskommune " + "x" * 200
    out = any_bot.run(f'/horing ny "Lang avsender" frist om 20 dager fra "{sender}" mottakere NAV')
    assert said in out and '"Viken fylkeskommune"`' in out, out
    out = any_bot.run(f'/horing endre 1 fra "{sender}"')
    assert said in out, out
    with any_bot.app.db.transaction() as s:
        assert s.scalar(select(Hearing).where(Hearing.title == "Lang avsender")) is None
        assert len(s.scalar(select(Hearing.sender).where(Hearing.id == 1)) or "") <= 200


def test_a_sender_of_200_characters_is_taken(any_bot: TestBot) -> None:
    sender = "V" * 200
    out = any_bot.run(f'/horing ny "Avsender" frist om 20 dager fra "{sender}" mottakere NAV')
    assert "er registrert" in out, out


def test_titles_and_names_with_newlines_and_tabs_are_stored_on_one_line(any_bot: TestBot) -> None:
    messy = "Første\n  linje\tog\r\nandre  "
    for line in (
        f'/horing ny "{messy}" frist om 20 dager mottakere NAV',
        f'/konferanse ny "{messy}" dato 1.6.2027 kl 10',
        f'/mote ny "{messy}" tider tirsdag neste uke 10-12',
        f'/partnerbot nettverk ny "{messy}" organisasjoner NAV',
        f'/partnerbot medlem ny "{messy}" org NAV',
    ):
        out = any_bot.run(line)
        assert "Første linje og andre" in out and "Første\n" not in out, out
    with any_bot.app.db.transaction() as s:
        for model in (Hearing.title, Conference.title, Poll.title, Network.name, Member.name):
            assert s.scalar(select(model).where(model.like("Første%"))) == "Første linje og andre"


@pytest.mark.parametrize(
    ("line", "limit"),
    [
        ('/horing ny "{t}" frist om 20 dager mottakere NAV', 2000),
        ('/konferanse ny "{t}" dato 1.6.2027 kl 10', 500),
        ('/mote ny "{t}" tider tirsdag neste uke 10-12', 200),
        ('/partnerbot nettverk ny "{t}" organisasjoner NAV', 200),
    ],
)
def test_a_title_over_its_limit_is_refused_not_cut(bot: TestBot, line: str, limit: int) -> None:
    out = bot.run(line.format(t="Lang tittel " + "x" * limit))
    assert f"Tittelen er for lang ({limit + 12} tegn; høyst {limit})" in out, out
    with bot.app.db.transaction() as s:
        for model in (Hearing.title, Conference.title, Poll.title, Network.name):
            assert s.scalar(select(model).where(model.like("Lang tittel%"))) is None
    made = bot.run(line.format(t="Lang tittel " + "x" * (limit - 12)))
    assert "x" * (limit - 12) in made and "for lang" not in made, made


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nn", "Tittelen er for lang (212 teikn; høgst 200)"),
        ("en", "The title is too long (212 characters; at most 200)"),
    ],
)
def test_a_title_too_long_is_said_in_the_members_language(
    bot: TestBot, lang: str, said: str
) -> None:
    bot.run(f"/partnerbot språk {lang}")
    out = bot.run('/mote ny "Lang tittel ' + "x" * 200 + '" tider tirsdag neste uke 10-12')
    assert said in out, out
