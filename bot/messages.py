"""Platform-neutral messages: a Command comes in, a Reply goes out; handlers speak only these.

Markup is structured, never a platform's syntax. A ``Text`` block is a sequence of parts:

- ``Plain(text)``: text as it is (user text included: each adapter escapes it);
- ``Strong(text)``: emphasised text;
- ``Code(text)``: a word or value to type or copy, in a fixed-width font;
- ``Typed(words)``: a command the member types, without the platform's way of typing it
  (``Typed("horing liste")``): Slack and the console show ``/horing liste``, a Teams
  personal chat ``horing liste``, a Teams channel ``@partnerbot horing liste``;
  ``Typed(words, strong=True)`` is a command as a heading, emphasised (``*/horing*``);
- ``Link(url, label)``: a link with the bot's own label;
- ``Mention(platform, external_id, name)``: a person, by their account (never by name);
  the account's own platform shows a real mention, every other one the name;
- ``Table(rows)``: a preformatted block of rows of cells, columns aligned (one cell a row:
  preformatted lines). It stands on lines of its own.

The notation of the text catalog (``bot/texts``), read by ``bot.i18n.t``:

- ``**strong**``;
- `` `code` ``, and `` `/horing liste` `` (a code span starting with ``/`` and a letter)
  is a ``Typed`` command;
- a line ``~~~`` opens and the next ``~~~`` line closes preformatted lines.

``t()`` puts the parts into a ``str`` as reserved characters (Unicode private use,
U+E000-U+E00F; see ``strong``, ``code``, ``typed``, ``link``, ``mention``, ``table``)
*before* it fills in the placeholders, so user text in a placeholder is never read as
markup, and texts can still be joined and formatted as strings. ``Text(str)`` parses them
into parts; user text has the reserved characters removed where it enters
(``Command``, ``literal``). Handlers that mark up their own strings use the same
functions (``strong(title)``), never asterisks.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, assert_never

# "private": only the asker, and never where others can read it (someone's notes, a private
# feed's address): where an answer is read by everyone (a Teams channel's thread), it goes
# to the asker's personal chat instead; elsewhere it is an ephemeral answer.
Visibility = Literal["ephemeral", "channel", "private"]


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

    def __post_init__(self) -> None:
        # What a member typed is never read as markup (see ``literal``).
        for name in ("user_name", "text", "body"):
            object.__setattr__(self, name, literal(getattr(self, name)))


# -- a person named in a command --------------------------------------------------------

_PERSON_REF = re.compile(r"^@\[([a-z]+):([^\]\s]+)\]$")


@dataclass(frozen=True)
class PersonRef:
    """A person a member named by mentioning them: their account on a platform. Each
    adapter writes its platform's mentions into the command text as ``@[slack:U123]``
    (``ref.token``) before the router reads it."""

    platform: str
    external_id: str

    @property
    def token(self) -> str:
        return f"@[{self.platform}:{self.external_id}]"

    @classmethod
    def parse(cls, text: str) -> PersonRef | None:
        """The reference written as ``@[platform:id]``, or None when the text is not one."""
        found = _PERSON_REF.match(text.strip())
        return cls(found.group(1), found.group(2)) if found else None


# -- parts of a text ------------------------------------------------------------------


@dataclass(frozen=True)
class Plain:
    text: str


@dataclass(frozen=True)
class Strong:
    text: str


@dataclass(frozen=True)
class Code:
    text: str


@dataclass(frozen=True)
class Typed:
    """A command as the member types it, without a platform's prefix: "horing liste";
    ``strong``: emphasised like a heading instead of set off as code."""

    words: str
    strong: bool = False


@dataclass(frozen=True)
class Link:
    url: str
    label: str


@dataclass(frozen=True)
class Mention:
    platform: str
    external_id: str
    name: str


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]

    def lines(self) -> list[str]:
        """The rows with columns padded to one width (the first left, numbers right)."""
        widths: list[int] = []
        for row in self.rows:
            for i, cell in enumerate(row):
                if i == len(widths):
                    widths.append(0)
                widths[i] = max(widths[i], len(cell))
        return [
            "".join(
                cell.ljust(widths[0]) if i == 0 else "  " + cell.rjust(widths[i])
                for i, cell in enumerate(row)
            ).rstrip()
            for row in self.rows
        ]


Part = Plain | Strong | Code | Typed | Link | Mention | Table


class PartWriter(ABC):
    """How one output writes each kind of part: each platform's markup, HTML, plain
    text. ``write`` walks the parts; a new kind of part is one more abstract method here,
    which every output then has to write (mypy and the first instance say where)."""

    @abstractmethod
    def plain(self, part: Plain) -> str: ...

    @abstractmethod
    def strong(self, part: Strong) -> str: ...

    @abstractmethod
    def code(self, part: Code) -> str: ...

    @abstractmethod
    def typed(self, part: Typed) -> str: ...

    @abstractmethod
    def link(self, part: Link) -> str: ...

    @abstractmethod
    def mention(self, part: Mention) -> str: ...

    @abstractmethod
    def table(self, part: Table) -> str: ...

    def part(self, part: Part) -> str:
        match part:
            case Plain():
                return self.plain(part)
            case Strong():
                return self.strong(part)
            case Code():
                return self.code(part)
            case Typed():
                return self.typed(part)
            case Link():
                return self.link(part)
            case Mention():
                return self.mention(part)
            case Table():
                return self.table(part)
            case _:
                assert_never(part)

    def write(self, parts: Iterable[Part]) -> str:
        return "".join(self.part(p) for p in parts)


# The reserved characters that carry parts inside a str (see the module docstring).
_STRONG, _STRONG_END = "\ue000", "\ue001"
_CODE, _CODE_END = "\ue002", "\ue003"
_TYPED, _TYPED_END = "\ue004", "\ue005"
_LINK, _MENTION, _TABLE = "\ue006", "\ue007", "\ue008"
_STRONG_TYPED = "\ue009"  # closed by _TYPED_END
_CELL, _ROW, _END = "\ue00c", "\ue00d", "\ue00e"
_RESERVED = re.compile("[\ue000-\ue00f]")
_OPENERS = {_STRONG: _STRONG_END, _CODE: _CODE_END, _TYPED: _TYPED_END}
_OPENERS[_STRONG_TYPED] = _TYPED_END
_OPENERS.update({_LINK: _END, _MENTION: _END, _TABLE: _END})
_PIECE = re.compile("([\ue000\ue002\ue004\ue006\ue007\ue008\ue009])")


def literal(text: str) -> str:
    """User text with the reserved characters removed: never read as markup."""
    return _RESERVED.sub("", text)


def strong(text: str) -> str:
    return f"{_STRONG}{literal(text)}{_STRONG_END}"


def code(text: str) -> str:
    return f"{_CODE}{literal(text)}{_CODE_END}"


def typed(words: str, *, strong: bool = False) -> str:
    """A command to type, e.g. ``typed("horing liste")`` (a leading "/" is dropped);
    ``strong``: as a heading (``typed("horing", strong=True)``)."""
    opener = _STRONG_TYPED if strong else _TYPED
    return f"{opener}{literal(words).lstrip('/')}{_TYPED_END}"


def link(url: str, label: str) -> str:
    return f"{_LINK}{literal(url)}{_CELL}{literal(label)}{_END}"


def mention(platform: str, external_id: str, name: str) -> str:
    return f"{_MENTION}{literal(platform)}{_CELL}{literal(external_id)}{_CELL}{literal(name)}{_END}"


def table(rows: Iterable[Sequence[str]]) -> str:
    """A preformatted block; put it on lines of its own."""
    return _TABLE + _ROW.join(_CELL.join(literal(c) for c in row) for row in rows) + _END


def _part(opener: str, inner: str) -> Part:
    cells = [literal(cell) for cell in inner.split(_CELL)]
    if opener == _STRONG:
        return Strong(literal(inner))
    if opener == _CODE:
        return Code(literal(inner))
    if opener in (_TYPED, _STRONG_TYPED):
        return Typed(literal(inner), strong=opener == _STRONG_TYPED)
    if opener == _LINK and len(cells) == 2:
        return Link(cells[0], cells[1])
    if opener == _MENTION and len(cells) == 3:
        return Mention(cells[0], cells[1], cells[2])
    if opener == _TABLE:
        rows = inner.split(_ROW)
        return Table(tuple(tuple(literal(c) for c in row.split(_CELL)) for row in rows))
    return Plain(literal(inner))


def parse(text: str) -> tuple[Part, ...]:
    """A str carrying parts (from ``t()`` or the functions above) as parts. A stray or
    unclosed reserved character is dropped, its text kept plain."""
    parts: list[Part] = []
    pieces = _PIECE.split(text)
    plain = pieces[0]
    for i in range(1, len(pieces), 2):
        opener, rest = pieces[i], pieces[i + 1]
        inner, found, after = rest.partition(_OPENERS[opener])
        if not found:
            plain += inner
            continue
        if plain:
            parts.append(Plain(literal(plain)))
        parts.append(_part(opener, inner))
        plain = after
    if plain:
        parts.append(Plain(literal(plain)))
    return tuple(_merge_plain(parts))


def _merge_plain(parts: list[Part]) -> list[Part]:
    out: list[Part] = []
    for part in parts:
        if isinstance(part, Plain) and out and isinstance(out[-1], Plain):
            out[-1] = Plain(out[-1].text + part.text)
        elif not (isinstance(part, Plain) and not part.text):
            out.append(part)
    return out


def _identity(text: str) -> str:
    return text


class PlainWriter(PartWriter):
    """Parts as plain text (``bold`` lets a terminal show Strong in bold). Code and
    commands keep their backquotes: they set off what to type, in any chat or terminal."""

    def __init__(self, bold: Callable[[str], str] = _identity) -> None:
        self.bold = bold

    def plain(self, part: Plain) -> str:
        return part.text

    def strong(self, part: Strong) -> str:
        return self.bold(part.text)

    def code(self, part: Code) -> str:
        return f"`{part.text}`"

    def typed(self, part: Typed) -> str:
        return self.bold(f"/{part.words}") if part.strong else f"`/{part.words}`"

    def link(self, part: Link) -> str:
        return part.url if part.label in ("", part.url) else f"{part.label} ({part.url})"

    def mention(self, part: Mention) -> str:
        return f"@{part.name}"

    def table(self, part: Table) -> str:
        return "\n".join(part.lines())


def plain_part(part: Part) -> str:
    """One part as plain text."""
    return PlainWriter().part(part)


def plain_text(text: str | Sequence[Part], *, bold: Callable[[str], str] = _identity) -> str:
    """A text (a str carrying parts, or parts) without markup."""
    return PlainWriter(bold).write(parse(text) if isinstance(text, str) else text)


def lines(parts: Sequence[Part]) -> list[tuple[Part, ...]]:
    """The parts cut at line ends; a Table is a line of its own."""
    out: list[list[Part]] = [[]]
    after_table = False  # a table ends its line: the line end written after it is that end
    for part in parts:
        if after_table and isinstance(part, Plain) and part.text.startswith("\n"):
            part = Plain(part.text[1:])
        after_table = isinstance(part, Table)
        if isinstance(part, Table):
            if out[-1]:
                out.append([])
            out[-1].append(part)
            out.append([])
        elif isinstance(part, Plain) and "\n" in part.text:
            first, *rest = part.text.split("\n")
            if first:
                out[-1].append(Plain(first))
            for piece in rest:
                out.append([Plain(piece)] if piece else [])
        elif not (isinstance(part, Plain) and not part.text):
            out[-1].append(part)
    if after_table and not out[-1]:
        out.pop()
    return [tuple(line) for line in out]


@dataclass(frozen=True, init=False)
class Text:
    """A block of text: parts (see the module docstring). ``Text("...")`` parses a str
    carrying parts; ``Text(parts)`` takes them as they are."""

    parts: tuple[Part, ...]

    def __init__(self, text: str | Sequence[Part] = "") -> None:
        object.__setattr__(self, "parts", parse(text) if isinstance(text, str) else tuple(text))

    @property
    def text(self) -> str:
        """The block as plain text."""
        return plain_text(self.parts)


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
    """What the bot answers. ``visibility``: only the asker (ephemeral), the channel, or
    only the asker and never in front of others (private, see ``Visibility``).

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


