"""A work programme is cleaned the same way whether it is pasted or read from a file, and
an action imported before that (its title and import key still with a soft hyphen or a
zero-width space) is found again by a re-import instead of counted as new."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.app import App
from storage.models import Action, Network
from tests.conftest import DemoTemplate
from tests.helpers import TestBot

CH = "#program"
DIRTY = "Mål 1: Sam\u00adfunn og næring\n- Styrke sam\u00adfunns\u200bkontakten\n- Eit tiltak til\n"
CLEAN_TITLE = "Styrke samfunnskontakten"


@pytest.fixture
def tbot(app: App, now: datetime, demo_template: DemoTemplate) -> TestBot:
    demo_template.load(app, now=now)
    bot = TestBot(app)
    bot.run('/partnerbot nettverk ny "Regionrådet Øvre Telemark"', now=now)
    bot.run("/partnerbot koble nettverk Øvre Telemark", channel=CH, now=now)
    return bot


def _titles(bot: TestBot) -> list[tuple[str, str | None]]:
    with bot.app.db.transaction() as s:
        net = s.scalar(select(Network).where(Network.name == "Regionrådet Øvre Telemark"))
        assert net is not None
        rows = s.execute(
            select(Action.title, Action.import_key)
            .where(Action.network_id == net.id)
            .order_by(Action.id)
        )
        return [(title, key) for title, key in rows]


def _import(bot: TestBot, now: datetime, line: str, body: str = "") -> str:
    out = bot.run(line, channel=CH, now=now, body=body)
    return out + "\n" + bot.run("/tiltak importer bekreft", channel=CH, now=now)


def test_a_file_and_a_paste_of_the_same_programme_give_the_same_titles_and_keys(
    tbot: TestBot, now: datetime, tmp_path: Path
) -> None:
    path = tmp_path / "program.txt"
    path.write_text(DIRTY, encoding="utf-8")
    out = _import(tbot, now, f'/tiltak importer fil "{path}"')
    assert "2 nye tiltak" in out, out
    from_file = _titles(tbot)
    assert from_file[0][0] == CLEAN_TITLE, from_file
    out = _import(tbot, now, "/tiltak importer", body=DIRTY)
    assert "0 nye tiltak" in out, out
    assert _titles(tbot) == from_file


def _old_key(network_id: int, goal_number: int, title: str) -> str:
    """The import key as it was computed before titles were cleaned for it."""
    raw = f"{network_id}|{goal_number}|{' '.join(title.casefold().split()).rstrip(' .;,:')}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def test_an_action_imported_before_cleaning_is_not_imported_again(
    tbot: TestBot, now: datetime
) -> None:
    _import(tbot, now, "/tiltak importer", body=DIRTY)
    dirty_title = "Styrke sam\u00adfunns\u200bkontakten"
    with tbot.app.db.transaction() as s:  # as the import stored it before this change
        action = s.scalar(select(Action).where(Action.title == CLEAN_TITLE))
        assert action is not None and action.goal is not None
        action.title = dirty_title
        action.import_key = _old_key(action.network_id, action.goal.number, dirty_title)
    out = _import(tbot, now, "/tiltak importer", body=DIRTY)
    assert "0 nye tiltak" in out, out
    with tbot.app.db.transaction() as s:
        assert (
            s.scalar(
                select(func.count())
                .select_from(Action)
                .where(Action.title.in_([CLEAN_TITLE, dirty_title]))
            )
            == 1
        )
