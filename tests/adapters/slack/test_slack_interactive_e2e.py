"""Buttons, object updates, forms, files and reminders through `partnerbot slack`, using a
test-only feature (tests.adapters.slack.testfeature) so no real feature is needed."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from storage import outbox
from storage.models import Account, ChannelRef, Member, Network, OutboxMessage, PostedMessage
from tests.adapters.slack.fake import FakeSlack
from tests.adapters.slack.process import SlackBotProcess, start_slack_bot, wait_until

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bot(
    fake_slack: FakeSlack, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SlackBotProcess]:
    bot = start_slack_bot(
        tmp_path_factory.mktemp("slack-ui"),
        fake_slack,
        features=("tests.adapters.slack.testfeature",),
    )
    # The #infrastruktur network lives in Slack channel C_INFRA from here on.
    bot.command("/partnerbot koble nettverk infrastruktur")
    fake_slack.wait_for("chat.postMessage", lambda c: c.channel == "C_INFRA")
    yield bot
    bot.stop()


def test_a_button_click_runs_its_command_and_updates_the_posted_message(
    bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    bot.command("/testpoll vis")
    post = fake_slack.wait_for("chat.postMessage", lambda c: "Testavstemning" in c.text)[0]
    assert "0 stemmer" in post.text
    buttons = post.buttons()
    assert [(b["value"], b["action_id"]) for b in buttons] == [
        ("/testpoll stem", "cmd:1"),
        ("/testpoll vis", "cmd:2"),
    ]
    assert buttons[0]["style"] == "primary"

    def posted() -> list[tuple[str, str, str]]:
        with bot.db().transaction() as s:
            return [
                (p.platform, p.channel_id, p.message_id)
                for p in s.scalars(
                    select(PostedMessage).where(PostedMessage.object_type == "testpoll")
                )
            ]

    pm = wait_until(posted, what="the posted message to be remembered")
    assert [(p, c) for p, c, _ in pm] == [("slack", "C_INFRA")]
    posted_ts = pm[0][2]

    for n, user in enumerate(("U_ADMIN", "U_KARI", "U_PER"), start=1):
        resp, url = bot.click(
            "/testpoll stem", message_ts=posted_ts, user_id=user, user_name=user.lower()
        )
        assert resp.status == 200
        update = fake_slack.wait_for("chat.update", lambda c, n=n: f"{n} stemmer" in c.text)[0]
        assert (update.channel, update.body["ts"]) == ("C_INFRA", posted_ts)
    # The clickers were answered by the message itself, not by extra ephemeral notes.
    assert not [c for c in fake_slack.calls("response_url") if "stemmer" in c.text]


def test_a_text_vote_updates_every_posted_message_and_answers_ephemerally(
    bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    # Its own posted message: under xdist this test may run on a worker (and bot) of its own.
    bot.command("/testpoll vis")
    fake_slack.wait_for("chat.postMessage", lambda c: "Testavstemning" in c.text)
    wait_until(lambda: _posted(bot), what="the posted message to be remembered")
    updates_before = len(fake_slack.calls("chat.update"))
    _, url = bot.command("/testpoll stem", user_id="U_LISE", user_name="lise")
    reply = bot.replies(url)[0]
    assert reply.body["response_type"] == "ephemeral" and "stemmer" in reply.text
    fake_slack.wait_for("chat.update", count=updates_before + 1)


def test_a_bare_new_command_opens_a_form_and_its_submission_runs_the_command(
    bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    resp, url = bot.command("/testpoll ny")
    assert resp.status == 200
    view = fake_slack.wait_for(
        "views.open", lambda c: c.body["view"]["title"]["text"] == "/testpoll ny"
    )[-1].body["view"]
    kinds = {b["block_id"]: b["element"]["type"] for b in view["blocks"]}
    assert kinds == {
        "title": "plain_text_input",
        "kw:deadline:date": "datepicker",
        "kw:deadline:time": "timepicker",
        "kw:place": "plain_text_input",
        "flags": "checkboxes",
    }
    # A time without a date is refused inside the form.
    bad = bot.submit(
        view,
        {
            "title": {"value": {"type": "plain_text_input", "value": "Møte"}},
            "kw:deadline:time": {"value": {"type": "timepicker", "selected_time": "14:00"}},
        },
    )
    assert bad.status == 200 and bad.json()["response_action"] == "errors"
    assert "kw:deadline:date" in bad.json()["errors"]
    good = bot.submit(
        view,
        {
            "title": {"value": {"type": "plain_text_input", "value": "Vegmøte frist i Horten"}},
            "kw:deadline:date": {"value": {"type": "datepicker", "selected_date": "2026-09-15"}},
            "kw:deadline:time": {"value": {"type": "timepicker", "selected_time": "12:00"}},
            "kw:place": {"value": {"type": "plain_text_input", "value": "Horten rådhus"}},
            "flags": {"value": {"type": "checkboxes", "selected_options": [{"value": "silent"}]}},
        },
    )
    assert good.status == 200 and good.body == ""
    reply = bot.replies(url)[0]  # the form answers through the slash command's response_url
    assert reply.text.startswith(
        "title=Vegmøte frist i Horten; deadline=15.09.2026 12:00; "
        "place=Horten rådhus; flags=['silent']"
    )


def test_files_are_uploaded_to_the_channel_with_files_upload_v2(
    bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    _, url = bot.command("/testpoll fil")
    assert "Her er eksporten" in bot.replies(url)[0].text
    done = fake_slack.wait_for("files.completeUploadExternal")[-1]
    assert done.body["channel_id"] == "C_INFRA"
    assert [f["title"] for f in done.body["files"]] == ["Tiltak"]
    upload = fake_slack.wait_for("upload", lambda c: c.data.startswith(b"tittel;status"))
    assert "E18;pågår" in upload[0].data.decode()


def test_a_long_reply_is_split_within_slacks_limits_and_nothing_is_lost(
    bot: SlackBotProcess,
) -> None:
    _, url = bot.command("/testpoll lang")
    replies = bot.replies(url)
    blocks = [b for r in replies for b in r.blocks]
    assert all(len(r.blocks) <= 50 for r in replies)
    assert all(len(b["text"]["text"]) <= 3000 for b in blocks if "text" in b)
    assert all(len(b.get("fields", [])) <= 10 for b in blocks)
    text = "\n".join(t for r in replies for t in r.text.split("\n"))
    assert all(f"Linje {n:04d}" in text for n in range(200))
    assert all(f"verdi {n}" in text for n in range(23))


def _posted(bot: SlackBotProcess) -> list[str]:
    with bot.db().transaction() as s:
        return list(
            s.scalars(
                select(PostedMessage.message_id).where(PostedMessage.object_type == "testpoll")
            )
        )


def _schedule(
    bot: SlackBotProcess,
    key: str,
    network: str,
    due_in: float,
    what: str,
    organiser: int | None = None,
) -> int:
    with bot.db().transaction() as s:
        net = s.scalar(select(Network).where(Network.name == network))
        assert net is not None
        row = outbox.schedule(
            s,
            key=key,
            kind="testpoll.reminder",
            target=outbox.Target.network(net.id),
            due_at=datetime.now(UTC) + timedelta(seconds=due_in),
            object_type="testpoll",
            object_id=1,
            payload={"what": what, "organiser_id": organiser},
        )
        return row.id


def _row(bot: SlackBotProcess, row_id: int) -> OutboxMessage:
    with bot.db().transaction() as s:
        row = s.get(OutboxMessage, row_id)
        assert row is not None
        return row


def test_a_reminder_is_posted_once_after_a_429_with_retry_after(
    bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    fake_slack.fail_next(
        "chat.postMessage",
        status=429,
        retry_after=2,
        when=lambda b: "Påminnelse: frist for innspill" in str(b.get("text")),
    )
    row_id = _schedule(
        bot, "test:reminder:429", "Nettverk for infrastruktur", 1.0, "frist for innspill"
    )
    start = time.monotonic()
    sent = fake_slack.wait_for(
        "chat.postMessage", lambda c: "Påminnelse: frist for innspill" in c.text, timeout=15
    )
    attempts = [
        c
        for c in fake_slack.calls("chat.postMessage")
        if "Påminnelse: frist for innspill" in c.text
    ]
    assert [c.status for c in attempts] == [429, 200]
    assert attempts[1].at - attempts[0].at >= 1.9  # Retry-After was respected
    assert sent[0].channel == "C_INFRA"
    assert time.monotonic() - start < 15
    # No second copy on a later tick: a sentinel row due now is sent after ours would be.
    _schedule(bot, "test:reminder:429:sentinel", "Nettverk for infrastruktur", 0.0, "kontroll")
    fake_slack.wait_for("chat.postMessage", lambda c: "Påminnelse: kontroll" in c.text)
    assert (
        len(
            [
                c
                for c in fake_slack.calls("chat.postMessage", ok_only=True)
                if "Påminnelse: frist for innspill" in c.text
            ]
        )
        == 1
    )
    row = _row(bot, row_id)
    assert (row.state, row.attempts) == ("sent", 1)


def test_channel_not_found_fails_the_row_and_the_organiser_gets_a_dm(
    bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    fake_slack.users["U_MARTE"] = {"real_name": "Marte Lie", "locale": "nb-NO"}
    _, url = bot.command("/partnerbot meg", user_id="U_MARTE")
    bot.replies(url)  # answered: her first contact made her a member
    with bot.db().transaction() as s:
        net = s.scalar(select(Network).where(Network.name == "Nettverk for arbeid mot utenforskap"))
        member = s.scalar(
            select(Member).join(Member.accounts).where(Account.external_id == "U_MARTE")
        )
        assert net is not None and member is not None
        organiser = member.id
        s.add(
            ChannelRef(
                platform="slack", channel_id="C_GONE", name="#utenforskap", network_id=net.id
            )
        )
    fake_slack.fail_next(
        "chat.postMessage", error="channel_not_found", when=lambda b: b.get("channel") == "C_GONE"
    )
    row_id = _schedule(
        bot,
        "test:reminder:gone",
        "Nettverk for arbeid mot utenforskap",
        0.5,
        "samling",
        organiser=organiser,
    )
    dm = fake_slack.wait_for(
        "chat.postMessage",
        lambda c: c.channel == "U_MARTE" and "channel_not_found" in c.text,
        timeout=15,
    )[0]
    assert "Jeg fikk ikke levert en melding (testpoll.reminder)" in dm.text
    row = _row(bot, row_id)
    assert row.state == "failed" and row.last_error == "channel_not_found"
    # The rest go on: a reminder to a good channel is still sent.
    _schedule(bot, "test:reminder:after", "Nettverk for infrastruktur", 0.2, "etterpå")
    fake_slack.wait_for("chat.postMessage", lambda c: "Påminnelse: etterpå" in c.text, timeout=10)
