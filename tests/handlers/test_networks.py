"""`/partnerbot nettverk` and `/partnerbot medlem` as a new member types them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from storage.models import Member
from tests.helpers import TestBot


def test_a_network_named_after_the_verb_is_shown_alone(bot: TestBot, now: datetime) -> None:
    """`/partnerbot nettverk infrastruktur` listed every network of both partnerships."""
    out = bot.run("/partnerbot nettverk infrastruktur", as_="Ola Nordmann", now=now)
    assert out.splitlines()[:2] == ["Politisk partnerskap Vestfold", "• Nettverk for infrastruktur"]
    assert "utenforskap" not in out and "Vest-Telemark" not in out
    out = bot.run("/partnerbot nettverk vest-telemark", as_="Tone Haugen", now=now)
    assert out.startswith("Vest-Telemarkrådet\n• Arbeidsprogram Vest-Telemark")
    assert "Medlemer: Knut Vik" in out or "Medlemmer: Knut Vik" in out
    assert "Finner" in bot.run("/partnerbot nettverk helse", as_="Ola Nordmann", now=now)


def test_a_member_named_without_changes_is_shown_not_said_to_be_updated(
    bot: TestBot, now: datetime
) -> None:
    """`/partnerbot medlem "Kari Nordmann"` answered "Kari Nordmann er oppdatert" and
    changed nothing."""
    out = bot.run('/partnerbot medlem "Kari Nordmann"', now=now)
    assert out == (
        "Kari Nordmann er organisator (NAV) i Nettverk for arbeid mot utenforskap. Ingenting "
        'er endret: skriv det som skal endres, for eksempel `/partnerbot medlem "Kari '
        'Nordmann" rolle medlem`.'
    )
    nn = bot.run('/partnerbot medlem "Kari Nordmann"', as_="Sigrid Aasen", now=now)
    assert nn.startswith("Berre administratorar")  # only admins, as before
    with bot.app.db.transaction() as s:
        assert s.scalar(select(Member.role).where(Member.name == "Kari Nordmann")) == "organiser"


def test_a_member_in_no_network_is_told_what_that_means_and_whom_to_ask(
    bot: TestBot, now: datetime
) -> None:
    """A new member's `/partnerbot meg` said "Nettverk —" and no more; every command that
    takes part then refused them one by one."""
    out = bot.run("/partnerbot meg", as_="Roger Ryberg", now=now)
    assert out.endswith(
        "Du er ikke med i noe nettverk ennå: du kan lese alt, men ikke lage eller svare på "
        "noe. Be en admin legge deg til (Ingrid Berg)."
    ), out
    bot.run("/partnerbot språk en", as_="Roger Ryberg", now=now)
    assert bot.run("/partnerbot me", as_="Roger Ryberg", now=now).endswith(
        "You are in no network yet: you can read everything, but not create or answer "
        "anything. Ask an admin to add you (Ingrid Berg)."
    )
    assert "ikke med i noe nettverk" not in bot.run("/partnerbot meg", as_="Ola Nordmann", now=now)


def test_asking_for_the_members_lists_the_networks_with_their_members(bot: TestBot) -> None:
    """A newcomer types `/partnerbot medlemmer` to see who is in: the networks' list, which
    names the members, not "I did not understand"."""
    listing = bot.run("/partnerbot nettverk")
    for word in ("medlemmer", "medlemer", "members"):
        assert bot.run(f"/partnerbot {word}") == listing, word
    assert "Ola Nordmann (Tønsberg kommune)" in listing


def language_of(bot: TestBot, name: str) -> str | None:
    with bot.app.db.transaction() as s:
        return s.scalar(select(Member.language).where(Member.name == name))


def test_a_plain_member_naming_themselves_may_change_only_their_language(
    bot: TestBot, now: datetime
) -> None:
    """`/partnerbot medlem "Ola Nordmann" språk nn` by Ola himself got "Bare
    administratorer": his own language is his to choose (`/partnerbot språk nn`), so it is
    done as that would; a role, or anything about someone else, stays admin-only."""
    out = bot.run('/partnerbot medlem "Ola Nordmann" språk nn', as_="Ola Nordmann", now=now)
    assert out == "Greitt, eg skriv nynorsk til deg frå no av."
    assert language_of(bot, "Ola Nordmann") == "nn"
    out = bot.run('/partnerbot medlem "Ola Nordmann" language en', as_="Ola Nordmann", now=now)
    assert out == "OK, I will write to you in English from now on."
    assert language_of(bot, "Ola Nordmann") == "en"
    # His own role, his language together with his organisation: refused, nothing changed.
    for line in (
        '/partnerbot medlem "Ola Nordmann" rolle organisator',
        '/partnerbot medlem "Ola Nordmann" språk nb org NHO',
    ):
        assert bot.run(line, as_="Ola Nordmann", now=now).startswith("Only admins"), line
    with bot.app.db.transaction() as s:
        ola = s.scalar(select(Member).where(Member.name == "Ola Nordmann"))
        assert ola is not None and ola.role == "member" and ola.language == "en"
        assert ola.organisation is not None and ola.organisation.name == "Tønsberg kommune"
    # Someone else's language: refused, theirs unchanged.
    out = bot.run('/partnerbot medlem "Per Hansen" språk nn', as_="Ola Nordmann", now=now)
    assert out.startswith("Only admins")
    assert language_of(bot, "Per Hansen") is None
    # A bad language word for himself is answered with what to type.
    out = bot.run('/partnerbot medlem "Ola Nordmann" språk svensk', as_="Ola Nordmann", now=now)
    assert out.startswith("“svensk” is not a language I know. Type `/partnerbot language nb`")
    assert language_of(bot, "Ola Nordmann") == "en"
