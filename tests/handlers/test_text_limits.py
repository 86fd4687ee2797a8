"""One rule for a member's text over its limit, on creation and on edits alike: it is
refused with its length and the limit in the member's language, never cut without a word;
a title (a place, a reason) is stored on one line whichever command set it."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from sqlalchemy import select

from storage.models import Action, Conference, Hearing, Poll, Registration
from tests.handlers.test_conferences import announced
from tests.handlers.test_polls import NEW
from tests.handlers.test_polls import create as create_poll
from tests.helpers import TestBot

MESSY = "Første\n  linje\tog\r\nandre  "


def _made(out: str, what: str) -> int:
    found = re.search(rf"{what} #(\d+)", out)
    assert found, out
    return int(found.group(1))


def _hearing(bot: TestBot) -> int:
    return _made(bot.run('/horing ny "Kort" frist om 20 dager mottakere NAV'), "Høring")


def _conference(bot: TestBot) -> int:
    return _made(bot.run('/konferanse ny "Kort" dato 1.6.2027 kl 10'), "Konferanse")


def _action(bot: TestBot) -> int:
    return _made(bot.run('/tiltak ny "Kort"'), "Tiltak")


def test_a_hearing_title_too_long_is_refused_on_edit_too(bot: TestBot) -> None:
    n = _hearing(bot)
    for line in (f'/horing endre {n} "{"x" * 2001}"', f'/horing endre {n} tittel "{"x" * 2001}"'):
        out = bot.run(line)
        assert "Tittelen er for lang (2001 tegn; høyst 2000)" in out, out
    with bot.app.db.transaction() as s:
        assert s.scalar(select(Hearing.title).where(Hearing.id == n)) == "Kort"


def test_a_conference_title_too_long_is_refused_on_edit_too(bot: TestBot) -> None:
    n = _conference(bot)
    out = bot.run(f'/konferanse endre {n} "{"x" * 501}"')
    assert "Tittelen er for lang (501 tegn; høyst 500)" in out, out
    with bot.app.db.transaction() as s:
        assert s.scalar(select(Conference.title).where(Conference.id == n)) == "Kort"


def test_an_action_title_too_long_says_its_length_like_the_others(bot: TestBot) -> None:
    out = bot.run(f'/tiltak ny "{"x" * 1001}"')
    assert "Tittelen er for lang (1001 tegn; høyst 1000)" in out, out
    n = _action(bot)
    out = bot.run(f'/tiltak endre {n} tittel "{"x" * 1001}"')
    assert "Tittelen er for lang (1001 tegn; høyst 1000)" in out, out
    with bot.app.db.transaction() as s:
        assert s.scalar(select(Action.title).where(Action.id == n)) == "Kort"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nn", "Tittelen er for lang (501 teikn; høgst 500)"),
        ("en", "The title is too long (501 characters; at most 500)"),
    ],
)
def test_an_edit_too_long_is_said_in_the_members_language(
    bot: TestBot, lang: str, said: str
) -> None:
    n = _conference(bot)
    bot.run(f"/partnerbot språk {lang}")
    out = bot.run(f'/konferanse endre {n} "{"x" * 501}"')
    assert said in out, out


def test_titles_set_by_an_edit_are_stored_on_one_line(bot: TestBot) -> None:
    hearing, conference, action = _hearing(bot), _conference(bot), _action(bot)
    for line in (
        f'/horing endre {hearing} "{MESSY}"',
        f'/konferanse endre {conference} "{MESSY}"',
        f'/tiltak endre {action} tittel "{MESSY}"',
    ):
        out = bot.run(line)
        assert "Første linje og andre" in out and "Første\n" not in out, out
    with bot.app.db.transaction() as s:
        assert s.scalar(select(Hearing.title).where(Hearing.id == hearing)) == (
            "Første linje og andre"
        )
        assert s.scalar(select(Conference.title).where(Conference.id == conference)) == (
            "Første linje og andre"
        )
        assert s.scalar(select(Action.title).where(Action.id == action)) == (
            "Første linje og andre"
        )


@pytest.mark.parametrize("verb", ["ny", "endre"])
def test_a_conference_place_too_long_is_refused_and_kept_on_one_line(
    bot: TestBot, verb: str
) -> None:
    n = _conference(bot)
    target = '"Ny"' if verb == "ny" else str(n)
    date = " dato 1.6.2027 kl 10" if verb == "ny" else ""
    out = bot.run(f'/konferanse {verb} {target}{date} sted "{"x" * 2001}"')
    assert "Teksten etter «sted» er for lang (2001 tegn; høyst 2000)" in out, out
    out = bot.run(f'/konferanse endre {n} sted "{MESSY}"')
    with bot.app.db.transaction() as s:
        assert s.scalar(select(Conference.place).where(Conference.id == n)) == (
            "Første linje og andre"
        ), out


def test_a_call_off_reason_too_long_is_refused_and_the_conference_stands(bot: TestBot) -> None:
    n = _conference(bot)
    out = bot.run(f'/konferanse avlys {n} "{"x" * 501}"')
    assert "Grunnen er for lang (501 tegn; høyst 500)" in out, out
    with bot.app.db.transaction() as s:
        assert s.scalar(select(Conference.state).where(Conference.id == n)) != "cancelled"
    out = bot.run(f'/konferanse avlys {n} "{MESSY}"')
    assert "avlyst" in out.lower(), out


# -- the meetings branch's edits: a poll's place and agenda, a call-off's reason, a note ----


@pytest.mark.parametrize(("keyword", "column"), [("sted", "place"), ("agenda", "agenda")])
def test_a_poll_place_or_agenda_too_long_is_refused_on_edit(
    bot: TestBot, now: datetime, keyword: str, column: str
) -> None:
    poll_id = create_poll(bot, now, NEW, as_="Marte Lie")
    out = bot.run(f'/mote endre {poll_id} {keyword} "{"x" * 2001}"', as_="Marte Lie", now=now)
    assert f"Teksten etter «{keyword}» er for lang (2001 tegn; høyst 2000)" in out, out
    with bot.app.db.transaction() as s:
        assert getattr(s.get(Poll, poll_id), column) != "x" * 2000


def test_a_poll_place_set_by_an_edit_is_stored_on_one_line(bot: TestBot, now: datetime) -> None:
    poll_id = create_poll(bot, now, NEW, as_="Marte Lie")
    out = bot.run(f'/mote endre {poll_id} sted "{MESSY}"', as_="Marte Lie", now=now)
    with bot.app.db.transaction() as s:
        assert s.get(Poll, poll_id).place == "Første linje og andre", out  # type: ignore[union-attr]


def test_a_poll_call_off_reason_too_long_is_refused_and_the_poll_stands(
    bot: TestBot, now: datetime
) -> None:
    poll_id = create_poll(bot, now, NEW, as_="Marte Lie")
    out = bot.run(f'/mote avlys {poll_id} "{"x" * 501}"', as_="Marte Lie", now=now)
    assert "Grunnen er for lang (501 tegn; høyst 500)" in out, out
    with bot.app.db.transaction() as s:
        assert s.get(Poll, poll_id).state != "cancelled"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nb", "Merknaden var 600 tegn; bare de første 500 er lagret."),
        ("nn", "Merknaden var 600 teikn; berre dei første 500 er lagra."),
        ("en", "The note was 600 characters; only the first 500 are saved."),
    ],
)
def test_a_registration_note_too_long_is_cut_and_the_answer_says_so(
    bot: TestBot, now: datetime, lang: str, said: str
) -> None:
    cid = announced(bot, now)
    bot.run(f"/partnerbot språk {lang}", as_="Ola Nordmann", now=now)
    note = "vegetar\n" + "x" * 592
    out = bot.run(f'/konferanse meld på {cid} merknad "{note}"', as_="Ola Nordmann", now=now)
    assert said in out, out
    with bot.app.db.transaction() as s:
        stored = s.scalar(select(Registration.note).where(Registration.conference_id == cid))
    assert stored == ("vegetar " + "x" * 592)[:500]
    out = bot.run(f'/konferanse meld på {cid} merknad "glutenfri"', as_="Ola Nordmann", now=now)
    assert "500" not in out, out
