"""Every CSV the bot writes, one way: as Norwegian Excel opens it, with no cell it would run.

UTF-8 with a byte order mark (Excel shows æøå), ``;`` between cells (Excel with Norwegian
settings splits on it, a comma lands everything in column A) and CRLF line ends. A cell
that starts with ``=``, ``+``, ``-``, ``@``, tab or CR is a formula to Excel (and to
LibreOffice, Google Sheets): ``=HYPERLINK(...)`` in a title would run when the file is
opened. Such a cell gets a leading ``'``, which Excel shows as text (OWASP's advice for
CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value: object) -> str:
    """A cell's text, made inert for spreadsheets; numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return str(value)  # a negative number is a number, not a formula
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """The file's bytes: BOM, header, one line per row."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow([inert(h) for h in header])
    for row in rows:
        writer.writerow([inert(cell) for cell in row])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
