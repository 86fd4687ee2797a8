"""Migration 0008_accounts on a database at 0007 holding the demo data: every row stays,
each member gets exactly one account (its old platform and id); downgrade gives them back,
and is refused while someone has two accounts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, MetaData, func, select, text

from bot import demo
from bot.app import App
from handlers.guest_votes import new_guest
from storage import schema
from storage.accounts import new_member
from storage.db import Database
from storage.models import Account, Base, Member, Network, PollSlot, Vote
from tests.conftest import make_settings, sqlite_url
from tests.helpers import TestBot

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
# Tables the demo must fill, so that "every row is still there" means something.
FILLED = ("members", "network_members", "votes", "registrations", "hearing_answers", "actions")


def _demo_source(folder: Path) -> Database:
    """The demo data as today's code makes it, plus a Slack member and a web guest."""
    folder.mkdir()
    db = Database.from_url(sqlite_url(folder))
    Base.metadata.create_all(db.engine)
    settings = make_settings(str(db.engine.url))
    demo.load(db, settings, now=NOW)
    answered = TestBot(App.build(settings, db)).run(
        "/horing svart 1 Horten kommune https://horten.kommune.no/innspill", now=NOW
    )
    assert "Horten" in answered, answered
    with db.transaction() as s:
        net = s.scalar(select(Network).order_by(Network.id))
        new_member(s, "slack", "U0KARI", name="Kari Slack", networks=[net])
        new_guest(s, "Gjest Gjestesen", "NAV", now=NOW)
    return db


def _naive(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def _copy_into_0007(source: Database, target: Engine) -> None:
    """Every row of ``source`` into ``target`` (at 0007): a member's one account becomes
    its members.platform/external_id as 0007 keeps them."""
    old = MetaData()
    old.reflect(bind=target)
    with source.engine.connect() as src, target.begin() as dst:
        accounts = {
            a.member_id: (a.platform, a.external_id)
            for a in src.execute(select(Base.metadata.tables["accounts"]))
        }
        for table in old.sorted_tables:
            if table.name not in Base.metadata.tables:
                continue  # alembic_version
            rows = []
            for row in src.execute(select(Base.metadata.tables[table.name])).mappings():
                values = {k: _naive(v) for k, v in row.items() if k in table.c}
                if table.name == "members":
                    values["platform"], values["external_id"] = accounts[row["id"]]
                rows.append(values)
            if rows:
                dst.execute(table.insert(), rows)
        if target.dialect.name == "postgresql":  # ids were given: move the sequences on
            for table in old.sorted_tables:
                if "id" in table.c and table.c.id.autoincrement is not False:
                    dst.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                        )
                    )


def _counts(engine: Engine) -> dict[str, int]:
    meta = MetaData()
    meta.reflect(bind=engine)
    with engine.connect() as conn:
        return {
            t.name: conn.scalar(select(func.count()).select_from(t)) or 0
            for t in meta.sorted_tables
            if t.name != "alembic_version"
        }


@pytest.fixture
def at_0007(db_url: str, tmp_path: Path) -> Iterator[tuple[Database, dict[int, tuple[str, str]]]]:
    """A database at 0007 with the demo data, and each member's (platform, id) in it."""
    source = _demo_source(tmp_path / "source")
    db = Database.from_url(db_url)
    schema.upgrade(db, "0007_web")
    _copy_into_0007(source, db.engine)
    source.dispose()
    with db.engine.connect() as conn:
        identities = {
            row.id: (row.platform, row.external_id)
            for row in conn.execute(text("SELECT id, platform, external_id FROM members"))
        }
    yield db, identities
    db.dispose()


def test_upgrade_keeps_every_row_and_gives_each_member_one_account(
    at_0007: tuple[Database, dict[int, tuple[str, str]]],
) -> None:
    db, identities = at_0007
    before = _counts(db.engine)
    for table in FILLED:
        assert before[table] > 0, f"the demo data has no {table}: the test proves nothing there"
    assert {p for p, _ in identities.values()} == {"console", "slack", "web"}

    schema.upgrade(db)
    schema.check_up_to_date(db)

    after = _counts(db.engine)
    for table, count in before.items():
        assert after[table] == count, f"{table}: {count} rows before, {after[table]} after"
    assert after["accounts"] == before["members"]
    with db.transaction() as s:
        for member in s.scalars(select(Member)):
            assert [(a.platform, a.external_id) for a in member.accounts] == [identities[member.id]]


def test_the_upgraded_database_runs_commands_as_the_same_people(
    at_0007: tuple[Database, dict[int, tuple[str, str]]],
) -> None:
    """Per Hansen's demo votes stay his: his new answer changes them, nobody new is made."""
    db, identities = at_0007
    schema.upgrade(db)
    bot = TestBot(App.build(make_settings(str(db.engine.url)), db))
    per = next(i for i, ident in identities.items() if ident == ("console", "Per Hansen"))
    answer = bot.run("/mote svar 1 1:nei 2:ja 3:ja", as_="Per Hansen", now=NOW)
    assert "Per Hansen" in bot.run("/partnerbot meg", as_="Per Hansen", now=NOW), answer
    with db.transaction() as s:
        assert s.scalar(select(func.count(Member.id))) == len(identities)  # nobody new
        mine = s.execute(
            select(PollSlot.position, Vote.answer)
            .join(PollSlot, PollSlot.id == Vote.slot_id)
            .where(Vote.member_id == per)
            .order_by(PollSlot.position)
        ).all()
    assert [tuple(r) for r in mine] == [(1, "no"), (2, "yes"), (3, "yes")]


def test_downgrade_gives_the_accounts_back_to_members(
    at_0007: tuple[Database, dict[int, tuple[str, str]]],
) -> None:
    db, identities = at_0007
    before = _counts(db.engine)
    schema.upgrade(db)
    schema.downgrade(db, "0007_web")
    assert _counts(db.engine) == before
    with db.engine.connect() as conn:
        back = {
            row.id: (row.platform, row.external_id)
            for row in conn.execute(text("SELECT id, platform, external_id FROM members"))
        }
    assert back == identities


def test_downgrade_is_refused_while_a_person_has_two_accounts(
    at_0007: tuple[Database, dict[int, tuple[str, str]]],
) -> None:
    db, _ = at_0007
    schema.upgrade(db, "0008_accounts")  # the refusal is 0008's, from where it stands
    with db.transaction() as s:
        kari = s.scalar(select(Member).join(Member.accounts).where(Account.external_id == "U0KARI"))
        assert kari is not None
        kari.accounts.append(Account(platform="teams", external_id="aad-kari"))
    with pytest.raises(RuntimeError, match="Kari Slack \\(2\\).*koble fra"):
        schema.downgrade(db, "0007_web")
    assert schema.current_revisions(db) == {"0008_accounts"}
    with db.transaction() as s:
        assert s.scalar(select(func.count(Account.id)).where(Account.external_id == "aad-kari"))
