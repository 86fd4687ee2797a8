"""A plain member refused an organiser's command is told where the role would count and
whom to ask: the partnership of the network the command is about (``nettverk X``), not
the one of the channel it was typed in."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from storage.models import AuditEntry, Goal
from tests.helpers import TestBot

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # Monday 09:00 in Oslo
VESTFOLD_CHANNEL = "#infrastruktur"  # Nettverk for infrastruktur, Politisk partnerskap Vestfold
VEST_TELEMARK = (
    "Bare organisatorer i Vest-Telemarkrådet og administratorer kan gjøre dette. "
    "Be en av dem: Sigrid Aasen, Ingrid Berg."
)
VESTFOLD = "Bare organisatorer i Politisk partnerskap Vestfold og administratorer"


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ('/tiltak mål ny 7 "Betre kollektivtilbod" nettverk vest-telemark', ""),
        ("/partnerbot digest fredag 14:00 nettverk vest-telemark", ""),
        ("/tiltak importer nettverk vest-telemark", "Mål 1: Betre buss\nTiltak:\n • Kartleggje\n"),
    ],
)
def test_a_refusal_names_the_partnership_of_the_network_asked_about(
    bot: TestBot, line: str, body: str
) -> None:
    """Ola Nordmann, a plain member, in a Vestfold channel asks about Vest-Telemark."""
    with bot.app.db.transaction() as s:
        goals = s.scalar(select(func.count()).select_from(Goal))
        audits = s.scalar(select(func.count()).select_from(AuditEntry))
    out = bot.run(line, as_="Ola Nordmann", channel=VESTFOLD_CHANNEL, now=NOW, body=body)
    assert out == VEST_TELEMARK, out
    with bot.app.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Goal)) == goals
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == audits


def test_without_a_network_named_the_channels_partnership_is_named(bot: TestBot) -> None:
    out = bot.run(
        '/tiltak mål ny 7 "Bedre busstilbud"', as_="Ola Nordmann", channel="#infrastruktur", now=NOW
    )
    assert out.startswith(VESTFOLD) and "Marte Lie" in out, out


def test_a_plain_member_naming_no_network_where_one_is_needed_hears_about_the_role(
    bot: TestBot,
) -> None:
    """In a direct message, with several networks to choose from, the no is the role's
    (as before), not a question about which network."""
    out = bot.run("/partnerbot digest fredag 14:00", as_="Per Hansen", channel="@dm", now=NOW)
    assert out.startswith("Bare organisatorer"), out
