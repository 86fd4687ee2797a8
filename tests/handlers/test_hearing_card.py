"""The hearing card (handlers/hearing_card.py): who has answered, buttons that run the
commands, and the renderer that re-renders every posted hearing message from the database."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.messages import Buttons, Reply
from tests.helpers import TestBot

OSLO = ZoneInfo("Europe/Oslo")
NEW = (
    '/horing ny "Partnerskapsavtale <generell> del" frist 15.09 fra "Viken fylkeskommune" '
    'mottakere "Horten kommune, Larvik kommune"'
)


def commands(reply: Reply) -> list[str]:
    return [
        b.command for block in reply.blocks if isinstance(block, Buttons) for b in block.buttons
    ]


def card(bot: TestBot, number: int, lang: str = "nb") -> Reply:
    with bot.app.db.transaction() as s:
        rendered = bot.app.router.cards["hearing"](s, number, lang, OSLO)
    assert rendered is not None
    return rendered


def test_the_announcement_carries_the_card_buttons(bot: TestBot, now: datetime) -> None:
    reply = bot.reply(NEW, now=now)
    assert reply.visibility == "channel" and reply.object_ref == ("hearing", 2)
    assert commands(reply) == ["/horing svart 2", "/horing vis 2"]
    assert reply.card is not None and commands(reply.card) == commands(reply)


def test_the_card_shows_the_answer_after_svart(bot: TestBot, now: datetime) -> None:
    bot.run(NEW, now=now)
    before = card(bot, 2).plain()
    assert "Høring #2: Partnerskapsavtale <generell> del" in before
    assert "Frist: tirsdag 15. september 2026 kl 23:59" in before
    assert "Har svart: —" in before
    assert "Har ikke svart ennå: Horten kommune, Larvik kommune" in before

    reply = bot.reply("/horing svart 2", as_="Marte Lie", now=now)  # Larvik kommune
    assert reply.object_ref == ("hearing", 2) and reply.card is not None
    assert reply.plain().startswith("Registrert: Larvik kommune har svart på høring #2")
    # The confirmation is the member's own, apart from the card: the channel's posts are
    # the card alone, so an update of them loses no confirmation.
    assert reply.visibility == "ephemeral" and "Har svart:" not in reply.plain()
    after = card(bot, 2).plain()
    assert "✅ Har svart: Larvik kommune" in after
    assert "⬜ Har ikke svart ennå: Horten kommune\n" in after
    assert reply.card.plain() == after
    assert commands(card(bot, 2)) == ["/horing svart 2", "/horing vis 2"]


def test_a_closed_card_says_so_and_has_no_answer_button(bot: TestBot, now: datetime) -> None:
    bot.run(NEW, now=now)
    reply = bot.reply("/horing avslutt 2", now=now)
    assert reply.object_ref == ("hearing", 2) and reply.card is not None
    closed = card(bot, 2)
    assert "Høringen er avsluttet" in closed.plain()
    assert commands(closed) == ["/horing vis 2"]
    assert commands(reply.card) == ["/horing vis 2"]
    assert commands(reply) == []  # the channel is told in a line; the cards show the rest


def test_an_edit_rerenders_the_card(bot: TestBot, now: datetime) -> None:
    bot.run(NEW, now=now)
    reply = bot.reply('/horing endre 2 tittel "Ny tittel" frist 22.09', now=now)
    assert reply.card is not None
    assert "Høring #2: Ny tittel" in reply.card.plain()
    assert "Frist: tirsdag 22. september 2026 kl 23:59" in card(bot, 2).plain()


def test_the_card_in_english_and_nynorsk(bot: TestBot, now: datetime) -> None:
    bot.run(NEW, now=now)
    en = card(bot, 2, "en")
    assert "Hearing #2" in en.plain() and "Not answered yet: Horten kommune" in en.plain()
    assert commands(en) == ["/horing answered 2", "/horing show 2"]
    nn = card(bot, 2, "nn").plain()
    assert "Høyring #2" in nn and "Har ikkje svara enno" in nn


def test_a_gone_hearing_has_no_card(bot: TestBot) -> None:
    with bot.app.db.transaction() as s:
        assert bot.app.router.cards["hearing"](s, 999, "nb", OSLO) is None
