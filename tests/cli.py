"""`partnerbot …` run in this process: the same entry point (bot.cli's Typer app) with the
environment, working folder, stdin, stdout and stderr a process would have, and its exit
code. A `partnerbot` process costs about 2 s of CPU before it does anything (imports); a
test about what a command prints or exits with runs it here in milliseconds. Each command
keeps at least one test that starts it as a real process (tests/adapters/console,
tests/adapters/slack)."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import signal
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

# What a test's process would not inherit: the bot's own settings.
DROPPED = ("PARTNERBOT_", "SLACK_", "DATABASE_URL", "TEAMS_")
# The signals a command may take over (`serve` and `worker` stop on them): given back after.
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
# How long a thread the command started may take to end after it returned.
THREAD_GRACE = 5.0


class LeftRunning(AssertionError):
    """The command returned (or was stopped at its deadline) with threads of its own still
    running: a server that should have refused to start, say. A process would have taken
    them with it; in the test process they would run on into the next tests."""


@contextlib.contextmanager
def _engines_closed() -> Iterator[None]:
    """Every database engine the command connects through is disposed after it (the
    commands open their database and leave it to the process's end): no file handles or
    connections left per run."""
    used: dict[int, Engine] = {}

    def connected(conn: Connection) -> None:
        used[id(conn.engine)] = conn.engine

    event.listen(Engine, "engine_connect", connected)
    try:
        yield
    finally:
        event.remove(Engine, "engine_connect", connected)
        for engine in used.values():
            engine.dispose()


@contextlib.contextmanager
def _no_threads_left(grace: float) -> Iterator[None]:
    """LeftRunning, naming them, when threads the command started outlive it (each gets
    ``grace`` seconds to end after the command returned)."""
    before = set(threading.enumerate())
    try:
        yield
    finally:
        _check_threads(before, grace)


def _check_threads(before: set[threading.Thread], grace: float) -> None:
    started = [t for t in threading.enumerate() if t not in before]
    for thread in started:
        thread.join(grace)
    alive = sorted(t.name for t in started if t.is_alive())
    if alive:
        raise LeftRunning(f"partnerbot left threads running: {', '.join(alive)}")


@contextlib.contextmanager
def _as_a_process(env: dict[str, str], cwd: Path, stdin: str) -> Iterator[tuple[io.StringIO, ...]]:
    """This process dressed as the command's own for a while, and undressed after."""
    saved_env = dict(os.environ)
    saved_cwd = os.getcwd()
    saved_streams = (sys.stdin, sys.stdout, sys.stderr)
    root = logging.getLogger()
    saved_logging = (list(root.handlers), root.level)
    saved_signals = {sig: signal.getsignal(sig) for sig in STOP_SIGNALS}
    out, err = io.StringIO(), io.StringIO()
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(stdin), out, err
    try:
        yield out, err
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        for handler in list(root.handlers):
            root.removeHandler(handler)
        for handler in saved_logging[0]:
            root.addHandler(handler)
        root.setLevel(saved_logging[1])
        for sig, handler in saved_signals.items():  # `serve`, `worker` set their own
            signal.signal(sig, handler)


class CommandTimeout(Exception):
    """The command ran longer than its test gives it (a server that should have refused
    to start, say): raised in it, as subprocess.run's timeout kills a process."""


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """CommandTimeout in this (the main) thread after ``seconds``."""

    def expire(signum: int, frame: object) -> None:
        raise CommandTimeout(f"partnerbot ran longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_cli(
    *args: str,
    cwd: Path,
    env: dict[str, str] | None = None,
    stdin: str = "",
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """`partnerbot *args` in ``cwd`` with ``env`` (by default this environment without the
    bot's settings) and ``stdin``: its exit code, stdout and stderr, as subprocess.run gives.
    Past ``timeout`` seconds it raises CommandTimeout (a test's failure, not a hang); threads
    it leaves running raise LeftRunning. Signal handlers, logging, streams, folder and
    environment are given back, and the engines it opened disposed."""
    from bot.cli import cli

    def partnerbot(argv: list[str]) -> None:
        cli(args=argv, prog_name="partnerbot")

    return run_entry(partnerbot, list(args), cwd=cwd, env=env, stdin=stdin, timeout=timeout)


def run_entry(
    main: Callable[[list[str]], object],
    args: list[str],
    *,
    cwd: Path,
    env: dict[str, str] | None = None,
    stdin: str = "",
    timeout: float = 60,
    thread_grace: float = THREAD_GRACE,
) -> subprocess.CompletedProcess[str]:
    """``main(args)`` run as run_cli runs `partnerbot` (tests/test_cli_harness.py gives it
    entry points that misbehave on purpose)."""
    if env is None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(DROPPED)}
    code = 0
    with (
        _no_threads_left(thread_grace),
        _engines_closed(),
        _as_a_process(env, cwd, stdin) as (out, err),
        _deadline(timeout),
    ):
        try:
            main(args)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except CommandTimeout:
            raise
        except Exception:  # noqa: BLE001 - a process would print it and exit 1
            traceback.print_exc(file=err)
            code = 1
    return subprocess.CompletedProcess(["partnerbot", *args], code, out.getvalue(), err.getvalue())
