"""A new member's first hour in Vest-Telemarkrådet, in nynorsk and then in English, through
`partnerbot console` as a process: what a member types from the README and the
partnership's own documents (a hearing letter's "frist for innspill", "alle nei",
"slutten av neste veke"), each answered in the member's language."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.adapters.console.test_console import home, partnerbot  # noqa: F401  (the `home` fixture)

pytestmark = pytest.mark.slow

SETUP = (
    '/partnerbot medlem ny "Åse Lunde" org "Tokke kommune" rolle organisator '
    "nettverk vest-telemark\n"
    "/som Åse Lunde\n"
    "/kanal #vest-telemark\n"
)


def test_a_new_member_in_nynorsk_then_english(home: Path) -> None:  # noqa: F811
    nynorsk = (
        "/partnerbot språk nn\n"
        '/horing ny "Regional planstrategi" frist for innspel 15.09 frå "Fylket" '
        'mottakarar "Tokke kommune, Vinje kommune"\n'
        '/mote ny "Regionrådsmøte" tider tysdag neste veke 10-12, torsdag neste veke 13-15 '
        "éi stemme per organisasjon\n"
        "/mote svar 2 alle nei\n"
        '/tiltak ny "Kartleggje breibandsdekninga" mål 3 ansvarleg meg '
        "frist slutten av neste veke\n"
        "/tiltak ferdig 7 8\n"
    )
    english = (
        "/partnerbot språk en\n"
        "/horing edit 2 deadline for comments the 22nd of September\n"
        '/tiltak status 7 ongoing "Application sent"\n'
        "/tiltak show 7\n"
    )
    r = partnerbot("console", stdin=SETUP + nynorsk + english, cwd=home)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "Greitt, eg skriv nynorsk til deg frå no av." in out
    assert "Høyring #2 «Regional planstrategi» er registrert" in out
    assert "Éi stemme per organisasjon" in out
    assert "Du har svart på møtepoll #2." in out
    assert "Tiltak #7 er oppretta" in out and "Ingenting er endra." in out
    assert "`ferdig` tek eitt tiltak om gongen" in out
    assert "OK, I will write to you in English from now on." in out
    assert "Deadline    Wednesday 22 September" in out
    assert "Åse Lunde: ongoing, “Application sent”" in out
    assert "Traceback" not in out and "Noko gjekk gale" not in out, out
    with sqlite3.connect(home / "partnerbot.db") as conn:
        votes = conn.execute("SELECT answer FROM votes WHERE poll_id = 2").fetchall()
        status = conn.execute("SELECT status FROM actions WHERE id = 7").fetchone()
    assert votes == [("no",), ("no",)]
    assert status == ("ongoing",)
