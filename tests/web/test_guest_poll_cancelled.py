"""A guest link to a poll that was called off: the page says so and takes no answers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from starlette.testclient import TestClient

from bot.errors import UserError
from handlers.guest_votes import guest_vote
from storage.models import Member, Poll
from tests.helpers import TestBot
from tests.web.test_guest_poll import POLL, guest_link, guest_votes


def test_a_called_off_poll_says_so_to_the_guest(web_bot: TestBot, client: TestClient) -> None:
    path = guest_link(web_bot)
    web_bot.run(f"/mote avlys {POLL}", as_="Marte Lie")
    page = client.get(path)
    assert page.status_code == 200
    assert "Avlyst: møtet blir ikke noe av" in page.text and 'type="radio"' not in page.text
    # an answer sent anyway (a form loaded before) is refused, saying why
    with web_bot.app.db.transaction() as s, pytest.raises(UserError) as refused:
        poll, member = s.get(Poll, POLL), s.query(Member).first()
        assert poll is not None and member is not None
        guest_vote(s, poll, member, {1: "yes", 2: "yes", 3: "yes"}, now=datetime.now(UTC))
    assert refused.value.key == "page.poll.cancelled_unsaved"
    assert guest_votes(web_bot) == 0
