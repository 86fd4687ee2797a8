"""Time bot.dates.parse_when against plain dateparser on the same phrases, warm and cold.

Run from the project root: ``python benches/dates.py``. It prints, in one run:

- ms per phrase for phrases we accept and for phrases we refuse, ours beside plain
  dateparser's on the very same phrases (a refusal must cost no more than an answer);
- p50, p99 and max ms per phrase on random and fuzz-like text (the budget is 50 ms);
- cold times in fresh interpreters, since the first call pays for imports.

Speed is measured here, not asserted in tests: the test machine is shared and busy.
"""

from __future__ import annotations

import gc
import importlib.util
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT.parent / "shared" / "dates" / "samples.py"
TZ = ZoneInfo("Europe/Oslo")
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=TZ)
ROUNDS = 20
FUZZ = 5000
BUDGET_MS = 50.0

# Phrases members type: the first round's and issue 22's (organisers' harder phrases).
ACCEPTED = [
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
    "om ei veke",
    "om eitt døgn",
    "neste fredag kl 9",
    "fredag neste veke kl 10",
    "førstkommande måndag",
    "1. juni",
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
    # issue 22
    "første mandag i desember",
    "siste torsdag i mai",
    "fyrste måndag i desember kl 10",
    "last Friday of May",
    "om en måned",
    "om ein månad",
    "neste måned",
    "tirsdag om en uke",
    "uke 50",
    "mandag i uke 2",
    "fredag uke 51",
    "i slutten av mars",
    "begynnelsen av april",
    "end of March",
    "julaften",
    "2. juledag",
    "skjærtorsdag",
    "langfredag",
    "Kristi himmelfartsdag",
    "pinse",
    "fredag kl halv ti",
    "i morgen kl kvart over ni",
    "kvart på tolv",
    "ti på halv to",
    "kl 1400",
    "kl. 08.15",
    "i morgn kl 10",
    "tomorow",
    "2.12.26",
    "fredag den 4.",
    "kl 14 på fredag",
    "3 days ago",
]
# Phrases we refuse, each with a reason a member understands.
REFUSED = [
    "møte med NAV",
    "hei",
    "42",
    "31.04",
    "29. februar 2027",
    "13.13.2026",
    "kl 24:30",
    "tirsdag 29:00",
    "fredag 5. mars",
    "i morgen fredag",
    "15.09 eller 16.09",
    "desember",
    "uke 60",
    "tursdag kl 10",
    "femte mandag i februar",
    "halv 15",
    "kl 2430",
    "fredag julaften",
    "i morx",
    "møte i morgen kl 10",
    "neste",
    "om 2 timer kl 10",
    "fredag 10-12",
    "send til Kari innen fredag",
    "vi tar det på telefon",
    "når det passer",
    "5. mars 1800",
    "tirsdag om 3 dager",
]


def _samples() -> tuple[list[str], list[str]]:
    spec = importlib.util.spec_from_file_location("samples", SAMPLES)
    if not (spec and spec.loader and SAMPLES.exists()):
        return [], []
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    good = [row[0] for row in module.WHEN if row[1] is not None]
    bad = [row[0] for row in module.WHEN if row[1] is None]
    return good, bad


def _ms_per_phrase(fn: Callable[[str], object], phrases: list[str]) -> float:
    """Mean milliseconds per call over ROUNDS rounds of ``phrases``."""
    gc.collect()
    t0 = time.perf_counter()
    for _ in range(ROUNDS):
        for text in phrases:
            try:
                fn(text)
            except ValueError:
                pass  # a refusal is an answer, and is timed like one
    return (time.perf_counter() - t0) * 1000 / (ROUNDS * len(phrases))


PIECES = (
    "kl,kl.,klokka, ,.,:,-,–,om,neste,mars,fredag,i morgen,i morgn,99,0,2026,am,pm,uke,veke,"
    "dager,;,\n,31,29.02,halv,kvart,over,på,første,siste,i,av,slutten,julaften,pinse,den,"
    "og,and,mellom,10-12,13:00,1400,ti,tre,tolv,desember,desmber,tirsdga,week,of,the,ago"
).split(",")
ALPHABET = "0123456789 .,:;/-–kltmdhuwøæåKLamp\n" + "abcdefghijklmnopqrstuvwxyz"


