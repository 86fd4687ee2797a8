"""Alembic owns the schema: upgrade it, and tell whether a database is up to date.

The check runs at every start of the bot, so it reads the revisions without Alembic: the
migration files' ``revision`` and ``down_revision`` lines, and the ``alembic_version`` table.
Importing Alembic (and Mako and Pygments with it) costs a third of a second of CPU; only
`upgrade` and `downgrade` need it."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from storage.db import Database

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
UPGRADE_COMMAND = "partnerbot db upgrade"
VERSION_TABLE = "alembic_version"  # Alembic's default, which env.py keeps


class SchemaOutOfDate(Exception):
    """The database schema is older (or newer) than this code; the message names the fix."""


def alembic_config(db: Database) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = db.engine
    return cfg


def _revision_lines(file: Path) -> dict[str, object]:
    """The module-level ``revision`` and ``down_revision`` of a migration file."""
    found: dict[str, object] = {}
    for node in ast.parse(file.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
            found[target.id] = ast.literal_eval(value)
    return found


def head_revisions() -> set[str]:
    """The revisions no other migration builds on (Alembic's heads)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for file in (MIGRATIONS / "versions").glob("*.py"):
        lines = _revision_lines(file)
        revisions.add(str(lines["revision"]))
        down = lines.get("down_revision")
        parents.update([down] if isinstance(down, str) else down or ())  # type: ignore[arg-type]
    return revisions - parents


def current_revisions(db: Database) -> set[str]:
    """The revisions the database is at (none when it has no schema yet)."""
    with db.engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return set()
        return set(conn.scalars(text(f"SELECT version_num FROM {VERSION_TABLE}")))


def upgrade(db: Database, revision: str = "heads") -> None:
    from alembic import command

    command.upgrade(alembic_config(db), revision)


def check_up_to_date(db: Database) -> None:
    current, heads = current_revisions(db), head_revisions()
    if current != heads:
        state = "empty" if not current else "out of date"
        raise SchemaOutOfDate(f"the database schema is {state}; run `{UPGRADE_COMMAND}` first")


def downgrade(db: Database, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(db), revision)
