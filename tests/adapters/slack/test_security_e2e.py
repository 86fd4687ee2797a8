"""Security over the real Slack HTTP path (issue 15): names grant nothing, user text is
escaped, a failed post after a commit is told honestly."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Member
from tests.adapters.slack.fake import FakeSlack
from tests.adapters.slack.process import SlackBotProcess

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
