"""Alembic owns the schema: upgrade it, and tell whether a database is up to date."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from storage.db import Database

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
UPGRADE_COMMAND = "partnerbot db upgrade"


class SchemaOutOfDate(Exception):
    """The database schema is older (or newer) than this code; the message names the fix."""


def alembic_config(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = db.engine
    return cfg


def head_revisions(db: Database) -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config(db)).get_heads())


def current_revisions(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def upgrade(db: Database, revision: str = "heads") -> None:
    command.upgrade(alembic_config(db), revision)


def check_up_to_date(db: Database) -> None:
    current, heads = current_revisions(db), head_revisions(db)
    if current != heads:
        state = "empty" if not current else "out of date"
        raise SchemaOutOfDate(f"the database schema is {state}; run `{UPGRADE_COMMAND}` first")


def downgrade(db: Database, revision: str) -> None:
    command.downgrade(alembic_config(db), revision)
