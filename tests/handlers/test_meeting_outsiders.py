"""Invitees outside the poll's network got the poll by direct message: the meeting it
sets (by hand or at svarfrist), and a move of it, reach them the same way with the .ics."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import icalendar

from tests.handlers.test_polls import NEW, create
from tests.helpers import TestBot

CLOSES = datetime(2026, 3, 4, 11, 0, tzinfo=UTC)  # NEW's svarfrist


def invite_gro(bot: TestBot, now: datetime, extra: str = "", lang: str = "") -> int:
    bot.run('/partnerbot medlem ny "Gro Moe" org "Vestfold og Telemark fylkeskommune"', now=now)
    if lang:
        bot.run(f'/partnerbot medlem "Gro Moe" language {lang}', now=now)
    poll_id = create(bot, now, NEW + " inviterte Gro Moe" + extra, as_="Marte Lie")
    assert [who for who, _ in bot.dispatch(now)] == ["Gro Moe"]  # the poll, by DM
    return poll_id


def event_of(data: bytes) -> icalendar.Event:
    cal = icalendar.Calendar.from_ical(data)
    assert cal["METHOD"] == "PUBLISH"
    (event,) = cal.walk("VEVENT")
    return event


def test_a_meeting_set_by_hand_is_sent_to_those_invited_by_dm(
    any_bot: TestBot, now: datetime
) -> None:
    """Seen by a tester: Gro voted on the poll from her DM, the meeting was set with
    `/mote lukk 4 valg 2`, and she never got the invitation."""
    poll_id = invite_gro(any_bot, now)
    any_bot.run(f"/mote lukk {poll_id} valg 2", as_="Marte Lie", now=now)
    (posted,) = any_bot.last.files  # type: ignore[union-attr]
    before = len(any_bot.messenger.sent)
    sent = any_bot.dispatch(now)
    assert [who for who, _ in sent] == ["Gro Moe"]
    text = sent[0][1]
    assert text.startswith("Hei Gro Moe! Møtepollen du ble invitert til i Nettverk for")
    assert "Samhandlingsmøte Tønsberg** er satt til fredag 6. mars kl 13:00–15:00" in text or (
        "Samhandlingsmøte Tønsberg er satt til fredag 6. mars kl 13:00–15:00" in text
    )
    assert "Kalenderinvitasjonen (.ics) er vedlagt" in text
    (destination, reply) = any_bot.messenger.sent[before]
    assert reply.visibility == "ephemeral" and reply.object_ref is None
    (ics,) = reply.files
    mine, channel = event_of(ics.data), event_of(posted.data)
    assert str(mine["UID"]) == str(channel["UID"])
    assert int(mine["SEQUENCE"]) == int(channel["SEQUENCE"]) == 0
    assert mine.decoded("DTSTART") == channel.decoded("DTSTART")
    assert any_bot.dispatch(now + timedelta(minutes=1)) == []  # once

    # moved: the new invitation (same UID, next SEQUENCE) reaches her too
    any_bot.run(f"/mote lukk {poll_id} valg 3", as_="Marte Lie", now=now)
    before = len(any_bot.messenger.sent)
    sent = any_bot.dispatch(now)
    assert [who for who, _ in sent] == ["Gro Moe"] and "er flyttet til mandag 9. mars" in sent[0][1]
    (moved,) = any_bot.messenger.sent[before][1].files
    assert str(event_of(moved.data)["UID"]) == str(channel["UID"])
    assert int(event_of(moved.data)["SEQUENCE"]) == 1


def test_two_moves_before_it_goes_send_only_the_last(bot: TestBot, now: datetime) -> None:
    poll_id = invite_gro(bot, now)
    bot.run(f"/mote lukk {poll_id} valg 2", as_="Marte Lie", now=now)
    bot.run(f"/mote lukk {poll_id} valg 3", as_="Marte Lie", now=now)
    sent = bot.dispatch(now)
    assert [who for who, _ in sent] == ["Gro Moe"] and "mandag 9. mars" in sent[0][1]


def test_a_meeting_set_at_svarfrist_reaches_them_in_their_language(
    bot: TestBot, now: datetime
) -> None:
    poll_id = invite_gro(bot, now, " velg automatisk", lang="en")
    bot.run(f"/mote svar {poll_id} 3:ja", as_="Ola Nordmann", now=now)
    first = bot.dispatch(CLOSES)
    later = bot.dispatch(CLOSES + timedelta(minutes=1))
    to_gro = [text for who, text in first + later if who == "Gro Moe"]
    assert len(to_gro) == 1
    assert to_gro[0].startswith("Hi Gro Moe! The meeting poll you were invited to in")
    assert "is set for Monday 9 March 09:00–11:00" in to_gro[0]
    assert bot.dispatch(CLOSES + timedelta(minutes=2)) == []


def test_called_off_after_it_was_set_they_get_the_cancel_not_the_invitation(
    bot: TestBot, now: datetime
) -> None:
    poll_id = invite_gro(bot, now)
    bot.run(f"/mote lukk {poll_id} valg 2", as_="Marte Lie", now=now)
    bot.run(f"/mote avlys {poll_id}", as_="Marte Lie", now=now)
    sent = bot.dispatch(now)
    assert [who for who, _ in sent] == ["Gro Moe"] and "er avlyst" in sent[0][1]


def test_a_poll_called_off_reopened_and_set_again_sends_them_the_new_meeting(
    bot: TestBot, now: datetime
) -> None:
    """Review: the row's key had no meeting in it, so the second meeting (SEQUENCE 0 again)
    found the first one's row sent and Gro was never told; sent, it would say "moved"."""
    poll_id = invite_gro(bot, now)
    bot.run(f"/mote lukk {poll_id} valg 2", as_="Marte Lie", now=now)
    assert [who for who, _ in bot.dispatch(now)] == ["Gro Moe"]
    bot.run(f"/mote avlys {poll_id}", as_="Marte Lie", now=now)
    assert [who for who, _ in bot.dispatch(now)] == ["Gro Moe"]  # the call-off
    bot.run(f"/mote gjenåpne {poll_id} svarfrist 3. mars kl 12", as_="Marte Lie", now=now)
    bot.run(f"/mote lukk {poll_id} valg 3", as_="Marte Lie", now=now)
    sent = [(who, text) for who, text in bot.dispatch(now) if who == "Gro Moe"]
    assert len(sent) == 1
    assert "er satt til mandag 9. mars" in sent[0][1] and "flyttet" not in sent[0][1]
