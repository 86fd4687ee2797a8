"""Every user-facing text exists in bokmål, nynorsk and English with the same placeholders."""

import string

import pytest

from bot.i18n import CATALOG, LANGUAGES, language_from_locale, normalize_language, t


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_every_key_in_all_languages_with_same_placeholders(key: str) -> None:
    entry = CATALOG[key]
    assert set(entry) == set(LANGUAGES), f"{key} has {sorted(entry)}"
    assert all(entry[lang].strip() for lang in LANGUAGES), f"{key} has an empty text"
    names = {lang: placeholders(entry[lang]) for lang in LANGUAGES}
    assert names["nb"] == names["nn"] == names["en"], f"{key}: {names}"


def test_nynorsk_is_not_a_copy_of_bokmal_for_sentences() -> None:
    # Short labels may be equal in both, but most sentences differ (eg/jeg, ikkje/ikke).
    sentences = [e for e in CATALOG.values() if len(e["nb"]) > 60]
    differing = [e for e in sentences if e["nb"] != e["nn"]]
    assert sentences and len(differing) / len(sentences) > 0.6


def test_nynorsk_keeps_the_gender_of_medlem_and_stemme() -> None:
    """Seen as a new user in nynorsk: "legg til eller endre ein medlem", "Finn ikkje
    medlemen", "Éin stemme per organisasjon". In nynorsk medlem is neuter (eit medlem,
    medlemmet) and stemme feminine (ei stemme)."""
    import re

    wrong = re.compile(r"\b(?:ein (?:ny )?medlem|medlemen|éin stemme|ein stemme)\b", re.I)
    for key, entry in CATALOG.items():
        found = wrong.search(re.sub(r"`[^`]*`", "", entry["nn"]))  # not in a command
        assert found is None, f"{key}/nn: {found.group(0)!r} in {entry['nn']!r}"


# Bokmål forms that slipped into nynorsk texts. `svare` is an a-verb in nynorsk
# (svarar, svara, har svara): "har svart" and "svarte" are bokmål.
BOKMAL_IN_NYNORSK = (
    r"svart",
    r"svarte",
    r"ikke",
    r"jeg",
    r"hva",
    r"hvem",
    r"hvis",
    r"hvor",
    r"hvordan",
    r"noen",
    r"noe",
    r"mye",
    r"hjem",
    r"bare",
    r"uten",
    r"fra",
    r"mer",
    r"ennå",
    r"gjester",
    r"mottakere",
    r"påminnelser?",
    # Seen while writing nynorsk through the whole tool (none may come back):
    r"hvilke[nt]?",
    r"allerede",
    r"dere",
    r"være",
    r"gjøre",
    r"ble",
    r"dager",
    r"uker?",
    r"uka",
    r"måneder?",
    r"timer",
    r"mandag",
    r"tirsdag",
    r"lørdag",
    r"søndag",
    r"fremdrift",
    r"ansvarlige?",
    r"deltakere",
    r"innspill",
    r"høring(?:er|en)?",
    r"sted",
    r"selv",
    r"fortsatt",
    r"sammen",
    r"mens",
    r"kun",
    r"egen",
    r"hennes",
    r"forsinket",
)


def test_nynorsk_texts_have_no_bokmal_forms() -> None:
    """The nynorsk texts said "har svart" 30 times beside "har svara" 6 times. Commands
    in code spans are left out: `/horing svart` is the command word in every language."""
    import re

    wrong = re.compile(r"(?<![\wæøå])(?:" + "|".join(BOKMAL_IN_NYNORSK) + r")(?![\wæøå])", re.I)
    found = {}
    for key, entry in CATALOG.items():
        text = re.sub(r"`[^`]*`|/\w+ \w+", "", entry["nn"])  # not in a command
        hits = wrong.findall(text)
        if hits:
            found[key] = hits
    assert not found, f"bokmål in nynorsk texts: {found}"


def test_nynorsk_examples_type_the_nynorsk_keywords() -> None:
    """The nynorsk help taught `/konferanse ny ... sted "..." plasser 250` beside
    `/konferanse endre 2 plassar 300 stad "..."`: a command in a nynorsk text types the
    nynorsk keyword where it differs from the bokmål one (both are understood)."""
    import re

    from bot.texts.keywords import _WORDS

    bokmal = {nb: nn for (nb, nn, _en), _ in _WORDS.values() if nb != nn}
    for key, entry in CATALOG.items():
        for code in re.findall(r"`([^`]*)`", entry["nn"]):
            words = code.split()
            first = 2 if code.startswith("/") else 0  # past `/partnerbot partnerskap`
            for word in words[first:]:
                assert word not in bokmal, f"{key}/nn types {word!r}, not {bokmal[word]!r}"


def test_nynorsk_texts_teach_the_nynorsk_verbs() -> None:
    """The nynorsk help, the hint under a new hearing and its button typed bokmål
    `/horing svart`, and a nynorsk member who typed `/horing svara` got the whole help:
    a command in a nynorsk text types the nynorsk verb (both are understood)."""
    import re

    nynorsk = {"svart": "svara", "koble": "kople", "lenke": "lenkje", "partnerskap": "partnarskap"}
    for key, entry in CATALOG.items():
        for command, verb in re.findall(r"(/\w+) (\w+)", entry["nn"]):
            assert verb not in nynorsk, f"{key}/nn types {command} {verb}, not {nynorsk[verb]}"


def test_english_texts_teach_the_english_verbs() -> None:
    """ "(see the numbers with `/tiltak liste`)" in an English answer, beside `/tiltak list`
    everywhere else: an English text types the English word of a verb (both work)."""
    import re

    bokmal = {"liste", "ny", "vis", "svar", "svart", "endre", "lukk", "slett", "ferdig"}
    bokmal |= {"medlem", "koble", "nettverk", "hjelp", "meg", "språk", "oversikt", "mål"}
    for key, entry in CATALOG.items():
        for code in re.findall(r"`(/[^`]*)`", entry["en"]):
            words = code.split()
            assert len(words) < 2 or words[1] not in bokmal, f"{key}/en teaches {code!r}"


def test_t_formats_and_falls_back_to_bokmal() -> None:
    assert t("help.unknown_command", "en", given="/x") == "I don't know the command /x."
    assert t("help.unknown_command", "xx", given="/x") == "Jeg kjenner ikke kommandoen /x."


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("nn", "nn"),
        ("Nynorsk", "nn"),
        ("nb-NO", "nb"),
        ("no", "nb"),
        ("en-GB", "en"),
        ("english", "en"),
        ("sv", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_language(given: str | None, expected: str | None) -> None:
    assert normalize_language(given) == expected


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en-US", "en"),  # Slack's adapter leaves its en-US out: tests/adapters/slack
        ("en_US", "en"),
        ("en-GB", "en"),
        ("nb-NO", "nb"),
        ("nn-NO", "nn"),
        (None, None),
        ("de-DE", None),
    ],
)
def test_language_from_locale(locale: str | None, expected: str | None) -> None:
    assert language_from_locale(locale) == expected
