"""Calendar feeds: the URLs from /partnerbot kalender, what a feed holds (parsed with
icalendar), SEQUENCE when a meeting moves, and 404 for a revoked URL."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar
from starlette.testclient import TestClient

from tests.helpers import TestBot
from tests.web.conftest import PUBLIC, link_path

OSLO = ZoneInfo("Europe/Oslo")


def feed_path(bot: TestBot, line: str = "/partnerbot kalender", who: str = "Ola Nordmann") -> str:
    text = bot.run(line, as_=who)
    assert "webcal://partnerbot.example.no/kalender/" in text, text
    return link_path(text)


def events(client: TestClient, path: str) -> dict[str, dict[str, object]]:
    got = client.get(path)
    assert got.status_code == 200, got.text
    assert got.headers["content-type"].startswith("text/calendar")
    cal = Calendar.from_ical(got.content)
    zones = [c for c in cal.walk("VTIMEZONE")]
    assert [str(z["TZID"]) for z in zones] == ["Europe/Oslo"]
    return {
        str(e["UID"]): {"summary": str(e["SUMMARY"]), "sequence": int(e["SEQUENCE"]), "e": e}
        for e in cal.walk("VEVENT")
    }


def test_the_feed_url_is_stable_until_renewed_and_the_old_one_then_answers_404(
    web_bot: TestBot, client: TestClient
) -> None:
    first = feed_path(web_bot)
    assert feed_path(web_bot) == first  # asking again shows the same private URL
    assert client.get(first).status_code == 200
    renewed = feed_path(web_bot, "/partnerbot kalender ny")
    assert renewed != first
    assert client.get(first).status_code == 404
    assert client.get(renewed).status_code == 200
    assert client.get(first[:-5] + "x.ics").status_code == 404
    assert "kalender ny" in web_bot.run("/partnerbot kalender feil", as_="Ola Nordmann")


def test_the_feed_holds_meetings_hearings_actions_and_conferences(
    web_bot: TestBot, client: TestClient
) -> None:
    web_bot.run("/mote lukk 1 valg 1", as_="Marte Lie")
    web_bot.run(
        '/tiltak ny "Kartlegge ladepunkter" ansvarlig "Ola Nordmann" frist 01.06.2027',
        as_="Ola Nordmann",
    )
    found = events(client, feed_path(web_bot))
    summaries = [e["summary"] for e in found.values()]
    assert "Samhandlingsmøte Tønsberg kommune og fylkeskommunen" in summaries
    assert any(str(s).startswith("Høringsfrist: ") for s in summaries), summaries
    assert any("Kartlegge ladepunkter" in str(s) for s in summaries), summaries
    # UIDs are stable: the same feed fetched again has the same UIDs.
    assert set(events(client, feed_path(web_bot))) == set(found)


def test_sequence_goes_up_when_the_meeting_moves(web_bot: TestBot, client: TestClient) -> None:
    web_bot.run("/mote lukk 1 valg 1", as_="Marte Lie")
    path = feed_path(web_bot)
    title = "Samhandlingsmøte Tønsberg kommune og fylkeskommunen"
    before = {u: e for u, e in events(client, path).items() if e["summary"] == title}
    assert len(before) == 1
    moved = web_bot.run("/mote lukk 1 valg 2", as_="Marte Lie")
    assert re.search(r"flytt|endr|nytt tidspunkt", moved, re.I), moved
    after = {u: e for u, e in events(client, path).items() if e["summary"] == title}
    assert set(after) == set(before)
    uid = next(iter(before))
    assert after[uid]["sequence"] == int(before[uid]["sequence"]) + 1  # type: ignore[call-overload]
    assert after[uid]["e"]["DTSTART"].dt != before[uid]["e"]["DTSTART"].dt  # type: ignore[index]


def test_the_network_feed_for_the_channel_topic(web_bot: TestBot, client: TestClient) -> None:
    web_bot.run("/mote lukk 1 valg 1", as_="Marte Lie")
    path = feed_path(web_bot, "/partnerbot kalender nettverk")
    assert path.startswith("/kalender/nettverk/")
    summaries = [e["summary"] for e in events(client, path).values()]
    assert "Samhandlingsmøte Tønsberg kommune og fylkeskommunen" in summaries
    assert PUBLIC.startswith("https://")


def test_sequence_goes_up_when_a_hearing_deadline_moves(
    web_bot: TestBot, client: TestClient
) -> None:
    made = web_bot.run(
        '/horing ny "Regional plan for kollektivtrafikk" frist 15.09.2027 '
        'mottakere "Horten kommune"',
        as_="Marte Lie",
    )
    number = re.search(r"#(\d+)", made)
    assert number, made
    uid = f"hearing-{number.group(1)}@partnerbot"
    path = feed_path(web_bot)
    before = events(client, path)[uid]
    web_bot.run(f"/horing endre {number.group(1)} frist 22.09.2027", as_="Marte Lie")
    after = events(client, path)[uid]
    assert after["sequence"] == int(before["sequence"]) + 1  # type: ignore[call-overload]
    assert str(after["e"]["DTSTART"].dt) == "2027-09-22"  # type: ignore[index]


def test_a_hearing_deadline_with_a_time_of_day_is_at_that_time(
    web_bot: TestBot, client: TestClient
) -> None:
    """ "frist 15.09.2027 kl 12" is noon, not the whole day: a member who reads the feed must
    not take the afternoon for still open. A deadline typed as a day stays an all-day entry."""
    made = web_bot.run(
        '/horing ny "Regional plan for kollektivtrafikk" frist 15.09.2027 kl 12 '
        'mottakere "Horten kommune"',
        as_="Marte Lie",
    )
    number = re.search(r"#(\d+)", made)
    assert number, made
    uid = f"hearing-{number.group(1)}@partnerbot"
    event = events(client, feed_path(web_bot))[uid]["e"]
    start = event["DTSTART"].dt  # type: ignore[index]
    assert isinstance(start, datetime), start
    assert start.astimezone(OSLO).replace(tzinfo=None) == datetime(2027, 9, 15, 12, 0)
    assert "DTEND" not in event  # type: ignore[operator]
    web_bot.run(f"/horing endre {number.group(1)} frist 16.09.2027", as_="Marte Lie")
    moved = events(client, feed_path(web_bot))[uid]["e"]
    assert str(moved["DTSTART"].dt) == "2027-09-16"  # type: ignore[index]


INJECTED = "Rom 1\nEND:VEVENT\nBEGIN:VEVENT\nUID:falsk\nSUMMARY:Falsk; møte, kl 3"


def test_member_text_in_a_feed_cannot_make_a_second_event(
    web_bot: TestBot, client: TestClient
) -> None:
    made = web_bot.run(
        '/mote ny «Møte; med, tegn "og" <b>» tider tirsdag neste uke 10-12 '
        f'sted "{INJECTED}" agenda "{INJECTED}"',
        as_="Marte Lie",
    )
    number = made.split("#", 1)[1].split()[0].rstrip(".:")
    web_bot.run(f"/mote lukk {number} valg 1", as_="Marte Lie")
    found = events(client, feed_path(web_bot))
    assert "falsk" not in found and not [e for e in found.values() if e["summary"] == "Falsk"]
    ours = [e["e"] for e in found.values() if str(e["summary"]).startswith("Møte; med, tegn")]
    assert len(ours) == 1, [e["summary"] for e in found.values()]
    # a place is one line (the agenda keeps its lines)
    assert str(ours[0]["LOCATION"]) == " ".join(INJECTED.split())  # type: ignore[index]
    assert str(ours[0]["DESCRIPTION"]).endswith(INJECTED)  # type: ignore[index]
