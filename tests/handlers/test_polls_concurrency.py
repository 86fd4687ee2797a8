"""Fifty members answering one poll at the same moment: every answer counts (SQLite, PostgreSQL)."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from sqlalchemy import func, select

from bot.app import App
from bot.messages import Command
from storage.db import Database
from storage.models import Account, ChannelRef, Member, Network, Vote
from tests.conftest import make_settings

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
VOTERS = 50


def command(user: str, text: str) -> Command:
    return Command(
        platform="console",
        user_id=user,
        user_name=user,
        channel_id="#nett",
        channel_name="#nett",
        name="mote",
        text=text,
    )


def test_fifty_concurrent_answers_are_all_counted(any_db: Database) -> None:
    app = App.build(make_settings(any_db.engine.url.render_as_string(hide_password=False)), any_db)
    with any_db.transaction() as s:
        net = Network(name="Nettverk")
        s.add(net)
        s.add(ChannelRef(platform="console", channel_id="#nett", name="#nett", network=net))
        s.add(
            Member(
                accounts=[Account(platform="console", external_id="Org")],
                name="Org",
                role="organiser",
                networks=[net],
            )
        )
        for i in range(VOTERS):
            s.add(
                Member(
                    accounts=[Account(platform="console", external_id=f"v{i:02}")],
                    name=f"Velger {i:02}",
                    role="member",
                    networks=[net],
                )
            )
    created = app.router.handle(
        command("Org", 'ny "Stort møte" tider torsdag 10-12, fredag 13-15, 9.3 kl 9-11'), now=NOW
    )
    poll_id = int(re.search(r"møtepoll #(\d+)", created.plain()).group(1))  # type: ignore[union-attr]

    def answer(i: int) -> str:
        # Everyone says yes to 1; even voters yes to 2, odd ones if need be; 3 alternates.
        text = f"svar {poll_id} 1:ja 2:{'ja' if i % 2 == 0 else 'kanskje'} 3:" + (
            "nei" if i % 3 else "ja"
        )
        return app.router.handle(command(f"v{i:02}", text), now=NOW).plain()

    with ThreadPoolExecutor(max_workers=VOTERS) as pool:
        replies = list(pool.map(answer, range(VOTERS)))

    assert all("har svart på møtepoll" in r for r in replies), [
        r for r in replies if "har svart" not in r
    ][:3]
    with any_db.transaction() as s:
        total = s.scalar(select(func.count()).select_from(Vote).where(Vote.poll_id == poll_id))
        voters = s.scalar(
            select(func.count(func.distinct(Vote.member_id))).where(Vote.poll_id == poll_id)
        )
    assert (total, voters) == (3 * VOTERS, VOTERS)
    shown = app.router.handle(command("Org", f"vis {poll_id}"), now=NOW).plain()
    lines = [" ".join(line.split()) for line in shown.splitlines()]
    yes3 = len([i for i in range(VOTERS) if i % 3 == 0])
    assert f"Ja {VOTERS} {VOTERS // 2} {yes3}" in lines
    assert f"Om nødvendig 0 {VOTERS // 2} 0" in lines
    assert f"Nei 0 0 {VOTERS - yes3}" in lines

    # The same fifty change their minds at once, each clicking twice: the unique
    # (slot, member) upsert keeps one row per slot and member, and no click fails.
    def change(i: int) -> str:
        who = f"v{i % VOTERS:02}"
        return app.router.handle(command(who, f"svar {poll_id} alle:nei"), now=NOW).plain()

    with ThreadPoolExecutor(max_workers=VOTERS) as pool:
        assert all("har svart" in r for r in pool.map(change, range(2 * VOTERS)))
    with any_db.transaction() as s:
        answers = s.scalars(select(Vote.answer).where(Vote.poll_id == poll_id)).all()
    assert len(answers) == 3 * VOTERS and set(answers) == {"no"}
