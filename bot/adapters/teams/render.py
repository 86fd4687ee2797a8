"""Reply -> Teams: a markdown text message, or an Adaptive Card (1.5) when the reply has
fields, buttons or is about an object (a poll, an invitation, a hearing) that is updated
in place later.

The neutral parts of a text (``bot.messages``) become Teams markdown: ``**strong**``,
`` `code` ``, ``[label](url)``, a table in ``<pre>`` (a monospaced TextBlock in a card),
and a command the way this conversation types it (``horing liste`` in a personal chat,
``@partnerbot horing liste`` in a channel). User text (every text inside a part) is escaped
for Teams, so nobody can mention, link or format on the bot's behalf: ``<``, ``>`` and
``&`` become entities in text messages (Teams reads HTML and ``<at>`` mentions there), and
the markdown Teams honours gets a backslash: in text messages and in a card's TextBlocks
and facts ``**bold**``, ``_italic_``, ``[label](url)``, ``- `` and ``1. `` lists; in text
messages also ``*italic*``, ``~~strike~~``, `` `code` ``, ``# headings`` and ``> quotes``.
A line start that would open a block (``#``, ``>``, ``-``, ``+``, ``=``, ``1.``) is escaped
too, so a member's title never becomes a heading, a list or a quote. Buttons become Action.Submit: pressing one
sends the command written on it back as the member, like typing it. A message Teams would
refuse for its size (about 28 KB as sent) is cut, with a note saying so.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any

from bot.adapters.teams.conversations import PERSONAL
from bot.messages import (
    Block,
    Button,
    Buttons,
    Code,
    Divider,
    Fields,
    Link,
    Mention,
    Part,
    PartWriter,
    Plain,
    Reply,
    Strong,
    Table,
    Text,
    Typed,
    lines,
    parse,
    plain_part,
    plain_text,
    render_plain,
)

CARD_TYPE = "application/vnd.microsoft.card.adaptive"
CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
CARD_VERSION = "1.5"
DATA_KEY = "partnerbot"  # the command a button runs, in Action.Submit's data
# Teams refuses a message over about 28 KB as sent: JSON, where requests writes every
# non-ASCII character as a \u escape (an emoji as 12 bytes). The activity's text or card
# stays under this, leaving room for the ids and references posting adds.
MAX_ACTIVITY_BYTES = 24_000
MAX_ACTIONS_PER_SET = 6  # Teams shows at most six actions in a row
MAX_ACTION_TITLE = 80  # a button's label, when the card is too big for all of them

BOT_NAME = "partnerbot"  # the app's name in its manifest: how a channel mentions it
_SAFE_URL = re.compile(r"https?://[^\s()<>\[\]]+")


# Markdown's inline marks (backslash escapes are CommonMark's, which Teams renders); in a
# card also ``<``, ``>`` and ``&`` (an autolink, an entity), which a text message makes
# entities instead.
_INLINE = re.compile(r"([\\`*_~\[\]])")
_CARD_INLINE = re.compile(r"([\\`*_~\[\]<>&])")
# What opens a block at a line start: a heading, a quote, a list, a rule, an underline.
_BLOCK_START = re.compile(r"^( {0,3})([#>+=-]|\d{1,9}(?=[.)]))", re.MULTILINE)
# An indent of four columns or a tab at a line start opens a code block: three spaces show
# the same and open nothing.
_NBSP_INDENT = re.compile(r"^ +")
_CODE_INDENT = re.compile(r"^(?: {4,}|[ ]*\t[ \t]*)", re.MULTILINE)


def escape(text: str) -> str:
    """Text for a text message's HTML: entities for ``&``, ``<`` and ``>``."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_markdown(text: str, *, html: bool) -> str:
    """User text shown literally by Teams markdown: in a text message (``html``) its HTML
    characters as entities too; in a card (no HTML there) with backslashes."""
    marked = _INLINE.sub(r"\\\1", escape(text)) if html else _CARD_INLINE.sub(r"\\\1", text)
    return _BLOCK_START.sub(_escape_block_start, _CODE_INDENT.sub("   ", marked))


def _nbsp(found: re.Match[str]) -> str:
    return "\u00a0" * len(found.group(0))


def _escape_block_start(found: re.Match[str]) -> str:
    indent, mark = found.group(1), found.group(2)
    if mark[0].isdigit():  # "1." or "1)": the mark is the character after the number
        return indent + mark + "\\"
    return indent + "\\" + mark


def _strong(text: str, esc: Callable[[str], str]) -> str:
    """``**text**``, its spaces outside the marks: ``** x**`` is no bold and ``** **`` a rule."""
    inner = text.strip()
    if not inner:
        return esc(text)
    start = text.index(inner)
    return f"{esc(text[:start])}**{esc(inner)}**{esc(text[start + len(inner) :])}"


