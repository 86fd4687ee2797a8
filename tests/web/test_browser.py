"""Pages in headless Chromium: a guest votes with the keyboard only, a guest is waitlisted
on a full conference, the dashboard shows the imported programme, a poll's meeting page
on a phone in nynorsk; a screenshot of each
page in the test's tmp folder, and axe-core finds nothing serious or critical."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.web.app import build_web_app
from bot.web.routes import page_routes
from tests.helpers import TestBot
from tests.web import browser
from tests.web.conftest import PUBLIC
from tests.web.test_dashboard import counts, imported
from tests.web.test_guest_conference import full_conference, status_of
from tests.web.test_guest_double_submit import web_guests
from tests.web.test_guest_poll import guest_votes

pytestmark = pytest.mark.browser


@pytest.fixture
def live(web_bot: TestBot) -> Iterator[browser.LiveServer]:
    browser.require_browser()
    app = build_web_app(web_bot.app.db, page_routes(web_bot.app.db, web_bot.app.settings))
    with browser.LiveServer(app) as server:
        yield server


@pytest.fixture
def page(live: browser.LiveServer, tmp_path: Path) -> Iterator[Any]:
    yield from browser.browser_page(tmp_path)


@pytest.fixture
def axe() -> Path:
    found = browser.axe_js()
    if found is None:
        pytest.skip("axe-core is not available (npm install axe-core, or PARTNERBOT_AXE_JS)")
    return found


def local(live: browser.LiveServer, path_under_public: str) -> str:
    return live.url + path_under_public.removeprefix(PUBLIC)


def check(page: Any, axe: Path, shot: Path) -> None:
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 1000
    assert browser.serious_violations(page, axe) == []


def focused(page: Any) -> str:
    return str(
        page.evaluate(
            "() => (document.activeElement.name || '') + '=' + (document.activeElement.value || '')"
        )
    )


def tab_to(page: Any, name: str) -> None:
    for _ in range(30):
        page.keyboard.press("Tab")
        if focused(page).startswith(name + "="):
            return
    raise AssertionError(f"Tab never reached {name}")


def test_a_guest_votes_with_the_keyboard_only_and_it_shows_in_mote_vis(
    web_bot: TestBot, live: browser.LiveServer, page: Any, axe: Path, tmp_path: Path
) -> None:
    link = web_bot.run("/mote lenke 1", as_="Marte Lie").split()[-1]
    page.goto(local(live, link))
    assert page.get_attribute("html", "lang") == "nb"
    check(page, axe, tmp_path / "poll.png")
    tab_to(page, "slot1")
    page.keyboard.press("Space")  # yes
    tab_to(page, "slot2")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")  # if need be
    tab_to(page, "slot3")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # no
    tab_to(page, "name")
    page.keyboard.type("Kåre Tastatur")
    tab_to(page, "organisation")
    page.keyboard.type("Porsgrunn kommune")
    page.keyboard.press("Enter")
    page.wait_for_selector(".saved")
    assert "Svaret ditt er lagret" in page.inner_text("main")
    check(page, axe, tmp_path / "poll-saved.png")
    shown = web_bot.run("/mote vis 1", as_="Ola Nordmann")
    assert "Kåre Tastatur (gjest)" in shown
    row = next(line for line in shown.splitlines() if "Kåre Tastatur" in line)
    assert row.split()[-3:] == ["✓", "~", "✗"]


def test_errors_are_announced_and_focusable(
    web_bot: TestBot, live: browser.LiveServer, page: Any, axe: Path, tmp_path: Path
) -> None:
    link = web_bot.run("/mote lenke 1", as_="Marte Lie").split()[-1]
    page.goto(local(live, link))
    page.click("button[type=submit]")
    alert = page.wait_for_selector("[role=alert]")
    assert "Skriv navnet ditt." in alert.inner_text()
    check(page, axe, tmp_path / "poll-errors.png")


def test_a_guest_registers_for_a_full_conference_and_is_waitlisted(
    web_bot: TestBot, live: browser.LiveServer, page: Any, axe: Path, tmp_path: Path
) -> None:
    number, path = full_conference(web_bot)
    page.goto(local(live, path))
    check(page, axe, tmp_path / "conference.png")
    page.fill("#name", "Guri Gjest")
    page.fill("#organisation", "Telemark fylkeskommune")
    page.fill("#email", "guri@example.no")
    page.click("button[value=register]")
    page.wait_for_selector(".saved")
    assert "venteliste" in page.inner_text("main").lower()
    check(page, axe, tmp_path / "conference-waitlisted.png")
    assert status_of(web_bot, number, "Guri Gjest") == "waitlisted"


def test_the_dashboard_shows_the_imported_vest_telemark_programme(
    web_bot: TestBot, live: browser.LiveServer, page: Any, axe: Path, tmp_path: Path
) -> None:
    path = imported(web_bot)
    goals, actions = counts(web_bot)
    page.goto(local(live, path))
    assert page.locator("tr.action").count() == actions == 33
    assert page.locator("main h2").count() == goals == 4
    check(page, axe, tmp_path / "dashboard.png")
    page.select_option("#mal", "3")
    page.click(".filters button")
    page.wait_for_url("**mal=3**")
    assert page.locator("tr.action").count() == 7
    page.emulate_media(media="print")
    page.screenshot(path=str(tmp_path / "dashboard-print.png"), full_page=True)


# A double tap is tested over HTTP (test_guest_double_submit.py): Chromium sends one form
# of two clicks in a row; a second post comes from a tap while the first is on its way,
# which a test cannot time without waiting.
def test_a_guest_answers_on_a_phone_and_the_meeting_page_fits_the_screen(
    web_bot: TestBot,
    live: browser.LiveServer,
    page: Any,
    axe: Path,
    tmp_path: Path,
) -> None:
    link = web_bot.run("/mote lenke 1", as_="Marte Lie").split()[-1]
    page.goto(local(live, link) + "?lang=nn")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390  # no side scroll
    for slot in (1, 2, 3):
        page.check(f"input[name=slot{slot}][value=yes]")
    page.fill("#name", "Siri Dahl")
    page.fill("#organisation", "Holmestrand kommune")
    page.click("button[type=submit]")
    page.wait_for_selector(".saved")
    assert "Svaret ditt er lagra" in page.inner_text("main")
    assert web_guests(web_bot) == 1 and guest_votes(web_bot) == 3
    own = page.url.split("?")[0]
    web_bot.run("/mote lukk 1 valg 1", as_="Marte Lie")
    page.goto(own + "?lang=nn")
    main = page.inner_text("main")
    assert "Møtet er sett til tysdag" in main, main
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    check(page, axe, tmp_path / "poll-meeting-nn.png")
