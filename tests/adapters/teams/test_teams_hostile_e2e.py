"""A hostile or careless member on Teams, over real HTTP against the fake Bot Connector:
names from Teams are user text like any other."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from storage.models import Account, Member
from tests.adapters.teams.harness import TeamsHarness, teams_bot

INGRID = {"user": "ingrid", "name": "Ingrid Berg"}


@pytest.fixture(scope="module")
def teams(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TeamsHarness]:
    with teams_bot(tmp_path_factory.mktemp("teams-hostile")) as harness:
        yield harness


def name_of(teams: TeamsHarness, account: str) -> str | None:
    with teams.db.transaction() as s:
        return s.scalar(
            select(Member.name)
            .join(Member.accounts)
            .where(Account.platform == "teams", Account.external_id == account)
        )


def test_the_name_teams_shows_for_a_member_added_by_id_is_cleaned_user_text(
    teams: TeamsHarness,
) -> None:
    teams.say("partnerbot medlem ny aad-eve nettverk infrastruktur", **INGRID)
    teams.fake.wait_for(
        "send", lambda c: c.conversation == "a:personal-ingrid" and "aad-eve" in c.text
    )
    name = "Eva\x00 \u200bNy\ud800\n" + "Å" * 300
    teams.say("partnerbot meg", user="eve", name=name)
    answer = teams.fake.wait_for("send", lambda c: c.conversation == "a:personal-eve")
    assert "Noe gikk galt" not in answer.text, answer.text
    assert name_of(teams, "aad-eve") == ("Eva Ny\ufffd " + "Å" * 300)[:200]
