"""One time-zone rule: a row is shown in the zone recorded when it was scheduled, else in
PARTNERBOT_TIMEZONE (never a zone written into a handler)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot import demo
from bot.app import App
from bot.zones import row_zone, zone_named
from storage.db import Database
from storage.models import Base, OutboxMessage
from tests.conftest import make_settings, sqlite_url
from tests.helpers import TestBot

NEW_YORK = ZoneInfo("America/New_York")


def test_a_row_without_a_zone_or_with_an_unknown_one_is_shown_in_the_bots_zone(
    tmp_path: Path,
) -> None:
    settings = make_settings(sqlite_url(tmp_path), PARTNERBOT_TIMEZONE="America/New_York")
    for payload, zone in [
        ({"tz": "Europe/Oslo"}, ZoneInfo("Europe/Oslo")),
        ({"tz": "Mars/Olympus"}, NEW_YORK),
        ({}, NEW_YORK),
        (None, NEW_YORK),
    ]:
        assert row_zone(OutboxMessage(payload=payload), settings) == zone
    assert zone_named("", NEW_YORK) == NEW_YORK


def test_a_hearing_reminder_scheduled_without_a_zone_reads_in_partnerbot_timezone(
    tmp_path: Path,
) -> None:
    settings = make_settings(sqlite_url(tmp_path), PARTNERBOT_TIMEZONE="America/New_York")
    db = Database.from_url(settings.database_url)
    Base.metadata.create_all(db.engine)
    demo.load(db, settings)
    bot = TestBot(App.build(settings, db))
    now = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
    bot.run('/horing ny "Planstrategi" frist 15.09 påminn 1d mottakere "Horten kommune"', now=now)
    with db.transaction() as s:
        for row in s.scalars(select(OutboxMessage).where(OutboxMessage.object_type == "hearing")):
            row.payload = {k: v for k, v in (row.payload or {}).items() if k != "tz"}
    ((_, text),) = bot.dispatch(datetime(2026, 9, 14, 13, 0, tzinfo=UTC))  # 09:00 in New York
    # 23:59 in New York: Europe/Oslo would read 16 September at 05:59.
    assert "15. september 2026 kl 23:59" in text, text
    db.dispose()
