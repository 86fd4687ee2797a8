"""Ack latency of `partnerbot slack` against a bare Bolt app that only acks, same machine,
same run: signed slash commands, N at a time; prints p50 / p99 for both and the ratios.

    python benches/slack_ack.py [--requests 500] [--concurrency 20] [--command "/horing liste"]
                                [--hearings 1000]

The measured command is a read, `/horing liste`, on a database with 1,000 open hearings
(seeded straight into a fresh demo database before the bot starts).

Both servers run as separate processes on the same stack (uvicorn, Starlette, Bolt's
AsyncApp through its Starlette adapter, process_before_response=True), so the difference is
what partnerbot adds: on the ack path the intake checks and storing the request in the
inbox (one committed insert); after the ack its in-process worker runs the command, which
competes with the acks for the process's GIL and the machine's CPUs. The bench also waits until every command was answered: an ack is only
worth measuring if the work behind it gets done. The requests are sent in
alternating rounds (bare, partnerbot, bare, ...) so machine load drifts evenly. A fake
Slack Web API, in its own process, takes the replies (response_url) and Web API calls.
The bot runs with the default settings (4 worker threads, the reminder tick every 15 s).
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

from benches.harness import RemoteFake, pct  # noqa: E402
from tests.adapters.slack import requests as rq  # noqa: E402
from tests.adapters.slack.process import (  # noqa: E402
    clean_env,
    free_port,
    prepare_folder,
    start_slack_bot,
)

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


def wait_answered(fake: RemoteFake, expected: int, timeout: float = 120.0) -> tuple[int, float]:
    """How many of partnerbot's commands were answered (on their response_url), waiting up to
    ``timeout`` for all; and how long after the last ack the last answer came. An ack is only
    worth measuring if the command behind it is then done."""
    start = time.monotonic()
    while True:
        got = len([c for c in fake.calls() if c.path.endswith("/response/bench")])
        if got >= expected or time.monotonic() - start > timeout:
            return got, time.monotonic() - start
        time.sleep(0.2)


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
        help="use this (upgraded, filled) database instead "
        "of a fresh demo one with --hearings hearings",
    )
    parser.add_argument("--serve-bare", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_bare:
        serve_bare(int(args.serve_bare[0]), args.serve_bare[1])
        return

    fake = RemoteFake()
    fake_url = fake.url
    with tempfile.TemporaryDirectory() as tmp:
        database_url = args.database_url or seed_hearings(Path(tmp), args.hearings)
        bot = start_slack_bot(
            Path(tmp),
            fake,
            admins="U_BENCH",
            database_url=database_url,
            env={"PARTNERBOT_LOG_LEVEL": "WARNING"},
            tick_seconds=TICK_SECONDS,
        )
        bare, bare_url = start_bare(fake_url + "/api/")
        try:
            reply_url = fake_url + "/response/bench"
            for url in (bare_url, bot.events_url):
                burst(url, args.command, reply_url, WARMUP, max(args.concurrency))
            time.sleep(1.0)
            per_round = max(1, args.requests // ROUNDS)
            sent = WARMUP
            results: dict[int, dict[str, list[float]]] = {}
            for concurrency in args.concurrency:
                times: dict[str, list[float]] = {"bare bolt": [], "partnerbot": []}
                for _ in range(ROUNDS):
                    times["bare bolt"] += burst(
                        bare_url, args.command, reply_url, per_round, concurrency
                    )
                    times["partnerbot"] += burst(
                        bot.events_url, args.command, reply_url, per_round, concurrency
                    )
                sent += len(times["partnerbot"])
                results[concurrency] = times
            answered, answer_seconds = wait_answered(fake, sent)
        finally:
            bare.terminate()
            bot.stop()
            fake.stop()

    data = (
        f"database {args.database_url}"
        if args.database_url
        else f"demo database + {args.hearings} hearings"
    )
    ok = answered >= sent
    for concurrency, times in results.items():
        print(
            f"\n{len(times['partnerbot'])} signed `{args.command}` per server, "
            f"{concurrency} concurrent, {ROUNDS} alternating rounds, {data} "
            f"(cpus: {os.cpu_count()})"
        )
        print(f"{'':12} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'mean ms':>8}")
        for name, values in times.items():
            print(
                f"{name:12} {pct(values, 50) * 1000:8.1f} {pct(values, 99) * 1000:8.1f} "
                f"{max(values) * 1000:8.1f} {statistics.mean(values) * 1000:8.1f}"
            )
        b, p = times["bare bolt"], times["partnerbot"]
        ratio50 = pct(p, 50) / pct(b, 50)
        print(f"ratio partnerbot / bare: p50 {ratio50:.2f}x, p99 {pct(p, 99) / pct(b, 99):.2f}x")
        ok = ok and ratio50 <= 1.5 and (concurrency < 20 or pct(p, 99) < 0.300)
    print(
        f"\npartnerbot answered {answered} of {sent} commands "
        f"(warm-up included), the last {answer_seconds:.1f} s after the last ack"
    )
    print(
        f"targets (p50 <= 1.5x bare, p99 < 300 ms at 20 concurrent, every command answered): "
        f"{'met' if ok else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
