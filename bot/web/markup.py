"""Neutral markup as HTML for the pages: every text of every part escaped, then the bot's
own parts as elements (``<strong>``, ``<code>``, ``<a>``, a ``<table>``). Jinja2 keeps
autoescaping everything else; what this returns is marked safe because it is escaped."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markupsafe import Markup, escape

from bot.messages import (
    Code,
    Link,
    Mention,
    Part,
    PartWriter,
    Plain,
    Strong,
    Table,
    Typed,
    parse,
)

_SAFE_URL = re.compile(r"https?://\S+")


class Html(PartWriter):
    """Parts as HTML elements, every text in them escaped."""

    def plain(self, part: Plain) -> str:
        return str(escape(part.text))

    def strong(self, part: Strong) -> str:
        return f"<strong>{escape(part.text)}</strong>"

    def code(self, part: Code) -> str:
        return f"<code>{escape(part.text)}</code>"

    def typed(self, part: Typed) -> str:
        tag = "strong" if part.strong else "code"
        return f"<{tag}>/{escape(part.words)}</{tag}>"

    def link(self, part: Link) -> str:
        label = escape(part.label or part.url)
        if _SAFE_URL.fullmatch(part.url):
            return f'<a href="{escape(part.url)}">{label}</a>'
        return f"{label} ({escape(part.url)})"

    def mention(self, part: Mention) -> str:
        return str(escape(f"@{part.name}"))

    def table(self, part: Table) -> str:
        rows = "".join(
            "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>"
            for row in part.rows
        )
        return f'<table class="pre">{rows}</table>'


_HTML = Html()


def html(text: str | Sequence[Part]) -> Markup:
    """A text carrying parts (``t()``'s result) as safe HTML."""
    return Markup(_HTML.write(parse(text) if isinstance(text, str) else text))
