"""Issue 17, nothing silently dropped: each numbered item as an organiser meets it in the
console (the console adapter in this process, the demo partnerships loaded)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.app import App
from storage.models import Action, Conference, Hearing, Member
from tests.adapters.console.script import run_console
from tests.helpers import TestBot


def count(app: App, model: type) -> int:
    with app.db.transaction() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


# -- 1. a misspelt keyword is refused, not dropped --------------------------------------


def test_a_misspelt_keyword_after_the_title_is_refused_with_the_nearest(
    app: App, bot: TestBot
) -> None:
    before = count(app, Action)
    out = run_console(
        app,
        '/tiltak ny "Kartlegge mobildekning" ansvarlg @ola frsit 1. juni\n'
        '/tiltak ny "Kartlegge mobildekning" ansvarlig "Ola Nordmann" frsit 1. juni\n',
    )
    assert "Kjenner ikke «ansvarlg» – mente du `ansvarlig`?" in out
    assert "Kjenner ikke «frsit» – mente du `frist`?" in out
    assert count(app, Action) == before


def test_each_feature_names_its_own_keyword_in_the_members_language(app: App, bot: TestBot) -> None:
    hearings, conferences = count(app, Hearing), count(app, Conference)
    out = run_console(
        app,
        '/horing ny "Regional plan" lenk https://example.org frist 15.09 mottakere NAV\n'
        '/konferanse ny "Samferdselsdagen" stedd Tønsberg dato 15.01.2100 kl 10-15\n'
        '/tiltak ny "Kartlegge" blabla\n'
        "/som Sigrid Aasen\n"
        "/kanal #vest-telemark\n"
        '/tiltak ny "Kartleggje" ansvarlg Tone\n',
    )
    assert "Kjenner ikke «lenk» – mente du `lenke`?" in out
    assert "Kjenner ikke «stedd» – mente du `sted`?" in out
    assert "Kjenner ikke «blabla». Etter tittelen kommer nøkkelord med verdi:" in out
    assert "`ansvarlig`, `frist`" in out
    assert "Kjenner ikkje «ansvarlg» – meinte du `ansvarleg`?" in out
    assert (count(app, Hearing), count(app, Conference)) == (hearings, conferences)


def test_a_misspelt_keyword_inside_a_title_without_quotes_is_refused(
    app: App, bot: TestBot
) -> None:
    out = run_console(app, "/tiltak ny Kartlegge mobildekning ansvarlg Ola\n")
    assert "Kjenner ikke «ansvarlg» – mente du `ansvarlig`?" in out


def test_a_title_after_a_value_is_the_title(app: App, bot: TestBot) -> None:
    out = run_console(
        app, '/horing ny frist 15.09.2099 "Regional plan" mottakere "Tønsberg kommune"\n'
    )
    assert "«Regional plan» er registrert" in out, out


# -- 8. words: keywords named as the member writes them ---------------------------------


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (
            '/mote ny "Møte" tider\n',
            "«tider» mangler en verdi. Skriv verdien rett etter ordet, for eksempel `tider tirsdag 10-12, torsdag 13-15`.",
        ),
        (
            '/konferanse ny "K" dato\n',
            "«dato» mangler en verdi. Skriv verdien rett etter ordet, for eksempel `dato 5. mars kl 09-16`.",
        ),
        (
            '/horing ny "H" frist 15.09 mottakere\n',
            '«mottakere» mangler en verdi. Skriv verdien rett etter ordet, for eksempel `mottakere "Horten kommune, Larvik kommune"`.',
        ),
        (
            '/tiltak ny "T" frist\n',
            "«frist» mangler en verdi. Skriv verdien rett etter ordet, for eksempel `frist 1. juni`.",
        ),
        (
            '/partnerbot språk nn\n/horing ny "H" frist\n',
            "«frist» manglar ein verdi. Skriv verdien rett etter ordet, til dømes `frist 15.09`.",
        ),
        (
            '/partnerbot språk en\n/mote ny "M" slots\n',
            "“slots” has no value. Put the value right after the word, for example `slots Tuesday 10-12, Thursday 13-15`.",
        ),
    ],
)
def test_a_missing_value_names_the_keyword_with_its_own_example(
    app: App, bot: TestBot, script: str, expected: str
) -> None:
    assert expected in run_console(app, script)


def test_som_takes_a_quoted_name_and_does_not_invent_a_member(app: App, bot: TestBot) -> None:
    with app.db.transaction() as s:
        members = s.scalar(select(func.count()).select_from(Member))
    out = run_console(app, '/som "Roger Ryberg"\n/som Nobody Known\n/som "Kari Nordmann"\n')
    assert "Ingen medlem heter «Roger Ryberg», så jeg byttet ikke." in out
    assert "Ingen medlem heter «Nobody Known»" in out
    assert "Du er nå Kari Nordmann (NAV, organisator)." in out
    with app.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Member)) == members
        assert s.scalar(select(Member).where(Member.name.contains('"'))) is None


def test_som_ny_adds_a_member_on_purpose(app: App, bot: TestBot) -> None:
    out = run_console(app, '/som ny "Roger Ryberg"\n/partnerbot meg\n')
    assert "Du er nå Roger Ryberg (—, medlem)." in out
    assert "Roger Ryberg @ #infrastruktur> /partnerbot meg" in out


# -- 3. a pasted work programme: blank lines inside, ends at "." -------------------------

PASTED = """\
/kanal #vest-telemark
/tiltak importer
Mål 7: Betre mobildekning

