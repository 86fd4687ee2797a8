"""Time the web pages under uvicorn on loopback: the guest poll page (GET), a guest vote
(POST, through the same save as chat votes), a member's calendar feed and the dashboard
of the imported Vest-Telemark programme, on a SQLite file with the demo data.

Run from the project root: ``python benches/web.py [--requests 300]``. Prints requests per
second and p50/p99 ms per kind, one client at a time (the machine has 2 shared cores).
Speed is measured here, not asserted in tests. Every request goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot import demo  # noqa: E402
from bot.app import App  # noqa: E402
from bot.web.app import build_web_app  # noqa: E402
from bot.web.routes import page_routes  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.models import Base  # noqa: E402
from tests.conftest import make_settings  # noqa: E402
from tests.helpers import DATA, TestBot  # noqa: E402
from tests.web.browser import LiveServer  # noqa: E402

PUBLIC = "https://partnerbot.example.no"


def path_of(text: str) -> str:
    found = re.search(re.escape(PUBLIC) + r"(/\S+)", text)
    assert found, text
    return found.group(1)


def timed(label: str, n: int, call: object) -> None:
    times: list[float] = []
    for _ in range(n):
        start = time.perf_counter()
        call()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(
        f"{label:<28} {n / (sum(times) / 1000):7.0f} req/s   "
        f"p50 {statistics.median(times):6.1f} ms   p99 {p99:6.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=300)
    n = parser.parse_args().requests
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        db = Database.from_url(url)
        Base.metadata.create_all(db.engine)
        settings = make_settings(
            url, PARTNERBOT_PUBLIC_URL=PUBLIC, PARTNERBOT_WEB_POSTS_PER_MINUTE=10 * n
        )
        app = App.build(settings, db)
        demo.load(app.db, app.settings)
        bot = TestBot(app)
        poll = path_of(bot.run("/mote lenke 1", as_="Marte Lie"))
        feed = path_of(bot.run("/partnerbot kalender", as_="Ola Nordmann"))
        programme = (DATA / "arbeidsprogram_nn.txt").read_text("utf-8")
        bot.run('/partnerbot nettverk ny "Regionrådet Vest-Telemark"')
        bot.run("/partnerbot koble nettverk Regionrådet Vest-Telemark", channel="#program")
        bot.run("/tiltak importer", channel="#program", body=programme)
        bot.run("/tiltak importer stadfest", channel="#program", body=programme)
        board = path_of(bot.run("/tiltak tavle", channel="#program"))
        web = build_web_app(db, page_routes(db, settings))
        with LiveServer(web) as server, httpx.Client(base_url=server.url) as client:
            page = client.get(poll).text
            token = re.search(r'name="csrf" value="([^"]+)"', page)
            assert token
            form = {"csrf": token.group(1), "name": "Bench", "organisation": "Bench AS"}
            form.update({f"slot{i}": "yes" for i in (1, 2, 3)})
            print(f"{n} requests each, one client, uvicorn on {server.url}")
            timed("guest poll page (GET)", n, lambda: client.get(poll))
            timed("guest vote (POST)", n, lambda: client.post(poll, data=form))
            timed("calendar feed (.ics)", n, lambda: client.get(feed))
            timed("dashboard, 33 actions", n, lambda: client.get(board))
        db.dispose()


if __name__ == "__main__":
    main()
