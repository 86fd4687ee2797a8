"""A quoted text inside a keyword's value on `endre` belongs to that value, never a new
title: `/horing endre 1 mottakere "Horten kommune", "Larvik kommune"` renamed the hearing
«Larvik kommune» and dropped Larvik from its addressees without a word, `/konferanse endre
1 tema Om "Utenforskap" i skolen` renamed the conference «Utenforskap» (tema "Om i
skolen"), and `/mote endre 1 agenda Gjennomgang av "Regional plan for samferdsel"` was
answered as if no keyword was typed. A new title is the quoted text right after the
number."""

from __future__ import annotations

from tests.handlers.test_permissions import dump
from tests.helpers import TestBot


def _changed(
    before: dict[str, list[tuple[object, ...]]], after: dict[str, list[tuple[object, ...]]]
) -> set[str]:
    return {name for name in before if before[name] != after[name]}


def test_quoted_addressees_after_mottakere_are_addressees_not_a_title(bot: TestBot) -> None:
    out = bot.run('/horing endre 1 mottakere "Horten kommune", "Larvik kommune"')
    assert out.startswith("Høring #1 «Partnerskapsavtale"), out
    assert "Mottakere    Horten kommune, Larvik kommune" in out, out


def test_two_quoted_names_without_a_comma_are_refused_and_nothing_changes(bot: TestBot) -> None:
    before = dump(bot)
    out = bot.run('/horing endre 1 mottakere "Horten kommune" "Larvik kommune"')
    assert "Finner ikke organisasjonen «Horten kommune Larvik kommune»" in out, out
    assert dump(bot) == before


def test_a_quoted_word_in_a_theme_stays_in_the_theme(bot: TestBot) -> None:
    before = dump(bot)
    out = bot.run('/konferanse endre 1 tema Om "Utenforskap" i skolen')
    assert "«Vestfoldkonferansen 2027» er oppdatert" in out, out
    assert "Tema             Om Utenforskap i skolen" in out, out
    assert _changed(before, dump(bot)) <= {"conferences", "audit_log", "outbox"}


def test_a_quoted_title_in_an_agenda_stays_in_the_agenda(bot: TestBot) -> None:
    out = bot.run('/mote endre 1 agenda Gjennomgang av "Regional plan for samferdsel"')
    assert "Agenda: Gjennomgang av Regional plan for samferdsel" in out, out
    assert "Samhandlingsmøte Tønsberg kommune og fylkeskommunen" in out, out


def test_a_quoted_title_right_after_the_number_is_still_the_new_title(bot: TestBot) -> None:
    out = bot.run('/horing endre 1 "Ny regional plan" mottakere "Horten kommune"')
    assert out.startswith("Høring #1 «Ny regional plan» er endret"), out
    assert "Mottakere    Horten kommune" in out, out
