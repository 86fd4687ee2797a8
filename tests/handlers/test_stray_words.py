"""A word after an item's number that no keyword takes is refused, not dropped: `/horing
endre 2 mottakre NAV frist 20.01` changed the deadline and said nothing of the addressees
it had dropped; `/mote lukk 4 2 stedet Rådhuset` set the meeting without a place. Now the
member is told which word was not understood and what may follow the number, in their
language, and nothing is saved."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.router import Verb
from tests.handlers.test_permissions import dump
from tests.helpers import TestBot

# (the command, with {n} for the item's number and {w} for the stray word)
LINES = [
    "/mote endre {n} {w} sted Larvik",
    '/mote endre {n} "{w}" sted Larvik',
    "/mote lukk {n} 1 {w}",
    "/mote lukk {n} {w} valg 1",
    "/mote lukk {n} 2 valg 1",
    "/horing endre {n} {w} frist om 30 dager",
    '/horing endre {n} "Ny tittel" {w}',
    "/konferanse endre {n} {w} sted Oslo",
    "/konferanse endre {n} 2 plasser 300",
    "/tiltak endre {n} {w} frist om 30 dager",
]


def _made(out: str, what: str) -> int:
    found = re.search(rf"{what} #(\d+)", out)
    assert found, out
    return int(found.group(1))


def _items(bot: TestBot) -> dict[str, int]:
    """One open item of each kind, made by Ingrid Berg (admin) in #infrastruktur."""
    return {
        "mote": _made(
            bot.run('/mote ny "Strøtt" tider tirsdag neste uke 10-12, torsdag neste uke 13-15'),
            "møtepoll",
        ),
        "horing": _made(bot.run('/horing ny "Strøtt" frist om 20 dager mottakere NAV'), "Høring"),
        "konferanse": _made(bot.run('/konferanse ny "Strøtt" dato 1.6.2027 kl 10'), "Konferanse"),
        "tiltak": _made(bot.run('/tiltak ny "Strøtt"'), "Tiltak"),
    }


def _verb(bot: TestBot, line: str) -> Verb:
    group = bot.app.router.find_group(line.split()[0].lstrip("/"))
    assert group is not None
    found = group.find([*group.tokens(line.split(" ", 1)[1])])
    assert found is not None
    return found[0]


def _taken(verb: Verb) -> set[str]:
    """The words the verb reads as its own: the first word of every keyword and flag."""
    phrases = [*verb.keywords.items(), *verb.flags.items()]
    return {alias.split()[0].casefold() for name, aliases in phrases for alias in (name, *aliases)}


WORDS = st.from_regex(r"[a-zæøå]{2,12}", fullmatch=True)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(data=st.data())
def test_a_word_no_keyword_takes_is_refused_and_nothing_is_saved(
    bot: TestBot, data: st.DataObject
) -> None:
    items = getattr(bot, "stray_items", None) or _items(bot)
    bot.stray_items = items  # type: ignore[attr-defined]  # made once for every example
    template = data.draw(st.sampled_from(LINES))
    group = template.split()[0].lstrip("/")
    verb = _verb(bot, template.format(n=items[group], w="x"))
    word = data.draw(WORDS.filter(lambda w: w not in _taken(verb)))
    line = template.format(n=items[group], w=word)
    before = dump(bot)
    out = bot.run(line)
    assert "Ingenting er lagret" in out, f"{line}: {out}"
    assert dump(bot) == before, f"{line} saved something: {out}"


def test_a_misspelt_keyword_after_the_number_is_named_with_the_one_meant(bot: TestBot) -> None:
    number = _items(bot)["horing"]
    before = dump(bot)
    out = bot.run(f"/horing endre {number} mottakre NAV frist om 30 dager")
    assert "Kjenner ikke «mottakre» – mente du `mottakere`?" in out, out
    assert dump(bot) == before


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nb", "Kjenner ikke «Nytt navn». Etter nummeret kommer nøkkelord med verdi:"),
        ("nn", "Kjenner ikkje «Nytt navn». Etter nummeret kjem nøkkelord med verdi:"),
        ("en", "I don't know “Nytt navn”. After the number come keywords with a value:"),
    ],
)
def test_the_answer_names_what_may_follow_the_number_in_the_members_language(
    bot: TestBot, lang: str, said: str
) -> None:
    number = _items(bot)["mote"]
    bot.run(f"/partnerbot språk {lang}")
    out = bot.run(f'/mote endre {number} "Nytt navn" sted Larvik')
    assert said in out, out
    place = {"nb": "`sted`", "nn": "`stad`", "en": "`place`"}[lang]
    assert place in out and "`agenda`" in out, out


def test_the_words_of_a_close_are_listed_once_in_the_members_language(bot: TestBot) -> None:
    """`vel 2` is `valg 2`: listed once, and in English as `choice`."""
    number = _items(bot)["mote"]
    out = bot.run(f"/mote lukk {number} 1 ekstra")
    assert "`valg`, `sted`, `agenda`" in out, out
    bot.run("/partnerbot språk en")
    out = bot.run(f"/mote lukk {number} 1 ekstra")
    assert "`choice`, `place`, `agenda`" in out and "`vel`" not in out, out


def test_a_new_title_and_a_slot_number_are_still_taken(bot: TestBot) -> None:
    items = _items(bot)
    hearing = bot.run(f'/horing endre {items["horing"]} "Ny tittel" frist om 30 dager')
    assert "«Ny tittel» er endret" in hearing, hearing
    conference = bot.run(f'/konferanse endre {items["konferanse"]} "Ny tittel" sted Oslo')
    assert "«Ny tittel» er oppdatert" in conference, conference
    closed = bot.run(f"/mote lukk {items['mote']} 2 sted Larvik")
    assert "tidspunkt 2 i møtepoll" in closed and "Larvik" in closed, closed


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (
            "/horing avslutt {horing} 2",
            "Jeg forstod ikke «2» etter høringsnummeret, så ingenting er endret. "
            "Skriv bare `/horing avslutt {horing}`",
        ),
        (
            "/konferanse kunngjør {konferanse} i morgen",
            "Jeg forstod ikke «i morgen» etter konferansenummeret, så ingenting er endret. "
            "Skriv bare `/konferanse kunngjør {konferanse}`.",
        ),
    ],
)
def test_a_verb_that_takes_one_number_refuses_more(bot: TestBot, line: str, said: str) -> None:
    """`/horing avslutt 1 2` closed hearing 1 and left 2 open without a word; `/konferanse
    kunngjør 2 i morgen` announced it at once."""
    items = _items(bot)
    before = dump(bot)
    out = bot.run(line.format(**items))
    assert said.format(**items) in out, out
    assert dump(bot) == before
