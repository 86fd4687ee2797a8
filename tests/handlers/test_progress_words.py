"""A progress that is not a whole number from 0 to 100 is answered as a progress: `/tiltak
framdrift 7 -5` (or `50,5%`, `femti`) was told "«-5» is not a status" with a list of
statuses, and `/tiltak framdrift 7` how to set a status; `/tiltak status 7 fremdrift -5`
that «fremdrift» is not a status."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handlers.action_common import parse_status
from tests.handlers import test_actions
from tests.handlers.test_actions import get, new_action
from tests.handlers.test_permissions import dump
from tests.helpers import TestBot

tbot = test_actions.tbot  # the demo at the fixed `now`, as the actions' own tests have it

TYPED = st.from_regex(r"-?[0-9٠-٩０-９]{1,4}(?:[.,][0-9]{1,2})?%?|[a-zæøå]{2,8}", fullmatch=True)


def _valid(typed: str) -> int | None:
    found = re.fullmatch(r"([0-9]{1,3})%?", typed)
    return int(found.group(1)) if found and int(found.group(1)) <= 100 else None


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=TYPED)
def test_framdrift_takes_a_whole_percentage_and_answers_anything_else_as_a_progress(
    tbot: TestBot, now: datetime, typed: str
) -> None:
    n = getattr(tbot, "progress_action", None) or new_action(tbot, now, '"Rapport" ansvarlig meg')
    tbot.progress_action = n  # type: ignore[attr-defined]  # one action for every example
    before = get(tbot, n).progress
    out = tbot.run(f"/tiltak framdrift {n} {typed}", as_="Ola Nordmann", now=now)
    value = _valid(typed)
    if parse_status(typed) is not None:  # `/tiltak framdrift 7 ferdig`: a status still
        return
    if value is not None:
        assert get(tbot, n).progress == value, out
        return
    assert "er ikke en fremdrift. Skriv et tall fra 0 til 100" in out, f"{typed}: {out}"
    assert "status" not in out, out
    assert get(tbot, n).progress == before


@pytest.mark.parametrize(
    ("lang", "line", "said"),
    [
        ("nb", "/tiltak framdrift {n} -5", "«-5» er ikke en fremdrift."),
        ("nn", "/tiltak framdrift {n} 50,5%", "«50,5%» er ikkje ein framdrift."),
        ("en", "/tiltak progress {n} fifty", "“fifty” is not a progress value."),
        ("nb", "/tiltak status {n} fremdrift -5", "«-5» er ikke en fremdrift."),
        ("nn", "/tiltak status {n} framdrift mykje", "«mykje» er ikkje ein framdrift."),
        ("nb", "/tiltak framdrift {n}", "hvor langt tiltaket har kommet, i prosent: `/tiltak"),
        ("nn", "/tiltak framdrift {n}", "kor langt tiltaket har kome, i prosent: `/tiltak"),
        ("en", "/tiltak progress {n}", "how far the action has come, in per cent: `/tiltak"),
    ],
)
def test_a_bad_progress_is_named_as_one_in_the_members_language(
    tbot: TestBot, now: datetime, lang: str, line: str, said: str
) -> None:
    n = new_action(tbot, now, '"Rapport" ansvarlig meg')
    tbot.run(f"/partnerbot språk {lang}", as_="Ola Nordmann", now=now)
    out = tbot.run(line.format(n=n), as_="Ola Nordmann", now=now)
    assert said in out, out
    action = get(tbot, n)
    assert action.progress is None and action.status == "planned"


@pytest.mark.parametrize(
    ("lang", "line", "said"),
    [
        ("nb", '/tiltak ny "A" status ferdig fremdrift 50%', "Et ferdig tiltak har fremdrift 100"),
        ("nn", '/tiltak ny "A" status ferdig framdrift 50%', "Eit ferdig tiltak har framdrift 100"),
        ("en", '/tiltak new "A" status done progress 50%', "A done action has 100% progress"),
    ],
)
def test_a_new_action_done_at_less_than_100_is_refused_as_a_status_change_is(
    tbot: TestBot, now: datetime, lang: str, line: str, said: str
) -> None:
    """`/tiltak ny "A" status ferdig fremdrift 50%` made an action «ferdig (50 %)», a state
    `/tiltak status 7 ferdig 50%` refuses."""
    tbot.run(f"/partnerbot språk {lang}", as_="Ola Nordmann", now=now)
    before = dump(tbot)
    out = tbot.run(line, as_="Ola Nordmann", now=now)
    assert said in out and "50" in out, out
    assert dump(tbot) == before
