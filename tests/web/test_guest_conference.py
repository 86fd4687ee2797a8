"""The guest conference page: details and seats, register / maybe / cancel with name,
organisation and e-mail, the waitlist when full, the .ics, and the chat side's counts."""

from __future__ import annotations

import re

from icalendar import Calendar
from sqlalchemy import select
from starlette.testclient import TestClient

from storage.models import Account, GuestContact, Member, OutboxMessage, Registration
from tests.helpers import TestBot
from tests.web.conftest import csrf_of, link_path


def full_conference(bot: TestBot) -> tuple[int, str]:
    """A conference with one seat, taken by Ola Nordmann; returns (number, guest link path)."""
    made = bot.run(
        '/konferanse ny "Fagdag trafikksikkerhet" dato 10.03.2027 kl 09-15 plasser 1 '
        'påmeldingsfrist 01.03.2027 publikum "Nettverk for infrastruktur"'
    )
    found = re.search(r"#(\d+)", made)
    assert found, made
    number = int(found.group(1))
    bot.run(f"/konferanse kunngjør {number}")
    bot.run(f"/konferanse meld på {number}", as_="Ola Nordmann")
    return number, link_path(bot.run(f"/konferanse lenke {number}"))


def answer(client: TestClient, path: str, choice: str, **extra: str) -> object:
    page = client.get(path)
    assert page.status_code == 200, page.text
    form = {
        "csrf": csrf_of(page.text),
        "name": "Guri Gjest",
        "organisation": "Telemark fylkeskommune",
        "email": "guri@example.no",
        "choice": choice,
    }
    form.update(extra)
    return client.post(path, data=form)


def status_of(bot: TestBot, conference: int, who: str) -> str | None:
    with bot.app.db.transaction() as s:
        return s.scalar(
            select(Registration.status)
            .join(Member)
            .where(Registration.conference_id == conference, Member.name == who)
        )


def test_a_guest_on_a_full_conference_is_waitlisted_and_promoted_when_a_seat_frees(
    web_bot: TestBot, client: TestClient
) -> None:
    number, path = full_conference(web_bot)
    page = client.get(path).text
    assert "0 av 1 ledige" in page and "venteliste" in page
    done = answer(client, path, "register")
    assert done.status_code == 303  # type: ignore[attr-defined]
    own = done.headers["location"]  # type: ignore[attr-defined]
    assert "venteliste" in client.get(own).text.lower()
    assert status_of(web_bot, number, "Guri Gjest") == "waitlisted"
    web_bot.run(f"/konferanse meld av {number}", as_="Ola Nordmann")
    assert status_of(web_bot, number, "Guri Gjest") == "registered"
    with web_bot.app.db.transaction() as s:  # no chat message to a guest, who has no chat
        guest = s.scalar(select(Member).join(Member.accounts).where(Account.platform == "web"))
        assert guest is not None
        rows = s.scalars(
            select(OutboxMessage).where(
                OutboxMessage.target_type == "member", OutboxMessage.target_id == str(guest.id)
            )
        ).all()
        assert rows == []
    # Organisers see it in the participants list; a member may not see the list at all.
    listed = web_bot.run(f"/konferanse deltakere {number}")
    assert "Guri Gjest (Telemark fylkeskommune) – gjest, guri@example.no" in listed
    assert "guri@example.no" not in web_bot.run(
        f"/konferanse deltakere {number}", as_="Ola Nordmann"
    )
    # The guest's own link cancels; the e-mail is stored, not shown on the public page.
    again = answer(client, own.split("?")[0], "cancel")
    assert again.status_code == 303  # type: ignore[attr-defined]
    assert status_of(web_bot, number, "Guri Gjest") == "cancelled"
    with web_bot.app.db.transaction() as s:
        assert s.scalars(select(GuestContact.email)).all() == ["guri@example.no"]
    assert "guri@example.no" not in client.get(path).text


def test_maybe_and_bad_fields_are_answered_on_the_page(
    web_bot: TestBot, client: TestClient
) -> None:
    number, path = full_conference(web_bot)
    bad = answer(client, path, "register", email="not-an-address")
    assert bad.status_code == 400  # type: ignore[attr-defined]
    assert "Skriv en e-postadresse" in bad.text  # type: ignore[attr-defined]
    assert status_of(web_bot, number, "Guri Gjest") is None
    assert answer(client, path, "maybe").status_code == 303  # type: ignore[attr-defined]
    assert status_of(web_bot, number, "Guri Gjest") == "maybe"


def test_the_ics_and_a_revoked_link(web_bot: TestBot, client: TestClient) -> None:
    number, path = full_conference(web_bot)
    got = client.get(path + ".ics")
    assert got.status_code == 200
    event = next(iter(Calendar.from_ical(got.content).walk("VEVENT")))
    assert str(event["SUMMARY"]) == "Fagdag trafikksikkerhet"
    web_bot.run(f"/konferanse lenke {number} av")
    assert client.get(path).status_code == 404
    assert client.get(path + ".ics").status_code == 404
