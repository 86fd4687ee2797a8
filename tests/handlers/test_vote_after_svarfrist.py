"""An answer to a poll whose svarfrist has passed is refused, also before the dispatcher has
closed the poll (its next tick, or its first after a restart): a member's answer, typed or
a press on the card, was counted after the svarfrist while a web guest's was refused."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.handlers.test_polls import NEW, counts, create
from tests.helpers import TestBot

# NEW's svarfrist: Wednesday 4 March 2026 12:00 in Oslo
SVARFRIST = datetime.fromisoformat("2026-03-04T11:00:00+00:00")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nb", "Svarfristen for møtepoll #{id} gikk ut onsdag 4. mars 2026 kl 12:00"),
        ("nn", "Svarfristen for møtepoll #{id} gjekk ut onsdag 4. mars 2026 kl. 12:00"),
        (
            "en",
            "The answer deadline for meeting poll #{id} passed on Wednesday 4 March 2026 at 12:00",
        ),
    ],
)
def test_an_answer_after_the_svarfrist_is_refused_before_the_poll_is_closed(
    bot: TestBot, now: datetime, lang: str, said: str
) -> None:
    poll_id = create(bot, now, NEW, as_="Marte Lie")
    bot.run(f"/partnerbot språk {lang}", as_="Ola Nordmann", now=now)
    out = bot.run(f"/mote svar {poll_id} 1:ja", as_="Ola Nordmann", now=SVARFRIST)
    assert said.format(id=poll_id) in out, out
    assert f"/mote {'show' if lang == 'en' else 'vis'} {poll_id}" in out, out
    assert counts(bot, poll_id) == 0


def test_an_answer_a_minute_before_the_svarfrist_is_taken(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now, NEW, as_="Marte Lie")
    out = bot.run(
        f"/mote svar {poll_id} 1:ja", as_="Ola Nordmann", now=SVARFRIST - timedelta(minutes=1)
    )
    assert "Du har svart på møtepoll" in out, out
    assert counts(bot, poll_id) == 1


def test_a_poll_past_its_svarfrist_is_opened_again_not_called_open(
    bot: TestBot, now: datetime
) -> None:
    """Before the dispatcher's tick `/mote gjenåpne` said the poll was "open and taking
    answers" while an answer was refused; now it opens it with the new svarfrist, and the
    close at the old one does not close it."""
    poll_id = create(bot, now, NEW, as_="Marte Lie")
    out = bot.run(
        f"/mote gjenåpne {poll_id} svarfrist torsdag kl 8", as_="Marte Lie", now=SVARFRIST
    )
    assert f"Møtepoll #{poll_id} «Samhandlingsmøte Tønsberg» er åpen igjen" in out, out
    assert "Svarfrist torsdag 5. mars 2026 kl 08:00" in out, out
    assert bot.dispatch(SVARFRIST) == []  # the old svarfrist's close is gone
    out = bot.run(f"/mote svar {poll_id} 1:ja", as_="Ola Nordmann", now=SVARFRIST)
    assert "Du har svart på møtepoll" in out, out
    assert counts(bot, poll_id) == 1
