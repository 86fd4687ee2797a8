"""The adapter contract (bot/adapters/contract.py), the same cases for every adapter:
console, Slack (signed HTTP into the web app, fake Web API) and Teams (Bot Framework
JWTs into /api/messages, fake Bot Connector). A case is skipped only by a capability the
adapter declares, never silently."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.adapters.contract import Adapter
from bot.i18n import language_from_locale
from bot.messages import Command, File, Reply
from tests.adapters.contract.drivers import Driver, driver_for
from tests.conftest import DemoTemplate

PLATFORMS = ["console", "slack", "teams"]
# What a member might type to dress their text as markup: a channel ping (Slack), a
# mention (Teams), a terminal control sequence (console).
INJECTED = "<!channel> <at>Alle</at> \x1b[2J Viktig"


@pytest.fixture(params=PLATFORMS)
def driver(
    request: pytest.FixtureRequest, tmp_path: Path, demo_template: DemoTemplate
) -> Iterator[Driver]:
    with driver_for(request.param, tmp_path, demo_template) as d:
        yield d


def test_each_adapter_satisfies_the_contract(driver: Driver) -> None:
    assert isinstance(driver.adapter, Adapter)


def test_a_command_gets_its_answer(driver: Driver) -> None:
    received = driver.command("partnerbot hjelp", containing="horing")
    assert "/horing" in received.text or "horing " in received.text


def test_an_answer_only_the_asker_needs_is_private_where_the_platform_can(
    driver: Driver,
) -> None:
    """Help is ephemeral: only the asker sees it on a platform with ephemeral answers; on
    one without (the capability says so) it arrives where they wrote."""
    received = driver.command("partnerbot hjelp", containing="horing")
    assert received.private is driver.adapter.capabilities.ephemeral


def test_a_posted_card_is_updated_in_place(driver: Driver) -> None:
    adapter = driver.adapter
    if not adapter.capabilities.card_updates:
        pytest.skip(f"{adapter.platform}: capabilities.card_updates is False")
    driver.command("partnerbot hjelp", containing="horing")  # the bot has been in the channel
    posted = adapter.post(driver.channel, Reply.text("Avstemning: 0 svar", visibility="channel"))
    assert posted[1]
    assert adapter.update(posted, Reply.text("Avstemning: 3 svar", visibility="channel"))
    assert "3 svar" in driver.shown(posted)


def test_an_adapter_without_card_updates_says_so_when_asked(driver: Driver) -> None:
    adapter = driver.adapter
    if adapter.capabilities.card_updates:
        pytest.skip(f"{adapter.platform}: capabilities.card_updates is True (case above)")
    posted = adapter.post(driver.channel, Reply.text("Avstemning: 0 svar", visibility="channel"))
    assert adapter.update(posted, Reply.text("Avstemning: 3 svar")) is False


def test_a_file_arrives_or_a_link_to_it(driver: Driver) -> None:
    adapter = driver.adapter
    data = "tiltak;status\nMobildekning;pågår\n".encode()
    links = adapter.upload(driver.channel, [File("tiltak.csv", data, "text/csv")])
    if adapter.capabilities.files:
        assert data in driver.file_arrived("tiltak.csv")
    else:
        assert len(links) == 1
        assert driver.fetch(links[0]) == data


def test_profile_gives_name_locale_and_time_zone(driver: Driver) -> None:
    account = {"console": "Ola Hansen", "slack": "U_OLA", "teams": "aad-ola"}[
        driver.adapter.platform
    ]
    driver.person(account, "Ola Hansen", "en-GB", "Europe/London")
    profile = driver.adapter.profile(account)
    assert profile.name == "Ola Hansen"
    assert language_from_locale(profile.locale) == "en"
    if driver.adapter.platform != "console":  # the console has no time zone of its own
        assert profile.timezone == "Europe/London"


def test_user_text_that_tries_markup_arrives_escaped(driver: Driver) -> None:
    received = driver.command(
        f'horing ny "{INJECTED}" frist om 20 dager mottakere "NAV" nettverk infrastruktur',
        containing="Viktig",
    )
    driver.assert_inert(received)


def test_answer_reaches_the_asker(driver: Driver) -> None:
    """The contract's answer(command, reply), outside a request."""
    adapter = driver.adapter
    user = {"console": "Ingrid Berg", "slack": "U_ADMIN", "teams": "aad-ingrid"}[adapter.platform]
    driver.command("partnerbot meg", containing="")  # the member and the channel are known
    command = Command(
        platform=adapter.platform,
        user_id=user,
        user_name="Ingrid Berg",
        channel_id=driver.channel,
        name="partnerbot",
        text="",
    )
    adapter.answer(command, Reply.text("Svar til deg"))
    assert "Svar til deg" in driver.last_text()
