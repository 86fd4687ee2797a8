"""One command grammar for every feature: a verb, an optional quoted title, keyword-value pairs.

    ny "Partnerskapsavtale" frist 15.09 fra "Viken fylkeskommune" nettverk infrastruktur

Keywords are known per verb (with their nn and en aliases); a keyword's value runs to the
next keyword, so dates need no quotes. Quotes may be "straight", “curly” or «angled».
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from bot.errors import UserError
from bot.hygiene import MAX_NAME
from bot.i18n import t
from bot.texts.keywords import keyword_example, keyword_word
from storage.text import cut_visibly

_QUOTES = {'"': '"', "“": "”", "”": "”", "«": "»", "„": "“"}
_CLOSERS = ('"', "”", "»", "“")
MAX_REF = 2_147_483_647
# The verb that makes a new item in every feature: `ny`, and the words members type for it.
NEW_WORDS = ("ny", "nytt", "new", "opprett", "lag", "lage", "create", "add")


# A keyword's check of its value (``status``: a status word; ``framdrift``: a percentage).
Check = Callable[[str], bool]


@dataclass(frozen=True)
class NotInFreeText:
    """A check for a keyword taken only where it cannot be words of a free text: not after
    ``free`` was given (``agenda Discuss option 2``), nor after a word of the verb's own
    beyond the item's number (``close 4 1 … option 2``: the time was typed)."""

    check: Check
    free: tuple[str, ...] = ()

    def __call__(self, text: str) -> bool:
        return self.check(text)


@dataclass(frozen=True)
class Token:
    text: str
    quoted: bool = False
    unclosed: bool = False  # a quote that ran to the end of the text without its closing one
    new_line: bool = False  # typed on a new line: a value keeps the line break (slots a line)
    glued: bool = False  # a quote typed right after a word (`Avtale"`): it closes, not opens
    unsaid: bool = False  # a verb the member left out before a field (bot.word_order)


def tokenize(text: str, ends: list[int] | None = None) -> list[Token]:
    """Split on white space, keeping quoted runs whole. An unclosed quote runs to the end.
    ``ends``, when given, gets where each token ends in ``text`` (after its closing quote)."""
    tokens: list[Token] = []
    i, n = 0, len(text)
    new_line = False
    while i < n:
        ch = text[i]
        if ch.isspace():
            new_line = new_line or (ch == "\n" and bool(tokens))
            i += 1
            continue
        if ch in _QUOTES:
            close = _QUOTES[ch]
            end = text.find(close, i + 1)
            if end == -1:  # one of the two made typographic (a phone, Slack): any closes
                found = (text.find(q, i + 1) for q in _CLOSERS)
                end = min((j for j in found if j != -1), default=-1)
            unclosed = end == -1
            if unclosed:
                end = n
            glued = i > 0 and not text[i - 1].isspace()
            tokens.append(
                Token(
                    text[i + 1 : end].strip(),
                    quoted=True,
                    unclosed=unclosed,
                    new_line=new_line,
                    glued=glued,
                )
            )
            i, new_line = end + 1, False
            if ends is not None:
                ends.append(min(i, n))
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] not in _QUOTES:
            j += 1
        tokens.append(Token(text[i:j], new_line=new_line))
        i, new_line = j, False
        if ends is not None:
            ends.append(j)
    return tokens


def typed_tail(text: str, words: int) -> str:
    """The last ``words`` tokens of ``text`` as the member typed them (quotes kept, and the
    spaces between: a note is "the rest of the line", not its words re-joined)."""
    ends: list[int] = []
    tokenize(text, ends)
    before = len(ends) - words
    if words <= 0 or before < 0:
        return "" if words <= 0 else text.strip()
    return text[ends[before - 1] if before else 0 :].strip()


