"""One person on several platforms, through the real router on SQLite: linking with a
one-time code and by an admin, merging a member who had answered on their own, unlinking,
and every wrong way of trying it answered in the member's language."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.app import App
from bot.i18n import t
from bot.messages import Command, plain_text
from handlers.link_codes import MAX_WRONG
from storage.models import (
    Account,
    AccountLinkCode,
    Action,
    Member,
    Network,
    PollSlot,
    Vote,
)
from tests.helpers import TestBot

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
POLL = 1  # the demo's open poll in #infrastruktur (Ola Nordmann is in that network)


@pytest.fixture
def slack(bot: TestBot) -> TestBot:
    """The same bot and database, typed into from Slack."""
    return TestBot(bot.app, platform="slack")


def code_from(answer: str) -> str:
    found = re.search(r"\b(\d{6})\b", answer)
    assert found, answer
    return found.group(1)


def person(bot: TestBot, platform: str, external_id: str) -> Member:
    with bot.app.db.transaction() as s:
        found = s.scalar(
            select(Member)
            .join(Member.accounts)
            .where(Account.platform == platform, Account.external_id == external_id)
        )
        assert found is not None, (platform, external_id)
        s.expunge(found)
        return found


def answers(bot: TestBot, member_id: int, poll: int = POLL) -> list[tuple[int, str]]:
    with bot.app.db.transaction() as s:
        rows = s.execute(
            select(PollSlot.position, Vote.answer)
            .join(PollSlot, PollSlot.id == Vote.slot_id)
            .where(Vote.member_id == member_id, Vote.poll_id == poll)
            .order_by(PollSlot.position)
        ).all()
    return [(p, a) for p, a in rows]


def link_with_code(bot: TestBot, slack: TestBot, name: str, slack_id: str) -> str:
    code = code_from(bot.run("/partnerbot koble", as_=name, now=NOW))
    return slack.run(f"/partnerbot koble {code}", as_=slack_id, now=NOW + timedelta(minutes=1))


# -- Must-show: one vote per person, whichever account they use -----------------------------


def test_a_person_votes_once_from_slack_and_console(bot: TestBot, slack: TestBot) -> None:
    linked = link_with_code(bot, slack, "Ola Nordmann", "U0OLA")
    assert "Ola Nordmann" in linked and "Slack" in linked
    ola = person(bot, "console", "Ola Nordmann")
    assert person(bot, "slack", "U0OLA").id == ola.id

    slack.run(f"/mote svar {POLL} 1:ja 2:ja 3:ja", as_="U0OLA", now=NOW)
    assert answers(bot, ola.id) == [(1, "yes"), (2, "yes"), (3, "yes")]
    bot.run(f"/mote svar {POLL} 1:nei", as_="Ola Nordmann", now=NOW)
    assert answers(bot, ola.id) == [(1, "no"), (2, "yes"), (3, "yes")]

    shown = bot.run(f"/mote vis {POLL}", as_="Ola Nordmann", now=NOW)
    assert shown.count("Ola Nordmann") == 1, shown
    with bot.app.db.transaction() as s:
        assert s.scalar(select(func.count(Member.id)).where(Member.name == "Ola Nordmann")) == 1


def test_the_profile_lists_the_accounts_and_answers_who_am_i(bot: TestBot, slack: TestBot) -> None:
    link_with_code(bot, slack, "Ola Nordmann", "U0OLA")
    for line in ("/partnerbot meg", "/partnerbot hvem er jeg"):
        out = slack.run(line, as_="U0OLA", now=NOW)
        assert "Ola Nordmann" in out and "Tønsberg kommune" in out
        assert "Kontoer" in out and "konsollen (Ola Nordmann)" in out and "Slack (U0OLA)" in out


# -- merging a member who had answered on their own -----------------------------------------


def test_linking_an_account_with_its_own_answers_merges_them_and_the_person_wins(
    bot: TestBot, slack: TestBot
) -> None:
    # Ola Nordmann answers the demo poll on the console (slot 1). Before linking, he also
    # answered from Slack as a new member (slots 1 and 2) and made an action there.
    bot.run(f"/mote svar {POLL} 1:ja", as_="Ola Nordmann", now=NOW)
    slack.run("/partnerbot meg", as_="U0OLA", now=NOW)
    with bot.app.db.transaction() as s:
        net = s.scalar(select(Network).where(Network.name == "Nettverk for infrastruktur"))
        ola_slack = s.scalar(
            select(Member).join(Member.accounts).where(Account.external_id == "U0OLA")
        )
        assert net is not None and ola_slack is not None
        ola_slack.networks.append(net)
        slack_id = ola_slack.id
    slack.run(f"/mote svar {POLL} 1:nei 2:ja", as_="U0OLA", now=NOW)
    made = slack.run('/tiltak ny "Telle syklister på Kaldnes" ansvarlig meg', as_="U0OLA", now=NOW)
    assert "#" in made, made
    assert answers(bot, slack_id) == [(1, "no"), (2, "yes")]

    linked = link_with_code(bot, slack, "Ola Nordmann", "U0OLA")

    ola = person(bot, "console", "Ola Nordmann")
    assert "Ola Nordmann" in linked and "1 møtesvar" in linked, linked
    # his console answer stands where both answered (slot 1), the Slack one moved (slot 2)
    assert answers(bot, ola.id) == [(1, "yes"), (2, "yes")]
    with bot.app.db.transaction() as s:
        assert s.get(Member, slack_id) is None
        action = s.scalar(select(Action).where(Action.title == "Telle syklister på Kaldnes"))
        assert action is not None
        assert action.owner_member_id == ola.id and action.created_by == ola.id
        kept = s.get(Member, ola.id)
        assert kept is not None
        assert [a.platform for a in kept.accounts] == ["console", "slack"]
        assert [n.name for n in kept.networks].count("Nettverk for infrastruktur") == 1


def test_an_admin_links_an_account_by_id_and_a_first_contact_member_is_merged(
    bot: TestBot, slack: TestBot
) -> None:
    slack.run("/partnerbot meg", as_="U0JON", now=NOW)  # Jon wrote on Slack first
    out = bot.run('/partnerbot medlem koble "Jon Bakke" slack @[slack:U0JON]', now=NOW)
    assert "U0JON" in out and "Jon Bakke" in out, out
    jon = person(bot, "slack", "U0JON")
    assert jon.name == "Jon Bakke" and jon.role == "member"
    # in English, Jon's own language, from Slack
    assert "Jon Bakke" in slack.run("/partnerbot me", as_="U0JON", now=NOW)

    out = bot.run('/partnerbot medlem koble "Jon Bakke" teams aad-jon-1', now=NOW)
    assert "aad-jon-1" in out
    refused = bot.run('/partnerbot medlem koble "Kari Nordmann" teams aad-jon-1', now=NOW)
    assert "Jon Bakke" in refused and "medlem koble fra" in refused, refused


def test_unlinking_removes_an_account_but_never_the_last(bot: TestBot, slack: TestBot) -> None:
    bot.run('/partnerbot medlem koble "Ola Nordmann" slack U0OLA', now=NOW)
    out = bot.run('/partnerbot medlem koble fra "Ola Nordmann" slack U0OLA', now=NOW)
    assert "fjernet" in out, out
    with bot.app.db.transaction() as s:
        assert s.scalar(select(Account).where(Account.external_id == "U0OLA")) is None
    last = bot.run('/partnerbot medlem koble fra "Ola Nordmann" console "Ola Nordmann"', now=NOW)
    assert "eneste kontoen" in last and "medlem koble" in last, last
    assert person(bot, "console", "Ola Nordmann").name == "Ola Nordmann"
    # and U0OLA writing again is somebody new
    assert "Ola Nordmann" not in slack.run("/partnerbot meg", as_="U0OLA", now=NOW)


def test_only_admins_link_other_people_s_accounts(bot: TestBot) -> None:
    out = bot.run('/partnerbot medlem koble "Ola Nordmann" slack U0OLA', as_="Ola Nordmann")
    assert out == plain_text(t("permission.need_admin", "nb"))
    with bot.app.db.transaction() as s:
        assert s.scalar(select(Account).where(Account.external_id == "U0OLA")) is None


# -- wrong ways, each answered with what to type instead -------------------------------------


def test_bad_admin_input_says_what_to_type(bot: TestBot) -> None:
    out = bot.run('/partnerbot medlem koble "Ola Nordmann" skype live:ola', now=NOW)
    assert "skype" in out and "slack, teams eller konsoll" in out
    out = bot.run('/partnerbot medlem koble "Ola Nordmann" slack "U 0 OLA"', now=NOW)
    assert "U012ABCDEF" in out, out
    out = bot.run('/partnerbot medlem koble "Ola Nordmann"', now=NOW)
    assert '/partnerbot medlem koble "Kari Nordmann" slack U012ABCDEF' in out
    out = bot.run('/partnerbot medlem koble "Ola Nordmann" console "Per Hansen"', now=NOW)
    assert "har allerede en konto" in out and "medlem koble fra" in out, out


def test_a_wrong_an_expired_and_a_used_code_are_refused(bot: TestBot, slack: TestBot) -> None:
    code = code_from(bot.run("/partnerbot koble", as_="Ola Nordmann", now=NOW))
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    out = slack.run(f"/partnerbot koble {wrong}", as_="U0OLA", now=NOW)
    assert "gjelder ikke" in out and "/partnerbot koble" in out, out
    late = NOW + timedelta(minutes=16)
    assert "gjelder ikke" in slack.run(f"/partnerbot koble {code}", as_="U0OLA", now=late)

    code = code_from(bot.run("/partnerbot koble", as_="Ola Nordmann", now=NOW))
    assert "Koblet" in slack.run(f"/partnerbot koble {code}", as_="U0OLA", now=NOW)
    again = slack.run(f"/partnerbot koble {code}", as_="U0OTHER", now=NOW)
    assert "gjelder ikke" in again
    assert person(bot, "slack", "U0OTHER").name != "Ola Nordmann"


def test_an_account_linked_to_another_person_is_not_taken_by_a_code(
    bot: TestBot, slack: TestBot
) -> None:
    link_with_code(bot, slack, "Ola Nordmann", "U0OLA")
    code = code_from(bot.run("/partnerbot koble", as_="Per Hansen", now=NOW))
    out = slack.run(f"/partnerbot koble {code}", as_="U0OLA", now=NOW)
    assert "hører allerede til Ola Nordmann" in out, out
    assert '/partnerbot medlem koble fra "Ola Nordmann" slack U0OLA' in out
    assert person(bot, "slack", "U0OLA").name == "Ola Nordmann"
    assert person(bot, "console", "Per Hansen").name == "Per Hansen"


def test_a_new_code_replaces_the_old_one(bot: TestBot, slack: TestBot) -> None:
    first = code_from(bot.run("/partnerbot koble", as_="Ola Nordmann", now=NOW))
    second = code_from(bot.run("/partnerbot koble", as_="Ola Nordmann", now=NOW))
    if first != second:
        assert "gjelder ikke" in slack.run(f"/partnerbot koble {first}", as_="U0OLA", now=NOW)
    assert "Koblet" in slack.run(f"/partnerbot koble {second}", as_="U0OLA", now=NOW)


def test_the_code_is_stored_hashed(bot: TestBot) -> None:
    code = code_from(bot.run("/partnerbot koble", as_="Ola Nordmann", now=NOW))
    with bot.app.db.transaction() as s:
        stored = s.scalars(select(AccountLinkCode.code_hash)).all()
    assert stored and all(code not in h for h in stored)


def test_too_many_wrong_codes_stop_even_the_right_one(bot: TestBot, slack: TestBot) -> None:
    code = code_from(bot.run("/partnerbot koble", as_="Ola Nordmann", now=NOW))
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    for _ in range(MAX_WRONG):
        assert "gjelder ikke" in slack.run(f"/partnerbot koble {wrong}", as_="U0OLA", now=NOW)
    out = slack.run(f"/partnerbot koble {code}", as_="U0OLA", now=NOW)
    assert "For mange feil koder" in out, out
    with bot.app.db.transaction() as s:
        assert s.scalar(select(Account).where(Account.external_id == "U0OLA")).member.name != (
            "Ola Nordmann"
        )


def test_a_code_typed_on_the_platform_it_came_from_says_where_to_type_it(bot: TestBot) -> None:
    code = code_from(bot.run("/partnerbot koble", as_="Ola Nordmann", now=NOW))
    out = bot.run(f"/partnerbot koble {code}", as_="Ola Nordmann", now=NOW)
    assert "laget på konsollen" in out and f"/partnerbot koble {code}" in out, out


def test_someone_else_guessing_on_the_same_platform_learns_nothing(
    bot: TestBot, slack: TestBot
) -> None:
    """A live code typed by another member where it was made is a wrong code, counted: else
    a guesser there could find it and use it from an account on another platform."""
    code = code_from(bot.run("/partnerbot koble", as_="Ola Nordmann", now=NOW))
    out = bot.run(f"/partnerbot koble {code}", as_="Per Hansen", now=NOW)
    assert "gjelder ikke" in out and "konsollen" not in out, out
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    for _ in range(MAX_WRONG - 1):
        bot.run(f"/partnerbot koble {wrong}", as_="Per Hansen", now=NOW)
    assert "For mange" in bot.run(f"/partnerbot koble {code}", as_="Per Hansen", now=NOW)
    assert "Koblet" in slack.run(f"/partnerbot koble {code}", as_="U0OLA", now=NOW)


def test_the_answers_come_in_the_member_s_language(bot: TestBot, slack: TestBot) -> None:
    out = bot.run("/partnerbot koble", as_="Jon Bakke", now=NOW)  # Jon writes English
    assert "Your code is" in out and "/partnerbot link" in out
    bot.run("/partnerbot språk nn", as_="Ola Nordmann")
    out = bot.run('/partnerbot medlem kople "Ola Nordmann" skype x', as_="Ola Nordmann")
    assert out == plain_text(t("permission.need_admin", "nn"))
    bot.run("/partnerbot språk nn")
    out = bot.run('/partnerbot medlem kople "Ola Nordmann" skype x', now=NOW)
    assert "Kjenner ikkje plattforma «skype»" in out, out


def test_no_code_is_shown_where_others_read_it(app: App, bot: TestBot) -> None:
    command = Command(
        platform="teams",
        user_id="aad-ola",
        user_name="Ola Nordmann",
        channel_id="19:channel@thread.tacv2",
        name="partnerbot",
        text="koble",
        private=False,
    )
    out = app.router.handle(command, now=NOW).plain()
    assert "personlig chat" in out and not re.search(r"\d{6}", out), out
    with app.db.transaction() as s:
        assert s.scalar(select(func.count(AccountLinkCode.id))) == 0


def test_koble_with_a_network_still_binds_the_channel(bot: TestBot) -> None:
    out = bot.run("/partnerbot koble verdiskaping", channel="#ny-kanal", now=NOW)
    assert "Nettverk for verdiskaping" in out, out


def test_a_code_of_the_wrong_length_is_a_wrong_code_not_a_network(bot: TestBot) -> None:
    out = bot.run("/partnerbot koble 123", now=NOW)
    assert out == plain_text(t("accounts.code_unknown", "nb", code="123", minutes=15)), out


def slack_account_placed_in_vestfold(bot: TestBot, slack: TestBot) -> None:
    """Sigrid's Slack account (U0SIGRID) made by first contact, a plain member, placed in
    Vestfold's partnership."""
    slack.run("/partnerbot meg", as_="U0SIGRID", now=NOW)
    with bot.app.db.transaction() as s:
        vestfold = s.scalar(select(Network).where(Network.name == "Nettverk for infrastruktur"))
        assert vestfold is not None
        member = s.scalar(
            select(Member).join(Member.accounts).where(Account.external_id == "U0SIGRID")
        )
        assert member is not None
        member.partnership_id = vestfold.partnership_id


