"""The guest poll page through the web app in-process: links, votes that count in
/mote vis, the guest's own link, CSRF, the rate limit, escaping and revoked links."""

from __future__ import annotations

import re

from sqlalchemy import func, select
from starlette.testclient import TestClient

from storage.models import Account, Member, Vote
from tests.helpers import TestBot
from tests.web.conftest import csrf_of, link_path

POLL = 1  # the demo's open poll, made by the organiser Marte Lie


def guest_link(bot: TestBot) -> str:
    return link_path(bot.run(f"/mote lenke {POLL}", as_="Marte Lie"))


def vote(client: TestClient, path: str, **extra: str) -> object:
    page = client.get(path)
    assert page.status_code == 200, page.text
    form = {
        "csrf": csrf_of(page.text),
        "name": "Åse Gjest",
        "organisation": "Sandefjord kommune",
        "slot1": "yes",
        "slot2": "maybe",
        "slot3": "no",
    }
    form.update(extra)
    return client.post(path, data=form)


def guest_votes(bot: TestBot) -> int:
    with bot.app.db.transaction() as s:
        return (
            s.scalar(
                select(func.count(Vote.id))
                .join(Member)
                .join(Member.accounts)
                .where(Account.platform == "web")
            )
            or 0
        )


def test_a_member_may_not_share_a_guest_link_and_a_missing_url_is_explained(
    web_bot: TestBot,
) -> None:
    refused = web_bot.run(f"/mote lenke {POLL}", as_="Ola Nordmann")
    assert "organisator" in refused and "http" not in refused
    web_bot.app.settings.public_url = None
    assert "PARTNERBOT_PUBLIC_URL" in web_bot.run(f"/mote lenke {POLL}", as_="Marte Lie")


def test_the_link_is_random_and_under_the_public_url(web_bot: TestBot) -> None:
    first, second = guest_link(web_bot), guest_link(web_bot)
    assert first != second
    token = first.rsplit("/", 1)[1]
    assert len(token) >= 43  # 32 random bytes, url-safe base64
    with web_bot.app.db.transaction() as s:
        from storage.models import WebLink

        stored = s.scalars(select(WebLink)).all()
        assert all(link.token is None and token not in link.token_hash for link in stored)


def test_a_guest_votes_and_the_vote_counts_in_mote_vis_with_a_guest_mark(
    web_bot: TestBot, client: TestClient
) -> None:
    path = guest_link(web_bot)
    page = client.get(path)
    assert '<html lang="nb">' in page.text
    assert page.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert page.text.count('type="radio"') == 9
    done = vote(client, path)
    assert done.status_code == 303
    own = done.headers["location"]
    assert own.startswith("/m/svar/")
    saved = client.get(own)
    assert "Svaret ditt er lagret" in saved.text and "/m/svar/" in saved.text
    shown = web_bot.run(f"/mote vis {POLL}", as_="Ola Nordmann")
    assert "Åse Gjest (gjest)" in shown
    assert guest_votes(web_bot) == 3
    # The own link changes the same guest's answers: still three votes, the new answer.
    again = client.get(own.split("?")[0])
    assert 'value="yes" checked' in again.text
    changed = client.post(
        own.split("?")[0],
        data={
            "csrf": csrf_of(again.text),
            "name": "Åse Gjest",
            "organisation": "Sandefjord kommune",
            "slot1": "no",
            "slot2": "no",
            "slot3": "no",
        },
    )
    assert changed.status_code == 303
    assert guest_votes(web_bot) == 3
    with web_bot.app.db.transaction() as s:
        answers = set(
            s.scalars(
                select(Vote.answer)
                .join(Member)
                .join(Member.accounts)
                .where(Account.platform == "web")
            )
        )
    assert answers == {"no"}


def test_one_vote_per_organisation_counts_a_guest_with_the_organisations_members(
    web_bot: TestBot, client: TestClient
) -> None:
    created = web_bot.run(
        '/mote ny "Styremøte" tider 10.03.2027 kl 10-12, 11.03.2027 kl 10-12 '
        "én stemme per organisasjon",
        as_="Marte Lie",
    )
    number = re.search(r"#(\d+)", created)
    assert number, created
    poll = int(number.group(1))
    web_bot.run(f"/mote svar {poll} 1:ja 2:ja", as_="Marte Lie")
    path = link_path(web_bot.run(f"/mote lenke {poll}", as_="Marte Lie"))
    with web_bot.app.db.transaction() as s:
        marte = s.scalar(
            select(Member).join(Member.accounts).where(Account.external_id == "Marte Lie")
        )
        assert marte is not None and marte.organisation is not None
        org = marte.organisation.name
    page = client.get(path)
    client.post(
        path,
        data={
            "csrf": csrf_of(page.text),
            "name": "Gjest",
            "organisation": org.upper(),
            "slot1": "no",
            "slot2": "no",
        },
    )
    shown = web_bot.run(f"/mote vis {poll}", as_="Ola Nordmann")
    # One organisation, one row: the later (guest's) answer is the organisation's.
    assert shown.count(org) == 1
    assert re.search(r"Nei\s+1\s+1", shown), shown


