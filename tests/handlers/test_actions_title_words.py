"""Words of a title that are also keywords (`status`, `framdrift`), a note as typed, and a
percentage that may be the progress or part of a note: review of the nynorsk branch."""

from __future__ import annotations

from datetime import datetime

import pytest

from storage.models import Action
from tests.helpers import TestBot

VT = "#vest-telemark"
# (member, channel, the answer's first words): nynorsk, bokmål, English
MEMBERS = [
    ("Tone Haugen", VT, "Tiltak #7 er oppretta"),
    ("Ingrid Berg", "#infrastruktur", "Tiltak #7 er opprettet"),
    ("Jon Bakke", "#infrastruktur", "Action #7 was created"),
]


def action(bot: TestBot, number: int) -> tuple[str, str, int | None, int | None]:
    """Title, status, progress and goal number of action #number."""
    with bot.app.db.transaction() as s:
        found = s.get(Action, number)
        assert found is not None
        goal = found.goal.number if found.goal else None
        return found.title, found.status, found.progress, goal


@pytest.mark.parametrize(("member", "channel", "created"), MEMBERS)
@pytest.mark.parametrize(
    ("typed", "title", "goal"),
    [
        (
            "Utarbeide status for breibandsutbygginga",
            "Utarbeide status for breibandsutbygginga",
            None,
        ),
        ("Status report on the E134 goal 1", "Status report on the E134", 1),
        (
            "Lage framdriftsplan og framdrift for E134",
            "Lage framdriftsplan og framdrift for E134",
            None,
        ),
        ("Status: breiband i Vinje", "Status: breiband i Vinje", None),
        ("Fylgje opp status og framdrift i E134-prosjektet", None, None),
        ("Sjå på Framdrift: kvar veke", None, None),
        ("Påverke framdrifta for E134 og rv 41", None, None),  # not a misspelt keyword
    ],
)
def test_status_and_progress_inside_an_unquoted_title_stay_in_it(
    bot: TestBot,
    now: datetime,
    member: str,
    channel: str,
    created: str,
    typed: str,
    title: str | None,
    goal: int | None,
) -> None:
    """`/tiltak ny Utarbeide status for breibandsutbygginga` was created before the
    nynorsk branch; then «for breibandsutbygginga» er ikkje ein status. `status` and
    `framdrift` are keywords of a new action only where a status or a percentage follows."""
    out = bot.run(f"/tiltak ny {typed}", as_=member, channel=channel, now=now)
    assert out.startswith(created), out
    assert action(bot, 7) == (title or typed, "planned", None, goal)


@pytest.mark.parametrize(("member", "channel", "created"), MEMBERS)
def test_a_new_action_still_says_how_it_stands(
    bot: TestBot, now: datetime, member: str, channel: str, created: str
) -> None:
    out = bot.run(
        '/tiltak ny "Kartleggje tomter" status i gang framdrift 10%',
        as_=member,
        channel=channel,
        now=now,
    )
    assert out.startswith(created), out
    assert action(bot, 7) == ("Kartleggje tomter", "ongoing", 10, None)
    unquoted = bot.run(
        "/tiltak ny Kartleggje tomter status i gang framdrift 10%",
        as_=member,
        channel=channel,
        now=now,
    )
    assert unquoted.startswith(created.replace("#7", "#8")), unquoted
    assert action(bot, 8) == ("Kartleggje tomter", "ongoing", 10, None)


def test_a_bad_status_after_a_quoted_title_is_still_refused(bot: TestBot, now: datetime) -> None:
    out = bot.run('/tiltak ny "Y" status snart', as_="Jon Bakke", now=now)
    assert out.startswith("“snart” is not a status."), out


@pytest.mark.parametrize(
    ("member", "channel", "note"),
    [
        ("Tone Haugen", VT, "Framdrift i prosjektet er god"),
        ("Tone Haugen", VT, "Møte med kommunane, framdrift er god"),
        ("Tone Haugen", VT, "Har snakka med kommunane framdrift 50%"),
        ("Ingrid Berg", "#infrastruktur", "Fremdrift i prosjektet er god"),
        ("Jon Bakke", "#infrastruktur", "Progress on the project is good"),
    ],
)
def test_a_note_is_the_rest_of_the_line(
    bot: TestBot, now: datetime, member: str, channel: str, note: str
) -> None:
    """`/tiltak notat 1 Framdrift i prosjektet er god` answered the usage, and `...,
    framdrift er god` «er god» is not a progress: `framdrift` was a keyword of the note."""
    bot.run('/tiltak ny "Sjekke dekning" ansvarleg meg', as_=member, channel=channel, now=now)
    before = action(bot, 7)
    out = bot.run(f"/tiltak notat 7 {note}", as_=member, channel=channel, now=now)
    assert out.startswith(("Tiltak #7", "Action #7")), out
    assert action(bot, 7) == before
    shown = bot.run("/tiltak vis 7", as_=member, channel=channel, now=now)
    assert note in shown, shown


