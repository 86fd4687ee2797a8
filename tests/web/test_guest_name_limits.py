"""A guest's name and organisation, typed on a guest page, are held to the one rule for
text over a limit: the form comes back saying the length and the limit, never cut."""

from __future__ import annotations

from starlette.testclient import TestClient

from storage.models import Member, Organisation
from tests.helpers import TestBot
from tests.web.test_guest_conference import answer, full_conference, status_of
from tests.web.test_guest_poll import guest_link, vote


def test_a_name_or_organisation_over_the_limit_comes_back_not_cut(
    web_bot: TestBot, client: TestClient
) -> None:
    number, path = full_conference(web_bot)
    long_name = "Guri " + "g" * 116  # 121 characters
    bad = answer(client, path, "maybe", name=long_name)
    assert bad.status_code == 400  # type: ignore[attr-defined]
    assert "Navnet er for langt (121 tegn; høyst 120)" in bad.text  # type: ignore[attr-defined]
    assert long_name in bad.text  # type: ignore[attr-defined]  # given back whole to shorten
    long_org = "Telemark " + "t" * 112
    bad = answer(client, path, "maybe", organisation=long_org)
    assert bad.status_code == 400  # type: ignore[attr-defined]
    text = bad.text  # type: ignore[attr-defined]
    assert "Organisasjonsnavnet er for langt (121 tegn; høyst 120)" in text
    with web_bot.app.db.transaction() as s:
        assert s.query(Member).filter(Member.name.like("Guri g%")).count() == 0
        assert s.query(Organisation).filter(Organisation.name.like("Telemark t%")).count() == 0
    assert status_of(web_bot, number, "Guri Gjest") is None
    assert answer(client, path, "maybe", name=long_name[:120]).status_code == 303  # type: ignore[attr-defined]


def test_a_poll_guest_name_over_the_limit_comes_back_not_cut(
    web_bot: TestBot, client: TestClient
) -> None:
    path = guest_link(web_bot)
    bad = vote(client, path, name="Åse " + "g" * 117)
    assert bad.status_code == 400  # type: ignore[attr-defined]
    assert "Navnet er for langt (121 tegn; høyst 120)" in bad.text  # type: ignore[attr-defined]
    with web_bot.app.db.transaction() as s:
        assert s.query(Member).filter(Member.name.like("Åse g%")).count() == 0
