"""A note with a registration (food, allergies, access): given, changed, seen by organisers."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from sqlalchemy import select

from storage.models import Registration
from tests.handlers.test_conferences import announced
from tests.helpers import TestBot


def notes(bot: TestBot, cid: int) -> dict[str, str | None]:
    with bot.app.db.transaction() as s:
        regs = s.scalars(select(Registration).where(Registration.conference_id == cid)).all()
        return {r.member.name: r.note for r in regs}


def test_a_note_goes_with_the_registration_and_to_the_organiser(
    bot: TestBot, now: datetime
) -> None:
    cid = announced(bot, now)
    text = bot.run(
        f'/konferanse meld på {cid} merknad "vegetar, nøtteallergi"', as_="Ola Nordmann", now=now
    )
    assert "Du er påmeldt" in text and "Merknad: vegetar, nøtteallergi" in text
    text = bot.run(f'/konferanse register {cid} note "vegan"', as_="Jon Bakke", now=now)
    assert "Note: vegan" in text
    bot.run(f"/konferanse meld på {cid} allergi skalldyr", as_="Lise Dahl", now=now)  # waitlisted
    # registered already: the note changes, the seat stays
    text = bot.run(f'/konferanse meld på {cid} merknad "glutenfri"', as_="Ola Nordmann", now=now)
    assert "allerede påmeldt" in text and "Merknad: glutenfri" in text
    assert notes(bot, cid) == {
        "Ola Nordmann": "glutenfri",
        "Jon Bakke": "vegan",
        "Lise Dahl": "skalldyr",
    }
    reply = bot.reply(f"/konferanse deltakere {cid}", as_="Kari Nordmann", now=now)
    assert "1. Ola Nordmann (Tønsberg kommune) – glutenfri" in reply.plain()
    assert "1. Lise Dahl (LO) – skalldyr" in reply.plain()
    rows = list(csv.reader(io.StringIO(reply.files[0].data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][-1] == "merknad"
    assert [r[-1] for r in rows[1:]] == ["glutenfri", "vegan", "skalldyr"]


def test_a_bare_quoted_note_is_pointed_to_the_keyword(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now)
    text = bot.run(f'/konferanse meld på {cid} "vegetar"', as_="Ola Nordmann", now=now)
    assert f'`/konferanse meld på {cid} merknad "vegetar"`' in text
    assert notes(bot, cid) == {}
    text = bot.run(f"/konferanse meld på {cid} merknad", as_="Ola Nordmann", now=now)
    assert "mangler en verdi" in text and '`merknad "vegetar"`' in text
    assert notes(bot, cid) == {}


def test_the_member_sees_their_own_note(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now)
    bot.run(f'/konferanse meld på {cid} merknad "rullestol"', as_="Ola Nordmann", now=now)
    text = bot.run(f"/konferanse vis {cid}", as_="Ola Nordmann", now=now)
    assert "Status: du er påmeldt.\nMerknad: rullestol" in text
    assert "Merknad" not in bot.run(f"/konferanse vis {cid}", as_="Per Hansen", now=now)
