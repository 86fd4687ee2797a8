"""The one dispatch loop of a process (bot/scheduler.py): each platform's messenger is
registered once and its dispatcher claims only that platform's rows; rows for a platform
no process here serves wait in the outbox, and the loop says so once."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.app import App
from bot.messages import Reply
from bot.messenger import Destination, RecordingMessenger
from bot.scheduler import DispatchLoop
from storage.db import Database
from storage.models import OutboxMessage
from tests.conftest import make_settings
from tests.storage.test_outbox_platforms import (
    SLACK_ADDRESSES,
    T0,
    TEAMS_ADDRESSES,
    Guarded,
    echo,
    open_rows,
    populate,
    schedule_many,
)


def loop(db: Database, *messengers: RecordingMessenger, **settings: object) -> DispatchLoop:
    """A process's loop with the given messengers, rendering the test rows."""
    app = App.build(make_settings(str(db.engine.url), **settings), db)
    app.router.renderers["test"] = echo
    dispatching = DispatchLoop(app)
    for messenger in messengers:
        dispatching.register(messenger).planners = []  # only the test's rows
    return dispatching


def states(db: Database) -> dict[str, tuple[str | None, str]]:
    with db.transaction() as s:
        return {r.key: (r.platform, r.state) for r in s.scalars(select(OutboxMessage))}


@pytest.mark.postgres
def test_two_processes_for_two_platforms_each_send_only_their_own_once(pg_db: Database) -> None:
    """Must-show 4: a Slack process and a Teams process on one PostgreSQL, at once."""
    schedule_many(pg_db, populate(pg_db), copies=40)
    slack = Guarded("slack", SLACK_ADDRESSES)
    teams = Guarded("teams", TEAMS_ADDRESSES)
    loops = [loop(pg_db, slack), loop(pg_db, teams)]
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def run(dispatching: DispatchLoop, platform: str) -> None:
        start.wait()
        try:
            for _ in range(500):
                dispatching.run(T0 + timedelta(minutes=1))
                if not open_rows(pg_db, platform):
                    return
        except BaseException as exc:  # shown below, not lost in the thread
            errors.append(exc)

    threads = [
        threading.Thread(target=run, args=(d, p))
        for d, p in zip(loops, ("slack", "teams"), strict=True)
    ]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    assert slack.foreign == [] and teams.foreign == []
    for messenger in (slack, teams):
        sent = [(d.address, r.plain()) for d, r in messenger.sent]
        assert len(sent) == len(set(sent)) == 120  # 40 rows x 3 destinations, once each
    assert {state for _, state in states(pg_db).values()} == {"sent"}


def test_one_loop_sends_for_every_platform_registered_in_it(any_db: Database) -> None:
    schedule_many(any_db, populate(any_db), copies=1)
    slack = Guarded("slack", SLACK_ADDRESSES)
    teams = Guarded("teams", TEAMS_ADDRESSES)
    loop(any_db, slack, teams).run(T0 + timedelta(minutes=1))
    assert sorted(d.address for d, _ in slack.sent) == ["C1", "C2", "U1"]
    assert sorted(d.address for d, _ in teams.sent) == ["19:t1", "19:t2", "29:ola"]
    assert slack.foreign == [] and teams.foreign == []


def test_rows_for_a_platform_nobody_here_serves_wait_and_are_reported_once(
    any_db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    schedule_many(any_db, populate(any_db), copies=1)
    slack_only = loop(any_db, Guarded("slack", SLACK_ADDRESSES))
    with caplog.at_level(logging.WARNING, logger="bot.scheduler"):
        slack_only.tick(T0 + timedelta(minutes=1))
        slack_only.tick(T0 + timedelta(minutes=2))
    waiting = {k: v for k, v in states(any_db).items() if v[0] == "teams"}
    assert waiting == {
        "teams-net:0": ("teams", "pending"),
        "ola:0": ("teams", "pending"),
        "both-net:0@teams": ("teams", "pending"),
    }
    told = [r.getMessage() for r in caplog.records]
    assert len(told) == 1, told  # once, not on every tick
    assert "3 due message(s) for teams wait" in told[0]
    # A Teams process sends them; after that, nothing is reported as waiting.
    teams = Guarded("teams", TEAMS_ADDRESSES)
    loop(any_db, teams).tick(T0 + timedelta(minutes=3))
    assert len(teams.sent) == 3
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="bot.scheduler"):
        slack_only.tick(T0 + timedelta(minutes=4))
    assert caplog.records == []


