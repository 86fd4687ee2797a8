"""What the import does not take for an action: review of the nynorsk branch's rules for a
list without bullets and for actions numbered under their goal."""

from __future__ import annotations

from pathlib import Path

from handlers.action_import import parse_programme

SEED = Path("/work/shared/seeds/001_78f11fd37c21442b.txt")
# Vest-Telemarkrådet's programme in the shape of the seed (its page: bullets, "Back To Top")
PAGE = """skip to Main Content
Arbeidsprogram 2022-23
Mål 3: Sikre god infrastruktur i og gjennom Vest-Telemark

Tiltak:

 • Arbeide for auka løyvingar til fylkesvegane i regionen
 • Arbeide for høgfartsbane over Haukeli

Mål 4: Vest-Telemarkrådet skal medverke til tenesteutvikling i regionen

Tiltak:

 • Sørge for at velferdsteknologi blir ein del av tenestetilbodet
 • Medverke til kompetanseheving i kommunane
Back To Top
"""


def without_bullets(text: str) -> str:
    return "\n".join(line.replace(" • ", "", 1) for line in text.splitlines())


def test_the_seed_pasted_without_bullets_has_no_back_to_top_action() -> None:
    """Mål 4 got the action «Back To Top» once the bullets were lost."""
    for text in [PAGE, *([SEED.read_text("utf-8")] if SEED.exists() else [])]:
        bare = without_bullets(text)
        assert "•" not in bare
        with_bullets, without = parse_programme(text, "nn"), parse_programme(bare, "nn")
        assert [g.actions for g in without.goals] == [g.actions for g in with_bullets.goals]
        assert "Back To Top" in without.skipped
        assert all("Back To Top" not in g.actions for g in without.goals)


def test_a_closing_paragraph_and_a_sub_goal_are_not_actions() -> None:
    prog = parse_programme(
        "Mål 1: Fleire arbeidsplassar\nTiltak:\nAuke talet på lærlingplassar\n"
        "Delmål 1.1: Fleire lærlingar\nStøtte kulturarrangement\n\n"
        "Arbeidsprogrammet vart vedteke i rådet 12.03.2022.\n",
        "nn",
    )
    assert prog.goals[0].actions == ["Auke talet på lærlingplassar", "Støtte kulturarrangement"]
    assert prog.skipped == [
        "Delmål 1.1: Fleire lærlingar",
        "Arbeidsprogrammet vart vedteke i rådet 12.03.2022.",
    ]


def test_a_wrapped_line_starting_with_a_capital_continues_the_action() -> None:
    prog = parse_programme(
        "Mål 1: Ein tydeleg aktør\nTiltak:\n"
        "Sikre god samhandling mellom forvaltningsnivåa, spesielt inn mot det nye\n"
        "Vestfold og Telemark fylke\nUtvikle fagnettverk mellom kommunane\n",
        "nn",
    )
    assert prog.goals[0].actions == [
        "Sikre god samhandling mellom forvaltningsnivåa, spesielt inn mot det nye "
        "Vestfold og Telemark fylke",
        "Utvikle fagnettverk mellom kommunane",
    ]
    assert prog.skipped == []


def test_dates_and_decimals_are_not_action_numbers() -> None:
    """`_BULLET` took "15.09" and "1.5" for an action's number under its goal: "15.09 møte
    i rådet" became the action «møte i rådet»."""
    prog = parse_programme(
        "Mål 1: Ei sterk stemme\nTiltak:\n • Løfte fram saker\n15.09 møte i rådet\n"
        "1.5 mill. kr er sett av\n1.2 Halde eit verkstadmøte\n",
        "nn",
    )
    assert prog.goals[0].actions == ["Løfte fram saker", "Halde eit verkstadmøte"]
    assert prog.skipped == ["15.09 møte i rådet", "1.5 mill. kr er sett av"]
    bare = parse_programme(
        "Mål 2: Fleire arbeidsplassar\nTiltak:\n2.1 Auke talet på lærlingplassar\n"
        "15.09 møte i rådet\n2.2. Støtte kulturarrangement\n",
        "nn",
    )
    assert bare.goals[0].actions == ["Auke talet på lærlingplassar", "Støtte kulturarrangement"]
    assert bare.skipped == ["15.09 møte i rådet"]
