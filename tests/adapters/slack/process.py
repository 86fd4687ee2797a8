"""`partnerbot slack` as a separate process against a FakeSlack, and what to send it.

bot = start_slack_bot(tmp_folder, fake, admins="U_ADMIN")
resp, url = bot.command("/partnerbot hjelp")
fake.wait_for("response_url", lambda c: c.path.endswith(url.rsplit("/", 1)[-1]))
bot.stop()
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar

from bot import clock
from storage.db import Database
from tests.adapters.slack import requests as rq
from tests.adapters.slack.fake import Call, FakeSlack
from tests.adapters.slack.fake_socket import FakeSocketMode
from tests.helpers import demo_folder

T = TypeVar("T")
REPO = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent / "partnerbot"
BOT_TOKEN = "xoxb-test-token"
APP_TOKEN = "xapp-1-A0TEST-1-test-app-token"
# A bot starting on a busy machine is slow, not broken: wait for it this long.
READY_SECONDS = 120.0
PROXIES = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def clean_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PARTNERBOT_", "SLACK_", "DATABASE_URL"))
    }
    env.update(extra)
    return env


def partnerbot(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env or clean_env(),
        timeout=timeout,
    )


def prepare_folder(folder: Path, database_url: str | None = None) -> str:
    """`db upgrade` and `demo` in ``folder`` (on ``database_url``, by default a SQLite file
    there); returns the DATABASE_URL."""
    if database_url is None:  # the SQLite demo database, copied from a template
        demo_folder(folder)
        return f"sqlite:///{folder / 'partnerbot.db'}"
    folder.mkdir(parents=True, exist_ok=True)
    url = database_url
    env = clean_env(DATABASE_URL=url)
    for args in (("db", "upgrade"), ("demo", "--if-empty")):
        r = partnerbot(*args, cwd=folder, env=env)
        assert r.returncode == 0, r.stderr
    return url


def children(pid: int) -> list[int]:
    """The pids of a process's children (Linux /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def exited(pid: int) -> bool:
    """Dead with every thread, or reaped: its files (its end of a pipe) are closed. A
    killed process's main thread shows Z while its other threads still exit."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return True
    return "State:\tZ" in status and "Threads:\t1\n" in status


def wait_until(
    check: Callable[[], T | None], *, timeout: float = 10.0, what: str = "a condition"
) -> T:
    """Poll ``check`` until it returns something truthy (the bot works after its ack, so
    database state shows up a little after the HTTP response)."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout}s for {what}")
        time.sleep(0.05)


