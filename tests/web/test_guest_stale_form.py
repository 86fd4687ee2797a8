"""A form whose CSRF token went stale (the phone dropped the cookie: the browser was
closed, the tab restored) saves nothing and comes back filled in, in the guest's
language, saying to press save again; that second press saves once."""

from __future__ import annotations

import re

from starlette.testclient import TestClient

from tests.helpers import TestBot
from tests.web.test_guest_conference import full_conference, status_of
from tests.web.test_guest_double_submit import POLL_FORM, filled, web_guests
from tests.web.test_guest_poll import guest_link, guest_votes


def words(page: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def test_a_stale_poll_form_comes_back_filled_in_and_saves_on_the_next_press(
    web_bot: TestBot, client: TestClient
) -> None:
    path = guest_link(web_bot) + "?lang=nn"
    form = filled(client.get(path).text, **POLL_FORM)
    client.cookies.clear()
    stale = client.post(path, data=form)
    assert stale.status_code == 403
    text = words(stale.text)
    assert "Ingenting er lagra" in text
    assert (
        "Skjemaet hadde gått ut, så svaret er ikkje lagra. Sjå over og trykk «Lagre svaret» igjen."
        in text
    ), text
    assert 'value="Siri Dahl"' in stale.text and 'value="Holmestrand kommune"' in stale.text
    assert 'name="slot2" value="maybe" checked' in stale.text
    assert web_guests(web_bot) == 0 and guest_votes(web_bot) == 0
    again = client.post(path, data=filled(stale.text, **POLL_FORM))
    assert again.status_code == 303
    assert web_guests(web_bot) == 1 and guest_votes(web_bot) == 3


def test_a_stale_registration_comes_back_filled_in_english(
    web_bot: TestBot, client: TestClient
) -> None:
    number, path = full_conference(web_bot)
    fields = {"name": "Nils Berg", "organisation": "NHO", "email": "nils@example.no"}
    form = filled(client.get(path + "?lang=en").text, **fields, choice="register")
    client.cookies.clear()
    stale = client.post(path + "?lang=en", data=form)
    assert stale.status_code == 403
    assert (
        "The form had expired, so nothing is saved. Check it and press your choice again."
        in words(stale.text)
    )
    assert 'value="nils@example.no"' in stale.text
    assert status_of(web_bot, number, "Nils Berg") is None
    assert (
        client.post(path, data=filled(stale.text, **fields, choice="register")).status_code == 303
    )
    assert status_of(web_bot, number, "Nils Berg") == "waitlisted"


def test_a_stale_form_with_made_up_slot_fields_comes_back_without_them(
    web_bot: TestBot, client: TestClient
) -> None:
    path = guest_link(web_bot)
    form = filled(client.get(path).text, **POLL_FORM)
    client.cookies.clear()
    for odd in ("slot" + "9" * 5000, "slot²", "slot0", "slot-1"):
        stale = client.post(path, data={**form, odd: "yes"})
        assert stale.status_code == 403, odd
        assert 'name="slot1" value="yes" checked' in stale.text
    assert web_guests(web_bot) == 0
