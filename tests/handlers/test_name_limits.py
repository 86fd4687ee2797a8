"""A name a member types (an organisation, a hearing's sender, a person, a partnership) is
held to the one rule for text over a limit: refused with its length and the limit, never
cut without a word. A name the platform gives (a display name) may be cut, with "…"."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.adapters.console import Console
from bot.hygiene import clean_name
from storage.accounts import new_member, unmistakable_name
from storage.models import Hearing, Member, Network, Organisation, Partnership
from tests.helpers import TestBot

LONG = "Kommune " + "x" * 193  # 201 characters


def _count(bot: TestBot, model: type, **where: str) -> int:
    with bot.app.db.transaction() as s:
        stmt = select(func.count()).select_from(model)
        for column, value in where.items():
            stmt = stmt.where(getattr(model, column) == value)
        return s.scalar(stmt) or 0


def _orgs_like_long(bot: TestBot) -> int:
    with bot.app.db.transaction() as s:
        stmt = select(func.count()).select_from(Organisation)
        return s.scalar(stmt.where(Organisation.name.like("Kommune xxx%"))) or 0


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nb", "Navnet etter «mottakere» er for langt (201 tegn; høyst 200)"),
        ("nn", "Namnet etter «mottakarar» er for langt (201 teikn; høgst 200)"),
        ("en", "The name after “addressees” is too long (201 characters; at most 200)"),
    ],
)
def test_a_new_addressee_over_the_limit_is_refused_not_cut(
    bot: TestBot, lang: str, said: str
) -> None:
    """Seen by a tester: `mottakere "+<a 250-character name>"` made an organisation of
    its first 200 characters, and the answer did not say so."""
    bot.run(f"/partnerbot språk {lang}")
    out = bot.run(f'/horing ny "Lang mottaker" frist om 20 dager mottakere "NAV, +{LONG}"')
    assert said in out, out
    assert _orgs_like_long(bot) == 0
    assert _count(bot, Hearing, title="Lang mottaker") == 0
    out = bot.run(f'/horing ny "Lang mottaker" frist om 20 dager mottakere "NAV, +{LONG[:200]}"')
    assert "#" in out and "for langt" not in out and "too long" not in out, out
    assert _orgs_like_long(bot) == 1


def test_an_organisation_typed_for_a_network_or_a_member_is_refused_over_the_limit(
    bot: TestBot,
) -> None:
    out = bot.run(f'/partnerbot nettverk ny "Nettverk for lengde" organisasjoner "NAV, {LONG}"')
    assert "Navnet etter «organisasjoner» er for langt (201 tegn; høyst 200)" in out, out
    assert _count(bot, Network, name="Nettverk for lengde") == 0
    out = bot.run(f'/partnerbot medlem ny "Kari Lang" org "{LONG}"')
    assert "Navnet etter «org» er for langt (201 tegn; høyst 200)" in out, out
    assert _orgs_like_long(bot) == 0
    assert _count(bot, Member, name="Kari Lang") == 0


def test_a_sender_over_the_limit_says_its_length(bot: TestBot) -> None:
    out = bot.run(f'/horing ny "Lang avsender" frist om 20 dager fra "{LONG}" mottakere NAV')
    assert "Navnet etter «fra» er for langt (201 tegn; høyst 200)" in out, out
    assert '`fra "Viken fylkeskommune"`' in out, out  # what to type instead


def test_a_person_or_partnership_named_over_the_limit_is_refused(bot: TestBot) -> None:
    person = "Kari " + "y" * 196
    out = bot.run(f'/partnerbot medlem ny "{person}" org NAV')
    assert "Navnet er for langt (201 tegn; høyst 200)" in out, out
    assert _count(bot, Member, name=person[:200]) == 0
    out = bot.run(f'/partnerbot partnerskap ny "{LONG}"')
    assert "Navnet er for langt (201 tegn; høyst 200)" in out, out
    assert _count(bot, Partnership, name=LONG[:200]) == 0


def test_the_console_refuses_a_new_person_named_over_the_limit(bot: TestBot) -> None:
    console = Console(bot.app, user="Ingrid Berg", channel="#infrastruktur")
    person = "Roger " + "z" * 195
    out = console.switch_user(f'ny "{person}"')
    assert "Navnet er for langt (201 tegn; høyst 200)" in out, out
    assert _count(bot, Member, name=person) == 0 and _count(bot, Member, name=person[:200]) == 0


def test_a_display_name_from_the_platform_is_cut_visibly() -> None:
    cut = clean_name("Å" * 300)
    assert len(cut) == 200 and cut == "Å" * 199 + "…"
    assert clean_name("Å" * 200) == "Å" * 200  # at the limit: whole


def test_a_name_made_unmistakable_is_cut_visibly(bot: TestBot) -> None:
    """A platform name someone already has gets the account after it; the name gives way
    for it, with "…" where it was cut."""
    with bot.app.db.transaction() as s:
        new_member(s, "console", "Å-person", name="Å" * 200, role="member")
        s.flush()
        suffix = " (slack U0MALLORY)"
        made = unmistakable_name(s, "Å" * 200, "slack", "U0MALLORY")
        assert made == "Å" * (200 - len(suffix) - 1) + "…" + suffix and len(made) == 200
        assert unmistakable_name(s, "Ingrid Berg", "slack", "U0MALLORY") == (
            "Ingrid Berg (slack U0MALLORY)"
        )
