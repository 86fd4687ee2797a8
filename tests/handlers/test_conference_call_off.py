"""Calling a conference off: the reason as typed, and web guests the chat cannot reach."""

from __future__ import annotations

from datetime import datetime

import pytest

from handlers.registrations import take_seat
from storage import outbox
from storage.accounts import new_member
from storage.models import Conference
from tests.handlers.test_conferences import announced
from tests.helpers import TestBot


def test_the_reason_is_the_rest_of_the_line_quoted_or_not(bot: TestBot, now: datetime) -> None:
    """Seen by a tester: `/konferanse avlys 2 For få påmeldte` called it off without a
    reason (only quoted words were taken), where `/mote avlys 4 saken er løst` keeps it."""
    cid = announced(bot, now)
    bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=now)
    bot.dispatch(now)
    bot.run(f"/konferanse avlys {cid} For få påmeldte", as_="Kari Nordmann", now=now)
    assert bot.last is not None and bot.last.card is not None
    assert "For få påmeldte" in bot.last.card.plain()
    sent = dict(bot.dispatch(now))
    assert "Grunn: For få påmeldte" in sent["Ola Nordmann"]
    assert "Grunn: For få påmeldte" in sent["#infrastruktur"]


def test_a_quoted_reason_with_words_around_it_keeps_them_all(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now)
    bot.run(f'/konferanse avlys {cid} "Stormen" stengte veiene', as_="Kari Nordmann", now=now)
    # as typed, quotes and all, as a note keeps them (bot.grammar.as_typed)
    assert '"Stormen" stengte veiene' in bot.last.card.plain()  # type: ignore[union-attr]


def test_a_reason_in_quotes_alone_is_saved_without_them(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now)
    bot.run(f'/konferanse avlys {cid} "For få påmeldte"', as_="Kari Nordmann", now=now)
    plain = bot.last.card.plain()  # type: ignore[union-attr]
    assert "For få påmeldte" in plain and '"For få påmeldte"' not in plain


def guest_registered(bot: TestBot, cid: int, now: datetime, key: str = "guest-1") -> None:
    with bot.app.db.transaction() as s:
        guest = new_member(s, "web", key, name=f"Åse Gjest {key}", role="member")
        s.flush()
        conf = s.get(Conference, cid)
        assert conf is not None
        take_seat(s, conf, guest.id, None, now)


def member_rows(bot: TestBot, cid: int, kind: str) -> list[str]:
    with bot.app.db.transaction() as s:
        return sorted(
            r.target_id
            for r in outbox.for_object(s, "conference", cid)
            if r.kind == kind and r.target_type == "member"
        )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nb",
            "2 gjester som svarte på gjestesiden, får ingen beskjed fra boten (gjestesiden viser det)",
        ),
        (
            "nn",
            "2 gjestar som svara på gjestesida, får inga melding frå boten (gjestesida viser det)",
        ),
        (
            "en",
            "2 guests who answered on the guest page cannot be told by the bot (their guest page shows it)",
        ),
    ],
)
def test_web_guests_are_not_queued_a_dm_and_the_organiser_is_told_how_many(
    any_bot: TestBot, now: datetime, lang: str, expected: str
) -> None:
    cid = announced(any_bot, now)
    guest_registered(any_bot, cid, now, "guest-1")
    guest_registered(any_bot, cid, now, "guest-2")
    any_bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=now)
    any_bot.dispatch(now)
    any_bot.run(f"/partnerbot språk {lang}", as_="Kari Nordmann", now=now)
    text = any_bot.run(f"/konferanse avlys {cid} Storm", as_="Kari Nordmann", now=now)
    assert "(1)" in text and expected in text
    assert "/konferanse" in text.split(expected)[1]  # where their e-mail addresses are
    with any_bot.app.db.transaction() as s:
        ola = s.get(Conference, cid).registrations[-1].member_id  # type: ignore[union-attr]
    assert member_rows(any_bot, cid, "conference.called_off") == [str(ola)]
    assert sorted(d for d, _ in any_bot.dispatch(now)) == ["#infrastruktur", "Ola Nordmann"]


def test_no_guests_no_word_of_them(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now)
    text = bot.run(f"/konferanse avlys {cid}", as_="Kari Nordmann", now=now)
    assert "gjest" not in text and "(0)" in text


def test_a_change_of_day_tells_the_organiser_of_guests_the_same_way(
    bot: TestBot, now: datetime
) -> None:
    cid = announced(bot, now)
    guest_registered(bot, cid, now)
    bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=now)
    text = bot.run(f"/konferanse endre {cid} dato 23. april kl 10-15", as_="Kari Nordmann", now=now)
    assert "alle som har svart (1) får beskjed" in text
    assert "1 gjest som svarte på gjestesiden, får ingen beskjed" in text
    assert [d for d, _ in bot.dispatch(now)] == ["Ola Nordmann"]


def test_a_change_that_reschedules_reminders_queues_no_day_before_note_to_a_guest(
    bot: TestBot, now: datetime
) -> None:
    """The day-before note is a DM: a web guest holding a seat has no chat for it (as a
    guest given a seat from the waitlist gets none)."""
    cid = announced(bot, now)
    guest_registered(bot, cid, now)
    bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=now)
    bot.run(f"/konferanse endre {cid} plasser 5", as_="Kari Nordmann", now=now)
    with bot.app.db.transaction() as s:
        ola = s.get(Conference, cid).registrations[-1].member_id  # type: ignore[union-attr]
    assert member_rows(bot, cid, "conference.day_before") == [str(ola)]
