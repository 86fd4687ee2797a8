"""A pasted work programme whose list of actions has no bullets: blank lines between the
actions, and a date at the start of a line that reads like an action's number. What is
left out is shown, line by line, with why."""

from __future__ import annotations

from datetime import datetime

import pytest

from handlers.action_import import parse_programme
from tests.helpers import TestBot

VT = "#vest-telemark"

SPACED = """Mål 1: Ei sterk stemme for regionen
Tiltak:
Løfte fram saker frå kommunane

Halde eit verkstadmøte med fylket

Lage ei felles høyringsfråsegn
Mål 2: Fleire arbeidsplassar
Tiltak:

Auke talet på lærlingplassar

Støtte kulturarrangement
"""


def test_a_blank_line_between_bare_actions_does_not_end_the_list() -> None:
    """Only «Løfte fram saker frå kommunane» and «Auke talet på lærlingplassar» were read:
    the blank line after the first action ended the list, and the rest were skipped."""
    prog = parse_programme(SPACED, "nn")
    assert prog.goals[0].actions == [
        "Løfte fram saker frå kommunane",
        "Halde eit verkstadmøte med fylket",
        "Lage ei felles høyringsfråsegn",
    ]
    assert prog.goals[1].actions == ["Auke talet på lærlingplassar", "Støtte kulturarrangement"]
    assert prog.skipped == []


@pytest.mark.parametrize(
    "after",
    [
        "Arbeidsprogrammet vart vedteke i rådet 12.03.2022.",
        "Vedteke i rådet 12.03.2022",
        "Back To Top",
        "Delmål 1.1: Fleire lærlingar",
        "Rådet tek opp programmet att. Det skjer kvart år",
    ],
)
def test_what_follows_the_list_after_a_blank_line_is_still_no_action(after: str) -> None:
    prog = parse_programme(
        f"Mål 1: Ei sterk stemme\nTiltak:\nLøfte fram saker\n\nHalde eit verkstadmøte\n\n{after}\n",
        "nn",
    )
    assert prog.goals[0].actions == ["Løfte fram saker", "Halde eit verkstadmøte"]
    assert prog.skipped == [after]


def test_a_line_unlike_the_items_ends_the_list_and_what_follows_is_skipped() -> None:
    prog = parse_programme(
        "Mål 1: Ei sterk stemme\nTiltak:\nLøfte fram saker\n\n"
        "Programmet vart vedteke i rådet.\nRådet møtest kvar månad\n",
        "nn",
    )
    assert prog.goals[0].actions == ["Løfte fram saker"]
    assert prog.skipped == ["Programmet vart vedteke i rådet.", "Rådet møtest kvar månad"]
    assert [why for why, _ in prog.why] == ["after_list", "after_list"]


@pytest.mark.parametrize(
    ("text", "actions", "skipped"),
    [
        (  # a date and a meeting under goal 1, after actions 1.1 and 1.2
            "Mål 1: Ei sterk stemme\nTiltak:\n1.1 Løfte fram saker\n1.2 Halde eit verkstadmøte\n"
            "1.12 Møte i rådet\n",
            ["Løfte fram saker", "Halde eit verkstadmøte"],
            ["1.12 Møte i rådet"],
        ),
        (
            "Mål 1: Ei sterk stemme\nTiltak:\n1.1 Løfte fram saker\n1.12 møte i rådet\n",
            ["Løfte fram saker"],
            ["1.12 møte i rådet"],
        ),
        (  # bulleted actions, then the date
            "Mål 1: Ei sterk stemme\nTiltak:\n• Løfte fram saker\n1.12 Møte i rådet\n",
            ["Løfte fram saker"],
            ["1.12 Møte i rådet"],
        ),
        (  # a bare list, then the date
            "Mål 1: Ei sterk stemme\nTiltak:\nLøfte fram saker\n\n1.12 Møte i rådet\n",
            ["Løfte fram saker"],
            ["1.12 Møte i rådet"],
        ),
    ],
)
def test_a_date_at_the_start_of_a_line_is_not_an_actions_number(
    text: str, actions: list[str], skipped: list[str]
) -> None:
    """«1.12 møte i rådet» under goal 1 was read as action 12 of goal 1: it is 1 December."""
    prog = parse_programme(text, "nn")
    assert prog.goals[0].actions == actions
    assert prog.skipped == skipped
    assert prog.why == [("date_number", {"day": 1, "month": 12, "place": len(actions) + 1})]


def test_an_action_numbered_in_its_place_is_an_action_even_if_it_could_be_a_date() -> None:
    text = "Mål 1: Ei sterk stemme\nTiltak:\n" + "".join(
        f"1.{n} Tiltak nummer {n} under målet\n" for n in range(1, 14)
    )
    prog = parse_programme(text, "nn")
    assert len(prog.goals[0].actions) == 13 and prog.skipped == []
    assert prog.goals[0].actions[11] == "Tiltak nummer 12 under målet"


