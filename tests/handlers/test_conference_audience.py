"""Whether a member may register (``in_audience``) is read from the member's own networks
and organisation: on random networks, members and audiences it must say what loading
everyone invited (``audience_members``) says."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from handlers.conference_common import audience_members, in_audience
from storage.db import Database
from storage.models import Conference, ConferenceAudience, Member, Network, Organisation

NETWORKS, ORGS = 3, 3
START = datetime(2027, 3, 4, 8, 0, tzinfo=UTC)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    members=st.lists(
        st.tuples(
            st.one_of(st.none(), st.integers(0, ORGS - 1)),  # organisation
            st.sets(st.integers(0, NETWORKS - 1)),  # networks
        ),
        min_size=1,
        max_size=6,
    ),
    audience_all=st.booleans(),
    audience_networks=st.sets(st.integers(0, NETWORKS - 1)),
    audience_orgs=st.sets(st.integers(0, ORGS - 1)),
)
def test_in_audience_says_what_loading_the_audience_says(
    any_db: Database,
    members: list[tuple[int | None, set[int]]],
    audience_all: bool,
    audience_networks: set[int],
    audience_orgs: set[int],
) -> None:
    with Session(any_db.engine) as session:
        try:
            orgs = [Organisation(name=f"Org {i}") for i in range(ORGS)]
            nets = [Network(name=f"Nettverk {i}") for i in range(NETWORKS)]
            session.add_all([*orgs, *nets])
            people = []
            for i, (org, in_nets) in enumerate(members):
                m = Member(name=f"Medlem {i}", organisation=orgs[org] if org is not None else None)
                m.networks = [nets[n] for n in sorted(in_nets)]
                people.append(m)
            session.add_all(people)
            session.flush()
            conf = Conference(
                title="Samling", start_at=START, uid=uuid.uuid4().hex, audience_all=audience_all
            )
            conf.audience = [ConferenceAudience(network_id=nets[n].id) for n in audience_networks]
            conf.audience += [ConferenceAudience(organisation_id=orgs[o].id) for o in audience_orgs]
            session.add(conf)
            session.flush()
            session.expire_all()  # read back as a command would
            invited = {m.id for m in audience_members(session, conf)}
            for m in people:
                assert in_audience(conf, m) == (m.id in invited), (m.name, invited)
        finally:
            session.rollback()
