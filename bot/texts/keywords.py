"""The keywords of the command grammar as a member reads them: the word and an example
of its value, per canonical name, for errors that name a keyword in the member's language."""

from __future__ import annotations

_WORDS: dict[str, tuple[tuple[str, str, str], tuple[str, str, str]]] = {
    # canonical: ((nb, nn, en), (example value nb, nn, en))
    "goal": (("mål", "mål", "goal"), ("1", "1", "1")),
    "owner": (("ansvarlig", "ansvarleg", "owner"), ("@kari", "@kari", "@kari")),
    "due": (("frist", "frist", "due"), ("1. juni", "1. juni", "1 June")),
    "network": (("nettverk", "nettverk", "network"), ("infrastruktur",) * 3),
    "progress": (("fremdrift", "framdrift", "progress"), ("40%", "40%", "40%")),
    "status": (("status", "status", "status"), ("pågår", "i gang", "ongoing")),
    "title": (("tittel", "tittel", "title"), ('"Ny tittel"', '"Ny tittel"', '"New title"')),
    "page": (("side", "side", "page"), ("2", "2", "2")),
    "file": (("fil", "fil", "file"), ("arbeidsprogram.txt",) * 3),
    "date": (("dato", "dato", "date"), ("5. mars kl 09-16", "5. mars kl. 09-16", "5 March 9-16")),
    "place": (("sted", "stad", "place"), ('"Tønsberg rådhus"',) * 3),
    "theme": (
        ("tema", "tema", "theme"),
        ('"Grønn omstilling"', '"Grøn omstilling"', '"Green shift"'),
    ),
    "programme": (("program", "program", "programme"), ("https://vestfold.no/program",) * 3),
    "registration_deadline": (
        ("påmeldingsfrist", "påmeldingsfrist", "registration deadline"),
        ("20. februar", "20. februar", "20 February"),
    ),
    "seats": (("plasser", "plassar", "seats"), ("250", "250", "250")),
    "audience": (("publikum", "publikum", "audience"), ("infrastruktur", "infrastruktur", "all")),
    "deadline": (("frist", "frist", "deadline"), ("15.09", "15.09", "15.09")),
    "sender": (("fra", "frå", "from"), ('"Viken fylkeskommune"',) * 3),
    "link": (("lenke", "lenkje", "link"), ("https://www.regjeringen.no/høring",) * 3),
    "addressees": (
        ("mottakere", "mottakarar", "addressees"),
        ('"Horten kommune, Larvik kommune"',) * 3,
    ),
    "remind": (("påminn", "påminn", "remind"), ("7d,1d", "7d,1d", "7d,1d")),
    "organisation": (("org", "org", "org"), ("NAV", "NAV", "NAV")),
    "slots": (
        ("tider", "tider", "slots"),
        (
            "tirsdag 10-12, torsdag 13-15",
            "tysdag 10-12, torsdag 13-15",
            "Tuesday 10-12, Thursday 13-15",
        ),
    ),
    "closes": (
        ("svarfrist", "svarfrist", "closes"),
        ("i morgen kl 12", "i morgon kl. 12", "tomorrow 12:00"),
    ),
    "duration": (("varighet", "varigheit", "duration"), ("90 min", "90 min", "90 min")),
    "invitees": (("inviterte", "inviterte", "invitees"), ('"Kari Nordmann, Ola Nordmann"',) * 3),
    "agenda": (
        ("agenda", "agenda", "agenda"),
        ('"Status for tiltakene"', '"Status for tiltaka"', '"Status of the actions"'),
    ),
    "choice": (("valg", "val", "choice"), ("2", "2", "2")),
    "chosen": (("valg", "val", "choice"), ("2", "2", "2")),  # `vel 2`: as `valg 2`
    "partnership": (("partnerskap", "partnarskap", "partnership"), ("Vestfold",) * 3),
    "organisations": (("organisasjoner", "organisasjonar", "organisations"), ('"NAV, USN"',) * 3),
    "role": (("rolle", "rolle", "role"), ("organisator", "organisator", "organiser")),
    "language": (("språk", "språk", "language"), ("nn", "nn", "en")),
    "note": (("merknad", "merknad", "note"), ('"vegetar"', '"vegetar"', '"vegetarian"')),
}
_INDEX = {"nb": 0, "nn": 1, "en": 2}


def keyword_word(canonical: str, lang: str, fallback: str | None = None) -> str:
    """The keyword as a member of ``lang`` writes it (``owner`` -> ``ansvarleg`` in nn)."""
    entry = _WORDS.get(canonical)
    if entry is None:
        return fallback or canonical
    return entry[0][_INDEX.get(lang, 0)]


def keyword_example(canonical: str, lang: str, fallback: str | None = None) -> str:
    """The keyword with an example value (``frist 15.09``), as a member of ``lang`` types it."""
    entry = _WORDS.get(canonical)
    if entry is None:
        return f"{fallback or canonical} …"
    i = _INDEX.get(lang, 0)
    return f"{entry[0][i]} {entry[1][i]}"