def test_one_messenger_per_platform(any_db: Database) -> None:
    dispatching = loop(any_db, RecordingMessenger("slack"))
    with pytest.raises(ValueError, match="slack"):
        dispatching.register(RecordingMessenger("slack"))


class Signalling(RecordingMessenger):
    def __init__(self, platform: str) -> None:
        super().__init__(platform)
        self.arrived = threading.Event()

    def send(self, destination: Destination, reply: Reply) -> None:
        super().send(destination, reply)
        self.arrived.set()


def test_a_wake_after_a_command_sends_without_waiting_for_the_tick(any_db: Database) -> None:
    """The ticker runs once at start and then not for an hour: what arrives came by wake."""
    targets = populate(any_db)
    slack = Signalling("slack")
    dispatching = loop(any_db, slack, PARTNERBOT_TICK_SECONDS=3600)
    dispatching.now = lambda: T0 + timedelta(minutes=1)
    dispatching.start()
    try:
        assert not slack.arrived.is_set()
        schedule_many(any_db, {"kari": targets["kari"]}, copies=1)
        dispatching.wake()
        assert slack.arrived.wait(30), "the woken loop sent nothing"
    finally:
        dispatching.stop()
    assert [d.address for d, _ in slack.sent] == ["U1"]


def test_a_wake_after_a_command_sends_without_running_the_planners(any_db: Database) -> None:
    """The planners (digests) are the ticker's: a wake only claims what is due (planning
    there cost two transactions and, on SQLite, the write lock per command)."""
    targets = populate(any_db)
    slack = Signalling("slack")
    dispatching = loop(any_db, slack, PARTNERBOT_TICK_SECONDS=3600)
    dispatching.now = lambda: T0 + timedelta(minutes=1)
    planned: list[object] = []
    dispatching.dispatchers[0].planners = [lambda session, now: planned.append(now)]
    ticked = threading.Event()
    dispatching.add_chore(lambda now: ticked.set())
    dispatching.start()
    try:
        assert ticked.wait(30), "the ticker's first run did not finish"
        assert len(planned) == 1, "the ticker runs the planners"
        schedule_many(any_db, {"kari": targets["kari"]}, copies=1)
        dispatching.wake()
        assert slack.arrived.wait(30), "the woken loop sent nothing"
    finally:
        dispatching.stop()
    assert len(planned) == 1, "the run after a command planned again"


def test_slack_and_teams_in_one_process_share_one_loop(any_db: Database) -> None:
    """As `partnerbot serve` and `partnerbot worker` build them: one loop, two messengers;
    the runtimes start and stop workers only, the process starts and stops the loop."""
    from bot.adapters.slack.run import SlackRuntime
    from bot.adapters.teams.run import TeamsRuntime

    settings = make_settings(
        str(any_db.engine.url),
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_SIGNING_SECRET="secret",
        MICROSOFT_APP_ID="00000000-0000-0000-0000-000000000001",
        MICROSOFT_APP_PASSWORD="secret",
        MICROSOFT_APP_TENANT_ID="00000000-0000-0000-0000-000000000002",
    )
    app = App.build(settings, any_db)
    dispatching = DispatchLoop(app)
    slack, teams = SlackRuntime(app, dispatching), TeamsRuntime(app, dispatching)
    assert dispatching.platforms == ["slack", "teams"]
    assert slack.bot.dispatching is teams.bot.dispatching is dispatching
    assert not slack.owns_dispatching and not teams.owns_dispatching
    # Each platform's planners would otherwise run twice a tick: only the first has them.
    assert [bool(d.planners) for d in dispatching.dispatchers] == [True, False]


class Broken(RecordingMessenger):
    def send(self, destination: Destination, reply: Reply) -> None:
        raise RuntimeError("a bug in this platform's messenger")


def test_one_platforms_bug_does_not_hold_up_the_others(any_db: Database) -> None:
    schedule_many(any_db, populate(any_db), copies=1)
    teams = Guarded("teams", TEAMS_ADDRESSES)
    dispatching = loop(any_db, Broken("slack"), teams)
    with pytest.raises(RuntimeError, match="bug"):
        dispatching.run(T0 + timedelta(minutes=1))
    assert sorted(d.address for d, _ in teams.sent) == ["19:t1", "19:t2", "29:ola"]
