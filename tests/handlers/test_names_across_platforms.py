"""A person named in a command is found whatever platform their accounts are on: action
owners, poll invitees and admins' `medlem` commands typed on Slack find the demo's console
members; a mention still means that account; two people a name fits get "which one?"."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.i18n import t
from storage.models import Account, Action, Member, Poll
from tests.helpers import TestBot

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
INGRID = "U0INGRID"  # Ingrid Berg (admin) once she has linked her Slack account


@pytest.fixture
def slack(bot: TestBot) -> TestBot:
    """The demo bot typed into from Slack by Ingrid, linked to her console self."""
    on_slack = TestBot(bot.app, platform="slack")
    code = re.search(r"\b(\d{6})\b", bot.run("/partnerbot koble", now=NOW))
    assert code, bot.last
    linked = on_slack.run(f"/partnerbot koble {code.group(1)}", as_=INGRID, now=NOW)
    assert "Ingrid Berg" in linked
    return on_slack


def member_named(bot: TestBot, name: str) -> int:
    with bot.app.db.transaction() as s:
        ids = s.scalars(select(Member.id).where(Member.name == name)).all()
    assert len(ids) == 1, (name, ids)
    return ids[0]


def people(bot: TestBot) -> int:
    with bot.app.db.transaction() as s:
        return s.scalar(select(func.count()).select_from(Member)) or 0


def count(bot: TestBot, model: type) -> int:
    with bot.app.db.transaction() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def action_owner(bot: TestBot, answer: str) -> int | None:
    number = re.search(r"#(\d+)", answer)
    assert number, answer
    with bot.app.db.transaction() as s:
        action = s.get(Action, int(number.group(1)))
        assert action is not None
        return action.owner_member_id


def test_a_console_member_owns_an_action_created_from_slack(slack: TestBot) -> None:
    answer = slack.run(
        '/tiltak ny "Kartlegge mobildekningen" ansvarlig "Kari Nordmann" nettverk infrastruktur',
        as_=INGRID,
        now=NOW,
    )
    assert action_owner(slack, answer) == member_named(slack, "Kari Nordmann"), answer


def test_an_owner_found_by_part_of_the_name_on_another_platform(slack: TestBot) -> None:
    answer = slack.run(
        '/tiltak ny "Søknad om midler" ansvarlig Marte nettverk infrastruktur', as_=INGRID, now=NOW
    )
    assert action_owner(slack, answer) == member_named(slack, "Marte Lie"), answer


def test_poll_invitees_are_found_whatever_their_platform(slack: TestBot) -> None:
    answer = slack.run(
        '/mote ny "Samhandlingsmøte" tider 3.12 kl 10-12 svarfrist 2.12 kl 12 '
        "inviterte Per Hansen, Kari Nordmann nettverk infrastruktur",
        as_=INGRID,
        now=NOW,
    )
    assert "#" in answer and "Finner ingen" not in answer, answer
    with slack.app.db.transaction() as s:
        poll = s.scalars(select(Poll).order_by(Poll.id.desc())).first()
        assert poll is not None
        invited = {i.member_id for i in poll.invitees}
    assert invited == {member_named(slack, "Per Hansen"), member_named(slack, "Kari Nordmann")}


def test_an_admin_on_slack_updates_a_console_member_by_name(slack: TestBot) -> None:
    before = people(slack)
    answer = slack.run('/partnerbot medlem ny "Kari Nordmann" rolle admin', as_=INGRID, now=NOW)
    assert people(slack) == before, answer  # no second Kari with a Slack "account" of her name
    with slack.app.db.transaction() as s:
        kari = s.get(Member, member_named(slack, "Kari Nordmann"))
        assert kari is not None
        assert kari.role == "admin"
        assert {a.platform for a in kari.accounts} == {"console"}


def test_an_admin_on_slack_links_a_console_member_to_teams(slack: TestBot) -> None:
    answer = slack.run(
        '/partnerbot medlem koble "Kari Nordmann" teams 7c2f9a1e-0000-4000-8000-00000000000a',
        as_=INGRID,
        now=NOW,
    )
    assert "Kari Nordmann" in answer
    with slack.app.db.transaction() as s:
        kari = s.get(Member, member_named(slack, "Kari Nordmann"))
        assert kari is not None
        assert {a.platform for a in kari.accounts} == {"console", "teams"}


def test_a_person_on_two_platforms_is_one_person_to_a_name(bot: TestBot, slack: TestBot) -> None:
    code = re.search(r"\b(\d{6})\b", bot.run("/partnerbot koble", as_="Kari Nordmann", now=NOW))
    assert code
    slack.run(f"/partnerbot koble {code.group(1)}", as_="U0KARI", now=NOW + timedelta(minutes=1))
    answer = slack.run(
        '/tiltak ny "Kartlegge" ansvarlig Kari nettverk infrastruktur', as_=INGRID, now=NOW
    )
    assert action_owner(slack, answer) == member_named(slack, "Kari Nordmann"), answer


def test_a_mention_still_means_that_account(slack: TestBot) -> None:
    slack.run("/partnerbot hjelp", as_="U0KARI2", now=NOW)  # a Slack member, own person
    with slack.app.db.transaction() as s:
        other = s.scalar(
            select(Account.member_id).where(
                Account.platform == "slack", Account.external_id == "U0KARI2"
            )
        )
    answer = slack.run(
        '/tiltak ny "Kartlegge" ansvarlig @[slack:U0KARI2] nettverk infrastruktur',
        as_=INGRID,
        now=NOW,
    )
    assert other is not None and action_owner(slack, answer) == other, answer


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_two_people_of_one_name_get_which_one_in_the_members_language(
    slack: TestBot, lang: str
) -> None:
    # A Slack member whose profile says "Kari Nordmann", not linked to the console's Kari.
    slack.reply("/partnerbot hjelp", as_="U0KARI2", now=NOW)
    with slack.app.db.transaction() as s:
        twin = s.scalar(
            select(Member)
            .join(Member.accounts)
            .where(Account.platform == "slack", Account.external_id == "U0KARI2")
        )
        assert twin is not None
        twin.name = "Kari Nordmann"
    slack.run(f"/partnerbot språk {lang}", as_=INGRID, now=NOW)
    before = (people(slack), count(slack, Action), count(slack, Poll))
    lines = [
        ("actions.owner_ambiguous", '/tiltak ny "Kartlegge" ansvarlig "Kari Nordmann"'),
        ("lookup.member_ambiguous", '/mote ny "Møte" tider 3.12 kl 10-12 inviterte Kari Nordmann'),
        ("lookup.member_ambiguous", '/partnerbot medlem ny "Kari Nordmann" rolle organisator'),
    ]
    for key, line in lines:
        line += " nettverk infrastruktur" if "medlem" not in line else ""
        answer = slack.run(line, as_=INGRID, now=NOW)
        advice = t(key, lang, given="Kari Nordmann", choices="X").split("X")[1]
        assert advice.strip(" .") and advice in answer, (key, answer)
        assert "Kari Nordmann (NAV)" in answer, (key, answer)  # the two told apart
    assert (people(slack), count(slack, Action), count(slack, Poll)) == before
    with slack.app.db.transaction() as s:
        assert s.scalar(select(Member.role).where(Member.id == twin.id)) == "member"


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_part_of_a_name_that_fits_two_asks_which_one(slack: TestBot, lang: str) -> None:
    slack.run(f"/partnerbot språk {lang}", as_=INGRID, now=NOW)
    answer = slack.run(
        '/mote ny "Møte" tider 3.12 kl 10-12 inviterte Nordmann nettverk infrastruktur',
        as_=INGRID,
        now=NOW,
    )
    assert "Kari Nordmann" in answer and "Ola Nordmann" in answer, answer
    advice = t("lookup.member_ambiguous", lang, given="Nordmann", choices="X").split("X")[1]
    assert advice in answer, answer


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_a_new_name_on_slack_asks_for_a_mention_not_an_account_named_so(
    slack: TestBot, lang: str
) -> None:
    """A Slack account is a member id: `medlem ny "Roger Ryberg"` typed on Slack used to
    make a Slack account whose id was the name, which then blocked linking his real one."""
    slack.run(f"/partnerbot språk {lang}", as_=INGRID, now=NOW)
    before = people(slack)
    answer = slack.run('/partnerbot medlem ny "Roger Ryberg" org NAV', as_=INGRID, now=NOW)
    assert people(slack) == before, answer
    told = t(
        "networks.member_needs_account", lang, name="Roger Ryberg", platform="Slack", code="slack"
    )
    first = told.split("«")[0].split("“")[0]  # "Finner ingen som heter", in their language
    assert answer.startswith(first), answer
    assert "Roger Ryberg" in answer and " @" in answer and "slack <id>" in answer, answer
    made = slack.run("/partnerbot medlem ny @[slack:U0ROGER] org NAV", as_=INGRID, now=NOW)
    assert people(slack) == before + 1, made
    # and an id typed as it is still works, as the Slack tests' `medlem ny U_HILDE`
    slack.run("/partnerbot medlem ny U0HILDE org NAV", as_=INGRID, now=NOW)
    assert people(slack) == before + 2