class SlackBotProcess:
    """A running `partnerbot slack`; send it commands and clicks like Slack does."""

    def __init__(
        self,
        proc: subprocess.Popen[bytes],
        port: int,
        fake: FakeSlack,
        folder: Path,
        database_url: str,
        log_path: Path,
    ) -> None:
        self.proc = proc
        self.port = port
        self.fake = fake
        self.folder = folder
        self.database_url = database_url
        self.log_path = log_path
        self._responses = 0
        self._db: Database | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def events_url(self) -> str:
        return self.url + "/slack/events"

    @property
    def clock_path(self) -> Path:
        """The bot's test clock (bot.clock): an offset in seconds that this test moves."""
        return self.folder / "test-clock"

    def move_clock(self, by: timedelta) -> None:
        """Move the bot's time forward: its next tick sees a time ``by`` later."""
        clock.move(self.clock_path, by)

    def db(self) -> Database:
        """The bot's database, opened in the test process to check state."""
        if self._db is None:
            self._db = Database.from_url(self.database_url)
        return self._db

    def new_response_url(self) -> str:
        self._responses += 1
        return self.fake.response_url(f"{self.port}-{self._responses}")

    def command(
        self,
        line: str,
        *,
        user_id: str = "U_ADMIN",
        user_name: str = "ingrid.berg",
        channel_id: str = "C_INFRA",
        channel_name: str = "infrastruktur",
        retry_of: str | None = None,
        trigger_id: str | None = None,
        **post_kw: Any,
    ) -> tuple[rq.Response, str]:
        """Send ``/name text`` as a slash command; returns (HTTP response, its response_url).
        ``retry_of=<body>`` resends that exact body as Slack's retry #1."""
        if retry_of is not None:
            body = retry_of
            response_url = dict(x.split("=", 1) for x in body.split("&"))["response_url"]
            post_kw.setdefault("retry_num", 1)
        else:
            name, _, text = line.strip().partition(" ")
            response_url = self.new_response_url()
            body = rq.slash_body(
                text,
                command=name,
                user_id=user_id,
                user_name=user_name,
                channel_id=channel_id,
                channel_name=channel_name,
                response_url=response_url,
                trigger_id=trigger_id,
            )
        self.last_body = body
        return rq.post(self.events_url, body, **post_kw), _unquote(response_url)

    def click(
        self,
        value: str,
        *,
        message_ts: str | None,
        user_id: str = "U_ADMIN",
        user_name: str = "ingrid.berg",
        channel_id: str = "C_INFRA",
        action_id: str = "cmd:1",
        **post_kw: Any,
    ) -> tuple[rq.Response, str]:
        """Press a button whose value is ``value`` on the message ``message_ts``."""
        response_url = self.new_response_url()
        body = rq.action_body(
            value,
            response_url=response_url,
            user_id=user_id,
            user_name=user_name,
            channel_id=channel_id,
            message_ts=message_ts,
            action_id=action_id,
        )
        self.last_body = body
        return rq.post(self.events_url, body, **post_kw), response_url

    def submit(
        self, view: dict[str, Any], values: dict[str, Any], *, user_id: str = "U_ADMIN"
    ) -> rq.Response:
        return rq.post(self.events_url, rq.submission_body(view, values, user_id=user_id))

    def event(self, event: dict[str, Any], **kw: Any) -> rq.Response:
        return rq.post(self.events_url, rq.event_body(event), content_type="application/json", **kw)

    def round_trip(self, user_id: str = "U_ADMIN", *, since: int | None = None) -> list[Call]:
        """Send a sentinel command as ``user_id`` and wait for its answer: what the bot took
        from that member before it (and any request it refused) is done by then. Use it
        before asserting that nothing (more) happened, instead of a pause. Returns the
        calls to the fake Web API since call number ``since`` (or since the sentinel was
        sent), but for the sentinel's answer (and the profile lookup of a first contact)."""
        before = len(self.fake.calls()) if since is None else since
        _, url = self.command("/partnerbot meg", user_id=user_id)
        answer = self.replies(url, timeout=60)[0]

        def sentinels(c: Call) -> bool:
            return c is answer or (c.method == "users.info" and c.body.get("user") == user_id)

        return [c for c in self.fake.calls()[before:] if not sentinels(c)]

    def replies(self, response_url: str, *, count: int = 1, timeout: float = 10.0) -> list[Call]:
        """The posts the bot made to ``response_url`` (waits for ``count`` of them)."""
        path = "/" + response_url.split("/", 3)[3]
        return self.fake.wait_for(
            "response_url", lambda c: c.path == path, count=count, timeout=timeout
        )

    def worker_ready(self, count: int = 1) -> bool:
        """Whether ``count`` worker processes have said they are ready, by the log."""
        return len(re.findall(r"worker process \d+ ready", self.logs())) >= count

    def logs(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self) -> None:
        if self._db is not None:
            self._db.dispose()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def _unquote(value: str) -> str:
    from urllib.parse import unquote

    return unquote(value)


def bot_env(
    clock_path: Path, fake: FakeSlack, *, database_url: str, admins: str, tick_seconds: float
) -> dict[str, str]:
    """The environment of a `partnerbot` process a test starts, front or worker: the
    database, the fake Slack, the first admins, the reminder tick and the test clock."""
    return clean_env(
        DATABASE_URL=database_url,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=rq.SECRET,
        SLACK_API_URL=fake.api_url,
        PARTNERBOT_ADMINS=admins,
        PARTNERBOT_TICK_SECONDS=str(tick_seconds),
        PARTNERBOT_LOG_LEVEL="INFO",
        PARTNERBOT_TEST_CLOCK=str(clock_path),
        PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    )


