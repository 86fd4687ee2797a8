"""Platform-neutral messages: a Command comes in, a Reply goes out; handlers speak only these."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Visibility = Literal["ephemeral", "channel"]


@dataclass(frozen=True)
class Command:
    """What a member typed (or clicked): ``/horing ny "Tittel" frist 15.09`` ->
    name="horing", text='ny "Tittel" frist 15.09'. ``body`` holds pasted lines that
    follow the command (an imported work programme)."""

    platform: str
    user_id: str
    user_name: str
    channel_id: str
    name: str
    text: str
    body: str = ""
    locale: str | None = None
    timezone: str | None = None
    channel_name: str | None = None
    # Whether an ephemeral answer reaches only the member (Slack, the console, a Teams
    # personal chat) or everyone in the conversation (a Teams channel): secrets need it.
    private: bool = True


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Fields:
    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Button:
    """A button that, when pressed, runs ``command`` as if the member had typed it."""

    label: str
    command: str
    style: Literal["primary", "danger"] | None = None


@dataclass(frozen=True)
class Buttons:
    buttons: tuple[Button, ...]


@dataclass(frozen=True)
class Divider:
    pass


Block = Text | Fields | Buttons | Divider


@dataclass(frozen=True)
class File:
    name: str
    data: bytes
    mime: str
    title: str | None = None


@dataclass
class Reply:
    """What the bot answers. ``visibility``: only the asker (ephemeral) or the channel.

    ``object_ref`` names the object the message is about (e.g. ("poll", 4)) so that an
    adapter can remember the posted message and update it later. Every reply carrying it,
    ephemeral ones too (a typed vote), rewrites the object's public messages, so a view
    with anything private in it (an organiser's problem list) must not carry it.
    ``card`` is what those public messages show when it is not the reply itself (a vote:
    the voter reads "you answered", the card only the new counts).
    """

    blocks: list[Block] = field(default_factory=list)
    visibility: Visibility = "ephemeral"
    files: list[File] = field(default_factory=list)
    object_ref: tuple[str, int] | None = None
    card: Reply | None = None

    @classmethod
    def text(cls, text: str, *, visibility: Visibility = "ephemeral") -> Reply:
        return cls(blocks=[Text(text)], visibility=visibility)

    def add(self, block: Block) -> Reply:
        self.blocks.append(block)
        return self

    def plain(self) -> str:
        """The reply as plain text (console, notifications, fallback text)."""
        return render_plain(self)


def render_plain(reply: Reply) -> str:
    lines: list[str] = []
    for block in reply.blocks:
        if isinstance(block, Text):
            lines.append(block.text)
        elif isinstance(block, Fields):
            width = max((len(label) for label, _ in block.items), default=0)
            lines.extend(f"  {label.ljust(width)}  {value}" for label, value in block.items)
        elif isinstance(block, Buttons):
            lines.append("  " + "   ".join(f"[{b.label}: {b.command}]" for b in block.buttons))
        elif isinstance(block, Divider):
            lines.append("")
    return "\n".join(lines)