def as_typed(text: str, words: list[Token]) -> str:
    """``words``, the last tokens of the command ``text``, as the member typed them: quotes
    inside kept (``Rådet sa "ja" til planen``), and the spaces between; the rest of the
    line for a note or a reason. Words that are not the command's last (none today) are
    joined as they are. One quoted text alone is that text (``"Saka er løyst"``)."""
    if len(words) == 1 and words[0].quoted:
        return words[0].text
    typed = typed_tail(text, len(words))
    if _spoken(tokenize(typed)) != _spoken(words):
        return " ".join(tok.text for tok in words)
    return typed


def _spoken(words: list[Token]) -> list[str]:
    """The words as compared: runs of white space (inside quotes too) as one space."""
    return [" ".join(tok.text.split()) for tok in words]


def one_line(text: str, limit: int | None = None, keyword: str | None = None) -> str:
    """A title (or the value after ``keyword``: a place, a theme) a member typed, on one
    line (runs of white space, newlines too, are one space), refused with its length and
    ``limit`` when longer: one rule for creation and edits alike, never cut without a word."""
    return within(" ".join(text.split()), limit, keyword)


def within(text: str, limit: int | None, keyword: str | None = None) -> str:
    """``text`` as it is (newlines kept), refused with its length and ``limit`` when longer;
    named as the title, or as the value after ``keyword`` in the member's words."""
    if limit is not None and len(text) > limit:
        if keyword is None:
            raise UserError("grammar.title_too_long", length=len(text), limit=limit)
        raise TextTooLong(keyword, len(text), limit)
    return text


def one_name(text: str, limit: int = MAX_NAME, keyword: str | None = None) -> str:
    """A name a member typed (a person, a partnership, or after ``keyword`` an organisation
    or a sender) by the same rule: one line, refused with its length and ``limit`` when
    longer, never cut. (A name the platform gives is cut with "…": bot.hygiene.)"""
    line = " ".join(text.split())
    if len(line) > limit:
        if keyword is None:
            raise UserError("grammar.name_too_long", length=len(line), limit=limit)
        raise NameTooLong(keyword, len(line), limit)
    return line


MAX_REASON = 500  # why something is called off


def reason(text: str) -> str | None:
    """Why a meeting or a conference is called off, on one line, refused over MAX_REASON
    (nothing is called off then)."""
    line = " ".join(text.split())
    if len(line) > MAX_REASON:
        raise UserError("grammar.reason_too_long", length=len(line), limit=MAX_REASON)
    return line or None


