"""Files the bot hands a member (CSV exports, calendar files) are named in the member's
language, and stay safe names: ASCII letters, digits and dashes, no spaces or quotes."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from tests.helpers import TestBot

SAFE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.(?:csv|ics)")
CH = "#infrastruktur"


def named(bot: TestBot, line: str, lang: str, now: datetime) -> str:
    bot.run(f"/partnerbot språk {lang}", now=now)
    (f,) = bot.reply(line, channel=CH, now=now).files
    assert SAFE.fullmatch(f.name), f.name
    return f.name


@pytest.mark.parametrize(
    ("lang", "name"),
    [
        ("nb", "konferanse-1-deltakere.csv"),
        ("nn", "konferanse-1-deltakarar.csv"),
        ("en", "conference-1-participants.csv"),
    ],
)
def test_the_participants_file_is_named_in_the_members_language(
    bot: TestBot, now: datetime, lang: str, name: str
) -> None:
    assert named(bot, "/konferanse deltakere 1", lang, now) == name


@pytest.mark.parametrize(
    ("lang", "name"),
    [("nb", "konferanse-1.ics"), ("nn", "konferanse-1.ics"), ("en", "conference-1.ics")],
)
def test_the_conference_calendar_file_is_named_in_the_members_language(
    bot: TestBot, now: datetime, lang: str, name: str
) -> None:
    assert named(bot, "/konferanse ics 1", lang, now) == name


@pytest.mark.parametrize(
    ("lang", "name"),
    [
        ("nb", "tiltak-alle-nettverk-mine-2026-03-02.csv"),
        ("nn", "tiltak-alle-nettverk-mine-2026-03-02.csv"),
        ("en", "actions-all-networks-mine-2026-03-02.csv"),
    ],
)
def test_the_actions_export_is_named_in_the_members_language(
    bot: TestBot, now: datetime, lang: str, name: str
) -> None:
    bot.run('/tiltak ny "Kartlegge ladepunkter" ansvarlig meg', channel=CH, now=now)
    assert named(bot, "/tiltak eksport mine", lang, now) == name
