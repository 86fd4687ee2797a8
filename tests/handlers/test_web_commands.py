"""Who gets a network's standing web addresses (its calendar feed, its work-programme page)
and who may replace one: the network's members, organisers of its partnership and admins
get them; only organisers of its partnership and admins make a new feed address, since
that stops the old one for everybody who subscribed."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from bot.config import Settings
from handlers import web_links
from storage.db import Database
from storage.models import Network, WebLink
from tests.conftest import make_settings
from tests.helpers import TestBot

PUBLIC = "https://partnerbot.example.no"
CH = "#infrastruktur"
FEED = re.compile(re.escape(PUBLIC) + r"(/kalender/nettverk/\S+)")


@pytest.fixture
def settings(db: Database) -> Settings:
    """The `bot` fixture's settings, with the web pages set up."""
    return make_settings(str(db.engine.url), PARTNERBOT_PUBLIC_URL=PUBLIC)


def feed(out: str) -> str:
    found = FEED.search(out)
    assert found, out
    return found.group(1)


def live_feeds(bot: TestBot) -> list[str]:
    """The hashes of the infrastructure network's feed links still open."""
    with bot.app.db.transaction() as s:
        net = s.scalar(select(Network).where(Network.name == "Nettverk for infrastruktur"))
        assert net is not None
        rows = s.scalars(
            select(WebLink).where(
                WebLink.kind == web_links.NETWORK_FEED,
                WebLink.object_id == net.id,
                WebLink.revoked_at.is_(None),
            )
        ).all()
        return sorted(r.token_hash for r in rows)


def test_a_member_of_the_network_gets_its_feed_and_an_outsider_is_told_whom_to_ask(
    bot: TestBot,
) -> None:
    path = feed(bot.run("/partnerbot kalender nettverk", as_="Ola Nordmann", channel=CH))
    assert feed(bot.run("/partnerbot kalender nettverk", as_="Marte Lie", channel=CH)) == path
    out = bot.run("/partnerbot kalender nettverk", as_="Tone Haugen", channel=CH)
    assert out.startswith("Kalenderstraumen til Nettverk for infrastruktur får medlemene"), out
    assert "Marte Lie" in out and "Ingrid Berg" in out, out
    assert "/kalender/" not in out
    out = bot.run("/partnerbot kalender nettverk", as_="Sigrid Aasen", channel=CH)
    assert "får medlemene" in out and "/kalender/" not in out, out


def test_only_organisers_of_its_partnership_and_admins_replace_the_feed(bot: TestBot) -> None:
    path = feed(bot.run("/partnerbot kalender nettverk", as_="Ola Nordmann", channel=CH))
    before = live_feeds(bot)
    assert len(before) == 1
    out = bot.run("/partnerbot kalender nettverk ny", as_="Ola Nordmann", channel=CH)
    assert out.startswith("En ny adresse stenger den gamle for alle som abonnerer"), out
    assert "Marte Lie" in out, out
    out = bot.run("/partnerbot kalender nettverk ny", as_="Sigrid Aasen", channel=CH)
    assert out.startswith("Kalenderstraumen til Nettverk for infrastruktur får medlemene"), out
    assert live_feeds(bot) == before
    assert feed(bot.run("/partnerbot kalender nettverk", as_="Ola Nordmann", channel=CH)) == path
    renewed = feed(bot.run("/partnerbot kalender nettverk ny", as_="Marte Lie", channel=CH))
    assert renewed != path
    assert live_feeds(bot) != before and len(live_feeds(bot)) == 1


def test_the_work_programme_page_is_given_to_the_network_not_to_anyone(bot: TestBot) -> None:
    assert f"{PUBLIC}/" in bot.run("/tiltak tavle", as_="Ola Nordmann", channel=CH)
    out = bot.run("/tiltak tavle", as_="Tone Haugen", channel=CH)
    assert out.startswith("Nettsida med arbeidsprogrammet til Nettverk for infrastruktur"), out
    assert "`/tiltak liste`" in out and PUBLIC not in out, out
    # Reading stays open: the list is shown, without the page's address.
    assert "#" in bot.run('/tiltak ny "Kartlegge ladepunkter"', as_="Ola Nordmann", channel=CH)
    listed = bot.run("/tiltak liste", as_="Tone Haugen", channel=CH)
    assert "Kartlegge ladepunkter" in listed and PUBLIC not in listed, listed
    assert f"{PUBLIC}/" in bot.run("/tiltak liste", as_="Ola Nordmann", channel=CH)


def test_the_network_is_named_after_nettverk_where_no_channel_says_which(bot: TestBot) -> None:
    """In a direct message the bot asks which network; `kalender nettverk infrastruktur`
    names it (the answer to "add `nettverk <name>`"), with `ny` after the name to replace."""
    dm = "D-ola"
    asked = bot.run("/partnerbot kalender nettverk", as_="Ola Nordmann", channel=dm)
    assert asked.startswith("Hvilket nettverk gjelder det?"), asked
    path = feed(bot.run("/partnerbot kalender nettverk", as_="Ola Nordmann", channel=CH))
    named = bot.run("/partnerbot kalender nettverk infrastruktur", as_="Ola Nordmann", channel=dm)
    assert feed(named) == path
    out = bot.run('/partnerbot kalender nettverk "Vest-Telemark"', as_="Ola Nordmann", channel=dm)
    assert out.startswith("Kalenderstrømmen til Arbeidsprogram Vest-Telemark får medlemmene"), out
    renewed = bot.run("/partnerbot kalender nettverk infrastruktur ny", as_="Marte Lie", channel=dm)
    assert feed(renewed) != path


def test_organisers_replace_the_work_programme_page_and_the_old_address_stops(
    bot: TestBot,
) -> None:
    page = re.compile(re.escape(PUBLIC) + r"(/\S+)")
    first = page.search(bot.run("/tiltak tavle", as_="Ola Nordmann", channel=CH))
    assert first, "no link"
    out = bot.run("/tiltak tavle ny", as_="Ola Nordmann", channel=CH)
    assert out.startswith("En ny adresse stenger den gamle for alle som har nettsiden"), out
    assert page.search(bot.run("/tiltak tavle", as_="Ola Nordmann", channel=CH))[1] == first[1]  # type: ignore[index]
    renewed = bot.run("/tiltak tavle ny", as_="Marte Lie", channel=CH)
    assert renewed.startswith("Den gamle adressen er stengt."), renewed
    new = page.search(renewed)
    assert new and new[1] != first[1]
    assert page.search(bot.run("/tiltak tavle", as_="Ola Nordmann", channel=CH))[1] == new[1]  # type: ignore[index]
    assert "Jeg forstod ikke «feil»" in bot.run("/tiltak tavle feil", as_="Marte Lie", channel=CH)
