"""The real features through `partnerbot slack`: a meeting poll voted with buttons, conference
RSVP with a waitlist promotion, and the App Home tab (issues 9 and 10)."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from storage.models import Account, Conference, Member, Network, Organisation, Poll, PostedMessage
from tests.adapters.slack import requests as rq
from tests.adapters.slack.fake import Call, FakeSlack, block_texts
from tests.adapters.slack.process import SlackBotProcess, start_slack_bot, wait_until

pytestmark = pytest.mark.slow

OSLO = ZoneInfo("Europe/Oslo")
_n = itertools.count(1)


@pytest.fixture(scope="module")
def bot(
    fake_slack: FakeSlack, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SlackBotProcess]:
    bot = start_slack_bot(tmp_path_factory.mktemp("slack-features"), fake_slack)
    bot.command("/partnerbot koble nettverk infrastruktur")
    fake_slack.wait_for(
        "chat.postMessage", lambda c: c.channel == "C_INFRA" and "#infrastruktur" in c.text
    )
    # Voting and registering are for the network's members (docs/permissions.md).
    for user in ("U_KARI", "U_PER", "U_SIRI", "U_TORE", "U_ANNE"):
        _, url = bot.command(f"/partnerbot medlem ny {user} nettverk infrastruktur")
        assert "lagt til" in bot.replies(url)[0].text
    yield bot
    bot.stop()


def unique(word: str) -> str:
    """A title no other test in this module uses (tests may run in any order)."""
    return f"{word} {next(_n)}"


def day(days: int) -> str:
    return (datetime.now(OSLO) + timedelta(days=days)).strftime("%d.%m.%Y")


def posted_ts(bot: SlackBotProcess, object_type: str, object_id: int) -> str:
    def find() -> str | None:
        with bot.db().transaction() as s:
            return s.scalar(
                select(PostedMessage.message_id).where(
                    PostedMessage.object_type == object_type,
                    PostedMessage.object_id == object_id,
                    PostedMessage.channel_id == "C_INFRA",
                )
            )

    return wait_until(find, what=f"the {object_type} message to be remembered")


def object_id(bot: SlackBotProcess, model: Any, title: str) -> int:
    def find() -> int | None:
        with bot.db().transaction() as s:
            return s.scalar(select(model.id).where(model.title == title))

    return wait_until(find, what=f"{model.__name__} «{title}»")


def button(call: Call, value_starts: str) -> dict[str, Any]:
    hits = [b for b in call.buttons() if b["value"].startswith(value_starts)]
    assert hits, f"no button {value_starts!r} in {[b['value'] for b in call.buttons()]}"
    return hits[0]


# -- meeting poll ---------------------------------------------------------------------------


def test_a_poll_voted_with_buttons_by_three_members_shows_live_counts(
    bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    title = unique("Samhandlingsmøte")
    bot.command(f'/mote ny "{title}" tider {day(10)} kl 10-12, {day(11)} kl 13-15')
    post = fake_slack.wait_for("chat.postMessage", lambda c: title in c.text)[0]
    assert post.channel == "C_INFRA"
    assert "ja 0 · om nødvendig 0 · nei 0" in post.text
    poll_id = object_id(bot, Poll, title)
    ts = posted_ts(bot, "poll", poll_id)
    assert [b["value"] for b in post.buttons()] == [
        f"/mote svar {poll_id} {slot}:{word}"
        for slot in (1, 2)
        for word in ("ja", "kanskje", "nei")
    ]

    votes = [("U_ADMIN", "1:ja"), ("U_KARI", "1:kanskje"), ("U_PER", "1:ja")]
    expected = [
        "ja 1 · om nødvendig 0 · nei 0",
        "ja 1 · om nødvendig 1 · nei 0",
        "ja 2 · om nødvendig 1 · nei 0",
    ]
    for (user, answer), counts in zip(votes, expected, strict=True):
        b = button(post, f"/mote svar {poll_id} {answer}")
        resp, _ = bot.click(
            b["value"],
            message_ts=ts,
            user_id=user,
            user_name=user.lower(),
            action_id=b["action_id"],
        )
        assert resp.status == 200
        update = fake_slack.wait_for(
            "chat.update",
            lambda c, counts=counts: (
                c.body.get("ts") == ts and "*1.* " in c.text and counts in c.text
            ),
        )[0]
        assert update.channel == "C_INFRA"
    last = fake_slack.calls("chat.update")[-1]
    slot_lines = [t for t in block_texts(last.blocks) if t.startswith("*") and " — ja " in t]
    assert [line.split(" — ")[1] for line in slot_lines] == [
        "ja 2 · om nødvendig 1 · nei 0",
        "ja 0 · om nødvendig 0 · nei 0",
    ]
    assert (
        "Beste tidspunkt: *1*" in last.text and "med 2 ja og 3 ja eller om nødvendig" in last.text
    )
    # The answer buttons stay on the updated message, so the next member can vote too.
    assert len(last.buttons()) == 6
    # The clickers were answered by the message itself: no new poll post in the channel.
    assert len([c for c in fake_slack.calls("chat.postMessage") if title in c.text]) == 1


# -- conference RSVP ------------------------------------------------------------------------


def test_rsvp_buttons_fill_the_seats_then_the_waitlist_and_a_cancel_promotes_by_dm(
    bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    title = unique("Partnerskapskonferansen")
    _, url = bot.command(
        f'/konferanse ny "{title}" dato {day(30)} kl 09-16 sted Tønsberg plasser 2'
    )
    assert "utkast" in bot.replies(url)[0].text
    conf_id = object_id(bot, Conference, title)
    bot.command(f"/konferanse kunngjør {conf_id}")
    invitation = fake_slack.wait_for(
        "chat.postMessage",
        lambda c: c.channel == "C_INFRA" and "Invitasjon" in c.text and title in c.text,
    )[0]
    ts = posted_ts(bot, "conference", conf_id)
    register = button(invitation, f"/konferanse meld på {conf_id}")
    cancel = button(invitation, f"/konferanse meld av {conf_id}")
    assert register["style"] == "primary"

    answers = {}
    for user in ("U_SIRI", "U_TORE", "U_ANNE"):
        resp, url = bot.click(
            register["value"],
            message_ts=ts,
            user_id=user,
            user_name=user.lower(),
            action_id=register["action_id"],
        )
        assert resp.status == 200
        answers[user] = bot.replies(url)[0]
    assert all(a.body["response_type"] == "ephemeral" for a in answers.values())
    assert f"Du er påmeldt «{title}»" in answers["U_SIRI"].text
    assert f"Du er påmeldt «{title}»" in answers["U_TORE"].text
    assert "nr. 1 på ventelisten" in answers["U_ANNE"].text

    resp, url = bot.click(
        cancel["value"],
        message_ts=ts,
        user_id="U_TORE",
        user_name="u_tore",
        action_id=cancel["action_id"],
    )
    assert "Plassen din gikk til nestemann" in bot.replies(url)[0].text
    dm = fake_slack.wait_for(
        "chat.postMessage", lambda c: c.channel == "U_ANNE" and "Du har fått plass" in c.text
    )[0]
    assert title in dm.text
    assert not [
        c
        for c in fake_slack.calls("chat.postMessage")
        if c.channel in ("U_SIRI", "U_TORE") and "Du har fått plass" in c.text
    ]


def test_calling_a_conference_off_rewrites_its_invitation_and_tells_who_answered(
    bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    title = unique("Regionrådssamlingen")
    bot.command(f'/konferanse ny "{title}" dato {day(40)} kl 09-16 sted Skien')
    conf_id = object_id(bot, Conference, title)
    bot.command(f"/konferanse kunngjør {conf_id}")
    invitation = fake_slack.wait_for(
        "chat.postMessage", lambda c: c.channel == "C_INFRA" and title in c.text
    )[0]
    ts = posted_ts(bot, "conference", conf_id)
    register = button(invitation, f"/konferanse meld på {conf_id}")
    _, url = bot.click(
        register["value"],
        message_ts=ts,
        user_id="U_SIRI",
        user_name="siri",
        action_id=register["action_id"],
    )
    bot.replies(url)

    _, url = bot.command(f'/konferanse avlys {conf_id} "Flom i Skien"')
    answer = bot.replies(url)[0]
    assert answer.body["response_type"] == "ephemeral" and "er avlyst" in answer.text
    card = fake_slack.wait_for(
        "chat.update", lambda c: c.body.get("ts") == ts and "AVLYST" in c.text
    )[0]
    assert title in card.text and "Flom i Skien" in card.text and card.buttons() == []
    dm = fake_slack.wait_for(
        "chat.postMessage", lambda c: c.channel == "U_SIRI" and "Avlyst" in c.text
    )[0]
    assert title in dm.text and "Grunn: Flom i Skien" in dm.text
    fake_slack.wait_for(
        "chat.postMessage",
        lambda c: c.channel == "C_INFRA" and c.text.startswith("Avlyst") and title in c.text,
    )


# -- App Home -------------------------------------------------------------------------------


def home_calls(fake: FakeSlack, user: str) -> list[Call]:
    return [c for c in fake.calls("views.publish", ok_only=True) if c.body.get("user_id") == user]


def view_of(call: Call) -> dict[str, Any]:
    view = call.body["view"]
    return json.loads(view) if isinstance(view, str) else dict(view)


def view_text(call: Call) -> str:
    return "\n".join(block_texts(view_of(call)["blocks"]))


def view_buttons(call: Call) -> list[dict[str, Any]]:
    return [
        e
        for b in view_of(call)["blocks"]
        if b.get("type") == "actions"
        for e in b.get("elements", [])
    ]


def home_click(bot: SlackBotProcess, value: str, *, user: str, action_id: str) -> rq.Response:
    """A click on a Home tab button: Slack sends no channel and no response_url."""
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": "T0TEST"},
        "api_app_id": "A0TEST",
        "token": "legacy-verification-token",
        "container": {"type": "view", "view_id": "VHOME"},
        "trigger_id": rq.new_trigger_id(),
        "team": {"id": "T0TEST", "domain": "test"},
        "view": {"id": "VHOME", "type": "home", "blocks": []},
        "actions": [
            {
                "action_id": action_id,
                "block_id": "b1",
                "type": "button",
                "value": value,
                "text": {"type": "plain_text", "text": "x"},
                "action_ts": "1.0",
            }
        ],
    }
    from urllib.parse import urlencode

    return rq.post(bot.events_url, urlencode({"payload": json.dumps(payload)}))


def test_opening_the_home_tab_publishes_the_overview_and_its_buttons_act(
    bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    fake_slack.users["U_HOME"] = {"real_name": "Hanne Holm", "locale": "nb-NO"}
    # Hanne is a member from Horten kommune in the infrastructure network.
    bot.command("/partnerbot meg", user_id="U_HOME")

    def member() -> int | None:
        with bot.db().transaction() as s:
            return s.scalar(
                select(Member.id).join(Member.accounts).where(Account.external_id == "U_HOME")
            )

    wait_until(member, what="Hanne to become a member")
    with bot.db().transaction() as s:
        m = s.scalar(select(Member).join(Member.accounts).where(Account.external_id == "U_HOME"))
        horten = s.scalar(select(Organisation).where(Organisation.name == "Horten kommune"))
        infra = s.scalar(select(Network).where(Network.name == "Nettverk for infrastruktur"))
        assert m is not None and horten is not None and infra is not None
        m.organisation_id = horten.id
        m.networks.append(infra)
    hearing = unique("Høring om kollektivplan")
    _, url = bot.command(f'/horing ny "{hearing}" frist {day(12)} mottakere "Horten kommune"')
    fake_slack.wait_for("chat.postMessage", lambda c: hearing in c.text)
    title = unique("Dialogkonferansen")
    bot.command(f'/konferanse ny "{title}" dato {day(40)} kl 09-15 publikum alle')
    conf_id = object_id(bot, Conference, title)
    bot.command(f"/konferanse kunngjør {conf_id}")
    fake_slack.wait_for("chat.postMessage", lambda c: "Invitasjon" in c.text and title in c.text)

    resp = bot.event(
        {
            "type": "app_home_opened",
            "user": "U_HOME",
            "channel": "D_HOME",
            "tab": "home",
            "event_ts": "1.0",
        }
    )
    assert resp.status == 200
    home = fake_slack.wait_for("views.publish", lambda c: c.body.get("user_id") == "U_HOME")[0]
    assert view_of(home)["type"] == "home"
    text = view_text(home)
    assert "Dette venter på deg, Hanne Holm" in text
    assert f"«{hearing}»" in text and f"«{title}»" in text
    values = [b["value"] for b in view_buttons(home)]
    hearing_id = int(text.split(f"«{hearing}»")[0].rsplit("#", 1)[1].strip())
    assert f"/horing svart {hearing_id}" in values
    assert f"/konferanse meld på {conf_id}" in values

    # The "answered" button on the Home tab runs /horing svart through the router: the
    # answer comes by direct message and the tab is published again without the hearing.
    answered = next(b for b in view_buttons(home) if b["value"] == f"/horing svart {hearing_id}")
    before = len(home_calls(fake_slack, "U_HOME"))
    assert (
        home_click(bot, answered["value"], user="U_HOME", action_id=answered["action_id"]).status
        == 200
    )
    dm = fake_slack.wait_for(
        "chat.postMessage",
        lambda c: c.channel == "U_HOME" and "Horten kommune" in c.text and hearing in c.text,
    )[0]
    assert "svart" in dm.text
    again = wait_until(
        lambda: home_calls(fake_slack, "U_HOME")[before:], what="the Home tab to be published again"
    )[-1]
    assert f"«{hearing}»" not in view_text(again) and f"«{title}»" in view_text(again)

    # A slash command by the member refreshes the tab too (once per command).
    before = len(home_calls(fake_slack, "U_HOME"))
    _, url = bot.command(f"/konferanse meld på {conf_id}", user_id="U_HOME")
    assert "Du er påmeldt" in bot.replies(url)[0].text
    after = wait_until(
        lambda: home_calls(fake_slack, "U_HOME")[before:], what="the Home tab to follow the command"
    )
    assert len(after) == 1
    assert "Du er påmeldt konferanse" in view_text(after[0])


def test_a_first_time_visitor_gets_a_home_tab_in_their_language(
    bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    fake_slack.users["U_NEW"] = {"real_name": "Nils Ny", "locale": "nn-NO"}
    bot.event({"type": "app_home_opened", "user": "U_NEW", "tab": "home", "event_ts": "1.0"})
    home = fake_slack.wait_for("views.publish", lambda c: c.body.get("user_id") == "U_NEW")[0]
    # New, in no network and no organisation: nothing is theirs to answer or join yet (a
    # conference for "alle" is for the networks of its partnership), said in nynorsk.
    text = view_text(home)
    assert "Ingenting ventar på deg akkurat no" in text and "Høyring" not in text
    assert view_buttons(home) == []
    # The messages tab is not the Home tab: nothing is published for it.
    assert (
        bot.event(
            {"type": "app_home_opened", "user": "U_NEW", "tab": "messages", "event_ts": "2.0"}
        ).status
        == 200
    )
    bot.round_trip(user_id="U_NEW")
    assert len(home_calls(fake_slack, "U_NEW")) == 1


# -- private views never rewrite public messages ---------------------------------------------


def test_showing_a_hearing_privately_does_not_rewrite_its_channel_message(
    bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    from storage.models import Hearing

    title = unique("Høring om regional plan")
    bot.command(f'/horing ny "{title}" frist {day(30)} mottakere "Horten kommune"')
    fake_slack.wait_for("chat.postMessage", lambda c: title in c.text)
    hearing_id = object_id(bot, Hearing, title)
    ts = posted_ts(bot, "hearing", hearing_id)
    bot.command(f"/horing vis {hearing_id}")
    # The private view goes to the asker through the command's response_url.
    fake_slack.wait_for("response_url", lambda c: f"Høring #{hearing_id}" in c.text)
    bot.round_trip()  # the command is done: a wrong chat.update would have come by now
    assert not [c for c in fake_slack.calls("chat.update") if c.body.get("ts") == ts]
