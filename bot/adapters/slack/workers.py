"""What was acknowledged runs in a worker process. The front process (HTTP server or Socket
Mode client) only verifies, acks and hands the parsed request to the worker's stdin; the
worker runs the commands, the reminder ticker and everything that answers Slack. Commands
need CPU and, in the front, would take the GIL from the acks; in their own process they
do not.

Stopping: the worker stops when the front says so, after finishing what was acked, or when
the front is gone (its stdin closes). It runs in a process group of its own, so a Ctrl-C
or a signal to the front's group reaches only the front, which then stops it that way; it
ignores SIGINT and SIGTERM once it runs, so a service manager that signals every process
(systemd's default) loses nothing either, except in the worker's first moments. If the worker
dies, the front starts a new one, logs it and hands it what came meanwhile; what the dead
one was in the middle of is lost, as with kill -9.

    python -m bot.adapters.slack.workers   (started by the front; reads pickles on stdin)
"""

from __future__ import annotations

import fcntl
import importlib
import logging
import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import IO, TYPE_CHECKING, Any, Literal

from bot.adapters.slack.in_order import InOrder

if TYPE_CHECKING:  # the worker ignores stop signals before it imports anything heavy
    from bot.config import Settings

log = logging.getLogger(__name__)

Kind = Literal["command", "click", "submit", "home"]
Item = tuple[Kind, dict[str, Any]]
# Commands run on this many threads in the worker; more only fight over its GIL and, on
# SQLite, over the one write lock.
THREADS = 4
# At exit the front waits this long for the worker to finish what was acked.
DRAIN_SECONDS = 60.0
# How often the front checks that the worker still runs when there is nothing to hand over.
WATCH_SECONDS = 1.0
# A worker that ends sooner than this after its start waits 2, 4, 8 ... 60 s to be restarted.
QUICK_DEATH_SECONDS = 10.0
MAX_RESTART_WAIT = 60.0
PIPE_BYTES = 1 << 20


