"""A file over the import limit is refused with its size and the limit, nothing saved, even
when the file is bigger than its size said (one that grew after it was looked at, or one
like /proc/kallsyms whose size reads 0): it was cut at the limit without a word, and a cut
inside a UTF-8 letter made the whole programme read as cp1252 ("Ã¸" for "ø")."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.i18n import t
from handlers.action_import import MAX_BYTES
from tests.handlers.test_permissions import dump
from tests.helpers import TestBot

GROWN = Path("/proc/kallsyms")  # a real file whose size reads 0 and that holds megabytes


@pytest.mark.skipif(not os.access(GROWN, os.R_OK), reason="no /proc/kallsyms to read here")
@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_a_file_bigger_than_its_size_said_is_refused(bot: TestBot, lang: str) -> None:
    bot.run(f"/partnerbot språk {lang}", as_="Ingrid Berg")
    before = dump(bot)
    out = bot.run(f"/tiltak importer fil {GROWN}", as_="Ingrid Berg", channel="#vest-telemark")
    limit = MAX_BYTES // 1024
    assert out == t("actions.import.too_big", lang, size=limit, limit=limit), out
    assert dump(bot) == before


def test_a_file_over_the_limit_is_refused_with_its_size(bot: TestBot, tmp_path: Path) -> None:
    path = tmp_path / "program.txt"
    path.write_bytes(b"M\xc3\xa5l 1: Stort\n" + "- Tiltak \u00f8\n".encode() * (MAX_BYTES // 10))
    size = path.stat().st_size
    before = dump(bot)
    out = bot.run(f"/tiltak importer fil {path}", as_="Ingrid Berg", channel="#vest-telemark")
    assert out == t("actions.import.too_big", "nb", size=size // 1024, limit=MAX_BYTES // 1024)
    assert dump(bot) == before
