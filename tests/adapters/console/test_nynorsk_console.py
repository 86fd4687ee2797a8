"""A Vest-Telemark hour in nynorsk through `partnerbot console`: a work programme pasted
without its bullets, statuses and notes as members type them, a hearing answered with
`svara`. What the console printed and what the database holds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.adapters.console.test_console import home, partnerbot  # noqa: F401  (the `home` fixture)

pytestmark = pytest.mark.slow

# As copied from Vest-Telemarkrådet's page into a chat: the bullets are gone.
PROGRAMME = """Mål 4: Gode tenester og auka kompetanse i kommunane
Tiltak:
Søkje prosjektmidlar til satsingar som følgjer nasjonale føringar
Lage ein felles strategi for digitalisering med årlege handlingsplanar
Ta i bruk velferdsteknologi i alle heimetenestene
"""


def test_a_nynorsk_hour_in_the_console(home: Path) -> None:  # noqa: F811
    session = (
        "/kanal #vest-telemark\n"
        "/som Sigrid Aasen\n"
        "/tiltak importer\n" + PROGRAMME + ".\n"
        "/tiltak importer stadfest\n"
        "/tiltak status 7 i gang\n"
        "/tiltak notat 7 Har sendt søknad til fylket\n"
        "/tiltak framdrift 7 30\n"
        "/tiltak status 8 ikkje starta\n"
        '/horing ny "Regional plan for samferdsel" frist for innspel: 15.09 '
        'mottakarar "Tokke kommune, Seljord kommune"\n'
        "/som Tone Haugen\n"
        "/horing svara 2\n"
        "/hjelp korleis svarar eg på ei høyring\n"
    )
    r = partnerbot("console", stdin=session, cwd=home)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "Blir oppretta: 1 nytt mål og 3 nye tiltak" in out, out
    assert (
        "Tiltak #7 «Søkje prosjektmidlar til satsingar som følgjer nasjonale føringar»: pågår"
        in out
    )
    assert "Tiltak #8 «Lage ein felles strategi" in out and ": planlagd" in out
    assert "Registrert: Tokke kommune har svara på høyring #2" in out
    assert "`/horing svara 3 Larvik kommune https://…`" in out  # the help asked about
    assert "Eg forstod ikkje" not in out and "jeg" not in out.casefold().split()
    with sqlite3.connect(home / "partnerbot.db") as conn:
        actions = conn.execute(
            "SELECT id, status, progress FROM actions WHERE id IN (7, 8, 9) ORDER BY id"
        ).fetchall()
        notes = [n for (n,) in conn.execute("SELECT note FROM action_updates WHERE action_id = 7")]
        answered = conn.execute(
            "SELECT o.name FROM hearing_addressees a JOIN organisations o"
            " ON o.id = a.organisation_id WHERE a.hearing_id = 2 AND a.answered_at IS NOT NULL"
        ).fetchall()
    assert actions == [(7, "ongoing", 30), (8, "planned", None), (9, "planned", None)]
    assert "Har sendt søknad til fylket" in notes
    assert answered == [("Tokke kommune",)]
