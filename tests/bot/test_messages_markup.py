"""The neutral markup: catalog notation -> parts, user text never read as markup, plain text."""

from __future__ import annotations

from bot.i18n import t
from bot.messages import (
    Code,
    Command,
    Link,
    Mention,
    PersonRef,
    Plain,
    Reply,
    Strong,
    Table,
    Text,
    Typed,
    from_notation,
    link,
    mention,
    strong,
    table,
    typed,
)


def test_the_notation_becomes_parts() -> None:
    source = "**Høring #{n}**: skriv `/horing vis {n}` eller `side 2`\n~~~\nA  1\nB  2\n~~~\nslutt"
    parts = Text(from_notation(source).format(n=3)).parts
    assert parts == (
        Strong("Høring #3"),
        Plain(": skriv "),
        Typed("horing vis 3"),
        Plain(" eller "),
        Code("side 2"),
        Plain("\n"),
        Table((("A  1",), ("B  2",))),
        Plain("\nslutt"),
    )


def test_user_text_in_a_placeholder_is_never_markup() -> None:
    title = "**fet** `kode` `/horing slett` <@U1>\n~~~"
    parts = Text(t("hearings.show_title", "nb", number=2, title=title)).parts
    assert parts == (Strong(f"Høring #2 «{title}»"),)


def test_what_a_member_types_loses_the_reserved_characters() -> None:
    cmd = Command("slack", "U1", "Kari\ue000", "C1", "horing", "ny \ue002x\ue003", body="\ue00e")
    assert (cmd.user_name, cmd.text, cmd.body) == ("Kari", "ny x", "")


def test_every_part_has_a_plain_form() -> None:
    text = (
        strong("Fet")
        + " "
        + link("https://x.no/a", "sakspapir")
        + " "
        + mention("slack", "U1", "Kari")
        + "\n"
        + typed("horing", strong=True)
        + "\n"
        + table([["", "1", "2"], ["Kari", "✓", "✗"]])
    )
    reply = Reply(blocks=[Text(text), Text(t("help.horing.vis", "nb"))])
    assert Text(typed("horing", strong=True)).parts == (Typed("horing", strong=True),)
    assert reply.plain() == (
        "Fet sakspapir (https://x.no/a) @Kari\n/horing\n      1  2\nKari  ✓  ✗\n"
        "`/horing vis 3` – høringen med mottakere, svar og påminnelser"
    )


def test_a_table_aligns_its_columns() -> None:
    rows = Table((("", "1", "10"), ("Ola Nordmann", "✓", "~"), ("Ja", "1", "12")))
    assert rows.lines() == [
        "              1  10",
        "Ola Nordmann  ✓   ~",
        "Ja            1  12",
    ]


def test_a_person_reference_is_read_only_whole() -> None:
    assert PersonRef.parse(" @[teams:29:1abc-d] ") == PersonRef("teams", "29:1abc-d")
    assert PersonRef("slack", "U1").token == "@[slack:U1]"
    for text in ("@kari", "@[slack:U1] og mer", "@[Slack:U1]", "[slack:U1]", "@[slack:]"):
        assert PersonRef.parse(text) is None, text


def test_parts_survive_being_joined_and_formatted_as_strings() -> None:
    line = t("polls.slot_line", "en", number=1, slot="Thu", yes=1, maybe=0, no=0)
    parts = Text("\n".join([t("overview.title", "en", name="Kari"), line])).parts
    assert parts[0] == Strong("Waiting for you, Kari:")
    assert Strong("1.") in parts
    assert Mention("slack", "U1", "Kari") == Text(mention("slack", "U1", "Kari")).parts[0]
    assert Link("https://x", "her") == Text(link("https://x", "her")).parts[0]