@dataclass
class Args:
    """A parsed command: positional tokens before the first keyword, then keyword values."""

    positional: list[Token] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    # the verb's keywords, to name the nearest one when a word is not known
    keywords: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    checks: Mapping[str, Check] = field(default_factory=dict)
    # a quoted text typed inside a value (`frist 15.09 "Tittel"`), in positional as a late
    # title for `ny`: (its token, the keyword, the whole value with it in its place)
    late: tuple[Token, str, str] | None = None

    @property
    def title(self) -> str | None:
        """The first quoted positional, else the unquoted positionals joined."""
        for tok in self.positional:
            if tok.quoted:
                return tok.text or None
        joined = " ".join(tok.text for tok in self.positional).strip()
        return joined or None

    @property
    def quoted_title(self) -> bool:
        """Whether the title (the positional words) was typed in quotes."""
        return any(tok.quoted for tok in self.positional)

    @property
    def after_ref(self) -> list[Token]:
        """Every positional word but the item's number (the first unquoted one), quoted or
        not, in the order typed: the reason in `avlys 4 saken er løst` (``as_typed`` gives
        it back as typed)."""
        number = next((k for k, tok in enumerate(self.positional) if not tok.quoted), None)
        return [tok for k, tok in enumerate(self.positional) if k != number]

    def strict_title(self, limit: int | None = None) -> str | None:
        """The title of a "new" command, refusing words it would otherwise drop: a word after
        a quoted title, or a misspelt keyword inside an unquoted one (``ansvarlg @ola``).
        A title (a name) is one line: runs of white space, newlines too, are one space;
        one longer than ``limit`` is refused (never cut without a word)."""
        quoted = next((i for i, tok in enumerate(self.positional) if tok.quoted), None)
        if quoted is not None:
            # every word but the title: `"Tittel" "Ekstra"` is refused as `"Tittel" Ekstra` is
            stray = [tok for k, tok in enumerate(self.positional) if k != quoted]
            if stray:
                _date_without_keyword(" ".join(tok.text for tok in stray), self.keywords)
                raise UnknownWord(
                    stray[0].text, self.keywords, near=nearest_keyword(stray[0].text, self.keywords)
                )
        else:
            for k, tok in enumerate(self.positional):
                if k == 0 or not _could_be_keyword(self.positional, k):
                    continue
                near = nearest_keyword(tok.text, self.keywords, strict=True)
                if near is not None and self._could_be_value(near, k + 1):
                    raise UnknownWord(tok.text, self.keywords, near=near)
        title = one_line(self.title or "", limit)
        return title or None

    def refuse_stray(self, *, own: int = 1, title: bool = False) -> None:
        """Refuse a word after an item's number that no keyword took: the verb would do the
        rest and drop it without a word (``/horing endre 2 mottakre NAV frist 20.01``). The
        first ``own`` words without quotes are the verb's (the number, a slot's), and with
        ``title`` the first quoted one (a new title); a word one letter off a keyword is
        answered with that keyword. A quoted text inside a value is that value's here, never
        a new title (`endre 1 mottakere "Horten kommune", "Larvik kommune"` renamed the
        hearing «Larvik kommune»): a title comes right after the number."""
        if self.late is not None:
            tok, name, whole = self.late
            self.options[name], self.late = whole, None
            self.positional = [p for p in self.positional if p is not tok]
        titled = False
        for tok in self.positional:
            if tok.quoted and title and not titled:
                titled = True
            elif not tok.quoted and own > 0:
                own -= 1
            else:
                near = nearest_keyword(tok.text, self.keywords)
                raise StrayWord(tok.text, self.keywords, near=near)

    def _could_be_value(self, keyword: str, start: int) -> bool:
        """Whether the words from ``start`` could be ``keyword``'s value: a word one letter
        off a checked keyword (``framdrifta``) is a misspelling only before a value it takes."""
        check = self.checks.get(keyword)
        rest = " ".join(tok.text for tok in self.positional[start:])
        return check is None or check(rest)

    def words(self) -> list[str]:
        return [tok.text for tok in self.positional]

    def get(self, key: str) -> str | None:
        return self.options.get(key)


def _match_phrase(
    tokens: list[Token], i: int, phrases: Mapping[str, tuple[str, ...]]
) -> tuple[str, int] | None:
    """The longest alias phrase (one or more words) starting at token i, if any; of equal
    lengths, the first in the table (a canonical word, then its aliases, in order). Looked
    up by the token's first word in the table's index (``_phrase_index``), not by trying
    every alias: this runs twice per word of every command."""
    if not phrases:
        return None
    index = _phrase_index(tuple(phrases.items()))
    tok = tokens[i]
    if not tok.quoted:
        n = len(tokens)
        for rest, canonical in index.by_first.get(_keyword_form(tok.text), ()):
            k = len(rest) + 1
            if i + k > n:
                continue
            for m, word in enumerate(rest, i + 1):
                following = tokens[m]
                if following.quoted or _keyword_form(following.text) != word:
                    break
            else:
                return canonical, k
    return index.empty


def _keyword_form(word: str) -> str:
    """A word as a keyword is looked up: casefolded, without the colon of a letter's
    ``frist: 15.09`` or ``mål: 3``."""
    return word.casefold().removesuffix(":")


