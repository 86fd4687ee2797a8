"""What the Slack benchmarks share: a FakeSlack in a process of its own (so its threads take
no CPU time from the load generator's), a database made ready for `partnerbot slack`, and
the bot process's resident memory, threads and open files read from /proc."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.adapters.slack.fake import Call, FakeSlack  # noqa: E402
from tests.adapters.slack.process import (  # noqa: E402
    SlackBotProcess,
    children,
    clean_env,
    prepare_folder,
    start_slack_bot,
    start_worker,
)

# `partnerbot worker --nice` of the split layout: the acks go before the rendering.
WORKER_NICE = 10


class RemoteFake:
    """A FakeSlack served by a child process (``python benches/harness.py``); what
    start_slack_bot needs of a FakeSlack, and its recorded calls on demand."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=clean_env(PYTHONPATH=str(ROOT)),
        )
        assert self.proc.stdout is not None
        self.url = self.proc.stdout.readline().strip()
        if not self.url:
            raise SystemExit("the fake Slack did not start")
        self.api_url = self.url + "/api/"
        self._local = threading.local()

    def response_url(self, tag: str) -> str:
        return f"{self.url}/response/{tag}"

    def wait(
        self,
        *,
        response_path: str,
        method: str = "",
        contains: str = "",
        ts: str = "",
        after: float = 0.0,
        timeout: float = 30.0,
    ) -> list[str] | None:
        """Wait for the answer to one request: a post on its response_url (``response_path``)
        or a ``method`` call (whose text has ``contains``, whose ts is ``ts``) that reached the
        fake after ``after`` (time.monotonic(), the same clock in every process). Returns the
        texts of what matched, or None on timeout."""
        query = urlencode(
            {
                "path": response_path,
                "method": method,
                "contains": contains,
                "ts": ts,
                "after": repr(after),
                "timeout": repr(timeout),
            }
        )
        for attempt in (1, 2):  # a kept-alive connection the fake closed: once more, anew
            conn = self._connection(timeout + 10)
            try:
                conn.request("GET", "/_wait?" + query)
                answer = json.loads(conn.getresponse().read())
                break
            except (OSError, http.client.HTTPException):
                conn.close()
                self._local.conn = None
                if attempt == 2:
                    raise
        return answer.get("texts")

    def _connection(self, timeout: float) -> http.client.HTTPConnection:
        """This thread's kept-alive connection to the fake: one per member, so a wait costs
        neither side a TCP connection and the fake a new thread."""
        conn: http.client.HTTPConnection | None = getattr(self._local, "conn", None)
        if conn is None:
            parts = urlsplit(self.url)
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
            self._local.conn = conn
        return conn

    def count(self) -> int:
        """How many calls the fake answered so far."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("count\n")
        self.proc.stdin.flush()
        return int(self.proc.stdout.readline())

    def calls(self, method: str | None = None) -> list[Call]:
        """Every call the fake answered so far (``method`` only, if given)."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("calls\n")
        self.proc.stdin.flush()
        rows = json.loads(self.proc.stdout.readline())
        calls = [
            Call(
                method=r["method"],
                body=r["body"],
                headers={},
                path=r["path"],
                status=r["status"],
                answer_ok=r["answer_ok"],
                at=r["at"],
            )
            for r in rows
        ]
        return [c for c in calls if method is None or c.method == method]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)

    def __enter__(self) -> RemoteFake:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


# How much earlier than its place in the list a call may have been stamped (``Call.at`` is
# taken when its request arrives, the call is listed after it is answered).
STAMP_SKEW = 5.0


@dataclass(eq=False)
class Waiter:
    """One client's wait in the fake: what it wants, and what came."""

    wants: Callable[[Call], bool]
    hits: list[Call] = field(default_factory=list)
    came: threading.Event = field(default_factory=threading.Event)


