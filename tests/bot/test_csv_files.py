"""bot.csv_files: what Norwegian Excel needs, and no cell it would run."""

from __future__ import annotations

import pytest

from bot.csv_files import csv_bytes, inert


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_starting_like_a_formula_gets_a_quote(start: str) -> None:
    assert inert(f"{start}1+1") == f"'{start}1+1"


def test_plain_text_and_numbers_stay_as_they_are() -> None:
    assert inert("Larvik kommune") == "Larvik kommune"
    assert inert("a=b") == "a=b"
    assert inert(-40) == "-40" and inert(None) == ""


def test_the_file_has_a_bom_semicolons_and_crlf() -> None:
    data = csv_bytes(["navn", "notat"], [["Kari", 'sa "hei"; gikk'], ["=2+2", "x\ny"]])
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig") == (
        'navn;notat\r\nKari;"sa ""hei""; gikk"\r\n\'=2+2;"x\ny"\r\n'
    )
