"""A hearing's link reaches the calendar feed as the event's URL only as a whole web address:
`www.…` is stored as `https://www.…` (a calendar reads a bare `www.…` as a relative URL),
and a row stored before links were checked (`javascript:…`) is left out of the feed."""

from __future__ import annotations

import re

from sqlalchemy import update
from starlette.testclient import TestClient

from storage.models import Hearing
from tests.helpers import TestBot
from tests.web.test_feeds import events, feed_path


def _new_hearing(bot: TestBot, link: str) -> str:
    made = bot.run(
        f'/horing ny "Regional plan for kollektivtrafikk" frist 15.09.2027 '
        f'mottakere "Horten kommune" lenke {link}',
        as_="Marte Lie",
    )
    number = re.search(r"#(\d+)", made)
    assert number, made
    return number.group(1)


def test_a_www_link_is_stored_and_put_in_the_feed_with_https(
    web_bot: TestBot, client: TestClient
) -> None:
    number = _new_hearing(web_bot, "www.vestfold.no/plan")
    shown = web_bot.run(f"/horing vis {number}", as_="Marte Lie")
    assert "https://www.vestfold.no/plan" in shown, shown
    event = events(client, feed_path(web_bot))[f"hearing-{number}@partnerbot"]["e"]
    assert str(event["URL"]) == "https://www.vestfold.no/plan"  # type: ignore[index]


def test_an_old_link_that_is_no_web_address_is_left_out_of_the_feed(
    web_bot: TestBot, client: TestClient
) -> None:
    number = _new_hearing(web_bot, "https://www.vestfold.no/plan")
    for old in ("javascript:alert(1)", "www.example.no"):  # as stored before the check
        with web_bot.app.db.transaction() as session:
            session.execute(update(Hearing).where(Hearing.id == int(number)).values(link=old))
        event = events(client, feed_path(web_bot))[f"hearing-{number}@partnerbot"]["e"]
        assert "URL" not in event, (old, event)  # type: ignore[operator]
