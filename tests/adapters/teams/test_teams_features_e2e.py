"""Must-show 2 against the fake Bot Connector: a hearing created in a channel whose reminder
arrives once through a 429; three votes on a poll card, each updating the card; a conference
that fills and waitlists the next registration."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import requests
from sqlalchemy import select

from storage import outbox
from storage.models import Conference, Hearing, OutboxMessage, Poll, PostedMessage
from tests.adapters.slack.process import wait_until
from tests.adapters.teams.fake_connector import Call
from tests.adapters.teams.harness import TeamsHarness, teams_bot
from tests.adapters.teams.markdown_view import view

OSLO = ZoneInfo("Europe/Oslo")
CHANNEL = "19:infra@thread.tacv2"
INGRID = {"user": "ingrid", "name": "Ingrid Berg"}


def day(days: int) -> str:
    return (datetime.now(OSLO) + timedelta(days=days)).strftime("%d.%m.%Y")


@pytest.fixture(scope="module")
def teams(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TeamsHarness]:
    """One bot for the module, its channel bound to a network with four members."""
    with teams_bot(tmp_path_factory.mktemp("teams-features")) as harness:
        harness.say_in_channel("partnerbot koble nettverk infrastruktur", **INGRID)
        harness.fake.wait_for("send", lambda c: c.conversation == CHANNEL and "koblet" in c.text)
        for user in ("kari", "per", "siri", "tore"):
            harness.say(f"partnerbot medlem ny aad-{user} nettverk infrastruktur", **INGRID)
            harness.fake.wait_for("send", lambda c, u=user: f"aad-{u} er lagt til" in c.text)
        yield harness


def object_id(teams: TeamsHarness, model: Any, title: str) -> int:
    def find() -> int | None:
        with teams.db.transaction() as s:
            return s.scalar(select(model.id).where(model.title == title))

    return wait_until(find, what=f"{model.__name__} «{title}»")


def action(call: Call, command_starts: str) -> dict[str, Any]:
    hits = [a for a in call.actions() if a["data"]["partnerbot"].startswith(command_starts)]
    assert hits, [a["data"] for a in call.actions()]
    return hits[0]


def test_hearing_in_a_channel_reminds_there_once_through_a_429(teams: TeamsHarness) -> None:
    title = "Partnerskapsavtale <generell> & del"
    teams.say_in_channel(
        f'horing ny "{title}" frist {day(20)} fra "Viken fylkeskommune" mottakere "Horten kommune"',
        **INGRID,
    )
    created = teams.fake.wait_for("send", lambda c: "Partnerskapsavtale" in c.text)
    assert created.conversation == CHANNEL
    # A card shows the member's text as typed (no HTML there; markdown escaped) ...
    assert title in view(created.text).text
    # ... and a text message escapes it, so Teams does not read it as markup.
    teams.say("horing liste", **INGRID)
    listing = teams.fake.wait_for(
        "send", lambda c: c.conversation == "a:personal-ingrid" and "Partnerskapsavtale" in c.text
    )
    assert "&lt;generell&gt; &amp; del" in listing.text and "<generell>" not in listing.text
    hearing = object_id(teams, Hearing, title)
    with teams.db.transaction() as s:
        row = s.scalars(
            select(OutboxMessage)
            .where(
                OutboxMessage.object_type == "hearing",
                OutboxMessage.object_id == hearing,
                OutboxMessage.state == outbox.PENDING,
            )
            .order_by(OutboxMessage.due_at)
        ).first()
        assert row is not None
        row_id, due = row.id, row.due_at

    # Whatever else falls due before (digests of the demo networks) goes out first.
    teams.bot.dispatcher.dispatch_due(due - timedelta(seconds=1))
    teams.fake.fail_next("send", status=429, retry_after=2, conversation=CHANNEL)
    first = teams.bot.dispatcher.dispatch_due(due + timedelta(seconds=1))
    assert first.retried == 1 and row_id not in first.sent_ids
    throttled = [c for c in teams.fake.sent("send") if c.status == 429]
    assert len(throttled) == 1 and throttled[0].conversation == CHANNEL
    with teams.db.transaction() as s:
        retry = s.get(OutboxMessage, row_id)
        assert retry is not None and retry.state == outbox.PENDING
        assert retry.not_before >= due + timedelta(seconds=3)  # Retry-After was kept

    assert teams.bot.dispatcher.dispatch_due(due + timedelta(seconds=2)).sent == 0
    second = teams.bot.dispatcher.dispatch_due(due + timedelta(seconds=4))
    assert row_id in second.sent_ids
    assert (
        teams.bot.dispatcher.dispatch_due(due + timedelta(seconds=60)).sent_ids.count(row_id) == 0
    )
    reminders = [
        c
        for c in teams.fake.sent("send")
        if c.status < 300
        and c.conversation == CHANNEL
        and "generell" in c.text
        and c is not created
    ]
    assert len(reminders) == 1
    assert "Horten kommune" in reminders[0].text


def test_three_votes_on_a_poll_card_each_update_the_card(teams: TeamsHarness) -> None:
    title = "Samhandlingsmøte i Teams"
    teams.say_in_channel(
        f'mote ny "{title}" tider {day(10)} kl 10-12, {day(11)} kl 13-15', **INGRID
    )
    card = teams.fake.wait_for("send", lambda c: title in c.text and c.conversation == CHANNEL)
    assert card.cards and card.cards[0]["version"] == "1.5"
    assert "ja 0 · om nødvendig 0 · nei 0" in card.text
    poll = object_id(teams, Poll, title)
    assert [a["data"]["partnerbot"] for a in card.actions()] == [
        f"/mote svar {poll} {slot}:{word}" for slot in (1, 2) for word in ("ja", "kanskje", "nei")
    ]
    assert all(a["type"] == "Action.Submit" for a in card.actions())

    votes = [("ingrid", "1:ja"), ("kari", "1:kanskje"), ("per", "1:ja")]
    expected = [
        "ja 1 · om nødvendig 0 · nei 0",
        "ja 1 · om nødvendig 1 · nei 0",
        "ja 2 · om nødvendig 1 · nei 0",
    ]
    for (user, answer), counts in zip(votes, expected, strict=True):
        press = action(card, f"/mote svar {poll} {answer}")
        teams.post(teams.fake.click(card, press, user=user, name=user.title()))
        update = teams.fake.wait_for(
            "update",
            lambda c, counts=counts: c.activity_id == card.activity_id and counts in c.text,
        )
        assert update.conversation == CHANNEL
        assert len(update.actions()) == 6  # the next member can vote on the updated card
    # Voters were answered by the card itself: one poll post, no replies in the thread.
    assert len([c for c in teams.fake.sent("send") if title in view(c.text).text]) == 1
    with teams.db.transaction() as s:
        posted = s.scalars(
            select(PostedMessage).where(
                PostedMessage.platform == "teams",
                PostedMessage.object_type == "poll",
                PostedMessage.object_id == poll,
            )
        ).all()
        assert [(p.channel_id, p.message_id) for p in posted] == [(CHANNEL, card.activity_id)]


def test_a_conference_fills_and_the_next_registration_is_waitlisted(teams: TeamsHarness) -> None:
    title = "Partnerskapskonferansen i Teams"
    teams.say_in_channel(
        f'konferanse ny "{title}" dato {day(30)} kl 09-16 sted Tønsberg plasser 2', **INGRID
    )
    conference = object_id(teams, Conference, title)
    teams.say_in_channel(f"konferanse kunngjør {conference}", **INGRID)
    invitation = teams.fake.wait_for(
        "send", lambda c: c.conversation == CHANNEL and "Invitasjon" in c.text and title in c.text
    )
    register = action(invitation, f"/konferanse meld på {conference}")
    assert register.get("style") == "positive"
    answers = {}
    for user in ("siri", "tore", "kari"):
        click = teams.post(teams.fake.click(invitation, register, user=user, name=user.title()))
        answers[user] = teams.fake.wait_for(
            "reply", lambda c, click=click: c.body.get("replyToId") == click["id"]
        ).text
    assert f"Du er påmeldt «{title}»" in answers["siri"]
    assert f"Du er påmeldt «{title}»" in answers["tore"]
    assert "nr. 1 på ventelisten" in answers["kari"]
    teams.say(f"konferanse deltakere {conference}", **INGRID)
    listing = teams.fake.wait_for(
        "send", lambda c: c.conversation == "a:personal-ingrid" and "Siri" in c.text
    )
    assert "Kari" in listing.text and "Tore" in listing.text


def test_an_export_is_offered_as_an_expiring_link_on_the_web_front(teams: TeamsHarness) -> None:
    teams.say_in_channel('tiltak mål ny 1 "Bedre mobildekning"', **INGRID)
    teams.say_in_channel('tiltak ny "Kartlegge dekningen" mål 1', **INGRID)
    teams.fake.wait_for("send", lambda c: "Kartlegge dekningen" in c.text)
    activity = teams.say_in_channel("tiltak eksport", **INGRID)
    answer = teams.fake.wait_for("reply", lambda c: c.body.get("replyToId") == activity["id"])
    links = re.findall(r"\]\((http://127\.0\.0\.1:\d+/files/[^)]+)\)", answer.text)
    assert len(links) == 1, answer.text
    resp = requests.get(links[0], timeout=10)
    assert resp.status_code == 200
    assert "Kartlegge dekningen" in resp.content.decode("utf-8-sig")
    assert resp.headers["content-disposition"].startswith("attachment;")
    token = links[0].split("/files/")[1].split("/")[0]
    forged = links[0].replace(token, token[:-4] + "AAAA")
    assert requests.get(forged, timeout=10).status_code == 404


def test_a_saved_poll_whose_channel_post_fails_is_posted_later_not_lost(
    teams: TeamsHarness,
) -> None:
    title = "Møtepoll når Teams strever"
    for _ in range(3):  # the first try and the interactive client's two retries
        teams.fake.fail_next("send", status=502, retry_after=None, conversation=CHANNEL)
    activity = teams.say_in_channel(f'mote ny "{title}" tider {day(12)} kl 10-12', **INGRID)
    told = teams.fake.wait_for("reply", lambda c: c.body.get("replyToId") == activity["id"])
    assert "ikke send kommandoen på nytt" in told.text  # saved; do not type it again
    assert "Ingenting er lagret" not in told.text
    poll = object_id(teams, Poll, title)
    with teams.db.transaction() as s:
        row = s.scalar(
            select(OutboxMessage).where(
                OutboxMessage.kind == "reply.repost", OutboxMessage.object_id == poll
            )
        )
        assert row is not None and row.target_id == CHANNEL and row.platform == "teams"
        due = row.due_at
    teams.bot.dispatcher.dispatch_due(due + timedelta(seconds=1))
    posted = teams.fake.wait_for("send", lambda c: title in c.text and c.conversation == CHANNEL)
    assert posted.cards  # the poll card, with its buttons, once
    assert len([c for c in teams.fake.sent("send") if title in c.text and c.status < 300]) == 1


def test_we_have_answered_on_a_hearing_card_updates_the_channels_card(
    teams: TeamsHarness,
) -> None:
    teams.say(
        'partnerbot medlem ny aad-hilde nettverk infrastruktur org "Horten kommune"', **INGRID
    )
    teams.fake.wait_for("send", lambda c: "aad-hilde er lagt til" in c.text)
    title = "Regional transportplan <2027> & høring"
    teams.say_in_channel(
        f'horing ny "{title}" frist {day(20)} mottakere "Horten kommune, Larvik kommune"', **INGRID
    )
    card = teams.fake.wait_for(
        "send", lambda c: title in view(c.text).text and c.conversation == CHANNEL
    )
    hearing = object_id(teams, Hearing, title)
    assert [a["data"]["partnerbot"] for a in card.actions()] == [
        f"/horing svart {hearing}",
        f"/horing vis {hearing}",
    ]
    assert all(a["type"] == "Action.Submit" for a in card.actions())

    press = action(card, f"/horing svart {hearing}")
    teams.post(teams.fake.click(card, press, user="hilde", name="Hilde Dahl"))
    update = teams.fake.wait_for(
        "update",
        lambda c: c.activity_id == card.activity_id and "Har svart: Horten kommune" in c.text,
    )
    assert update.conversation == CHANNEL
    assert "Har ikke svart ennå: Larvik kommune" in update.text
    assert title in view(update.text).text
    assert len(update.actions()) == 2  # the next organisation can answer on the updated card
    assert len([c for c in teams.fake.sent("send") if title in view(c.text).text]) == 1

    teams.say_in_channel(f"horing avslutt {hearing}", **INGRID)
    closed = teams.fake.wait_for(
        "update",
        lambda c: c.activity_id == card.activity_id and "Høringen er avsluttet" in c.text,
    )
    assert [a["data"]["partnerbot"] for a in closed.actions()] == [f"/horing vis {hearing}"]
