"""A partner comes back to a conference's guest page after it changed: called off, past
its registration deadline, moved. The page says which, in nb, nn and en; a form sent
anyway is refused with 'nothing was saved' and why; after the deadline a registered
guest can still cancel."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from starlette.testclient import TestClient

from bot.dates import format_datetime
from storage.models import Conference
from tests.helpers import TestBot
from tests.web.conftest import csrf_of, link_path
from tests.web.test_guest_conference import answer, full_conference, status_of

BOKMAL = ("ikke", "Sted", "Navn", "lukket", "lagret", "endret", "stengte", "noe ")


def bokmal_in(text: str) -> list[str]:
    return [w for w in BOKMAL if re.search(rf"\b{w.strip()}\b", text)]


def words(page: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def own_link(client: TestClient, path: str) -> str:
    done = answer(client, path, "register")
    assert done.status_code == 303  # type: ignore[attr-defined]
    return done.headers["location"].split("?")[0]  # type: ignore[attr-defined]


def test_a_called_off_conference_says_so_and_takes_no_answer(
    web_bot: TestBot, client: TestClient
) -> None:
    number, path = full_conference(web_bot)
    own = own_link(client, path)
    page = client.get(own + "?lang=nn").text
    web_bot.run(f'/konferanse avlys {number} "For få påmelde"')
    after = client.get(own + "?lang=nn")
    text = words(after.text)
    assert "Avlyst: «Fagdag trafikksikkerhet» blir ikkje noko av." in text, text
    assert "ventelista" not in text and 'name="choice"' not in after.text
    assert "Denne kalenderfila (.ics) markerer han som avlyst" in text
    assert not bokmal_in(text), text
    english = words(client.get(path + "?lang=en").text)
    assert "Called off: “Fagdag trafikksikkerhet” will not take place." in english, english
    late = client.post(
        own + "?lang=nn",
        data={
            "csrf": csrf_of(page),
            "name": "Guri Gjest",
            "organisation": "Telemark",
            "email": "guri@example.no",
            "choice": "cancel",
        },
    )
    assert late.status_code == 409
    assert "Ingenting er lagra" in words(late.text)
    assert status_of(web_bot, number, "Guri Gjest") == "waitlisted"


def test_after_the_deadline_the_page_says_when_it_closed_and_a_guest_may_still_cancel(
    web_bot: TestBot, client: TestClient
) -> None:
    number, path = full_conference(web_bot)
    own = own_link(client, path)
    with web_bot.app.db.transaction() as s:
        conf = s.get(Conference, number)
        assert conf is not None
        conf.registration_deadline = datetime.now(UTC) - timedelta(minutes=1)
        closed = format_datetime(conf.registration_deadline, "nn", web_bot.app.settings.tz)
    public = client.get(path + "?lang=nn")
    text = words(public.text)
    assert f"Påmeldinga stengde {closed}." in text, text
    assert 'name="choice"' not in public.text and not bokmal_in(text)
    mine = client.get(own + "?lang=nn").text
    assert 'value="cancel"' in mine and 'value="register"' not in mine
    refused = answer(client, own + "?lang=nn", "register")
    assert refused.status_code == 409  # type: ignore[attr-defined]
    assert "Ingenting er lagra" in words(refused.text)  # type: ignore[attr-defined]
    assert answer(client, own, "cancel").status_code == 303  # type: ignore[attr-defined]
    assert status_of(web_bot, number, "Guri Gjest") == "cancelled"


def test_a_moved_conference_says_it_changed_and_to_fetch_the_calendar_file_again(
    web_bot: TestBot, client: TestClient
) -> None:
    number, path = full_conference(web_bot)
    assert "endra" not in words(client.get(path + "?lang=nn").text)
    web_bot.run(f'/konferanse endre {number} dato 12.03.2027 kl 10-14 sted "Quality Hotel"')
    for lang, said in (
        ("nb", "Konferansen er endret etter at den ble kunngjort"),
        ("nn", "Konferansen er endra etter at han vart kunngjord"),
        ("en", "The conference has changed since it was announced"),
    ):
        text = words(client.get(f"{path}?lang={lang}").text)
        assert said in text and "12" in text, text


def test_a_conference_not_yet_announced_says_when_registration_opens_and_links_no_ics(
    web_bot: TestBot, client: TestClient
) -> None:
    made = web_bot.run('/konferanse ny "Fagdag" dato 10.03.2027 kl 09-15 plasser 10')
    number = re.search(r"#(\d+)", made)
    assert number, made
    path = link_path(web_bot.run(f"/konferanse lenke {number.group(1)}"))
    page = client.get(path + "?lang=nn")
    text = words(page.text)
    assert "Påmeldinga opnar når konferansen er kunngjord." in text, text
    assert ".ics" not in page.text and 'name="choice"' not in page.text
    assert client.get(path + ".ics").status_code == 404  # nothing to put in a calendar yet
