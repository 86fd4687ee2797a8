"""Issue 16, must-show 2: two `partnerbot slack` fronts and two `partnerbot worker`
processes on one PostgreSQL, 300 commands spread over both fronts, one worker killed with
-9 mid-run: each command done once, each reminder it scheduled posted once (none twice,
also the one the killed worker may have been posting)."""

from __future__ import annotations

import os
import signal
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from storage import inbox
from tests.adapters.slack.fake import FakeSlack
from tests.adapters.slack.process import (
    SlackBotProcess,
    start_slack_bot,
    start_worker,
    wait_until,
)
from tests.adapters.slack.testfeature import marks

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

FEATURES = ("tests.adapters.slack.testfeature",)
COMMANDS = 300
# Short leases: the killed worker's requests and claimed reminders are taken over soon.
ENV = {
    "PARTNERBOT_INBOX_LEASE_SECONDS": "3",
    "PARTNERBOT_OUTBOX_LEASE_SECONDS": "6",
    "PARTNERBOT_ADMINS": "",
}


def test_two_fronts_and_two_workers_run_each_command_once_with_one_worker_killed(
    postgres_url: str, tmp_path: Path
) -> None:
    with FakeSlack() as fake:
        fronts: list[SlackBotProcess] = []
        workers = []
        try:
            for name in ("front1", "front2"):
                (tmp_path / name).mkdir()
                fronts.append(
                    start_slack_bot(
                        tmp_path / name,
                        fake,
                        database_url=postgres_url,
                        features=FEATURES,
                        env=ENV,
                    )
                )
            for name in ("worker1", "worker2"):
                workers.append(
                    start_worker(
                        tmp_path / name, fake, database_url=postgres_url, features=FEATURES, env=ENV
                    )
                )
            db = fronts[0].db()

            def send(n: int) -> tuple[str, str]:
                front = fronts[n % 2]
                tag = f"t{n:03d}"
                resp, url = front.command(
                    f"/testpoll husk {tag}", user_id=f"U_P{n % 40:02d}", user_name=f"p{n % 40}"
                )
                assert resp.status == 200
                return tag, url

            with ThreadPoolExecutor(max_workers=20) as pool:
                futures = [pool.submit(send, n) for n in range(COMMANDS)]
                wait_until(
                    lambda: sum(marks(db).values()) >= COMMANDS // 3,
                    timeout=120,
                    what="a third of the commands done",
                )
                killed, _ = workers[0]
                os.kill(killed.pid, signal.SIGKILL)
                killed.wait(30)
                sent = dict(f.result() for f in futures)

            def reminders() -> Counter[str]:
                return Counter(
                    c.text.removeprefix("Påminnelse: ").split()[0]
                    for c in fake.calls("chat.postMessage", ok_only=True)
                    if c.channel == "C_REMIND"
                )

            def drained() -> bool:
                with db.transaction() as s:
                    counts = inbox.counts(s)
                return not any(counts.get(k) for k in inbox.OPEN) and len(reminders()) == COMMANDS

            wait_until(drained, timeout=120, what="every command run and every reminder posted")
            done = marks(db)
            assert set(done) == set(sent) and set(done.values()) == {1}, "each done once"
            posted = reminders()
            assert set(posted) == set(sent), "each posted"
            # A reminder Slack took in the instant before the kill, whose "sent" never
            # reached the database, is found by its key in the channel's history by the
            # worker that takes it over after its lease: not posted again.
            assert set(posted.values()) == {1}, {t: n for t, n in posted.items() if n > 1}
            for tag, url in sent.items():
                path = "/" + url.split("/", 3)[3]
                assert any(c.path == path for c in fake.calls("response_url")), tag
        finally:
            for front in fronts:
                front.stop()
            for proc, _ in workers:
                if proc.poll() is None:
                    proc.terminate()
                    proc.wait(30)
