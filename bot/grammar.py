"""One command grammar for every feature: a verb, an optional quoted title, keyword-value pairs.

    ny "Partnerskapsavtale" frist 15.09 fra "Viken fylkeskommune" nettverk infrastruktur

Keywords are known per verb (with their nn and en aliases); a keyword's value runs to the
next keyword, so dates need no quotes. Quotes may be "straight", “curly” or «angled».
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.errors import UserError

_QUOTES = {'"': '"', "“": "”", "”": "”", "«": "»", "„": "“"}
MAX_REF = 2_147_483_647


@dataclass(frozen=True)
class Token:
    text: str
    quoted: bool = False


def tokenize(text: str) -> list[Token]:
    """Split on white space, keeping quoted runs whole. An unclosed quote runs to the end."""
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in _QUOTES:
            close = _QUOTES[ch]
            end = text.find(close, i + 1)
            if end == -1 and close != '"':
                end = text.find('"', i + 1)
            if end == -1:
                end = n
            tokens.append(Token(text[i + 1 : end].strip(), quoted=True))
            i = end + 1
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] not in _QUOTES:
            j += 1
        tokens.append(Token(text[i:j]))
        i = j
    return tokens


@dataclass
class Args:
    """A parsed command: positional tokens before the first keyword, then keyword values."""

    positional: list[Token] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def title(self) -> str | None:
        """The first quoted positional, else the unquoted positionals joined."""
        for tok in self.positional:
            if tok.quoted:
                return tok.text or None
        joined = " ".join(tok.text for tok in self.positional).strip()
        return joined or None

    def words(self) -> list[str]:
        return [tok.text for tok in self.positional]

    def get(self, key: str) -> str | None:
        return self.options.get(key)


def _match_phrase(
    tokens: list[Token], i: int, phrases: Mapping[str, tuple[str, ...]]
) -> tuple[str, int] | None:
    """The longest alias phrase (one or more words) starting at token i, if any."""
    best: tuple[str, int] | None = None
    for canonical, aliases in phrases.items():
        for alias in (canonical, *aliases):
            words = alias.split()
            k = len(words)
            if i + k > len(tokens) or any(tokens[i + m].quoted for m in range(k)):
                continue
            if [tok.text.casefold() for tok in tokens[i : i + k]] == [w.casefold() for w in words]:
                if best is None or k > best[1]:
                    best = (canonical, k)
    return best


def parse_args(
    tokens: list[Token],
    keywords: Mapping[str, tuple[str, ...]] | None = None,
    flags: Mapping[str, tuple[str, ...]] | None = None,
) -> Args:
    keywords, flags = keywords or {}, flags or {}
    args = Args()
    current: str | None = None
    values: dict[str, list[str]] = {}
    i = 0
    while i < len(tokens):
        flag = _match_phrase(tokens, i, flags)
        kw = _match_phrase(tokens, i, keywords)
        if flag and (not kw or flag[1] >= kw[1]):
            args.flags.add(flag[0])
            current = None
            i += flag[1]
            continue
        if kw:
            name, width = kw
            if name in values:
                raise UserError("grammar.duplicate_keyword", keyword=tokens[i].text)
            values[name] = []
            current = name
            i += width
            continue
        tok = tokens[i]
        if current is None:
            args.positional.append(tok)
        else:
            values[current].append(tok.text)
        i += 1
    for name, parts in values.items():
        value = " ".join(parts).strip()
        if not value:
            raise UserError("grammar.missing_value", keyword=name)
        args.options[name] = value
    return args


def parse_ref(text: str | None, *, what: str = "") -> int:
    """A short number as members write it: ``3`` or ``#3``."""
    raw = (text or "").strip().lstrip("#").strip()
    if not raw.isdigit() or not raw.isascii():
        raise UserError("grammar.bad_ref", given=(text or "").strip() or "—", what=what)
    value = int(raw)
    if value < 1 or value > MAX_REF:
        raise UserError("grammar.bad_ref", given=text, what=what)
    return value