def render_plain(reply: Reply, *, bold: Callable[[str], str] = _identity) -> str:
    """The reply as text without markup; ``bold`` shows Strong parts (a terminal's bold)."""
    out: list[str] = []
    for block in reply.blocks:
        if isinstance(block, Text):
            out.append(plain_text(block.parts, bold=bold))
        elif isinstance(block, Fields):
            items = [(plain_text(label), plain_text(value)) for label, value in block.items]
            width = max((len(label) for label, _ in items), default=0)
            out.extend(f"  {bold(label.ljust(width))}  {value}" for label, value in items)
        elif isinstance(block, Buttons):
            shown = (f"[{plain_text(b.label)}: {b.command}]" for b in block.buttons)
            out.append("  " + "   ".join(shown))
        elif isinstance(block, Divider):
            out.append("")
    return "\n".join(out)


# -- the catalog's notation -------------------------------------------------------------

_NOTATION = re.compile(r"\*\*(?P<strong>[^*\n]+?)\*\*|`(?P<code>[^`\n]+)`")
_FENCE = "~~~"


def _inline(line: str) -> str:
    def part(found: re.Match[str]) -> str:
        if found.group("strong") is not None:
            return f"{_STRONG}{found.group('strong')}{_STRONG_END}"
        words = found.group("code")
        if re.match(r"/\w", words):
            return f"{_TYPED}{words[1:]}{_TYPED_END}"
        return f"{_CODE}{words}{_CODE_END}"

    return _NOTATION.sub(part, line)


def from_notation(source: str) -> str:
    """A catalog text (``**strong**``, `` `code` ``, `` `/command` ``, ``~~~`` lines) as a
    str carrying parts; its ``{placeholders}`` are left for ``str.format``."""
    out: list[str] = []
    pre: list[str] | None = None
    for line in source.split("\n"):
        if line.strip() == _FENCE:
            if pre is None:
                pre = []
            else:
                out.append(_TABLE + _ROW.join(pre) + _END)
                pre = None
        elif pre is not None:
            pre.append(line)
        else:
            out.append(_inline(line))
    if pre is not None:  # an unclosed block: its lines as they are
        out.extend(pre)
    return "\n".join(out)