@dataclass(frozen=True)
class _PhraseIndex:
    """A keyword (or flag) table's aliases by their first word, casefolded: for each, the
    rest of the phrase and its canonical word, longest first and otherwise in table order.
    ``empty``: what an alias without words (which matches anywhere, at width 0) gives."""

    by_first: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    empty: tuple[str, int] | None


@lru_cache(maxsize=256)
def _phrase_index(items: tuple[tuple[str, tuple[str, ...]], ...]) -> _PhraseIndex:
    """Built once per table (keyed by its items, so a changed table is indexed anew)."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    empty: tuple[str, int] | None = None
    for canonical, aliases in items:
        for alias in (canonical, *aliases):
            words = tuple(w.casefold() for w in alias.split())
            if not words:
                empty = empty or (canonical, 0)
                continue
            by_first.setdefault(words[0], []).append((words[1:], canonical))
    return _PhraseIndex(
        {
            first: tuple(sorted(entries, key=lambda e: -len(e[0])))  # stable: table order
            for first, entries in by_first.items()
        },
        empty,
    )


def parse_args(
    tokens: list[Token],
    keywords: Mapping[str, tuple[str, ...]] | None = None,
    flags: Mapping[str, tuple[str, ...]] | None = None,
    checks: Mapping[str, Check] | None = None,
) -> Args:
    """``checks``: keywords that are words like any other where the words after them fail
    the check (``_passes``)."""
    keywords, flags, checks = keywords or {}, flags or {}, checks or {}
    args = Args(keywords=keywords, checks=checks)
    current: str | None = None
    values: dict[str, list[Token]] = {}
    typed: dict[str, str] = {}
    late: tuple[Token, str, int] | None = None
    i = 0
    while i < len(tokens):
        flag = _match_phrase(tokens, i, flags)
        kw = _match_phrase(tokens, i, keywords)
        if kw and (current is not None or not args.quoted_title):
            kw = _checked(kw, tokens, i, (args.positional, values), checks, (keywords, flags))
        if flag and (not kw or flag[1] >= kw[1]):
            args.flags.add(flag[0])
            current = None
            i += flag[1]
            continue
        if kw:
            name, width = kw
            said = " ".join(tok.text for tok in tokens[i : i + width])
            if name in values and current == name and not values[name]:
                i += width  # `frist innen 1. mars`: two words for one keyword, in a row
                continue
            if name in values:
                _duplicate(typed[name], said)
            values[name] = []
            typed[name] = said
            current = name
            i += width
            continue
        tok = tokens[i]
        if tok.unclosed:
            _check_unclosed(tokens, i, keywords, args.positional if current is None else [])
        if current is not None and _title_late(tok, values[current], args.positional):
            late = (tok, current, len(values[current]))
            args.positional.append(tok)
        elif current is None:
            args.positional.append(tok)
        else:
            values[current].append(tok)
        i += 1
    if late is not None:
        tok, name, at = late
        args.late = (tok, name, _joined([*values[name][:at], tok, *values[name][at:]]))
    for name, parts in values.items():
        value = _joined(parts)
        if not value:
            raise MissingValue(name, typed[name])
        _check_value(parts, keywords)
        args.options[name] = value
    return args


def _title_late(tok: Token, value: list[Token], positional: list[Token]) -> bool:
    """`frist 15.09 "Tittel"`: a quoted text after a value has begun is the title of a `ny`
    (after an item's number it stays in the value: ``Args.refuse_stray``)."""
    return tok.quoted and bool(value) and not any(p.quoted for p in positional)


def _joined(parts: list[Token]) -> str:
    """A keyword's value: its words joined by a space, or a line break where one was typed."""
    return "".join(
        ("\n" if tok.new_line else " ") + tok.text if k else tok.text for k, tok in enumerate(parts)
    ).strip()


def _check_of(
    checks: Mapping[str, Check], kw: tuple[str, int] | None, tokens: list[Token], i: int
) -> Check | None:
    """The check of the keyword ``kw`` typed at ``i``: the one of the words typed, where the
    verb checks only some of its words (``påmelding`` alone, not ``påmeldingsfrist``), else
    the keyword's."""
    if kw is None or not checks:
        return None
    said = " ".join(_keyword_form(tok.text) for tok in tokens[i : i + kw[1]])
    return checks.get(said, checks.get(kw[0]))


def _checked(
    kw: tuple[str, int],
    tokens: list[Token],
    i: int,
    read: tuple[list[Token], Mapping[str, object]],
    checks: Mapping[str, Check],
    table: tuple[Mapping[str, tuple[str, ...]], Mapping[str, tuple[str, ...]]],
) -> tuple[str, int] | None:
    """``kw`` typed at ``i``, or None where its check makes it a word like any other.
    ``read``: the positional words and the keyword values read before it; ``table``: the
    verb's keywords and flags."""
    check = _check_of(checks, kw, tokens, i)
    if check is None:
        return kw
    if _in_free_text(check, *read):
        return None
    return kw if _passes(check, tokens, i + kw[1], *table) else None


def _in_free_text(check: Check, before: list[Token], given: Mapping[str, object]) -> bool:
    """Whether a ``NotInFreeText`` keyword is words of a free text here: after the free
    text's keyword, or after a word of the verb's own beyond the item's number."""
    if not isinstance(check, NotInFreeText):
        return False
    return len(before) > 1 or any(name in given for name in check.free)


def takes_keyword(
    tokens: list[Token], keywords: Mapping[str, tuple[str, ...]], checks: Mapping[str, Check]
) -> bool:
    """Whether ``tokens`` begin with a keyword a verb takes there (one checked, only where
    the words after it pass its check): ``påmelding 1. mars``, not ``påmelding merknad …``."""
    kw = _match_phrase(tokens, 0, keywords) if tokens else None
    if kw is None:
        return False
    check = _check_of(checks, kw, tokens, 0)
    return check is None or _passes(check, tokens, kw[1], keywords, {})


def _passes(
    check: Check,
    tokens: list[Token],
    start: int,
    keywords: Mapping[str, tuple[str, ...]],
    flags: Mapping[str, tuple[str, ...]],
) -> bool:
    """Whether the value from ``start`` passes a checked keyword's check. One that fails is
    a word of an unquoted title or of the value before it (``/tiltak ny Utarbeide status
    for breibandsutbygginga``, ``agenda Vel møtt``); after a quoted title it stays the
    keyword (a stray word otherwise), and the verb says what is wrong with its value."""
    end = _value_end(tokens, start, keywords, flags)
    return check(" ".join(tok.text for tok in tokens[start:end]))


def _value_end(
    tokens: list[Token],
    start: int,
    keywords: Mapping[str, tuple[str, ...]],
    flags: Mapping[str, tuple[str, ...]],
) -> int:
    """Where a keyword's value starting at ``start`` ends: at the next keyword or flag, or
    at a quoted text after it has begun (a late title)."""
    j = start
    while j < len(tokens):
        if (tokens[j].quoted and j > start) or _match_phrase(tokens, j, keywords):
            break
        if _match_phrase(tokens, j, flags):
            break
        j += 1
    return j


def _duplicate(first: str, second: str) -> None:
    if first.casefold() == second.casefold():
        raise UserError("grammar.duplicate_keyword", keyword=second)
    raise UserError("grammar.duplicate_keyword_words", first=first, second=second)


def _check_unclosed(
    tokens: list[Token], i: int, keywords: Mapping[str, tuple[str, ...]], title: list[Token]
) -> None:
    """A quote left open swallows the rest of the command: refused when a keyword is in
    what it swallowed (`"Møte mål 3 frist 15.01`), with the quote closed before it; or,
    typed right after a word, as one that closes nothing opened (`Avtale" frist 15.09`).
    ``title``: the title's words before it, when it stands in the title."""
    tok = tokens[i]
    if tok.glued and i and keywords:
        raise _unopened(tokens[i - 1].text, tok, title)
    words = tokenize(tok.text.replace('"', " "))
    for k in range(1, len(words)):
        if _match_phrase(words, k, keywords):
            before = " ".join(w.text for w in words[:k])
            rest = " ".join(w.text for w in words[k:])
            raise UserError("grammar.unclosed_quote", rest=rest, fixed=f'"{before}" {rest}')


def _unopened(word: str, tok: Token, title: list[Token]) -> UserError:
    """A quote typed after ``word`` that closes nothing opened (a phone's quote, or the
    opening one forgotten): it would take the rest of the command as text. After the
    title's words, the title in quotes is the fix offered."""
    if title and not any(w.quoted for w in title):
        words = " ".join(w.text for w in title)
        fixed = f'"{words}" {tok.text}'.rstrip()
        return UserError("grammar.unopened_quote_title", word=word, fixed=fixed)
    return UserError("grammar.unopened_quote", word=word)


def _check_value(parts: list[Token], keywords: Mapping[str, tuple[str, ...]]) -> None:
    """A misspelt keyword glued to the value before it (``ansvarlig "Ola" frsit 1. juni``)
    is refused, not read as part of that value."""
    for k, tok in enumerate(parts):
        if tok.quoted:
            continue
        after_quoted = (
            k > 0
            and parts[k - 1].quoted
            and any(c.isalnum() for c in tok.text)
            and not tok.text.startswith((",", ";"))
            and tok.text.casefold() not in _LIST_WORDS
        )
        if after_quoted:
            raise UnknownWord(tok.text, keywords, near=nearest_keyword(tok.text, keywords))
        if _could_be_keyword(parts, k):
            near = nearest_keyword(tok.text, keywords, strict=True)
            if near is not None:
                raise UnknownWord(tok.text, keywords, near=near)


# Words that join the items of a list value: `mottakere "Horten kommune" og Larvik`.
_LIST_WORDS = frozenset({"og", "and", "&", "+"})


def _could_be_keyword(tokens: list[Token], k: int) -> bool:
    """A word one letter off a keyword is taken for a misspelt one only where a keyword
    could stand: with a value after it, and not as the unit of a number (``2 timer`` is
    hours, not ``times``)."""
    if k + 1 >= len(tokens):
        return False
    before = tokens[k - 1].text if k > 0 else ""
    return not any(c.isdigit() for c in before)


class MissingValue(UserError):
    """A keyword with nothing after it, named as the member writes it, with an example."""

    def __init__(self, canonical: str, typed: str) -> None:
        super().__init__("grammar.missing_value")
        self.canonical, self.typed = canonical, typed

    def message(self, lang: str) -> str:
        return t(
            "grammar.missing_value",
            lang,
            keyword=self.typed,
            example=keyword_example(self.canonical, lang, self.typed),
        )


class TextTooLong(UserError):
    """The value after a keyword over its limit, the keyword named as the member writes it."""

    KEY = "grammar.text_too_long"

    def __init__(self, canonical: str, length: int, limit: int) -> None:
        super().__init__(self.KEY, length=length, limit=limit)
        self.canonical = canonical

    def message(self, lang: str) -> str:
        keyword = keyword_word(self.canonical, lang)
        example = keyword_example(self.canonical, lang)  # for the texts that show one
        return t(self.key, lang, keyword=keyword, example=example, **self.params)


class NameTooLong(TextTooLong):
    """A name after a keyword over its limit: said as a name, with what to type instead."""

    KEY = "grammar.name_after_too_long"


# The keyword a date is given with, per verb: the first of these the verb takes.
_DATE_KEYWORDS = ("slots", "date", "due", "deadline")


def _date_without_keyword(typed: str, keywords: Mapping[str, tuple[str, ...]]) -> None:
    """Refuses ``typed`` (words after a quoted title) as a date whose keyword is missing
    (`/horing ny "Plan" 15.09`), when it reads as one and the verb takes a date."""
    canonical = next((k for k in _DATE_KEYWORDS if k in keywords), None)
    if canonical is not None and reads_as_date(typed):
        raise DateWithoutKeyword(typed, canonical)


def reads_as_date(text: str) -> bool:
    from datetime import UTC, datetime

    from bot.dates import DateParseError, parse_slots, parse_when

    now = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)  # any day: only whether it reads as a date
    for read in (parse_when, parse_slots):
        try:
            read(text, now=now)
        except DateParseError:
            continue
        return True
    return False


