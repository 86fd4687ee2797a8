"""Replies as Teams shows them: markdown text messages and Adaptive Cards 1.5."""

from __future__ import annotations

from bot.adapters.teams import render
from bot.i18n import t
from bot.messages import (
    Button,
    Buttons,
    Divider,
    Fields,
    Reply,
    Text,
    code,
    link,
    mention,
    strong,
    table,
)


def test_strong_and_code_become_teams_markdown_with_user_text_escaped() -> None:
    text = render.to_markdown(
        strong("/horing") + " — høringer\nSkriv " + code("horing svart 2 <org>") + " etterpå"
    )
    assert text == "**/horing** — høringer<br>Skriv `horing svart 2 &lt;org&gt;` etterpå"


def test_a_command_is_shown_the_way_the_conversation_types_it() -> None:
    help_line = t("help.horing.liste", "nb")
    assert render.to_markdown(help_line, "personal").startswith("`horing liste` – åpne")
    assert render.to_markdown(help_line, "channel").startswith("`@partnerbot horing liste` –")
    assert "`@partnerbot horing liste alle`" in render.to_markdown(help_line, "groupChat")
    card = render.card(Reply(blocks=[Text(help_line)], object_ref=("hearing", 1)), "channel")
    assert card["body"][0]["text"].startswith("`@partnerbot horing liste` – åpne")


def test_user_text_inside_parts_cannot_mention_or_format() -> None:
    nasty = "<at>Alle</at> & <b>fet</b>"
    safe = "&lt;at&gt;Alle&lt;/at&gt; &amp; &lt;b&gt;fet&lt;/b&gt;"
    text = render.to_markdown(
        strong(nasty) + code(nasty) + mention("slack", "U1", nasty) + link("https://x.no", nasty)
    )
    assert text == f"**{safe}**`{safe}`@{safe}[{safe}](https://x.no)"
    assert render.to_markdown(link("https://x.no/a)](https://evil", "her")) == (
        "her (https://x.no/a)](https://evil)"
    )


def test_a_table_is_preformatted_in_a_message_and_monospaced_in_a_card() -> None:
    rows = table([["", "1", "2"], ["Kari <b>", "✓", "✗"]])
    assert render.to_markdown(rows) == "<pre>          1  2\nKari &lt;b&gt;  ✓  ✗</pre>"
    body = render.card(Reply(blocks=[Text("Svar:\n" + rows)]))["body"]
    assert [b.get("fontType") for b in body] == [None, "Monospace"]
    assert body[1]["text"] == "          1  2\nKari <b>  ✓  ✗"


def test_user_text_cannot_mention_or_format_in_a_text_message() -> None:
    text = render.to_markdown("«<at>Alle</at> & <b>fet</b>»")
    assert "<at>" not in text and "<b>" not in text
    assert "&lt;at&gt;Alle&lt;/at&gt; &amp; &lt;b&gt;fet&lt;/b&gt;" in text


def test_a_lone_star_is_no_bold() -> None:
    assert render.to_markdown("3 * 4 = 12 and 5*6") == "3 * 4 = 12 and 5*6"


def test_plain_replies_are_text_and_objects_are_cards() -> None:
    assert render.activity(Reply.text("Hei"), "more")["textFormat"] == "markdown"
    card_reply = Reply(blocks=[Text("Møtepoll")], object_ref=("poll", 4))
    activity = render.activity(card_reply, "more")
    (attachment,) = activity["attachments"]
    assert attachment["contentType"] == render.CARD_TYPE
    assert attachment["content"]["version"] == "1.5"
    assert activity["summary"] == "Møtepoll"


def test_card_has_facts_buttons_and_separators() -> None:
    reply = Reply(
        blocks=[
            Text(strong("Invitasjon") + "\nMeld deg på"),
            Fields((("Sted", "Tønsberg"), ("Plasser", ""))),
            Divider(),
            Buttons(
                (
                    Button("Meld på", "/konferanse meld på 2", style="primary"),
                    Button("Meld av", "/konferanse meld av 2", style="danger"),
                    Button("Kanskje", "/konferanse kanskje 2"),
                )
            ),
        ]
    )
    body = render.card(reply)["body"]
    assert [b["type"] for b in body] == ["TextBlock", "TextBlock", "FactSet", "ActionSet"]
    assert body[0]["text"] == "**Invitasjon**"
    assert body[2]["facts"] == [
        {"title": "Sted", "value": "Tønsberg"},
        {"title": "Plasser", "value": "—"},
    ]
    assert body[3]["separator"] is True
    actions = body[3]["actions"]
    assert [a["data"]["partnerbot"] for a in actions] == [
        "/konferanse meld på 2",
        "/konferanse meld av 2",
        "/konferanse kanskje 2",
    ]
    assert [a.get("style") for a in actions] == ["positive", "destructive", None]
    assert all(a["type"] == "Action.Submit" for a in actions)


def test_many_buttons_are_split_into_rows_of_six() -> None:
    buttons = Buttons(tuple(Button(str(n), f"/mote svar 1 {n}:ja") for n in range(14)))
    sets = [b for b in render.card(Reply(blocks=[buttons]))["body"] if b["type"] == "ActionSet"]
    assert [len(s["actions"]) for s in sets] == [6, 6, 2]


def test_a_very_long_text_is_cut_with_a_note() -> None:
    reply = Reply.text("\n".join(f"linje {n}" for n in range(5000)))
    text = render.activity(reply, "Resten vises ikke.")["text"]
    assert len(text) < 25_000 and text.endswith("Resten vises ikke.")
