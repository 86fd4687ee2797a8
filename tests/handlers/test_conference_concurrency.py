"""300 members registering at the same moment for 250 seats, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.app import App
from bot.messages import Command
from storage.db import Database
from storage.models import Account, Member, Network, Registration
from tests.conftest import make_settings
from tests.helpers import TestBot

MEMBERS, SEATS = 300, 250
# As many at once as the engine has connections (storage/db.py: 10 + 20 overflow): the
# rest queue here, not for a connection, whose 30 s wait a busy machine can outlast (the
# bot itself runs commands on a few inbox threads, never 300 at once).
AT_ONCE = 30


@pytest.mark.slow  # 300 commands on 300 threads: over a minute on a busy machine, so it goes first
def test_300_at_once_for_250_seats(any_db: Database) -> None:
    app = App.build(make_settings(str(any_db.engine.url)), any_db)
    with any_db.transaction() as s:
        net = Network(name="Nettverk for alle")
        s.add(net)
        s.add(
            Member(
                accounts=[Account(platform="console", external_id="Arrangør")],
                name="Arrangør",
                role="organiser",
            )
        )
        net.members = [
            Member(accounts=[Account(platform="console", external_id=f"m{i:03}")], name=f"m{i:03}")
            for i in range(MEMBERS)
        ]
    bot = TestBot(app)
    now = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    text = bot.run(
        f'/konferanse ny "Stor samling" dato 16. april kl 9-16 plasser {SEATS} '
        'publikum "Nettverk for alle"',
        as_="Arrangør",
        now=now,
    )
    cid = int(re.search(r"#(\d+)", text).group(1))  # type: ignore[union-attr]
    assert "når 300 medlemmer" in bot.run(f"/konferanse kunngjør {cid}", as_="Arrangør", now=now)

    start = threading.Barrier(MEMBERS)
    t0 = time.monotonic()
    replies: dict[str, str] = {}

    connections = threading.BoundedSemaphore(AT_ONCE)

    def register(name: str) -> None:
        start.wait()
        cmd = Command(
            platform="console",
            user_id=name,
            user_name=name,
            channel_id="#x",
            name="konferanse",
            text=f"meld på {cid}",
        )
        with connections:
            # the test's clock runs from `now` at real speed: threads see slightly different times
            at = now + timedelta(seconds=time.monotonic() - t0)
            replies[name] = app.router.handle(cmd, now=at).plain()

    threads = [threading.Thread(target=register, args=(f"m{i:03}",)) for i in range(MEMBERS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=120)

    assert len(replies) == MEMBERS
    seated = [n for n, r in replies.items() if r.startswith("Du er påmeldt")]
    waiting = {
        n: int(m.group(1))
        for n, r in replies.items()
        if (m := re.search(r"nr\. (\d+) på ventelisten", r))
    }
    assert len(seated) == SEATS and len(waiting) == MEMBERS - SEATS, set(replies.values())
    assert sorted(waiting.values()) == list(range(1, MEMBERS - SEATS + 1))

    with any_db.transaction() as s:
        regs = s.scalars(
            select(Registration)
            .where(Registration.conference_id == cid)
            .order_by(Registration.queued_at, Registration.id)
        ).all()
        order = [(r.member.name, r.status) for r in regs]
    assert [st for _, st in order] == ["registered"] * SEATS + ["waitlisted"] * (MEMBERS - SEATS)
    assert {n for n, st in order if st == "registered"} == set(seated)
    # the position each member was told is their place in arrival (queued_at) order
    assert [n for n, st in order if st == "waitlisted"] == sorted(waiting, key=waiting.__getitem__)