def test_missing_answers_are_announced_and_nothing_is_saved(
    web_bot: TestBot, client: TestClient
) -> None:
    path = guest_link(web_bot)
    bad = vote(client, path, name="", slot2="")
    assert bad.status_code == 400
    assert 'role="alert"' in bad.text and "Skriv navnet ditt." in bad.text
    assert "<title>Feil: " in bad.text
    assert 'aria-invalid="true"' in bad.text and 'href="#slot2"' in bad.text
    assert guest_votes(web_bot) == 0


def test_user_text_is_escaped(web_bot: TestBot, client: TestClient) -> None:
    path = guest_link(web_bot)
    done = vote(client, path, name="<script>alert(1)</script>")
    own = client.get(done.headers["location"])  # type: ignore[attr-defined]
    assert "<script>alert(1)" not in own.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in own.text


def test_tampered_and_revoked_links_answer_404(web_bot: TestBot, client: TestClient) -> None:
    path = guest_link(web_bot)
    tampered = path[:-1] + ("A" if path[-1] != "A" else "B")
    assert client.get(tampered).status_code == 404
    assert client.post(tampered, data={"name": "x"}).status_code == 404
    assert client.get("/m/svar/" + path.rsplit("/", 1)[1]).status_code == 404  # wrong kind
    answer = web_bot.run(f"/mote lenke {POLL} av", as_="Marte Lie")
    assert "stengt" in answer
    gone = client.get(path)
    assert gone.status_code == 404 and "Siden finnes ikke" in gone.text
    assert guest_votes(web_bot) == 0


def test_a_form_without_its_csrf_token_is_refused(web_bot: TestBot, client: TestClient) -> None:
    path = guest_link(web_bot)
    client.get(path)
    form = {"name": "A", "organisation": "B", "slot1": "yes", "slot2": "yes", "slot3": "yes"}
    assert client.post(path, data=form).status_code == 403
    assert client.post(path, data={**form, "csrf": "forged"}).status_code == 403
    # A replay from another browser (no cookie) with a token seen in the page is refused too.
    token = csrf_of(client.get(path).text)
    client.cookies.clear()
    assert client.post(path, data={**form, "csrf": token}).status_code == 403
    assert guest_votes(web_bot) == 0


def test_a_form_body_too_large_is_refused_before_it_is_read_and_nothing_is_saved(
    web_bot: TestBot, client: TestClient
) -> None:
    path = guest_link(web_bot)
    token = csrf_of(client.get(path).text)
    huge = f"csrf={token}&slot1=yes&slot2=yes&slot3=yes&organisation=NAV&name=".encode()
    for target in (path, "/m/finnes-ikke"):  # a wrong link is no way around it
        sent = client.post(
            target,
            content=huge + b"x" * 2_000_000,
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        assert sent.status_code == 413, sent.status_code
        assert "For stor innsending" in sent.text
    assert guest_votes(web_bot) == 0
    assert vote(client, path).status_code == 303  # a form of a normal size is taken


def test_100_votes_from_one_link_in_a_minute_are_refused_past_the_limit(
    web_bot: TestBot, client: TestClient
) -> None:
    path = guest_link(web_bot)
    token = csrf_of(client.get(path).text)
    form = {"csrf": token, "name": "Bot", "organisation": "Spam AS"}
    form.update({f"slot{n}": "yes" for n in (1, 2, 3)})
    codes = [client.post(path, data=form).status_code for _ in range(100)]
    assert codes.count(303) == 30 and codes.count(429) == 70
    assert codes[:30] == [303] * 30
    refused = client.post(path, data=form)
    assert refused.status_code == 429 and "For mange innsendinger" in refused.text
    assert guest_votes(web_bot) == 30 * 3
    # Another link is not affected.
    other = guest_link(web_bot)
    assert vote(client, other).status_code == 303  # type: ignore[attr-defined]


def test_the_page_follows_accept_language_and_lang(web_bot: TestBot, client: TestClient) -> None:
    path = guest_link(web_bot)
    en = client.get(path, headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert '<html lang="en">' in en.text and "Save my answer" in en.text
    nn = client.get(path + "?lang=nn", headers={"Accept-Language": "en"})
    assert '<html lang="nn">' in nn.text and "Svaret ditt" in nn.text


def test_bad_link_commands_say_what_to_type(web_bot: TestBot) -> None:
    assert "/mote lenke 4" in web_bot.run("/mote lenke", as_="Marte Lie")
    assert f"/mote lenke {POLL} av" in web_bot.run(f"/mote lenke {POLL} kanskje", as_="Marte Lie")
    assert "/mote liste" in web_bot.run("/mote lenke 99", as_="Marte Lie")
    web_bot.run("/partnerbot språk en", as_="Marte Lie")
    english = web_bot.run(f"/mote link {POLL}", as_="Marte Lie")
    assert english.startswith("Guest link to meeting poll") and "/m/" in english
    assert "closed" in web_bot.run(f"/mote link {POLL} off", as_="Marte Lie")
