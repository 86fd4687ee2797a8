"""Meeting polls through the bot: creating, answering, counting, closing, the outbox."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from sqlalchemy import func, select

from bot.messages import Buttons, Reply
from bot.messenger import TemporaryError
from storage.models import Meeting, OutboxMessage, Poll, Vote
from tests.helpers import TestBot, still

OSLO = ZoneInfo("Europe/Oslo")
# now (fixture) is Monday 2 March 2026 09:00 in Oslo. Slots: Thu 5, Fri 6, Mon 9 March.
NEW = (
    '/mote ny "Samhandlingsmøte Tønsberg" tider torsdag 10-12, fredag 13-15, '
    "9.3 kl 9-11 svarfrist onsdag kl 12"
)
INFRA = {"Ingrid Berg", "Ola Nordmann", "Per Hansen", "Lise Dahl", "Jon Bakke", "Marte Lie"}


def create(bot: TestBot, now: datetime, line: str = NEW, **kw: object) -> int:
    text = bot.run(line, now=now, **kw)  # type: ignore[arg-type]
    found = re.search(r"har laget møtepoll #(\d+)", text)
    assert found, text
    return int(found.group(1))


def counts(bot: TestBot, poll_id: int) -> int:
    with bot.app.db.transaction() as s:
        return s.scalar(select(func.count()).select_from(Vote).where(Vote.poll_id == poll_id)) or 0


def poll_row(bot: TestBot, poll_id: int) -> Poll:
    with bot.app.db.transaction() as s:
        poll = s.get(Poll, poll_id)
        assert poll is not None
        _ = poll.slots
        return poll


def answers_in_slot_order(bot: TestBot, poll_id: int) -> list[str]:
    with bot.app.db.transaction() as s:
        query = select(Vote.answer).where(Vote.poll_id == poll_id).order_by(Vote.slot_id)
        return list(s.execute(query).scalars())


def flat(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


# -- creating -------------------------------------------------------------------------------


def test_new_poll_is_posted_with_slots_buttons_and_outbox_rows(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now)
    reply = bot.last
    assert reply is not None and reply.visibility == "channel"
    assert reply.object_ref == ("poll", poll_id)
    text = reply.plain()
    assert "1. torsdag 5. mars kl 10:00–12:00 — ja 0 · om nødvendig 0 · nei 0" in text
    assert "3. mandag 9. mars kl 09:00–11:00" in text
    assert "Svarfrist onsdag 4. mars 2026 kl 12:00" in text
    buttons = [b for block in reply.blocks if isinstance(block, Buttons) for b in block.buttons]
    assert [b.command for b in buttons[:3]] == [
        f"/mote svar {poll_id} 1:ja",
        f"/mote svar {poll_id} 1:kanskje",
        f"/mote svar {poll_id} 1:nei",
    ]
    assert len(buttons) == 9
    poll = poll_row(bot, poll_id)
    assert poll.slots[0].start_at == datetime(2026, 3, 5, 9, 0, tzinfo=UTC)
    assert poll.closes_at == datetime(2026, 3, 4, 11, 0, tzinfo=UTC)
    with bot.app.db.transaction() as s:
        rows = s.scalars(
            select(OutboxMessage).where(
                OutboxMessage.object_id == poll_id, OutboxMessage.object_type == "poll"
            )
        ).all()
        kinds = sorted((r.kind, r.target_type) for r in rows)
        nudge_due = {r.due_at for r in rows if r.kind == "poll.nudge"}
    # One close for the network, one nudge per member of Nettverk for infrastruktur.
    assert kinds.count(("poll.close", "network")) == 1
    assert kinds.count(("poll.nudge", "member")) == len(INFRA)
    assert nudge_due == {datetime(2026, 3, 3, 11, 0, tzinfo=UTC)}


def test_weekend_and_holiday_slots_are_accepted_with_a_warning(bot: TestBot, now: datetime) -> None:
    text = bot.run('/mote ny "Helgemøte" tider lørdag 10-12, 1.5 kl 10', now=now)
    assert "har laget møtepoll" in text
    assert "⚠️ Lørdag 7. mars er en helgedag." in text
    assert "⚠️ 1. mai er en helligdag" in text


def test_slots_in_the_past_are_refused_and_nothing_is_saved(bot: TestBot, now: datetime) -> None:
    text = bot.run('/mote ny "For sent" tider i dag kl 8, fredag 10-12', now=now)
    assert text == (
        "Tidspunktet mandag 2. mars kl 08:00 har allerede vært. Foreslå bare tidspunkt fram i tid."
    )
    with bot.app.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Poll).where(Poll.title == "For sent")) == 0


def test_invalid_slot_text_gives_the_parsers_message_and_an_example(
    bot: TestBot, now: datetime
) -> None:
    with bot.app.db.transaction() as s:
        before = s.scalar(select(func.count()).select_from(Poll))
    text = bot.run('/mote ny "X" tider blåmandag 10-12, fredag 13-15', now=now)
    assert "Jeg forstod ikke «blåmandag» i «blåmandag 10-12»" in text  # the parser's words
    assert "for eksempel `tider tirsdag 10-12, 5. mars 13-15" in text
    en = bot.run('/meeting new "X" slots Friday 25-26', now=now, as_="Jon Bakke")
    assert en.startswith("I could not read the times:") and "for example `slots" in en
    with bot.app.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Poll)) == before


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/mote ny tider fredag 10-12", "trenger en tittel"),
        ('/mote ny "X"', "Legg til `tider`"),
        ('/mote ny "X" tider fredag 10-12 svarfrist lørdag', "er etter det første tidspunktet"),
        ('/mote ny "X" tider fredag 10-12 svarfrist i går', "har allerede vært"),
        ('/mote ny "X" tider fredag 10-12 varighet lenge', "Varigheten kunne ikke leses"),
        ('/mote ny "X" tider fredag 10-12 inviterte Ukjent Person', "«Ukjent Person»"),
        ('/mote ny "X" tider fredag kl 10, fredag kl 10', "står to ganger"),
    ],
)
def test_bad_new_poll_input_answers_clearly(
    bot: TestBot, now: datetime, line: str, expected: str
) -> None:
    assert expected in bot.run(line, now=now)


def test_single_time_slots_take_the_duration(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now, '/mote ny "Kort" tider fredag kl 9, fredag kl 13 varighet 90 min')
    poll = poll_row(bot, poll_id)
    assert [s.end_at - s.start_at for s in poll.slots if s.end_at] == [timedelta(minutes=90)] * 2


# -- answering -------------------------------------------------------------------------------


def test_answers_are_counted_and_can_be_changed_until_closed(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now)
    text = bot.run(f"/mote svar {poll_id} 1:ja 2:om nødvendig 3:nei", as_="Ola Nordmann", now=now)
    assert text.startswith(f"Du har svart på møtepoll #{poll_id}.")
    assert "1. torsdag 5. mars kl 10:00–12:00 — ja 1 · om nødvendig 0 · nei 0" in text
    assert "2. fredag 6. mars kl 13:00–15:00 — ja 0 · om nødvendig 1 · nei 0" in text
    # Only the voter sees the answer; the poll's posted cards get the counts, not the note.
    last = bot.last
    assert last is not None and last.object_ref == ("poll", poll_id)
    assert last.visibility == "ephemeral" and last.card is not None
    card = last.card.plain()
    assert "har svart" not in card and "— ja 1 · om nødvendig 0 · nei 0" in card
    text = bot.run(f"/mote svar {poll_id} 1:nei", as_="Ola Nordmann", now=now)
    assert "— ja 0 · om nødvendig 0 · nei 1" in text
    assert counts(bot, poll_id) == 3  # changed in place, not added
    # English words and the "all" shortcut work too.
    bot.run(f"/meeting answer {poll_id} all:yes", as_="Jon Bakke", now=now)
    assert counts(bot, poll_id) == 6


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "4:ja",
            "Møtepoll #{id} har ikke tidspunkt 4; den har tidspunkt 1 til 3. "
            "`/mote vis {id}` viser dem.",
        ),
        (
            "0:ja",
            "Møtepoll #{id} har ikke tidspunkt 0; den har tidspunkt 1 til 3. "
            "`/mote vis {id}` viser dem.",
        ),
        (
            "1:kanskeje",
            "«kanskeje» er ikke et svar. Bruk ja, kanskje (eller om nødvendig) eller "
            "nei: `/mote svar {id} 1:ja 2:kanskje 3:nei`.",
        ),
        (
            "1ja",
            "Jeg forstod ikke «1ja». Skriv nummeret på tidspunktet, kolon og svaret: "
            "`/mote svar {id} 1:ja 2:kanskje 3:nei`.",
        ),
        ("", "Skriv svaret ditt for hvert tidspunkt: `/mote svar {id} 1:ja 2:kanskje 3:nei`."),
        (
            "1:ja 5:nei",
            "Møtepoll #{id} har ikke tidspunkt 5; den har tidspunkt 1 til 3. "
            "`/mote vis {id}` viser dem.",
        ),
        (
            "ja nei",
            "Du ga 2 svar, men møtepoll #{id} har 3 tidspunkt. Gi ett svar per tidspunkt, i "
            "rekkefølge (`ja kanskje nei`), eller med nummer: `/mote svar {id} 1:ja 2:kanskje "
            "3:nei`.",
        ),
    ],
)
def test_bad_answers_change_nothing(
    bot: TestBot, now: datetime, answer: str, expected: str
) -> None:
    poll_id = create(bot, now)
    bot.run(f"/mote svar {poll_id} 1:kanskje", as_="Ola Nordmann", now=now)
    text = bot.run(f"/mote svar {poll_id} {answer}", as_="Ola Nordmann", now=now)
    assert text == expected.format(id=poll_id)
    assert counts(bot, poll_id) == 1
    with bot.app.db.transaction() as s:
        assert s.scalars(select(Vote.answer).where(Vote.poll_id == poll_id)).all() == ["maybe"]


def test_unknown_poll_and_bad_number(bot: TestBot, now: datetime) -> None:
    assert bot.run("/mote svar 999 1:ja", now=now) == (
        "Finner ingen møtepoll #999. `/mote liste` viser de åpne møtepollene."
    )
    assert bot.run("/mote vis 999", now=now).startswith("Finner ingen møtepoll #999.")
    assert bot.run("/mote lukk 999", now=now).startswith("Finner ingen møtepoll #999.")
    assert "ikke et gyldig nummer for en møtepoll" in bot.run("/mote svar x 1:ja", now=now)
    assert "Hvilken møtepoll?" in bot.run("/mote svar", now=now)


@pytest.mark.parametrize(
    ("lang", "line", "example"),
    [
        ("nb", "/mote vis", "`/mote vis 4`"),
        ("nn", "/mote lukk", "`/mote lukk 4`"),
        ("en", "/mote show", "`/mote show 4`"),
        ("nb", "/mote svar", "`/mote svar 4`"),
    ],
)
def test_a_missing_poll_number_is_asked_for_with_the_verb_typed(
    bot: TestBot, now: datetime, lang: str, line: str, example: str
) -> None:
    """Found trying it as a new user: `/mote vis` answered with a `/mote svar` example."""
    bot.run(f"/partnerbot språk {lang}", now=now)
    assert example in bot.run(line, now=now)


def test_voting_on_a_closed_poll_is_refused(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now)
    bot.run(f"/mote svar {poll_id} 1:ja", as_="Ola Nordmann", now=now)
    assert "er satt til" in bot.run(f"/mote lukk {poll_id}", now=now)
    text = bot.run(f"/mote svar {poll_id} 1:nei 2:ja", as_="Ola Nordmann", now=now)
    assert text == (
        f"Møtepoll #{poll_id} er lukket, så svar kan ikke endres lenger. "
        f"`/mote vis {poll_id}` viser resultatet."
    )
    with bot.app.db.transaction() as s:
        assert s.scalars(select(Vote.answer).where(Vote.poll_id == poll_id)).all() == ["yes"]


# -- counting -------------------------------------------------------------------------------


def test_best_slot_most_yes_then_yes_or_maybe_then_earliest(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now)
    bot.run(f"/mote svar {poll_id} 1:ja 2:ja 3:nei", as_="Ola Nordmann", now=now)
    bot.run(f"/mote svar {poll_id} 1:nei 2:kanskje 3:ja", as_="Per Hansen", now=now)
    # 1 and 2 have one yes each; 2 wins on yes + if need be.
    assert (
        "Beste tidspunkt: 2 (fredag 6. mars kl 13:00–15:00) med 1 ja og 2 ja eller om "
        "nødvendig." in bot.run(f"/mote vis {poll_id}", now=now)
    )
    bot.run(f"/mote svar {poll_id} 1:kanskje", as_="Per Hansen", now=now)
    # Now 1 and 2 are equal on both counts: a tie, and the earliest (1) is named.
    text = bot.run(f"/mote vis {poll_id}", now=now)
    assert "Likt mellom 1, 2 (1 ja, 2 ja eller om nødvendig). Det tidligste er 1" in text
    closed = bot.run(f"/mote lukk {poll_id}", now=now)
    assert "Det var likt mellom 1, 2; jeg valgte det tidligste, 1." in closed
    assert "torsdag 5. mars kl 10:00–12:00" in closed


def test_show_has_a_table_of_participants_against_slots(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now)
    bot.run(f"/mote svar {poll_id} 1:ja 2:kanskje 3:nei", as_="Ola Nordmann", now=now)
    bot.run(f"/mote svar {poll_id} 1:ja 3:ja", as_="Per Hansen", now=now)
    lines = flat(bot.run(f"/mote vis {poll_id}", now=now))
    assert "1 2 3" in lines
    assert "Ola Nordmann ✓ ~ ✗" in lines
    assert "Per Hansen ✓ · ✓" in lines
    assert "Ja 2 0 1" in lines and "Om nødvendig 0 1 0" in lines and "Nei 0 0 1" in lines
    assert "Har ikke svart: Ingrid Berg, Jon Bakke, Lise Dahl, Marte Lie" in lines
    assert any(line.startswith("Beste tidspunkt: 1") for line in lines)


def test_no_best_slot_when_nobody_can(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now)
    bot.run(f"/mote svar {poll_id} alle:nei", as_="Ola Nordmann", now=now)
    assert "Ingen av tidspunktene passer for noen ennå." in bot.run(f"/mote vis {poll_id}", now=now)
    assert "Velg selv med `/mote lukk" in bot.run(f"/mote lukk {poll_id}", now=now)
    assert poll_row(bot, poll_id).state == "open"


def test_one_vote_per_organisation_counts_the_latest_answer_of_each_organisation(
    bot: TestBot, now: datetime
) -> None:
    bot.run('/partnerbot medlem ny "Eva Strand" org NHO nettverk infrastruktur', now=now)
    poll_id = create(bot, now, NEW + " én stemme per organisasjon")
    bot.run(f"/mote svar {poll_id} 1:ja 2:ja", as_="Per Hansen", now=now)
    bot.run(f"/mote svar {poll_id} 1:nei", as_="Eva Strand", now=now + timedelta(minutes=1))
    bot.run(f"/mote svar {poll_id} 1:ja", as_="Ola Nordmann", now=now)
    lines = flat(bot.run(f"/mote vis {poll_id}", now=now + timedelta(minutes=2)))
    # NHO is one row: slot 1 is Eva's later "no", slot 2 is still Per's "yes".
    assert "NHO ✗ ✓ ·" in lines
    assert "Tønsberg kommune ✓ · ·" in lines
    assert "Ja 1 1 0" in lines and "Nei 1 0 0" in lines
    assert not any(line.startswith(("Per Hansen", "Eva Strand")) for line in lines)
    waiting = next(line for line in lines if line.startswith("Har ikke svart"))
    assert "NHO" not in waiting and "Vestfold fylkeskommune" in waiting
    # Per's answer covers NHO, so neither Per nor Eva is nudged.
    sent = bot.dispatch(datetime(2026, 3, 3, 11, 0, tzinfo=UTC))
    assert {who for who, _ in sent} == {"Ingrid Berg", "Lise Dahl", "Jon Bakke", "Marte Lie"}


def test_named_invitees_members_and_organisations(bot: TestBot, now: datetime) -> None:
    bot.run('/partnerbot medlem ny "Gro Moe" org "Vestfold og Telemark fylkeskommune"', now=now)
    poll_id = create(
        bot, now, NEW + " inviterte Per Hansen, NAV, Vestfold og Telemark fylkeskommune"
    )
    text = bot.run(f"/mote vis {poll_id}", now=now)
    assert "Har ikke svart: Gro Moe, Kari Nordmann, Per Hansen" in text
    sent = bot.dispatch(datetime(2026, 3, 3, 11, 0, tzinfo=UTC))
    assert sorted(who for who, _ in sent) == ["Gro Moe", "Kari Nordmann", "Per Hansen"]


# -- closing --------------------------------------------------------------------------------


def test_non_organiser_cannot_close_but_the_creator_can(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now)
    text = bot.run(f"/mote lukk {poll_id}", as_="Ola Nordmann", now=now)
    assert text == (
        f"Bare organisatorer, administratorer og den som laget møtepoll #{poll_id} "
        "kan lukke den. Ingenting er endret."
    )
    assert poll_row(bot, poll_id).state == "open"
    with bot.app.db.transaction() as s:
        assert (
            s.scalar(select(func.count()).select_from(Meeting).where(Meeting.poll_id == poll_id))
            == 0
        )
    own = create(bot, now, '/mote ny "Olas møte" tider fredag 10-12', as_="Ola Nordmann")
    assert "er satt til fredag 6. mars" in bot.run(
        f"/mote lukk {own} valg 1", as_="Ola Nordmann", now=now
    )


def test_close_makes_a_meeting_an_ics_invitation_and_reminders(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now, NEW + ' sted "Fylkeshuset" agenda "Fv. 308"')
    bot.run(f"/mote svar {poll_id} 1:kanskje 2:ja", as_="Ola Nordmann", now=now)
    text = bot.run(f"/mote lukk {poll_id}", as_="Marte Lie", now=now)
    assert text.startswith(
        "📅 Samhandlingsmøte Tønsberg er satt til fredag 6. mars kl "
        f"13:00–15:00 (tidspunkt 2 i møtepoll #{poll_id})."
    )
    reply = bot.last
    assert reply is not None and reply.visibility == "channel" and len(reply.files) == 1
    file = reply.files[0]
    assert file.name.endswith(".ics") and file.mime.startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(file.data)
    assert cal["METHOD"] == "PUBLISH" and "ORGANIZER" not in cal.walk("VEVENT")[0]
    assert [c["TZID"] for c in cal.walk("VTIMEZONE")] == ["Europe/Oslo"]
    event = cal.walk("VEVENT")[0]
    start = event.decoded("DTSTART")
    assert start == datetime(2026, 3, 6, 13, 0, tzinfo=OSLO) and str(start.tzinfo) == "Europe/Oslo"
    assert b"DTSTART;TZID=Europe/Oslo:20260306T130000" in file.data
    assert event.decoded("DTEND") == datetime(2026, 3, 6, 15, 0, tzinfo=OSLO)
    assert str(event["LOCATION"]) == "Fylkeshuset" and "Fv. 308" in str(event["DESCRIPTION"])
    with bot.app.db.transaction() as s:
        meeting = s.scalar(select(Meeting).where(Meeting.poll_id == poll_id))
        assert meeting is not None
        assert str(event["UID"]) == meeting.uid and meeting.uid.endswith("@partnerbot")
        assert event["SEQUENCE"] == 0
        reminders = sorted(
            r.due_at
            for r in s.scalars(
                select(OutboxMessage).where(
                    OutboxMessage.object_type == "meeting",
                    OutboxMessage.object_id == meeting.id,
                    OutboxMessage.state == "pending",
                )
            )
        )
        poll_rows = s.scalars(
            select(OutboxMessage.state).where(
                OutboxMessage.object_type == "poll", OutboxMessage.object_id == poll_id
            )
        ).all()
    # The day before at 09:00 Oslo time, and one hour before.
    assert reminders == [
        datetime(2026, 3, 5, 8, 0, tzinfo=UTC),
        datetime(2026, 3, 6, 11, 0, tzinfo=UTC),
    ]
    assert set(poll_rows) == {"cancelled"}  # no nudges or auto-close after a manual close
    assert poll_row(bot, poll_id).state == "closed"
    sent = bot.dispatch(datetime(2026, 3, 5, 8, 0, tzinfo=UTC))
    assert sent == [
        (
            "#infrastruktur",
            "⏰ Påminnelse: Samhandlingsmøte Tønsberg er i morgen, "
            "fredag 6. mars kl 13:00–15:00.\nSted: Fylkeshuset\nAgenda: Fv. 308",
        )
    ]
    sent = bot.dispatch(datetime(2026, 3, 6, 11, 0, tzinfo=UTC))
    assert [text.splitlines()[0] for _, text in sent] == [
        "⏰ Påminnelse: Samhandlingsmøte Tønsberg begynner om en time, fredag 6. mars kl "
        "13:00–15:00."
    ]


def test_moving_the_meeting_resends_with_same_uid_and_higher_sequence(
    bot: TestBot, now: datetime
) -> None:
    poll_id = create(bot, now)
    bot.run(f"/mote lukk {poll_id} valg 1", now=now)
    first = icalendar.Calendar.from_ical(bot.last.files[0].data).walk("VEVENT")[0]  # type: ignore[union-attr]
    assert "allerede avgjort" in bot.run(f"/mote lukk {poll_id}", now=now)
    text = bot.run(f"/mote lukk {poll_id} valg 3", now=now)
    assert "er flyttet til mandag 9. mars kl 09:00–11:00" in text
    second = icalendar.Calendar.from_ical(bot.last.files[0].data).walk("VEVENT")[0]  # type: ignore[union-attr]
    assert second["UID"] == first["UID"]
    assert (first["SEQUENCE"], second["SEQUENCE"]) == (0, 1)
    with bot.app.db.transaction() as s:
        assert (
            s.scalar(select(func.count()).select_from(Meeting).where(Meeting.poll_id == poll_id))
            == 1
        )
        pending = s.scalars(
            select(OutboxMessage.key).where(
                OutboxMessage.object_type == "meeting", OutboxMessage.state == "pending"
            )
        ).all()
    assert sorted(k.split(":", 2)[2] for k in pending) == ["s1:day_before", "s1:hour_before"]


# -- automatic: nudges and close at svarfrist -----------------------------------------------


def test_nudge_goes_once_to_exactly_those_who_have_not_answered(
    bot: TestBot, now: datetime
) -> None:
    poll_id = create(bot, now)
    bot.run(f"/mote svar {poll_id} 1:ja", as_="Ola Nordmann", now=now)
    bot.run(f"/mote svar {poll_id} 2:nei", as_="Lise Dahl", now=now)
    nudge_at = datetime(2026, 3, 3, 11, 0, tzinfo=UTC)  # 24 h before svarfrist
    assert bot.dispatch(nudge_at - timedelta(minutes=1)) == []
    sent = bot.dispatch(nudge_at)
    assert sorted(who for who, _ in sent) == ["Ingrid Berg", "Jon Bakke", "Marte Lie", "Per Hansen"]
    per = dict(sent)["Per Hansen"]
    assert per.startswith(f"Hei Per Hansen! Du har ikke svart på møtepoll #{poll_id}")
    assert f"`/mote svar {poll_id} 1:ja 2:kanskje 3:nei`" in per
    assert dict(sent)["Jon Bakke"].startswith("Hi Jon Bakke! You have not answered")
    assert bot.dispatch(nudge_at + timedelta(minutes=5)) == []
    assert bot.dispatch(nudge_at + timedelta(hours=20)) == []


def test_nudge_skips_those_who_answered_after_it_was_scheduled(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now)
    later = now + timedelta(hours=10)
    for name in INFRA - {"Jon Bakke"}:
        bot.run(f"/mote svar {poll_id} 1:ja", as_=name, now=later)
    sent = bot.dispatch(datetime(2026, 3, 3, 11, 0, tzinfo=UTC))
    assert [who for who, _ in sent] == ["Jon Bakke"]


def test_poll_closes_itself_once_at_svarfrist_and_asks_the_organiser(
    bot: TestBot, now: datetime
) -> None:
    poll_id = create(bot, now, NEW, as_="Marte Lie")
    bot.run(f"/mote svar {poll_id} 1:ja 2:ja", as_="Ola Nordmann", now=now)
    bot.run(f"/mote svar {poll_id} 1:nei 2:ja", as_="Per Hansen", now=now)
    closes = datetime(2026, 3, 4, 11, 0, tzinfo=UTC)
    bot.dispatch(closes - timedelta(hours=24))  # the nudges
    assert bot.dispatch(closes - timedelta(minutes=1)) == []
    sent = bot.dispatch(closes)
    assert len(sent) == 1
    where, text = sent[0]
    assert where == "#infrastruktur"
    assert text.startswith(
        f"Svarfristen er ute: møtepoll #{poll_id} «Samhandlingsmøte Tønsberg» er lukket."
    )
    assert "Beste tidspunkt: 2" in text
    assert text.endswith(
        f"Marte Lie: bekreft tidspunktet med `/mote lukk {poll_id} valg 2` "
        "(eller et annet nummer), så sender jeg invitasjon."
    )
    assert "[Ja:" not in text  # no answer buttons on a closed poll
    assert poll_row(bot, poll_id).state == "closed"
    assert bot.dispatch(closes + timedelta(minutes=1)) == []
    assert bot.dispatch(closes + timedelta(hours=3)) == []
    assert "er lukket" in bot.run(
        f"/mote svar {poll_id} 1:ja", as_="Lise Dahl", now=closes + timedelta(minutes=2)
    )
    with bot.app.db.transaction() as s:
        assert (
            s.scalar(select(func.count()).select_from(Meeting).where(Meeting.poll_id == poll_id))
            == 0
        )
    listing = bot.run("/mote liste", now=closes)
    assert f"#{poll_id} Samhandlingsmøte Tønsberg — lukket, venter på" in listing
    text = bot.run(f"/mote lukk {poll_id} valg 2", as_="Marte Lie", now=closes)
    assert "er satt til fredag 6. mars kl 13:00–15:00" in text


def test_velg_automatisk_creates_the_meeting_at_svarfrist(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now, NEW + " velg automatisk")
    bot.run(f"/mote svar {poll_id} 3:ja", as_="Ola Nordmann", now=now)
    closes = datetime(2026, 3, 4, 11, 0, tzinfo=UTC)
    before = len(bot.messenger.sent)
    sent = bot.dispatch(closes)
    assert len(sent) == 1
    assert "Tidspunkt 3 fikk flest svar og er valgt automatisk." in sent[0][1]
    assert "er satt til mandag 9. mars kl 09:00–11:00" in sent[0][1]
    reply = bot.messenger.sent[before][1]
    assert len(reply.files) == 1
    event = icalendar.Calendar.from_ical(reply.files[0].data).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == datetime(2026, 3, 9, 9, 0, tzinfo=OSLO)
    assert bot.dispatch(closes + timedelta(minutes=1)) == []
    with bot.app.db.transaction() as s:
        assert (
            s.scalar(select(func.count()).select_from(Meeting).where(Meeting.poll_id == poll_id))
            == 1
        )


def test_list_shows_open_polls_and_upcoming_meetings(bot: TestBot, now: datetime) -> None:
    first = create(bot, now)
    second = create(bot, now, '/mote ny "Nettverksmøte" tider fredag 10-12 sted Larvik')
    bot.run(f"/mote svar {first} 1:ja", as_="Ola Nordmann", now=now)
    bot.run(f"/mote lukk {second} valg 1", now=now)
    text = bot.run("/mote liste", now=now)
    assert (
        f"• #{first} Samhandlingsmøte Tønsberg — 1 har svart, svarfrist onsdag 4. mars "
        "2026 kl 12:00"
    ) in text
    assert f"#{second} " not in text
    assert "• Nettverksmøte — fredag 6. mars 2026 kl 10:00 — Larvik" in text
    assert "Møtepoller og møter i Nettverk for infrastruktur" in bot.run("/mote", now=now)


def test_nynorsk_and_english_replies(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now)
    bot.run("/partnerbot språk nn", as_="Ola Nordmann", now=now)
    text = bot.run(f"/møte svar {poll_id} 1:om naudsynt", as_="Ola Nordmann", now=now)
    assert "1. torsdag 5. mars kl. 10:00–12:00 — ja 0 · om naudsynt 1 · nei 0" in text
    assert "Svar med `/mote svar" in text
    text = bot.run(f"/meeting close {poll_id}", as_="Jon Bakke", now=now)
    assert text.startswith("Only organisers, admins and whoever created meeting poll")
    text = bot.run(f"/meeting answer {poll_id} all yes", as_="Jon Bakke", now=now)
    # English words to an English member, not "ja/yes, kanskje/maybe or nei/no"
    assert "(yes, maybe or no for each time)" in text, text


class FlakyMessenger:
    """Fails the first send with a temporary error, then records."""

    platform = "console"

    def __init__(self) -> None:
        self.failed = False
        self.sent: list[str] = []

    def send(self, destination: object, reply: Reply) -> None:
        if not self.failed:
            self.failed = True
            raise TemporaryError("503 from the platform", retry_after=30)
        self.sent.append(reply.plain())


def test_auto_close_result_is_posted_again_after_a_failed_send(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now, '/mote ny "Kort frist" tider fredag 10-12 svarfrist i morgen kl 12')
    messenger = FlakyMessenger()
    dispatcher = bot.app.dispatcher(messenger, monotonic=still)
    closes = datetime(2026, 3, 3, 11, 0, tzinfo=UTC)
    assert dispatcher.dispatch_due(closes).retried == 1
    assert poll_row(bot, poll_id).state == "closed"  # closed, though the post failed
    dispatcher.dispatch_due(closes + timedelta(seconds=30))
    assert len(messenger.sent) == 1
    assert messenger.sent[0].startswith(f"Svarfristen er ute: møtepoll #{poll_id}")


def test_poll_list_is_the_list_as_data(bot: TestBot, now: datetime) -> None:
    from handlers.polls import poll_list
    from storage.models import Network

    poll_id = create(bot, now)
    bot.run(f"/mote svar {poll_id} 1:ja", as_="Ola Nordmann", now=now)
    bot.run(f"/mote svar {poll_id} 2:ja", as_="Jon Bakke", now=now)
    shown = bot.run("/mote liste", now=now)
    with bot.app.db.transaction() as s:
        network = s.get(Network, poll_row(bot, poll_id).network_id)
        assert network is not None
        found = poll_list(s, network, now)
        answered = {p.id: n for p, n in found.open}
        assert answered[poll_id] == 2
        assert found.undecided == [] and found.meetings == []
    for p_id in answered:
        assert f"#{p_id}" in shown


def test_slots_in_another_year_than_the_poll_show_their_year(bot: TestBot, now: datetime) -> None:
    """Typed in March 2026, "15.02" is February 2027: the card said "søndag 15. februar"
    without the year, where a hearing's deadline names it (seen in `make run`)."""
    line = '/mote ny "Budsjettmøte" tider 15.02 kl 10-12, 16.02 kl 13-15'
    out = bot.run(line, now=now)
    assert "1. mandag 15. februar 2027 kl 10:00–12:00" in out
    assert "2. tirsdag 16. februar 2027 kl 13:00–15:00" in out
    out = bot.run('/mote ny "Nettverksmøte" tider 5.3 kl 10-12, 6.3 kl 13-15', now=now)
    assert "1. torsdag 5. mars kl 10:00–12:00" in out  # this year's: no year, as before


