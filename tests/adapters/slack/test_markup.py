"""Neutral parts as Slack mrkdwn, user text escaped inside every part, and Slack's mentions
in a typed command as person references."""

from __future__ import annotations

from bot.adapters.slack import blocks as bk
from bot.adapters.slack.markup import mrkdwn, neutral_mentions
from bot.i18n import t
from bot.messages import Reply, Text, code, link, mention, parse, strong, table, typed

NASTY = "<!channel> *fet* <@U_ADMIN> <https://evil.example|regjeringen.no> & ```"
SAFE = (
    "&lt;!channel&gt; *fet* &lt;@U_ADMIN&gt; &lt;https://evil.example|regjeringen.no&gt; &amp; ```"
)


def test_user_text_inside_each_part_is_escaped() -> None:
    assert mrkdwn(parse(NASTY)) == SAFE
    assert mrkdwn(parse(strong(NASTY))) == f"*{SAFE}*"
    assert mrkdwn(parse(code(NASTY))) == f"`{SAFE}`"
    assert mrkdwn(parse(mention("teams", "29:x", NASTY))) == f"@{SAFE}"
    assert mrkdwn(parse(link("https://x.no/a", NASTY))) == f"<https://x.no/a|{SAFE}>"
    assert mrkdwn(parse(table([["Kari <@U1>", "✓"]]))) == "```\nKari &lt;@U1&gt;  ✓\n```"


def test_only_the_bots_own_parts_become_slack_syntax() -> None:
    assert mrkdwn(parse(mention("slack", "U0KARI", "Kari"))) == "<@U0KARI>"
    assert mrkdwn(parse(mention("slack", "U1><!channel", "Kari"))) == "@Kari"
    assert mrkdwn(parse(link("https://x.no/høring 1", "her"))) == "her (https://x.no/høring 1)"
    assert mrkdwn(parse(link("https://x.no|<!here>", "her"))) == (
        "her (https://x.no|&lt;!here&gt;)"
    )


def test_help_shows_slash_commands_and_replies_keep_their_slack_look() -> None:
    reply = Reply(
        blocks=[
            Text(t("help.horing.liste", "nb")),
            Text(t("polls.best", "nb", number=2, slot="fre", yes=1, either=2)),
        ]
    )
    (first, second) = bk.render_blocks(reply)
    assert first["text"]["text"].startswith("`/horing liste` – åpne høringer")
    assert "`/horing liste alle`" in first["text"]["text"]
    assert second["text"]["text"].startswith("Beste tidspunkt: *2* (fre)")
    assert bk.fallback_text(reply).startswith("`/horing liste` – åpne")


def test_a_mention_standing_as_a_word_becomes_a_person_reference() -> None:
    typed = 'ny "Møte om <@U9>" ansvarlig <@U0KARI|kari> medlemmer <@U2>'
    assert (
        neutral_mentions(typed)
        == 'ny "Møte om <@U9>" ansvarlig @[slack:U0KARI] medlemmer @[slack:U2]'
    )


def test_a_help_heading_keeps_its_slack_look() -> None:
    heading = typed("horing", strong=True) + " — høringer"
    assert mrkdwn(parse(heading)) == "*/horing* — høringer"