def start_slack_bot(
    folder: Path,
    fake: FakeSlack,
    *,
    admins: str = "U_ADMIN",
    features: Sequence[str] = (),
    env: dict[str, str] | None = None,
    database_url: str | None = None,
    tick_seconds: float = 1.0,
    timeout: float = READY_SECONDS,
    new_session: bool = False,
    socket_mode: FakeSocketMode | None = None,
    worker: bool = True,
    ready: bool = True,
) -> SlackBotProcess:
    """Start `partnerbot slack --port <free>` in ``folder`` (after `db upgrade` and `demo`,
    unless ``database_url`` is given) with SLACK_API_URL at ``fake``; waits for /healthz.
    ``features`` adds test-only feature modules (through tests.adapters.slack.launch).
    ``new_session``: in a process group of its own (for signals sent to the whole group).
    With ``socket_mode`` it runs in Socket Mode instead (SLACK_APP_TOKEN set, no signing
    secret, no proxy: the WebSocket goes straight to loopback) and waits for its connection.
    ``worker=False``: `--no-worker`, a front only (run `start_worker` beside it).
    ``ready=False``: returns once started, without waiting (for a bot that cannot be ready)."""
    url = database_url or prepare_folder(folder)
    port = free_port()
    full_env = bot_env(
        folder / "test-clock", fake, database_url=url, admins=admins, tick_seconds=tick_seconds
    )
    if socket_mode is not None:
        for name in ("SLACK_SIGNING_SECRET", *PROXIES):
            full_env.pop(name, None)
        full_env["SLACK_APP_TOKEN"] = APP_TOKEN
    full_env.update(env or {})
    args = ["slack", "--port", str(port), "--host", "127.0.0.1"]
    if not worker:
        args.append("--no-worker")
    if features:
        cmd = [
            sys.executable,
            "-m",
            "tests.adapters.slack.launch",
            "--features",
            ",".join(features),
            *args,
        ]
    else:
        cmd = [str(BIN), *args]
    log_path = folder / f"partnerbot-slack-{port}.log"
    log = log_path.open("wb")
    proc = subprocess.Popen(
        cmd,
        cwd=folder,
        env=full_env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=new_session,
    )
    bot = SlackBotProcess(proc, port, fake, folder, url, log_path)
    if not ready:
        return bot
    connected = len(socket_mode.connections) if socket_mode is not None else 0
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"partnerbot slack exited {proc.returncode}:\n{bot.logs()}")
        try:
            # Ready when Slack can reach it and its worker process can take the commands.
            if socket_mode is not None:
                up = len(socket_mode.connections) > connected
            else:
                up = rq.get(bot.url + "/healthz", timeout=1).status == 200
            if up and (bot.worker_ready() or not worker):
                return bot
        except OSError:
            pass
        time.sleep(0.1)
    bot.stop()
    raise AssertionError(
        f"partnerbot slack did not answer /healthz (or connect) in {timeout}s:\n{bot.logs()}"
    )


def start_worker(
    folder: Path,
    fake: FakeSlack,
    *,
    database_url: str,
    admins: str = "U_ADMIN",
    features: Sequence[str] = (),
    env: dict[str, str] | None = None,
    tick_seconds: float = 1.0,
    clock_path: Path | None = None,
    timeout: float = 120.0,
    poll_seconds: float | None = None,
    args: Sequence[str] = (),
) -> tuple[subprocess.Popen[bytes], Path]:
    """`partnerbot worker` against ``database_url``, in the environment a front gets from
    ``start_slack_bot`` with the same arguments (the worker runs the commands: it decides
    who is an admin); ``clock_path``: a front's test clock (``SlackBotProcess.clock_path``)
    to share its time, else one in ``folder``. Waits until its log says it is ready.
    ``poll_seconds``: its workers' longest safety poll (launch.py). Returns the process and
    its log file."""
    folder.mkdir(parents=True, exist_ok=True)
    full_env = bot_env(
        clock_path or folder / "test-clock",
        fake,
        database_url=database_url,
        admins=admins,
        tick_seconds=tick_seconds,
    )
    full_env.update(env or {})
    cmd = [sys.executable, "-m", "tests.adapters.slack.launch"]
    if poll_seconds is not None:
        cmd += ["--poll-seconds", str(poll_seconds)]
    if features:
        cmd += ["--features", ",".join(features)]
    log_path = folder / f"partnerbot-worker-{time.monotonic_ns()}.log"
    proc = subprocess.Popen(
        [*cmd, "worker", *args],
        cwd=folder,
        env=full_env,
        stdout=log_path.open("wb"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(
                f"partnerbot worker exited {proc.returncode}:\n{log_path.read_text()}"
            )
        if re.search(r"worker process \d+ ready", log_path.read_text(errors="replace")):
            return proc, log_path
        time.sleep(0.1)
    proc.kill()
    raise AssertionError(f"partnerbot worker not ready in {timeout}s:\n{log_path.read_text()}")
