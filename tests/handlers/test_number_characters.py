"""Any character Unicode calls a digit or a number, typed where a number belongs, is
answered: `/horing liste side ²` was "Noe gikk galt" (str.isdigit takes a superscript two,
int() does not)."""

from __future__ import annotations

import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.i18n import LANGUAGES, t
from tests.helpers import TestBot

NUMBER_PLACES = [
    "/horing liste side {n}",
    "/horing liste alle side {n}",
    "/horing vis {n}",
    "/tiltak liste side {n}",
    "/tiltak liste mål {n}",
    "/tiltak framdrift 1 {n}",
    "/mote svar 1 {n}:ja",
    "/mote lukk 1 valg {n}",
    "/konferanse vis {n}",
    "/konferanse endre 1 plasser {n}",
    '/mote ny "Møte" tider i morgen kl 10 varighet {n} t',
    '/horing ny "Høring" frist om {n} dager mottakere NAV påminn {n}d',
]
NUMBERS = st.text(st.characters(categories=("Nd", "No", "Nl")), min_size=1, max_size=4)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(place=st.sampled_from(NUMBER_PLACES), number=NUMBERS)
def test_a_number_in_any_script_is_answered_never_a_bug(
    bot: TestBot, caplog: pytest.LogCaptureFixture, place: str, number: str
) -> None:
    caplog.clear()
    out = bot.run(place.format(n=number))
    bugs = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert not bugs and out not in {t("error.unexpected", lang) for lang in LANGUAGES}, out


@pytest.mark.parametrize("number", ["²", "¹²", "٣", "Ⅻ"])
def test_a_page_that_is_no_number_of_ours_says_what_to_type(bot: TestBot, number: str) -> None:
    out = bot.run(f"/horing liste side {number}")
    assert "Sidetallet må være et helt tall fra 1, for eksempel `/horing liste side 2`." in out
