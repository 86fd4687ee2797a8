"""A form sent twice (a double tap on a phone, a resend after a slow answer) is one guest
with one answer: the second post lands on the same personal link, nothing is counted twice."""

from __future__ import annotations

import threading

from sqlalchemy import func, select
from starlette.testclient import TestClient

from storage.models import Account, Member, Registration
from tests.helpers import TestBot
from tests.web.conftest import csrf_of, link_path
from tests.web.test_guest_conference import full_conference, status_of
from tests.web.test_guest_poll import guest_link, guest_votes


def web_guests(bot: TestBot) -> int:
    with bot.app.db.transaction() as s:
        query = select(func.count(Member.id)).join(Member.accounts)
        return s.scalar(query.where(Account.platform == "web")) or 0


def filled(page: str, **fields: str) -> dict[str, str]:
    """The form of ``page`` as the browser sends it: its hidden fields and ``fields``."""
    form = {"csrf": csrf_of(page), **fields}
    if 'name="submission"' in page:
        form["submission"] = page.split('name="submission" value="', 1)[1].split('"', 1)[0]
    return form


POLL_FORM = {
    "name": "Siri Dahl",
    "organisation": "Holmestrand kommune",
    "slot1": "yes",
    "slot2": "maybe",
    "slot3": "no",
}


def test_a_poll_form_sent_twice_is_one_guest_and_both_answers_show_the_same_link(
    web_bot: TestBot, client: TestClient
) -> None:
    path = guest_link(web_bot) + "?lang=nn"
    form = filled(client.get(path).text, **POLL_FORM)
    first, second = client.post(path, data=form), client.post(path, data=form)
    assert first.status_code == second.status_code == 303
    assert first.headers["location"] == second.headers["location"]
    assert web_guests(web_bot) == 1 and guest_votes(web_bot) == 3
    assert web_bot.run("/mote vis 1", as_="Marte Lie").count("Siri Dahl (gjest)") == 1
    # A new visit to the public link is a new form: another person on the same phone.
    again = filled(client.get(path).text, **{**POLL_FORM, "name": "Per Dahl"})
    assert client.post(path, data=again).headers["location"] != first.headers["location"]
    assert web_guests(web_bot) == 2


def test_a_registration_sent_twice_takes_one_seat_on_the_waitlist(
    web_bot: TestBot, client: TestClient
) -> None:
    number, path = full_conference(web_bot)
    fields = {
        "name": "Nils Berg",
        "organisation": "NHO Vestfold og Telemark",
        "email": "nils@example.no",
        "choice": "register",
    }
    form = filled(client.get(path).text, **fields)
    first, second = client.post(path, data=form), client.post(path, data=form)
    assert first.headers["location"] == second.headers["location"]
    assert status_of(web_bot, number, "Nils Berg") == "waitlisted"
    with web_bot.app.db.transaction() as s:
        rows = s.scalar(
            select(func.count(Registration.id)).where(Registration.conference_id == number)
        )
    assert rows == 2  # Ola Nordmann's seat and one place on the waitlist
    listed = web_bot.run(f"/konferanse deltakere {number}")
    assert listed.count("Nils Berg") == 1, listed


def test_two_posts_of_one_form_at_the_same_moment_are_one_guest(
    web_bot: TestBot, client: TestClient
) -> None:
    path = guest_link(web_bot)
    form = filled(client.get(path).text, **POLL_FORM)
    start = threading.Barrier(2)
    codes: list[int] = []

    def post() -> None:
        start.wait()
        codes.append(client.post(path, data=form).status_code)

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert codes == [303, 303]
    assert web_guests(web_bot) == 1 and guest_votes(web_bot) == 3


def test_a_form_token_used_on_another_polls_link_makes_a_guest_there_with_a_new_link(
    web_bot: TestBot, client: TestClient
) -> None:
    first = guest_link(web_bot)
    form = filled(client.get(first).text, **POLL_FORM)
    saved = client.post(first, data=form).headers["location"].split("?")[0]
    made = web_bot.run(
        '/mote ny "Styremøte" tider 10.03.2027 kl 10-12, 11.03.2027 kl 10-12 svarfrist 01.03.2027',
        as_="Marte Lie",
    )
    number = made.split("#", 1)[1].split()[0].rstrip(".:»")
    other = link_path(web_bot.run(f"/mote lenke {number}", as_="Marte Lie"))
    page = client.get(other).text
    again = client.post(other, data={**form, "csrf": csrf_of(page), "slot3": ""})
    assert again.status_code == 303, again.text
    assert again.headers["location"].split("?")[0] != saved
    assert web_guests(web_bot) == 2