class WaitingFake(FakeSlack):
    """A FakeSlack that also answers GET /_wait?... (see RemoteFake.wait). Each wait has a
    channel of its own: a new call is offered to the waits it answers, instead of waking
    every waiting thread to look through the calls again; response_url posts are kept by
    path, and a method wait looks back only as far as its ``after``."""

    def __init__(self) -> None:
        super().__init__()
        self._waiters: list[Waiter] = []
        self._by_path: dict[str, list[Call]] = {}

    def _record(self, call: Call) -> None:
        with self._changed:
            self._calls.append(call)
            if call.method == "response_url":
                self._by_path.setdefault(call.path, []).append(call)
            for waiter in self._waiters:
                if waiter.wants(call):
                    waiter.hits.append(call)
                    waiter.came.set()
            self._changed.notify_all()  # FakeSlack.wait_for's waiters (none in the benches)

    def _handle(self, req: Any, raw: bytes) -> None:
        parts = urlsplit(req.path)
        if parts.path != "/_wait":
            super()._handle(req, raw)
            return
        q = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        after = float(q.get("after", 0))
        path, method = q.get("path", ""), q.get("method", "")
        contains, ts = q.get("contains", ""), q.get("ts", "")

        def answers(c: Call) -> bool:
            if c.method == "response_url":
                return c.path == path
            return (
                c.method == method
                and c.at >= after
                and contains in c.text
                and (not ts or c.body.get("ts") == ts)
            )

        hits = self._wait_any(answers, path, after, float(q.get("timeout", 30)))
        self._reply(req, 200, {"texts": [c.text for c in hits] if hits else None})

    def _wait_any(
        self, where: Callable[[Call], bool], path: str, after: float, timeout: float
    ) -> list[Call]:
        """The calls that answer ``where`` (the response_url posts on ``path``, the method
        calls since ``after``): those already there, else the first to come within
        ``timeout`` (empty when none came)."""
        with self._changed:
            recent: list[Call] = []
            for c in reversed(self._calls):
                if c.at < after - STAMP_SKEW:
                    break
                if c.method != "response_url" and where(c):
                    recent.append(c)
            hits = list(self._by_path.get(path, ())) + recent[::-1]
            if hits:
                return hits
            waiter = Waiter(where)
            self._waiters.append(waiter)
        waiter.came.wait(timeout)
        with self._changed:
            self._waiters.remove(waiter)
            return list(waiter.hits)


def serve_fake() -> None:
    """The child side of RemoteFake: print the URL, answer "calls" lines with JSON."""
    with WaitingFake() as fake:
        print(fake.url, flush=True)
        for line in sys.stdin:
            if line.strip() == "count":
                print(len(fake.calls()), flush=True)
            elif line.strip() == "calls":
                rows: list[dict[str, Any]] = [
                    {
                        "method": c.method,
                        "body": c.body,
                        "path": c.path,
                        "status": c.status,
                        "answer_ok": c.answer_ok,
                        "at": c.at,
                    }
                    for c in fake.calls()
                ]
                print(json.dumps(rows), flush=True)


@contextmanager
def database(kind: str, folder: Path) -> Iterator[str]:
    """A demo database, upgraded: a SQLite file in ``folder`` or (``kind`` "postgres") a
    throwaway PostgreSQL server; yields its URL."""
    if kind == "sqlite":
        yield prepare_folder(folder)
        return
    from tests.pgserver import PgServer

    with PgServer() as pg:
        yield prepare_folder(folder, pg.url)


def settle(fake: RemoteFake, quiet: float = 3.0, limit: float = 120.0) -> None:
    """Wait until the bot has stopped calling the fake for ``quiet`` seconds."""
    deadline = time.monotonic() + limit
    count, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        now = fake.count()
        if now != count:
            count, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
        time.sleep(0.5)


@dataclass(frozen=True)
class ProcSample:
    """One look at a process and its children (`partnerbot slack` and its worker process),
    summed: resident memory, threads, open file descriptors."""

    at: float
    rss_kb: int
    threads: int
    fds: int


