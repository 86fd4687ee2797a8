"""The guest poll page on a phone in headless Chromium, in nynorsk: the answer saved, and
the page of the meeting the poll was closed into fits the screen and passes axe-core.
(A double tap is tested over HTTP, tests/web/test_guest_double_submit.py: Chromium sends
one form of two clicks in a row; the second post comes from a tap while the first is on
its way, which a test cannot time without waiting.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers import TestBot
from tests.web import browser
from tests.web.test_browser import axe, check, live, local, page  # noqa: F401 (fixtures)
from tests.web.test_guest_double_submit import web_guests
from tests.web.test_guest_poll import guest_votes

pytestmark = pytest.mark.browser


def test_a_guest_answers_on_a_phone_and_the_meeting_page_fits_the_screen(
    web_bot: TestBot,
    live: browser.LiveServer,
    page: Any,
    axe: Path,
    tmp_path: Path,  # noqa: F811
) -> None:
    link = web_bot.run("/mote lenke 1", as_="Marte Lie").split()[-1]
    page.goto(local(live, link) + "?lang=nn")
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