class WorkerProcess:
    """``submit(kind, body)`` writes the request into the worker's pipe before the ack goes
    back, so a front killed right after an ack loses nothing the worker can still do. The
    pipe holds about 1 MiB: a busy worker does not hold up the acks. A watcher thread
    restarts a worker that died and hands it what could not be written meanwhile."""

    def __init__(
        self,
        settings: Settings,
        features: Sequence[str],
        *,
        command: Sequence[str] | None = None,
        watch_seconds: float = WATCH_SECONDS,
    ) -> None:
        self.settings = settings
        self.features = tuple(features)  # module names: the worker builds the same router
        self.command = list(command or [sys.executable, "-m", __name__])
        self.watch_seconds = watch_seconds
        self._lock = threading.Lock()  # one writer at a time; guards _proc and _backlog
        self._backlog: deque[Item] = deque()  # acked while no worker could take them
        self._proc: subprocess.Popen[bytes] | None = None
        self._wake = threading.Event()
        self._stopping = False
        self._watcher = threading.Thread(target=self._watch, name="slack-worker-watch", daemon=True)
        self._started_at = 0.0
        self._quick_deaths = 0

    def start(self) -> None:
        with self._lock:
            self._spawn()
        self._watcher.start()

    def submit(self, kind: Kind, body: dict[str, Any]) -> None:
        with self._lock:
            if not self._backlog:
                try:
                    self._write((kind, body))
                    return
                except OSError:  # the worker is gone (BrokenPipeError)
                    pass
            self._backlog.append((kind, body))
        self._wake.set()

    def stop(self, timeout: float = DRAIN_SECONDS) -> None:
        """Hand over what is left, let the worker finish it, then end it."""
        self._stopping = True
        self._wake.set()
        self._watcher.join(timeout)
        if self._backlog or (self._proc is not None and self._proc.poll() is not None):
            self._replace()
        with self._lock:
            proc = self._proc
            try:
                self._write(None)
            except OSError:
                pass
            self._close()
        if proc is None:
            return
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            log.warning("the worker process did not finish in %.0f s; stopping it", timeout)
            proc.kill()
            proc.wait(5)

    def _spawn(self) -> None:
        """A new worker with its settings written (the caller holds the lock)."""
        proc = subprocess.Popen(self.command, stdin=subprocess.PIPE, process_group=0)
        assert proc.stdin is not None
        try:  # Linux: a pipe of 1 MiB instead of 64 KiB
            fcntl.fcntl(proc.stdin.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        except (AttributeError, OSError):
            pass
        self._proc = proc
        self._started_at = time.monotonic()
        log.info("worker process %s started", proc.pid)
        self._write((self.settings, self.features))

    def _write(self, obj: object) -> None:
        assert self._proc is not None and self._proc.stdin is not None
        if self._proc.stdin.closed:  # a replaced worker's pipe
            raise BrokenPipeError("the worker's pipe is closed")
        pickle.dump(obj, self._proc.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        self._proc.stdin.flush()

    def _watch(self) -> None:
        """A dead worker would also leave reminders unsent: start another."""
        while not self._stopping:
            self._wake.wait(self.watch_seconds)
            self._wake.clear()
            if self._stopping:
                return
            assert self._proc is not None
            if self._backlog or self._proc.poll() is not None:
                try:
                    self._replace()
                except Exception:  # e.g. the new one died at once: try again next round
                    log.exception("could not start a worker process")

    def _replace(self) -> None:
        """Start a new worker in place of the dead one and hand it the backlog."""
        assert self._proc is not None
        old = self._proc
        with self._lock:
            self._close()
        try:
            code = old.wait(5)
        except subprocess.TimeoutExpired:  # its pipe broke but it lingers: end it
            old.kill()
            code = old.wait()
        # One that dies at once (a bug at start) is not restarted in a tight loop.
        quick = time.monotonic() - self._started_at < QUICK_DEATH_SECONDS
        self._quick_deaths = self._quick_deaths + 1 if quick else 0
        wait = (
            min(MAX_RESTART_WAIT, 2.0**self._quick_deaths) if quick and not self._stopping else 0.0
        )
        log.error(
            "the worker process ended (exit code %s); starting a new one in %.0f s", code, wait
        )
        time.sleep(wait)
        with self._lock:
            self._spawn()
            if self._backlog:
                log.warning(
                    "handing %d request(s) acknowledged meanwhile to the new worker",
                    len(self._backlog),
                )
            while self._backlog:
                self._write(self._backlog[0])
                self._backlog.popleft()

    def _close(self) -> None:
        assert self._proc is not None and self._proc.stdin is not None
        try:
            self._proc.stdin.close()
        except OSError:
            pass


def member_of(kind: Kind, body: dict[str, Any]) -> str:
    """Whose request it is: one member's requests run in the order they came."""
    if kind == "command":
        return str(body.get("user_id", ""))
    if kind == "home":
        return str(body.get("user", ""))
    return str((body.get("user") or {}).get("id", ""))


def serve(stream: IO[bytes]) -> None:
    """The worker: reads (settings, features), then (kind, body) items until None or EOF."""
    from bot.adapters.slack.run import build_worker
    from bot.logging_setup import setup_logging

    settings, features = pickle.load(stream)
    setup_logging(settings)
    bot, stop = build_worker(settings, [importlib.import_module(name) for name in features])
    handlers = {
        "command": bot.on_command,
        "click": bot.on_click,
        "submit": bot.on_submit,
        "home": bot.on_home_opened,
    }
    pool = ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="slack-work")
    tasks = InOrder(pool)
    log.warning("partnerbot slack: worker process %s ready", os.getpid())
    try:
        while True:
            try:
                item = pickle.load(stream)
            except EOFError:
                log.warning("the front process is gone; finishing what was acknowledged")
                break
            if item is None:
                break
            kind, body = item
            tasks.submit(member_of(kind, body), handlers[kind], body)
    finally:
        pool.shutdown(wait=True)
        stop()


def main() -> None:
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_IGN)
    serve(sys.stdin.buffer)


if __name__ == "__main__":
    main()
