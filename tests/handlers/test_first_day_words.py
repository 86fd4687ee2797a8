"""What a new member types before reading the help: a yes to a conference as the no and
the maybe are typed (`/konferanse ja 1`), the item's number before the verb
(`/konferanse 1 ja`, `/tiltak 6 ferdig`), and the list they want as the command word
(`/tiltak forfalne`). Each answered the whole help of its command."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from storage.models import Meeting, OutboxMessage, Vote
from tests.helpers import TestBot


@pytest.mark.parametrize("line", ["/konferanse ja 1", "/konferanse kjem 1", "/konferanse 1 ja"])
def test_a_yes_to_a_conference_registers_in_nynorsk(bot: TestBot, now: datetime, line: str) -> None:
    out = bot.run(line, as_="Tone Haugen", channel="#vest-telemark", now=now)
    assert "Du er påmeld «Vestfoldkonferansen" in out, out
    shown = bot.run("/konferanse vis 1", as_="Tone Haugen", channel="#vest-telemark", now=now)
    assert "påmeld" in shown, shown


@pytest.mark.parametrize("line", ["/konferanse yes 1", "/konferanse 1 yes", "/konferanse coming 1"])
def test_a_yes_to_a_conference_registers_in_english(bot: TestBot, now: datetime, line: str) -> None:
    out = bot.run(line, as_="Jon Bakke", now=now)
    assert "You are registered for “Vestfoldkonferansen" in out, out


@pytest.mark.parametrize(
    ("line", "as_", "channel", "done"),
    [
        ("/tiltak 6 ferdig", "Sigrid Aasen", "#vest-telemark", "Tiltak #6"),
        ("/tiltak 6 vis", "Sigrid Aasen", "#vest-telemark", "Historikk"),
        ("/mote 1 vis", "Ola Nordmann", "#infrastruktur", "Møtepoll #1"),
        ("/horing #1 vis", "Ola Nordmann", "#infrastruktur", "Høring #1"),
    ],
)
def test_the_number_before_the_verb(
    bot: TestBot, now: datetime, line: str, as_: str, channel: str, done: str
) -> None:
    out = bot.run(line, as_=as_, channel=channel, now=now)
    assert done in out and "forstod ikkje" not in out and "forstod ikke" not in out, out


def test_the_number_before_the_verb_saves(bot: TestBot, now: datetime) -> None:
    bot.run("/tiltak 6 ferdig", as_="Sigrid Aasen", channel="#vest-telemark", now=now)
    shown = bot.run("/tiltak vis 6", as_="Sigrid Aasen", channel="#vest-telemark", now=now)
    assert "Status          ferdig" in shown, shown


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("/tiltak forfalne", "/tiltak liste forfalne"),
        ("/tiltak forfalte", "/tiltak liste forfalte"),
        ("/tiltak mine", "/tiltak liste mine"),
        ("/tiltak overdue", "/tiltak list overdue"),
        ("/tiltak forfalne mål 1", "/tiltak liste forfalne mål 1"),
    ],
)
def test_the_list_asked_for_by_its_word(bot: TestBot, now: datetime, short: str, long: str) -> None:
    """Sigrid Aasen asks what is overdue; the help's `liste forfalne` is what she meant."""
    later = now.replace(month=6)  # the demo's actions past their due dates
    out = bot.run(short, as_="Sigrid Aasen", channel="#vest-telemark", now=later)
    assert out == bot.run(long, as_="Sigrid Aasen", channel="#vest-telemark", now=later)
    assert "forstod ikkje" not in out, out


NEW_POLL = '/mote new "Network meeting" times Thursday 10-12, Friday 13-15'


@pytest.mark.parametrize("word", ["choose", "pick", "option"])
def test_an_english_partner_closes_a_poll_choosing_a_time(
    bot: TestBot, now: datetime, word: str
) -> None:
    """`/mote close 3 choose 2` answered "“choose” is not a valid number for a time"."""
    made = bot.run(NEW_POLL, as_="Jon Bakke", now=now)
    assert "created meeting poll #2" in made, made
    out = bot.run(f"/mote close 2 {word} 2", as_="Jon Bakke", now=now)
    assert "is set for Friday 6 March 13:00–15:00 (time 2 in meeting poll #2)" in out, out


def test_one_answer_to_a_poll_of_two_times_in_english(bot: TestBot, now: datetime) -> None:
    """It said "You gave 1 answers"."""
    bot.run(NEW_POLL, as_="Jon Bakke", now=now)
    out = bot.run("/mote answer 2 yes", as_="Jon Bakke", now=now)
    assert out.startswith("You gave one answer, but poll #2 has 2 times."), out
    two = bot.run("/mote answer 2 yes no yes", as_="Jon Bakke", now=now)
    assert two.startswith("You gave 3 answers, but poll #2 has 2 times."), two


