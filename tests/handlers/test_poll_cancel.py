"""Calling off a meeting poll or its meeting (/mote avlys) and opening a poll again
(/mote gjenåpne): what is stopped, who is told, what calendars get."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import icalendar
from sqlalchemy import select

from storage.models import Meeting, OutboxMessage
from tests.handlers.test_polls import NEW, create, poll_row
from tests.helpers import TestBot

CLOSES = datetime(2026, 3, 4, 11, 0, tzinfo=UTC)  # NEW's svarfrist, Wednesday 12:00 in Oslo


def pending(bot: TestBot, object_type: str, object_id: int) -> list[str]:
    with bot.app.db.transaction() as s:
        return sorted(
            r.kind
            for r in s.scalars(
                select(OutboxMessage).where(
                    OutboxMessage.object_type == object_type,
                    OutboxMessage.object_id == object_id,
                    OutboxMessage.state == "pending",
                )
            )
        )


def test_calling_off_an_open_poll_stops_its_nudges_and_votes(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now, NEW, as_="Marte Lie")
    assert pending(bot, "poll", poll_id)  # nudges and the close at svarfrist
    refused = bot.run(f"/mote avlys {poll_id}", as_="Ola Nordmann", now=now)
    assert refused.startswith("Bare organisatorer, administratorer og den som laget")
    assert poll_row(bot, poll_id).state == "open"

    text = bot.run(f'/mote avlys {poll_id} "Saken er løst på e-post"', as_="Marte Lie", now=now)
    assert text.startswith(f"❌ Møtepoll #{poll_id} «Samhandlingsmøte Tønsberg» er avlyst.")
    assert "Grunn: Saken er løst på e-post" in text
    reply = bot.last
    assert reply is not None and reply.visibility == "channel" and not reply.files
    assert reply.object_ref == ("poll", poll_id)
    assert reply.card is not None and "Avlyst" in reply.card.plain()
    assert "[Ja:" not in reply.card.plain()  # the posted poll loses its buttons
    assert poll_row(bot, poll_id).state == "cancelled"
    assert pending(bot, "poll", poll_id) == []
    assert bot.dispatch(CLOSES) == []
    assert f"Møtepoll #{poll_id} er avlyst" in bot.run(
        f"/mote svar {poll_id} 1:ja", as_="Ola Nordmann", now=now
    )
    assert f"#{poll_id} " not in bot.run("/mote liste", now=now)
    assert "Avlyst" in bot.run(f"/mote vis {poll_id}", now=now)
    assert f"Møtepoll #{poll_id} er allerede avlyst" in bot.run(
        f"/mote avlys {poll_id}", as_="Marte Lie", now=now
    )


def test_calling_off_the_meeting_sends_a_cancelled_invitation(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now, NEW, as_="Marte Lie")
    bot.run(f"/mote lukk {poll_id} valg 2", as_="Marte Lie", now=now)
    with bot.app.db.transaction() as s:
        meeting = s.scalar(select(Meeting).where(Meeting.poll_id == poll_id))
        assert meeting is not None
        meeting_id, uid = meeting.id, meeting.uid
    assert pending(bot, "meeting", meeting_id) == ["meeting.reminder", "meeting.reminder"]

    text = bot.run(f"/mote avlys {poll_id}", as_="Marte Lie", now=now)
    assert text.startswith(
        "❌ Samhandlingsmøte Tønsberg fredag 6. mars kl 13:00–15:00 er avlyst "
        f"(møtepoll #{poll_id})."
    )
    assert "fjerner møtet fra kalenderen" in text
    reply = bot.last
    assert reply is not None and reply.visibility == "channel" and len(reply.files) == 1
    cal = icalendar.Calendar.from_ical(reply.files[0].data)
    (event,) = cal.walk("VEVENT")
    assert str(event["UID"]) == uid and int(event["SEQUENCE"]) == 1
    assert str(event["STATUS"]) == "CANCELLED" and cal["METHOD"] == "CANCEL"
    assert event.decoded("DTSTART").hour == 13 and [c["TZID"] for c in cal.walk("VTIMEZONE")] == [
        "Europe/Oslo"
    ]
    assert pending(bot, "meeting", meeting_id) == []
    assert bot.dispatch(datetime(2026, 3, 5, 8, 0, tzinfo=UTC)) == []  # no reminder
    listing = bot.run("/mote liste", now=now)
    assert "Kommende møter" not in listing
    assert "Møtet er avlyst" in bot.run(f"/mote vis {poll_id}", now=now)


def test_a_meeting_that_has_been_cannot_be_called_off(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now, NEW, as_="Marte Lie")
    bot.run(f"/mote lukk {poll_id} valg 1", as_="Marte Lie", now=now)
    later = datetime(2026, 3, 5, 12, 0, tzinfo=UTC)  # Thursday 13:00: the meeting is over
    assert "har allerede vært" in bot.run(f"/mote avlys {poll_id}", as_="Marte Lie", now=later)
    assert poll_row(bot, poll_id).state == "closed"


def test_reopening_a_poll_closed_at_svarfrist_with_a_new_svarfrist(
    bot: TestBot, now: datetime
) -> None:
    poll_id = create(bot, now, NEW, as_="Marte Lie")
    bot.dispatch(CLOSES)  # closed by itself, nobody answered
    assert poll_row(bot, poll_id).state == "closed"
    after = CLOSES + timedelta(hours=1)
    assert "Bare organisatorer" in bot.run(
        f"/mote gjenåpne {poll_id}", as_="Ola Nordmann", now=after
    )
    text = bot.run(f"/mote gjenåpne {poll_id} svarfrist torsdag kl 8", as_="Marte Lie", now=after)
    assert text.startswith(f"Møtepoll #{poll_id} «Samhandlingsmøte Tønsberg» er åpen igjen")
    assert "torsdag 5. mars 2026 kl 08:00" in text
    assert "[Ja:" in text  # the buttons are back
    assert poll_row(bot, poll_id).state == "open"
    assert "Du har svart" in bot.run(f"/mote svar {poll_id} 1:ja", as_="Ola Nordmann", now=after)
    # it closes again at the new svarfrist
    sent = bot.dispatch(datetime(2026, 3, 5, 7, 0, tzinfo=UTC))
    assert [d for d, _ in sent] == ["#infrastruktur"] and "Svarfristen er ute" in sent[0][1]
    assert poll_row(bot, poll_id).state == "closed"


def test_reopening_is_refused_with_what_to_do(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now, NEW, as_="Marte Lie")
    assert f"Møtepoll #{poll_id} er åpen" in bot.run(
        f"/mote gjenåpne {poll_id}", as_="Marte Lie", now=now
    )
    bot.run(f"/mote lukk {poll_id} valg 2", as_="Marte Lie", now=now)
    text = bot.run(f"/mote gjenopne {poll_id}", as_="Marte Lie", now=now)
    assert "Møtet er allerede satt" in text and f"/mote avlys {poll_id}" in text
    assert poll_row(bot, poll_id).state == "closed"
    # after the meeting is called off, the poll can be opened again and a new meeting set
    bot.run(f"/mote avlys {poll_id}", as_="Marte Lie", now=now)
    assert "er åpen igjen" in bot.run(f"/mote reopen {poll_id}", as_="Marte Lie", now=now)
    assert "er satt til torsdag 5. mars" in bot.run(
        f"/mote lukk {poll_id} valg 1", as_="Marte Lie", now=now
    )
    # all slots passed: nothing to answer
    late = datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
    other = create(bot, now, NEW, as_="Marte Lie")
    bot.run(f"/mote avlys {other}", as_="Marte Lie", now=now)
    assert "Alle tidspunktene" in bot.run(f"/mote gjenåpne {other}", as_="Marte Lie", now=late)


def test_cancel_and_reopen_in_english(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now, NEW, as_="Marte Lie")
    text = bot.run(f"/mote call off {poll_id}", as_="Jon Bakke", now=now)
    assert text.startswith("Only organisers, admins and whoever created")
    bot.run(f"/mote avlys {poll_id}", as_="Marte Lie", now=now)
    assert f"Meeting poll #{poll_id} is called off" in bot.run(
        f"/mote answer {poll_id} 1:yes", as_="Jon Bakke", now=now
    )


def test_a_reason_without_quotes_is_taken_whole(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now, NEW, as_="Marte Lie")
    text = bot.run(f"/mote avlys {poll_id} saken er løst på e-post", as_="Marte Lie", now=now)
    assert "Grunn: saken er løst på e-post" in text


def test_a_called_off_poll_is_not_closed_into_a_meeting(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now, NEW, as_="Marte Lie")
    bot.run(f"/mote avlys {poll_id}", as_="Marte Lie", now=now)
    text = bot.run(f"/mote lukk {poll_id} valg 1", as_="Marte Lie", now=now)
    assert f"Møtepoll #{poll_id} er avlyst" in text and f"/mote gjenåpne {poll_id}" in text
    with bot.app.db.transaction() as s:
        assert s.scalar(select(Meeting).where(Meeting.poll_id == poll_id)) is None


def test_english_words_for_calling_off_and_for_withdrawing_differ(
    bot: TestBot, now: datetime
) -> None:
    """`cancel` withdraws a member from a conference; calling a poll off for everyone is
    `call off`, and `/mote cancel` calls nothing off."""
    poll_id = create(bot, now, NEW, as_="Marte Lie")
    text = bot.run(f"/mote cancel {poll_id}", as_="Marte Lie", now=now)
    assert poll_row(bot, poll_id).state == "open"
    assert "forstod ikke «cancel»" in text and "/mote avlys 4" in text  # what to type
    help_text = bot.run("/mote help", as_="Jon Bakke", now=now)
    assert "/mote call off 4" in help_text and "/mote cancel" not in help_text
    conf_help = bot.run("/konferanse help", as_="Jon Bakke", now=now)
    assert "/konferanse withdraw 2" in conf_help and "only you" in conf_help
    assert "/konferanse call off 2" in conf_help and "for everyone" in conf_help
    assert "er avlyst" in bot.run(f"/mote call off {poll_id}", as_="Marte Lie", now=now)


def test_invitees_outside_the_network_are_told_the_meeting_is_called_off(
    bot: TestBot, now: datetime
) -> None:
    """They got the poll by direct message, not in the channel: the call-off reaches them
    the same way, once each, with a CANCEL of the meeting's UID."""
    bot.run('/partnerbot medlem ny "Gro Moe" org "Vestfold og Telemark fylkeskommune"', now=now)
    poll_id = create(bot, now, NEW + " inviterte Gro Moe", as_="Marte Lie")
    assert [who for who, _ in bot.dispatch(now)] == ["Gro Moe"]  # the poll, by DM
    bot.run(f"/mote lukk {poll_id} valg 2", as_="Marte Lie", now=now)
    publish = icalendar.Calendar.from_ical(bot.last.files[0].data)  # type: ignore[union-attr]
    bot.dispatch(now)

    bot.run(f'/mote avlys {poll_id} "Saken er løst"', as_="Marte Lie", now=now)
    channel = bot.last
    before = len(bot.messenger.sent)
    sent = bot.dispatch(now)
    assert [who for who, _ in sent] == ["Gro Moe"]
    text = sent[0][1]
    assert "Samhandlingsmøte Tønsberg fredag 6. mars kl 13:00–15:00 er avlyst" in text
    assert "Grunn: Saken er løst" in text and "fjerner møtet fra kalenderen" in text
    (_, reply) = bot.messenger.sent[before]
    (cancel,) = reply.files
    cal = icalendar.Calendar.from_ical(cancel.data)
    assert cal["METHOD"] == "CANCEL" and cancel.mime == "text/calendar; method=CANCEL"
    (event,) = cal.walk("VEVENT")
    (first,) = publish.walk("VEVENT")
    assert str(event["UID"]) == str(first["UID"])
    assert int(event["SEQUENCE"]) == int(first["SEQUENCE"]) + 1
    assert str(event["STATUS"]) == "CANCELLED"
    # the same CANCEL as the channel's, organiser and all
    assert channel is not None and len(channel.files) == 1
    (posted,) = icalendar.Calendar.from_ical(channel.files[0].data).walk("VEVENT")
    assert event.get("ORGANIZER") == posted.get("ORGANIZER") == first.get("ORGANIZER")
    assert bot.dispatch(now + timedelta(days=1)) == []  # once


def test_a_poll_called_off_is_told_to_those_invited_by_dm_in_their_language(
    bot: TestBot, now: datetime
) -> None:
    bot.run('/partnerbot medlem ny "Gro Moe" org "Vestfold og Telemark fylkeskommune"', now=now)
    bot.run('/partnerbot medlem ny "Eli Strand" org "Vestfold og Telemark fylkeskommune"', now=now)
    bot.run('/partnerbot medlem "Gro Moe" language en', now=now)
    poll_id = create(bot, now, NEW + " inviterte Gro Moe", as_="Marte Lie")
    bot.dispatch(now)
    # Eli is invited by a poll called off before its DM went: she never heard of it
    other = create(bot, now, NEW + " inviterte Eli Strand", as_="Marte Lie")
    bot.run(f"/mote avlys {other}", as_="Marte Lie", now=now)
    bot.run(f"/mote avlys {poll_id}", as_="Marte Lie", now=now)
    sent = bot.dispatch(now)
    assert [who for who, _ in sent] == ["Gro Moe"]
    assert f"Meeting poll #{poll_id} “Samhandlingsmøte Tønsberg” is called off" in sent[0][1]
    assert bot.dispatch(now) == []
