"""Once a poll's svarfrist has passed, nothing asks for the answer the bot now refuses (the
poll stays open until the dispatcher's next tick, or its first after a restart):
`/partnerbot oversikt` listed it under polls to answer, the digest as not answered yet, and
`/mote vis` and the poll's card still said "Svar med `/mote svar …`", with answer buttons."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.messages import Buttons
from tests.handlers.test_polls import NEW, create
from tests.handlers.test_vote_after_svarfrist import SVARFRIST
from tests.helpers import TestBot

AFTER = SVARFRIST + timedelta(minutes=1)
BEFORE = SVARFRIST - timedelta(minutes=1)


@pytest.mark.parametrize(("at", "listed"), [(BEFORE, True), (AFTER, False)])
def test_the_overview_lists_the_poll_to_answer_only_before_its_svarfrist(
    bot: TestBot, now: datetime, at: datetime, listed: bool
) -> None:
    poll_id = create(bot, now, NEW, as_="Marte Lie")
    out = bot.run("/partnerbot oversikt", as_="Ola Nordmann", now=at)
    assert (f"Møtepoll #{poll_id}" in out) is listed, out


@pytest.mark.parametrize(("at", "listed"), [(BEFORE, True), (AFTER, False)])
def test_the_digest_asks_for_answers_only_before_the_svarfrist(
    bot: TestBot, now: datetime, at: datetime, listed: bool
) -> None:
    poll_id = create(bot, now, NEW, as_="Marte Lie")
    out = bot.run("/partnerbot digest vis", as_="Marte Lie", now=at)
    assert (f"Møtepoll #{poll_id}" in out) is listed, out


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nb", "Svarfristen gikk ut onsdag 4. mars 2026 kl 12:00, så svar tas ikke imot lenger."),
        ("nn", "Svarfristen gjekk ut onsdag 4. mars 2026 kl. 12:00, så svar blir ikkje tekne"),
        ("en", "The answer deadline passed on Wednesday 4 March 2026 at 12:00, so answers are"),
    ],
)
def test_mote_vis_after_the_svarfrist_does_not_invite_an_answer(
    bot: TestBot, now: datetime, lang: str, said: str
) -> None:
    poll_id = create(bot, now, NEW, as_="Marte Lie")
    bot.run(f"/partnerbot språk {lang}", as_="Ola Nordmann", now=now)
    before = bot.run(f"/mote vis {poll_id}", as_="Ola Nordmann", now=BEFORE)
    assert f"/mote {'answer' if lang == 'en' else 'svar'} {poll_id}" in before, before
    out = bot.run(f"/mote vis {poll_id}", as_="Ola Nordmann", now=AFTER)
    assert f"/mote {'answer' if lang == 'en' else 'svar'} {poll_id}" not in out, out
    assert said in out, out


def test_the_card_after_the_svarfrist_has_no_answer_buttons(bot: TestBot, now: datetime) -> None:
    poll_id = create(bot, now, NEW, as_="Marte Lie")
    card = bot.reply(f'/mote endre {poll_id} sted "Rådhuset"', as_="Marte Lie", now=AFTER)
    assert not any(isinstance(b, Buttons) for b in card.blocks), card.plain()
    assert f"/mote svar {poll_id}" not in card.plain(), card.plain()
    assert "Svarfristen gikk ut onsdag 4. mars 2026 kl 12:00" in card.plain(), card.plain()
