"""A conference changed after people answered it: who is told, what the posted card shows,
and saying no to an invitation."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from icalendar import Calendar

from handlers.registrations import take_seat
from storage import outbox
from storage.accounts import new_member
from storage.models import Conference
from tests.handlers.test_conferences import announced, create, oslo, statuses
from tests.helpers import TestBot


def test_a_new_date_or_place_is_told_to_everyone_who_answered(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now)
    bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=now)
    bot.run(f"/konferanse meld på {cid}", as_="Per Hansen", now=now)
    bot.run(f"/konferanse meld på {cid}", as_="Lise Dahl", now=now)  # waitlisted
    bot.run(f"/konferanse kanskje {cid}", as_="Jon Bakke", now=now)
    bot.run(f"/konferanse meld på {cid}", as_="Marte Lie", now=now)  # waitlisted
    bot.run(f"/konferanse meld av {cid}", as_="Marte Lie", now=now)  # and gone: not told
    bot.dispatch(now)

    text = bot.run(
        f'/konferanse endre {cid} dato 23. april kl 10-15 sted "Oseberg kulturhus"',
        as_="Kari Nordmann",
        now=now,
    )
    assert "oppdatert" in text and "alle som har svart (4) får beskjed" in text
    # The posted invitation shows the new day, with its buttons.
    reply = bot.last
    assert reply is not None and reply.object_ref == ("conference", cid)
    assert reply.card is not None and "torsdag 23. april 2026 kl 10:00–15:00" in reply.card.plain()
    assert "Oseberg kulturhus" in reply.card.plain()

    sent = dict(bot.dispatch(now))
    assert sorted(sent) == ["Jon Bakke", "Lise Dahl", "Ola Nordmann", "Per Hansen"]
    notice = sent["Ola Nordmann"]
    assert "«Vestfoldkonferansen 2026» er endret" in notice
    assert "torsdag 23. april 2026 kl 10:00–15:00" in notice and "Oseberg kulturhus" in notice
    assert "/konferanse ics" in notice and "/konferanse meld av" in notice
    assert "Jon Bakke" in sent and "changed" in sent["Jon Bakke"]  # in his own language
    # The calendar file is a new revision of the same event.
    bot.run(f"/konferanse ics {cid}", as_="Ola Nordmann", now=now)
    assert bot.last is not None
    (event,) = Calendar.from_ical(bot.last.files[0].data).walk("VEVENT")
    assert event.decoded("dtstart") == oslo(2026, 4, 23, 10) and int(event["sequence"]) == 1
    # The day-before note follows the new day.
    assert bot.dispatch(oslo(2026, 4, 15, 12)) == []
    assert sorted(d for d, _ in bot.dispatch(oslo(2026, 4, 22, 12))) == [
        "Ola Nordmann",
        "Per Hansen",
    ]


def test_changing_only_seats_or_theme_sends_no_notice(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now)
    bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=now)
    bot.dispatch(now)
    text = bot.run(f'/konferanse endre {cid} tema "Nytt tema"', as_="Kari Nordmann", now=now)
    assert "oppdatert" in text and "får beskjed" not in text
    assert bot.dispatch(now) == []
    # the same day typed again is no change either
    bot.run(
        f"/konferanse endre {cid} dato torsdag 16. april kl 09-16", as_="Kari Nordmann", now=now
    )
    assert bot.dispatch(now) == []


def test_a_draft_changed_tells_nobody(bot: TestBot, now: datetime) -> None:
    cid = create(bot, now)
    text = bot.run(f"/konferanse endre {cid} dato 23. april kl 10-15", as_="Kari Nordmann", now=now)
    assert "oppdatert" in text and "får beskjed" not in text
    assert bot.dispatch(now) == []
    assert statuses(bot, cid) == {}


# -- saying no -----------------------------------------------------------------------------


def test_saying_no_is_noted_and_stops_the_reminder(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now)
    assert bot.run(f"/konferanse nei {cid}", as_="Ola Nordmann", now=now) == (
        "Notert: du kommer ikke på «Vestfoldkonferansen 2026». "
        f"Ombestemmer du deg, skriv `/konferanse meld på {cid}` innen fredag 10. april 2026 kl 23:59."
    )
    # the invitation's own button, clicked by someone who never registered, says no too
    assert "Notert: du kommer ikke" in bot.run(
        f"/konferanse meld av {cid}", as_="Per Hansen", now=now
    )
    assert "Noted: you will not come" in bot.run(f"/konferanse no {cid}", as_="Jon Bakke", now=now)
    assert "allerede svart at du ikke kommer" in bot.run(
        f"/konferanse kan ikke {cid}", as_="Ola Nordmann", now=now
    )
    assert statuses(bot, cid) == {
        "Ola Nordmann": "declined",
        "Per Hansen": "declined",
        "Jon Bakke": "declined",
    }
    # Only those who have not answered at all are reminded before the deadline.
    sent = bot.dispatch(oslo(2026, 4, 7, 9, 0))
    assert sorted(d for d, _ in sent) == ["Ingrid Berg", "Lise Dahl", "Marte Lie"]
    # The organiser sees who said no; a no can become a yes.
    text = bot.run(f"/konferanse deltakere {cid}", as_="Kari Nordmann", now=now)
    assert "Kommer ikke (3)" in text and "Ikke svart ennå: 3 i publikum." in text
    assert "Du er påmeldt" in bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=now)


def test_saying_no_with_a_seat_gives_it_to_the_waitlist(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now)
    for name in ("Ola Nordmann", "Per Hansen", "Lise Dahl"):
        bot.run(f"/konferanse meld på {cid}", as_=name, now=now)
    assert "Plassen din gikk til nestemann" in bot.run(
        f"/konferanse nei {cid}", as_="Ola Nordmann", now=now
    )
    assert statuses(bot, cid)["Lise Dahl"] == "registered"


def test_no_from_outside_the_audience_changes_nothing(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now)
    text = bot.run(f"/konferanse nei {cid}", as_="Knut Vik", now=now)
    assert "ikke påmeldt" in text or "ikkje påmeld" in text
    assert statuses(bot, cid) == {}


# -- words the registration does not take ----------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/konferanse meld på {cid} +1", "gjelder én person"),
        ("/konferanse meld på {cid} pluss en", "gjelder én person"),
        ("/konferanse register {cid} plus one", "one person"),
        ('/konferanse meld på {cid} "vegetar"', "Jeg forstod ikke «vegetar»"),
        ("/konferanse kanskje {cid} kanskje ikke", "Jeg forstod ikke «kanskje ikke»"),
    ],
)
def test_words_after_the_number_are_refused_and_nothing_is_saved(
    bot: TestBot, now: datetime, line: str, expected: str
) -> None:
    cid = announced(bot, now)
    as_ = "Jon Bakke" if "register" in line else "Ola Nordmann"
    text = bot.run(line.format(cid=cid), as_=as_, now=now)
    assert expected in text, text
    assert "`/konferanse" in text  # says what to type instead
    assert statuses(bot, cid) == {}


def test_postponed_after_the_day_before_note_gets_a_new_one(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now)
    bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=now)
    assert [d for d, _ in bot.dispatch(oslo(2026, 4, 15, 12))] == ["Ola Nordmann"]
    # postponed a week the afternoon before, registration open a little longer
    late = oslo(2026, 4, 15, 13)
    bot.run(
        f"/konferanse endre {cid} dato 23. april kl 09-16 påmeldingsfrist 20. april",
        as_="Kari Nordmann",
        now=late,
    )
    assert [d for d, _ in bot.dispatch(late)] == ["Ola Nordmann"]  # the change
    assert [d for d, _ in bot.dispatch(oslo(2026, 4, 20, 23, 59))] == ["Kari Nordmann"]
    day_before = bot.dispatch(oslo(2026, 4, 22, 12))
    assert [d for d, _ in day_before] == ["Ola Nordmann"] and "i morgen" in day_before[0][1]


def test_registration_opened_again_closes_again_with_a_notice(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now)
    bot.dispatch(oslo(2026, 4, 7, 9))  # the reminders to those who have not answered
    assert [d for d, _ in bot.dispatch(oslo(2026, 4, 10, 23, 59))] == ["Kari Nordmann"]
    morning = oslo(2026, 4, 11, 9)
    bot.run(f"/konferanse endre {cid} påmeldingsfrist 13. april", as_="Kari Nordmann", now=morning)
    assert "Du er påmeldt" in bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=morning)
    closed = bot.dispatch(oslo(2026, 4, 13, 23, 59))
    assert [d for d, _ in closed] == ["Kari Nordmann"] and "1 påmeldt" in closed[0][1]


def test_a_guest_is_not_sent_the_change_they_see_on_their_page(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now)
    with bot.app.db.transaction() as s:
        guest = new_member(s, "web", "guest-1", name="Åse Gjest", role="member")
        s.flush()
        conf = s.get(Conference, cid)
        assert conf is not None
        take_seat(s, conf, guest.id, None, now)
    bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=now)
    text = bot.run(f"/konferanse endre {cid} dato 23. april kl 10-15", as_="Kari Nordmann", now=now)
    assert "alle som har svart (1) får beskjed" in text
    assert [d for d, _ in bot.dispatch(now)] == ["Ola Nordmann"]


def test_two_changes_before_the_notice_goes_send_one_with_the_latest(
    bot: TestBot, now: datetime
) -> None:
    cid = announced(bot, now)
    bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=now)
    bot.dispatch(now)
    bot.run(f"/konferanse endre {cid} dato 23. april kl 10-15", as_="Kari Nordmann", now=now)
    later = now + timedelta(minutes=5)
    bot.run(f'/konferanse endre {cid} sted "Oseberg kulturhus"', as_="Kari Nordmann", now=later)
    sent = bot.dispatch(later)
    assert [d for d, _ in sent] == ["Ola Nordmann"]
    assert "Oseberg kulturhus" in sent[0][1] and "23. april" in sent[0][1]
    # a change after that notice went is told again
    again = later + timedelta(minutes=5)
    bot.run(f"/konferanse endre {cid} dato 24. april kl 10-15", as_="Kari Nordmann", now=again)
    sent = bot.dispatch(again)
    assert [d for d, _ in sent] == ["Ola Nordmann"] and "24. april" in sent[0][1]


def test_withdrawing_cancels_a_day_before_note_under_the_old_key(
    bot: TestBot, now: datetime
) -> None:
    """A note scheduled before its key carried the day (``day_before:<member>``) is
    cancelled by withdrawing too: registering again gives one note, not two."""
    cid = announced(bot, now)
    bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=now)
    with bot.app.db.transaction() as s:
        (row,) = (
            r for r in outbox.for_object(s, "conference", cid) if r.kind == "conference.day_before"
        )
        member_id = int(row.target_id)
        row.key = f"conference:{cid}:day_before:{member_id}"  # as rows made before were keyed
    bot.run(f"/konferanse meld av {cid}", as_="Ola Nordmann", now=now)
    bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=now)
    bot.dispatch(now)
    day_before = bot.dispatch(oslo(2026, 4, 15, 12))
    assert [d for d, _ in day_before] == ["Ola Nordmann"]