class DateWithoutKeyword(UserError):
    """A date typed after the title without the keyword it goes with."""

    def __init__(self, given: str, canonical: str) -> None:
        super().__init__("grammar.date_without_keyword")
        self.given, self.canonical = given, canonical

    def message(self, lang: str) -> str:
        keyword = keyword_word(self.canonical, lang)
        return t("grammar.date_without_keyword", lang, given=self.given, keyword=keyword)


class UnknownWord(UserError):
    """A word the command does not know where a keyword belongs, with the nearest keyword."""

    def __init__(
        self, given: str, keywords: Mapping[str, tuple[str, ...]], *, near: str | None
    ) -> None:
        super().__init__("grammar.unknown_word")
        self.given, self.keywords, self.near = given, keywords, near

    def message(self, lang: str) -> str:
        if self.near is not None:
            return t(
                "grammar.unknown_word_near",
                lang,
                given=self.given,
                keyword=keyword_word(self.near, lang),
                example=keyword_example(self.near, lang),
            )
        return t("grammar.unknown_word", lang, given=self.given, keywords=self.listed(lang))

    def listed(self, lang: str) -> str:
        """The verb's keywords as a member of ``lang`` writes them: `frist`, `fra`, ..."""
        words = dict.fromkeys(keyword_word(c, lang, a[0]) for c, a in self.keywords.items())
        return ", ".join(f"`{word}`" for word in words) or "—"


