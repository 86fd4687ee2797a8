"""Two dispatcher processes on one PostgreSQL share 1,000 due rows and send each once."""

from __future__ import annotations

import multiprocessing as mp
from datetime import UTC, datetime

import pytest

from bot.dispatcher import Dispatcher
from bot.messages import Reply
from bot.messenger import RecordingMessenger
from storage import outbox
from storage.db import Database
from storage.models import Network
from tests.conftest import make_settings

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def _render(session, row, now, lang):  # type: ignore[no-untyped-def]
    return Reply.text(row.key)


def _worker(url: str, name: str, queue: mp.Queue) -> None:  # type: ignore[type-arg]
    db = Database.from_url(url)
    rec = RecordingMessenger()
    d = Dispatcher(db, make_settings(url), rec, {"test": _render}, worker=name)
    for _ in range(50):
        stats = d.dispatch_due(T0, batch=20, max_batches=5)  # on time: no late line
        if stats.sent == 0 and not stats.retried:
            break
    queue.put([r.plain() for _, r in rec.sent])
    db.dispose()


@pytest.mark.postgres
def test_two_processes_send_each_of_1000_rows_exactly_once(pg_db: Database) -> None:
    any_db = pg_db
    with any_db.transaction() as s:
        net = Network(name="N")
        s.add(net)
        s.flush()
        for i in range(1000):
            outbox.schedule(
                s, key=f"k{i}", kind="test", target=outbox.Target.network(net.id), due_at=T0
            )
    url = any_db.engine.url.render_as_string(hide_password=False)
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(url, f"w{i}", queue)) for i in range(2)]
    for p in procs:
        p.start()
    results = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    sent = [key for r in results for key in r]
    assert sorted(sent) == sorted(f"k{i}" for i in range(1000))
    assert all(len(r) > 0 for r in results), "both processes took part"
