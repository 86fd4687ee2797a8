"""Importing a work programme: parsing, preview, confirm exactly once, idempotence,
all-or-nothing, size limit, files and permissions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot import demo
from bot.app import App
from bot.errors import UserError
from handlers.action_import import parse_programme
from storage.db import Database
from storage.models import Action, Goal, Network
from tests.conftest import DemoTemplate, make_settings
from tests.helpers import DATA, TestBot

PROGRAMME = (DATA / "arbeidsprogram_nn.txt").read_text("utf-8")
CH = "#program"
ADMIN = "Ingrid Berg"


@pytest.fixture
def tbot(app: App, now: datetime, demo_template: DemoTemplate) -> TestBot:
    """The demo, plus an empty network "Regionrådet Øvre Telemark" bound to #program."""
    demo_template.load(app, now=now)
    bot = TestBot(app)
    bot.run('/partnerbot nettverk ny "Regionrådet Øvre Telemark"', now=now)
    bot.run("/partnerbot koble nettverk Øvre Telemark", channel=CH, now=now)
    return bot


def counts(bot: TestBot) -> tuple[int, int]:
    with bot.app.db.transaction() as s:
        net = s.scalar(select(Network).where(Network.name == "Regionrådet Øvre Telemark"))
        assert net is not None
        goals = s.scalar(select(func.count()).select_from(Goal).where(Goal.network_id == net.id))
        actions = s.scalar(
            select(func.count()).select_from(Action).where(Action.network_id == net.id)
        )
        return goals or 0, actions or 0


def test_parse_the_programme_shape() -> None:
    prog = parse_programme(PROGRAMME)
    assert [(g.number, len(g.actions)) for g in prog.goals] == [(1, 8), (2, 12), (3, 7), (4, 6)]
    assert prog.goals[2].title == "Trygg og god infrastruktur i heile regionen"
    assert prog.goals[2].actions[5] == "Sikre breiband og mobildekning i alle grender"
    assert prog.skipped == [
        "Handlingsprogram for regionrådet 2026-27",
        "Visjon: Ein region der folk vil bu, arbeide og kome på vitjing",
    ]


def test_parse_bullet_kinds_wrapped_lines_and_bokmal() -> None:
    text = """**Mål 1 – Bedre veier**
Tiltak
- Første punkt
* Andre punkt som er brutt
  over to linjer
1. Tredje punkt
2) Fjerde punkt
•Femte punkt uten mellomrom

Mål 2:
Et mål med tittelen på neste linje
– Sjette punkt
- første punkt
"""
    prog = parse_programme(text)
    assert [g.title for g in prog.goals] == ["Bedre veier", "Et mål med tittelen på neste linje"]
    assert prog.goals[0].actions == [
        "Første punkt",
        "Andre punkt som er brutt over to linjer",
        "Tredje punkt",
        "Fjerde punkt",
        "Femte punkt uten mellomrom",
    ]
    assert prog.goals[1].actions == ["Sjette punkt", "første punkt"]


def test_parse_refuses_a_goal_number_twice() -> None:
    with pytest.raises(UserError) as err:
        parse_programme("Mål 1: A\n- x\nMål 1: B\n- y")
    assert err.value.key == "actions.import.duplicate_goal"


def test_preview_then_confirm_creates_exactly_the_preview(tbot: TestBot, now: datetime) -> None:
    out = tbot.run("/tiltak importer", channel=CH, now=now, body=PROGRAMME)
    assert out.startswith(
        "Forhåndsvisning for «Regionrådet Øvre Telemark»: 4 mål og 33 tiltak "
        "i teksten. Blir opprettet: 4 nye mål og 33 nye tiltak (0 finnes fra før)."
    )
    assert (
        "• Mål 2 (nytt mål): Fleire innbyggjarar og fleire arbeidsplassar — 12 tiltak, 12 nye"
        in out
    )
    assert "2 linjer blir ikke tatt med:" in out  # not "linje(r)"
    assert "• «Handlingsprogram for regionrådet 2026-27» – verken mål eller tiltak" in out
    assert counts(tbot) == (0, 0)  # a preview saves nothing
    out = tbot.run("/tiltak importer bekreft", channel=CH, now=now)
    assert out.startswith("Importert til «Regionrådet Øvre Telemark»: 4 nye mål og 33 nye tiltak")
    assert counts(tbot) == (4, 33)
    with tbot.app.db.transaction() as s:
        titles = set(s.scalars(select(Action.title)))
    assert {a for g in parse_programme(PROGRAMME).goals for a in g.actions} <= titles
    # A preview is used once.
    assert "Det er ingen forhåndsvisning" in tbot.run(
        "/tiltak importer bekreft", channel=CH, now=now
    )