@pytest.mark.parametrize(
    "typed",
    ["ja kanskje nei", "1 ja 2 kanskje 3 nei", "1 ja, 2 om nødvendig, 3 nei", "j kanskje n"],
)
def test_answers_typed_without_colons_are_taken(bot: TestBot, now: datetime, typed: str) -> None:
    """Seen in `make run`: `/mote svar 2 ja nei` and `/mote svar 2 1 ja` were refused; one
    answer per slot in order, or a number then its answer, is what was meant."""
    poll_id = create(bot, now)
    text = bot.run(f"/mote svar {poll_id} {typed}", as_="Ola Nordmann", now=now)
    assert text.startswith(f"Du har svart på møtepoll #{poll_id}."), text
    assert answers_in_slot_order(bot, poll_id) == ["yes", "maybe", "no"]


@pytest.mark.parametrize(
    ("typed", "answers"),
    [
        ("alle nei", ["no", "no", "no"]),
        ("all yes", ["yes", "yes", "yes"]),
        ("alle kanskje", ["maybe", "maybe", "maybe"]),
        ("alle om naudsynt", ["maybe", "maybe", "maybe"]),
        ("all if need be", ["maybe", "maybe", "maybe"]),
        ("alle nei 2 ja", ["no", "yes", "no"]),
    ],
)
def test_all_and_its_answer_typed_without_a_colon_are_taken(
    bot: TestBot, now: datetime, typed: str, answers: list[str]
) -> None:
    """`/mote svar 7 alle nei` was refused while `/mote svar 7 alle:nei` was taken."""
    poll_id = create(bot, now)
    text = bot.run(f"/mote svar {poll_id} {typed}", as_="Ola Nordmann", now=now)
    assert text.startswith(f"Du har svart på møtepoll #{poll_id}."), text
    assert answers_in_slot_order(bot, poll_id) == answers


