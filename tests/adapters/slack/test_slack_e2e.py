"""`partnerbot slack` end to end over real HTTP, against the fake Slack Web API."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select

from storage.models import Account, InboxRequest, Member, Network
from tests.adapters.slack import requests as rq
from tests.adapters.slack.fake import FakeSlack
from tests.adapters.slack.process import SlackBotProcess, wait_until

pytestmark = pytest.mark.slow


def count(bot: SlackBotProcess, model: type, *where: object) -> int:
    with bot.db().transaction() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def test_signed_help_is_acked_and_the_help_reaches_slack(
    slack_bot: SlackBotProcess,
) -> None:
    resp, url = slack_bot.command("/partnerbot hjelp")
    assert resp.status == 200
    reply = slack_bot.replies(url)[0]
    assert reply.body["response_type"] == "ephemeral"
    assert "Dette kan jeg hjelpe med" in reply.text
    assert "*/partnerbot*" in reply.text
    assert reply.blocks[0]["type"] == "section"


@pytest.mark.parametrize("how", ["unsigned", "wrong secret", "bad signature", "six minutes old"])
def test_requests_that_are_not_from_slack_get_401_and_change_nothing(
    slack_bot: SlackBotProcess, fake_slack: FakeSlack, how: str
) -> None:
    kw: dict[str, object] = {
        "unsigned": {"secret": None},
        "wrong secret": {"secret": "not-the-secret"},
        "bad signature": {"signature": "v0=" + "0" * 64},
        "six minutes old": {"timestamp": int(time.time()) - 6 * 60},
    }[how]
    slack_bot.round_trip()  # the sentinel's sender is known: the one below adds no member
    calls_before = len(fake_slack.calls())
    members_before = count(slack_bot, Member)
    handled_before = count(slack_bot, InboxRequest)
    resp, _ = slack_bot.command(
        '/partnerbot nettverk ny "Skal ikke finnes"', user_id="U_INTRUDER", **kw
    )
    assert resp.status == 401
    # Nothing may happen after the refusal either.
    assert slack_bot.round_trip(since=calls_before) == []
    assert count(slack_bot, Member) == members_before
    assert count(slack_bot, InboxRequest) == handled_before + 1  # the sentinel's
    assert count(slack_bot, Network, Network.name == "Skal ikke finnes") == 0


def test_a_slack_retry_of_a_handled_command_runs_it_once(
    slack_bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    first, url = slack_bot.command('/partnerbot nettverk ny "Nettverk for kystsoner"')
    retry, _ = slack_bot.command("", retry_of=slack_bot.last_body)
    assert first.status == retry.status == 200
    posted = fake_slack.wait_for("chat.postMessage", lambda c: "Nettverk for kystsoner" in c.text)
    wait_until(lambda: "already handled: skipped" in slack_bot.logs(), what="the retry")
    slack_bot.round_trip()
    assert count(slack_bot, Network, Network.name == "Nettverk for kystsoner") == 1
    assert (
        len([c for c in fake_slack.calls("chat.postMessage") if "Nettverk for kystsoner" in c.text])
        == 1
    )
    assert posted[0].channel == "C_INFRA"


def test_first_contact_creates_the_member_from_the_slack_profile(
    slack_bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    fake_slack.users["U_JON"] = {
        "real_name": "Jonas Bakkevik",
        "tz": "America/New_York",
        "locale": "en-GB",
    }
    resp, url = slack_bot.command("/partnerbot meg", user_id="U_JON", user_name="jon")
    assert resp.status == 200
    reply = slack_bot.replies(url)[0]
    assert "Jonas Bakkevik" in reply.text and "America/New_York" in reply.text
    with slack_bot.db().transaction() as s:
        m = s.scalar(
            select(Member)
            .join(Member.accounts)
            .where(Account.platform == "slack", Account.external_id == "U_JON")
        )
        assert m is not None
        assert (m.name, m.language, m.timezone, m.role) == (
            "Jonas Bakkevik",
            "en",
            "America/New_York",
            "member",
        )
    assert len([c for c in fake_slack.calls("users.info") if c.body.get("user") == "U_JON"]) == 1
    _, url = slack_bot.command("/partnerbot meg", user_id="U_JON")
    slack_bot.replies(url)  # answered, and U_JON is known now: Slack is not asked again
    assert len([c for c in fake_slack.calls("users.info") if c.body.get("user") == "U_JON"]) == 1


def test_a_listed_slack_id_is_admin_and_binds_the_channel(
    slack_bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    resp, _ = slack_bot.command(
        "/partnerbot koble nettverk utenforskap", channel_id="C_UTE", channel_name="utenforskap"
    )
    assert resp.status == 200
    call = fake_slack.wait_for("chat.postMessage", lambda c: c.channel == "C_UTE")[0]
    assert "#utenforskap" in call.text
    with slack_bot.db().transaction() as s:
        admin = s.scalar(
            select(Member).join(Member.accounts).where(Account.external_id == "U_ADMIN")
        )
        assert admin is not None and admin.role == "admin"


def test_a_member_who_is_not_admin_is_told_so(slack_bot: SlackBotProcess) -> None:
    _, url = slack_bot.command('/partnerbot nettverk ny "Nei"', user_id="U_OLA", user_name="ola")
    assert "Bare administratorer" in slack_bot.replies(url)[0].text


def test_the_bots_own_messages_and_other_bots_are_ignored(
    slack_bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    before = len(fake_slack.calls())
    for event in (
        {
            "type": "message",
            "subtype": "bot_message",
            "bot_id": "BOTHER",
            "text": "/partnerbot hjelp",
            "channel": "C_INFRA",
            "ts": "1.1",
        },
        {
            "type": "message",
            "user": "UBOT",
            "bot_id": "BBOT",
            "text": "hei",
            "channel": "C_INFRA",
            "ts": "1.2",
        },
    ):
        assert slack_bot.event(event).status == 200
    assert slack_bot.round_trip(since=before) == []


def test_url_verification_and_healthz(slack_bot: SlackBotProcess) -> None:
    resp = rq.post(
        slack_bot.events_url,
        '{"type": "url_verification", "challenge": "abc"}',
        content_type="application/json",
    )
    assert resp.status == 200 and "abc" in resp.body
    assert rq.get(slack_bot.url + "/healthz").status == 200


def test_a_mention_in_a_command_is_the_persons_slack_account(
    slack_bot: SlackBotProcess,
) -> None:
    """Slack writes a mention as <@U…|name>; the adapter hands the router a person
    reference, so the member is that account, never someone with the typed name."""
    _, url = slack_bot.command(
        "/partnerbot medlem ny <@U0MENTIONED|kari> rolle organisator partnerskap Vestfold",
        user_id="U_ADMIN",
    )
    reply = slack_bot.replies(url)[0]
    assert "U0MENTIONED" in reply.text and "&lt;@" not in reply.text
    with slack_bot.db().transaction() as s:
        found = s.execute(
            select(Account.platform, Account.external_id, Member.role)
            .join(Member, Member.id == Account.member_id)
            .where(Account.external_id.like("%U0MENTIONED%"))
        ).all()
        assert [tuple(row) for row in found] == [("slack", "U0MENTIONED", "organiser")]
