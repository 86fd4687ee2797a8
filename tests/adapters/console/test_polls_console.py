"""A meeting poll end to end through the `partnerbot console` process: create, answer as three
members, show, close, and read back the .ics invitation it writes."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from tests.adapters.console.test_console import partnerbot
from tests.helpers import demo_folder

# `partnerbot` processes: not in the edit loop (make test-fast), always in make test.
pytestmark = pytest.mark.slow

OSLO = ZoneInfo("Europe/Oslo")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return demo_folder(tmp_path)


def weekdays_ahead(start: date, count: int) -> list[date]:
    days: list[date] = []
    day = start
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def test_poll_from_creation_to_calendar_invitation(home: Path) -> None:
    # Real dates, since the console runs on the real clock: three weekdays two weeks ahead.
    d1, d2, d3 = weekdays_ahead(datetime.now(OSLO).date() + timedelta(days=14), 3)
    deadline = d1 - timedelta(days=2)
    slots = f"{d1:%d.%m.%Y} kl 10-12, {d2:%d.%m.%Y} kl 13-15, {d3:%d.%m.%Y} kl 9-11"
    script = (
        "\n".join(
            (
                f'/mote ny "Samhandlingsmøte Horten" tider {slots} svarfrist {deadline:%d.%m.%Y} '
                'sted "Horten rådhus"',
                "/som Ola Nordmann",
                "/mote svar 2 1:ja 2:kanskje 3:nei",
                "/som Per Hansen",
                "/mote svar 2 1:nei 2:ja 3:ja",
                "/som Lise Dahl",
                "/mote svar 2 1:nei 2:ja 3:om nødvendig",
                "/som Ingrid Berg",
                "/mote vis 2",
                "/mote lukk 2",
            )
        )
        + "\n"
    )
    r = partnerbot("console", stdin=script, cwd=home)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "Ingrid Berg har laget møtepoll #2." in out  # the demo's own poll is #1
    assert "Lise Dahl @ #infrastruktur> /mote svar 2 1:nei 2:ja 3:om nødvendig" in out

    shown = out.split("> /mote vis 2", 1)[1].split("> /mote lukk 2", 1)[0]
    lines = [" ".join(line.split()) for line in shown.splitlines()]
    assert "1 2 3" in lines
    assert "Lise Dahl ✗ ✓ ~" in lines
    assert "Ola Nordmann ✓ ~ ✗" in lines
    assert "Per Hansen ✗ ✓ ✓" in lines
    assert "Ja 1 2 1" in lines and "Om nødvendig 0 1 1" in lines and "Nei 2 0 1" in lines
    best = next(line for line in lines if line.startswith("Beste tidspunkt"))
    assert best.startswith("Beste tidspunkt: 2") and "kl 13:00–15:00" in best
    assert "med 2 ja og 3 ja eller om nødvendig" in best

    closed = out.split("> /mote lukk 2", 1)[1]
    assert "📅 Samhandlingsmøte Horten er satt til" in closed
    assert "(tidspunkt 2 i møtepoll #2)" in closed
    found = re.search(r"Fil lagret: (\S+\.ics)", closed)
    assert found, closed
    path = Path(found.group(1))
    assert path.is_file() and path.is_relative_to(home)

    cal = icalendar.Calendar.from_ical(path.read_bytes())
    assert cal["METHOD"] == "PUBLISH"
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Oslo"]
    (event,) = cal.walk("VEVENT")
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert str(start.tzinfo) == "Europe/Oslo"
    assert (start.date(), start.hour, start.minute) == (d2, 13, 0)
    assert start == datetime(d2.year, d2.month, d2.day, 13, 0, tzinfo=OSLO)
    assert end == datetime(d2.year, d2.month, d2.day, 15, 0, tzinfo=OSLO)
    assert str(event["SUMMARY"]) == "Samhandlingsmøte Horten"
    assert str(event["LOCATION"]) == "Horten rådhus"
    assert str(event["UID"]).endswith("@partnerbot") and event["SEQUENCE"] == 0