@pytest.mark.parametrize("typed", ["alle ja alle nei", "alle:ja alle:nei", "alle nei, alle=ja"])
def test_all_with_two_different_answers_is_asked_about(
    bot: TestBot, now: datetime, typed: str
) -> None:
    """Review: `/mote svar 1 alle ja alle nei` saved "nei" for every time without a word,
    while `1:ja 1:nei` is asked about; two answers for the same times are asked about."""
    poll_id = create(bot, now)
    text = bot.run(f"/mote svar {poll_id} {typed}", as_="Ola Nordmann", now=now)
    assert text.startswith("Du har gitt to ulike svar for alle tidspunktene."), text
    assert f"`/mote svar {poll_id} alle ja`" in text and "Ingenting er lagret." in text, text
    text = bot.run(f"/meeting answer {poll_id} all yes all no", as_="Jon Bakke", now=now)
    assert text.startswith("You gave two different answers for all the times."), text
    assert f"`/mote answer {poll_id} all yes`" in text and "Nothing was saved." in text, text
    assert counts(bot, poll_id) == 0
    text = bot.run(f"/mote svar {poll_id} alle ja alle ja", as_="Ola Nordmann", now=now)
    assert text.startswith(f"Du har svart på møtepoll #{poll_id}."), text  # the same twice
    assert answers_in_slot_order(bot, poll_id) == ["yes", "yes", "yes"]


