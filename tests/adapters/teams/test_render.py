"""Replies as Teams shows them: markdown text messages and Adaptive Cards 1.5."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

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
    typed,
)
from tests.adapters.teams.markdown_view import View, view


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


def test_a_help_heading_shows_its_command_the_way_the_conversation_types_it() -> None:
    heading = typed("horing", strong=True) + " — høringer"
    assert render.to_markdown(heading, "personal") == "**horing** — høringer"
    assert render.to_markdown(heading, "channel") == "**@partnerbot horing** — høringer"
    card = render.card(Reply(blocks=[Text(heading)], object_ref=("hearing", 1)), "channel")
    assert view(card["body"][0]["text"]) == View(["strong_open"], "@partnerbot horing — høringer")


def test_user_text_inside_parts_cannot_mention_or_format() -> None:
    nasty = "<at>Alle</at> & <b>fet</b>"
    safe = "&lt;at&gt;Alle&lt;/at&gt; &amp; &lt;b&gt;fet&lt;/b&gt;"
    text = render.to_markdown(
        strong(nasty) + code(nasty) + mention("slack", "U1", nasty) + link("https://x.no", nasty)
    )
    assert text == f"**{safe}**`{safe}`@{safe}[{safe}](https://x.no)"
    unsafe_url = view(render.to_markdown(link("https://x.no/a)](https://evil", "her")))
    assert unsafe_url == View([], "her (https://x.no/a)](https://evil)")


def test_a_table_is_preformatted_in_a_message_and_monospaced_in_a_card() -> None:
    rows = table([["", "1", "2"], ["Kari <b>", "✓", "✗"]])
    assert render.to_markdown(rows) == "<pre>          1  2\nKari &lt;b&gt;  ✓  ✗</pre>"
    body = render.card(Reply(blocks=[Text("Svar:\n" + rows)]))["body"]
    assert [b.get("fontType") for b in body] == [None, "Monospace"]
    # shown as "Kari <b>", the columns kept by no-break spaces (spaces would open code)
    assert body[1]["text"] == "\u00a0" * 10 + "1  2\nKari \\<b\\>  ✓  ✗"
    assert view(body[1]["text"]).structures == []


def test_user_text_cannot_mention_or_format_in_a_text_message() -> None:
    text = render.to_markdown("«<at>Alle</at> & <b>fet</b>»")
    assert "<at>" not in text and "<b>" not in text
    assert "&lt;at&gt;Alle&lt;/at&gt; &amp; &lt;b&gt;fet&lt;/b&gt;" in text


def test_a_lone_star_is_no_bold() -> None:
    assert view(render.to_markdown("3 * 4 = 12 and 5*6")) == View([], "3 * 4 = 12 and 5*6")


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


MEMBER_MARKDOWN = [
    "[klikk](https://evil.example)",
    "**x**",
    "# heading",
    "- list",
    "+ list",
    "* list",
    "1. first",
    "2) second",
    "> quote",
    "_x_ and *y*",
    "~~gone~~",
    "`code` and ``more``",
    "![bilde](https://evil.example/a.png)",
    "<https://evil.example>",
    "---",
    "a \\*b\\* c\\",
]


def _card_texts(reply: Reply) -> list[str]:
    body = render.card(reply)["body"]
    texts = [b["text"] for b in body if b["type"] == "TextBlock"]
    facts = [f[k] for b in body if b["type"] == "FactSet" for f in b["facts"] for k in f]
    return texts + facts


def test_member_markdown_shows_literally_in_a_card_and_a_message() -> None:
    for title in MEMBER_MARKDOWN:
        reply = Reply(blocks=[Text(title), Fields(((title, title),))], object_ref=("hearing", 1))
        assert [view(text) for text in _card_texts(reply)] == [View([], title)] * 3, title
        assert view(render.to_markdown(title)) == View([], title), title


def test_our_own_parts_keep_their_markup_around_member_text() -> None:
    title = "**x** [klikk](https://evil.example)"
    text = (
        strong(title)
        + " "
        + code(title)
        + " "
        + link("https://partnerbot.example/h/1", title)
        + " "
        + typed("horing liste")
    )
    ours = ["strong_open", "code_inline", "link_open", "code_inline"]
    shown = f"{title} {title} {title} horing liste"
    assert view(render.to_markdown(text)) == View(ours, shown)
    (card_text,) = _card_texts(Reply(blocks=[Text(text)], object_ref=("hearing", 1)))
    assert view(card_text) == View(ours, shown)


def test_a_backquote_in_code_keeps_the_code_span_whole() -> None:
    assert view(render.to_markdown(code("a ` b"))) == View(["code_inline"], "a ` b")
    assert view(render.to_markdown(code("`x"))) == View(["code_inline"], "`x")


_MEMBER_CHARS = st.sampled_from(list("aZø19 .)#*-_+=>~`[]()!<&\\|:/@") + ["https://x.no"])


@given(st.lists(_MEMBER_CHARS, min_size=1, max_size=30).map("".join))
def test_no_member_text_becomes_a_link_bold_list_or_heading(user: str) -> None:
    """Arbitrary member text in a title, in every place a title goes, shows as itself and
    adds no structure beyond the strong part the bot put there."""
    title = user.strip()
    text = strong("Høring") + " " + user + "\n" + user + "\n" + strong(user)
    reply = Reply(blocks=[Text(text), Fields(((user, user),))], object_ref=("hearing", 1))
    texts = _card_texts(reply)
    first, plain_line, strong_line = (view(t) for t in texts[:3])
    assert first.structures == ["strong_open"]
    assert plain_line == View([], title)
    assert set(strong_line.structures) <= {"strong_open"}  # bold or not, never more
    assert [view(t) for t in texts[3:]] == [View([], title)] * 2
    message = render.to_markdown(text).split("<br>")
    assert view(message[1]) == View([], title)
    assert view(message[0]).structures == ["strong_open"]
    assert set(view(message[2]).structures) <= {"strong_open"}


def test_an_indented_member_line_is_no_code_block() -> None:
    """Found by the ci profile: four spaces (or a tab) before member text made Teams
    show it as code."""
    for user in ("    a", "\tb", "  \t c"):
        (card_text,) = _card_texts(Reply(blocks=[Text(user)], object_ref=("hearing", 1)))
        assert view(card_text) == View([], user.strip())
        assert view(render.to_markdown(user)) == View([], user.strip())


def test_a_long_text_of_emoji_and_escapes_is_cut_by_the_bytes_teams_counts() -> None:
    # 12 bytes per emoji as sent: 20,000 characters would be 240 KB
    line = "😀&<" * 700
    for text in ("\n".join(f"{n} {line}" for n in range(30)), line * 30):
        sent = render.activity(Reply.text(text), "Resten vises ikke.")
        assert len(json.dumps(sent)) <= render.MAX_ACTIVITY_BYTES + 100
        assert sent["text"].endswith("Resten vises ikke.")
        body = sent["text"].rsplit("<br>", 1)[0]
        assert re.fullmatch(r"(?:[^&]|&(?:amp|lt|gt);)*", body), body[-20:]  # whole entities


def test_a_card_too_big_for_teams_keeps_its_start_and_says_the_rest_is_not_shown() -> None:
    fields = Fields(tuple((f"Felt {n}", "😀*" * 3000) for n in range(4)))
    buttons = Buttons(tuple(Button("😀" * 70, "/mote svar 1 1:ja") for _ in range(400)))
    reply = Reply(blocks=[Text("Konferanse #2 «Stor»"), fields, buttons])
    sent = render.activity(reply, "Resten vises ikke.")
    assert len(json.dumps(sent)) <= render.MAX_ACTIVITY_BYTES + 500
    body = sent["attachments"][0]["content"]["body"]
    assert body[0]["text"] == "Konferanse #2 «Stor»"
    assert body[-1]["text"] == "Resten vises ikke."
