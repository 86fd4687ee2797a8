"""Every CSV the bot writes, one way: as Norwegian Excel opens it, with no cell it would run.

UTF-8 with a byte order mark (Excel shows æøå), ``;`` between cells (Excel with Norwegian
settings splits on it, a comma lands everything in column A) and CRLF line ends. A cell
that starts with ``=``, ``+``, ``-``, ``@``, tab or CR is a formula to Excel (and to
LibreOffice, Google Sheets): ``=HYPERLINK(...)`` in a title would run when the file is
opened; so is one after white space, which an import may trim. Such a cell gets a
leading ``'``, which Excel shows as text (OWASP's advice for CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# White space a spreadsheet may trim on import (LibreOffice's "trim spaces") before it
# reads a formula: a formula after it is a formula too.
_BLANK = " \t\r\n\u00a0"


def inert(value: object) -> str:
    """A cell's text, made inert for spreadsheets; numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return str(value)  # a negative number is a number, not a formula
    text = str(value)
    formula = text.startswith(FORMULA_STARTS) or text.lstrip(_BLANK).startswith(FORMULA_STARTS)
    return "'" + text if formula else text


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """The file's bytes: BOM, header, one line per row."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow([inert(h) for h in header])
    for row in rows:
        writer.writerow([inert(cell) for cell in row])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