def test_a_slot_named_before_all_keeps_its_answer(bot: TestBot, now: datetime) -> None:
    """`alle nei 2 ja` gives slot 2 "ja"; `2 ja alle nei` overwrote it with "nei"."""
    poll_id = create(bot, now)
    text = bot.run(f"/mote svar {poll_id} 2 ja alle nei", as_="Ola Nordmann", now=now)
    assert text.startswith(f"Du har svart på møtepoll #{poll_id}."), text
    assert answers_in_slot_order(bot, poll_id) == ["no", "yes", "no"]


def test_all_without_an_answer_asks_for_the_answer(bot: TestBot, now: datetime) -> None:
    """`/mote svar 2 alle` was answered "Jeg forstod ikke «alle»"."""
    poll_id = create(bot, now)
    text = bot.run(f"/mote svar {poll_id} alle", as_="Ola Nordmann", now=now)
    assert text == (
        "Hvilket svar gjelder for alle tidspunktene? Skriv for eksempel "
        f"`/mote svar {poll_id} alle ja` (eller `alle kanskje`, `alle nei`)."
    )
    text = bot.run(f"/meeting answer {poll_id} all", as_="Jon Bakke", now=now)
    assert f"`/mote answer {poll_id} all yes`" in text, text
    assert counts(bot, poll_id) == 0