@pytest.mark.parametrize(
    ("member", "channel", "lines"),
    [
        (
            "Sigrid Aasen",
            VT,
            [
                "3 linjer blir ikkje tekne med:",
                "• «Innleiing til programmet» – verken mål eller tiltak",
                "• «1.12 Møte i rådet» – ein dato (1. desember), ikkje tiltak 1.12: "
                "det neste tiltaket under mål 1 ville ha nummer 1.3",
                "• «Programmet vart vedteke i rådet 12.03.2022.» – står etter "
                "tiltakslista og liknar ikkje på tiltaka i ho",
                "Er ei av linjene eit tiltak, set eit punkt framfor (`• …`) og lim inn på nytt.",
            ],
        ),
        (
            "Ingrid Berg",
            VT,
            [
                "3 linjer blir ikke tatt med:",
                "• «Innleiing til programmet» – verken mål eller tiltak",
                "• «1.12 Møte i rådet» – en dato (1. desember), ikke tiltak 1.12: "
                "det neste tiltaket under mål 1 ville hatt nummer 1.3",
                "• «Programmet vart vedteke i rådet 12.03.2022.» – står etter "
                "tiltakslisten og ligner ikke på tiltakene i den",
                "Er en av linjene et tiltak, sett et punkt foran (`• …`) og lim inn på nytt.",
            ],
        ),
    ],
)
def test_the_preview_shows_each_line_left_out_and_why(
    bot: TestBot, now: datetime, member: str, channel: str, lines: list[str]
) -> None:
    body = (
        "Innleiing til programmet\nMål 1: Ei sterk stemme\nTiltak:\nLøfte fram saker\n"
        "Halde eit verkstadmøte\n1.12 Møte i rådet\n\n"
        "Programmet vart vedteke i rådet 12.03.2022.\n"
    )
    out = bot.run("/tiltak importer", as_=member, channel=channel, now=now, body=body)
    shown = out.splitlines()
    for line in lines:
        assert line in shown, out


def test_the_preview_says_a_date_in_english(bot: TestBot, now: datetime) -> None:
    bot.run("/partnerbot språk en", as_="Ingrid Berg", now=now)
    body = "Mål 1: A strong voice\nTiltak:\n• Raise the matters\n15.09 møte i rådet\n"
    out = bot.run("/tiltak import", as_="Ingrid Berg", channel=VT, now=now, body=body)
    assert "1 line is left out:" in out.splitlines(), out
    assert "• “15.09 møte i rådet” – a date (15 September), not an action" in out, out


def test_a_long_list_of_lines_left_out_is_cut_and_counted(bot: TestBot, now: datetime) -> None:
    body = "Mål 1: Ei sterk stemme\nTiltak:\n• Løfte fram saker\n" + "".join(
        f"Delmål 1.{n}: noko\n" for n in range(1, 16)
    )
    out = bot.run("/tiltak importer", as_="Sigrid Aasen", channel=VT, now=now, body=body)
    assert "15 linjer blir ikkje tekne med:" in out, out
    assert sum(line.startswith("• «Delmål") for line in out.splitlines()) == 10, out
    assert "… og 5 til." in out.splitlines(), out


def test_one_goal_and_one_action_in_english_are_not_plural(bot: TestBot, now: datetime) -> None:
    """The English preview said «1 goals and 1 actions in the text»."""
    bot.run("/partnerbot språk en", as_="Ingrid Berg", now=now)
    body = "Mål 1: A strong voice\nTiltak:\n• Raise the matters\n"
    out = bot.run("/tiltak import", as_="Ingrid Berg", channel=VT, now=now, body=body)
    assert "1 goal and 1 action in the text." in out, out
    body += "• Hold a workshop\nMål 2: More jobs\n• More apprentices\n"
    out = bot.run("/tiltak import", as_="Ingrid Berg", channel=VT, now=now, body=body)
    assert "2 goals and 3 actions in the text." in out, out
    out = bot.run("/tiltak importer", as_="Sigrid Aasen", channel=VT, now=now, body=body)
    assert "2 mål og 3 tiltak i teksten." in out, out


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        (  # 1.3 was struck from the programme: 1.4 goes on with the numbering
            "Mål 1: Ei sterk stemme\nTiltak:\n1.1 Løfte fram saker\n1.2 Halde møte\n"
            "1.4 Lage fråsegn\n",
            ["Løfte fram saker", "Halde møte", "Lage fråsegn"],
        ),
        (  # an unnumbered action first, then the numbered ones
            "Mål 1: Ei sterk stemme\nTiltak:\n• Innleiande tiltak\n1.1 Løfte fram saker\n"
            "1.2 Halde møte\n",
            ["Innleiande tiltak", "Løfte fram saker", "Halde møte"],
        ),
        (  # a number typed twice
            "Mål 2: Samferdsel\nTiltak:\n2.1 Kartleggje vegane\n2.1 Søkje om midlar\n",
            ["Kartleggje vegane", "Søkje om midlar"],
        ),
    ],
)
def test_a_number_that_goes_on_with_the_numbering_is_an_action_even_if_it_could_be_a_date(
    text: str, actions: list[str]
) -> None:
    """Programmes have gaps (an action struck), mixed bullets and typos: a number close
    after the last one read under its goal is that goal's action, not a date."""
    prog = parse_programme(text, "nn")
    assert prog.goals[0].actions == actions
    assert prog.skipped == []


def test_a_date_after_a_gap_in_the_numbering_names_the_number_that_would_come_next() -> None:
    text = (
        "Mål 4: Betre samferdsel\nTiltak:\n4.1 Kartleggje vegane\n4.2 Søkje om midlar\n"
        "4.4 Lage fråsegn\n4.12 møte i rådet\n"
    )
    prog = parse_programme(text, "nn")
    assert prog.goals[0].actions == ["Kartleggje vegane", "Søkje om midlar", "Lage fråsegn"]
    assert prog.why == [("date_number", {"day": 4, "month": 12, "place": 5})]  # 4.5, not 4.4
