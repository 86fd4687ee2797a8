"""What a Teams member is told when Teams will not take what the bot sends, as a Slack
member is: an answer the thread refuses comes in their personal chat (Slack: a direct
message when the ephemeral one fails), an answer that cannot be delivered at all says the
command ran (not to send it again), and a channel post that can never be made is told to
whoever gave the command."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from storage import inbox
from storage.models import InboxRequest, OutboxMessage, Poll
from tests.adapters.slack.process import wait_until
from tests.adapters.teams.harness import TeamsHarness, teams_bot

CHANNEL = "19:infra@thread.tacv2"
INGRID = {"user": "ingrid", "name": "Ingrid Berg"}


@pytest.fixture(scope="module")
def teams(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TeamsHarness]:
    with teams_bot(tmp_path_factory.mktemp("teams-undelivered")) as harness:
        harness.say_in_channel("partnerbot koble nettverk infrastruktur", **INGRID)
        harness.fake.wait_for("send", lambda c: c.conversation == CHANNEL and "koblet" in c.text)
        yield harness


def day(days: int) -> str:
    return (datetime.now(ZoneInfo("Europe/Oslo")) + timedelta(days=days)).strftime("%d.%m.%Y")


def test_an_answer_the_thread_refuses_comes_in_the_members_personal_chat(
    teams: TeamsHarness,
) -> None:
    teams.fake.fail_next("reply", status=403, retry_after=None, conversation=CHANNEL)
    activity = teams.say_in_channel("horing liste", user="liv", name="Liv Lie")
    answer = teams.fake.wait_for("send", lambda c: c.conversation == "a:personal-liv")
    assert "høring" in answer.text.lower(), answer.text
    refused = [c for c in teams.fake.sent("reply") if c.body.get("replyToId") == activity["id"]]
    assert [c.status for c in refused] == [403]


def test_an_answer_teams_takes_nowhere_says_the_command_ran(teams: TeamsHarness) -> None:
    # Refused in the thread, and in the personal chat the answer goes to then.
    teams.fake.fail_next("reply", status=400, retry_after=None, conversation=CHANNEL)
    teams.fake.fail_next("send", status=400, retry_after=None, conversation="a:personal-tor")
    activity = teams.say_in_channel("horing liste", user="tor", name="Tor Lie")
    told = teams.fake.wait_for(
        "reply", lambda c: c.body.get("replyToId") == activity["id"] and c.status < 300
    )
    assert "Kommandoen er kjørt, men noe gikk galt da jeg skulle svare deg" in told.text


def test_a_channel_post_teams_refuses_for_good_says_the_command_ran(teams: TeamsHarness) -> None:
    title = "Møtepoll som Teams ikkje tek imot"
    teams.fake.fail_next("send", status=400, retry_after=None, conversation=CHANNEL)
    activity = teams.say_in_channel(f'mote ny "{title}" tider {day(14)} kl 10-12', **INGRID)
    told = teams.fake.wait_for("reply", lambda c: c.body.get("replyToId") == activity["id"])
    assert "Kommandoen er kjørt" in told.text and "Ikke send den på nytt" in told.text
    assert "prøver igjen" not in told.text  # it would fail again: not promised
    with teams.db.transaction() as s:
        poll = s.scalar(select(Poll.id).where(Poll.title == title))
        assert poll is not None
        reposts = select(OutboxMessage.id).where(
            OutboxMessage.kind == "reply.repost", OutboxMessage.object_id == poll
        )
        assert s.scalar(reposts) is None


def test_a_channel_post_that_can_never_be_made_is_told_to_who_gave_the_command(
    teams: TeamsHarness,
) -> None:
    title = "Møtepoll som aldri kommer fram"
    # In the channel only: a reminder or a personal chat sent meanwhile takes none of them.
    for _ in range(3):  # the first try and the interactive client's two retries
        teams.fake.fail_next("send", status=502, retry_after=None, conversation=CHANNEL)
    # The outbox's repost: for good.
    teams.fake.fail_next("send", status=403, retry_after=None, conversation=CHANNEL)
    activity = teams.say_in_channel(f'mote ny "{title}" tider {day(12)} kl 10-12', **INGRID)
    told = teams.fake.wait_for("reply", lambda c: c.body.get("replyToId") == activity["id"])
    assert "ikke send kommandoen på nytt" in told.text

    def repost() -> OutboxMessage | None:
        with teams.db.transaction() as s:
            poll = s.scalar(select(Poll.id).where(Poll.title == title))
            return s.scalar(
                select(OutboxMessage).where(
                    OutboxMessage.kind == "reply.repost", OutboxMessage.object_id == poll
                )
            )

    due = wait_until(repost, what="the repost in the outbox").due_at
    for seconds in (1, 2):  # the repost fails for good; then the notice of it is sent
        teams.bot.dispatcher.dispatch_due(due + timedelta(seconds=seconds))
    dm = teams.fake.wait_for(
        "send", lambda c: c.conversation == "a:personal-ingrid" and "levert" in c.text
    )
    assert "Jeg fikk ikke levert en melding" in dm.text


def test_a_later_post_whose_member_could_not_be_told_is_posted_once(teams: TeamsHarness) -> None:
    """The channel post fails (left to the outbox) and so does telling the member: the
    answer is not left to the inbox worker to send again, which would post the poll twice."""
    title = "Møtepoll når Teams strever lenge"
    for kind in ("send", "reply"):  # each: the first try and the client's two retries
        for _ in range(3):
            teams.fake.fail_next(kind, status=502, retry_after=None, conversation=CHANNEL)
    teams.say_in_channel(f'mote ny "{title}" tider {day(16)} kl 10-12', **INGRID)
    teams.fake.wait_for("send", lambda c: c.conversation == CHANNEL and title in c.text)

    def done() -> bool:
        with teams.db.transaction() as s:
            states = s.scalars(select(InboxRequest.state).where(InboxRequest.platform == "teams"))
            return all(state == inbox.DONE for state in states)

    wait_until(done, what="the command's inbox row to be done")
    posts = [c for c in teams.fake.sent("send") if c.conversation == CHANNEL and title in c.text]
    assert [c.status for c in posts] == [502, 502, 502, 200]  # the outbox's post, once


def test_a_meeting_posted_later_keeps_its_invitation_link(teams: TeamsHarness) -> None:
    """Slack uploads a later post's files at once; in Teams a file is a link in the post,
    so the post the outbox makes keeps it (it said "the invitation is attached" without)."""
    title = "Møte med invitasjon som kommer seinare"
    teams.say_in_channel(f'mote ny "{title}" tider {day(18)} kl 10-12', **INGRID)
    teams.fake.wait_for("send", lambda c: c.conversation == CHANNEL and title in c.text)
    with teams.db.transaction() as s:
        poll = s.scalar(select(Poll.id).where(Poll.title == title))
    for _ in range(3):  # the first try and the interactive client's two retries
        teams.fake.fail_next("send", status=502, retry_after=None, conversation=CHANNEL)
    activity = teams.say_in_channel(f"mote lukk {poll} valg 1", **INGRID)
    told = teams.fake.wait_for("reply", lambda c: c.body.get("replyToId") == activity["id"])
    assert "ikke send kommandoen på nytt" in told.text
    posted = teams.fake.wait_for(
        "send", lambda c: c.conversation == CHANNEL and title in c.text and ".ics" in c.text
    )
    assert "/files/" in posted.text, posted.text