def _fuzz_texts(n: int) -> list[str]:
    """Random strings, random runs of date words and mutated good phrases (seeded)."""
    rng = random.Random(20260302)
    seeds = ACCEPTED + REFUSED
    texts = []
    for i in range(n):
        kind = i % 3
        if kind == 0:
            size = rng.randint(0, 60)
            texts.append("".join(rng.choice(ALPHABET) for _ in range(size)))
        elif kind == 1:
            texts.append(" ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 12))))
        else:
            chars = list(rng.choice(seeds))
            for _ in range(rng.randint(1, 4)):
                pos = rng.randint(0, len(chars))
                chars[pos:pos] = rng.choice(PIECES)
            texts.append("".join(chars))
    return texts


def _fuzz(fn: Callable[[str], object], texts: list[str]) -> list[float]:
    gc.collect()
    times = []
    for text in texts:
        t0 = time.perf_counter()
        try:
            fn(text)
        except ValueError:
            pass
        times.append((time.perf_counter() - t0) * 1000)
    return sorted(times)


def _pct(times: list[float], p: float) -> float:
    return times[min(len(times) - 1, int(len(times) * p))]


COLD = {
    "parse_when": "from bot.dates import parse_when as f; f('torsdag 5. mars kl 10', now=NOW)",
    "refusal": "from bot.dates import parse_when as f\n"
    "try: f('møte med NAV', now=NOW)\nexcept ValueError: pass",
    "warm_up": "from bot.dates import warm_up as f; f()",
    "dateparser": "import dateparser as d; d.parse('torsdag 5. mars kl 10', "
    "languages=['nb','nn','en'])",
}


def _cold(code: str) -> float:
    script = (
        "import time, datetime, zoneinfo; t0 = time.perf_counter()\n"
        "NOW = datetime.datetime(2026, 3, 2, 9, tzinfo=zoneinfo.ZoneInfo('Europe/Oslo'))\n"
        f"{code}\nprint(time.perf_counter() - t0)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip()) * 1000


def main() -> None:
    sys.path.insert(0, str(ROOT))
    import dateparser

    from bot.dates import DateParseError, parse_slots, parse_when, warm_up

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

    def slots(text: str) -> object:
        return parse_slots(text, now=NOW)

    good, bad = _samples()
    accepted, refused = good + ACCEPTED, bad + REFUSED
    warm_up()
    for text in accepted + refused:  # warm every path, and check the lists are honest
        try:
            ours(text)
            wrong = text in refused
        except DateParseError:
            wrong = text in accepted
        if wrong:
            print(f"!! {text!r} is not {'refused' if text in refused else 'accepted'} by us")
        plain(text)

    print(f"warm, mean ms per phrase over {ROUNDS} rounds (same phrases for both)")
    print(f"{'':<22}{'parse_when':>12}{'dateparser':>12}")
    for name, phrases in (
        (f"accepted ({len(accepted)})", accepted),
        (f"refused ({len(refused)})", refused),
    ):
        print(
            f"{name:<22}{_ms_per_phrase(ours, phrases):12.3f}{_ms_per_phrase(plain, phrases):12.3f}"
        )

    texts = _fuzz_texts(FUZZ)
    print(f"random and fuzz-like text, {FUZZ} phrases, ms per phrase (budget {BUDGET_MS:.0f} ms)")
    for name, fn in (("parse_when", ours), ("parse_slots", slots)):
        times = _fuzz(fn, texts)
        worst = times[-1]
        verdict = "under budget" if worst < BUDGET_MS else "OVER BUDGET"
        print(
            f"{name:<12} p50 {_pct(times, 0.5):7.3f}   p99 {_pct(times, 0.99):7.3f}   "
            f"max {worst:7.3f}   mean {statistics.fmean(times):7.3f}   {verdict}"
        )

    print("cold, first call in a fresh interpreter (imports included), ms")
    for name, code in COLD.items():
        print(f"{name:<12} {_cold(code):8.1f}")


if __name__ == "__main__":
    main()
