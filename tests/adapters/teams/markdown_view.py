"""What a CommonMark renderer (Teams renders CommonMark's subset, backslash escapes
included) makes of our Teams markdown: the structures it finds and the text it shows."""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

_MD = MarkdownIt("commonmark").enable("strikethrough")
# What a member's text must never turn into.
STRUCTURE = {
    "link_open",
    "image",
    "strong_open",
    "em_open",
    "s_open",
    "heading_open",
    "bullet_list_open",
    "ordered_list_open",
    "blockquote_open",
    "hr",
    "code_inline",
    "fence",
    "html_block",
    "html_inline",
}


@dataclass(frozen=True)
class View:
    structures: list[str]  # in order, e.g. ["strong_open", "link_open"]
    text: str  # what a reader sees, marks removed


def view(markdown: str) -> View:
    structures: list[str] = []
    shown: list[str] = []

    def walk(tokens: list[Token]) -> None:
        for token in tokens:
            if token.type in STRUCTURE and token.content not in ("<br>", "<pre>", "</pre>"):
                structures.append(token.type)
            if token.type in ("text", "code_inline", "code_block"):
                shown.append(token.content)
            elif token.type == "softbreak":
                shown.append("\n")
            walk(token.children or [])

    walk(_MD.parse(markdown))
    return View(structures, "".join(shown))
