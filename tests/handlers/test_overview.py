"""The personal overview and the weekly digest: content, emptiness, once a week, fixed cost."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

import pytest
from sqlalchemy import event, select

from bot.app import App
from handlers.digest import digest_key, plan_digests
from storage.models import (
    Action,
    Conference,
    ConferenceAudience,
    Hearing,
    HearingAddressee,
    Meeting,
    Member,
    Network,
    Organisation,
    OutboxMessage,
    Poll,
    PollSlot,
    Registration,
    Vote,
)
from tests.helpers import TestBot


def ids(app: App) -> dict[str, int]:
    with app.db.transaction() as s:
        out = {m.name: m.id for m in s.scalars(select(Member))}
        out |= {n.name: n.id for n in s.scalars(select(Network))}
        out |= {o.name: o.id for o in s.scalars(select(Organisation))}
        return out


def seed(app: App, now: datetime, n: int = 1, start: int = 0) -> dict[str, int]:
    """n of each kind of item waiting for Ola Nordmann (Tønsberg kommune, #infrastruktur)."""
    k = ids(app)
    infra = k["Nettverk for infrastruktur"]
    with app.db.transaction() as s:
        for i in range(start, start + n):
            h = Hearing(
                network_id=infra,
                title=f"Høring {i}",
                deadline=now + timedelta(days=10),
                addressees=[
                    HearingAddressee(organisation_id=k["Tønsberg kommune"]),
                    HearingAddressee(organisation_id=k["Larvik kommune"]),
                ],
            )
            s.add(h)
            s.add(
                Action(
                    network_id=infra,
                    title=f"Forfalt {i}",
                    status="ongoing",
                    owner_member_id=k["Ola Nordmann"],
                    due_date=now.date() - timedelta(days=3),
                )
            )
            s.add(
                Action(
                    network_id=infra,
                    title=f"Snart {i}",
                    status="planned",
                    owner_member_id=k["Ola Nordmann"],
                    due_date=now.date() + timedelta(days=3),
                )
            )
            p = Poll(
                network_id=infra,
                title=f"Møtepoll {i}",
                # past next Monday's digest: a poll past its svarfrist asks for no answer
                closes_at=now + timedelta(days=8),
                slots=[PollSlot(position=1, start_at=now + timedelta(days=10))],
            )
            s.add(p)
            s.add(
                Meeting(
                    network_id=infra,
                    title=f"Møte {i}",
                    start_at=now + timedelta(days=1),
                    uid=f"m{i}",
                )
            )
            c = Conference(
                title=f"Konferanse {i}",
                start_at=now + timedelta(days=4),
                state="announced",
                uid=f"c{i}",
                registration_deadline=now + timedelta(days=2),
                audience=[ConferenceAudience(network_id=infra)],
            )
            s.add(c)
    return k


def test_overview_lists_exactly_what_waits_for_each_member(
    people_bot: TestBot, now: datetime
) -> None:
    bot = people_bot
    k = seed(bot.app, now)
    out = bot.run("/partnerbot oversikt", as_="Ola Nordmann", now=now)
    lines = out.splitlines()
    assert lines[0] == "Dette venter på deg, Ola Nordmann:"
    assert [line.split(" – ")[0] for line in lines[1:]] == [
        "• Høring #1 «Høring 0»",
        "• Tiltak #1 «Forfalt 0»",
        "• Tiltak #2 «Snart 0»",
        "• Møtepoll #1 «Møtepoll 0»",
        "• Møte «Møte 0» tir 03.03 kl 09:00",
        "• Konferanse #1 «Konferanse 0» fre 06.03 kl 09:00",
    ]
    assert "(10 dager igjen)" in out and "`/horing svart 1`" in out
    # Per Hansen (NHO) has no hearing to answer and owns no actions.
    out = bot.run("/partnerbot oversikt", as_="Per Hansen", now=now)
    assert "Høring" not in out and "Tiltak" not in out and "Møtepoll #1" in out
    # Acting changes the list: Ola votes, registers, his municipality answers.
    with bot.app.db.transaction() as s:
        s.add(Vote(poll_id=1, slot_id=1, member_id=k["Ola Nordmann"], answer="yes"))
        s.add(Registration(conference_id=1, member_id=k["Ola Nordmann"], status="registered"))
        s.get(Hearing, 1).addressees[0].answered_at = now
    out = bot.run("/partnerbot oversikt", as_="Ola Nordmann", now=now)
    assert "Høring" not in out and "Møtepoll" not in out
    assert "• Du er påmeldt konferanse #1 «Konferanse 0»" in out


def test_overview_in_nynorsk_and_nothing_waiting(people_bot: TestBot, now: datetime) -> None:
    assert people_bot.run("/partnerbot oversyn", as_="Tone Haugen", now=now) == (
        "Ingenting ventar på deg akkurat no. God dag! 🌿"
    )


@contextmanager
def count_statements(app: App) -> Iterator[list[str]]:
    seen: list[str] = []

    def before(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        if not statement.startswith(
            ("PRAGMA", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")
        ):
            seen.append(statement)

    event.listen(app.db.engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(app.db.engine, "before_cursor_execute", before)


@pytest.mark.parametrize("what", ["overview", "digest"])
def test_cost_does_not_grow_with_the_data(people_bot: TestBot, now: datetime, what: str) -> None:
    app, bot = people_bot.app, people_bot
    counts = []
    # 10 items of each kind, then 300: a statement per item would show 290 more.
    for n, start in ((10, 0), (290, 10)):
        seed(app, now, n, start)
        with count_statements(app) as seen:
            if what == "overview":
                out = bot.run("/partnerbot oversikt", as_="Ola Nordmann", now=now)
                assert out.count("Høring #") == (10 if n == 10 else 300)
            else:
                with app.db.transaction() as s:
                    from handlers.digest import digest_lines

                    net = s.scalar(
                        select(Network).where(Network.name == "Nettverk for infrastruktur")
                    )
                    lines = digest_lines(s, net, now, app.settings.tz, "nb")
                assert sum(line.startswith("• Høring") for line in lines) == (
                    10 if n == 10 else 300
                )
        counts.append(list(seen))
    assert len(counts[0]) == len(counts[1]), counts


def monday_8(now: datetime, weeks: int = 1) -> datetime:
    local = now.astimezone(now.tzinfo)
    return datetime(2026, 3, 2 + 7 * weeks, 7, 0, tzinfo=local.tzinfo)  # 08:00 Oslo (UTC+1)


def test_digest_is_posted_once_on_monday_and_not_for_quiet_networks(
    people_bot: TestBot, now: datetime
) -> None:
    app = people_bot.app
    seed(app, now)
    bot = TestBot(app, planners=True)
    assert bot.dispatch(now) == []  # Monday 09:00: plans next Monday's digests
    with app.db.transaction() as s:
        keys = set(
            s.scalars(select(OutboxMessage.key).where(OutboxMessage.kind == "network.digest"))
        )
    assert (
        len(keys) == 4 and digest_key(ids(app)["Nettverk for infrastruktur"], monday_8(now)) in keys
    )
    assert bot.dispatch(monday_8(now) - timedelta(minutes=1)) == []
    sent = bot.dispatch(monday_8(now))
    # Only the infrastructure network had something to report; the quiet ones post nothing.
    assert [label for label, _ in sent] == ["#infrastruktur"]
    text = sent[0][1]
    assert text.startswith("Ukens sammendrag for Nettverk for infrastruktur")
    assert "mangler svar fra: Tønsberg kommune, Larvik kommune" in text
    assert "Møtepoll #1 «Møtepoll 0» – har ikke svart: " in text
    # A restart (a new dispatcher, as after a crash) the same week posts nothing again.
    again = TestBot(app, planners=True)
    assert again.dispatch(monday_8(now) + timedelta(minutes=5)) == []
    with app.db.transaction() as s:
        states = dict(
            s.execute(
                select(OutboxMessage.key, OutboxMessage.state).where(
                    OutboxMessage.kind == "network.digest"
                )
            ).all()
        )
    assert sorted(states.values()).count("sent") == 1
    assert sum(v == "cancelled" for v in states.values()) == 3  # empty: not posted
    assert sum(v == "pending" for v in states.values()) == 4  # the week after is planned


def test_digest_settings_and_permissions(people_bot: TestBot, now: datetime) -> None:
    bot = people_bot
    assert bot.run("/partnerbot digest fredag 14:30", as_="Ola Nordmann", now=now).startswith(
        "Bare organisatorer"
    )
    out = bot.run("/partnerbot digest fredag 14:30", now=now)
    assert out == (
        "Ukessammendraget for Nettverk for infrastruktur kommer hver uke; "
        "neste gang fre 06.03 kl 14:30."
    )
    assert "for eksempel `/partnerbot digest mandag 08:00`" in bot.run(
        "/partnerbot digest fredag 25:00", now=now
    )
    assert "slått av" in bot.run("/partnerbot digest av", now=now)
    with bot.app.db.transaction() as s:
        assert plan_digests(s, now, bot.app.settings.tz) == 0  # planned when the digest was set
        net = s.scalar(select(Network).where(Network.name == "Nettverk for infrastruktur"))
        assert not net.digest_enabled
        pending = s.scalars(
            select(OutboxMessage).where(
                OutboxMessage.object_id == net.id,
                OutboxMessage.kind == "network.digest",
                OutboxMessage.state == "pending",
            )
        ).all()
        assert pending == []


def test_the_home_reply_puts_buttons_under_each_item_and_caps_them(
    people_bot: TestBot, now: datetime
) -> None:
    seed(people_bot.app, now)
    out = people_bot.run("/partnerbot hjem", as_="Ola Nordmann", now=now)
    lines = out.splitlines()
    assert lines[0] == "Dette venter på deg, Ola Nordmann:"
    assert lines[1].startswith("• Høring #1")
    assert lines[2] == "  [Vi har svart: /horing svart 1]   [Vis: /horing vis 1]"
    assert "[Ferdig: /tiltak status 1 ferdig]" in out
    assert "[Vis og svar: /mote vis 1]" in out
    assert "[Meld meg på: /konferanse meld på 1]" in out
    seed(people_bot.app, now, 100, 10)
    out = people_bot.run("/partnerbot hjem", as_="Ola Nordmann", now=now)
    assert out.count("• ") == 40
    assert out.splitlines()[-1].startswith("… og ")
    assert "`/partnerbot oversikt` viser alt." in out
