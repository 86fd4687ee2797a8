"""Conferences end to end through `partnerbot console`: announce, fill, waitlist, promote."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.adapters.console.test_console import home, partnerbot  # noqa: F401  (home is a fixture)

# `partnerbot` processes: not in the edit loop (make test-fast), always in make test.
pytestmark = pytest.mark.slow


def test_waitlisted_member_is_promoted_and_told(home: Path) -> None:  # noqa: F811
    day = date.today() + timedelta(days=40)
    deadline = date.today() + timedelta(days=30)
    script = (
        "\n".join(
            [
                "/som Kari Nordmann",
                f'/konferanse ny "Ordførersamling" dato {day:%d.%m.%Y} kl 10-15 sted "Klækken hotell" '
                f'påmeldingsfrist {deadline:%d.%m.%Y} plasser 2 publikum "Nettverk for infrastruktur"',
                "/konferanse kunngjør 2",
                "/som Ola Nordmann",
                "/konferanse meld på 2",
                "/som Per Hansen",
                "/konferanse meld på 2",
                "/som Lise Dahl",
                "/konferanse meld på 2",
                "/som Ola Nordmann",
                "/konferanse meld av 2",
                "/som Kari Nordmann",
                "/konferanse deltakere 2",
            ]
        )
        + "\n"
    )
    r = partnerbot("console", stdin=script, cwd=home)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "Konferanse #2 «Ordførersamling» er lagret som utkast." in out
    assert (
        "Invitasjonen til «Ordførersamling» er sendt til #infrastruktur og når 6 medlemmer."
    ) in out
    assert "── #infrastruktur ──\n📣 Invitasjon: Ordførersamling (#2)" in out
    assert "[Meld meg på: /konferanse meld på 2]" in out
    assert out.count("Du er påmeldt «Ordførersamling»") == 2
    assert (
        "Lise Dahl @ #infrastruktur> /konferanse meld på 2\n«Ordførersamling» er full. "
        "Du står som nr. 1 på ventelisten" in out
    )
    assert "Plassen din gikk til nestemann på ventelisten." in out
    promoted = out.index("── @Lise Dahl ──\n🎉 Du har fått plass på «Ordførersamling»")
    assert promoted > out.index("Ola Nordmann @ #infrastruktur> /konferanse meld av 2")
    assert "Påmeldt (2 av 2):\n  1. Per Hansen (NHO)\n  2. Lise Dahl (LO)" in out
    assert "konferanse-2-deltakere.csv" in out
