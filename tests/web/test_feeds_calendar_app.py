"""The calendar feeds read as a calendar app reads them (RFC 5545, parsed back with
icalendar): CRLF lines of at most 75 octets, a day without a time as an all-day event,
hearing deadlines (23:59 local) on their own day in winter and summer, called-off
meetings and conferences kept as STATUS:CANCELLED with a higher SEQUENCE under the same
UID, and a replaced network feed answering 404."""

from __future__ import annotations

import re
from datetime import date

from icalendar import Calendar
from starlette.testclient import TestClient

from tests.helpers import TestBot
from tests.web.test_feeds import events, feed_path

LONG = "Regional plan for samferdsel, næring og klima; del 2 – høring av «utkast» æøå æøå"


def number(reply: str) -> str:
    found = re.search(r"#(\d+)", reply)
    assert found, reply
    return found.group(1)


def all_day_conference(bot: TestBot) -> str:
    made = bot.run(
        '/konferanse ny "Heldagsseminar, del 1; plan" dato 15. april 2027 plasser 10 '
        'påmeldingsfrist 1. april 2027 publikum "Nettverk for infrastruktur"'
    )
    conf = number(made)
    bot.run(f"/konferanse kunngjør {conf}")
    bot.run(f"/konferanse meld på {conf}", as_="Ola Nordmann")
    return conf


def test_lines_are_folded_at_75_octets_with_crlf_and_read_back_whole(
    web_bot: TestBot, client: TestClient
) -> None:
    web_bot.run(f'/horing ny "{LONG}" frist 15.09.2027 mottakere "Horten kommune"', as_="Marte Lie")
    body = client.get(feed_path(web_bot)).content
    lines = body.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in b"".join(lines)  # every line ends in CRLF
    assert max(len(line) for line in lines) <= 75
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(body).walk("VEVENT")]
    assert f"Høringsfrist: {LONG}" in summaries


def test_a_conference_on_a_day_without_a_time_is_an_all_day_event(
    web_bot: TestBot, client: TestClient
) -> None:
    all_day_conference(web_bot)
    for path in (feed_path(web_bot), feed_path(web_bot, "/partnerbot kalender nettverk")):
        found = [e["e"] for e in events(client, path).values()]
        (seminar,) = [e for e in found if str(e["SUMMARY"]) == "Heldagsseminar, del 1; plan"]
        assert seminar["DTSTART"].dt == date(2027, 4, 15)  # a date, not midnight to 1 am
        assert seminar["DTEND"].dt == date(2027, 4, 16)


def test_hearing_deadlines_fall_on_their_own_day_in_winter_and_summer(
    web_bot: TestBot, client: TestClient
) -> None:
    days = {}
    for typed, day in (("04.01.2027", date(2027, 1, 4)), ("15.09.2027", date(2027, 9, 15))):
        made = web_bot.run(
            f'/horing ny "Høring {typed}" frist {typed} mottakere "Horten kommune"',
            as_="Marte Lie",
        )
        days[f"hearing-{number(made)}@partnerbot"] = day
    found = events(client, feed_path(web_bot))
    for uid, day in days.items():
        event = found[uid]["e"]
        assert event["DTSTART"].dt == day and event["DTEND"].dt == date.fromordinal(  # type: ignore[index]
            day.toordinal() + 1
        )


def test_called_off_meetings_and_conferences_stay_as_cancelled_with_a_higher_sequence(
    web_bot: TestBot, client: TestClient
) -> None:
    web_bot.run("/mote lukk 1 valg 1", as_="Marte Lie")
    conf = all_day_conference(web_bot)
    path = feed_path(web_bot)
    before = events(client, path)
    web_bot.run('/mote avlys 1 "Saka er løyst"', as_="Marte Lie")
    web_bot.run(f'/konferanse avlys {conf} "For få påmeldte"')
    after = events(client, path)
    assert set(after) == set(before)  # the same UIDs: the calendar updates its copies
    changed = [u for u in after if after[u]["sequence"] != before[u]["sequence"]]
    assert len(changed) == 2
    for uid in changed:
        assert after[uid]["sequence"] == int(before[uid]["sequence"]) + 1  # type: ignore[call-overload]
        assert str(after[uid]["e"]["STATUS"]) == "CANCELLED"  # type: ignore[index]


def test_a_replaced_network_feed_answers_404(web_bot: TestBot, client: TestClient) -> None:
    old = feed_path(web_bot, "/partnerbot kalender nettverk")
    assert client.get(old).status_code == 200
    new = feed_path(web_bot, "/partnerbot kalender nettverk ny", who="Ingrid Berg")
    assert new != old
    assert client.get(old).status_code == 404 and client.get(new).status_code == 200


def test_a_bot_in_another_time_zone_gives_that_zones_vtimezone(
    web_bot: TestBot, client: TestClient
) -> None:
    web_bot.run("/mote lukk 1 valg 1", as_="Marte Lie")
    web_bot.app.settings.timezone = "Europe/London"
    cal = Calendar.from_ical(client.get(feed_path(web_bot)).content)
    used = {
        str(e["DTSTART"].params["TZID"])
        for e in cal.walk("VEVENT")
        if "TZID" in e["DTSTART"].params
    }
    zones = {str(z["TZID"]) for z in cal.walk("VTIMEZONE")}
    assert used == {"Europe/London"} and zones == used  # every TZID has its VTIMEZONE


def test_the_feed_asks_calendar_apps_to_fetch_it_again_within_an_hour(
    web_bot: TestBot, client: TestClient
) -> None:
    for path in (feed_path(web_bot), feed_path(web_bot, "/partnerbot kalender nettverk")):
        cal = Calendar.from_ical(client.get(path).content)
        assert cal["REFRESH-INTERVAL"].to_ical() == b"PT1H"  # RFC 7986
        assert cal["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
        assert str(cal["X-PUBLISHED-TTL"]) == "PT1H"  # Outlook's name for it


def test_an_action_due_date_moved_with_its_status_raises_its_sequence(
    web_bot: TestBot, client: TestClient
) -> None:
    made = web_bot.run(
        '/tiltak ny "Kartlegge ladepunkter" ansvarlig "Ola Nordmann" frist 01.06.2027',
        as_="Ola Nordmann",
    )
    uid = f"action-{number(made)}@partnerbot"
    path = feed_path(web_bot)
    before = events(client, path)[uid]
    moved = web_bot.run(
        f"/tiltak status {number(made)} utsatt frist 01.07.2027", as_="Ola Nordmann"
    )
    after = events(client, path)[uid]
    assert after["e"]["DTSTART"].dt == date(2027, 7, 1), moved  # type: ignore[index]
    assert after["sequence"] == int(before["sequence"]) + 1  # type: ignore[call-overload]
