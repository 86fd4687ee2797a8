"""Merging two members into one person, on SQLite and PostgreSQL: everything moves, and
where both answered the same thing the kept person's answer stays."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from storage import outbox
from storage.accounts import new_member
from storage.db import Database
from storage.merge import merge_members
from storage.models import (
    Account,
    Action,
    Conference,
    GuestContact,
    Member,
    Network,
    OutboxMessage,
    Poll,
    PollSlot,
    Registration,
    Vote,
)

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def test_everything_moves_and_the_kept_person_wins_conflicts(any_db: Database) -> None:
    with any_db.transaction() as s:
        infra, klima, helse = Network(name="Infra"), Network(name="Klima"), Network(name="Helse")
        kari = new_member(s, "console", "Kari", name="Kari", networks=[infra, klima])
        slack = new_member(
            s, "slack", "U1", name="kari.n", language="en", timezone="Europe/London",
            networks=[klima, helse],
        )  # fmt: skip
        poll = Poll(title="Møte", network=infra)
        poll.slots = [PollSlot(position=p, start_at=T0) for p in (1, 2, 3)]
        conf_a = Conference(title="A", start_at=T0, uid="a@test")
        conf_b = Conference(title="B", start_at=T0, uid="b@test")
        s.add_all([poll, conf_a, conf_b])
        s.flush()
        one, two, three = poll.slots
        s.add_all(
            [
                Vote(poll_id=poll.id, slot_id=one.id, member_id=kari.id, answer="yes"),
                Vote(poll_id=poll.id, slot_id=one.id, member_id=slack.id, answer="no"),
                Vote(poll_id=poll.id, slot_id=two.id, member_id=slack.id, answer="maybe"),
                Registration(conference_id=conf_a.id, member_id=kari.id, status="registered"),
                Registration(conference_id=conf_a.id, member_id=slack.id, status="cancelled"),
                Registration(conference_id=conf_b.id, member_id=slack.id, status="waitlisted"),
                Action(network=infra, title="Telle", owner_member_id=slack.id, created_by=slack.id),
                GuestContact(member_id=slack.id, email="kari@example.org"),
            ]
        )
        outbox.schedule(
            s, key="nudge", kind="test", target=outbox.Target.member(slack.id), due_at=T0
        )
        s.flush()
        kari_id, slack_id = kari.id, slack.id

    with any_db.transaction() as s:
        keep, drop = s.get(Member, kari_id), s.get(Member, slack_id)
        assert keep is not None and drop is not None
        merged = merge_members(s, keep, drop)
    assert (merged.votes_dropped, merged.registrations_dropped) == (1, 1)

    with any_db.transaction() as s:
        assert s.get(Member, slack_id) is None
        kari = s.get(Member, kari_id)
        assert kari is not None
        assert [(a.platform, a.external_id) for a in kari.accounts] == [
            ("console", "Kari"),
            ("slack", "U1"),
        ]
        assert sorted(n.name for n in kari.networks) == ["Helse", "Infra", "Klima"]
        assert (kari.language, kari.timezone, kari.name) == ("en", "Europe/London", "Kari")
        votes = s.execute(
            select(PollSlot.position, Vote.answer, Vote.member_id)
            .join(PollSlot, PollSlot.id == Vote.slot_id)
            .order_by(PollSlot.position)
        ).all()
        assert [tuple(v) for v in votes] == [(1, "yes", kari_id), (2, "maybe", kari_id)]
        regs = s.execute(
            select(Conference.title, Registration.status, Registration.member_id)
            .join(Conference, Conference.id == Registration.conference_id)
            .order_by(Conference.title)
        ).all()
        assert [tuple(r) for r in regs] == [
            ("A", "registered", kari_id),
            ("B", "waitlisted", kari_id),
        ]
        action = s.scalar(select(Action))
        assert action is not None and (action.owner_member_id, action.created_by) == (kari_id,) * 2
        assert s.get(GuestContact, kari_id) is not None
        row = s.scalar(select(OutboxMessage).where(OutboxMessage.key == "nudge"))
        assert row is not None and row.target_id == str(kari_id)
        assert s.scalar(select(func.count(Account.id))) == 2


def test_a_member_is_not_merged_into_themselves(any_db: Database) -> None:
    with any_db.transaction() as s:
        kari = new_member(s, "console", "Kari", name="Kari")
        s.flush()
        with pytest.raises(ValueError):
            merge_members(s, kari, kari)
