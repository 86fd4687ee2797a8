"""Limits with a clear message in the member's language: a command over 4,000 characters,
a work programme over 200 KB (pasted after the command, in the body, or from a file)."""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.i18n import LANGUAGES, t
from bot.router import MAX_COMMAND_CHARS
from handlers.action_import import MAX_BYTES
from storage.models import Action, AuditEntry, Goal, Hearing, OutboxMessage
from tests.helpers import TestBot

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
ADMIN = "Ingrid Berg"
CH = "#vest-telemark"


def snapshot(bot: TestBot) -> tuple[int, ...]:
    with bot.app.db.transaction() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(m)) or 0
            for m in (Hearing, Goal, Action, OutboxMessage, AuditEntry)
        )


@pytest.fixture(params=LANGUAGES)
def lang_bot(request: pytest.FixtureRequest, bot: TestBot) -> tuple[TestBot, str]:
    lang = request.param
    bot.run(f"/partnerbot språk {lang}", as_=ADMIN, now=NOW)
    return bot, lang


def hearing_line(length: int) -> str:
    """A new hearing whose text is ``length`` characters, most of them its link (a title
    has a smaller limit of its own)."""
    head = (
        '/horing ny "Stor" frist 15.04.2026 mottakere "Horten kommune" lenke https://example.org/'
    )
    return head + "H" * (length - len(head) + len("/horing "))


def test_a_command_over_the_limit_is_refused_in_the_members_language(
    lang_bot: tuple[TestBot, str],
) -> None:
    bot, lang = lang_bot
    line = hearing_line(MAX_COMMAND_CHARS + 1)
    assert len(line) - len("/horing ") == MAX_COMMAND_CHARS + 1
    before = snapshot(bot)
    out = bot.run(line, as_=ADMIN, channel="#infrastruktur", now=NOW)
    assert out == t("command.too_long", lang, limit=MAX_COMMAND_CHARS)
    assert "4000" in out
    assert snapshot(bot) == before


def test_a_command_at_the_limit_is_handled(lang_bot: tuple[TestBot, str]) -> None:
    bot, lang = lang_bot
    before = snapshot(bot)
    out = bot.run(hearing_line(MAX_COMMAND_CHARS), as_=ADMIN, channel="#infrastruktur", now=NOW)
    assert out != t("command.too_long", lang, limit=MAX_COMMAND_CHARS)
    assert snapshot(bot)[0] == before[0] + 1


@functools.cache
def big_programme() -> str:
    """A work programme just over MAX_BYTES (made once: the nine tests share it)."""
    lines = ["Mål 1: Stort"]
    size = len(lines[0].encode()) + 1
    while size <= MAX_BYTES:  # a running total: summing every line again took 12 s a test
        lines.append(f"- Tiltak nummer {len(lines)} med litt ekstra tekst æøå")
        size += len(lines[-1].encode()) + 1
    return "\n".join(lines)


@pytest.mark.parametrize("how", ["body", "pasted", "file"])
def test_an_import_over_200_kb_is_refused_in_the_members_language(
    lang_bot: tuple[TestBot, str], how: str, tmp_path: Path
) -> None:
    bot, lang = lang_bot
    big = big_programme()
    size = len(big.encode("utf-8"))
    assert size > MAX_BYTES
    before = snapshot(bot)
    if how == "body":
        out = bot.run("/tiltak importer", as_=ADMIN, channel=CH, now=NOW, body=big)
    elif how == "pasted":
        out = bot.run("/tiltak importer\n" + big, as_=ADMIN, channel=CH, now=NOW)
    else:
        path = tmp_path / "program.txt"
        path.write_text(big, encoding="utf-8")
        out = bot.run(f'/tiltak importer fil "{path}"', as_=ADMIN, channel=CH, now=NOW)
    assert out == t("actions.import.too_big", lang, size=size // 1024, limit=MAX_BYTES // 1024)
    assert "200 KB" in out
    assert snapshot(bot) == before
