"""The README's examples, typed on the day the README says they were (29 November 2026),
answer what the README shows."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlalchemy import select

from storage.models import Conference
from tests.helpers import REPO, TestBot

README = (REPO / "README.md").read_text("utf-8")
TYPED = datetime(2026, 11, 29, 11, 0, tzinfo=UTC)


def readme_lines(prefix: str) -> list[str]:
    return [line for line in README.splitlines() if line.startswith(prefix)]


def test_the_readme_says_when_its_examples_were_typed() -> None:
    assert "(Typed on 29 November 2026" in README


def test_the_conference_example_lands_on_the_year_it_names(bot: TestBot) -> None:
    (line,) = readme_lines('/konferanse ny "')
    out = bot.run(line, now=TYPED, as_="Ingrid Berg")
    named = re.search(r'"[^"]*\b(20\d\d)"', line)
    assert named, line
    with bot.app.db.transaction() as s:
        conf = s.scalar(select(Conference).order_by(Conference.id.desc()).limit(1))
        assert conf is not None and conf.title in line, out
        assert conf.start_at.year == int(named.group(1)), out
        assert conf.registration_deadline is not None
        assert conf.registration_deadline.year == int(named.group(1))


def test_the_hearing_transcript_answers_as_printed(bot: TestBot) -> None:
    (typed,) = [
        line.split("> ", 1)[1]
        for line in README.splitlines()
        if line.startswith("Ingrid Berg @ #infrastruktur> /horing ny")
    ]
    out = bot.run(typed, now=TYPED, as_="Ingrid Berg")
    shown = README.split(typed, 1)[1].split("\nIngrid Berg @", 1)[0].strip().splitlines()
    for line in shown:
        assert line.strip() in out, f"README shows {line.strip()!r}; the bot said:\n{out}"


def feature_examples() -> list[str]:
    """The commands of the README's block "The commands of each feature", one by one:
    `/tiltak liste mine | forfalte` is two commands, a line may hold several."""
    block = README.split("The commands of each feature", 1)[1].split("```", 2)[1]
    commands: list[str] = []
    for line in block.splitlines():
        for piece in re.split(r" {3,}", line.strip()):
            if not piece.startswith("/") or "importer" in piece:  # importer wants a text
                continue
            first, *more = piece.split(" | ")
            commands.append(first)
            stem = first.rsplit(" ", 1)[0] if more else ""
            commands += [f"{stem} {word}" for word in more]
    return commands


def test_every_feature_example_in_the_readme_works_in_the_demo_channel(bot: TestBot) -> None:
    """Typed in order in #infrastruktur as Ingrid Berg, on the demo: each is done, none is
    answered with a mistake (`/tiltak ny ... mål 1` said the network had no goals)."""
    examples = feature_examples()
    assert len(examples) >= 20 and "/tiltak liste forfalte" in examples
    mistakes = ("Finner ", "har ikke noe", "forstod ikke", "Kjenner ikke", "finnes allerede")
    for line in examples:
        out = bot.run(line.replace("https://...", "https://example.org/svar"), now=TYPED)
        assert not any(m in out for m in mistakes), f"{line}\n{out}"
        assert "Bare " not in out.split("\n", 1)[0], f"{line}\n{out}"
