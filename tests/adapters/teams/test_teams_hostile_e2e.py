"""A hostile or careless member on Teams, over real HTTP against the fake Bot Connector:
names from Teams are user text like any other."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from bot.messages import Button, Buttons, Reply, Text
from storage.models import Account, Member
from tests.adapters.teams.fake_connector import MAX_MESSAGE_BYTES
from tests.adapters.teams.harness import TeamsHarness, teams_bot
from tests.adapters.teams.markdown_view import view

INGRID = {"user": "ingrid", "name": "Ingrid Berg"}


@pytest.fixture(scope="module")
def teams(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TeamsHarness]:
    with teams_bot(tmp_path_factory.mktemp("teams-hostile")) as harness:
        yield harness


def name_of(teams: TeamsHarness, account: str) -> str | None:
    with teams.db.transaction() as s:
        return s.scalar(
            select(Member.name)
            .join(Member.accounts)
            .where(Account.platform == "teams", Account.external_id == account)
        )


def test_the_name_teams_shows_for_a_member_added_by_id_is_cleaned_user_text(
    teams: TeamsHarness,
) -> None:
    teams.say("partnerbot medlem ny aad-eve nettverk infrastruktur", **INGRID)
    teams.fake.wait_for(
        "send", lambda c: c.conversation == "a:personal-ingrid" and "aad-eve" in c.text
    )
    name = "Eva\x00 \u200bNy\ud800\n" + "Å" * 300
    teams.say("partnerbot meg", user="eve", name=name)
    answer = teams.fake.wait_for("send", lambda c: c.conversation == "a:personal-eve")
    assert "Noe gikk galt" not in answer.text, answer.text
    assert name_of(teams, "aad-eve") == ("Eva Ny\ufffd " + "Å" * 300)[:199] + "…"


def test_a_member_added_by_id_whom_teams_names_like_the_admin_is_not_named_as_her(
    teams: TeamsHarness,
) -> None:
    teams.say("partnerbot medlem ny aad-mal nettverk infrastruktur", **INGRID)
    teams.fake.wait_for(
        "send", lambda c: c.conversation == "a:personal-ingrid" and "aad-mal" in c.text
    )
    teams.say("partnerbot meg", user="mal", name="Ingrid  Berg")
    answer = teams.fake.wait_for("send", lambda c: c.conversation == "a:personal-mal")
    assert "Ingrid Berg (teams aad-mal)" in answer.text, answer.text
    assert name_of(teams, "aad-mal") == "Ingrid Berg (teams aad-mal)"


# -- size: Teams refuses a message over about 28 KB ----------------------------------------

# 1,998 characters (a place holds 2,000): a character JSON sends as 12 bytes, markdown
# escaped: 4 bytes more
LONG = "😀\\*" * 666


def test_a_card_with_very_long_member_text_is_cut_to_what_teams_takes(
    teams: TeamsHarness,
) -> None:
    teams.say(
        'konferanse ny "Stor" dato 1.6.2027 kl 10 publikum "Nettverk for infrastruktur"', **INGRID
    )
    made = teams.fake.wait_for(
        "send", lambda c: c.conversation == "a:personal-ingrid" and "«Stor»" in c.text
    )
    number = made.text.split("#", 1)[1].split()[0]
    for word in ("sted", "tema", "program"):
        teams.say(f'konferanse endre {number} {word} "{LONG}"', **INGRID)
    teams.say(f"konferanse vis {number}", **INGRID)
    shown = teams.fake.wait_for(
        "send",
        lambda c: c.conversation == "a:personal-ingrid" and "for lang for Teams" in c.text,
        ok=False,
    )
    assert shown.status < 300, [(c.kind, c.status) for c in teams.fake.calls]
    assert len(json.dumps(shown.body).encode()) <= MAX_MESSAGE_BYTES
    assert "😀" in shown.text and "Stor" in shown.text


@pytest.mark.parametrize(
    ("label", "count", "dropped"),
    [("Svar", 120, True), ("😀" * 1500, 12, False)],  # many buttons; a few long labels
)
def test_a_card_whose_buttons_alone_are_too_big_keeps_its_text_and_says_buttons_are_left_out(
    teams: TeamsHarness, label: str, count: int, dropped: bool
) -> None:
    teams.say("partnerbot meg", **INGRID)  # the personal chat is known from here on
    teams.fake.wait_for("send", lambda c: c.conversation == "a:personal-ingrid")
    text = f"Møtepoll «{label[:4]}» " + "lang tekst " * 300  # 3,300 characters, one line
    command = "/mote svar 1 1:ja " + "x" * 300
    buttons = Buttons(tuple(Button(label, command) for _ in range(count)))
    teams.bot.poster.post("a:personal-ingrid", Reply(blocks=[Text(text), buttons]))
    sent = teams.fake.wait_for("send", lambda c: text[:20] in c.text, ok=False)
    assert sent.status < 300 and len(json.dumps(sent.body).encode()) <= MAX_MESSAGE_BYTES
    card = sent.body["attachments"][0]["content"]
    assert card["body"][0]["text"] == text, "the text is kept whole"
    assert "knapper" in card["body"][-1]["text"] and "ikke plass" in card["body"][-1]["text"]
    kept = [a for item in card["body"] if item["type"] == "ActionSet" for a in item["actions"]]
    assert 0 < len(kept) and (len(kept) < count) == dropped, len(kept)
    assert all(len(a["title"]) <= 80 for a in kept), kept[0]["title"]


# -- size of a request: refused when it shows, not read into memory first --------------------


def test_a_body_declared_too_large_is_refused_before_it_is_sent(teams: TeamsHarness) -> None:
    parts = urlsplit(teams.url)
    with socket.create_connection((parts.hostname, parts.port)) as sock:
        sock.settimeout(10)  # a bound on a failing test: the answer is awaited, not a pause
        sock.sendall(
            b"POST /api/messages HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\n"
            b"Content-Length: 50000000\r\n\r\n{"
        )
        assert sock.recv(100).startswith(b"HTTP/1.1 413")


# -- member text shows as typed: no mention, link or formatting (Slack: test_security_e2e) --

NASTY = "**Viktig** <at>Alle</at> [her](http://evil.example) &lt; _x_"


def test_a_title_and_a_teams_name_show_as_typed_in_cards_and_messages(
    teams: TeamsHarness,
) -> None:
    teams.say(f'horing ny "{NASTY}" frist om 20 dager nettverk infrastruktur', **INGRID)
    card = teams.fake.wait_for(
        "send", lambda c: c.conversation == "a:personal-ingrid" and "Viktig" in c.text
    )
    assert card.cards, card.body
    shown = [view(text) for text in card.text.split("\n") if "Viktig" in text]
    assert shown and all(NASTY in v.text for v in shown), shown
    assert all(set(v.structures) <= {"strong_open"} for v in shown), shown
    assert "<at>" not in json.dumps(card.cards)  # no mention Teams would read
    teams.say("horing liste", **INGRID)
    listing = teams.fake.wait_for(
        "send", lambda c: c.conversation == "a:personal-ingrid" and "&lt;at&gt;Alle" in c.text
    )
    (line,) = [view(x) for x in listing.text.split("<br>") if "Viktig" in x]
    assert NASTY in line.text and "link_open" not in line.structures, line
    teams.say("partnerbot meg", user="boss", name=NASTY)
    me = teams.fake.wait_for("send", lambda c: c.conversation == "a:personal-boss")
    (named,) = [view(x) for x in me.text.split("<br>") if "Viktig" in x]
    assert NASTY in named.text and "link_open" not in named.structures, named


def test_an_updated_card_too_big_for_teams_says_so_in_the_cards_language(
    teams: TeamsHarness,
) -> None:
    """The card is rendered in the command's language; the note under it was in the
    bot's (bokmål under a nynorsk card)."""
    teams.say("partnerbot meg", **INGRID)
    teams.fake.wait_for("send", lambda c: c.conversation == "a:personal-ingrid")
    ref = ("teams-test", 7)
    buttons = Buttons(tuple(Button("Svar", "/mote svar 7 1:ja " + "x" * 300) for _ in range(120)))
    teams.bot.poster.post("a:personal-ingrid", Reply(blocks=[Text("Kort")], object_ref=ref))
    card = teams.fake.wait_for("send", lambda c: "Kort" in c.text)
    grown = Reply(blocks=[Text("Kortet har vakse"), buttons], object_ref=ref)
    assert teams.bot.poster.update_all(ref, grown, lang="nn") == 1
    updated = teams.fake.wait_for("update", lambda c: c.activity_id == card.activity_id)
    assert "det er ikkje plass til alle" in updated.text, updated.text
    assert "det er ikke plass" not in updated.text
