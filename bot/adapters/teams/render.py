"""Reply -> Teams: a markdown text message, or an Adaptive Card (1.5) when the reply has
fields, buttons or is about an object (a poll, an invitation, a hearing) that is updated
in place later.

The bot's texts use Slack-style markup (``*bold*``, ``_italic_``, `` `code` ``); here it
becomes Teams markdown (``**bold**``). User text is escaped for Teams: ``<``, ``>`` and ``&``
become entities in text messages (Teams reads HTML and ``<at>`` mentions there), so nobody
can mention or format on the bot's behalf. Buttons become Action.Submit: pressing one
sends the command written on it back as the member, like typing it.
"""

from __future__ import annotations

import re
from typing import Any

from bot.messages import Button, Buttons, Divider, Fields, Reply, Text

CARD_TYPE = "application/vnd.microsoft.card.adaptive"
CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
CARD_VERSION = "1.5"
DATA_KEY = "partnerbot"  # the command a button runs, in Action.Submit's data
# Teams refuses a message over about 28 KB; stay well below with the card's JSON.
MAX_TEXT_CHARS = 20_000
MAX_ACTIONS_PER_SET = 6  # Teams shows at most six actions in a row

_CODE = re.compile(r"(`[^`\n]+`)")
_BOLD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _convert(text: str, *, html: bool) -> str:
    """Slack-style markup to Teams markdown, code spans left as they are."""
    out: list[str] = []
    for i, piece in enumerate(_CODE.split(text)):
        if i % 2 == 1:  # a code span: shown as typed, markup inside it is not read
            out.append(piece)
            continue
        piece = escape(piece) if html else piece
        out.append(_BOLD.sub(r"**\1**", piece))
    return "".join(out)


def to_markdown(text: str) -> str:
    """A text message's body: escaped, ``*bold*`` -> ``**bold**``, lines kept apart."""
    return "<br>".join(_convert(line, html=True) for line in text.split("\n"))


def card_markdown(text: str) -> str:
    """An Adaptive Card TextBlock's text (no HTML is rendered there, so none is escaped)."""
    return _convert(text, html=False)


def needs_card(reply: Reply) -> bool:
    return reply.object_ref is not None or any(
        isinstance(b, (Fields, Buttons)) for b in reply.blocks
    )


def _action(button: Button) -> dict[str, Any]:
    action: dict[str, Any] = {
        "type": "Action.Submit",
        "title": button.label or "…",
        "data": {DATA_KEY: button.command},
    }
    if button.style == "primary":
        action["style"] = "positive"
    elif button.style == "danger":
        action["style"] = "destructive"
    return action


def card(reply: Reply) -> dict[str, Any]:
    body: list[dict[str, Any]] = []
    separate = False
    for block in reply.blocks:
        items: list[dict[str, Any]] = []
        if isinstance(block, Text):
            lines = [line for line in block.text.split("\n")]
            items = [
                {
                    "type": "TextBlock",
                    "text": card_markdown(line) or " ",
                    "wrap": True,
                    "spacing": "None" if n else "Default",
                }
                for n, line in enumerate(lines)
            ]
        elif isinstance(block, Fields):
            items = [
                {
                    "type": "FactSet",
                    "facts": [
                        {"title": label, "value": value or "—"} for label, value in block.items
                    ],
                }
            ]
        elif isinstance(block, Buttons):
            buttons = list(block.buttons)
            items = [
                {
                    "type": "ActionSet",
                    "actions": [_action(b) for b in buttons[i : i + MAX_ACTIONS_PER_SET]],
                }
                for i in range(0, len(buttons), MAX_ACTIONS_PER_SET)
            ]
        elif isinstance(block, Divider):
            separate = True
            continue
        if items and separate:
            items[0]["separator"] = True
            separate = False
        body.extend(items)
    return {
        "type": "AdaptiveCard",
        "$schema": CARD_SCHEMA,
        "version": CARD_VERSION,
        "body": body,
        "msteams": {"width": "Full"},
    }


def summary(reply: Reply) -> str:
    """The notification line of a card: its first line of text, plain."""
    for line in reply.plain().split("\n"):
        line = line.strip().replace("*", "")
        if line:
            return line[:200]
    return "partnerbot"


def activity(reply: Reply, more_note: str) -> dict[str, Any]:
    """The outgoing message activity for a reply."""
    if needs_card(reply):
        content = card(reply)
        return {
            "type": "message",
            "summary": summary(reply),
            "attachments": [{"contentType": CARD_TYPE, "content": content}],
        }
    text = to_markdown(reply.plain())
    if len(text) > MAX_TEXT_CHARS:  # cut at a line end, never inside an escape
        cut = text.rfind("<br>", 0, MAX_TEXT_CHARS)
        text = text[: cut if cut > 0 else MAX_TEXT_CHARS] + "<br>" + to_markdown(more_note)
    return {"type": "message", "textFormat": "markdown", "text": text}
