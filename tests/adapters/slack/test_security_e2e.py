"""Security over the real Slack HTTP path (issue 15): names grant nothing, user text is
escaped, a failed post after a commit is told honestly."""

from __future__ import annotations

import csv
import io
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from storage.models import Account, Hearing, Member, OutboxMessage
from tests.adapters.slack.fake import Call, FakeSlack
from tests.adapters.slack.process import SlackBotProcess, start_slack_bot, wait_until

pytestmark = pytest.mark.slow


def role_of(bot: SlackBotProcess, user_id: str) -> str | None:
    with bot.db().transaction() as s:
        member = s.scalar(
            select(Member)
            .join(Member.accounts)
            .where(Account.platform == "slack", Account.external_id == user_id)
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
        assert row is not None and row.payload is not None
        admin = s.scalar(
            select(Member).join(Member.accounts).where(Account.external_id == "U_ADMIN")
        )
        assert admin is not None and row.payload["organiser_id"] == admin.id  # told if it fails
    wait_until(lambda: _repost_state(slack_bot) == "sent", what="the repost marked sent")


def test_a_saved_command_whose_post_slack_refuses_for_good_says_it_ran(
    slack_bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    title = "Handlingsplan for kollektivtrafikk"
    fake_slack.fail_next(
        "chat.postMessage", error="msg_too_long", when=lambda b: title in str(b.get("text"))
    )
    _, url = slack_bot.command(
        f'/horing ny "{title}" frist om 20 dager mottakere "NAV" nettverk infrastruktur'
    )
    told = slack_bot.replies(url)[0].text
    assert "Kommandoen er kjørt" in told and "Ikke send den på nytt" in told
    assert "Ingenting er lagret" not in told
    with slack_bot.db().transaction() as s:
        assert len(s.scalars(select(Hearing).where(Hearing.title == title)).all()) == 1


def _repost_state(bot: SlackBotProcess) -> str | None:
    with bot.db().transaction() as s:
        row = s.scalar(select(OutboxMessage).where(OutboxMessage.kind == "reply.repost"))
        return row.state if row else None


# -- user text reaches Slack escaped (15.2) ------------------------------------------------

PING = "<!channel> Viktig <https://evil.example|regjeringen.no>"


def markup_sent(calls: list[Call]) -> list[str]:
    """Slack markup anywhere in what the bot sent: text, blocks, fallback, views."""
    found = []
    for call in calls:
        raw = json.dumps(call.body, ensure_ascii=False)
        found += [m for m in ("<!", "<@", "<#", "<http", "<mailto") if m in raw]
    return found


def test_a_title_cannot_ping_the_channel_or_disguise_a_link(
    slack_bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    before = len(fake_slack.calls())
    # a link in Slack's own markup is no web address: refused, and echoed as text
    _, url = slack_bot.command(
        '/horing ny "Lenke" frist om 20 dager mottakere "NAV" nettverk infrastruktur '
        "lenke <https://evil.example|regjeringen.no>"
    )
    refused = slack_bot.replies(url)[0].text
    assert "«&lt;https://evil.example|regjeringen.no&gt;» ser ikke ut som en lenke" in refused
    slack_bot.command(
        f'/horing ny "{PING}" frist om 20 dager mottakere "NAV" nettverk infrastruktur '
        "lenke https://www.regjeringen.no/høring"
    )
    post = fake_slack.wait_for("chat.postMessage", lambda c: "Viktig" in c.text)[0]
    assert "&lt;!channel&gt; Viktig &lt;https://evil.example|regjeringen.no&gt;" in post.text
    assert post.body["text"].count("&lt;!channel&gt;") == 1  # the fallback text too
    assert markup_sent(fake_slack.calls()[before:]) == []


def test_a_note_echoed_in_the_answer_cannot_ping_the_channel(
    slack_bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    before = len(fake_slack.calls())
    slack_bot.command(f'/tiltak notat 1 Rådet sa "ja" {PING}')
    post = fake_slack.wait_for("chat.postMessage", lambda c: "Rådet sa" in c.text)[0]
    assert (
        'Merknad lagret: «Rådet sa "ja" &lt;!channel&gt; Viktig '
        "&lt;https://evil.example|regjeringen.no&gt;»"
    ) in post.text, post.text
    assert markup_sent(fake_slack.calls()[before:]) == []


def test_a_name_from_users_info_is_user_text(
    slack_bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    fake_slack.users["U_PINGER"] = {"real_name": "<!here> <@U_ADMIN>"}
    before = len(fake_slack.calls())
    _, url = slack_bot.command("/partnerbot meg", user_id="U_PINGER", user_name="p")
    reply = slack_bot.replies(url)[0]
    assert "&lt;!here&gt; &lt;@U_ADMIN&gt;" in reply.text
    assert markup_sent(fake_slack.calls()[before:]) == []


def test_a_slack_profile_named_like_the_admin_is_not_spoken_of_as_her(
    slack_bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    fake_slack.users["U_IMPOSTOR"] = {"real_name": "Ingrid Berg"}  # the demo's admin
    _, url = slack_bot.command("/partnerbot meg", user_id="U_IMPOSTOR", user_name="ib")
    reply = slack_bot.replies(url)[0].text
    assert reply.startswith("*Ingrid Berg (slack U_IMPOSTOR)*"), reply
    assert role_of(slack_bot, "U_IMPOSTOR") == "member"


@pytest.mark.parametrize(
    ("user", "profile", "named"),
    [
        ("U0EVA", "Eva\u200b Nyland\n", "Eva Nyland"),
        ("U0MAL", "Ingrid Berg", "Ingrid Berg (slack U0MAL)"),
    ],
)
def test_a_member_added_by_mention_gets_the_name_slack_shows_as_user_text(
    slack_bot: SlackBotProcess, fake_slack: FakeSlack, user: str, profile: str, named: str
) -> None:
    _, url = slack_bot.command(f"/partnerbot medlem ny <@{user}|x> nettverk infrastruktur")
    added = slack_bot.replies(url)[0].text
    assert f"{user} er lagt til" in added, added
    fake_slack.users[user] = {"real_name": profile}
    _, url = slack_bot.command("/partnerbot meg", user_id=user, user_name="x")
    reply = slack_bot.replies(url)[0].text
    assert reply.startswith(f"*{named}*"), reply
    with slack_bot.db().transaction() as s:
        names = s.scalars(
            select(Member.name)
            .join(Member.accounts)
            .where(Account.platform == "slack", Account.external_id == user)
        ).all()
        assert names == [named]


NASTY = st.sampled_from(
    [
        "<!channel>",
        "<!here|here>",
        "<@U_ADMIN>",
        "<#C_INFRA>",
        "<https://evil.example|regjeringen.no>",
        "<mailto:x@evil.example|post>",
        "&lt;!channel&gt;",
        "\x00",
        "\x1b[31m",
        "\u202e",
        "\u2066",
        "\r",
        "*",
        "`",
        "&",
        ">",
    ]
)
TEXT = st.lists(
    st.one_of(NASTY, st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)),
    max_size=6,
).map("".join)
NAME = st.lists(st.one_of(NASTY, st.text(max_size=8)), max_size=6).map("".join)  # JSON: surrogates
_n = itertools.count()


def _quoted(text: str) -> str:
    return "".join(c for c in text if c not in '"“”«»„')


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(title=TEXT, place=TEXT, name=NAME)
def test_arbitrary_title_place_and_name_reach_slack_escaped_and_nothing_raises(
    slack_bot: SlackBotProcess, fake_slack: FakeSlack, title: str, place: str, name: str
) -> None:
    n = next(_n)
    user = f"U_HYP{n}"
    fake_slack.users[user] = {"real_name": name}
    before = len(fake_slack.calls())
    _, url = slack_bot.command("/partnerbot meg", user_id=user, user_name=f"hyp{n}")
    slack_bot.replies(url)
    marker = f"Tittel{n}x"
    _, url = slack_bot.command(
        f'/horing ny "{marker} {_quoted(title)}" frist om 20 dager mottakere "NAV" '
        "nettverk infrastruktur"
    )
    fake_slack.wait_for("chat.postMessage", lambda c: marker in c.text and c.channel == "C_INFRA")
    _, url = slack_bot.command(
        f'/konferanse ny "{marker} {_quoted(title)}" dato 1.6.2027 kl 10 '
        f'sted "{_quoted(place)}" publikum "Nettverk for infrastruktur"'
    )
    said = slack_bot.replies(url)[0].text
    assert "Noe gikk galt" not in said, said
    assert markup_sent(fake_slack.calls()[before:]) == []
    assert "Traceback" not in slack_bot.logs()


# -- secrets stay out of the log at every level (15.7) ------------------------------------


def test_at_debug_the_log_shows_no_response_url_and_no_token(
    fake_slack: FakeSlack, tmp_path: Path
) -> None:
    bot = start_slack_bot(tmp_path, fake_slack, env={"PARTNERBOT_LOG_LEVEL": "DEBUG"})
    try:
        _, url = bot.command("/partnerbot meg")
        bot.replies(url)
        _, url = bot.command("/horing vis 1")
        bot.replies(url)
        logs = bot.logs()
        assert "DEBUG" in logs  # slack_sdk and Bolt did log the requests
        tag = url.rsplit("/", 1)[-1]
        assert tag not in logs and "/response/" not in logs
        assert "xoxb-test-token" not in logs
    finally:
        bot.stop()


# -- forms: private_metadata and picker values are checked (15.7) -------------------------


def _open_hearing_form(bot: SlackBotProcess, fake: FakeSlack) -> tuple[dict, str]:
    before = len(fake.calls("views.open"))
    _, url = bot.command("/horing")
    view = fake.wait_for("views.open", count=before + 1)[-1].body["view"]
    return view, url


def _filled(title: str, time: str = "12:00") -> dict:
    return {
        "title": {"value": {"type": "plain_text_input", "value": title}},
        "kw:deadline:date": {"value": {"type": "datepicker", "selected_date": "2027-09-15"}},
        "kw:deadline:time": {"value": {"type": "timepicker", "selected_time": time}},
        "kw:addressees": {"value": {"type": "plain_text_input", "value": "NAV"}},
        "kw:network": {"value": {"type": "plain_text_input", "value": "infrastruktur"}},
    }


def _hearings(bot: SlackBotProcess, title: str) -> list[str]:
    """The networks of the hearings with ``title``."""
    with bot.db().transaction() as s:
        found = s.scalars(select(Hearing).where(Hearing.title == title))
        return [h.network.name if h.network else "—" for h in found]


def test_a_forged_private_metadata_runs_nothing_and_posts_nowhere(
    slack_bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    view, _ = _open_hearing_form(slack_bot, fake_slack)
    meta = json.loads(view["private_metadata"])
    meta["m"]["response_url"] = fake_slack.response_url("forged")
    meta["m"]["channel_id"] = "C_OTHER"
    forged = {**view, "private_metadata": json.dumps(meta)}
    resp = slack_bot.submit(forged, _filled("Forfalsket skjema"))
    assert resp.status == 200
    # the same form as another member is not theirs either
    resp = slack_bot.submit(view, _filled("Andres skjema"), user_id="U_OLA")
    assert resp.status == 200
    wait_until(lambda: "did not seal" in slack_bot.logs(), what="the refusal in the log")
    assert not [c for c in fake_slack.calls("response_url") if c.path.endswith("/forged")]
    assert _hearings(slack_bot, "Forfalsket skjema") == []
    assert _hearings(slack_bot, "Andres skjema") == []


def test_a_time_field_cannot_inject_a_keyword(
    slack_bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    view, url = _open_hearing_form(slack_bot, fake_slack)
    resp = slack_bot.submit(view, _filled("Skjema med tid", "12:00 nettverk vest-telemark"))
    assert resp.status == 200 and resp.json()["response_action"] == "errors"
    assert "kw:deadline:time" in resp.json()["errors"]
    assert _hearings(slack_bot, "Skjema med tid") == []
    good = slack_bot.submit(view, _filled("Skjema med tid"))
    assert good.status == 200 and good.body == ""
    wait_until(lambda: _hearings(slack_bot, "Skjema med tid"), what="the hearing")
    assert _hearings(slack_bot, "Skjema med tid") == ["Nettverk for infrastruktur"]


def test_a_lone_surrogate_and_escape_sequences_in_a_json_payload_are_cleaned(
    slack_bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    # JSON can carry "\\ud800", which no UTF-8 encoder takes: it used to raise.
    resp, url = slack_bot.click("/horing \x1b[31mtull\ud800\u202e", message_ts=None)
    assert resp.status == 200
    text = slack_bot.replies(url)[0].text
    assert "tull\ufffd" in text and "\x1b" not in text and "\u202e" not in text
    assert "Noe gikk galt" not in text and "Traceback" not in slack_bot.logs()


# -- exports (15.3) -----------------------------------------------------------------------


def test_the_exported_csv_slack_receives_has_no_live_formula(
    slack_bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    slack_bot.command(
        "/tiltak ny \"=HYPERLINK('https://evil.example';'Klikk')\" nettverk infrastruktur"
    )
    fake_slack.wait_for("chat.postMessage", lambda c: "HYPERLINK" in c.text)
    _, url = slack_bot.command("/tiltak eksport nettverk infrastruktur")
    slack_bot.replies(url)
    upload = fake_slack.wait_for("upload", lambda c: b"HYPERLINK" in c.data)[-1]
    assert upload.data.startswith(b"\xef\xbb\xbfM\xc3\xa5l;Nummer;Tittel;")
    assert b"\r\n" in upload.data
    rows = list(csv.reader(io.StringIO(upload.data.decode("utf-8-sig")), delimiter=";"))
    row = next(r for r in rows if "HYPERLINK" in "".join(r))
    assert row[2] == "'=HYPERLINK('https://evil.example';'Klikk')"


# -- size: what Slack's Block Kit refuses is cut or split, never sent (the fake checks) ---


def _refused(calls: list[Call]) -> list[tuple[str, list[str]]]:
    return [(c.method, c.problems) for c in calls if c.problems]


def test_very_long_and_escaping_heavy_member_text_reaches_slack_within_block_kit_limits(
    slack_bot: SlackBotProcess, fake_slack: FakeSlack
) -> None:
    before = len(fake_slack.calls())
    amps, emoji = "&<>" * 600, "😀*~`" * 400  # 5 times as long escaped; emoji: 2 UTF-16 units
    orgs = ", ".join(f"+Organisasjon {n} {'&' * 40}" for n in range(30))
    slack_bot.command(
        f'/horing ny "Lang{amps}" frist om 20 dager mottakere "{orgs}" nettverk infrastruktur'
    )
    said = fake_slack.wait_for("chat.postMessage", lambda c: "Lang&amp;" in c.text, ok_only=False)
    assert _refused(said) == []
    number = said[0].text.split("#", 1)[1].split()[0]
    _, url = slack_bot.command(
        f'/konferanse ny "Lang {emoji[:1200]}" dato 1.6.2027 kl 10 sted "{amps}" '
        'publikum "Nettverk for infrastruktur"'
    )
    slack_bot.replies(url)
    slots = ", ".join(f"{d}. januar 2027 kl 10-11" for d in range(4, 30))
    _, url = slack_bot.command(f'/mote ny "Lang {emoji[:1200]}" tider {slots}')
    slack_bot.replies(url)
    for line in (f"/horing vis {number}", "/horing liste", "/konferanse liste", "/mote liste"):
        _, url = slack_bot.command(line)
        slack_bot.replies(url)
    assert _refused(fake_slack.calls()[before:]) == []
    assert "Traceback" not in slack_bot.logs()
