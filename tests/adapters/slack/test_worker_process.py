"""The split layout on SQLite: `partnerbot slack --no-worker` (a front that only stores and
acks) beside `partnerbot worker` on the same file. The worker process learns of the front's
rows from SQLite itself (bot.inbox.Watch), not from its safety poll: here that poll is an
hour, so an answer within the test's wait can only come from the watch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from storage import inbox
from storage.db import Database
from storage.models import Account, Member
from tests.adapters.slack.fake import FakeSlack
from tests.adapters.slack.process import (
    prepare_folder,
    start_slack_bot,
    start_worker,
    wait_until,
)

pytestmark = pytest.mark.slow

HOUR = 3600.0
# The safety poll is at most a quarter of the lease: a long lease keeps it at the hour.
ENV = {"PARTNERBOT_INBOX_LEASE_SECONDS": str(4 * HOUR)}


def niceness(pid: int) -> int:
    """A process's nice value (field 19 of /proc/PID/stat)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    return int(stat.rsplit(")", 1)[1].split()[16])


def role_of(db: Database, user_id: str) -> str | None:
    with db.reading() as session:
        return session.scalar(
            select(Member.role)
            .join(Account, Account.member_id == Member.id)
            .where(Account.platform == "slack", Account.external_id == user_id)
        )


def test_a_worker_process_runs_what_a_front_without_worker_stored_without_its_poll(
    tmp_path: Path,
) -> None:
    url = prepare_folder(tmp_path / "db")
    (tmp_path / "front").mkdir()
    with FakeSlack() as fake:
        front = start_slack_bot(tmp_path / "front", fake, database_url=url, env=ENV, worker=False)
        worker = None
        try:
            # The front alone stores and acks; nothing in it runs the command.
            resp, first = front.command("/partnerbot meg", user_id="U_ADMIN")
            assert resp.status == 200
            with front.db().reading() as session:
                assert inbox.counts(session) == {"pending": 1}
            worker, log = start_worker(
                tmp_path / "worker",
                fake,
                database_url=url,
                env=ENV,
                clock_path=front.clock_path,
                poll_seconds=HOUR,
                args=("--nice", "5"),
            )
            assert niceness(worker.pid) == niceness(os.getpid()) + 5
            answer = front.replies(first, timeout=60)[0]  # taken at the worker's start
            # The worker met U_ADMIN first: it knows PARTNERBOT_ADMINS as the front does.
            assert role_of(front.db(), "U_ADMIN") == "admin", answer.body
            # Stored while the worker waits (for an hour): the watch wakes it.
            sent = [
                front.command("/horing liste", user_id=member)
                for member in ("U_ADMIN", "U_KARI", "U_ADMIN")
            ]
            assert all(resp.status == 200 for resp, _ in sent)
            for _, response_url in sent:
                answer = front.replies(response_url, timeout=60)[0]
                assert answer.body.get("text") or answer.body.get("blocks")

            def counts() -> dict[str, int]:
                with front.db().reading() as session:
                    return inbox.counts(session)

            # A row's "done" is written with the worker's next claim, after its answer.
            wait_until(lambda: counts() == {"done": 4}, timeout=30, what="four rows done")
        finally:
            front.stop()
            if worker is not None:
                worker.terminate()
                worker.wait(30)
