"""Issue 20, the hearing card on Slack: a hearing announced in a channel carries "Vi har
svart" and "Vis"; a member pressing "Vi har svart" (signed HTTP into `partnerbot slack`)
gets the channel's card updated in place (chat.update) showing their organisation as
answered; closing the hearing leaves a card that says so, without the answer button."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from storage.models import Hearing, PostedMessage
from tests.adapters.slack.fake import FakeSlack
from tests.adapters.slack.process import SlackBotProcess, start_slack_bot, wait_until

pytestmark = pytest.mark.slow

TITLE = "Regional plan for <kystsonen> & fjorden"


@pytest.fixture(scope="module")
def bot(
    fake_slack: FakeSlack, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SlackBotProcess]:
    bot = start_slack_bot(tmp_path_factory.mktemp("slack-hearing-card"), fake_slack)
    bot.command("/partnerbot koble nettverk infrastruktur")
    fake_slack.wait_for("chat.postMessage", lambda c: c.channel == "C_INFRA")
    yield bot
    bot.stop()


def posted(bot: SlackBotProcess, hearing: int) -> list[tuple[str, str]]:
    with bot.db().transaction() as s:
        return [
            (p.channel_id, p.message_id)
            for p in s.scalars(
                select(PostedMessage).where(
                    PostedMessage.platform == "slack",
                    PostedMessage.object_type == "hearing",
                    PostedMessage.object_id == hearing,
                )
            )
        ]


def test_we_have_answered_updates_the_channels_card_in_place(
    bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    _, url = bot.command(
        '/partnerbot medlem ny U_HILDE nettverk infrastruktur org "Horten kommune"'
    )
    assert "lagt til" in bot.replies(url)[0].text
    bot.command(
        f'/horing ny "{TITLE}" frist om 30 dager mottakere "Horten kommune, Larvik kommune"'
    )
    post = fake_slack.wait_for("chat.postMessage", lambda c: "Regional plan" in c.text)[0]
    assert post.channel == "C_INFRA"

    def hearing_id() -> int | None:
        with bot.db().transaction() as s:
            return s.scalar(select(Hearing.id).where(Hearing.title == TITLE))

    hearing = wait_until(hearing_id, what="the hearing saved")
    assert [b["value"] for b in post.buttons()] == [
        f"/horing svart {hearing}",
        f"/horing vis {hearing}",
    ]
    (channel, ts), *_ = wait_until(lambda: posted(bot, hearing), what="the post remembered")

    resp, _ = bot.click(f"/horing svart {hearing}", message_ts=ts, user_id="U_HILDE")
    assert resp.status == 200
    update = fake_slack.wait_for(
        "chat.update", lambda c: c.body.get("ts") == ts and "Har svart: Horten kommune" in c.text
    )[0]
    assert update.channel == channel == "C_INFRA"
    assert "Har ikke svart ennå: Larvik kommune" in update.text
    assert "&lt;kystsonen&gt; &amp; fjorden" in update.text  # escaped at the adapter edge
    assert [b["value"] for b in update.buttons()] == [
        f"/horing svart {hearing}",
        f"/horing vis {hearing}",
    ]
    # The card answered the press: no second hearing post in the channel.
    assert len([c for c in fake_slack.calls("chat.postMessage") if "Regional plan" in c.text]) == 1

    # Typed, not pressed (an admin may answer for any organisation): the card follows too.
    bot.command(f"/horing svart {hearing} Larvik kommune")
    fake_slack.wait_for(
        "chat.update",
        lambda c: c.body.get("ts") == ts and "Har svart: Horten kommune, Larvik kommune" in c.text,
    )

    bot.command(f"/horing avslutt {hearing}")
    closed = fake_slack.wait_for(
        "chat.update", lambda c: c.body.get("ts") == ts and "Høringen er avsluttet" in c.text
    )[0]
    assert "Har svart: Horten kommune" in closed.text
    assert [b["value"] for b in closed.buttons()] == [f"/horing vis {hearing}"]


def test_a_typed_answer_is_confirmed_to_the_member_and_the_card_stays_one_card(
    bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    """A typed `/horing svart` in the channel: the member's "Registrert..." comes to them
    (ephemeral, so no later card update can overwrite it), and the channel's one card shows
    the answer; a second answer updates that card again, nothing else."""
    title = "Høring om kollektivtilbudet"
    bot.command(
        f'/horing ny "{title}" frist om 30 dager mottakere "Horten kommune, Larvik kommune"'
    )
    post = fake_slack.wait_for("chat.postMessage", lambda c: title in c.text)[0]

    def hearing_id() -> int | None:
        with bot.db().transaction() as s:
            return s.scalar(select(Hearing.id).where(Hearing.title == title))

    hearing = wait_until(hearing_id, what="the hearing saved")
    card = wait_until(lambda: posted(bot, hearing), what="the post remembered")
    assert [channel for channel, _ in card] == [post.channel]
    ts = card[0][1]

    _, url = bot.command(f"/horing svart {hearing} Horten kommune")
    told = bot.replies(url)[0]
    assert f"Registrert: Horten kommune har svart på høring #{hearing}" in told.text
    assert "Mangler fortsatt svar fra: Larvik kommune" in told.text
    assert told.body.get("response_type") != "in_channel"
    fake_slack.wait_for(
        "chat.update", lambda c: c.body.get("ts") == ts and "Har svart: Horten kommune" in c.text
    )

    _, url = bot.command(f"/horing svart {hearing} Larvik kommune")
    assert "Registrert: Larvik kommune" in bot.replies(url)[0].text
    fake_slack.wait_for(
        "chat.update",
        lambda c: c.body.get("ts") == ts and "Har svart: Horten kommune, Larvik kommune" in c.text,
    )
    assert posted(bot, hearing) == card  # still the one card, nothing else remembered
    in_channel = [c for c in fake_slack.calls("chat.postMessage") if title in c.text]
    assert len(in_channel) == 1
    assert not [c for c in fake_slack.calls("chat.update") if "Registrert" in c.text]
