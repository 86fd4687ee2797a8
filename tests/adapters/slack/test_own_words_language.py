"""The bot's own words in Slack (not a command's answer: "the command ran but I could not
answer", "I am not in this channel") are in the language a command in that channel is
answered in: a newcomer in Vest-Telemark's channel reads nynorsk, as the answers."""

from __future__ import annotations

from tests.adapters.slack.fake import FakeSlack
from tests.adapters.slack.process import SlackBotProcess

VT = {"channel_id": "C_VT", "channel_name": "vest-telemark"}


def test_a_newcomer_in_a_nynorsk_channel_is_told_of_a_failed_answer_in_nynorsk(
    slack_bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    slack_bot.command('/partnerbot koble nettverk "Arbeidsprogram Vest-Telemark"', **VT)
    fake_slack.wait_for("chat.postMessage", lambda c: "er nå koblet til" in c.text)
    # The answer fails (its response_url, the ephemeral message, the direct message): the
    # bot says so itself, in a message of its own.
    fake_slack.fail_next("response_url", status=500, times=20)
    fake_slack.fail_next("chat.postEphemeral", error="channel_not_found", times=1)
    fake_slack.fail_next("chat.postMessage", error="internal_error", times=1)
    slack_bot.command("/tiltak liste", user_id="U_NYKOMAR", user_name="ny.person", **VT)
    (told,) = fake_slack.wait_for(
        "chat.postEphemeral", lambda c: c.body.get("user") == "U_NYKOMAR", timeout=60
    )
    assert "Kommandoen er køyrd, men noko gjekk gale då eg skulle svare deg" in told.text, told.text
