"""The web app over real HTTP (uvicorn on loopback): /healthz answers while the process
runs; /readyz is 200 only when the database answers and its schema is current, else 503
with the reason an operator acts on."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn

from bot.web.app import build_web_app
from storage import schema
from storage.db import Database
from tests.adapters.slack import requests as rq
from tests.adapters.slack.process import free_port, wait_until


@contextmanager
def serving(db: Database) -> Iterator[str]:
    """The web app for ``db`` on uvicorn in a thread; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(build_web_app(db), host="127.0.0.1", port=port, log_config=None)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    wait_until(lambda: server.started, timeout=60, what="uvicorn to start")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Database]]:
    db = Database.from_url(f"sqlite:///{tmp_path / 'partnerbot.db'}")
    with serving(db) as url:
        yield url, db
    db.dispose()


def test_readyz_says_what_to_run_until_the_schema_is_current(
    served: tuple[str, Database],
) -> None:
    url, db = served
    assert rq.get(url + "/healthz").status == 200
    empty = rq.get(url + "/readyz")
    assert empty.status == 503 and "partnerbot db upgrade" in empty.body
    schema.upgrade(db)
    ready = rq.get(url + "/readyz")
    assert (ready.status, ready.body.strip()) == (200, "ready")


def test_readyz_is_503_when_the_database_cannot_be_reached(tmp_path: Path) -> None:
    folder = tmp_path / "gone"
    folder.mkdir()
    db = Database.from_url(f"sqlite:///{folder / 'partnerbot.db'}")
    schema.upgrade(db)
    with serving(db) as url:
        assert rq.get(url + "/readyz").status == 200
        db.dispose()
        shutil.rmtree(folder)  # its folder gone: SQLite cannot open the file
        resp = rq.get(url + "/readyz")
        assert resp.status == 503 and "cannot reach the database" in resp.body
        assert rq.get(url + "/healthz").status == 200
    db.dispose()
