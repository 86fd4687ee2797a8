"""Time bot.dates.parse_when against plain dateparser on the same phrases, warm and cold.

Run from the project root: ``python benches/dates.py``. Cold times are measured in fresh
interpreters, since the first call pays for imports and dateparser's language data.
"""

from __future__ import annotations

import importlib.util
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT.parent / "shared" / "dates" / "samples.py"
TZ = ZoneInfo("Europe/Oslo")
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=TZ)
ROUNDS = 20

OWN = [
    "5. mars 2027",
    "05.03.2027",
    "5/3-27",
    "mandag 2. mars kl. 10.15",
    "kl 9.30",
    "09:30",
    "2pm",
    "9 am",
    "tir 10.3",
    "ons 11. mars",
    "i dag kl 15",
    "i går",
    "om ei veke",
    "om eitt døgn",
    "neste fredag kl 9",
    "fredag neste veke kl 10",
    "førstkommande måndag",
    "1. juni",
    "1 juni",
    "juni 1",
    "March 5",
    "5th of March",
    "tomorrow 10am",
    "next week",
    "in two weeks",
    "frist 30.04",
    "innen fredag",
    "om 2 timer",
    "uke 12",
    "2026-03-19T14:30",
    "last friday",
    "the day after tomorrow",
    "møte med NAV",
    "42",
    "31.04",
]


def _phrases() -> list[str]:
    spec = importlib.util.spec_from_file_location("samples", SAMPLES)
    phrases = list(OWN)
    if spec and spec.loader and SAMPLES.exists():
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        phrases = [row[0] for row in module.WHEN] + phrases
    return phrases


def _time(fn, phrases: list[str]) -> list[float]:
    """Microseconds per call, one sample per phrase per round."""
    samples = []
    for _ in range(ROUNDS):
        for text in phrases:
            t0 = time.perf_counter()
            try:
                fn(text)
            except ValueError:
                pass  # a refusal is an answer, and is timed like one
            samples.append((time.perf_counter() - t0) * 1e6)
    return samples


def _report(name: str, samples: list[float]) -> None:
    samples.sort()
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    print(f"{name:<12} mean {statistics.fmean(samples):8.1f} µs   p99 {p99:8.1f} µs")


COLD = {
    "parse_when": "from bot.dates import parse_when as f; f('torsdag 5. mars kl 10', now=NOW)",
    "warm_up": "from bot.dates import warm_up as f; f()",
    "dateparser": "import dateparser as d; d.parse('torsdag 5. mars kl 10', "
    "languages=['nb','nn','en'])",
}


def _cold(code: str) -> float:
    script = (
        "import time, datetime, zoneinfo; t0 = time.perf_counter(); "
        "NOW = datetime.datetime(2026, 3, 2, 9, tzinfo=zoneinfo.ZoneInfo('Europe/Oslo')); "
        f"{code}; print(time.perf_counter() - t0)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip()) * 1000


def main() -> None:
    sys.path.insert(0, str(ROOT))
    import dateparser

    from bot.dates import parse_when, warm_up

    phrases = _phrases()
    settings = {
        "RELATIVE_BASE": NOW.replace(tzinfo=None),
        "PREFER_DATES_FROM": "future",
        "DATE_ORDER": "DMY",
        "TIMEZONE": "Europe/Oslo",
        "RETURN_AS_TIMEZONE_AWARE": True,
    }

    def plain(text: str) -> object:
        return dateparser.parse(text, languages=["nb", "nn", "en"], settings=settings)

    def ours(text: str) -> object:
        return parse_when(text, now=NOW)

    print(f"{len(phrases)} phrases x {ROUNDS} rounds, warm")
    warm_up()
    _time(ours, phrases[:5])
    _time(plain, phrases[:5])
    _report("parse_when", _time(ours, phrases))
    _report("dateparser", _time(plain, phrases))
    print("cold, first call in a fresh interpreter (imports included)")
    for name, code in COLD.items():
        print(f"{name:<12} {_cold(code):8.1f} ms")


if __name__ == "__main__":
    main()