def sample(pid: int) -> ProcSample:
    rss = threads = fds = 0
    for one in (pid, *children(pid)):
        fields = {}
        try:
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                key, _, value = line.partition(":")
                fields[key] = value.split()
            count = len(list(Path(f"/proc/{one}/fd").iterdir()))
        except OSError:
            if one == pid:
                raise
            continue  # a child that just ended
        rss += int(fields.get("VmRSS", ["0"])[0])
        threads += int(fields["Threads"][0])
        fds += count
    return ProcSample(at=time.monotonic(), rss_kb=rss, threads=threads, fds=fds)


def mib(kb: int) -> str:
    return f"{kb / 1024:.1f} MiB"


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc): a measure of the work per
    request that a machine shared with other work disturbs less than latencies."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Layout:
    """partnerbot as the benches run it: one process (`slack`, its worker inside, the
    default), or split: a front (`slack --no-worker`) beside ``len(workers)`` `partnerbot
    worker --nice N` processes, as docs/deploy.md recommends (the rendering gets a GIL and
    a CPU priority of its own)."""

    bot: SlackBotProcess
    workers: list[subprocess.Popen[bytes]]
    nice: int

    @property
    def split(self) -> bool:
        return bool(self.workers)

    @property
    def name(self) -> str:
        return "front+worker" if self.split else "one process"

    def describe(self) -> str:
        if not self.split:
            return "one process (`partnerbot slack`: web front and worker)"
        return (
            f"front + worker (`partnerbot slack --no-worker` beside {len(self.workers)} x "
            f"`partnerbot worker --nice {self.nice}`)"
        )

    def processes(self) -> dict[str, int]:
        """Each process's pid by its part: "bot" (one process), or "front", "worker 1", ..."""
        if not self.split:
            return {"bot": self.bot.proc.pid}
        named = {f"worker {i}": w.pid for i, w in enumerate(self.workers, 1)}
        return {"front": self.bot.proc.pid} | named

    def cpu(self) -> dict[str, float]:
        """CPU seconds so far per process (``processes``)."""
        return {part: cpu_seconds(pid) for part, pid in self.processes().items()}

    def sample(self) -> ProcSample:
        """RSS, threads and open files of all its processes, summed."""
        looks = [sample(pid) for pid in self.processes().values()]
        return ProcSample(
            at=looks[0].at,
            rss_kb=sum(one.rss_kb for one in looks),
            threads=sum(one.threads for one in looks),
            fds=sum(one.fds for one in looks),
        )

    def stop(self) -> None:
        for worker in self.workers:  # first, so the front's stop does not wait on them
            worker.terminate()
            worker.wait(30)
        self.bot.stop()


def start_layout(
    folder: Path,
    fake: Any,
    *,
    database_url: str,
    split: bool,
    workers: int = 1,
    nice: int = WORKER_NICE,
    env: dict[str, str],
    tick_seconds: float,
    admins: str,
) -> Layout:
    """Start partnerbot on ``database_url`` in one of the two layouts (``Layout``), with the
    same ``env`` and reminder tick in every process; ``fake`` a RemoteFake or FakeSlack."""
    bot = start_slack_bot(
        folder,
        fake,
        admins=admins,
        database_url=database_url,
        env=env,
        tick_seconds=tick_seconds,
        worker=not split,
    )
    started: list[subprocess.Popen[bytes]] = []
    try:
        for i in range(workers if split else 0):
            proc, _ = start_worker(
                folder / f"worker-{i + 1}",
                fake,
                database_url=database_url,
                env={
                    **env,
                    "PARTNERBOT_ADMINS": admins,  # the worker runs the commands: it decides
                    "PARTNERBOT_TICK_SECONDS": str(tick_seconds),
                },
                args=("--nice", str(nice)),
            )
            started.append(proc)
    except BaseException:
        Layout(bot, started, nice).stop()
        raise
    return Layout(bot, started, nice)


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


if __name__ == "__main__":
    serve_fake()
