"""The test harness itself: tests/cli.py gives back what a command took over and fails on
what it left running; the demo template is keyed on every setting demo.load reads; the
shared SQLite dialect is initialised."""

from __future__ import annotations

import os
import signal
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

import tests.conftest as conftest
from bot.config import Settings
from storage.db import Database
from tests.cli import LeftRunning, run_cli, run_entry
from tests.conftest import DEMO_READS, DemoTemplate, make_settings, sqlite_database
from tests.helpers import demo_folder


def test_signal_handlers_a_command_sets_are_given_back(tmp_path: Path) -> None:
    before = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}

    def takes_over(args: list[str]) -> None:  # as `worker` and `serve` do
        for sig in before:
            signal.signal(sig, lambda *_: None)

    done = run_entry(takes_over, [], cwd=tmp_path)

    assert done.returncode == 0, done.stderr
    assert {sig: signal.getsignal(sig) for sig in before} == before


def test_threads_a_command_leaves_running_fail_the_test_by_name(tmp_path: Path) -> None:
    release = threading.Event()

    def starts_a_server(args: list[str]) -> None:
        threading.Thread(target=release.wait, name="left-behind-server", daemon=True).start()

    try:
        with pytest.raises(LeftRunning, match="left-behind-server"):
            run_entry(starts_a_server, [], cwd=tmp_path, thread_grace=0)
    finally:
        release.set()


def test_threads_that_end_with_the_command_pass(tmp_path: Path) -> None:
    def joins_its_thread(args: list[str]) -> None:
        worker = threading.Thread(target=lambda: None, name="short-lived")
        worker.start()
        worker.join()

    assert run_entry(joins_its_thread, [], cwd=tmp_path).returncode == 0


def _open_files(file: Path) -> int:
    fds = Path("/proc/self/fd")
    count = 0
    for fd in os.listdir(fds):
        try:
            count += os.readlink(fds / fd).startswith(str(file))
        except OSError:
            continue
    return count


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_a_command_leaves_no_database_file_open(tmp_path: Path) -> None:
    folder = demo_folder(tmp_path / "bot")
    database = folder / "partnerbot.db"

    done = run_cli("outbox", cwd=folder)

    assert done.returncode == 0, done.stderr
    assert _open_files(database) == 0


def test_the_demo_template_is_keyed_on_what_demo_load_reads(tmp_path: Path) -> None:
    from bot import demo

    read: list[Settings] = []

    def load(db: Database, settings: Settings, **kw: object) -> bool:
        read.append(settings)
        return demo.load(db, settings, **kw)  # type: ignore[arg-type]

    template = DemoTemplate(tmp_path, loader=load)
    target = sqlite_database(f"sqlite:///{tmp_path / 'target.db'}")
    try:
        template.load_into(
            target, make_settings("sqlite://"), now=datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
        )
    finally:
        target.dispose()
    assert len(read) == 1
    assert conftest._read == set(DEMO_READS)


def test_a_setting_demo_load_reads_outside_the_key_fails(tmp_path: Path) -> None:
    def reads_public_url(db: Database, settings: Settings, **kw: object) -> bool:
        return settings.public_url is None

    template = DemoTemplate(tmp_path, loader=reads_public_url)
    target = sqlite_database(f"sqlite:///{tmp_path / 'target.db'}")
    try:
        with pytest.raises(AssertionError, match="public_url"):
            template.load_into(target, make_settings("sqlite://"))
    finally:
        target.dispose()


def test_the_shared_dialect_is_initialised_when_its_first_engine_never_connects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(conftest._Compiled, "dialect", None)
    first = sqlite_database(f"sqlite:///{tmp_path / 'never.db'}")  # never used
    second = sqlite_database(f"sqlite:///{tmp_path / 'used.db'}")
    try:
        with second.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        shared = conftest._Compiled.dialect
        assert shared is second.engine.dialect
        assert shared is not None and shared.server_version_info is not None
    finally:
        first.dispose()
        second.dispose()
