"""Security over the real Slack HTTP path (issue 15): names grant nothing, user text is
escaped, a failed post after a commit is told honestly."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Hearing, Member, OutboxMessage
from tests.adapters.slack.fake import FakeSlack
from tests.adapters.slack.process import SlackBotProcess, wait_until

pytestmark = pytest.mark.slow


def role_of(bot: SlackBotProcess, user_id: str) -> str | None:
    with bot.db().transaction() as s:
        member = s.scalar(
            select(Member).where(Member.platform == "slack", Member.external_id == user_id)
        )
        return member.role if member else None


def test_a_new_member_named_like_an_admins_id_gets_no_admin(
    slack_bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    # Slack names are the member's to choose; U_ADMIN is in PARTNERBOT_ADMINS.
    fake_slack.users["U_MALLORY"] = {"real_name": "U_ADMIN", "name": "u_admin"}
    _, url = slack_bot.command("/partnerbot meg", user_id="U_MALLORY", user_name="U_ADMIN")
    reply = slack_bot.replies(url)[0].text
    assert "administrator" not in reply.casefold()
    assert role_of(slack_bot, "U_MALLORY") == "member"
    _, url = slack_bot.command(
        '/partnerbot nettverk ny "Kuppet"', user_id="U_MALLORY", user_name="U_ADMIN"
    )
    assert "Bare administratorer" in slack_bot.replies(url)[0].text


def test_a_known_member_who_renames_to_an_admins_id_gets_no_admin(
    slack_bot: SlackBotProcess,
) -> None:
    _, url = slack_bot.command("/partnerbot meg", user_id="U_OLA2", user_name="ola")
    slack_bot.replies(url)
    _, url = slack_bot.command("/partnerbot meg", user_id="U_OLA2", user_name="u_admin")
    assert "administrator" not in slack_bot.replies(url)[0].text.casefold()
    assert role_of(slack_bot, "U_OLA2") == "member"


def test_a_saved_command_whose_channel_post_fails_says_saved_and_posts_later(
    slack_bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    title = "Regional transportplan 2027"
    # The interactive client tries three times; all three get 500.
    fake_slack.fail_next(
        "chat.postMessage", times=3, status=500, when=lambda b: title in str(b.get("text"))
    )
    _, url = slack_bot.command(
        f'/horing ny "{title}" frist om 20 dager mottakere "NAV" nettverk infrastruktur'
    )
    told = slack_bot.replies(url)[0].text
    assert "Det er lagret" in told and "ikke send kommandoen på nytt" in told
    assert "Ingenting er lagret" not in told
    posted = fake_slack.wait_for(
        "chat.postMessage", lambda c: c.ok and title in c.text and c.channel == "C_INFRA"
    )
    assert len(posted) == 1
    with slack_bot.db().transaction() as s:
        assert len(s.scalars(select(Hearing).where(Hearing.title == title)).all()) == 1
        row = s.scalar(select(OutboxMessage).where(OutboxMessage.kind == "reply.repost"))
        assert row is not None
    wait_until(lambda: _repost_state(slack_bot) == "sent", what="the repost marked sent")


def _repost_state(bot: SlackBotProcess) -> str | None:
    with bot.db().transaction() as s:
        row = s.scalar(select(OutboxMessage).where(OutboxMessage.kind == "reply.repost"))
        return row.state if row else None