def test_a_merged_organiser_keeps_the_partnership_the_role_was_given_in(
    bot: TestBot, slack: TestBot
) -> None:
    """The higher role comes with the partnership it counts in: Sigrid's Slack account, a
    plain member placed in Vestfold, asks for the code; her console account (organiser of
    Vest-Telemarkrådet) types it. She stays Vest-Telemark's organiser, not Vestfold's."""
    slack_account_placed_in_vestfold(bot, slack)
    code = code_from(slack.run("/partnerbot koble", as_="U0SIGRID", now=NOW))
    bot.run(f"/partnerbot koble {code}", as_="Sigrid Aasen", now=NOW + timedelta(minutes=1))
    assert person(bot, "console", "Sigrid Aasen").id == person(bot, "slack", "U0SIGRID").id
    assert "organisator i Vest-Telemarkrådet" in bot.run("/partnerbot meg", as_="Sigrid Aasen")
    out = slack.run("/horing avslutt 1", as_="U0SIGRID", now=NOW + timedelta(minutes=2))
    assert out.startswith(  # in nynorsk now: her partnership's language
        "Du er organisator i Vest-Telemarkrådet, men dette høyrer til Politisk partnerskap Vestfold"
    ), out


def test_a_merged_organiser_in_no_partnership_is_not_placed_by_the_other_account(
    bot: TestBot, slack: TestBot
) -> None:
    """The mirror: the kept person is the organiser, in no partnership; the other account a
    plain member placed in Vestfold. The role's partnership comes with the role: she stays
    in none and gains no rights in Vestfold."""
    slack_account_placed_in_vestfold(bot, slack)
    with bot.app.db.transaction() as s:
        sigrid = s.scalar(select(Member).where(Member.name == "Sigrid Aasen"))
        assert sigrid is not None
        sigrid.partnership_id = None
    code = code_from(bot.run("/partnerbot koble", as_="Sigrid Aasen", now=NOW))
    slack.run(f"/partnerbot koble {code}", as_="U0SIGRID", now=NOW + timedelta(minutes=1))
    kept = person(bot, "console", "Sigrid Aasen")
    assert kept.id == person(bot, "slack", "U0SIGRID").id
    assert (kept.role, kept.partnership_id) == ("organiser", None)
    out = bot.run("/horing avslutt 1", as_="Sigrid Aasen", now=NOW + timedelta(minutes=2))
    assert out.startswith("Du er organisator i ") and "Politisk partnerskap Vestfold" in out, out