class StrayWord(UnknownWord):
    """A word after an item's number that no keyword takes (``Args.refuse_stray``): said
    with what may follow the number, or with the keyword it is one letter off."""

    def message(self, lang: str) -> str:
        if self.near is not None:
            return super().message(lang)
        first = next(iter(self.keywords), "")
        return t(
            "grammar.stray_word",
            lang,
            given=cut_visibly(self.given, 60),
            keywords=self.listed(lang),
            example=keyword_example(first, lang),
        )


def nearest_keyword(
    word: str, keywords: Mapping[str, tuple[str, ...]], *, strict: bool = False
) -> str | None:
    """The canonical keyword ``word`` is most likely a misspelling of. ``strict`` (inside a
    title without quotes, where any word may stand): only one edit away, five letters up."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import OSA

    low = _keyword_form(word)
    if strict and len(low) < 5:
        return None
    best: tuple[float, str] | None = None
    for canonical, aliases in keywords.items():
        for alias in (canonical, *aliases):
            if " " in alias:
                continue
            a = alias.casefold()
            if strict:
                if OSA.distance(low, a) != 1:
                    continue
                score = 100.0
            else:
                score = fuzz.ratio(low, a)
                if score < 70:
                    continue
            if best is None or score > best[0]:
                best = (score, canonical)
    return best[1] if best else None


def parse_ref(text: str | None, *, what: str = "") -> int:
    """A short number as members write it: ``3`` or ``#3``."""
    raw = (text or "").strip().lstrip("#").strip()
    if not raw.isdigit() or not raw.isascii():
        raise UserError("grammar.bad_ref", given=(text or "").strip() or "—", what=what)
    value = int(raw)
    if value < 1 or value > MAX_REF:
        raise UserError("grammar.bad_ref", given=text, what=what)
    return value