@pytest.mark.parametrize("word", ["stem", "stemme", "røyst"])
def test_the_vote_words_members_type_answer_a_poll(bot: TestBot, now: datetime, word: str) -> None:
    """`/mote stem 2 ...` answered the whole help."""
    poll_id = create(bot, now)
    out = bot.run(f"/mote {word} {poll_id} alle:ja", as_="Ola Nordmann", now=now)
    assert out.startswith(f"Du har svart på møtepoll #{poll_id}.")
    assert counts(bot, poll_id) == 3


@pytest.mark.parametrize(
    "words",
    [
        "éi røyst per organisasjon",
        "ei røyst per organisasjon",
        "éi stemme per organisasjon",
        "ei stemme per organisasjon",
    ],
)
def test_one_vote_per_organisation_in_nynorsk_words(
    bot: TestBot, now: datetime, words: str
) -> None:
    """Sigrid Aasen typed `éi røyst per organisasjon` and was told «éi» is not known."""
    line = f'/mote ny "Arbeidsmøte" tider torsdag kl 10, fredag kl 13 {words}'
    out = bot.run(line, as_="Sigrid Aasen", channel="#vest-telemark", now=now)
    assert "Éi stemme per organisasjon" in out, out  # stemme is feminine in nynorsk
    with bot.app.db.transaction() as s:
        poll = s.scalar(select(Poll).order_by(Poll.id.desc()).limit(1))
        assert poll is not None and poll.title == "Arbeidsmøte"
        assert poll.one_vote_per_organisation
