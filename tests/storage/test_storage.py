"""Storage on SQLite and PostgreSQL: migrations, UTC times, constraints, the unit of work."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from storage import schema
from storage.db import Database
from storage.models import Account, Base, ChannelRef, Member, Network, Organisation, Partnership


def test_migrations_build_exactly_the_models(db_url: str) -> None:
    db = Database.from_url(db_url)
    with pytest.raises(schema.SchemaOutOfDate, match="partnerbot db upgrade"):
        schema.check_up_to_date(db)
    schema.upgrade(db)
    schema.check_up_to_date(db)
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    schema.upgrade(db)  # a second upgrade is a no-op
    db.dispose()


def test_the_start_up_check_reads_the_revisions_as_alembic_does(db_url: str) -> None:
    # check_up_to_date runs at every start without importing Alembic (a third of a second):
    # its heads and current revisions must be Alembic's own, before and after each step.
    from alembic.script import ScriptDirectory

    db = Database.from_url(db_url)
    assert schema.head_revisions() == set(
        ScriptDirectory.from_config(schema.alembic_config(db)).get_heads()
    )
    for step in (None, "0001", "0002_slack", "heads"):
        if step:
            schema.upgrade(db, step)
        with db.engine.connect() as conn:
            alembic_says = set(MigrationContext.configure(conn).get_current_heads())
        assert schema.current_revisions(db) == alembic_says
        assert (alembic_says == schema.head_revisions()) == (step == "heads")
    db.dispose()


def test_starting_the_bot_does_not_import_alembic() -> None:
    import subprocess
    import sys

    code = "import sys, bot.cli, bot.web.app, bot.doctor; print('alembic' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_times_round_trip_as_aware_utc(any_db: Database) -> None:
    oslo = datetime(2026, 3, 29, 3, 30, tzinfo=ZoneInfo("Europe/Oslo"))  # just after DST change
    with any_db.transaction() as s:
        p = Partnership(name="P", created_at=oslo)
        s.add(p)
    with any_db.transaction() as s:
        got = s.scalar(select(Partnership.created_at))
    assert got == oslo and got.tzinfo is not None and got.utcoffset() == timedelta(0)


def test_naive_datetimes_are_refused(any_db: Database) -> None:
    with pytest.raises(Exception, match="naive datetime"), any_db.transaction() as s:
        s.add(Partnership(name="P", created_at=datetime(2026, 1, 1)))  # noqa: DTZ001


def test_transaction_rolls_back_everything_on_error(any_db: Database) -> None:
    with pytest.raises(RuntimeError), any_db.transaction() as s:
        s.add(Organisation(name="NAV"))
        s.flush()
        raise RuntimeError("half-way")
    with any_db.transaction() as s:
        assert s.scalars(select(Organisation)).all() == []


def test_unique_member_per_platform_and_channel(any_db: Database) -> None:
    with any_db.transaction() as s:
        net = Network(name="Nettverk for infrastruktur")
        s.add_all(
            [
                net,
                Member(accounts=[Account(platform="slack", external_id="U1")], name="Kari"),
                ChannelRef(platform="slack", channel_id="C1", network=net),
            ]
        )
    with pytest.raises(IntegrityError), any_db.transaction() as s:
        s.add(Member(accounts=[Account(platform="slack", external_id="U1")], name="Kari igjen"))
    with any_db.transaction() as s:  # the same id on another platform is another member
        s.add(Member(accounts=[Account(platform="teams", external_id="U1")], name="Kari i Teams"))
    with pytest.raises(IntegrityError), any_db.transaction() as s:
        s.add(ChannelRef(platform="slack", channel_id="C1", network_id=net.id))


def test_relationships_many_to_many(any_db: Database) -> None:
    with any_db.transaction() as s:
        nav, nho = Organisation(name="NAV"), Organisation(name="NHO")
        net = Network(name="Nettverk for arbeid mot utenforskap", organisations=[nav, nho])
        s.add(net)
        s.add(
            Member(
                accounts=[Account(platform="console", external_id="Kari")],
                name="Kari",
                organisation=nav,
                networks=[net],
            )
        )
    with any_db.transaction() as s:
        net = s.scalar(select(Network))
        assert [o.name for o in net.organisations] == ["NAV", "NHO"]
        assert [m.name for m in net.members] == ["Kari"]
        assert s.scalar(select(Organisation).where(Organisation.name == "NAV")).networks == [net]


def test_ping_reports_unreachable_database_in_one_line() -> None:
    from storage.db import DatabaseError

    db = Database.from_url("postgresql+psycopg://nobody@127.0.0.1:1/x")
    with pytest.raises(DatabaseError) as err:
        db.ping()
    assert "\n" not in str(err.value) and "cannot reach the database" in str(err.value)


def test_bad_url_is_a_database_error() -> None:
    from storage.db import DatabaseError, make_engine

    with pytest.raises(DatabaseError):
        make_engine("not a url")
    with pytest.raises(DatabaseError):
        make_engine("nosuchdb://x/y")


def test_utc_helper() -> None:
    from storage.models import utcnow

    assert utcnow().tzinfo is UTC


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql+psycopg://bot:pa55@db:5432/pb", "postgresql+psycopg://bot:***@db:5432/pb"),
        ("postgresql+psycopg://bot:pa@55@db:port/pb", "postgresql+psycopg://bot:***@db:port/pb"),
        ("bot:pa55@db/pb", "bot:***@db/pb"),
        ("sqlite:///partnerbot.db", "sqlite:///partnerbot.db"),
    ],
)
def test_a_database_url_is_shown_without_its_password(url: str, shown: str) -> None:
    from storage.db import DatabaseError, hide_password, make_engine

    assert hide_password(url) == shown
    if "port" in url or "//" not in url:  # unreadable: the error names it, password hidden
        with pytest.raises(DatabaseError) as err:
            make_engine(url)
        assert "pa55" not in str(err.value) and "***" in str(err.value)