def test_one_line_left_out_is_one_line(tbot: TestBot, now: datetime) -> None:
    body = "Mål 1: Betre vegar\nTiltak:\n • Kartleggje hol i vegen\nSjå også vedlegget\n"
    out = tbot.run("/tiltak importer", channel=CH, now=now, body=body)
    assert "1 linje blir ikke tatt med:" in out, out  # not "1 linje(r)"
    assert "• «Sjå også vedlegget» – verken mål eller tiltak" in out, out
    assert "— 1 tiltak, 1 nytt" in out, out  # not "1 nye"
    tbot.run("/partnerbot språk en", now=now)
    out = tbot.run("/tiltak import", channel=CH, now=now, body=body)
    assert "1 line is left out:" in out, out
    assert "• “Sjå også vedlegget” – neither a goal nor an action" in out, out
    assert "— 1 action, 1 new" in out, out


def test_importing_again_creates_nothing(tbot: TestBot, now: datetime) -> None:
    tbot.run("/tiltak importer", channel=CH, now=now, body=PROGRAMME)
    tbot.run("/tiltak importer bekreft", channel=CH, now=now)
    # Slack style: the text follows the command in the same message.
    out = tbot.run("/tiltak importer\n" + PROGRAMME, channel=CH, now=now)
    assert "Blir opprettet: 0 nye mål og 0 nye tiltak (33 finnes fra før)" in out
    out = tbot.run("/tiltak import confirm", channel=CH, now=now)
    assert "0 nye mål og 0 nye tiltak (33 fantes fra før)" in out
    assert counts(tbot) == (4, 33)


def test_a_longer_programme_adds_only_what_is_new(tbot: TestBot, now: datetime) -> None:
    tbot.run("/tiltak importer", channel=CH, now=now, body=PROGRAMME)
    tbot.run("/tiltak importer bekreft", channel=CH, now=now)
    tbot.run('/tiltak ny "Lage ei oversikt over ledige tomter" mål 4', channel=CH, now=now)
    more = PROGRAMME + (
        " • Lage ei oversikt over ledige tomter\n"
        "Mål 5: Eit grønt skifte i regionen\n • Kartleggje utslepp frå kommunale bygg\n"
    )
    out = tbot.run("/tiltak importer", channel=CH, now=now, body=more)
    assert "Blir opprettet: 1 nytt mål og 1 nytt tiltak (34 finnes fra før)" in out
    tbot.run("/tiltak importer bekreft", channel=CH, now=now)
    assert counts(tbot) == (5, 35)


def test_confirm_uses_the_preview_not_a_later_paste(tbot: TestBot, now: datetime) -> None:
    tbot.run("/tiltak importer", channel=CH, now=now, body="Mål 1: A\n- Eitt\n- To")
    out = tbot.run("/tiltak importer bekreft\nMål 9: Noko anna\n- Tre", channel=CH, now=now)
    assert "1 nytt mål og 2 nye tiltak" in out
    assert counts(tbot) == (1, 2)


def test_cancel_and_expiry(tbot: TestBot, now: datetime) -> None:
    tbot.run("/tiltak importer", channel=CH, now=now, body="Mål 1: A\n- Eitt")
    assert "importen er avbrutt" in tbot.run("/tiltak importer avbryt", channel=CH, now=now)
    assert "ingen forhåndsvisning" in tbot.run("/tiltak importer bekreft", channel=CH, now=now)
    tbot.run("/tiltak importer", channel=CH, now=now, body="Mål 1: A\n- Eitt")
    out = tbot.run("/tiltak importer bekreft", channel=CH, now=now + timedelta(hours=25))
    assert "over et døgn gammel" in out and counts(tbot) == (0, 0)


def test_paste_without_goals_explains_the_shape(tbot: TestBot, now: datetime) -> None:
    out = tbot.run("/tiltak importer", channel=CH, now=now, body="• Eitt tiltak\n• Eitt til")
    assert out.startswith("Jeg fant ingen mål i teksten.") and "Mål 1: Styrke samarbeidet" in out
    assert "Jeg fant ingen mål" in tbot.run("/tiltak importer", channel=CH, now=now)


def test_size_limit(tbot: TestBot, now: datetime) -> None:
    big = "Mål 1: Stort\n" + "\n".join(
        f"- Tiltak nummer {i} med litt ekstra tekst æøå" for i in range(6000)
    )
    out = tbot.run("/tiltak importer", channel=CH, now=now, body=big)
    assert "Teksten er for stor" in out and "grensen er 200 KB" in out
    assert "Teksten er for stor" in tbot.run("/tiltak importer\n" + big, channel=CH, now=now)