def _code_span(text: str, esc: Callable[[str], str]) -> str:
    """Code shown literally: no escapes work inside a code span, so the fence is longer
    than any run of backquotes inside (CommonMark), with spaces when it touches one."""
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{esc(text)}{pad}{fence}"


def typed_as(words: str, kind: str) -> str:
    """A command as a member types it in this kind of conversation: in a personal chat
    the words alone, elsewhere after a mention of the bot."""
    return words if kind == PERSONAL else f"@{BOT_NAME} {words}"


class TeamsMarkdown(PartWriter):
    """Parts as Teams markdown. ``html``: in a text message, where Teams reads HTML (and
    ``<at>`` mentions), so every text from a part is escaped; in a card it is not."""

    def __init__(self, *, html: bool, kind: str = PERSONAL) -> None:
        self.html = html
        self.kind = kind
        self.code_esc = escape if html else _as_is

    def esc(self, text: str) -> str:
        return escape_markdown(text, html=self.html)

    def plain(self, part: Plain) -> str:
        return self.esc(part.text)

    def strong(self, part: Strong) -> str:
        return _strong(part.text, self.esc)

    def code(self, part: Code) -> str:
        return _code_span(part.text, self.code_esc)

    def typed(self, part: Typed) -> str:
        if part.strong:  # a heading's command
            return _strong(typed_as(part.words, self.kind), self.esc)
        return _code_span(typed_as(part.words, self.kind), self.code_esc)

    def link(self, part: Link) -> str:
        if _SAFE_URL.fullmatch(part.url) and part.label:
            return f"[{self.esc(part.label)}]({self.code_esc(part.url)})"
        return self.esc(plain_part(part))

    def mention(self, part: Mention) -> str:
        return self.esc(f"@{part.name}")

    def table(self, part: Table) -> str:
        if self.html:  # inside <pre> Teams reads no markdown
            return "<pre>" + "\n".join(escape(line) for line in part.lines()) + "</pre>"
        # no-break spaces keep the columns: leading spaces would open a code block
        return "\n".join(self.esc(_NBSP_INDENT.sub(_nbsp, line)) for line in part.lines())


def _as_is(text: str) -> str:
    return text


def to_markdown(text: str | Sequence[Part], kind: str = PERSONAL) -> str:
    """A text message's body: every part escaped and marked up, lines kept apart."""
    parts = parse(text) if isinstance(text, str) else text
    writer = TeamsMarkdown(html=True, kind=kind)
    return "<br>".join(writer.write(line) for line in lines(parts))


def card_markdown(parts: Sequence[Part], kind: str = PERSONAL) -> str:
    """An Adaptive Card TextBlock's text (no HTML is rendered there, so none is escaped)."""
    return TeamsMarkdown(html=False, kind=kind).write(parts)


def _text_items(parts: Sequence[Part], kind: str) -> list[dict[str, Any]]:
    """A TextBlock per line; a table is monospaced."""
    items: list[dict[str, Any]] = []
    for n, line in enumerate(lines(parts)):
        item: dict[str, Any] = {
            "type": "TextBlock",
            "text": card_markdown(line, kind) or " ",
            "wrap": True,
            "spacing": "None" if n else "Default",
        }
        if len(line) == 1 and isinstance(line[0], Table):
            item["fontType"] = "Monospace"
        items.append(item)
    return items


def _fact(text: str) -> str:
    """A FactSet title or value: Teams renders markdown there too."""
    return escape_markdown(plain_text(text), html=False)


def needs_card(reply: Reply) -> bool:
    return reply.object_ref is not None or any(
        isinstance(b, (Fields, Buttons)) for b in reply.blocks
    )


def _action(button: Button) -> dict[str, Any]:
    action: dict[str, Any] = {
        "type": "Action.Submit",
        "title": plain_text(button.label) or "…",
        "data": {DATA_KEY: button.command},
    }
    if button.style == "primary":
        action["style"] = "positive"
    elif button.style == "danger":
        action["style"] = "destructive"
    return action


