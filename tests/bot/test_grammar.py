"""The one command grammar: verb, quoted title, keyword-value pairs; short numbers."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.errors import UserError
from bot.grammar import parse_args, parse_ref, tokenize, typed_tail
from bot.messages import plain_text

KW = {
    "deadline": ("frist", "deadline"),
    "sender": ("fra", "frå", "from"),
    "network": ("nettverk", "network"),
}
FLAGS = {"one_vote": ("én stemme per organisasjon", "one vote per organisation")}


def test_title_then_keywords_with_unquoted_multiword_values() -> None:
    args = parse_args(
        tokenize(
            '"Partnerskapsavtale, generell del" frist torsdag 5. mars kl 10 '
            "fra «Viken fylkeskommune» nettverk infrastruktur"
        ),
        KW,
    )
    assert args.title == "Partnerskapsavtale, generell del"
    assert args.options == {
        "deadline": "torsdag 5. mars kl 10",
        "sender": "Viken fylkeskommune",
        "network": "infrastruktur",
    }


def test_aliases_are_case_insensitive_and_flags_span_words() -> None:
    args = parse_args(tokenize('"Møte" FRIST 15.09 One vote per organisation'), KW, FLAGS)
    assert args.options == {"deadline": "15.09"}
    assert args.flags == {"one_vote"}


def test_quoted_keyword_word_is_a_value_not_a_keyword() -> None:
    args = parse_args(tokenize('"Møte" fra "frist"'), KW)
    assert args.options == {"sender": "frist"}


def test_unbalanced_quote_runs_to_the_end() -> None:
    toks = tokenize('ny "Tittel uten slutt frist 15.09')
    assert toks[-1].quoted and toks[-1].text == "Tittel uten slutt frist 15.09"


def test_curly_quotes() -> None:
    assert tokenize("“Hei på deg” x")[0].text == "Hei på deg"


def test_duplicate_keyword_is_refused() -> None:
    with pytest.raises(UserError) as err:
        parse_args(tokenize("frist 15.09 frist 16.09"), KW)
    assert err.value.key == "grammar.duplicate_keyword"


def test_keyword_without_value_is_refused() -> None:
    with pytest.raises(UserError) as err:
        parse_args(tokenize('"X" frist'), KW)
    assert err.value.key == "grammar.missing_value"


@pytest.mark.parametrize(("text", "value"), [("3", 3), ("#3", 3), (" #12 ", 12)])
def test_refs(text: str, value: int) -> None:
    assert parse_ref(text) == value


@pytest.mark.parametrize("text", ["#0", "0", "-1", "#-1", "#99999999999", "tre", "", None, "٣"])
def test_bad_refs(text: str | None) -> None:
    with pytest.raises(UserError):
        parse_ref(text)


def test_two_words_for_one_keyword_in_a_row_are_one() -> None:
    """`frist innen 1. mars` is how people write it; it was refused as «innen» twice."""
    args = parse_args(tokenize('"Rapport" frist innen 1. mars'), {"due": ("frist", "innen")})
    assert args.options == {"due": "1. mars"}


def test_a_keyword_given_twice_under_two_words_names_both() -> None:
    with pytest.raises(UserError) as err:
        parse_args(tokenize('"Rapport" frist 1. mars innen 2. mars'), {"due": ("frist", "innen")})
    assert err.value.message("nb") == (
        "«frist» og «innen» betyr det samme og står begge i kommandoen. Skriv bare ett av dem."
    )
    assert err.value.message("nn").startswith("«frist» og «innen» tyder det same")
    assert err.value.message("en").startswith("“frist” and “innen” mean the same")


def test_an_unclosed_quote_that_swallows_keywords_is_refused_with_the_fix() -> None:
    """`ny "Møte med Bufetat mål 3 frist 15.01` made an action titled with the goal and the
    due date, with neither (seen in `make run`)."""
    kw = {"goal": ("mål",), "due": ("frist",)}
    with pytest.raises(UserError) as err:
        parse_args(tokenize('"Møte med Bufetat mål 3 frist 15.01'), kw)
    assert plain_text(err.value.message("nb")) == (
        "Anførselstegnet som avslutter tittelen, mangler, så «mål 3 frist 15.01» ble en del av "
        'tittelen. Mente du `"Møte med Bufetat" mål 3 frist 15.01`? Ingenting er lagret.'
    )
    assert "Meinte du" in err.value.message("nn") and "Did you mean" in err.value.message("en")
    # without a keyword inside, an unclosed quote is still the whole title
    assert parse_args(tokenize('"Møte med Bufetat'), kw).title == "Møte med Bufetat"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ('Avtale" frist om 20 dager mottakere NAV', '`"Avtale" frist om 20 dager mottakere NAV`'),
        ('Møte med NAV" frist 15.01', '`"Møte med NAV" frist 15.01`'),
        ('Møte med NAV"', '`"Møte med NAV"`'),
    ],
)
def test_a_quote_after_a_title_never_opened_is_refused_with_the_title_in_quotes(
    text: str, fixed: str
) -> None:
    """`/horing ny Avtale" frist 15.09 mottakere NAV`: the quote closes a title never opened.
    It was read as opening one, and the answer offered `"frist om 20 dager" mottakere NAV`
    (or, without a keyword after it, called the title an unknown word)."""
    kw = {"due": ("frist",), "addressees": ("mottakere",)}
    with pytest.raises(UserError) as err:
        parse_args(tokenize(text), kw)
    said = plain_text(err.value.message("nb"))
    assert said.startswith("Anførselstegnet etter «") and f"Mente du {fixed}?" in said, said
    assert "Meinte du" in err.value.message("nn") and "Did you mean" in err.value.message("en")


def test_a_quote_after_a_value_never_opened_is_refused() -> None:
    """`fra Viken" mottakere NAV` read «mottakere NAV» into the sender and dropped them."""
    kw = {"sender": ("fra",), "addressees": ("mottakere",)}
    with pytest.raises(UserError) as err:
        parse_args(tokenize('"Avtale" fra Viken" mottakere NAV'), kw)
    said = plain_text(err.value.message("nb"))
    assert said.startswith("Anførselstegnet etter «Viken» lukker ikke noe"), said
    assert "Ingenting er lagra" in err.value.message("nn")
    assert "Nothing was saved" in err.value.message("en")
    # a quote that opens a title is one, whatever its first word
    assert parse_args(tokenize('"Status for breibandet'), {"status": ("status",)}).title == (
        "Status for breibandet"
    )


@pytest.mark.parametrize("closing", ["”", "»", "“"])
def test_a_straight_quote_closed_by_a_typographic_one_is_closed(closing: str) -> None:
    """Phones and Slack turn one of the two quotes typographic: `"Møte om mål” frist 1.3`
    is the title «Møte om mål» and a due date, not an unclosed quote."""
    kw = {"goal": ("mål",), "due": ("frist",)}
    args = parse_args(tokenize(f'"Møte om mål{closing} frist 1.3'), kw)
    assert args.title == "Møte om mål" and args.options["due"] == "1.3"


CHECKED = {"status": ("status",), "deadline": ("frist",), "agenda": ("agenda",)}
CHECKS = {"status": lambda value: value in ("i gang", "ferdig")}


@pytest.mark.parametrize(
    ("text", "positional", "options"),
    [
        ("Utarbeide status for breiband", "Utarbeide status for breiband", {}),
        ("Status: breiband frist 15.09", "Status: breiband", {"deadline": "15.09"}),
        (
            "Lage plan status i gang frist 15.09",
            "Lage plan",
            {"status": "i gang", "deadline": "15.09"},
        ),
        ("Lage plan agenda Sjå på status no", "Lage plan", {"agenda": "Sjå på status no"}),
        (
            "Lage plan agenda Punkt 1 status ferdig",
            "Lage plan",
            {"agenda": "Punkt 1", "status": "ferdig"},
        ),
    ],
)
def test_a_checked_keyword_is_a_word_where_its_value_fails(
    text: str, positional: str, options: dict[str, str]
) -> None:
    """`checks`: a keyword taken only where the words after it pass; elsewhere a word of the
    title or of the value before it."""
    args = parse_args(tokenize(text), CHECKED, checks=CHECKS)
    assert " ".join(args.words()) == positional
    assert args.options == options


def test_a_checked_keyword_after_a_quoted_title_stays_the_keyword() -> None:
    """After a quoted title the word would be stray: the keyword, for the verb to refuse."""
    args = parse_args(tokenize('"Lage plan" status snart'), CHECKED, checks=CHECKS)
    assert args.title == "Lage plan" and args.options == {"status": "snart"}


@pytest.mark.parametrize(
    ("text", "words", "tail"),
    [
        ('notat 1 Rådet sa "ja" til planen', 5, 'Rådet sa "ja" til planen'),
        ("notat 1 Rådet sa «ja»", 3, "Rådet sa «ja»"),
        ('notat 1 "Ja" frå rådet', 3, '"Ja" frå rådet'),
        ('notat 1 sa "ja til planen', 2, 'sa "ja til planen'),  # never closed
        ("notat 1  to   mellomrom ", 2, "to   mellomrom"),
        ('notat 1"ja"', 1, '"ja"'),
        ("notat 1 a", 0, ""),
        ("a b", 5, "a b"),
    ],
)
def test_typed_tail_is_the_last_words_as_typed(text: str, words: int, tail: str) -> None:
    assert typed_tail(text, words) == tail


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list('ab 1\n"“”«»„#')), max_size=30),
    words=st.integers(min_value=0, max_value=8),
)
def test_the_typed_tail_has_the_last_words(text: str, words: int) -> None:
    """What `typed_tail` gives is read as the same last words: a note typed after the
    number is the note, whatever quotes are in it."""
    tokens = tokenize(text)
    tail = tokenize(typed_tail(text, words))
    expected = tokens[len(tokens) - min(words, len(tokens)) :] if words else []
    assert [(tok.text, tok.quoted) for tok in tail] == [(tok.text, tok.quoted) for tok in expected]


def test_a_quote_after_a_word_is_text_where_the_verb_takes_no_keywords() -> None:
    """A note or a reason is the rest of the line as typed: an inch mark stays (`27" skjerm`),
    and a quote right after the verb opens its text (`ny"Møte`)."""
    assert parse_args(tokenize('Skjermen er 27" stor')).words()[-1] == "stor"
    assert parse_args(tokenize('"Møte'), {"due": ("frist",)}).title == "Møte"


def test_a_second_quoted_text_after_the_title_is_refused_not_dropped() -> None:
    """`/tiltak ny "Tittel" "Ekstra"` made the action «Tittel» and dropped «Ekstra»."""
    args = parse_args(tokenize('"Tittel" "Ekstra"'), {"due": ("frist",)})
    with pytest.raises(UserError) as err:
        args.strict_title()
    assert plain_text(err.value.message("nb")).startswith("Kjenner ikke «Ekstra». Etter tittelen")
    assert parse_args(tokenize('"Tittel" frist 1.3'), {"due": ("frist",)}).strict_title() == (
        "Tittel"
    )
