"""Migration 0009_organiser_partnership on a database at 0008 holding the demo data whose
organisers were left in no partnership: each is placed in the partnership of their first
network; one with no network stays in none, and `partnerbot doctor` names them with the
command that places them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, update

from bot import demo
from bot.app import App
from bot.doctor import organiser_checks
from storage import schema
from storage.accounts import new_member
from storage.db import Database
from storage.models import Member, Network, Partnership
from tests.conftest import make_settings
from tests.helpers import TestBot

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
ORGANISERS = ("Kari Nordmann", "Marte Lie", "Sigrid Aasen")


@pytest.fixture
def at_0008(db_url: str) -> Iterator[Database]:
    """The demo at 0008 (the schema 0009 leaves as it is), its organisers unplaced, and
    one more organiser in no network."""
    db = Database.from_url(db_url)
    # The demo is written by today's models, so it is loaded at the head and the schema
    # taken back to 0008 (the later migrations' downgrades keep the rows).
    schema.upgrade(db)
    demo.load(db, make_settings(str(db.engine.url)), now=NOW)
    schema.downgrade(db, "0008_accounts")
    with db.transaction() as s:
        s.execute(update(Member).where(Member.name.in_(ORGANISERS)).values(partnership_id=None))
        new_member(s, "console", "Nils Ny", name="Nils Ny", role="organiser")
    yield db
    db.dispose()


def _partnerships(db: Database) -> dict[str, str | None]:
    with db.transaction() as s:
        rows = s.execute(
            select(Member.name, Partnership.name)
            .outerjoin(Partnership, Partnership.id == Member.partnership_id)
            .where(Member.role == "organiser")
        ).all()
    return {member: partnership for member, partnership in rows}


def test_upgrade_places_each_organiser_in_their_first_networks_partnership(
    at_0008: Database,
) -> None:
    db = at_0008
    assert "Marte Lie" in organiser_checks(db)[0][0] and not organiser_checks(db)[0][1]

    schema.upgrade(db)
    schema.check_up_to_date(db)

    vestfold, vest_telemark = "Politisk partnerskap Vestfold", "Vest-Telemarkrådet"
    assert _partnerships(db) == {
        "Kari Nordmann": vestfold,
        "Marte Lie": vestfold,
        "Sigrid Aasen": vest_telemark,
        "Nils Ny": None,
    }
    bot = TestBot(App.build(make_settings(str(db.engine.url)), db))
    assert "er avsluttet" in bot.run("/horing avslutt 1", as_="Marte Lie", now=NOW)
    [(line, ok)] = organiser_checks(db)
    assert not ok
    assert line.startswith("organisers in no partnership, so without rights in any: Nils Ny;")
    assert 'partnerbot medlem "Nils Ny" partnerskap "Politisk partnerskap Vestfold"' in line


def test_doctor_is_content_when_every_organiser_is_placed_or_there_are_no_partnerships(
    db: Database,
) -> None:
    with db.transaction() as s:
        new_member(s, "console", "Anne", name="Anne", role="organiser").networks = [
            Network(name="Nettverk for klima")
        ]
    assert organiser_checks(db) == []  # no partnerships: an organiser in none is as before
    with db.transaction() as s:
        anne = s.scalar(select(Member).where(Member.name == "Anne"))
        assert anne is not None
        anne.partnership = Partnership(name="Grenlandsrådet")
    assert organiser_checks(db) == [("organisers: each placed in a partnership", True)]
