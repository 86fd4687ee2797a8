"""Nothing below bot/adapters speaks a platform: no Slack mention or markup syntax, no Block
Kit, in the code of bot/ and handlers/ or in any text of the catalog (issue 19, Must show 1)."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

from bot.i18n import CATALOG

ROOT = Path(__file__).resolve().parents[2]
# What only Slack reads: mentions and pings, mrkdwn, code fences, Block Kit's keys.
FORBIDDEN = {
    "a Slack mention": re.compile(r"<@"),
    "a Slack channel ping": re.compile(r"<!(channel|here|everyone)"),
    "mrkdwn": re.compile(r"mrkdwn"),
    "a code fence": re.compile(r"```"),
    "a Block Kit key": re.compile(
        r"""["'](type|text)["']\s*:\s*["'](section|mrkdwn|plain_text|actions|context)["']"""
        r"""|["'](elements|accessory|action_id|block_id)["']\s*:"""
    ),
    "a Slack link": re.compile(r"<https?://[^>|]*\|"),
}
# Slack's *bold*: one star on each side of a word (the catalog's own notation is **strong**).
SLACK_BOLD = re.compile(r"(?<![\w*])\*(?=[^\s*])[^*\n]+?(?<=\S)\*(?![\w*])")


def sources() -> list[Path]:
    files = [*(ROOT / "bot").rglob("*.py"), *(ROOT / "handlers").rglob("*.py")]
    return sorted(f for f in files if "adapters" not in f.relative_to(ROOT).parts)


def problems(text: str, *, bold: bool) -> list[str]:
    found = [name for name, pattern in FORBIDDEN.items() if pattern.search(text)]
    if bold and SLACK_BOLD.search(text):
        found.append("Slack's *bold*")
    return found


def string_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of each string literal but docstrings and regular expressions (raw
    strings): the texts a reply could carry a *bold* in."""
    out = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type != tokenize.STRING:
            continue
        prefix = tok.string[: len(tok.string) - len(tok.string.lstrip("rRbBfFuU"))]
        quotes = tok.string[len(prefix) :]
        if "r" in prefix.lower() or quotes.startswith(('"""', "'''")):
            continue
        out.append((tok.start[0], tok.string))
    return out


def test_the_scan_finds_each_kind_of_platform_syntax() -> None:
    for sample in ("<@U123>", "<!channel>", '"mrkdwn"', "```", '"action_id": "x"', "<https://x|y>"):
        assert problems(sample, bold=True), sample
    assert problems("*Møtepoll #2*", bold=True) == ["Slack's *bold*"]
    assert problems("**Møtepoll #2** 3 * 4 and 5*6", bold=True) == []


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_platform_syntax_in_the_core(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    where = []
    for n, line in enumerate(source.splitlines(), 1):
        where += [f"{path.relative_to(ROOT)}:{n}: {p}" for p in problems(line, bold=False)]
    for n, literal in string_literals(source):
        where += [f"{path.relative_to(ROOT)}:{n}: {p}" for p in problems(literal, bold=True)]
    assert not where, "\n".join(where)


def test_no_platform_syntax_in_the_catalog() -> None:
    where = [
        f"bot/texts: {key} ({lang}): {problem}"
        for key, entry in CATALOG.items()
        for lang, text in entry.items()
        for problem in problems(text, bold=True)
    ]
    assert not where, "\n".join(where)