def test_all_or_nothing(tbot: TestBot, now: datetime) -> None:
    """A failure half way through the confirm leaves nothing behind."""
    tbot.run("/tiltak importer", channel=CH, now=now, body=PROGRAMME)
    with tbot.app.db.transaction() as s:
        net = s.scalar(select(Network).where(Network.name == "Regionrådet Øvre Telemark"))
        assert net is not None
        # Someone else's action already holds the key of the last action of goal 4 in a
        # different network: forging it makes the unique index fail mid-import.
        from handlers.action_import import import_key

        key = import_key(net.id, 4, "Opprette eit felles innkjøpsnettverk for kommunane")
        other = s.scalar(select(Network).where(Network.name == "Nettverk for infrastruktur"))
        assert other is not None
        s.add(Action(network_id=other.id, title="forged", import_key=key))
    out = tbot.run("/tiltak importer bekreft", channel=CH, now=now)
    assert "Ingenting er lagret" in out
    assert counts(tbot) == (0, 0)


def test_import_from_a_file_in_the_console_only(
    tbot: TestBot, now: datetime, tmp_path: Path
) -> None:
    path = tmp_path / "program.txt"
    path.write_text(PROGRAMME.replace("Tiltak:\n", "\nTiltak:\n\n"), encoding="utf-8-sig")
    out = tbot.run(f'/tiltak importer fil "{path}"', channel=CH, now=now)
    assert "4 nye mål og 33 nye tiltak" in out
    assert "får ikke lest filen" in tbot.run(
        "/tiltak importer fil finst-ikkje.txt", channel=CH, now=now
    )
    slack = TestBot(tbot.app, platform="slack")
    tbot.app.settings.admins_raw = "UADMIN"
    out = slack.run(f"/tiltak importer fil {path} nettverk Øvre", as_="UADMIN", now=now)
    assert out.startswith("Filer kan bare leses i konsollen")


@pytest.mark.parametrize(("path", "lang"), [("/dev/null", "nb"), ("/dev/zero", "nn"), ("/", "en")])
def test_import_reads_only_a_regular_file(
    tbot: TestBot, now: datetime, path: str, lang: str
) -> None:
    """`fil /dev/zero` read without end (the console hung, its memory growing), a pipe would
    wait for a writer and `fil /dev/null` was an empty programme: only a regular file is
    read, and no more of it than the limit."""
    tbot.run(f"/partnerbot språk {lang}", channel=CH, now=now)
    out = tbot.run(f"/tiltak importer fil {path}", channel=CH, now=now)
    said = {
        "nb": "Jeg får ikke lest filen «/dev/null»: det er ikke en vanlig fil.",
        "nn": "Eg får ikkje lese fila «/dev/zero»: det er ikkje ei vanleg fil.",
        "en": "I cannot read the file “/”: it is not a regular file.",
    }[lang]
    assert said in out, out
    assert counts(tbot) == (0, 0)


def test_import_needs_an_organiser(tbot: TestBot, now: datetime) -> None:
    out = tbot.run("/tiltak importer", as_="Ola Nordmann", now=now, body=PROGRAMME)
    assert out.startswith("Bare organisatorer")


def test_import_list_export_and_nudge_on_both_engines(any_db: Database, now: datetime) -> None:
    """The same flow on SQLite and PostgreSQL: JSON previews, ordering, dates, the outbox."""
    app = App.build(
        make_settings(str(any_db.engine.url.render_as_string(hide_password=False))), any_db
    )
    demo.load(app.db, app.settings, now=now)
    bot = TestBot(app)
    vt = "#vest-telemark"
    bot.run("/tiltak importer", as_="Sigrid Aasen", channel=vt, now=now, body=PROGRAMME)
    assert "1 nytt mål og 33 nye tiltak" in bot.run(
        "/tiltak importer stadfest", as_="Sigrid Aasen", channel=vt, now=now
    )
    out = bot.run("/tiltak liste mål 4", as_="Sigrid Aasen", channel=vt, now=now)
    assert out.startswith("Tiltak i «Arbeidsprogram Vest-Telemark» (6)")
    assert (
        len(
            bot.reply("/tiltak eksport", as_="Sigrid Aasen", channel=vt, now=now)
            .files[0]
            .data.decode("utf-8-sig")
            .splitlines()
        )
        == 1 + 6 + 33
    )
    out = bot.run(
        '/tiltak ny "Skrive årsmelding" ansvarleg meg frist 3. mars',
        as_="Tone Haugen",
        channel=vt,
        now=now,
    )
    number = int(out.split("#", 1)[1].split(" ", 1)[0])
    first_morning = datetime(2026, 3, 4, 8, 0, tzinfo=UTC)
    sent = [to for to, text in bot.dispatch(first_morning) if f"#{number} " in text]
    assert sent == ["Tone Haugen"]
    assert bot.dispatch(first_morning) == []
