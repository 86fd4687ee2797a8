"""Ack latency of partnerbot's Slack front against a bare Bolt app that only acks, same
machine, same run: signed slash commands, N at a time; prints p50 / p99 and the ratios.

    python benches/slack_ack.py [--requests 500] [--concurrency 1 20] [--command "/horing liste"]
                                [--hearings 1000] [--worker-nice 10]

The measured command is a read, `/horing liste`, on a database with 1,000 open hearings
(seeded straight into a fresh demo database per layout before the bot starts).

Three servers, each in processes of its own on the same stack (uvicorn, Starlette, Bolt's
AsyncApp through its Starlette adapter, process_before_response=True):
- bare bolt: acks and does nothing else;
- one process: `partnerbot slack`, the default: the front stores the request in the inbox
  (one committed insert) and acks; the worker in the same process runs the command after
  the ack, competing with the acks for the process's GIL and the machine's CPUs;
- front+worker: `partnerbot slack --no-worker` beside `partnerbot worker --nice 10` on the
  same SQLite file (the split layout: the rendering has a GIL and a CPU priority of its own).
The bench also waits until every command was answered, per layout, and prints the CPU
time its processes spent per command: an ack is only worth measuring if the work behind it
gets done. The requests are sent in alternating rounds (bare, one process, front+worker,
bare, ...) so machine load drifts evenly; before each round the bench waits until every
command sent so far is answered, so a server is measured beside its own worker only, not
beside another layout's backlog (which slowed the bare app too, and flattered the ratio). A fake Slack Web API, in its own process, takes
the replies (response_url) and Web API calls. The bots run with the default settings (4
worker threads, the reminder tick every 15 s).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benches.harness import WORKER_NICE, Layout, RemoteFake, pct, start_layout  # noqa: E402
from tests.adapters.slack import requests as rq  # noqa: E402
from tests.adapters.slack.process import clean_env, free_port, prepare_folder  # noqa: E402

ROUNDS = 5
WARMUP = 20
# The reminder tick as `serve` has it by default (PARTNERBOT_TICK_SECONDS), not the tests'
# 1 s: each tick takes the write lock a while.
TICK_SECONDS = 15.0


def seed_hearings(folder: Path, count: int) -> str:
    """A demo database with ``count`` more open hearings, spread over the networks and their
    deadlines over the next months, each with two addressees; returns its URL."""
    from sqlalchemy import select

    from storage.db import Database
    from storage.models import Hearing, HearingAddressee, Network, Organisation

    url = prepare_folder(folder)
    db = Database.from_url(url)
    now = datetime.now(UTC)
    try:
        with db.transaction() as s:
            nets = s.scalars(select(Network).order_by(Network.id)).all()
            orgs = s.scalars(select(Organisation).order_by(Organisation.id)).all()
            for i in range(count):
                s.add(
                    Hearing(
                        network=nets[i % len(nets)],
                        title=f"Høring om regional plan {i + 1}",
                        sender=orgs[(i + 5) % len(orgs)].name,
                        deadline=now + timedelta(days=1 + i % 120, hours=i % 9),
                        state="open",
                        created_at=now,
                        reminder_offsets="14d,7d,2d,0d",
                        addressees=[
                            HearingAddressee(organisation=orgs[i % len(orgs)]),
                            HearingAddressee(
                                organisation=orgs[(i + 1) % len(orgs)],
                                answered_at=now if i % 3 == 0 else None,
                            ),
                        ],
                    )
                )
    finally:
        db.dispose()
    return url


def serve_bare(port: int, api_url: str) -> None:
    """A Bolt app that acks every slash command and does nothing else, served the way
    partnerbot serves Slack: Bolt's AsyncApp through its Starlette adapter on uvicorn."""
    import uvicorn
    from slack_bolt.adapter.starlette.async_handler import AsyncSlackRequestHandler
    from slack_bolt.async_app import AsyncAck, AsyncApp
    from slack_sdk.web.async_client import AsyncWebClient
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import PlainTextResponse, Response
    from starlette.routing import Route

    # Bolt asks auth.test once (who am I) at the first request: the fake answers it.
    app = AsyncApp(
        client=AsyncWebClient(token="xoxb-bench", base_url=api_url),
        signing_secret=rq.SECRET,
        process_before_response=True,
    )

    async def ack_only(ack: AsyncAck) -> None:
        await ack()

    app.command(re.compile(r"^/.+"))(ack_only)
    handler = AsyncSlackRequestHandler(app)

    async def events(request: Request) -> Response:
        return await handler.handle(request)

    async def healthz(request: Request) -> Response:
        return PlainTextResponse("ok")

    web = Starlette(
        routes=[
            Route("/slack/events", events, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
        ]
    )
    uvicorn.run(web, host="127.0.0.1", port=port, log_config=None, access_log=False)


def start_bare(api_url: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = clean_env(PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, __file__, "--serve-bare", str(port), api_url],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if rq.get(url + "/healthz", timeout=1).status == 200:
                return proc, url + "/slack/events"
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the bare Bolt app did not start")


def one(url: str, command: str, response_url: str) -> float:
    name, _, text = command.partition(" ")
    resp = rq.post(
        url,
        rq.slash_body(
            text, command=name, response_url=response_url, user_id="U_BENCH", user_name="bench"
        ),
    )
    if resp.status != 200:
        raise SystemExit(f"{url} answered {resp.status}: {resp.body[:200]}")
    return resp.seconds


def burst(url: str, command: str, response_url: str, n: int, concurrency: int) -> list[float]:
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        return list(pool.map(lambda _: one(url, command, response_url), range(n)))


def wait_answered(fake: RemoteFake, tag: str, expected: int, timeout: float = 180.0) -> int:
    """How many of one layout's commands were answered (posts on their response_url),
    waiting up to ``timeout`` for all. An ack is only worth measuring if the command behind
    it is then done."""
    start = time.monotonic()
    while True:
        got = len([c for c in fake.calls() if c.path.endswith(f"/response/{tag}")])
        if got >= expected or time.monotonic() - start > timeout:
            return got
        time.sleep(0.2)


def start_layouts(
    folder: Path, fake: RemoteFake, args: argparse.Namespace, env: dict[str, str]
) -> list[Layout]:
    """partnerbot as one process (`slack`, worker inside), and as a front
    (`slack --no-worker`) beside `partnerbot worker`: each on its own copy of the data."""
    layouts: list[Layout] = []
    for split in (False, True):
        here = folder / ("split" if split else "one")
        url = args.database_url or seed_hearings(here, args.hearings)
        layouts.append(
            start_layout(
                here,
                fake,
                database_url=url,
                split=split,
                nice=args.worker_nice,
                env=env,
                tick_seconds=TICK_SECONDS,
                admins="U_BENCH",
            )
        )
    return layouts


def response_tag(layout: Layout) -> str:
    """The last part of its commands' response_url: whose answers are whose."""
    return "bench-split" if layout.split else "bench"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument(
        "--concurrency",
        type=int,
        nargs="+",
        default=[1, 20],
        help="requests in flight at once; one measurement per value (1: sequential)",
    )
    parser.add_argument("--command", default="/horing liste")
    parser.add_argument(
        "--hearings", type=int, default=1000, help="open hearings added to the fresh demo database"
    )
    parser.add_argument(
        "--database-url",
        help="use this (upgraded, filled) database for both layouts instead "
        "of a fresh demo one each with --hearings hearings",
    )
    parser.add_argument(
        "--worker-nice",
        type=int,
        default=WORKER_NICE,
        help="`partnerbot worker --nice` of the front+worker layout",
    )
    parser.add_argument("--serve-bare", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_bare:
        serve_bare(int(args.serve_bare[0]), args.serve_bare[1])
        return

    fake = RemoteFake()
    fake_url = fake.url
    env = {"PARTNERBOT_LOG_LEVEL": "WARNING", "PARTNERBOT_TEST_CLOCK": ""}  # real time, as deployed
    with tempfile.TemporaryDirectory() as tmp:
        layouts = start_layouts(Path(tmp), fake, args, env)
        bare, bare_url = start_bare(fake_url + "/api/")
        try:
            urls = {"bare bolt": (bare_url, "bare")} | {
                layout.name: (layout.bot.events_url, response_tag(layout)) for layout in layouts
            }
            for url, tag in urls.values():
                burst(
                    url, args.command, f"{fake_url}/response/{tag}", WARMUP, max(args.concurrency)
                )
            time.sleep(1.0)
            cpu_before = {layout.name: sum(layout.cpu().values()) for layout in layouts}
            per_round = max(1, args.requests // ROUNDS)
            sent = WARMUP
            sent_to = {layout.name: WARMUP for layout in layouts}
            results: dict[int, dict[str, list[float]]] = {}
            for concurrency in args.concurrency:
                times: dict[str, list[float]] = {name: [] for name in urls}
                for _ in range(ROUNDS):
                    for name, (url, tag) in urls.items():
                        # The others' backlogs first: each server is measured while the
                        # rest of the machine is idle, beside its own worker only.
                        for layout in layouts:
                            wait_answered(fake, response_tag(layout), sent_to[layout.name])
                        times[name] += burst(
                            url, args.command, f"{fake_url}/response/{tag}", per_round, concurrency
                        )
                        if name in sent_to:
                            sent_to[name] += per_round
                sent += len(times["bare bolt"])
                results[concurrency] = times
            answered = {
                layout.name: wait_answered(fake, response_tag(layout), sent) for layout in layouts
            }
            cpu_ms = {
                layout.name: (sum(layout.cpu().values()) - cpu_before[layout.name])
                * 1000
                / (sent - WARMUP)
                for layout in layouts
            }
        finally:
            bare.terminate()
            for layout in layouts:
                layout.stop()
            fake.stop()
    report(args, results, answered, sent, cpu_ms)


def report(
    args: argparse.Namespace,
    results: dict[int, dict[str, list[float]]],
    answered: dict[str, int],
    sent: int,
    cpu_ms: dict[str, float],
) -> None:
    data = (
        f"database {args.database_url}"
        if args.database_url
        else f"demo database + {args.hearings} hearings"
    )
    met: dict[str, bool] = {name: answered[name] >= sent for name in answered}
    for concurrency, times in results.items():
        print(
            f"\n{len(times['bare bolt'])} signed `{args.command}` per server, "
            f"{concurrency} concurrent, {ROUNDS} alternating rounds, {data} "
            f"(cpus: {os.cpu_count()}, load average {os.getloadavg()[0]:.1f})"
        )
        print(f"{'':13} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'mean ms':>8}  p50 / bare")
        bare = pct(times["bare bolt"], 50)
        for name, values in times.items():
            ratio = pct(values, 50) / bare
            print(
                f"{name:13} {pct(values, 50) * 1000:8.1f} {pct(values, 99) * 1000:8.1f} "
                f"{max(values) * 1000:8.1f} {statistics.mean(values) * 1000:8.1f}  {ratio:.2f}x"
            )
            if name in met:
                ok = ratio <= 1.5 and (concurrency < 20 or pct(values, 99) < 0.300)
                met[name] = met[name] and ok
    print()
    for name, got in answered.items():
        print(
            f"{name}: answered {got} of {sent} commands (warm-up included); "
            f"{cpu_ms[name]:.1f} ms CPU per command (front and worker, all processes)"
        )
    for name, ok in met.items():
        print(
            f"targets for {name} (p50 <= 1.5x bare, p99 < 300 ms at 20 concurrent, every "
            f"command answered): {'met' if ok else 'NOT met'}"
        )


if __name__ == "__main__":
    main()
