"""User-facing texts in bokmål (nb, the default), nynorsk (nn) and English (en).

Each feature keeps its texts in ``bot/texts/<feature>.py`` as ``TEXTS = {key: {"nb": ...,
"nn": ..., "en": ...}}``; this module merges them (explicitly, no file scanning) and
formats them with ``str.format`` placeholders.

Texts are written in a small notation (``**strong**``, `` `code` ``, `` `/horing liste` ``
for a command, ``~~~`` lines around preformatted lines; see ``bot.messages``). ``t()``
turns the notation into parts before it fills in the placeholders, so a title with
asterisks or backquotes stays what it is; ``Text(t(...))`` then carries the parts.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from bot.messages import from_notation
from bot.texts import (
    accounts,
    actions,
    common,
    conferences,
    console,
    dates,
    hearings,
    networks,
    overview,
    polls,
    slack,
    teams,
    web,
)

LANGUAGES: tuple[str, ...] = ("nb", "nn", "en")
DEFAULT_LANGUAGE = "nb"

Catalog = Mapping[str, Mapping[str, str]]


def _merge(*catalogs: Catalog) -> dict[str, Mapping[str, str]]:
    merged: dict[str, Mapping[str, str]] = {}
    for catalog in catalogs:
        for key, entry in catalog.items():
            if key in merged:
                raise RuntimeError(f"text key {key!r} is defined twice")
            merged[key] = entry
    return merged


CATALOG: dict[str, Mapping[str, str]] = _merge(
    accounts.TEXTS,
    actions.TEXTS,
    common.TEXTS,
    conferences.TEXTS,
    console.TEXTS,
    dates.TEXTS,
    hearings.TEXTS,
    networks.TEXTS,
    overview.TEXTS,
    polls.TEXTS,
    slack.TEXTS,
    teams.TEXTS,
    web.TEXTS,
)

_ALIASES = {
    "nb": "nb",
    "no": "nb",
    "bokmål": "nb",
    "bokmal": "nb",
    "norsk": "nb",
    "nb-no": "nb",
    "no-no": "nb",
    "nb_no": "nb",
    "nn": "nn",
    "nynorsk": "nn",
    "nn-no": "nn",
    "nn_no": "nn",
    "en": "en",
    "english": "en",
    "engelsk": "en",
    "en-us": "en",
    "en-gb": "en",
    "en_us": "en",
    "en_gb": "en",
}


def normalize_language(value: str | None) -> str | None:
    """Map what people and platforms call a language (``nynorsk``, ``nb-NO``) to nb/nn/en."""
    if not value:
        return None
    value = value.strip().lower()
    if value in _ALIASES:
        return _ALIASES[value]
    if value.startswith("en"):
        return "en"
    return None


def language_from_locale(locale: str | None) -> str | None:
    """A chat platform's locale as a language choice (None: not one of ours). A platform
    whose locale tells nothing (Slack's en-US for everyone) leaves it out in its adapter."""
    return normalize_language(locale)


def t(key: str, lang: str | None = None, /, **params: object) -> str:
    """The text ``key`` in ``lang`` (falling back to bokmål), formatted with ``params``."""
    text = _template(key, lang or DEFAULT_LANGUAGE)
    return text.format(**params) if params else text


@cache
def _template(key: str, lang: str) -> str:
    entry = CATALOG[key]
    return from_notation(entry.get(lang) or entry[DEFAULT_LANGUAGE])
