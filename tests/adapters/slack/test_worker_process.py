"""`partnerbot slack` acks in one process and runs the commands in a worker process. What
an operator must be able to count on: a worker that dies is replaced, signals sent to the
whole process group lose no acknowledged command, and a worker never outlives its front."""

from __future__ import annotations

import os
import signal
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from storage.models import Hearing, Member, Poll, Vote
from tests.adapters.slack.fake import FakeSlack
from tests.adapters.slack.process import exited, start_slack_bot, wait_until


def test_the_bot_runs_one_worker_process_that_answers(tmp_path: Path) -> None:
    with FakeSlack() as fake:
        bot = start_slack_bot(tmp_path, fake)
        try:
            workers = wait_until(bot.workers, what="the worker process")
            assert len(workers) == 1 and workers[0] != bot.proc.pid
            resp, url = bot.command("/partnerbot hjelp")
            assert resp.status == 200
            assert "/horing" in bot.replies(url)[0].text
        finally:
            bot.stop()


def test_a_killed_worker_is_replaced_and_what_came_meanwhile_is_done(tmp_path: Path) -> None:
    with FakeSlack() as fake:
        bot = start_slack_bot(tmp_path, fake)
        try:
            first = wait_until(bot.workers, what="the worker process")[0]
            os.kill(first, signal.SIGKILL)
            wait_until(lambda: exited(first), what="the worker to die")
            # Acked while no worker runs: kept, and done by the next one (the hand-over
            # itself: tests/adapters/slack/test_worker_handover.py).
            resp, _url = bot.command(
                '/horing ny "Etter omstart" fra NAV frist 15.09.2027 '
                'nettverk infrastruktur mottakere "Horten kommune"'
            )
            assert resp.status == 200
            fake.wait_for("chat.postMessage", lambda c: "Etter omstart" in c.text, timeout=30)
            replaced = [p for p in bot.workers() if p != first]
            assert len(replaced) == 1 and bot.worker_ready(2)
            with bot.db().transaction() as s:
                assert (
                    s.scalar(
                        select(func.count())
                        .select_from(Hearing)
                        .where(Hearing.title == "Etter omstart")
                    )
                    == 1
                )
            assert "the worker process ended" in bot.logs()
            # And the new worker takes the next command as usual.
            _, url = bot.command("/partnerbot hjelp")
            assert "/horing" in bot.replies(url)[0].text
        finally:
            bot.stop()


@pytest.mark.parametrize("to", ["group", "every process"])
def test_sigterm_to_the_group_or_every_process_still_answers_what_was_acked(
    tmp_path: Path, to: str
) -> None:
    """A Ctrl-C signals the terminal's process group; systemd's default KillMode signals
    every process of the service. Neither may drop what the front had acknowledged."""
    with FakeSlack() as fake:
        bot = start_slack_bot(tmp_path, fake, new_session=True)
        try:
            worker = wait_until(bot.workers, what="the worker process")[0]
            fake.latency["response_url"] = 1.5  # the answers are on their way at the signal
            resp, first = bot.command("/partnerbot hjelp")
            resp2, second = bot.command("/horing liste")
            assert resp.status == 200 and resp2.status == 200
            os.killpg(bot.proc.pid, signal.SIGTERM)
            if to == "every process":
                os.kill(worker, signal.SIGTERM)
            assert bot.proc.wait(timeout=30) == 0
            assert exited(worker)
            assert "/horing" in bot.replies(first, timeout=1)[0].text
            assert "Åpne høringer" in bot.replies(second, timeout=1)[0].text
        finally:
            bot.stop()


def test_a_worker_whose_front_is_killed_finishes_its_work_and_exits(tmp_path: Path) -> None:
    with FakeSlack() as fake:
        bot = start_slack_bot(tmp_path, fake)
        try:
            worker = wait_until(bot.workers, what="the worker process")[0]
            fake.latency["response_url"] = 1.0
            resp, url = bot.command("/horing liste")
            assert resp.status == 200
            bot.proc.kill()
            bot.proc.wait(timeout=10)
            assert "Åpne høringer" in bot.replies(url, timeout=10)[0].text
            wait_until(lambda: exited(worker), timeout=15, what="the orphaned worker to exit")
        finally:
            bot.stop()


def test_one_members_quick_answers_are_applied_in_the_order_given(tmp_path: Path) -> None:
    """Nine votes by one member sent back to back, as fast clicks are: the last one counts
    (the worker runs one member's requests one after another)."""
    when = (datetime.now(ZoneInfo("Europe/Oslo")) + timedelta(days=10)).strftime("%d.%m.%Y")
    with FakeSlack() as fake:
        bot = start_slack_bot(tmp_path, fake)
        try:
            bot.command("/partnerbot koble nettverk infrastruktur")
            bot.command(f'/mote ny "Rekkefølge" tider {when} kl 10-12')
            fake.wait_for("chat.postMessage", lambda c: "Rekkefølge" in c.text)
            with bot.db().transaction() as s:
                poll_id = s.scalar(select(Poll.id).where(Poll.title == "Rekkefølge"))
            words = ["ja", "nei", "kanskje"] * 3
            urls = [bot.command(f"/mote svar {poll_id} 1:{word}")[1] for word in words]
            for url in urls:  # each voter is answered only to them
                reply = bot.replies(url, timeout=20)[0]
                assert reply.body["response_type"] == "ephemeral"
                assert "Du har svart på møtepoll" in reply.text
            with bot.db().transaction() as s:
                answers = s.scalars(
                    select(Vote.answer)
                    .join(Member)
                    .where(Vote.poll_id == poll_id, Member.external_id == "U_ADMIN")
                ).all()
            # The votes changed the one card in the channel; none was posted anew.
            posts = [c for c in fake.calls("chat.postMessage") if "Rekkefølge" in c.text]
            assert len(posts) == 1
            last = fake.wait_for("chat.update", lambda c: "Rekkefølge" in c.text, count=len(words))[
                -1
            ]
            assert "ja 0 · om nødvendig 1 · nei 0" in last.text
            assert "har svart" not in last.text
            assert answers == ["maybe"]
        finally:
            bot.stop()
