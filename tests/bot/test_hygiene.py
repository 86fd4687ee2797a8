"""bot.hygiene: controls, lone surrogates and bidi overrides never get past the router."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from bot import demo
from bot.app import App
from bot.hygiene import clean_name, clean_text
from bot.messages import Command
from handlers.guest_votes import new_guest
from storage.db import Database
from storage.models import Account, Hearing, Member
from tests.conftest import make_settings
from tests.helpers import TestBot


def test_controls_surrogates_and_bidi_overrides_are_cleaned() -> None:
    assert clean_text("a\x00b\x1b[31mc\x7f") == "ab[31mc"
    assert clean_text("linje 1\r\nlinje 2\tslutt") == "linje 1\nlinje 2\tslutt"
    assert clean_text("x\ud800y") == "x\ufffdy"
    assert clean_text("fil\u202egpj.exe \u2066a\u2069") == "filgpj.exe a"
    assert clean_text("Tønsberg – «ok» 😀") == "Tønsberg – «ok» 😀"


@given(st.text())
def test_what_is_left_can_always_be_encoded_and_has_no_controls(text: str) -> None:
    out = clean_text(text)
    out.encode("utf-8")
    assert not any(ord(c) < 32 and c not in "\n\t" for c in out)
    assert not any(c in out for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def test_a_name_and_a_title_with_controls_are_stored_clean(app: App) -> None:
    cmd = Command(
        platform="slack",
        user_id="U1",
        user_name="Eva\x00 \x1b[2JNy\ud800",
        channel_id="C1",
        name="partnerbot",
        text="meg\x00",
    )
    out = app.router.handle(cmd, now=datetime.now(UTC)).plain()
    assert "\x00" not in out and "\x1b" not in out
    with app.db.transaction() as s:
        m = s.scalar(select(Member).join(Member.accounts).where(Account.external_id == "U1"))
        assert m is not None and m.name == "Eva [2JNy\ufffd"


def test_a_title_with_nul_is_stored_cleaned_on_both_databases(any_db: Database) -> None:
    # PostgreSQL refuses NUL in text (DataError): the router cleans it first.
    app = App.build(make_settings(str(any_db.engine.url)), any_db)
    demo.load(any_db, app.settings)
    bot = TestBot(app)
    out = bot.run(
        '/horing ny "Null\x00byte\x1b[0m \u202eplan" frist om 20 dager mottakere "Horten kommune"',
        channel="#infrastruktur",
    )
    assert out.startswith("Høring #2 «Nullbyte[0m plan» er registrert"), out
    with any_db.transaction() as s:
        assert s.scalar(select(Hearing.title).where(Hearing.id == 2)) == "Nullbyte[0m plan"


# -- invisible characters, one-line names (a hostile or careless member) -------------------

INVISIBLE = "\u200b\u2060\ufeff\u00ad\u180e\u3164\u200e\u200f\u061c\U000e0041"


def test_invisible_characters_are_dropped_and_emoji_sequences_kept() -> None:
    assert clean_text(f"Kari{INVISIBLE} Nordmann") == "Kari Nordmann"
    assert clean_text("\u200dKari\u200c \u200dNordmann\u200d") == "Kari Nordmann"
    family, farmer = "👩\u200d👩\u200d👧", "🧑🏽\u200d🌾"
    assert clean_text(f"Familiedag {family} {farmer}") == f"Familiedag {family} {farmer}"


def test_a_display_name_is_one_line_of_at_most_200_characters() -> None:
    assert clean_name("  Kari\n\tNordmann\u200b  ") == "Kari Nordmann"
    assert clean_name("Å" * 300) == "Å" * 199 + "…"
    assert clean_name("\u200b \u2060") == ""


@pytest.mark.parametrize(
    ("lang", "said"),
    [("nb", "mangler tittel"), ("nn", "manglar tittel"), ("en", "has no title")],
)
def test_a_title_of_only_invisible_characters_is_missing(
    bot: TestBot, lang: str, said: str
) -> None:
    bot.run(f"/partnerbot språk {lang}")
    out = bot.run(f'/horing ny "{INVISIBLE} \u200d" frist om 20 dager mottakere "NAV"')
    assert said in out, out
    with bot.app.db.transaction() as s:
        assert s.scalar(select(Hearing).where(Hearing.title.not_like("%Partnerskap%"))) is None


def test_an_invisible_character_makes_no_lookalike_of_a_member(bot: TestBot) -> None:
    out = bot.run('/partnerbot medlem ny "Kari\u200b Nordmann" org NAV')
    assert "oppdatert" in out, out  # the Kari Nordmann there is, not a second one
    with bot.app.db.transaction() as s:
        names = s.scalars(select(Member.name).where(Member.name.like("Kari%"))).all()
        assert names == ["Kari Nordmann"]


def test_a_long_display_name_with_newlines_is_stored_on_one_line_on_both_databases(
    any_db: Database,
) -> None:
    # A Teams or Slack profile name is the member's to choose; the column holds 200.
    app = App.build(make_settings(str(any_db.engine.url)), any_db)
    cmd = Command(
        platform="slack",
        user_id="U_LONG",
        user_name="Eva\nNy " + "Å" * 300,
        channel_id="C1",
        name="partnerbot",
        text="meg",
        channel_name="#" + "k" * 300,
    )
    out = app.router.handle(cmd, now=datetime.now(UTC)).plain()
    assert "Noe gikk galt" not in out, out
    with any_db.transaction() as s:
        m = s.scalar(select(Member).join(Member.accounts).where(Account.external_id == "U_LONG"))
        assert m is not None and m.name == ("Eva Ny " + "Å" * 300)[:199] + "…"


# -- a newcomer named like someone the bot knows is not spoken of as them ------------------


def first_contact(app: App, user_id: str, name: str) -> str:
    cmd = Command(
        platform="slack",
        user_id=user_id,
        user_name=name,
        channel_id="C1",
        name="partnerbot",
        text="meg",
    )
    return app.router.handle(cmd, now=datetime.now(UTC)).plain()


@pytest.mark.parametrize("name", ["Ingrid Berg", "ingrid  berg", "ＩＮＧＲＩＤ BERG"])
def test_a_newcomer_with_another_persons_name_gets_their_account_in_it(
    bot: TestBot, name: str
) -> None:
    out = first_contact(bot.app, "U_MALLORY", name)
    shown = f"{' '.join(name.split())} (slack U_MALLORY)"
    assert out.startswith(shown), out
    with bot.app.db.transaction() as s:
        m = s.scalar(select(Member).join(Member.accounts).where(Account.external_id == "U_MALLORY"))
        assert m is not None and m.name == shown and m.role == "member"
    # the admin's own name is untouched, and a name no one has stays as it is
    assert first_contact(bot.app, "U_NEW", "Ingrid Bergersen").startswith("Ingrid Bergersen\n")


def test_a_guest_from_a_page_does_not_change_the_name_of_a_member_who_comes_later(
    bot: TestBot,
) -> None:
    with bot.app.db.transaction() as s:
        new_guest(s, "Rita Ruud", "NAV", now=datetime.now(UTC))  # a guest page's form
    assert first_contact(bot.app, "U_RITA", "Rita Ruud").startswith("Rita Ruud\n")


@pytest.mark.parametrize(
    ("platform", "first", "second"),
    [
        ("slack", "U_LONG_ONE", "U_LONG_TWO"),
        ("teams", "7c2f9a1e-0000-4000-8000-000000000001", "7c2f9a1e-0000-4000-8000-000000000002"),
    ],
)
def test_a_second_newcomer_with_a_name_of_200_characters_fits_the_column_on_both_databases(
    any_db: Database, platform: str, first: str, second: str
) -> None:
    app = App.build(make_settings(any_db.engine.url.render_as_string(hide_password=False)), any_db)
    name = "Eva " + "Å" * 196
    for user_id in (first, second):
        cmd = Command(
            platform=platform, user_id=user_id, user_name=name, channel_id="C1",
            name="partnerbot", text="meg",
        )  # fmt: skip
        out = app.router.handle(cmd, now=datetime.now(UTC)).plain()
        assert "Noe gikk galt" not in out, out
    with any_db.transaction() as s:
        names = s.scalars(
            select(Member.name).join(Member.accounts).where(Account.platform == platform)
        ).all()
    suffix = f" ({platform} {second})"
    assert sorted(names, key=len) == [name, name[: 200 - len(suffix) - 1] + "…" + suffix], names
    assert all(len(n) <= 200 for n in names)
