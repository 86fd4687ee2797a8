"""Whatever a member typed, the blocks the bot sends stay within Slack's documented Block
Kit limits (the fake Web API refuses the same with invalid_blocks: block_kit.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.adapters.slack.blocks import render_messages, render_single
from bot.messages import Button, Buttons, Divider, Fields, Reply, Text, strong, table
from tests.adapters.slack.block_kit import blocks_problems

NASTY = st.sampled_from(["&", "<", ">", "*", "`", "~", "😀", "\n", " ", "<!channel>", "x" * 50])
USER_TEXT = st.lists(st.one_of(NASTY, st.text(max_size=20)), max_size=400).map("".join)


@st.composite
def replies(draw: st.DrawFn) -> Reply:
    blocks: list[Text | Fields | Buttons | Divider] = []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["text", "strong", "table", "fields", "buttons", "divider"]))
        if kind == "text":
            blocks.append(Text(draw(USER_TEXT)))
        elif kind == "strong":
            blocks.append(Text(strong(draw(USER_TEXT)) + draw(USER_TEXT)))
        elif kind == "table":
            rows = draw(st.lists(st.tuples(USER_TEXT, USER_TEXT), max_size=30))
            blocks.append(Text(table(rows)))
        elif kind == "fields":
            items = draw(st.lists(st.tuples(USER_TEXT, USER_TEXT), min_size=1, max_size=14))
            blocks.append(Fields(tuple(items)))
        elif kind == "buttons":
            buttons = draw(st.lists(st.tuples(USER_TEXT, USER_TEXT), min_size=1, max_size=30))
            blocks.append(Buttons(tuple(Button(label, f"/mote {cmd}") for label, cmd in buttons)))
        else:
            blocks.append(Divider())
    return Reply(blocks=blocks)


@settings(max_examples=150)
@given(replies())
def test_every_message_of_any_reply_is_within_block_kit_limits(reply: Reply) -> None:
    for blocks in render_messages(reply):
        assert blocks_problems(blocks) == []
    assert blocks_problems(render_single(reply, "Resten vises ikke.")) == []


def test_the_limits_are_checked() -> None:
    too_long = [{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}]
    empty = [{"type": "section", "text": {"type": "mrkdwn", "text": ""}}]
    label = {"type": "button", "text": {"type": "plain_text", "text": "y" * 76}, "value": "v"}
    assert blocks_problems(too_long) and blocks_problems(empty)
    assert blocks_problems([{"type": "actions", "elements": [label]}])
    assert blocks_problems([{"type": "divider"}] * 51)
