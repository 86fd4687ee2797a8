"""Names for the files the bot hands out (CSV exports, calendar files): the member's words,
made safe for every platform and mail client (ASCII letters, digits and dashes only)."""

from __future__ import annotations

import re
import unicodedata

_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ß": "ss"})


def slug(text: str) -> str:
    """ "Nettverk for Ålesund" -> "nettverk-for-alesund"; other accents are dropped."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")


def file_name(*parts: object, ext: str) -> str:
    """The parts as one safe name: ``file_name("konferanse", 2, "deltakere", ext="csv")``."""
    words = [slug(str(part)) for part in parts]
    return "-".join(w for w in words if w) + "." + ext
