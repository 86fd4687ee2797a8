"""Stalled connections against a real `partnerbot slack`: N clients send the headers of a
POST /slack/events with Content-Length: 500 and then nothing. Meanwhile GET /healthz must
keep answering within 1 s, and the bot's memory, threads and open files must stay flat.

    python benches/stalled.py [--connections 3000] [--seconds 60]

Prints the /healthz latency (p50 / max) while the connections stall, and RSS / threads /
file descriptors before, during and after; what the stalled clients got back (the bot
answers 408 once a body is BODY_SECONDS late, and closes the connection)."""

from __future__ import annotations

import argparse
import resource
import socket
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benches.harness import ProcSample, RemoteFake, mib, pct, sample  # noqa: E402
from tests.adapters.slack import requests as rq  # noqa: E402
from tests.adapters.slack.process import start_slack_bot  # noqa: E402

HEAD = (
    b"POST /slack/events HTTP/1.1\r\nHost: bot\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=3000)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--waves", type=int, default=2, help="memory must not grow wave by wave")
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, args.connections + 500)), hard))

    fake = RemoteFake()
    with tempfile.TemporaryDirectory() as tmp:
        bot = start_slack_bot(Path(tmp), fake, env={"PARTNERBOT_LOG_LEVEL": "WARNING"})
        socks: list[socket.socket] = []
        waves: list[tuple[float, list[tuple[float, float]], int, dict[str, int], ProcSample]] = []
        try:
            before = sample(bot.proc.pid)
            during = [before]
            for _ in range(args.waves):
                wave_start = time.monotonic()
                for _ in range(args.connections):
                    s = socket.create_connection(("127.0.0.1", bot.port), timeout=10)
                    s.sendall(HEAD)
                    socks.append(s)
                opened = time.monotonic()
                health: list[tuple[float, float]] = []  # (seconds after opening, latency)
                failures = 0
                while time.monotonic() - opened < args.seconds:
                    at = time.monotonic() - opened
                    try:
                        resp = rq.get(bot.url + "/healthz", timeout=5)
                        health.append((at, resp.seconds))
                        failures += resp.status != 200
                    except OSError:
                        failures += 1
                    during.append(sample(bot.proc.pid))
                    time.sleep(0.5)
                answers: dict[str, int] = {}
                for s in socks:
                    s.settimeout(0.01)
                    try:
                        data = s.recv(64)
                        key = data.split(b"\r\n", 1)[0].decode(errors="replace") or "closed"
                    except OSError:
                        key = "no answer yet"
                    answers[key] = answers.get(key, 0) + 1
                for s in socks:
                    s.close()
                socks.clear()
                time.sleep(2)
                waves.append((opened - wave_start, health, failures, answers, sample(bot.proc.pid)))
        finally:
            for s in socks:
                s.close()
            bot.stop()
            fake.stop()

    print(
        f"{args.connections} connections stalled after their headers, {args.seconds:.0f} s, "
        f"{args.waves} waves"
    )
    ok = True
    for n, (opening, health, failures, answers, after) in enumerate(waves, start=1):
        latencies = [lat for _, lat in health]
        slowest = sorted(health, key=lambda x: -x[1])[:3]
        print(
            f"wave {n}: opened in {opening:.1f} s; /healthz {len(health)} checks, "
            f"p50 {pct(latencies, 50) * 1000:.1f} ms, max {max(latencies) * 1000:.1f} ms, "
            f"failures {failures}; slowest at "
            + ", ".join(f"{at:.1f} s ({lat * 1000:.0f} ms)" for at, lat in slowest)
        )
        print(
            f"  the stalled clients got: {answers}; after it: RSS {mib(after.rss_kb)}, "
            f"threads {after.threads}, fds {after.fds}"
        )
        ok = ok and failures == 0 and max(latencies) < 1.0 and after.threads <= before.threads + 2
    peak = max(during, key=lambda x: x.rss_kb)
    print(
        f"before: RSS {mib(before.rss_kb)}, threads {before.threads}, fds {before.fds}; "
        f"peak RSS {mib(peak.rss_kb)}, fds {max(x.fds for x in during)}"
    )
    print(
        f"targets (/healthz < 1 s throughout, threads back to before): {'met' if ok else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
