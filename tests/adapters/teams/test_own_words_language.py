"""The Teams adapter's own words ("it is saved, I post it later", a file's link under an
answer) are in the language a command in that conversation is answered in, as in Slack
(tests/adapters/slack/test_own_words_language.py): a newcomer in Vest-Telemark's channel
reads nynorsk, as the answers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.adapters.teams.harness import TeamsHarness, teams_bot

VT = {"channel": "19:vt@thread.tacv2", "channel_name": "vest-telemark"}
INGRID = {"user": "ingrid", "name": "Ingrid Berg"}
# An admin new to the bot whose Teams speaks none of its languages (Swedish): in no
# partnership and with no language of their own, they are answered in the channel's.
NYKOMAR = {"user": "nykomar", "name": "Ny Komar", "locale": "sv-SE"}


@pytest.fixture(scope="module")
def teams(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TeamsHarness]:
    with teams_bot(
        tmp_path_factory.mktemp("teams-own-words"), admins="aad-ingrid,aad-nykomar"
    ) as harness:
        harness.say_in_channel(
            'partnerbot koble nettverk "Arbeidsprogram Vest-Telemark"', **VT, **INGRID
        )
        harness.fake.wait_for(
            "send", lambda c: c.conversation == VT["channel"] and "koblet" in c.text
        )
        yield harness


def day(days: int) -> str:
    return (datetime.now(ZoneInfo("Europe/Oslo")) + timedelta(days=days)).strftime("%d.%m.%Y")


def test_a_newcomer_in_a_nynorsk_channel_is_told_of_a_later_post_in_nynorsk(
    teams: TeamsHarness,
) -> None:
    for _ in range(3):  # the first try and the interactive client's two retries
        teams.fake.fail_next("send", status=502, retry_after=None, conversation=VT["channel"])
    activity = teams.say_in_channel(
        f'mote ny "Møte om vegane" tider {day(12)} kl 10-12', **VT, **NYKOMAR
    )
    told = teams.fake.wait_for("reply", lambda c: c.body.get("replyToId") == activity["id"])
    assert "Det er lagra, men eg fekk ikkje lagt det ut i kanalen" in told.text, told.text


def test_an_export_link_is_explained_in_the_language_of_the_answer(teams: TeamsHarness) -> None:
    activity = teams.say_in_channel("tiltak eksport", **VT, **NYKOMAR)
    answer = teams.fake.wait_for("reply", lambda c: c.body.get("replyToId") == activity["id"])
    assert "/files/" in answer.text, answer.text
    assert "(lenkja verkar i 7 dagar)" in answer.text, answer.text