@pytest.mark.parametrize(
    ("line", "lang", "said"),
    [
        ("/tiltak vis", "nn", "Kva tiltak? Skriv nummeret, til dømes `/tiltak vis 12`."),
        ("/tiltak slett", "nb", "Hvilket tiltak? Skriv nummeret, for eksempel `/tiltak slett 12`."),
        ("/tiltak show", "en", "Which action? Type its number, for example `/tiltak show 12`."),
    ],
)
def test_an_action_verb_without_its_number(
    bot: TestBot, now: datetime, line: str, lang: str, said: str
) -> None:
    """It answered "«—» er ikkje eit gyldig nummer": a dash the member never typed."""
    bot.run(f"/partnerbot språk {lang}", as_="Sigrid Aasen", now=now)
    out = bot.run(line, as_="Sigrid Aasen", channel="#vest-telemark", now=now)
    assert out.startswith(said), out
    assert "—" not in out, out


def test_closing_a_poll_again_on_the_time_it_set_moves_nothing(bot: TestBot, now: datetime) -> None:
    """Kari Nordmann closed Emma's poll on the time Emma had closed it on: "Network meeting
    er flyttet til fredag 5. mars", a new invitation, and nothing had moved."""
    bot.run(NEW_POLL, as_="Jon Bakke", now=now)
    bot.run("/mote close 2 choice 2", as_="Jon Bakke", now=now)
    with bot.app.db.transaction() as s:
        before = s.scalar(select(Meeting.sequence).where(Meeting.poll_id == 2))
        rows = s.scalar(select(func.count()).select_from(OutboxMessage))
    again = bot.run("/mote lukk 2 valg 2", as_="Ingrid Berg", now=now)
    assert "Møtepoll #2 er allerede avgjort: møtet er fredag 6. mars 2026 kl 13:00." in again, again
    assert "flyttet" not in again, again
    with bot.app.db.transaction() as s:
        assert s.scalar(select(Meeting.sequence).where(Meeting.poll_id == 2)) == before
        assert s.scalar(select(func.count()).select_from(OutboxMessage)) == rows
    moved = bot.run("/mote lukk 2 valg 1", as_="Ingrid Berg", now=now)
    assert "er flyttet til torsdag 5. mars" in moved, moved


@pytest.mark.parametrize(("line", "answer"), [("/mote ja 2", "yes"), ("/mote 2 nei", "no")])
def test_an_answer_typed_without_svar(bot: TestBot, now: datetime, line: str, answer: str) -> None:
    """`/mote ja 2` and `/mote 2 nei` answered the whole help of /mote."""
    bot.run('/mote ny "Kort møte" tider torsdag 10-12', as_="Ingrid Berg", now=now)
    out = bot.run(line, as_="Ola Nordmann", now=now)
    assert "Du har svart på møtepoll #2." in out, out
    with bot.app.db.transaction() as s:
        assert s.scalars(select(Vote.answer).where(Vote.poll_id == 2)).all() == [answer]


def test_one_answer_word_for_a_poll_of_two_times_says_what_to_type(
    bot: TestBot, now: datetime
) -> None:
    bot.run(NEW_POLL, as_="Jon Bakke", now=now)
    out = bot.run("/mote yes 2", as_="Jon Bakke", now=now)
    assert out.startswith("You gave one answer, but poll #2 has 2 times."), out


@pytest.mark.parametrize(
    ("line", "lang", "said"),
    [
        (
            "/tiltak lsite forfalne",
            "nn",
            "Eg forstod ikkje «lsite». Meinte du `/tiltak liste`? "
            "`/tiltak hjelp` viser kva du kan skrive.",
        ),
        (
            "/horing svrat 1 Horten kommune",
            "nb",
            "Jeg forstod ikke «svrat». Mente du `/horing svart`? "
            "`/horing hjelp` viser hva du kan skrive.",
        ),
        (
            "/mote lukkk 1 valg 2",
            "en",
            "I didn't understand “lukkk”. Did you mean `/mote close`? "
            "`/mote help` shows what you can type.",
        ),
    ],
)
def test_a_typo_in_a_verb_is_answered_with_the_verb(
    bot: TestBot, now: datetime, line: str, lang: str, said: str
) -> None:
    """A one-letter slip in the verb answered the whole help of the command."""
    bot.run(f"/partnerbot språk {lang}", as_="Sigrid Aasen", now=now)
    out = bot.run(line, as_="Sigrid Aasen", channel="#vest-telemark", now=now)
    assert out == said, out


@pytest.mark.parametrize(
    ("line", "fixed"),
    [
        ("/tiltak frist 1 15. januar", "/tiltak endre 1 frist 15. januar"),
        ("/tiltak 1 frist 15. januar", "/tiltak endre 1 frist 15. januar"),
        ("/tiltak #1 frist: 15. januar", "/tiltak endre #1 frist: 15. januar"),
    ],
)
def test_a_field_typed_as_the_verb_is_answered_with_the_command(
    bot: TestBot, now: datetime, line: str, fixed: str
) -> None:
    """`/tiltak frist 1 fredag` (the due date of 1: Friday) answered the whole help; then it
    changed the action without a verb typed (review 32: a phrase without a verb must not
    write). Now it answers the command to type, and saves nothing."""
    out = bot.run(line, as_="Sigrid Aasen", channel="#vest-telemark", now=now)
    assert out == f"Meinte du `{fixed}`? Ingenting er lagra.", out


