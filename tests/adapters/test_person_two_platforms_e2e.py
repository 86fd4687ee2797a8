"""One person on Slack and Teams, in one `partnerbot serve` (issue 20, Must-show 3): an
admin links the Teams account over Teams, the person links Slack with a code shown in
their Teams chat and typed into Slack over signed HTTP, then votes from both: one vote
per time, the second changes it. PARTNERBOT_ADMINS matches account ids, never names."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from storage.models import Account, Member, PollSlot, Vote
from tests.adapters import test_two_platforms_e2e as two_platforms
from tests.adapters.slack import requests as slack_requests
from tests.adapters.slack.process import wait_until
from tests.adapters.test_two_platforms_e2e import Both

POLL = 1  # the demo's open poll in Nettverk for infrastruktur; Ola Nordmann is in it
both = two_platforms.both  # the fixture: Slack and Teams in one web app, one database


def slash_as(both: Both, user_id: str, text: str, *, command: str = "/partnerbot") -> str:
    """``text`` typed in Slack by ``user_id``; returns the tag of its answer's response_url."""
    tag = f"r-{user_id}-{len(both.fake_slack.calls())}"
    body = slack_requests.slash_body(
        text,
        command=command,
        user_id=user_id,
        user_name=user_id.lower(),
        response_url=both.fake_slack.response_url(tag),
    )
    assert slack_requests.post(both.url + "/slack/events", body).status == 200
    return tag


def slack_answer(both: Both, tag: str) -> str:
    calls = both.fake_slack.wait_for("response_url", lambda c: c.path.endswith(f"/{tag}"))
    return calls[0].text


def teams_says(both: Both, user: str, text: str, **kw: str) -> str:
    """``text`` typed by ``user`` in their personal Teams chat; returns the bot's answer."""
    before = len(both.connector.sent())
    both.connector.post(both.url + "/api/messages", both.connector.message(text, user=user, **kw))
    answer = both.connector.wait_for(
        "send",
        lambda c: (
            c.conversation == f"a:personal-{user}" and both.connector.sent().index(c) >= before
        ),
    )
    return answer.text


def votes_of(both: Both, account: str) -> list[tuple[int, str]]:
    with both.db.transaction() as s:
        rows = s.execute(
            select(PollSlot.position, Vote.answer)
            .join(PollSlot, PollSlot.id == Vote.slot_id)
            .join(Account, Account.member_id == Vote.member_id)
            .where(Vote.poll_id == POLL, Account.external_id == account)
            .order_by(PollSlot.position)
        ).all()
    return [(p, a) for p, a in rows]


def test_a_person_linked_on_slack_and_teams_answers_a_poll_once(both: Both) -> None:
    # Ingrid is an admin by her Teams account id (PARTNERBOT_ADMINS=aad-ingrid,U_ADMIN)
    out = teams_says(both, "ingrid", 'partnerbot medlem koble "Ola Nordmann" teams aad-ola')
    assert "aad-ola" in out and "Ola Nordmann" in out, out
    out = teams_says(both, "ola", "partnerbot koble")
    code = re.search(r"\b(\d{6})\b", out)
    assert code, out
    linked = slack_answer(both, slash_as(both, "U_OLA", f"koble {code.group(1)}"))
    assert "Ola Nordmann" in linked and "Slack" in linked, linked

    slack_answer(both, slash_as(both, "U_OLA", f"svar {POLL} 1:ja 2:ja 3:ja", command="/mote"))
    assert votes_of(both, "U_OLA") == [(1, "yes"), (2, "yes"), (3, "yes")]
    teams_says(both, "ola", f"mote svar {POLL} 1:nei")
    wait_until(
        lambda: votes_of(both, "aad-ola") == [(1, "no"), (2, "yes"), (3, "yes")],
        what="the vote from Teams changing the one from Slack",
    )
    assert votes_of(both, "U_OLA") == votes_of(both, "aad-ola")
    with both.db.transaction() as s:
        olas = s.scalars(select(Member).where(Member.name == "Ola Nordmann")).all()
        assert len(olas) == 1
        assert {(a.platform, a.external_id) for a in olas[0].accounts} == {
            ("console", "Ola Nordmann"),
            ("teams", "aad-ola"),
            ("slack", "U_OLA"),
        }
        voters = s.scalar(
            select(func.count(func.distinct(Vote.member_id))).where(Vote.poll_id == POLL)
        )
    shown = teams_says(both, "ola", f"mote vis {POLL}")
    assert shown.count("Ola Nordmann") == 1, shown
    assert voters == 3  # the demo's Per Hansen and Lise Dahl, and Ola once


def test_admins_are_listed_by_account_id_never_by_name(both: Both) -> None:
    # a Slack member calling themselves "U_ADMIN" (a name) is no admin; the account U_ADMIN is
    body = slack_requests.slash_body(
        'medlem koble "Ola Nordmann" slack U_FAKE',
        user_id="U_MALLORY",
        user_name="U_ADMIN",
        response_url=both.fake_slack.response_url("mallory"),
    )
    assert slack_requests.post(both.url + "/slack/events", body).status == 200
    refused = slack_answer(both, "mallory")
    assert "administrator" in refused.casefold(), refused
    out = teams_says(
        both, "mallory", 'partnerbot medlem koble "Ola Nordmann" slack U_FAKE', name="aad-ingrid"
    )
    assert "administrator" in out.casefold(), out
    with both.db.transaction() as s:
        assert s.scalar(select(Account).where(Account.external_id == "U_FAKE")) is None
    # the listed Slack account links it
    done = slack_answer(both, slash_as(both, "U_ADMIN", 'medlem koble "Ola Nordmann" slack U_REAL'))
    assert "U_REAL" in done, done
