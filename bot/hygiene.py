"""What a person typed, made safe to store and echo: the router cleans every command here.

- NUL and the other C0 controls (and DEL, and the C1 controls) are dropped, except
  newline and tab: PostgreSQL refuses NUL in text, and ESC sequences would drive a
  terminal (the console) or hide text.
- A lone surrogate (JSON can carry "\\ud800") cannot be encoded as UTF-8: it becomes
  U+FFFD instead of an error when it is stored or sent.
- Bidi overrides and isolates (U+202A-U+202E, U+2066-U+2069) are dropped: they make a
  title or a link read differently from what it is ("Trojan Source"); so are the
  invisible bidi marks (U+200E, U+200F, U+061C).
- Invisible characters are dropped: zero-width space, word joiner and the invisible
  operators, byte order mark, soft hyphen, Mongolian vowel separator, Hangul fillers,
  combining grapheme joiner, tag characters. They make a title that shows as nothing,
  or a name that looks like another member's ("Kari\\u200b Nordmann") but is not. The
  zero-width joiner and non-joiner stay only between two non-ASCII characters, where
  they build emoji (👩‍👧) and join letters in some scripts.
- A name (a member's display name from the platform, a channel's) is one line of at
  most ``MAX_NAME`` characters: the columns hold 200, and a name is shown in lines. A
  longer one ends in "…" where it was cut, so the cut shows (a name a member types is
  refused instead: bot.grammar.one_name).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.messages import Command
from storage.text import cut_visibly

MAX_NAME = 200

_CONTROLS = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
    r"\u200b\u2060-\u2064\ufeff\u00ad\u180e\u115f\u1160\u3164\uffa0\u034f"
    r"\U000e0000-\U000e007f]"
)
# A joiner next to the start, the end, an ASCII character or a space joins nothing.
_STRAY_JOINER = re.compile(r"(?<![^\x00-\x7f\s])[\u200c\u200d]|[\u200c\u200d](?![^\x00-\x7f\s])")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` without controls (but newline and tab), bidi overrides and marks, invisible
    characters and lone surrogates. A CR before a newline is part of the line end: CRLF
    becomes LF."""
    text = text.replace("\r\n", "\n")
    text = _STRAY_JOINER.sub("", _CONTROLS.sub("", text))
    return _SURROGATES.sub("\ufffd", text)


def clean_name(text: str) -> str:
    """A name as ``clean_text`` leaves it, on one line (runs of white space are one
    space) and cut to ``MAX_NAME`` characters with "…"."""
    return cut_visibly(" ".join(clean_text(text).split()), MAX_NAME)


def clean_command(command: Command) -> Command:
    """The command with every text a person chose cleaned (ids are the platform's)."""
    return replace(
        command,
        user_name=clean_name(command.user_name),
        text=clean_text(command.text),
        body=clean_text(command.body),
        channel_name=clean_name(command.channel_name) if command.channel_name else None,
    )