Tiltak:
• Kartleggje kvite flekker

• Søkje om breibandsstøtte

Mål 8: Fleire lærlingar
• Lærlingdag i Vinje
.
/tiltak importer bekreft
"""


def test_a_pasted_programme_with_blank_lines_runs_to_the_dot(app: App, bot: TestBot) -> None:
    out = run_console(app, PASTED, user="Sigrid Aasen")
    assert "Kommandoar startar med /" not in out and "Kommandoer starter med /" not in out
    assert "2 mål og 3 tiltak i teksten" in out, out
    assert "2 nye mål og 3 nye tiltak" in out


def test_the_console_prompt_says_how_a_paste_ends(app: App, bot: TestBot) -> None:
    from bot.adapters.console import Console

    console = Console(app, user="Ingrid Berg", channel="#infrastruktur")
    assert "." in console.body_prompt() and "«.»" in console.body_prompt()


def test_reimport_matches_goals_by_number_and_renames_with_a_true_preview(
    app: App, bot: TestBot
) -> None:
    first = run_console(app, PASTED, user="Sigrid Aasen")
    assert "Importert til" in first
    renamed = PASTED.replace("Mål 7: Betre mobildekning", "Mål 7: Betre mobil- og breibanddekning")
    out = run_console(app, renamed, user="Sigrid Aasen")
    assert "0 nye mål og 0 nye tiltak (3 finst frå før)" in out, out
    assert "Mål 7 får ny tittel: «Betre mobildekning» → «Betre mobil- og breibanddekning»" in out
    assert "1 mål fekk ny tittel" in out
    with app.db.transaction() as s:
        from storage.models import Goal

        titles = set(s.scalars(select(Goal.title)))
    assert "Betre mobil- og breibanddekning" in titles and "Betre mobildekning" not in titles


# -- 4. the weekly digest: off and on, days and times as said, now, a preview -----------


def digest_rows(app: App, network: str = "Nettverk for infrastruktur") -> list[tuple[str, str]]:
    from storage.models import Network, OutboxMessage

    with app.db.transaction() as s:
        net = s.scalar(select(Network.id).where(Network.name == network))
        rows = s.execute(
            select(OutboxMessage.key, OutboxMessage.state).where(
                OutboxMessage.kind == "network.digest", OutboxMessage.object_id == net
            )
        ).all()
    return [(k, st) for k, st in rows]


def test_digest_off_then_on_in_the_same_week_keeps_the_weekly_row(app: App, bot: TestBot) -> None:
    out = run_console(
        app,
        "/partnerbot digest fredag 14:00\n/partnerbot digest av\n/partnerbot digest fredag 14:00\n",
    )
    assert out.count("kommer hver uke; neste gang fre") == 2, out
    assert [st for _, st in digest_rows(app)] == ["pending"]


@pytest.mark.parametrize(
    ("said", "when"),
    [("mandag 8", "man"), ("fredag kl 14", "fre"), ("onsdag kl. 07.30", "ons")],
)
def test_digest_takes_a_day_and_an_hour_as_people_say_them(
    app: App, bot: TestBot, said: str, when: str
) -> None:
    out = run_console(app, f"/partnerbot digest {said}\n")
    assert f"kommer hver uke; neste gang {when}" in out, out


def test_digest_naa_posts_this_weeks_digest_to_the_channel_at_once(app: App, bot: TestBot) -> None:
    out = run_console(
        app,
        '/tiltak ny "Bestille måledata" ansvarlig "Ola Nordmann" frist i morgen\n'
        "/partnerbot digest nå\n"
        "/som Per Hansen\n"
        "/partnerbot digest nå\n",
    )
    assert "── #infrastruktur ──\n*Ukens sammendrag for Nettverk for infrastruktur*" in out, out
    assert "«Bestille måledata» (Ola Nordmann) – frist" in out
    assert "Sammendraget for Nettverk for infrastruktur er sendt til kanalen." in out
    assert out.count("*Ukens sammendrag for") == 1  # Per Hansen is no organiser
    assert "Bare organisatorer og administratorer" in out


def test_digest_vis_previews_without_posting(app: App, bot: TestBot) -> None:
    out = run_console(
        app,
        '/tiltak ny "Bestille måledata" frist i morgen\n/partnerbot digest vis\n',
    )
    assert "Forhåndsvisning – slik ser sammendraget ut nå:" in out, out
    assert "«Bestille måledata»" in out and "── #infrastruktur ──" not in out
