"""Each platform's dispatcher sends its own outbox rows, on SQLite and PostgreSQL: a row
gets its destination's platform when due (a network on two platforms: a row for each)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.dispatcher import Dispatcher
from bot.messages import Reply
from bot.messenger import Destination, RecordingMessenger
from storage import outbox
from storage.db import Database
from storage.models import Account, ChannelRef, Member, Network, OutboxMessage
from tests.conftest import make_settings

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def echo(session, row, now, lang):  # type: ignore[no-untyped-def]
    return Reply.text(row.key)


class Guarded(RecordingMessenger):
    """Records sends and fails the test's check if a destination is not its platform's."""

    def __init__(self, platform: str, own: set[str]) -> None:
        super().__init__(platform)
        self.own = own
        self.foreign: list[str] = []

    def send(self, destination: Destination, reply: Reply) -> None:
        if destination.address not in self.own:
            self.foreign.append(destination.address)
        super().send(destination, reply)


def dispatcher(db: Database, messenger: RecordingMessenger, worker: str) -> Dispatcher:
    settings = make_settings(str(db.engine.url))
    return Dispatcher(db, settings, messenger, {"test": echo}, worker=worker)


def populate(db: Database) -> dict[str, outbox.Target]:
    with db.transaction() as s:
        slack_net = Network(name="Nettverk for infrastruktur")
        teams_net = Network(name="Nettverk for kompetanse")
        both_net = Network(name="Nettverk for klima")
        kari = Member(accounts=[Account(platform="slack", external_id="U1")], name="Kari")
        ola = Member(accounts=[Account(platform="teams", external_id="29:ola")], name="Ola")
        s.add_all([slack_net, teams_net, both_net, kari, ola])
        s.flush()
        s.add_all(
            [
                ChannelRef(platform="slack", channel_id="C1", network=slack_net),
                ChannelRef(platform="teams", channel_id="19:t1", network=teams_net),
                ChannelRef(platform="slack", channel_id="C2", network=both_net),
                ChannelRef(platform="teams", channel_id="19:t2", network=both_net),
            ]
        )
        return {
            "slack-net": outbox.Target.network(slack_net.id),
            "teams-net": outbox.Target.network(teams_net.id),
            "both-net": outbox.Target.network(both_net.id),
            "kari": outbox.Target.member(kari.id),
            "ola": outbox.Target.member(ola.id),
        }


def schedule_many(db: Database, targets: dict[str, outbox.Target], copies: int) -> None:
    with db.transaction() as s:
        for i in range(copies):
            for name, target in targets.items():
                outbox.schedule(
                    s,
                    key=f"{name}:{i}",
                    kind="test",
                    target=target,
                    due_at=T0 + timedelta(seconds=i % 7),
                    object_type="hearing",
                    object_id=i,
                )


def open_rows(db: Database, platform: str) -> int:
    with db.transaction() as s:
        rows = s.scalars(
            select(OutboxMessage).where(OutboxMessage.state.in_(("pending", "sending")))
        )
        return sum(1 for r in rows if r.platform in (None, platform))


SLACK_ADDRESSES = {"C1", "C2", "U1"}
TEAMS_ADDRESSES = {"19:t1", "19:t2", "29:ola"}


def test_a_slack_dispatcher_never_claims_a_teams_row(any_db: Database) -> None:
    targets = populate(any_db)
    schedule_many(any_db, targets, copies=1)
    slack = Guarded("slack", SLACK_ADDRESSES)
    stats = dispatcher(any_db, slack, "slack-1").dispatch_due(T0 + timedelta(minutes=1))
    assert sorted(d.address for d, _ in slack.sent) == ["C1", "C2", "U1"]
    assert stats.failed == 0 and slack.foreign == []
    with any_db.transaction() as s:
        rows = {r.key: (r.platform, r.state) for r in s.scalars(select(OutboxMessage))}
    # The Teams rows wait for Teams' dispatcher; the network on both got a Teams copy.
    assert rows == {
        "slack-net:0": ("slack", "sent"),
        "kari:0": ("slack", "sent"),
        "both-net:0": ("slack", "sent"),
        "both-net:0@teams": ("teams", "pending"),
        "teams-net:0": ("teams", "pending"),
        "ola:0": ("teams", "pending"),
    }
    teams = Guarded("teams", TEAMS_ADDRESSES)
    dispatcher(any_db, teams, "teams-1").dispatch_due(T0 + timedelta(minutes=1))
    assert sorted(d.address for d, _ in teams.sent) == ["19:t1", "19:t2", "29:ola"]
    assert teams.foreign == []


def test_two_dispatchers_for_two_platforms_at_once_send_each_row_once_on_its_own(
    any_db: Database,
) -> None:
    targets = populate(any_db)
    schedule_many(any_db, targets, copies=40)
    slack = Guarded("slack", SLACK_ADDRESSES)
    teams = Guarded("teams", TEAMS_ADDRESSES)
    runners = [dispatcher(any_db, slack, "slack-1"), dispatcher(any_db, teams, "teams-1")]
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def run(d: Dispatcher) -> None:
        start.wait()
        try:
            # Ticks until nothing is left for this platform (a row the other one is
            # routing at that moment is skipped, not waited for).
            for _ in range(500):
                d.dispatch_due(T0 + timedelta(minutes=1), batch=7)
                if not open_rows(any_db, d.messenger.platform):
                    return
        except BaseException as exc:  # shown below, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(d,)) for d in runners]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    assert slack.foreign == [] and teams.foreign == []
    # 40 rows for each of 3 Slack and 3 Teams destinations, each sent once.
    for messenger in (slack, teams):
        sent = [(d.address, r.blocks[-1].text) for d, r in messenger.sent]  # type: ignore[attr-defined]
        assert len(sent) == len(set(sent)) == 120
    with any_db.transaction() as s:
        states = set(s.scalars(select(OutboxMessage.state)))
    assert states == {"sent"}
