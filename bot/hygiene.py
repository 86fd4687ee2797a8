"""What a person typed, made safe to store and echo: the router cleans every command here.

- NUL and the other C0 controls (and DEL, and the C1 controls) are dropped, except
  newline and tab: PostgreSQL refuses NUL in text, and ESC sequences would drive a
  terminal (the console) or hide text.
- A lone surrogate (JSON can carry "\\ud800") cannot be encoded as UTF-8: it becomes
  U+FFFD instead of an error when it is stored or sent.
- Bidi overrides and isolates (U+202A-U+202E, U+2066-U+2069) are dropped: they make a
  title or a link read differently from what it is ("Trojan Source").
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.messages import Command

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` without controls (but newline and tab), bidi overrides, lone surrogates.
    A CR before a newline is part of the line end: CRLF becomes LF."""
    text = text.replace("\r\n", "\n")
    return _SURROGATES.sub("\ufffd", _CONTROLS.sub("", text))


def clean_command(command: Command) -> Command:
    """The command with every text a person chose cleaned (ids are the platform's)."""
    return replace(
        command,
        user_name=clean_text(command.user_name),
        text=clean_text(command.text),
        body=clean_text(command.body),
        channel_name=clean_text(command.channel_name) if command.channel_name else None,
    )
