"""A guest comes back to a poll after it was closed into a meeting, after the meeting
moved and after it was called off: the page says which, in the guest's language, and
gives the meeting's calendar file (the same UID each time, SEQUENCE up, a CANCEL last)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from icalendar import Calendar
from starlette.testclient import TestClient

from bot.dates import format_datetime
from storage.models import Poll
from tests.helpers import TestBot
from tests.web.conftest import csrf_of
from tests.web.test_guest_poll import POLL, guest_link, guest_votes, vote

# Words only bokmål writes: none may show on a nynorsk page.
BOKMAL = ("ikke", "Sted", "Navn", "lukket", "lagret", "satt til", "flyttet", "tirsdag", "noe ")


def bokmal_in(text: str) -> list[str]:
    return [w for w in BOKMAL if re.search(rf"\b{w.strip()}\b", text)]


def words(page: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def ics_of(client: TestClient, page: str) -> dict[str, object]:
    found = re.search(r'href="(/m/[^"]+\.ics)"', page)
    assert found, words(page)
    got = client.get(found.group(1))
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/calendar")
    cal = Calendar.from_ical(got.content)
    (event,) = cal.walk("VEVENT")
    return {
        "method": str(cal["METHOD"]),
        "uid": str(event["UID"]),
        "sequence": int(event["SEQUENCE"]),
        "status": str(event["STATUS"]),
        "start": event["DTSTART"].dt.strftime("%d.%m %H:%M"),
    }


def test_closed_moved_and_called_off_each_say_so_with_the_meetings_calendar_file(
    web_bot: TestBot, client: TestClient
) -> None:
    own = vote(client, guest_link(web_bot)).headers["location"].split("?")[0]  # type: ignore[attr-defined]
    web_bot.run(f"/mote lukk {POLL} valg 1", as_="Marte Lie")
    page = client.get(own + "?lang=nn").text
    text = words(page)
    assert "Møtet er sett til tysdag 8. desember kl. 10:00–12:00." in text, text
    assert not bokmal_in(text), text
    first = ics_of(client, page)
    assert first["status"] == "CONFIRMED" and first["start"] == "08.12 10:00"

    web_bot.run(f"/mote lukk {POLL} valg 2", as_="Marte Lie")
    page = client.get(own + "?lang=nn").text
    text = words(page)
    assert "Møtet er flytta til onsdag 9. desember kl. 13:00–15:00." in text, text
    assert not bokmal_in(text), text
    moved = ics_of(client, page)
    assert moved["uid"] == first["uid"] and moved["sequence"] == 1
    assert moved["start"] == "09.12 13:00"

    web_bot.run(f'/mote avlys {POLL} "Saka er løyst"', as_="Marte Lie")
    page = client.get(own, headers={"Accept-Language": "nn-NO,nn;q=0.9,nb;q=0.8"}).text
    text = words(page)
    assert "Avlyst: møtet onsdag 9. desember kl. 13:00–15:00 blir ikkje noko av." in text, text
    assert not bokmal_in(text), text
    called_off = ics_of(client, page)
    assert called_off["uid"] == first["uid"] and called_off["sequence"] == 2
    assert called_off["method"] == "CANCEL" and called_off["status"] == "CANCELLED"
    # the public link shows the same in English
    english = words(client.get(guest_link(web_bot), params={"lang": "en"}).text)
    assert "Called off: the meeting Wednesday 9 December 13:00–15:00" in english, english


def test_a_form_posted_after_the_poll_closed_says_nothing_was_saved_and_why(
    web_bot: TestBot, client: TestClient
) -> None:
    path = guest_link(web_bot)
    page = client.get(path + "?lang=nn").text
    web_bot.run(f"/mote lukk {POLL} valg 1", as_="Marte Lie")
    form = {"csrf": csrf_of(page), "name": "", "organisation": "Holmestrand kommune"}
    late = client.post(path + "?lang=nn", data={**form, "slot1": "yes"})
    assert late.status_code == 409
    text = words(late.text)
    assert "Ingenting er lagra" in text
    assert "Pollen vart lukka før svaret ditt kom fram, så det er ikkje lagra." in text, text
    assert "/mote" not in text and "Skriv namnet ditt" not in text  # no chat command, no form
    assert "Møtet er sett til tysdag 8. desember" in text
    assert guest_votes(web_bot) == 0


def test_past_the_svarfrist_before_a_time_is_chosen_the_page_says_to_come_back(
    web_bot: TestBot, client: TestClient
) -> None:
    path = guest_link(web_bot)
    with web_bot.app.db.transaction() as s:
        poll = s.get(Poll, POLL)
        assert poll is not None
        poll.closes_at = datetime.now(UTC) - timedelta(minutes=5)
        closed = format_datetime(poll.closes_at, "nn", web_bot.app.settings.tz)
    page = client.get(path + "?lang=nn")
    text = words(page.text)
    assert f"Svarfristen gjekk ut {closed}. Når tidspunktet er valt, står det her." in text, text
    assert 'type="radio"' not in page.text and not bokmal_in(text)


def test_closed_at_the_svarfrist_the_page_still_says_to_come_back_until_a_time_is_chosen(
    web_bot: TestBot, client: TestClient
) -> None:
    """Review: the dispatcher closes the poll at its svarfrist within a tick; without
    `velg automatisk` the organiser may choose days later, and the page meanwhile said
    only that the poll was closed."""
    path = guest_link(web_bot)
    closes = datetime.now(UTC) - timedelta(minutes=5)
    with web_bot.app.db.transaction() as s:
        poll = s.get(Poll, POLL)
        assert poll is not None
        poll.closes_at = closes
        poll.state = "closed"  # what the svarfrist's close row does (poll_outbox.close)
        closed = format_datetime(closes, "nn", web_bot.app.settings.tz)
    text = words(client.get(path + "?lang=nn").text)
    assert f"Svarfristen gjekk ut {closed}. Når tidspunktet er valt, står det her." in text, text
    web_bot.run(f"/mote lukk {POLL} valg 1", as_="Marte Lie")
    text = words(client.get(path + "?lang=nn").text)
    assert "Svarfristen gjekk ut" not in text


def test_the_own_link_after_the_close_still_shows_what_the_guest_answered(
    web_bot: TestBot, client: TestClient
) -> None:
    own = vote(client, guest_link(web_bot)).headers["location"].split("?")[0]  # type: ignore[attr-defined]
    web_bot.run(f"/mote lukk {POLL} valg 1", as_="Marte Lie")
    page = client.get(own + "?lang=nn").text
    assert re.search(r"<th scope=\"col\">Svaret ditt</th>", page), words(page)
    mine = re.findall(r'<td class="mine">([^<]+)</td>', page)
    assert mine == ["Ja", "Om naudsynt", "Nei"], words(page)
    public = client.get(guest_link(web_bot) + "?lang=nn").text
    assert 'class="mine"' not in public  # the public link is nobody's
