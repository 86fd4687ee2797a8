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
import traceback
from collections.abc import Iterator
from pathlib import Path

# What a test's process would not inherit: the bot's own settings.
DROPPED = ("PARTNERBOT_", "SLACK_", "DATABASE_URL", "TEAMS_")


@contextlib.contextmanager
def _as_a_process(env: dict[str, str], cwd: Path, stdin: str) -> Iterator[tuple[io.StringIO, ...]]:
    """This process dressed as the command's own for a while, and undressed after."""
    saved_env = dict(os.environ)
    saved_cwd = os.getcwd()
    saved_streams = (sys.stdin, sys.stdout, sys.stderr)
    root = logging.getLogger()
    saved_logging = (list(root.handlers), root.level)
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
    Past ``timeout`` seconds it raises CommandTimeout (a test's failure, not a hang)."""
    from bot.cli import cli

    if env is None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(DROPPED)}
    code = 0
    with _as_a_process(env, cwd, stdin) as (out, err), _deadline(timeout):
        try:
            cli(args=list(args), prog_name="partnerbot")
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except CommandTimeout:
            raise
        except Exception:  # noqa: BLE001 - a process would print it and exit 1
            traceback.print_exc(file=err)
            code = 1
    return subprocess.CompletedProcess(["partnerbot", *args], code, out.getvalue(), err.getvalue())
