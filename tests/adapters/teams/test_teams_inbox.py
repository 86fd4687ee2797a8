"""Teams activities go through the durable inbox: an answer Teams would not take is sent
again by the worker after the row's lease, and the command behind it is not run twice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from storage import inbox
from storage.models import Hearing, InboxRequest
from tests.adapters.slack.process import wait_until
from tests.adapters.teams.harness import TeamsHarness, teams_bot

INGRID = {"user": "ingrid", "name": "Ingrid Berg"}

pytestmark = pytest.mark.slow  # waits out a real inbox lease


@pytest.fixture(scope="module")
def teams(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TeamsHarness]:
    # A short lease (longer than the interactive client's 1.5 s of retries): a row whose
    # answer failed is claimed again a few seconds later.
    with teams_bot(
        tmp_path_factory.mktemp("teams-inbox"), PARTNERBOT_INBOX_LEASE_SECONDS=3
    ) as harness:
        yield harness


def test_an_answer_teams_refused_is_sent_again_and_the_command_runs_once(
    teams: TeamsHarness,
) -> None:
    deadline = (datetime.now(ZoneInfo("Europe/Oslo")) + timedelta(days=30)).strftime("%d.%m.%Y")
    for _ in range(3):  # the first try and the interactive client's two retries
        teams.fake.fail_next("send", status=503, retry_after=None, conversation="a:personal-ingrid")
    teams.say(
        f'horing ny "Regional plan for kysten" frist {deadline} nettverk infrastruktur '
        'mottakere "Horten kommune"',
        **INGRID,
    )
    answer = teams.fake.wait_for(
        "send",
        lambda c: c.conversation == "a:personal-ingrid" and "Regional plan for kysten" in c.text,
        timeout=30,
    )
    assert "registrert" in answer.text
    tries = [c for c in teams.fake.calls if c.kind == "send" and "kysten" in c.text]
    assert [c.status for c in tries] == [503, 503, 503, 200]
    with teams.db.transaction() as s:
        count = s.scalar(
            select(func.count())
            .select_from(Hearing)
            .where(Hearing.title == "Regional plan for kysten")
        )
        assert count == 1

    def done() -> bool:
        with teams.db.transaction() as s:
            states = s.scalars(select(InboxRequest.state).where(InboxRequest.platform == "teams"))
            return all(state == inbox.DONE for state in states)

    wait_until(done, what="the inbox row to be done")
