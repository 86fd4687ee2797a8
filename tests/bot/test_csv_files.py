"""bot.csv_files: what Norwegian Excel needs, and no cell it would run."""

from __future__ import annotations

import pytest

from bot.csv_files import csv_bytes, inert


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_starting_like_a_formula_gets_a_quote(start: str) -> None:
    assert inert(f"{start}1+1") == f"'{start}1+1"


@pytest.mark.parametrize(
    "cell", [" =1+1", '\n=HYPERLINK("http://x";"y")', " \t@SUM(A1)", "\u00a0-2"]
)
def test_a_formula_after_white_space_gets_a_quote(cell: str) -> None:
    # LibreOffice's CSV import can trim spaces, and then runs what follows
    assert inert(cell) == "'" + cell


def test_plain_text_and_numbers_stay_as_they_are() -> None:
    assert inert("Larvik kommune") == "Larvik kommune"
    assert inert("a=b") == "a=b" and inert(" Larvik") == " Larvik"
    assert inert(-40) == "-40" and inert(None) == ""


def test_the_file_has_a_bom_semicolons_and_crlf() -> None:
    data = csv_bytes(["navn", "notat"], [["Kari", 'sa "hei"; gikk'], ["=2+2", "x\ny"]])
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig") == (
        'navn;notat\r\nKari;"sa ""hei""; gikk"\r\n\'=2+2;"x\ny"\r\n'
    )
