"""The card's counts come from grouped queries (``count_answers``): on random votes they must
equal what ``tally``, which reads every vote and counts in Python, says."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from handlers.poll_results import ANSWERS, answered_units, count_answers, tally
from storage.db import Database
from storage.models import Account, Member, Organisation, Poll, PollSlot, Vote

START = datetime(2026, 3, 5, 9, 0, tzinfo=UTC)

# A vote: (member index, slot index, answer, minutes after START). Few minutes, so that
# equal times (decided by the row id) come up often.
votes_strategy = st.lists(
    st.tuples(
        st.integers(0, 5),
        st.integers(0, 3),
        st.sampled_from(ANSWERS),
        st.integers(0, 3),
    ),
    max_size=30,
)


def build(
    session: Session,
    *,
    per_org: bool,
    slot_count: int,
    orgs_of_members: list[int | None],
    votes: list[tuple[int, int, str, int]],
) -> Poll:
    orgs = [Organisation(name=f"Org {i}") for i in range(3)]
    session.add_all(orgs)
    session.flush()
    poll = Poll(title="Samhandlingsmøte", one_vote_per_organisation=per_org)
    # Slot times out of position order: ties are broken by the earliest start.
    starts = [START + timedelta(days=(i * 2) % 3) for i in range(slot_count)]
    poll.slots = [PollSlot(position=i + 1, start_at=s) for i, s in enumerate(starts)]
    session.add(poll)
    members = [
        Member(name=f"Medlem {i}", organisation_id=orgs[o].id if o is not None else None)
        for i, o in enumerate(orgs_of_members)
    ]
    session.add_all(members)
    session.flush()
    cast: dict[tuple[int, int], Vote] = {}
    for member_i, slot_i, answer, minutes in votes:
        if member_i >= len(members) or slot_i >= slot_count:
            continue
        at = START - timedelta(days=1) + timedelta(minutes=minutes)
        vote = cast.get((member_i, slot_i))
        if vote is None:  # one row per member and slot, as save_votes keeps it
            vote = Vote(
                poll_id=poll.id, slot_id=poll.slots[slot_i].id, member_id=members[member_i].id
            )
            cast[(member_i, slot_i)] = vote
            session.add(vote)
        vote.answer, vote.at = answer, at
        session.flush()
    return poll


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    per_org=st.booleans(),
    slot_count=st.integers(1, 4),
    orgs_of_members=st.lists(st.one_of(st.none(), st.integers(0, 2)), min_size=1, max_size=6),
    votes=votes_strategy,
)
def test_counts_from_the_database_equal_the_tally(
    any_db: Database,
    per_org: bool,
    slot_count: int,
    orgs_of_members: list[int | None],
    votes: list[tuple[int, int, str, int]],
) -> None:
    with Session(any_db.engine) as session:
        try:
            poll = build(
                session,
                per_org=per_org,
                slot_count=slot_count,
                orgs_of_members=orgs_of_members,
                votes=votes,
            )
            old = tally(session, poll)
            new = count_answers(session, poll)
            assert new.counts == old.counts
            assert [s.id for s in new.tied] == [s.id for s in old.tied]
            assert new.answered == len(old.units)
        finally:
            session.rollback()


def test_one_vote_per_organisation_counts_the_latest_colleague(db: Database) -> None:
    """Two colleagues answer slot 1: only the later answer counts, once; a member without
    an organisation counts on their own."""
    with Session(db.engine) as session:
        poll = build(
            session,
            per_org=True,
            slot_count=2,
            orgs_of_members=[0, 0, None],
            votes=[(0, 0, "yes", 1), (1, 0, "no", 2), (2, 0, "yes", 0), (0, 1, "maybe", 0)],
        )
        counts = count_answers(session, poll)
        first, second = poll.slots
        assert counts.counts[first.id] == {"yes": 1, "maybe": 0, "no": 1}
        assert counts.counts[second.id] == {"yes": 0, "maybe": 1, "no": 0}
        assert counts.answered == 2
        assert counts.best is first  # most yes first, then yes + if need be
        session.rollback()


@pytest.mark.parametrize("per_org", [False, True], ids=["per-member", "per-organisation"])
def test_count_answers_agrees_with_the_tally_on_each_database(
    any_db: Database, per_org: bool
) -> None:
    """The same votes counted by ``count_answers`` (one UNION ALL over a window, the units'
    row marked by a NULL slot) and by ``tally`` (the ORM, counted in Python), on SQLite and
    PostgreSQL: a member with two accounts, two colleagues answering slot 1 differently, a
    member who changed their answer, a member without an organisation, a slot nobody
    answered."""
    with Session(any_db.engine) as session:
        org = Organisation(name="Viken fylkeskommune")
        session.add(org)
        session.flush()
        poll = Poll(title="Samhandlingsmøte", one_vote_per_organisation=per_org)
        poll.slots = [
            PollSlot(position=i + 1, start_at=START + timedelta(days=i)) for i in range(3)
        ]
        kari = Member(name="Kari", organisation_id=org.id)  # on Slack and Teams
        ola = Member(name="Ola", organisation_id=org.id)
        per = Member(name="Per")  # no organisation: counts on his own
        session.add_all([poll, kari, ola, per])
        session.flush()
        kari.accounts = [
            Account(platform="slack", external_id="U01KARI"),
            Account(platform="teams", external_id="aad-kari"),
        ]
        one, two, _nobody = poll.slots
        at = START - timedelta(days=1)

        def vote(member: Member, slot: PollSlot, answer: str, minutes: int) -> Vote:
            row = Vote(poll_id=poll.id, slot_id=slot.id, member_id=member.id, answer=answer)
            row.at = at + timedelta(minutes=minutes)
            session.add(row)
            session.flush()
            return row

        vote(kari, one, "yes", 1)  # from Slack
        vote(ola, one, "no", 2)  # her colleague, later and otherwise
        vote(per, one, "yes", 3)
        changed = vote(kari, two, "maybe", 0)  # from Teams, then changed to yes
        vote(ola, two, "maybe", 1)
        vote(per, two, "no", 2)
        changed.answer, changed.at = "yes", at + timedelta(minutes=5)
        session.flush()

        try:
            old, new = tally(session, poll), count_answers(session, poll)
            assert new.counts == old.counts
            assert new.answered == len(old.units)
            assert [s.id for s in new.tied] == [s.id for s in old.tied]
            assert new.counts[_nobody.id] == {"yes": 0, "maybe": 0, "no": 0}
            if per_org:  # the organisation's latest answer per slot: Ola's no, Kari's yes
                assert new.counts[one.id] == {"yes": 1, "maybe": 0, "no": 1}
                assert new.counts[two.id] == {"yes": 1, "maybe": 0, "no": 1}
                assert new.answered == 2
            else:  # Kari once, whichever account she answered from
                assert new.counts[one.id] == {"yes": 2, "maybe": 0, "no": 1}
                assert new.counts[two.id] == {"yes": 1, "maybe": 1, "no": 1}
                assert new.answered == 3
            assert answered_units(session, poll) == new.answered
        finally:
            session.rollback()
