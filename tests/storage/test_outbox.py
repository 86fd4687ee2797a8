"""The reminder outbox on SQLite and PostgreSQL: scheduling, claiming, retries, stale rows."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from bot.config import Settings
from bot.dispatcher import Dispatcher, backoff
from bot.messages import Reply
from bot.messenger import Destination, PermanentError, RecordingMessenger, TemporaryError
from storage import outbox
from storage.db import Database
from storage.models import Account, Member, Network, OutboxMessage
from tests.conftest import make_settings
from tests.helpers import FlakyDatabase, still

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def echo(session, row, now, lang):  # type: ignore[no-untyped-def]
    return Reply.text(f"{row.kind}:{(row.payload or {}).get('n')}:{lang}")


def setup(db: Database) -> tuple[int, int]:
    with db.transaction() as s:
        net = Network(name="Nettverk for infrastruktur")
        kari = Member(
            accounts=[Account(platform="console", external_id="Kari")], name="Kari", language="nn"
        )
        s.add_all([net, kari])
        s.flush()
        return net.id, kari.id


def add(db: Database, key: str, due: datetime, target: outbox.Target, **payload: object) -> None:
    with db.transaction() as s:
        outbox.schedule(
            s,
            key=key,
            kind="test",
            target=target,
            due_at=due,
            object_type="thing",
            object_id=1,
            payload=dict(payload),
        )


def states(db: Database) -> dict[str, str]:
    with db.transaction() as s:
        return {r.key: r.state for r in s.scalars(select(OutboxMessage))}


def dispatcher(db: Database, messenger: object, settings: Settings | None = None) -> Dispatcher:
    settings = settings or make_settings(str(db.engine.url))
    # A still monotonic clock: each run takes no time, so times are exactly the ones given.
    return Dispatcher(db, settings, messenger, {"test": echo}, monotonic=still)  # type: ignore[arg-type]


def test_due_rows_are_sent_once_in_order_in_the_target_language(any_db: Database) -> None:
    net, kari = setup(any_db)
    add(any_db, "b", T0 + timedelta(minutes=2), outbox.Target.network(net), n=2)
    add(any_db, "a", T0 + timedelta(minutes=1), outbox.Target.member(kari), n=1)
    add(any_db, "later", T0 + timedelta(hours=1), outbox.Target.network(net), n=3)
    rec = RecordingMessenger()
    d = dispatcher(any_db, rec)
    assert d.dispatch_due(T0).sent == 0
    stats = d.dispatch_due(T0 + timedelta(seconds=150))  # within the 2-minute grace
    assert stats.sent == 2
    assert [(dest.kind, dest.label, r.plain()) for dest, r in rec.sent] == [
        ("member", "Kari", "test:1:nn"),
        ("channel", "Nettverk for infrastruktur", "test:2:nb"),
    ]
    assert d.dispatch_due(T0 + timedelta(minutes=6)).sent == 0  # never twice
    assert states(any_db) == {"a": "sent", "b": "sent", "later": "pending"}


def test_rescheduling_and_cancelling(any_db: Database) -> None:
    net, _ = setup(any_db)
    add(any_db, "r", T0 + timedelta(minutes=1), outbox.Target.network(net))
    add(any_db, "r", T0 + timedelta(days=1), outbox.Target.network(net))  # same key: moved
    rec = RecordingMessenger()
    assert dispatcher(any_db, rec).dispatch_due(T0 + timedelta(hours=1)).sent == 0
    with any_db.transaction() as s:
        assert outbox.cancel(s, object_type="thing", object_id=1) == 1
    assert dispatcher(any_db, rec).dispatch_due(T0 + timedelta(days=2)).sent == 0
    assert states(any_db) == {"r": "cancelled"}


def test_cancelling_marks_the_rows_the_transaction_holds(any_db: Database) -> None:
    """The rows already read in the transaction show it at once (a hearing's reminders are
    read, cancelled and scheduled again in one transaction), and only those cancelled."""
    net, _ = setup(any_db)
    add(any_db, "a", T0 + timedelta(days=1), outbox.Target.network(net))
    add(any_db, "b", T0 + timedelta(days=2), outbox.Target.network(net))
    with any_db.transaction() as s:
        rows = {r.key: r for r in outbox.for_object(s, "thing", 1)}
        assert outbox.cancel(s, object_type="thing", object_id=1, kinds=["other"]) == 0
        assert outbox.cancel(s, object_type="thing", object_id=1, keys=["b"]) == 1
        assert (rows["a"].state, rows["b"].state) == ("pending", "cancelled")
        assert outbox.cancel(s, object_type="thing", object_id=1, kinds=["test"]) == 1
        assert rows["a"].state == "cancelled"
    assert states(any_db) == {"a": "cancelled", "b": "cancelled"}


def test_cancelling_rows_the_transaction_has_not_read(any_db: Database) -> None:
    """With no outbox row in the session the UPDATE goes to the table: the same rows are
    cancelled (by kind, by key and its copies), and rows read afterwards show it."""
    net, _ = setup(any_db)
    add(any_db, "a", T0 + timedelta(days=1), outbox.Target.network(net))
    add(any_db, "b", T0 + timedelta(days=2), outbox.Target.network(net))
    add(any_db, "c", T0 + timedelta(days=3), outbox.Target.network(net))
    with any_db.transaction() as s:
        assert outbox.cancel(s, object_type="thing", object_id=1, kinds=["other"]) == 0
        assert outbox.cancel(s, object_type="thing", object_id=2) == 0
        assert outbox.cancel(s, object_type="thing", object_id=1, keys=["b"]) == 1
        assert {r.key: r.state for r in outbox.for_object(s, "thing", 1)} == {
            "a": "pending",
            "b": "cancelled",
            "c": "pending",
        }
    with any_db.transaction() as s:
        assert outbox.cancel(s, object_type="thing", object_id=1, kinds=["test"]) == 2
    assert states(any_db) == {"a": "cancelled", "b": "cancelled", "c": "cancelled"}


def test_a_sent_key_is_never_rescheduled(any_db: Database) -> None:
    net, _ = setup(any_db)
    add(any_db, "once", T0, outbox.Target.network(net))
    rec = RecordingMessenger()
    dispatcher(any_db, rec).dispatch_due(T0)
    add(any_db, "once", T0 + timedelta(minutes=5), outbox.Target.network(net))
    dispatcher(any_db, rec).dispatch_due(T0 + timedelta(minutes=10))
    assert len(rec.sent) == 1


def test_late_rows_are_marked_and_stale_rows_dropped_visibly(any_db: Database) -> None:
    net, _ = setup(any_db)
    add(any_db, "late", T0 - timedelta(hours=3), outbox.Target.network(net))
    add(any_db, "stale", T0 - timedelta(hours=30), outbox.Target.network(net))
    rec = RecordingMessenger()
    stats = dispatcher(any_db, rec).dispatch_due(T0)
    assert (stats.sent, stats.stale) == (1, 1)
    assert (
        rec.sent[0][1]
        .plain()
        .startswith("⏰ Forsinket påminnelse (skulle vært sendt 02.03.2026 06:00)")
    )
    with any_db.transaction() as s:
        rows = {r.key: r for r in s.scalars(select(OutboxMessage))}
        assert rows["late"].late and rows["late"].state == "sent"
        assert rows["stale"].state == "stale" and "24 h late" in rows["stale"].last_error


class Flaky:
    """Answers like a platform in trouble: the given errors first, then success."""

    platform = "console"
    shows_unbound_networks = True  # as the console: the network has no channel here

    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.sent: list[tuple[Destination, Reply]] = []

    def send(self, destination: Destination, reply: Reply) -> None:
        if self.errors:
            raise self.errors.pop(0)
        self.sent.append((destination, reply))


def test_rate_limit_waits_retry_after_then_sends_once(any_db: Database) -> None:
    net, _ = setup(any_db)
    add(any_db, "x", T0, outbox.Target.network(net))
    flaky = Flaky(TemporaryError("ratelimited", retry_after=20))
    d = dispatcher(any_db, flaky)
    assert d.dispatch_due(T0).retried == 1
    assert d.dispatch_due(T0 + timedelta(seconds=19)).sent == 0
    assert d.dispatch_due(T0 + timedelta(seconds=20)).sent == 1
    assert len(flaky.sent) == 1
    with any_db.transaction() as s:
        row = s.scalar(select(OutboxMessage))
        assert row.state == "sent" and row.attempts == 1 and not row.late


def test_server_errors_back_off_and_give_up_after_max_attempts(any_db: Database) -> None:
    net, kari = setup(any_db)
    with any_db.transaction() as s:
        outbox.schedule(
            s,
            key="x",
            kind="test",
            target=outbox.Target.network(net),
            due_at=T0,
            payload={"organiser_id": kari},
        )
    settings = make_settings(str(any_db.engine.url), PARTNERBOT_MAX_ATTEMPTS=3)
    flaky = Flaky(*(TemporaryError("500") for _ in range(3)))
    d = dispatcher(any_db, flaky, settings)
    now = T0
    for attempt in (1, 2):
        assert d.dispatch_due(now).retried == 1
        now += backoff(attempt)
    assert d.dispatch_due(now).failed == 1
    with any_db.transaction() as s:
        row = s.scalar(select(OutboxMessage).where(OutboxMessage.key == "x"))
        assert row.state == "failed" and row.attempts == 3 and "gave up" in row.last_error


def test_permanent_error_fails_the_row_and_tells_the_organiser(any_db: Database) -> None:
    from bot.dispatcher import render_failed_notice

    net, kari = setup(any_db)
    with any_db.transaction() as s:
        outbox.schedule(
            s,
            key="x",
            kind="test",
            target=outbox.Target.network(net),
            due_at=T0,
            payload={"organiser_id": kari},
        )
    flaky = Flaky(PermanentError("channel_not_found"))
    settings = make_settings(str(any_db.engine.url))
    d = Dispatcher(any_db, settings, flaky, {"test": echo, "outbox.failed": render_failed_notice})
    stats = d.dispatch_due(T0)
    assert stats.failed == 1 and flaky.sent == []
    assert d.dispatch_due(T0).sent == 1  # the next tick tells the organiser
    dest, reply = flaky.sent[0]
    assert dest.label == "Kari" and "channel_not_found" in reply.plain()
    assert reply.plain().startswith("Eg fekk ikkje levert")  # Kari writes nynorsk
    assert states(any_db)["x"] == "failed"


def test_rows_of_a_vanished_sender_are_reclaimed_after_the_lease(any_db: Database) -> None:
    net, _ = setup(any_db)
    add(any_db, "x", T0, outbox.Target.network(net))
    with any_db.transaction() as s:
        assert len(outbox.claim_due(s, now=T0, worker="dead")) == 1
    rec = RecordingMessenger()
    assert dispatcher(any_db, rec).dispatch_due(T0 + timedelta(minutes=1)).sent == 0
    assert dispatcher(any_db, rec).dispatch_due(T0 + timedelta(minutes=6)).sent == 1


def test_a_row_taken_from_a_vanished_sender_goes_out_keyed_to_be_looked_for(
    any_db: Database,
) -> None:
    # The sender may have delivered it before it vanished: the messenger is told to look
    # (Slack: the key in the message metadata) before sending again; a first send is not.
    net, _ = setup(any_db)
    add(any_db, "gone", T0, outbox.Target.network(net))
    add(any_db, "fresh", T0 + timedelta(minutes=6), outbox.Target.network(net))
    with any_db.transaction() as s:
        assert len(outbox.claim_due(s, now=T0, worker="dead")) == 1
    rec = RecordingMessenger()
    assert dispatcher(any_db, rec).dispatch_due(T0 + timedelta(minutes=6)).sent == 2
    sent = sorted((d.key, d.resend) for d, _ in rec.sent)
    assert sent == [("fresh", False), ("gone", True)]
    assert states(any_db) == {"gone": "sent", "fresh": "sent"}


def test_renderer_returning_none_cancels_quietly(any_db: Database) -> None:
    net, _ = setup(any_db)
    add(any_db, "x", T0, outbox.Target.network(net))
    settings = make_settings(str(any_db.engine.url))
    rec = RecordingMessenger()
    d = Dispatcher(any_db, settings, rec, {"test": lambda *a: None})
    assert d.dispatch_due(T0).skipped == 1 and rec.sent == []
    assert states(any_db) == {"x": "cancelled"}


def test_rows_that_fell_due_before_the_dispatcher_started_are_late(any_db: Database) -> None:
    # The bot was down from before T0 - 90 s until T0: those rows are "forsinket", even
    # though 90 s is inside the grace that applies while the bot is running.
    net, _ = setup(any_db)
    add(any_db, "missed", T0 - timedelta(seconds=90), outbox.Target.network(net))
    add(any_db, "on_time", T0 + timedelta(seconds=30), outbox.Target.network(net))
    rec = RecordingMessenger()
    d = dispatcher(any_db, rec)
    assert d.dispatch_due(T0).sent == 1
    assert d.dispatch_due(T0 + timedelta(seconds=31)).sent == 1
    texts = [r.plain() for _, r in rec.sent]
    assert texts[0].startswith("⏰ Forsinket påminnelse") and not texts[1].startswith("⏰")
    with any_db.transaction() as s:
        rows = {r.key: r.late for r in s.scalars(select(OutboxMessage))}
    assert rows == {"missed": True, "on_time": False}


def test_failure_notice_for_a_late_row_is_not_itself_marked_late(any_db: Database) -> None:
    from bot.dispatcher import render_failed_notice

    net, kari = setup(any_db)
    with any_db.transaction() as s:
        outbox.schedule(
            s,
            key="x",
            kind="test",
            target=outbox.Target.network(net),
            due_at=T0 - timedelta(hours=3),
            payload={"organiser_id": kari},
        )
    flaky = Flaky(PermanentError("channel_not_found"))
    d = Dispatcher(
        any_db,
        make_settings(str(any_db.engine.url)),
        flaky,
        {"test": echo, "outbox.failed": render_failed_notice},
    )
    assert d.dispatch_due(T0).failed == 1
    assert d.dispatch_due(T0 + timedelta(seconds=1)).sent == 1
    assert flaky.sent[0][1].plain().startswith("Eg fekk ikkje levert")  # no late line first


class DiesWhileSending(RecordingMessenger):
    """Delivers, and (the first time) the database goes away while the platform answers."""

    def __init__(self, db: FlakyDatabase) -> None:
        super().__init__()
        self.db = db
        self.died = False

    def send(self, destination: Destination, reply: Reply) -> None:
        super().send(destination, reply)
        if not self.died:
            self.db.down = self.died = True


def test_a_send_whose_record_failed_is_recorded_when_the_database_is_back(any_db: Database) -> None:
    net, _ = setup(any_db)
    add(any_db, "x", T0, outbox.Target.network(net))
    db = FlakyDatabase(any_db.engine)
    rec = DiesWhileSending(db)
    d = dispatcher(db, rec)
    with contextlib.suppress(OperationalError):
        d.dispatch_due(T0)
    db.down = False
    d.dispatch_due(T0 + timedelta(minutes=6))  # past the claim lease
    assert [r.plain() for _, r in rec.sent] == ["test:None:nb"]
    assert states(any_db) == {"x": "sent"}


def test_rows_claimed_before_a_database_outage_are_sent_as_soon_as_it_ends(
    any_db: Database,
) -> None:
    net, _ = setup(any_db)
    for n in range(3):
        add(any_db, f"k{n}", T0, outbox.Target.network(net), n=n)
    db = FlakyDatabase(any_db.engine)
    rec = DiesWhileSending(db)
    d = dispatcher(db, rec)
    with contextlib.suppress(OperationalError):
        d.dispatch_due(T0)  # claims all three, sends one, then loses the database
    db.down = False
    d.dispatch_due(T0 + timedelta(seconds=10))  # not 5 minutes later, when the lease ends
    assert sorted(r.plain() for _, r in rec.sent) == [f"test:{n}:nb" for n in range(3)]
    assert states(any_db) == {"k0": "sent", "k1": "sent", "k2": "sent"}


class DownUntil(RecordingMessenger):
    """The platform answers 500 until ``until`` (the test moves ``now``)."""

    def __init__(self, until: datetime) -> None:
        super().__init__()
        self.until = until
        self.now = T0

    def send(self, destination: Destination, reply: Reply) -> None:
        if self.now < self.until:
            raise TemporaryError("Slack server error: internal_error (HTTP 500)")
        super().send(destination, reply)


def test_a_platform_outage_of_most_of_an_hour_is_retried_and_sent_soon_after_it(
    any_db: Database,
) -> None:
    net, _ = setup(any_db)
    add(any_db, "x", T0, outbox.Target.network(net))
    back = T0 + timedelta(minutes=55)
    slack = DownUntil(back)
    d = dispatcher(any_db, slack)
    while not slack.sent and slack.now < T0 + timedelta(hours=2):
        d.dispatch_due(slack.now)
        slack.now += timedelta(seconds=15)
    assert states(any_db) == {"x": "sent"}
    assert slack.now - back <= timedelta(minutes=5)


def test_a_renderer_bug_fails_its_row_and_does_not_hold_up_the_others(any_db: Database) -> None:
    net, _ = setup(any_db)
    for n in range(3):
        add(any_db, f"k{n}", T0, outbox.Target.network(net), n=n)

    def buggy(session, row, now, lang):  # type: ignore[no-untyped-def]
        if (row.payload or {}).get("n") == 0:
            raise KeyError("a bug")
        return echo(session, row, now, lang)

    rec = RecordingMessenger()
    d = Dispatcher(any_db, make_settings(str(any_db.engine.url)), rec, {"test": buggy})
    stats = d.dispatch_due(T0)
    assert (stats.sent, stats.failed) == (2, 1)
    assert states(any_db) == {"k0": "failed", "k1": "sent", "k2": "sent"}


def test_rate_limits_for_minutes_never_make_a_row_give_up(any_db: Database) -> None:
    net, _ = setup(any_db)
    add(any_db, "x", T0, outbox.Target.network(net))
    # Slack asks to wait 5 s, 40 times in a row (busy channel, more than max_attempts).
    flaky = Flaky(*(TemporaryError("rate limited", retry_after=5) for _ in range(40)))
    d = dispatcher(any_db, flaky)
    now = T0
    while not flaky.sent and now < T0 + timedelta(minutes=10):
        assert d.dispatch_due(now).failed == 0
        now += timedelta(seconds=5)
    assert states(any_db) == {"x": "sent"} and len(flaky.sent) == 1


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def test_a_slow_run_gives_back_claims_before_another_bot_may_take_them(any_db: Database) -> None:
    net, _ = setup(any_db)
    for n in range(3):
        add(any_db, f"k{n}", T0, outbox.Target.network(net), n=n)
    clock = Clock()
    settings = make_settings(str(any_db.engine.url))
    fast = RecordingMessenger()
    other = Dispatcher(any_db, settings, fast, {"test": echo}, worker="B")

    class Slow(RecordingMessenger):
        """Each send takes 200 s (Slack timing out); the other bot ticks meanwhile."""

        def send(self, destination: Destination, reply: Reply) -> None:
            clock.t += 200
            other.dispatch_due(T0 + timedelta(seconds=clock.t))
            super().send(destination, reply)

    slow = Slow()
    d = Dispatcher(any_db, settings, slow, {"test": echo}, worker="A", monotonic=clock)
    d.dispatch_due(T0, batch=3)
    other.dispatch_due(T0 + timedelta(seconds=clock.t + 1))
    everything = [r.plain().splitlines()[-1] for _, r in slow.sent + fast.sent]
    assert sorted(everything) == [f"test:{n}:nb" for n in range(3)]
    assert states(any_db) == {"k0": "sent", "k1": "sent", "k2": "sent"}


def test_a_transaction_tells_the_soonest_message_it_scheduled(any_db: Database) -> None:
    """What the Slack adapter asks to decide whether a command needs a dispatch now."""
    net, _ = setup(any_db)
    target = outbox.Target.network(net)
    add(any_db, "sent", T0, target)
    dispatcher(any_db, RecordingMessenger()).dispatch_due(T0)
    with any_db.transaction() as s:
        assert outbox.soonest_scheduled(s) is None
        outbox.schedule(s, key="sent", kind="test", target=target, due_at=T0)  # sent: not again
        assert outbox.soonest_scheduled(s) is None
        outbox.schedule(s, key="later", kind="test", target=target, due_at=T0 + timedelta(days=2))
        assert outbox.schedule_once(s, key="soon", kind="test", target=target, due_at=T0)
        assert not outbox.schedule_once(
            s, key="later", kind="test", target=target, due_at=T0 - timedelta(days=1)
        )
        assert outbox.soonest_scheduled(s) == T0
    with any_db.transaction() as s:
        assert outbox.soonest_scheduled(s) is None  # each transaction its own


def test_retry_after_counts_from_when_the_platform_answered(any_db: Database) -> None:
    """A 429 that came 30 s into the run (a slow platform, a busy machine): Retry-After 20
    means 50 s after the run began, not 20."""
    net, _ = setup(any_db)
    add(any_db, "x", T0, outbox.Target.network(net))
    clock = Clock()

    class SlowLimited(Flaky):
        def send(self, destination: Destination, reply: Reply) -> None:
            clock.t += 30
            super().send(destination, reply)

    limited = SlowLimited(TemporaryError("ratelimited", retry_after=20))
    settings = make_settings(str(any_db.engine.url))
    d = Dispatcher(any_db, settings, limited, {"test": echo}, worker="A", monotonic=clock)
    assert d.dispatch_due(T0).retried == 1
    assert d.dispatch_due(T0 + timedelta(seconds=49)).sent == 0
    assert d.dispatch_due(T0 + timedelta(seconds=50)).sent == 1


def _messages(net: int, *keys: str) -> list[outbox.Message]:
    return [
        outbox.Message(
            key=k,
            kind="test",
            target=outbox.Target.network(net),
            due_at=T0 + timedelta(days=n + 1),
            object_type="thing",
            object_id=1,
        )
        for n, k in enumerate(keys)
    ]


def test_rows_inserted_by_schedule_all_are_cancelled_in_the_same_transaction(
    any_db: Database,
) -> None:
    """``schedule_all``'s new rows go in by one INSERT, outside the session; a ``cancel`` and
    a read later in the same transaction still see them: nothing stays pending that was
    cancelled, whether the session held no outbox row (the UPDATE to the table) or some
    (the ORM's UPDATE, marking the rows it holds)."""
    net, _ = setup(any_db)
    with any_db.transaction() as s:  # nothing held: the table's UPDATE
        outbox.schedule_all(s, _messages(net, "a", "b"), known={})
        assert outbox.cancel(s, object_type="thing", object_id=1, keys=["a"]) == 1
        assert {r.key: r.state for r in outbox.for_object(s, "thing", 1)} == {
            "a": "cancelled",
            "b": "pending",
        }
    assert states(any_db) == {"a": "cancelled", "b": "pending"}
    with any_db.transaction() as s:  # "b" held and moved, "c" and "d" inserted beside it
        held = {r.key: r for r in outbox.for_object(s, "thing", 1)}
        outbox.schedule_all(s, _messages(net, "b", "c", "d"), known=held)
        assert outbox.cancel(s, object_type="thing", object_id=1, keys=["c"]) == 1
        rows = {r.key: r for r in outbox.for_object(s, "thing", 1)}
        assert {k: r.state for k, r in rows.items()} == {
            "a": "cancelled",
            "b": "pending",
            "c": "cancelled",
            "d": "pending",
        }
        assert outbox.cancel(s, object_type="thing", object_id=1, kinds=["test"]) == 2
        assert held["b"].state == "cancelled" and rows["d"].state == "cancelled"
        assert {r.state for r in outbox.for_object(s, "thing", 1)} == {"cancelled"}
    assert states(any_db) == dict.fromkeys("abcd", "cancelled")
