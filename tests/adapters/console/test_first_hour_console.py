"""A new member's first hour in Vest-Telemarkrådet, in nynorsk and then in English, through
`partnerbot console` as a process: what a member types from the README and the
partnership's own documents (a hearing letter's "frist for innspill", "alle nei",
"slutten av neste veke"), each answered in the member's language."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
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
    assert "Du har svara på møtepoll #2." in out
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


def test_a_plain_members_first_questions_in_three_languages(home: Path) -> None:  # noqa: F811
    """Ola Nordmann asks who is in, tries an organiser's command and gives a deadline the
    way he says it, in bokmål, nynorsk and English: each answer whole, in his language."""
    lines = "/som Ola Nordmann\n"
    for lang in ("nb", "nn", "en"):
        lines += (
            f"/partnerbot språk {lang}\n"
            "/partnerbot medlemmer\n"
            "/partnerbot digest fredag 14:00\n"
            f'/tiltak ny "Kartlegge ladepunkter {lang}" frist Før jul\n'
        )
    clock = home / "clock"  # the console's today: Wednesday 2 December 2026, 09:00 in Oslo
    clock.write_text(
        str((datetime(2026, 12, 2, 8, 0, tzinfo=UTC) - datetime.now(UTC)).total_seconds())
    )
    r = partnerbot("console", stdin=lines, cwd=home, env={"PARTNERBOT_TEST_CLOCK": str(clock)})
    assert r.returncode == 0, r.stderr
    out = r.stdout
    for label in ("Medlemmer", "Medlemer", "Members"):
        assert f"    {label}: Ingrid Berg (Vestfold fylkeskommune), Jon Bakke" in out, out
    assert "forstod ikke «medlemmer»" not in out and "forstod ikkje" not in out
    who = "Kari Nordmann, Marte Lie, Ingrid Berg."
    for refusal in (
        "Bare organisatorer i Politisk partnerskap Vestfold og administratorer kan gjøre "
        f"dette. Be en av dem: {who}",
        "Berre organisatorar i Politisk partnerskap Vestfold og administratorar kan gjere "
        f"dette. Be ein av dei: {who}",
        f"Only organisers in Politisk partnerskap Vestfold and admins can do this. Ask one of "
        f"them: {who}",
    ):
        assert f"\n{refusal}\n" in out, out
    for note in (
        "«Før jul» er lest som onsdag 23. desember 2026, siste arbeidsdag før julaften.",
        "«Før jul» er lese som onsdag 23. desember 2026, siste arbeidsdagen før julaftan.",
        "I took “Før jul” to mean Wednesday 23 December 2026, the last working day before "
        "Christmas Eve.",
    ):
        assert f"\n{note}\n" in out, out
    assert "Traceback" not in out
