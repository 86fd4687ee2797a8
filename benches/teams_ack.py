"""Time for the Teams adapter to answer an activity: signed `horing liste` activities from
N concurrent members (personal chats) against the bot in its own process, through the real
HTTP front, JWT check and Bot Connector client; prints p50 / p99 / max of

- ack: POST /api/messages until its 200 (Teams waits for this: it retries past 15 s), and
- answer: POST until the fake Bot Connector received the reply in that member's chat.

    python benches/teams_ack.py [--requests 500] [--concurrency 20] [--hearings 1000]

The fake Bot Connector (tests/adapters/teams/fake_connector.py, HTTPS on loopback) runs in
this process; the bot is `partnerbot serve` (web app, inbox, one in-process worker) in a
child process, on a fresh demo SQLite database with ``--hearings`` more open hearings.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.adapters.teams.fake_connector import FakeConnector  # noqa: E402

WARMUP = 20


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare(folder: Path, hearings: int) -> str:
    """A demo database at the current schema with ``hearings`` more open hearings."""
    from sqlalchemy import select

    from bot import demo
    from bot.config import Settings
    from storage import schema
    from storage.db import Database
    from storage.models import Hearing, HearingAddressee, Network, Organisation

    url = f"sqlite:///{folder / 'partnerbot.db'}"
    db = Database.from_url(url)
    schema.upgrade(db)
    demo.load(db, Settings(_env_file=None, DATABASE_URL=url))  # type: ignore[call-arg]
    now = datetime.now(UTC)
    with db.transaction() as s:
        nets = s.scalars(select(Network).order_by(Network.id)).all()
        orgs = s.scalars(select(Organisation).order_by(Organisation.id)).all()
        for i in range(hearings):
            s.add(
                Hearing(
                    network=nets[i % len(nets)],
                    title=f"Høring om regional plan {i + 1}",
                    sender=orgs[(i + 5) % len(orgs)].name,
                    deadline=now + timedelta(days=1 + i % 120, hours=i % 9),
                    state="open",
                    created_at=now,
                    reminder_offsets="14d,7d,2d,0d",
                    addressees=[HearingAddressee(organisation=orgs[i % len(orgs)])],
                )
            )
    db.dispose()
    return url


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--hearings", type=int, default=1000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="teams-ack-") as tmp, FakeConnector() as fake:
        url = prepare(Path(tmp), args.hearings)
        port = free_port()
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MICROSOFT_"))},
            **fake.env(),
            "DATABASE_URL": url,
            "REQUESTS_CA_BUNDLE": fake.ca_file,
            "PARTNERBOT_LOG_LEVEL": "ERROR",
        }
        partnerbot = Path(sys.executable).parent / "partnerbot"
        child = subprocess.Popen(
            [str(partnerbot), "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            cwd=tmp,
        )
        try:
            run_bench(fake, f"http://127.0.0.1:{port}/api/messages", args)
        finally:
            child.terminate()
            child.wait(20)


def run_bench(fake: FakeConnector, bot_url: str, args: argparse.Namespace) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            if requests.get(bot_url.replace("/api/messages", "/readyz"), timeout=2).ok:
                break
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            raise SystemExit("the bot did not start within 60 s")
        time.sleep(0.2)
    token = fake.sign()  # one Bot Framework token, valid an hour, for every activity
    session_local = threading.local()

    def one(n: int) -> tuple[float, float, bool]:
        user = f"member{n % args.concurrency}"
        conversation = f"a:personal-{user}"
        session = getattr(session_local, "s", None) or requests.Session()
        session_local.s = session
        before = len([c for c in fake.sent("send") if c.conversation == conversation])
        activity = fake.message("horing liste", user=user, name=f"Medlem {n % args.concurrency}")
        start = time.perf_counter()
        resp = session.post(
            bot_url, json=activity, headers={"Authorization": f"Bearer {token}"}, timeout=30
        )
        ack = time.perf_counter() - start
        try:
            fake.wait_for(
                "send",
                lambda c: (
                    c.conversation == conversation
                    and len(
                        [
                            x
                            for x in fake.calls
                            if x.kind == "send" and x.conversation == conversation
                        ]
                    )
                    > before
                ),
                timeout=60,
            )
        except AssertionError:
            return ack, float("nan"), False
        return ack, time.perf_counter() - start, resp.status_code == 200

    # Each member waits for their answer before writing again: N members, N in flight.
    with ThreadPoolExecutor(args.concurrency) as pool:
        list(pool.map(one, range(WARMUP)))
        started = time.perf_counter()
        results = list(pool.map(one, range(WARMUP, WARMUP + args.requests)))
        elapsed = time.perf_counter() - started
    acks = [r[0] * 1000 for r in results]
    answers = [r[1] * 1000 for r in results if r[2]]
    errors = sum(1 for r in results if not r[2])
    print(
        f"teams_ack: {args.requests} activities 'horing liste' ({args.hearings} extra hearings), "
        f"{args.concurrency} concurrent members, {elapsed:.1f} s, "
        f"{args.requests / elapsed:.1f}/s, errors {errors}"
    )
    print(
        f"  ack     p50 {pct(acks, 50):7.1f} ms   p99 {pct(acks, 99):7.1f} ms   "
        f"max {max(acks):7.1f} ms   mean {statistics.fmean(acks):6.1f} ms"
    )
    if answers:
        print(
            f"  answer  p50 {pct(answers, 50):7.1f} ms   p99 {pct(answers, 99):7.1f} ms   "
            f"max {max(answers):7.1f} ms   mean {statistics.fmean(answers):6.1f} ms"
        )


if __name__ == "__main__":
    main()
