"""Which language a command is answered in (bot/languages.py), through the router."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from bot.i18n import t
from storage.models import Member
from tests.adapters.console.script import run_console
from tests.helpers import TestBot

NO_NETWORK = {
    lang: t("networks.me_no_network", lang, admins="").split("(")[0] for lang in ("nb", "nn", "en")
}


def test_a_newcomer_in_a_nynorsk_partnerships_channel_is_answered_in_nynorsk(
    bot: TestBot, now: datetime
) -> None:
    """Roger Ryberg, new and in no partnership, first typed in #vest-telemark (Vest-
    Telemarkrådet writes nynorsk) and was answered in bokmål. With no language of his own
    and no partnership, the channel's partnership decides; elsewhere, as before."""
    out = bot.run("/partnerbot meg", as_="Roger Ryberg", channel="#vest-telemark", now=now)
    assert NO_NETWORK["nn"] in out, out
    # A channel bound to no network, a bokmål partnership's channel: the bot's default.
    for channel in ("@Roger Ryberg", "#kaffe", "#infrastruktur"):
        out = bot.run("/partnerbot meg", as_="Roger Ryberg", channel=channel, now=now)
        assert NO_NETWORK["nb"] in out, (channel, out)
    # A member error in the channel is answered in nynorsk too.
    out = bot.run("/tiltak vis 999", as_="Roger Ryberg", channel="#vest-telemark", now=now)
    assert out.startswith("Finn ikkje tiltak #999."), out
    with bot.app.db.transaction() as s:  # nothing chosen for him: the next channel decides
        assert s.scalar(select(Member.language).where(Member.name == "Roger Ryberg")) is None


def test_a_members_own_language_or_partnership_wins_over_the_channels(
    bot: TestBot, now: datetime
) -> None:
    """Ola Nordmann (Politisk partnerskap Vestfold, bokmål) in #vest-telemark is answered
    in bokmål; a newcomer who chose English is answered in English there."""
    out = bot.run("/partnerbot hjelp", as_="Ola Nordmann", channel="#vest-telemark", now=now)
    assert "Dette kan jeg hjelpe med." in out, out
    bot.run("/partnerbot språk en", as_="Roger Ryberg", channel="#kaffe", now=now)
    out = bot.run("/partnerbot meg", as_="Roger Ryberg", channel="#vest-telemark", now=now)
    assert NO_NETWORK["en"] in out, out


def test_the_console_answers_a_newcomer_in_vest_telemark_in_nynorsk(bot: TestBot) -> None:
    out = run_console(
        bot.app,
        '/kanal #vest-telemark\n/som ny "Roger Ryberg"\n/partnerbot meg\n/tiltak liste\n',
    )
    assert NO_NETWORK["nn"] in out, out
    assert NO_NETWORK["nb"] not in out, out


def test_the_consoles_own_lines_follow_the_channel_for_a_newcomer(bot: TestBot) -> None:
    """`/som ny "Roger Ryberg"` in #vest-telemark printed «Du er nå Roger Ryberg (—,
    medlem).» in bokmål while every answer after it was nynorsk: the console's own lines
    asked the member's language without the channel."""
    out = run_console(
        bot.app,
        '/kanal #vest-telemark\n/som ny "Roger Ryberg"\ntiltak\n/kanal #infrastruktur\n'
        "tiltak\n/kanal #vest-telemark\n/som Ola Nordmann\n",
    ).splitlines()
    assert "Du er no Roger Ryberg (—, medlem)." in out, out
    assert "Kommandoar startar med /. Prøv `/partnerbot hjelp`." in out, out
    # Moved to a bokmål partnership's channel: that channel's language.
    assert "Du skriver nå i kanalen #infrastruktur." in out, out
    assert "Kommandoer starter med /. Prøv `/partnerbot hjelp`." in out, out
    assert "Du skriv no i kanalen #vest-telemark." in out, out
    # A member of a bokmål partnership stays in bokmål in #vest-telemark.
    assert "Du er nå Ola Nordmann (Tønsberg kommune, medlem)." in out, out
