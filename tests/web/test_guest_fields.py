"""What a guest types in the name and organisation fields: too long is refused with its
length and the limit (not cut), only spaces is no name, and an emoji stays whole."""

from __future__ import annotations

from sqlalchemy import select
from starlette.testclient import TestClient

from storage.models import Account, Member
from tests.helpers import TestBot
from tests.web.test_guest_conference import answer, full_conference
from tests.web.test_guest_poll import guest_link, guest_votes, vote


def guests(bot: TestBot) -> list[tuple[str, str | None]]:
    with bot.app.db.transaction() as s:
        found = s.scalars(select(Member).join(Member.accounts).where(Account.platform == "web"))
        return [(m.name, m.organisation.name if m.organisation else None) for m in found]


def test_a_500_character_organisation_is_refused_with_its_length_in_the_pages_language(
    web_bot: TestBot, client: TestClient
) -> None:
    path = guest_link(web_bot)
    long = "Holmestrand kommune, " * 25  # 525 characters, 524 after the last space goes
    refused = vote(client, path + "?lang=nn", organisation=long)
    assert refused.status_code == 400  # type: ignore[attr-defined]
    page = refused.text  # type: ignore[attr-defined]
    assert "Organisasjonen er 524 teikn lang; skriv høgst 120." in page
    assert 'id="organisation-error"' in page
    assert guest_votes(web_bot) == 0 and guests(web_bot) == []
    name = vote(client, path + "?lang=en", name="x" * 121)
    assert "The name is 121 characters long; type at most 120." in name.text  # type: ignore[attr-defined]
    assert guest_votes(web_bot) == 0


def test_a_conference_guest_with_a_too_long_organisation_is_refused_too(
    web_bot: TestBot, client: TestClient
) -> None:
    _, path = full_conference(web_bot)
    refused = answer(client, path, "register", organisation="N" * 500)
    assert refused.status_code == 400  # type: ignore[attr-defined]
    assert "Organisasjonen er 500 tegn lang; skriv høyst 120." in refused.text  # type: ignore[attr-defined]
    assert guests(web_bot) == []


def test_a_name_of_only_spaces_is_no_name_and_an_emoji_name_stays_whole(
    web_bot: TestBot, client: TestClient
) -> None:
    path = guest_link(web_bot)
    spaces = vote(client, path + "?lang=nn", name="   \u200b\t ")
    assert spaces.status_code == 400  # type: ignore[attr-defined]
    assert "Skriv namnet ditt." in spaces.text  # type: ignore[attr-defined]
    assert guests(web_bot) == []
    done = vote(client, path, name="Siri 👩\u200d💼 Dahl")
    assert done.status_code == 303  # type: ignore[attr-defined]
    assert guests(web_bot) == [("Siri 👩\u200d💼 Dahl", "Sandefjord kommune")]
    shown = web_bot.run("/mote vis 1", as_="Marte Lie")
    assert "Siri 👩\u200d💼 Dahl (gjest)" in shown
