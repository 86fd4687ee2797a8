"""Alembic environment: runs migrations on the engine that partnerbot hands in."""

from alembic import context
from sqlalchemy.engine import Connection

from storage.db import Database
from storage.models import Base

config = context.config
target_metadata = Base.metadata


def _pragma(connection: Connection, statement: str) -> None:
    """On the driver's connection: through SQLAlchemy it would first BEGIN (storage.db
    begins every transaction), and SQLite ignores this pragma inside one."""
    cursor = connection.connection.cursor()
    cursor.execute(statement)
    cursor.close()


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:  # plain `alembic` command line: use DATABASE_URL via settings
        from bot.config import load_settings

        engine = Database.from_url(load_settings().database_url).engine
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Rebuilding a table (batch mode) drops the old one: with foreign keys on, that
            # would cascade to the rows that point at it. Off for the migration only (it
            # must be set outside a transaction), checked and back on afterwards.
            _pragma(connection, "PRAGMA foreign_keys=OFF")
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=sqlite,
        )
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration left broken references: {broken[:5]}")
        connection.commit()
        if sqlite:
            _pragma(connection, "PRAGMA foreign_keys=ON")


run_migrations_online()