def test_a_bare_number_after_framdrift_is_the_percentage(bot: TestBot, now: datetime) -> None:
    """`/tiltak framdrift 5 60` answered «60» er ikkje ein status."""
    out = bot.run("/tiltak framdrift 5 60", as_="Tone Haugen", channel=VT, now=now)
    assert "pågår (60 %)" in out, out
    assert action(bot, 5)[1:3] == ("ongoing", 60)
    en = bot.run("/tiltak progress 5 70", as_="Tone Haugen", channel=VT, now=now)
    assert "pågår (70 %)" in en, en


@pytest.mark.parametrize(
    ("line", "answer"),
    [
        (
            "/tiltak status 5 50 prosent av kommunane har svart",
            "Er 50 % framdrifta, eller ein del av merknaden «50 prosent av kommunane har "
            'svart»? Framdrift: `/tiltak status 5 "av kommunane har svart" framdrift 50%`; '
            "merknad: `/tiltak notat 5 50 prosent av kommunane har svart`.",
        ),
        (
            "/tiltak status 5 pågår 50% av kommunane har svart",
            "Er 50 % framdrifta, eller ein del av merknaden «50% av kommunane har "
            'svart»? Framdrift: `/tiltak status 5 pågår "av kommunane har svart" framdrift '
            '50%`; merknad: `/tiltak status 5 pågår "50% av kommunane har svart"`.',
        ),
        (
            "/tiltak framdrift 5 60 av kommunane har svart",
            "Er 60 % framdrifta, eller ein del av merknaden «60 av kommunane har "
            'svart»? Framdrift: `/tiltak status 5 "av kommunane har svart" framdrift 60%`; '
            "merknad: `/tiltak notat 5 60 av kommunane har svart`.",
        ),
    ],
)
def test_a_percentage_followed_by_words_is_asked_about(
    bot: TestBot, now: datetime, line: str, answer: str
) -> None:
    """`/tiltak status 1 50 prosent av kommunane har svart` quietly set the progress to 50
    with the note «av kommunane har svart» (before the branch it was refused)."""
    before = action(bot, 5)
    out = bot.run(line, as_="Tone Haugen", channel=VT, now=now)
    assert out == answer, out
    assert action(bot, 5) == before
    for command in answer.split("`")[1::2]:
        assert bot.run(command, as_="Tone Haugen", channel=VT, now=now).startswith("Tiltak #5")


@pytest.mark.parametrize(
    ("member", "channel", "start"),
    [
        ("Ingrid Berg", "#infrastruktur", "Er 50 % fremdriften, eller en del av merknaden"),
        ("Jon Bakke", "#infrastruktur", "Is 50% the progress, or part of the note"),
    ],
)
def test_the_percentage_question_in_bokmal_and_english(
    bot: TestBot, now: datetime, member: str, channel: str, start: str
) -> None:
    bot.run('/tiltak ny "Sjekke dekning" ansvarleg meg', as_=member, channel=channel, now=now)
    out = bot.run(
        "/tiltak status 7 50 prosent av kommunane har svart", as_=member, channel=channel, now=now
    )
    assert out.startswith(start), out
    for command in out.split("`")[1::2]:
        done = bot.run(command, as_=member, channel=channel, now=now)
        assert done.startswith(("Tiltak #7", "Action #7")), (command, done)


def test_framdrift_in_a_note_after_the_status_is_a_word_of_it(bot: TestBot, now: datetime) -> None:
    """`/tiltak status 5 pågår, framdrift er god` answered «er god» is not a progress."""
    out = bot.run(
        "/tiltak status 5 pågår, framdrift er god", as_="Tone Haugen", channel=VT, now=now
    )
    assert out.startswith("Tiltak #5"), out
    assert action(bot, 5)[1:3] == ("ongoing", 40)
    shown = bot.run("/tiltak vis 5", as_="Tone Haugen", channel=VT, now=now)
    assert "«framdrift er god»" in shown, shown
    kept = bot.run("/tiltak status 5 pågår framdrift 60%", as_="Tone Haugen", channel=VT, now=now)
    assert "pågår (60 %)" in kept, kept


def test_a_percentage_out_of_range_is_refused_not_put_in_the_title(
    bot: TestBot, now: datetime
) -> None:
    out = bot.run("/tiltak ny Lage plan framdrift 140%", as_="Tone Haugen", channel=VT, now=now)
    assert out.startswith("«140%» er ikkje ein framdrift."), out
