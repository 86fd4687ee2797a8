"""Changing an open poll (/mote endre): a slot forgotten, a new svarfrist, a place."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from storage import outbox
from storage.models import OutboxMessage
from tests.handlers.test_polls import NEW, create, poll_row
from tests.helpers import TestBot


def test_a_forgotten_slot_and_a_later_svarfrist(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now, NEW, as_="Marte Lie")
    bot.run(f"/mote svar {poll_id} 1:ja 2:nei 3:kanskje", as_="Ola Nordmann", now=now)
    assert "Bare organisatorer" in bot.run(
        f"/mote endre {poll_id} tider tirsdag 10. mars kl 9-11", as_="Ola Nordmann", now=now
    )
    text = bot.run(
        f'/mote endre {poll_id} tider tirsdag 10. mars kl 9-11 svarfrist torsdag kl 8 sted "Fylkeshuset"',
        as_="Marte Lie",
        now=now,
    )
    assert text.startswith(f"Møtepoll #{poll_id} er endret: 1 nytt tidspunkt (4)")
    assert "4. tirsdag 10. mars kl 09:00–11:00 — ja 0" in text
    assert "Svarfrist torsdag 5. mars 2026 kl 08:00" in text and "Sted: Fylkeshuset" in text
    reply = bot.last
    assert reply is not None and reply.object_ref == ("poll", poll_id)  # posted cards follow
    poll = poll_row(bot, poll_id)
    assert [s.position for s in poll.slots] == [1, 2, 3, 4]
    assert poll.closes_at == datetime(2026, 3, 5, 7, 0, tzinfo=UTC)
    # the answers given stand; the new slot waits for them
    assert "Ola Nordmann  ✓  ✗  ~  ·" in bot.run(f"/mote vis {poll_id}", now=now)
    with bot.app.db.transaction() as s:
        close = s.scalars(
            select(OutboxMessage.due_at).where(
                OutboxMessage.object_id == poll_id,
                OutboxMessage.kind == "poll.close",
                OutboxMessage.state == "pending",
            )
        ).all()
    assert close == [datetime(2026, 3, 5, 7, 0, tzinfo=UTC)]
    # the nudges go a day before the new svarfrist; nothing closes at the old one
    nudged = bot.dispatch(datetime(2026, 3, 4, 7, 0, tzinfo=UTC))
    assert nudged and "Ola Nordmann" not in dict(nudged) and "#infrastruktur" not in dict(nudged)
    assert bot.dispatch(datetime(2026, 3, 4, 11, 0, tzinfo=UTC)) == []


def test_bad_changes_are_refused_and_nothing_is_saved(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now, NEW, as_="Marte Lie")
    before = poll_row(bot, poll_id)
    for line, expected in [
        (f"/mote endre {poll_id}", "Hva skal endres?"),
        (f"/mote endre {poll_id} tider torsdag 10-12", "står to ganger"),
        (f"/mote endre {poll_id} tider i går kl 10", "har allerede vært"),
        (f"/mote endre {poll_id} svarfrist fredag kl 12", "etter det første tidspunktet"),
        (f"/mote endre {poll_id} tider tirsdag 10. mars kl 9 svarfrist i går", "har allerede vært"),
    ]:
        text = bot.run(line, as_="Marte Lie", now=now)
        assert expected in text, (line, text)
    after = poll_row(bot, poll_id)
    assert len(after.slots) == len(before.slots) and after.closes_at == before.closes_at
    many = ", ".join(f"{d}.4 kl 10" for d in range(1, 19))
    assert "for mange" in bot.run(f"/mote endre {poll_id} tider {many}", as_="Marte Lie", now=now)


def test_a_closed_poll_is_not_changed(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now, NEW, as_="Marte Lie")
    bot.run(f"/mote lukk {poll_id} valg 1", as_="Marte Lie", now=now)
    text = bot.run(f"/mote endre {poll_id} tider tirsdag 10. mars kl 9", as_="Marte Lie", now=now)
    assert f"Møtepoll #{poll_id} er lukket" in text and f"/mote gjenåpne {poll_id}" in text
    assert len(poll_row(bot, poll_id).slots) == 3


def test_a_new_slot_before_the_svarfrist_is_refused(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now, NEW, as_="Marte Lie")  # svarfrist Wednesday 12:00
    text = bot.run(f"/mote endre {poll_id} tider onsdag kl 9-10", as_="Marte Lie", now=now)
    assert "Svarfristen (onsdag 4. mars 2026 kl 12:00) er etter det første tidspunktet" in text
    assert len(poll_row(bot, poll_id).slots) == 3
    # with an earlier svarfrist in the same command it is taken
    text = bot.run(
        f"/mote endre {poll_id} tider onsdag kl 9-10 svarfrist tirsdag kl 15",
        as_="Marte Lie",
        now=now,
    )
    assert "er endret: 1 nytt tidspunkt (4), ny svarfrist" in text


def test_a_svarfrist_for_a_poll_whose_slots_have_passed_says_so(
    bot: TestBot, now: datetime
) -> None:
    poll_id = create(bot, now, '/mote ny "Uten frist" tider torsdag 10-12', as_="Marte Lie")
    late = datetime(2026, 3, 9, 8, 0, tzinfo=UTC)
    text = bot.run(f"/mote endre {poll_id} svarfrist i morgen kl 12", as_="Marte Lie", now=late)
    assert "Alle tidspunktene" in text
    assert "er endret" in bot.run(
        f"/mote endre {poll_id} tider onsdag kl 10 svarfrist tirsdag kl 12",
        as_="Marte Lie",
        now=late,
    )


def test_an_edit_keeps_the_invitation_of_an_invitee_outside_the_network(
    bot: TestBot, now: datetime
) -> None:
    bot.run('/partnerbot medlem ny "Gro Moe" org "Vestfold og Telemark fylkeskommune"', now=now)
    poll_id = create(bot, now, NEW + " inviterte Gro Moe", as_="Marte Lie")
    text = bot.run(f'/mote endre {poll_id} sted "Fylkeshuset"', as_="Marte Lie", now=now)
    assert text.startswith(f"Møtepoll #{poll_id} er endret")
    sent = bot.dispatch(now)
    assert [who for who, _ in sent] == ["Gro Moe"]
    assert "Marte Lie inviterer deg" in sent[0][1] and "Sted: Fylkeshuset" in sent[0][1]
    # the nudges a day before svarfrist are still there too, once each
    nudged = bot.dispatch(datetime(2026, 3, 3, 11, 0, tzinfo=UTC))
    assert sorted(who for who, _ in nudged).count("Gro Moe") == 1


def test_an_edit_keeps_an_invitation_that_is_being_retried(bot: TestBot, now: datetime) -> None:
    bot.run('/partnerbot medlem ny "Gro Moe" org "Vestfold og Telemark fylkeskommune"', now=now)
    poll_id = create(bot, now, NEW + " inviterte Gro Moe", as_="Marte Lie")
    retry_at = now + timedelta(minutes=2)
    with bot.app.db.transaction() as s:
        (row,) = s.scalars(
            select(OutboxMessage).where(
                OutboxMessage.object_id == poll_id, OutboxMessage.kind == "poll.invite"
            )
        )
        outbox.mark_retry(s, row.id, next_at=retry_at, error="ratelimited", attempts=1)
    bot.run(f'/mote endre {poll_id} sted "Fylkeshuset"', as_="Marte Lie", now=now)
    assert bot.dispatch(now) == []
    assert [who for who, _ in bot.dispatch(retry_at)] == ["Gro Moe"]