def test_a_field_typed_as_the_verb_in_a_hearing(bot: TestBot, now: datetime) -> None:
    out = bot.run("/horing frist 1 15.09", as_="Ingrid Berg", now=now)
    assert out == "Mente du `/horing endre 1 frist 15.09`? Ingenting er lagret.", out
    typed = bot.run("/horing endre 1 frist 15.09", as_="Ingrid Berg", now=now)
    assert "tirsdag 15. september 2026 kl 23:59" in typed, typed


def test_the_goal_named_with_the_number_is_answered_with_the_command(
    bot: TestBot, now: datetime
) -> None:
    """`mål` is a verb too (the goals); `/tiltak 1 mål 2` listed the goals and moved
    nothing, then moved the action without a verb typed."""
    out = bot.run("/tiltak 1 mål 2", as_="Sigrid Aasen", channel="#vest-telemark", now=now)
    assert out == "Meinte du `/tiltak endre 1 mål 2`? Ingenting er lagra.", out


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (
            '/horing ny "Partnerskapsavtale" 15.09',
            "«15.09» ser ut som en dato, men mangler nøkkelordet foran. Skriv `frist 15.09`.",
        ),
        (
            '/konferanse ny "Vestfoldkonferansen" 4. mars 2027 plasser 100',
            "«4. mars 2027» ser ut som en dato, men mangler nøkkelordet foran. "
            "Skriv `dato 4. mars 2027`.",
        ),
        (
            '/mote ny "Møte" torsdag 10-12, fredag 10-12',
            "«torsdag 10-12, fredag 10-12» ser ut som en dato, men mangler nøkkelordet foran. "
            "Skriv `tider torsdag 10-12, fredag 10-12`.",
        ),
        (
            '/tiltak ny "Rapport" fredag mål 1',
            "«fredag» ser ut som en dato, men mangler nøkkelordet foran. Skriv `frist fredag`.",
        ),
    ],
)
def test_a_date_after_the_title_without_its_keyword(
    bot: TestBot, now: datetime, line: str, said: str
) -> None:
    """It answered "Kjenner ikke «4.»" and told the member to put the title in quotes,
    which it was; the date's keyword was what was missing."""
    out = bot.run(line, as_="Ingrid Berg", now=now)
    assert out.startswith(said), out
    assert "Ingenting er lagret." in out, out


@pytest.mark.parametrize("word", ["påmelding", "påmelding innan", "registration closes"])
def test_the_registration_deadline_as_people_say_it(bot: TestBot, now: datetime, word: str) -> None:
    """`påmelding 15. februar` was read into the date: "Jeg forstod ikke «påmelding»"."""
    out = bot.run(
        f'/konferanse ny "Vestfoldkonferansen 2027" dato 4. mars 2027 {word} 15. februar 2027',
        as_="Ingrid Berg",
        now=now,
    )
    assert "Påmeldingsfrist  mandag 15. februar 2027 kl 23:59" in out, out


@pytest.mark.parametrize(
    ("line", "shown"),
    [("/mote 1", "Møtepoll #1"), ("/horing #1", "Høring #1"), ("/tiltak 1", "#1 ")],
)
def test_a_number_alone_shows_the_item(bot: TestBot, now: datetime, line: str, shown: str) -> None:
    """`/mote 1` answered "Jeg forstod ikke «1»" and the whole help."""
    out = bot.run(line, as_="Ingrid Berg", now=now)
    assert out.startswith(shown) and "forstod ikke" not in out, out


@pytest.mark.parametrize("said", ["yes to all", "yes for all", "ja til alle", "ja på alle"])
def test_one_answer_to_every_time_as_people_say_it(bot: TestBot, now: datetime, said: str) -> None:
    """`/mote answer 2 yes to all` answered "I did not understand “yes”"."""
    bot.run(NEW_POLL, as_="Jon Bakke", now=now)
    out = bot.run(f"/mote answer 2 {said}", as_="Jon Bakke", now=now)
    assert "You answered meeting poll #2." in out, out
    with bot.app.db.transaction() as s:
        assert s.scalars(select(Vote.answer).where(Vote.poll_id == 2)).all() == ["yes", "yes"]


def test_a_slip_of_another_languages_verb_is_shown_in_the_members(
    bot: TestBot, now: datetime
) -> None:
    """A slip of nynorsk `kunngjer` was answered with `kunngjer` in a bokmål reply (found by
    the command fuzzer)."""
    out = bot.run("/konferanse kunnger 3", as_="Ingrid Berg", now=now)
    assert "Mente du `/konferanse kunngjør`?" in out, out
