"""``_match_phrase`` looks a word up in an index of the table's aliases by first word; it
must accept exactly what trying every alias in turn (as it did before) accepts."""

from __future__ import annotations

from collections.abc import Mapping

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.grammar import Token, _match_phrase, parse_args, tokenize
from handlers.hearings import VERBS as HEARING_VERBS


def every_alias(
    tokens: list[Token], i: int, phrases: Mapping[str, tuple[str, ...]]
) -> tuple[str, int] | None:
    """The former ``_match_phrase``: every alias tried at token i, the longest kept."""
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


WORDS = ["frist", "Frist", "innen", "til", "ned", "fra", "FRA", "deadline", "by", "ß", "ss", ""]
phrase = st.lists(st.sampled_from(WORDS), min_size=0, max_size=3).map(" ".join)
tables = st.dictionaries(
    st.sampled_from(["frist", "fra", "til", "innen", "by"]),
    st.lists(phrase, max_size=4).map(tuple),
    max_size=5,
)
token_lists = st.lists(
    st.builds(Token, st.sampled_from(WORDS[:-1] + ["15.09", "Straße"]), st.booleans()),
    min_size=1,
    max_size=6,
)


@settings(max_examples=500, deadline=None)
@given(phrases=tables, tokens=token_lists, data=st.data())
def test_the_index_finds_what_trying_every_alias_finds(
    phrases: dict[str, tuple[str, ...]], tokens: list[Token], data: st.DataObject
) -> None:
    i = data.draw(st.integers(0, len(tokens) - 1))
    assert _match_phrase(tokens, i, phrases) == every_alias(tokens, i, phrases)


def test_the_index_of_a_changed_table_is_built_anew() -> None:
    phrases = {"frist": ("innen",)}
    tokens = tokenize("ned til 15.09")
    assert _match_phrase(tokens, 0, phrases) is None
    phrases["frist"] = ("ned til",)
    assert _match_phrase(tokens, 0, phrases) == ("frist", 2)


def test_every_verb_table_matches_as_before() -> None:
    """Each hearing verb's own keywords and flags, on each of their aliases typed in
    upper case and followed by a value: the same keyword and width as before."""
    for verb in HEARING_VERBS:
        for table in (verb.keywords, verb.flags):
            for canonical, aliases in table.items():
                for alias in (canonical, *aliases):
                    tokens = tokenize(f"{alias.upper()} 15.09 fra Viken")
                    assert _match_phrase(tokens, 0, table) == every_alias(tokens, 0, table)
                    assert _match_phrase(tokens, 0, table) is not None
        args = parse_args(tokenize('"Høring" 15.09'), verb.keywords, verb.flags)
        assert args.title == "Høring"
