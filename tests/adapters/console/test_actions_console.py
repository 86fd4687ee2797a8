"""The actions register end to end through `partnerbot console` as a process."""

from __future__ import annotations

import csv
import re
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.adapters.console.test_console import home, partnerbot  # noqa: F401  (the `home` fixture)
from tests.helpers import DATA

# `partnerbot` processes: not in the edit loop (make test-fast), always in make test.
pytestmark = pytest.mark.slow

PROGRAMME = (DATA / "arbeidsprogram_nn.txt").read_text("utf-8")


def test_import_a_work_programme_twice(home: Path) -> None:  # noqa: F811
    setup = (
        '/partnerbot nettverk ny "Regionrådet Øvre Telemark"\n'
        "/kanal #program\n"
        "/partnerbot koble nettverk Øvre Telemark\n"
    )
    once = "/tiltak importer\n" + PROGRAMME + "\n/tiltak importer bekreft\n"
    r = partnerbot("console", stdin=setup + once + once + "/tiltak liste side 2\n", cwd=home)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert out.count("Forhåndsvisning for «Regionrådet Øvre Telemark»: 4 mål og 33 tiltak") == 2
    assert "Blir opprettet: 4 nye mål og 33 nye tiltak (0 finnes fra før)." in out
    assert "Importert til «Regionrådet Øvre Telemark»: 4 nye mål og 33 nye tiltak" in out
    assert "Blir opprettet: 0 nye mål og 0 nye tiltak (33 finnes fra før)." in out
    assert "Importert til «Regionrådet Øvre Telemark»: 0 nye mål og 0 nye tiltak (33 fantes" in out
    assert "Side 2 av 2." in out and "Opprette eit felles innkjøpsnettverk for kommunane" in out
    with sqlite3.connect(home / "partnerbot.db") as conn:
        (net,) = conn.execute(
            "SELECT id FROM networks WHERE name = ?", ("Regionrådet Øvre Telemark",)
        ).fetchone()
        goals = conn.execute(
            "SELECT number, title FROM goals WHERE network_id = ? ORDER BY number", (net,)
        ).fetchall()
        titles = [
            t
            for (t,) in conn.execute(
                "SELECT title FROM actions WHERE network_id = ? ORDER BY id", (net,)
            )
        ]
    assert [n for n, _ in goals] == [1, 2, 3, 4]
    assert goals[3][1] == "Gode tenester og auka kompetanse i kommunane"
    bullets = [line.strip(" •") for line in PROGRAMME.splitlines() if line.startswith(" •")]
    assert titles == bullets and len(titles) == 33


def test_new_status_overdue_show_and_export(home: Path, tmp_path: Path) -> None:  # noqa: F811
    files = tmp_path / "filer"
    yesterday = datetime.now(ZoneInfo("Europe/Oslo")).date() - timedelta(days=1)
    # A due date in the past is refused: the action is made two days ago, due "i morgen".
    clock = tmp_path / "clock"
    clock.write_text(str(-2 * 86400))
    script = (
        '/tiltak ny "Kartleggje kvite flekker på mobilnettet i Åmot og Rauland" mål 3 '
        "ansvarleg Tone frist i morgon\n"
        '/tiltak ny "Førebu søknad om breibandsstøtte" mål 3 ansvarleg "Vinje kommune" '
        "frist 31.12.2099\n"
    )
    r = partnerbot(
        "console",
        "--as",
        "Sigrid Aasen",
        "--channel",
        "#vest-telemark",
        stdin=script,
        env={"PARTNERBOT_FILES_DIR": str(files), "PARTNERBOT_TEST_CLOCK": str(clock)},
        cwd=home,
    )
    assert r.returncode == 0, r.stderr
    ids = [int(n) for n in re.findall(r"Tiltak #(\d+) er oppretta", r.stdout)]
    assert len(ids) == 2, r.stdout
    assert f"frist: {yesterday:%d.%m.%Y}" in r.stdout, r.stdout
    late, later = ids
    script = (
        f'/tiltak status {late} pågår "Måledata frå Telenor er bestilt" framdrift 40%\n'
        "/tiltak liste forfalne\n"
        f"/tiltak vis {late}\n"
        "/tiltak eksport\n"
    )
    r = partnerbot(
        "console",
        "--as",
        "Sigrid Aasen",
        "--channel",
        "#vest-telemark",
        stdin=script,
        env={"PARTNERBOT_FILES_DIR": str(files)},
        cwd=home,
    )
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert (
        f"Tiltak #{late} «Kartleggje kvite flekker på mobilnettet i Åmot og Rauland»: "
        f"pågår (40 %), frist {yesterday:%d.%m.%Y}."
    ) in out
    overdue = out.split("/tiltak liste forfalne", 1)[1].split("/tiltak vis", 1)[0]
    assert f"#{late} Kartleggje kvite flekker" in overdue
    assert f"— ansvarleg: Tone Haugen — pågår 40 % — frist {yesterday:%d.%m.%Y} ⚠" in overdue
    assert f"#{later} " not in overdue
    shown = out.split(f"/tiltak vis {late}", 1)[1]
    assert "Sigrid Aasen: pågår, 40 %, «Måledata frå Telenor er bestilt»" in shown
    match = re.search(r"Fil lagr(?:et|a): (.+\.csv)", out)
    assert match, out
    path = Path(match.group(1))
    assert path.parent == files.resolve() and path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    by_number = {int(row["Nummer"]): row for row in rows}
    assert len(rows) == 8  # six from the demo, two made here
    assert by_number[late] == {
        "Mål": "Mål 3: Trygge vegar, breiband og mobildekning i heile regionen",
        "Nummer": str(late),
        "Tittel": "Kartleggje kvite flekker på mobilnettet i Åmot og Rauland",
        "Ansvarleg": "Tone Haugen",
        "Organisasjon": "Tokke kommune",
        "Status": "pågår",
        "Framdrift": "40",
        "Frist": yesterday.isoformat(),
        "Sist oppdatert": by_number[late]["Sist oppdatert"],
        "Siste kommentar": "Måledata frå Telenor er bestilt",
    }
    assert by_number[later]["Ansvarleg"] == "Vinje kommune"
    assert by_number[later]["Frist"] == "2099-12-31" and by_number[later]["Status"] == "planlagd"
