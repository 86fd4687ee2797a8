"""Reply -> Slack Block Kit: sections, fields, buttons, dividers, within Slack's limits.

The one escaping rule for Slack: every text is sent with ``&``, ``<`` and ``>`` escaped,
in the blocks and in the fallback text alike (``markup.escape``). Slack's own markup
(``<!channel>``, ``<@U123>``, ``<https://x|label>``) needs ``<``, and only the neutral
parts the bot built become it (``markup.mrkdwn``: Strong, Code, Typed, Link, Mention,
Table), so whatever looks like it came from a person stays text: a title, a place, a
name from users.info, a URL.

Slack refuses a message with more than 50 blocks or a section over 3000 characters, so
long replies are split (into several sections, then several messages); nothing is cut
without saying so.
"""

from __future__ import annotations

from typing import Any

from bot.adapters.slack.markup import escape, mrkdwn
from bot.messages import (
    Button,
    Buttons,
    Divider,
    Fields,
    Reply,
    Text,
    parse,
    plain_text,
    render_plain,
)

MAX_BLOCKS = 50
MAX_SECTION_CHARS = 3000
MAX_FIELDS = 10
MAX_FIELD_CHARS = 2000
MAX_BUTTONS = 25
MAX_BUTTON_LABEL = 75
MAX_BUTTON_VALUE = 2000
MAX_FALLBACK_CHARS = 3000
ACTION_PREFIX = "cmd:"

SlackBlock = dict[str, Any]


def split_text(text: str, limit: int = MAX_SECTION_CHARS) -> list[str]:
    """Pieces of at most ``limit`` characters, cut at line ends where possible."""
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:  # one very long line: cut at a space, else hard
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            if current:
                pieces.append(current)
                current = ""
            pieces.append(line[:cut])
            line = line[cut:].lstrip(" ")
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            pieces.append(current)
            current = line
        else:
            current = candidate
    if current or not pieces:
        pieces.append(current)
    return [p for p in pieces if p.strip()] or [text[:limit]]


def _section(text: str) -> SlackBlock:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _text_blocks(text: str) -> list[SlackBlock]:
    """Sections of mrkdwn that is escaped already (``markup.mrkdwn``)."""
    if not text.strip():
        return []
    return [_section(piece) for piece in split_text(text)]


def _field_blocks(block: Fields) -> list[SlackBlock]:
    out: list[SlackBlock] = []
    fields: list[SlackBlock] = []
    for label, value in block.items:
        text = f"*{escape(plain_text(label))}*\n{mrkdwn(parse(value or '—'))}"
        if len(text) > MAX_FIELD_CHARS:  # too long for a field: give it sections of its own
            if fields:
                out.append({"type": "section", "fields": fields})
                fields = []
            out.extend(_text_blocks(text))
            continue
        fields.append({"type": "mrkdwn", "text": text})
        if len(fields) == MAX_FIELDS:
            out.append({"type": "section", "fields": fields})
            fields = []
    if fields:
        out.append({"type": "section", "fields": fields})
    return out


def button_element(button: Button, n: int) -> SlackBlock:
    label = plain_text(button.label)
    label = label if len(label) <= MAX_BUTTON_LABEL else (label[: MAX_BUTTON_LABEL - 1] + "…")
    element: SlackBlock = {
        "type": "button",
        "text": {"type": "plain_text", "text": label or "…", "emoji": True},
        "value": button.command,
        "action_id": f"{ACTION_PREFIX}{n}",
    }
    if button.style:
        element["style"] = button.style
    return element


def _button_blocks(block: Buttons, counter: list[int]) -> list[SlackBlock]:
    out: list[SlackBlock] = []
    elements: list[SlackBlock] = []
    for button in block.buttons:
        if len(button.command) > MAX_BUTTON_VALUE:
            # Slack cannot carry this command in a button: show it for copying instead.
            shown = f"{escape(plain_text(button.label))}: `{escape(button.command)}`"
            out.extend(_text_blocks(shown))
            continue
        counter[0] += 1
        elements.append(button_element(button, counter[0]))
        if len(elements) == MAX_BUTTONS:
            out.append({"type": "actions", "elements": elements})
            elements = []
    if elements:
        out.append({"type": "actions", "elements": elements})
    return out


def render_blocks(reply: Reply) -> list[SlackBlock]:
    """All blocks of a reply, however many (see ``render_messages`` for Slack's limit)."""
    blocks: list[SlackBlock] = []
    counter = [0]  # action ids are unique across the whole message
    for block in reply.blocks:
        if isinstance(block, Text):
            blocks.extend(_text_blocks(mrkdwn(block.parts)))
        elif isinstance(block, Fields):
            blocks.extend(_field_blocks(block))
        elif isinstance(block, Buttons):
            blocks.extend(_button_blocks(block, counter))
        elif isinstance(block, Divider):
            blocks.append({"type": "divider"})
    return blocks


def _compact(blocks: list[SlackBlock]) -> list[SlackBlock]:
    """Merge neighbouring text sections (up to 3000 characters) to use fewer blocks."""
    out: list[SlackBlock] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and "text" in prev
            and "text" in block
            and block["type"] == "section"
            and prev["type"] == "section"
            and "accessory" not in prev
            and len(prev["text"]["text"]) + 1 + len(block["text"]["text"]) <= MAX_SECTION_CHARS
        ):
            prev["text"] = {
                "type": "mrkdwn",
                "text": prev["text"]["text"] + "\n" + block["text"]["text"],
            }
        else:
            out.append(dict(block))
    return out


def fallback_text(reply: Reply) -> str:
    """The text for notifications and clients without blocks (the blocks carry it all):
    the reply's text blocks in mrkdwn, its fields and buttons as plain lines."""
    lines: list[str] = []
    for block in reply.blocks:
        if isinstance(block, Text):
            lines.append(mrkdwn(block.parts))
        else:
            lines.append(escape(render_plain(Reply(blocks=[block]))))
    text = "\n".join(lines).strip() or " "
    if len(text) > MAX_FALLBACK_CHARS:
        cut = MAX_FALLBACK_CHARS - 1
        entity = text.rfind("&", cut - 5, cut)  # never cut inside &amp; &lt; &gt;
        text = text[: entity if entity >= 0 else cut] + "…"
    return text


def render_messages(reply: Reply) -> list[list[SlackBlock]]:
    """The reply as one or more messages of at most 50 blocks each."""
    blocks = render_blocks(reply)
    if len(blocks) > MAX_BLOCKS:
        blocks = _compact(blocks)
    pages = [blocks[i : i + MAX_BLOCKS] for i in range(0, len(blocks), MAX_BLOCKS)]
    return pages or [[]]


def render_single(reply: Reply, more_note: str) -> list[SlackBlock]:
    """One message's blocks (for chat.update, which cannot add messages): when the reply
    needs more than 50 blocks, the last block says that the rest is not shown."""
    pages = render_messages(reply)
    if len(pages) == 1:
        return pages[0]
    return pages[0][: MAX_BLOCKS - 1] + [
        {"type": "context", "elements": [{"type": "mrkdwn", "text": mrkdwn(parse(more_note))}]}
    ]


def message_payload(blocks: list[SlackBlock], text: str) -> dict[str, Any]:
    payload: dict[str, Any] = {"text": text}
    if blocks:
        payload["blocks"] = blocks
    return payload
