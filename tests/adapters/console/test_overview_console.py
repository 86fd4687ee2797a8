"""`/partnerbot oversikt` end to end in the console: each member sees what waits for them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.adapters.console.test_console import partnerbot
from tests.helpers import demo_folder

# `partnerbot` processes: not in the edit loop (make test-fast), always in make test.
pytestmark = pytest.mark.slow

SCRIPT = """\
/tiltak ny "Rydde opp i skiltplanen" ansvarlig "Ola Nordmann" frist i dag
/mote ny "Nettverksmøte infrastruktur" tider 10.12.2099 kl 10-12, 11.12.2099 kl 13-15 svarfrist 8.12.2099 kl 12
/horing ny "Regional transportplan" frist 20.12.2099 fra "Vestfold fylkeskommune" mottakere "Tønsberg kommune, NHO"
/konferanse ny "Samferdselsdagen" dato 15.01.2100 kl 10-15 sted "Tønsberg" plasser 40 publikum infrastruktur påmeldingsfrist 5.1.2100
/konferanse kunngjør 2
/som Ola Nordmann
/partnerbot oversikt
/som Per Hansen
/partnerbot oversikt
/som Jon Bakke
/partnerbot overview
"""


def section(out: str, prompt: str) -> list[str]:
    """The reply lines printed after the command line ``prompt``."""
    after = out.split(prompt, 1)[1].split("\n", 1)[1]
    return after.split("> ", 1)[0].splitlines()[:-1]


def test_overview_lists_what_waits_for_each_member(tmp_path: Path) -> None:
    demo_folder(tmp_path)
    r = partnerbot("console", stdin=SCRIPT, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    ola = section(r.stdout, "Ola Nordmann @ #infrastruktur> /partnerbot oversikt")
    assert ola[0] == "Dette venter på deg, Ola Nordmann:"
    heads = [line.split(" – ")[0] for line in ola[1:]]
    action = re.search(r"Tiltak #(\d+) er opprettet", r.stdout)
    assert action is not None
    assert "• Høring #2 «Regional transportplan»" in heads  # Tønsberg kommune must answer
    assert f"• Tiltak #{action.group(1)} «Rydde opp i skiltplanen»" in heads  # his, due today
    assert "• Møtepoll #2 «Nettverksmøte infrastruktur»" in heads  # not answered
    assert "• Konferanse #2 «Samferdselsdagen» fre 15.01 kl 10:00" in heads  # open, unanswered
    per = section(r.stdout, "Per Hansen @ #infrastruktur> /partnerbot oversikt")
    per_heads = [line.split(" – ")[0] for line in per[1:]]
    assert "• Høring #2 «Regional transportplan»" in per_heads  # NHO must answer too
    assert not any("Tiltak" in line for line in per)  # the action is Ola's, not his
    jon = section(r.stdout, "Jon Bakke @ #infrastruktur> /partnerbot overview")
    assert jon[0] == "Waiting for you, Jon Bakke:"  # Jon writes English
    assert not any("Hearing" in line for line in jon)  # Statens vegvesen is no addressee
    assert any(line.startswith("• Meeting poll #2") for line in jon)