def card(reply: Reply, kind: str = PERSONAL) -> dict[str, Any]:
    body: list[dict[str, Any]] = []
    separate = False
    for block in reply.blocks:
        items: list[dict[str, Any]] = []
        if isinstance(block, Text):
            items = _text_items(block.parts, kind)
        elif isinstance(block, Fields):
            items = [
                {
                    "type": "FactSet",
                    "facts": [
                        {"title": _fact(label), "value": _fact(value) or "—"}
                        for label, value in block.items
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
        line = line.strip()
        if line:
            return line[:200]
    return "partnerbot"


def activity(
    reply: Reply, more_note: str, kind: str = PERSONAL, buttons_note: str = ""
) -> dict[str, Any]:
    """The outgoing message activity for a reply, in a conversation of ``kind``; one Teams
    would refuse for its size is cut, with ``more_note`` at its end (``buttons_note`` when
    only buttons were shortened or left out)."""
    if needs_card(reply):
        content = fit_card(card(reply, kind), more_note, buttons_note)
        return {
            "type": "message",
            "summary": summary(reply),
            "attachments": [{"contentType": CARD_TYPE, "content": content}],
        }
    text = "<br>".join(_block_markdown(b, kind) for b in reply.blocks)
    if wire_size(text) > MAX_ACTIVITY_BYTES:
        note = "<br>" + to_markdown(more_note, kind)
        kept = _prefix_within(text, MAX_ACTIVITY_BYTES - wire_size(note))
        cut = kept.rfind("<br>")  # at a line end, else never inside an entity
        kept = kept[:cut] if cut > len(kept) // 2 else _whole_entities(kept)
        text = kept + note
    return {"type": "message", "textFormat": "markdown", "text": text}


def wire_size(value: Any) -> int:
    """Bytes of ``value`` as JSON the way requests sends it (non-ASCII as \\u escapes)."""
    return len(json.dumps(value))


def _prefix_within(text: str, budget: int) -> str:
    """The longest start of ``text`` whose JSON string takes at most ``budget`` bytes."""
    used = 2  # the quotes
    for n, ch in enumerate(text):
        used += wire_size(ch) - 2
        if used > budget:
            return text[:n]
    return text


def _whole_entities(text: str) -> str:
    amp = text.rfind("&", len(text) - 8)
    return text[:amp] if amp >= 0 and ";" not in text[amp:] else text


def _card_strings(body: list[dict[str, Any]]) -> list[tuple[dict[str, Any], str]]:
    """Where member text can be long in a card: TextBlocks' texts, facts' titles and values."""
    found = [(item, "text") for item in body if item.get("type") == "TextBlock"]
    for item in body:
        for fact in item.get("facts") or []:
            found += [(fact, "title"), (fact, "value")]
    return found


def fit_card(content: dict[str, Any], more_note: str, buttons_note: str = "") -> dict[str, Any]:
    """``content`` within MAX_ACTIVITY_BYTES. When its text fits without its buttons, the
    buttons give way: long labels shortened, then the last buttons dropped, and a TextBlock
    with ``buttons_note`` says so. Then, if still too big, its longest text halved (then its
    last items dropped) until it fits, and a TextBlock with ``more_note`` after them."""
    if wire_size(content) <= MAX_ACTIVITY_BYTES:
        return content
    body: list[dict[str, Any]] = content["body"]
    buttons = _note(buttons_note or more_note)
    notes = [buttons] if _fit_actions(content, wire_size(buttons)) else []
    if wire_size(content) + wire_size(notes) > MAX_ACTIVITY_BYTES:  # the text is too big
        notes += [note for note in [_note(more_note)] if note not in notes]
    while body and wire_size(content) + wire_size(notes) > MAX_ACTIVITY_BYTES:
        longest = max(_card_strings(body), key=lambda ref: len(ref[0][ref[1]]), default=None)
        if longest is not None and len(longest[0][longest[1]]) > 200:
            holder, key = longest
            holder[key] = holder[key][: len(holder[key]) // 2].rstrip("\\") + "…"
        else:
            body.pop()
    body.extend(notes)
    return content


def _note(text: str) -> dict[str, Any]:
    return {"type": "TextBlock", "text": escape_markdown(text, html=False), "wrap": True}


def _fit_actions(content: dict[str, Any], note_size: int) -> bool:
    """Shorten the card's button labels, then drop its last buttons, until it fits with a
    note; only when the rest of the card fits without them (else its text is the size).
    Whether any button changed."""
    body: list[dict[str, Any]] = content["body"]
    sets = [item for item in body if item.get("type") == "ActionSet"]
    room = MAX_ACTIVITY_BYTES - note_size - 2  # the note and its comma
    rest = [item for item in body if item.get("type") != "ActionSet"]
    if not sets or wire_size({**content, "body": rest}) > room:
        return False
    for action in (a for item in sets for a in item["actions"]):
        if len(action["title"]) > MAX_ACTION_TITLE:
            action["title"] = action["title"][: MAX_ACTION_TITLE - 1].rstrip() + "…"
    while sets and wire_size(content) > room:
        sets[-1]["actions"].pop()
        if not sets[-1]["actions"]:
            body.remove(sets.pop())
    return True


def _block_markdown(block: Block, kind: str) -> str:
    if isinstance(block, Text):
        return to_markdown(block.parts, kind)
    return to_markdown((Plain(render_plain(Reply(blocks=[block]))),), kind)
