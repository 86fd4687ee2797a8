"""Neutral markup as HTML for the pages: every text of every part escaped, then the bot's
own parts as elements (``<strong>``, ``<code>``, ``<a>``, a ``<table>``). Jinja2 keeps
autoescaping everything else; what this returns is marked safe because it is escaped."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markupsafe import Markup, escape

from bot.messages import Code, Link, Mention, Part, Plain, Strong, Table, Typed, parse

_SAFE_URL = re.compile(r"https?://\S+")


def part_html(part: Part) -> str:
    if isinstance(part, Strong):
        return f"<strong>{escape(part.text)}</strong>"
    if isinstance(part, Code):
        return f"<code>{escape(part.text)}</code>"
    if isinstance(part, Typed):
        tag = "strong" if part.strong else "code"
        return f"<{tag}>/{escape(part.words)}</{tag}>"
    if isinstance(part, Link):
        label = escape(part.label or part.url)
        if _SAFE_URL.fullmatch(part.url):
            return f'<a href="{escape(part.url)}">{label}</a>'
        return f"{label} ({escape(part.url)})"
    if isinstance(part, Mention):
        return str(escape(f"@{part.name}"))
    if isinstance(part, Table):
        rows = "".join(
            "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>"
            for row in part.rows
        )
        return f'<table class="pre">{rows}</table>'
    assert isinstance(part, Plain)
    return str(escape(part.text))


def html(text: str | Sequence[Part]) -> Markup:
    """A text carrying parts (``t()``'s result) as safe HTML."""
    parts = parse(text) if isinstance(text, str) else text
    return Markup("".join(part_html(p) for p in parts))
