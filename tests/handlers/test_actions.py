"""The actions register through the router: create, status, edit, lists, export,
permissions, bad input and overdue nudges on a controlled clock."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.app import App
from storage import outbox
from storage.models import Account, Action, ActionUpdate, Goal, Member, Network, OutboxMessage
from tests.conftest import DemoTemplate
from tests.helpers import TestBot

VT = "#vest-telemark"
INFRA = "#infrastruktur"


@pytest.fixture
def tbot(app: App, now: datetime, demo_template: DemoTemplate) -> TestBot:
    """The demo loaded at the fixed ``now`` (Monday 2 March 2026, 09:00 Oslo)."""
    demo_template.load(app, now=now)
    return TestBot(app)


def new_action(
    bot: TestBot, now: datetime, text: str, *, as_: str = "Ola Nordmann", channel: str = INFRA
) -> int:
    out = bot.run(f"/tiltak ny {text}", as_=as_, channel=channel, now=now)
    assert out.startswith("Tiltak #"), out
    return int(out.split("#", 1)[1].split(" ", 1)[0])


def get(bot: TestBot, action_id: int) -> Action:
    with bot.app.db.transaction() as s:
        action = s.get(Action, action_id)
        assert action is not None
        s.expunge(action)
        return action


def test_new_action_with_goal_owner_and_due_date(tbot: TestBot, now: datetime) -> None:
    tbot.run('/tiltak mål ny 4 "Trygge vegar og god mobildekning"', as_="Marte Lie", now=now)
    out = tbot.run(
        '/tiltak ny "Kartlegge mobildekningen langs fv. 40" mål 4 ansvarlig Lise frist 1. juni',
        as_="Ola Nordmann",
        now=now,
    )
    assert "er opprettet i «Nettverk for infrastruktur»" in out
    assert (
        "Mål 4: Trygge vegar og god mobildekning — ansvarlig: Lise Dahl — frist: 01.06.2026" in out
    )
    action_id = int(out.split("#", 1)[1].split(" ", 1)[0])
    a = get(tbot, action_id)
    assert a.due_date == date(2026, 6, 1) and a.status == "planned"
    with tbot.app.db.transaction() as s:
        lise = s.scalar(select(Member).where(Member.name == "Lise Dahl"))
        assert lise is not None
        assert a.owner_member_id == lise.id and a.owner_organisation_id == lise.organisation_id
        assert (
            s.scalar(
                select(func.count())
                .select_from(ActionUpdate)
                .where(ActionUpdate.action_id == action_id)
            )
            == 1
        )


def test_owner_may_be_an_organisation_or_me(tbot: TestBot, now: datetime) -> None:
    a = get(tbot, new_action(tbot, now, '"Felles innspel til NTP" ansvarlig "Statens vegvesen"'))
    assert a.owner_member_id is None and a.owner_organisation_id is not None
    b = get(tbot, new_action(tbot, now, '"Sende søknad" ansvarlig meg', as_="Per Hansen"))
    with tbot.app.db.transaction() as s:
        per = s.scalar(select(Member).where(Member.name == "Per Hansen"))
        assert per is not None and b.owner_member_id == per.id


def test_a_mentioned_owner_is_remembered_for_nudges(
    app: App, now: datetime, demo_template: DemoTemplate
) -> None:
    """A mention arrives as a person reference (the Slack adapter writes <@U0KARI|kari>
    as @[slack:U0KARI]): the owner is that account, remembered before they ever wrote."""
    demo_template.load(app, now=now)
    slack = TestBot(app, platform="slack")
    app.settings.admins_raw = "UADMIN"
    out = slack.run(
        '/tiltak ny "Avklare finansiering" ansvarlig @[slack:U0KARI] frist 10.03 '
        "nettverk infrastruktur",
        as_="UADMIN",
        channel="C1",
        now=now,
    )
    assert "ansvarlig: U0KARI" in out
    with app.db.transaction() as s:
        kari = s.scalar(select(Member).join(Member.accounts).where(Account.external_id == "U0KARI"))
        assert kari is not None and kari.account_on("slack") is not None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/tiltak ny", "Tiltaket trenger en tittel"),
        ('/tiltak ny ""', "Tiltaket trenger en tittel"),
        ('/tiltak ny "X" frist blåmandag', "Jeg forstod ikke fristen «blåmandag»"),
        ('/tiltak ny "X" mål 9', "har ikke noe mål 9. Mål som finnes: 1, 2, 3."),
        ('/tiltak ny "X mål 1 frist 1. juni', 'Mente du `"X" mål 1 frist 1. juni`?'),
        ('/tiltak ny "X" mål tre', "er ikke et gyldig nummer"),
        (
            '/tiltak ny "X" ansvarlig Nissen',
            "Finner ingen medlem eller organisasjon som heter «Nissen»",
        ),
        ('/tiltak ny "X" ansvarlig Nordmann', "passer med flere: Kari Nordmann, Ola Nordmann"),
        # An @ alone names nobody: the answer offers the network's names, not "—".
        ('/tiltak ny "X" ansvarlig @', "Larvik kommune, NHO, Sandefjord kommune"),
        ("/tiltak vis 999", "Finner ikke tiltak #999"),
        ("/tiltak vis tolv", "«tolv» er ikke et gyldig nummer på et tiltak"),
        ("/tiltak status", "Skriv nummeret og den nye statusen"),
        ("/tiltak status 999 ferdig", "Finner ikke tiltak #999"),
        ("/tiltak liste tull", "Jeg forstod ikke «tull»"),
        ("/tiltak endre 1", "Skriv nummeret og hva som skal endres"),
    ],
)
def test_bad_input_is_explained_and_saves_nothing(
    tbot: TestBot, now: datetime, line: str, expected: str
) -> None:
    with tbot.app.db.transaction() as s:
        before = s.scalar(select(func.count()).select_from(Action))
    out = tbot.run(line, as_="Ola Nordmann", now=now)
    assert expected in out
    with tbot.app.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Action)) == before


def test_a_goal_number_in_a_network_without_goals_says_how_to_make_the_first(
    tbot: TestBot, now: datetime
) -> None:
    tbot.run('/partnerbot nettverk ny "Nettverk for helse"', now=now)
    tbot.run("/partnerbot koble nettverk helse", channel="#helse", now=now)
    out = tbot.run('/tiltak ny "X" mål 1', channel="#helse", now=now)
    assert "nettverket har ingen mål ennå. Lag det første med `/tiltak mål ny 1" in out


def test_a_goal_that_is_missing_where_there_are_goals_lists_them(
    tbot: TestBot, now: datetime
) -> None:
    out = tbot.run('/tiltak ny "X" mål 9', as_="Sigrid Aasen", channel=VT, now=now)
    assert "har ikkje noko mål 9. Mål som finst: 1, 2, 3." in out


def test_bad_status_and_progress_words(tbot: TestBot, now: datetime) -> None:
    n = new_action(tbot, now, '"Skrive rapport" ansvarlig meg')
    assert "«ferdg» er ikke en status" in tbot.run(
        f"/tiltak status {n} ferdg", as_="Ola Nordmann", now=now
    )
    assert "«140%» er ikke en fremdrift" in tbot.run(
        f"/tiltak status {n} pågår fremdrift 140%", as_="Ola Nordmann", now=now
    )
    assert get(tbot, n).status == "planned"


def test_status_progress_and_history(tbot: TestBot, now: datetime) -> None:
    n = new_action(tbot, now, '"Søke om midler til gang- og sykkelvei" ansvarlig meg frist 20.03')
    later = now + timedelta(days=1)
    out = tbot.run(
        f'/tiltak status {n} pågår "Søknad sendt til fylket" fremdrift 40%',
        as_="Ola Nordmann",
        now=later,
    )
    assert out == (
        f"Tiltak #{n} «Søke om midler til gang- og sykkelvei»: pågår (40 %), frist 20.03.2026.\n"
        "Merknad lagret: «Søknad sendt til fylket»"
    )
    tbot.run(f"/tiltak status {n} ferdig", as_="Ola Nordmann", now=later)
    a = get(tbot, n)
    assert a.status == "done" and a.progress == 100 and a.updated_at == later
    out = tbot.run(f"/tiltak vis {n}", as_="Ola Nordmann", now=later)
    assert "Søke om midler til gang- og sykkelvei" in out and "Ola Nordmann" in out
    assert "Ola Nordmann: planlagt, frist 20.03.2026" in out
    assert "Ola Nordmann: pågår, 40 %, «Søknad sendt til fylket»" in out
    assert "Ola Nordmann: ferdig, 100 %" in out


def test_done_typed_as_the_verb_marks_the_action_done(tbot: TestBot, now: datetime) -> None:
    """`/tiltak ferdig 12` is what members type for `/tiltak status 12 ferdig` (it answered
    the whole help), with a note if they give one; the same rights, the same answer."""
    n = new_action(tbot, now, '"Kartlegge pendlerruter" ansvarlig meg frist 20.03')
    out = tbot.run(f"/tiltak ferdig {n}", as_="Per Hansen", now=now)  # not the owner
    assert out.startswith("Bare den ansvarlige (Ola Nordmann)"), out
    assert get(tbot, n).status == "planned"
    out = tbot.run(f'/tiltak ferdig {n} "Rapport levert"', as_="Ola Nordmann", now=now)
    assert out.startswith(f"Tiltak #{n} «Kartlegge pendlerruter»: ferdig (100 %)"), out
    a = get(tbot, n)
    assert a.status == "done" and a.progress == 100
    assert "«Rapport levert»" in tbot.run(f"/tiltak vis {n}", as_="Ola Nordmann", now=now)
    m = new_action(tbot, now, '"Samle innspel" ansvarleg meg', as_="Tone Haugen", channel=VT)
    tbot.run(f"/tiltak fullført {m}", as_="Tone Haugen", channel=VT, now=now)
    assert get(tbot, m).status == "done"
    out = tbot.run("/tiltak ferdig", as_="Ola Nordmann", now=now)
    assert "`/tiltak ferdig 12`" in out, out


def test_a_number_after_done_is_taken_for_a_second_action_and_nothing_changes(
    tbot: TestBot, now: datetime
) -> None:
    """`/tiltak ferdig 12 13` kept "13" as the done note of #12: a note that is only a
    number is most likely the next action to mark. The answer says how to mark each, in
    the member's language; a quoted "13" is a note as typed."""
    n = new_action(tbot, now, '"Kartlegge pendlerruter" ansvarlig meg')
    m = new_action(tbot, now, '"Telle pendlere" ansvarlig meg')
    for line in (
        f"/tiltak ferdig {n} {m}",
        f"/tiltak status {n} ferdig #{m}",
        f"/tiltak ferdig {n} og {m}",  # kept "og 8" as the note
        f"/tiltak ferdig {n}, {m}",  # "«7,» er ikkje eit gyldig nummer"
        f"/tiltak ferdig {n},{m}",
    ):
        out = tbot.run(line, as_="Ola Nordmann", now=now)
        assert out.startswith("`ferdig` tar ett tiltak om gangen"), out
        assert f"`/tiltak ferdig {m}`" in out and "Ingenting er endret" in out, out
    assert get(tbot, n).status == get(tbot, m).status == "planned"
    with tbot.app.db.transaction() as s:
        assert not s.scalars(select(ActionUpdate).where(ActionUpdate.note == str(m))).all()
    v = new_action(tbot, now, '"Samle innspel" ansvarleg meg', as_="Tone Haugen", channel=VT)
    out = tbot.run(f"/tiltak ferdig {v} {m}", as_="Tone Haugen", channel=VT, now=now)
    assert out.startswith("`ferdig` tek eitt tiltak om gongen"), out
    assert f"`/tiltak ferdig {m}`" in out and "Ingenting er endra" in out, out
    out = tbot.run(f'/tiltak ferdig {n} "{m}"', as_="Ola Nordmann", now=now)
    assert out.startswith(f"Tiltak #{n} «Kartlegge pendlerruter»: ferdig (100 %)"), out
    assert f"«{m}»" in tbot.run(f"/tiltak vis {n}", as_="Ola Nordmann", now=now)


@pytest.mark.parametrize(
    "line", ["/tiltak ferdig ,{n}", "/tiltak ferdig , {n}", "/tiltak ferdig {n},"]
)
def test_a_stray_comma_beside_the_number_is_not_the_number(
    tbot: TestBot, now: datetime, line: str
) -> None:
    """Review: `/tiltak ferdig ,7` answered «—» er ikke et gyldig nummer: the comma split
    took the empty text before the comma for the number and dropped the 7."""
    n = new_action(tbot, now, '"Kartlegge pendlerruter" ansvarlig meg')
    out = tbot.run(line.format(n=n), as_="Ola Nordmann", now=now)
    assert out.startswith(f"Tiltak #{n} «Kartlegge pendlerruter»: ferdig (100 %)"), out
    assert get(tbot, n).status == "done"


def test_a_number_after_done_in_english(tbot: TestBot, now: datetime) -> None:
    out = tbot.run('/tiltak ny "Count commuters" owner me', as_="Jon Bakke", now=now)
    n = int(out.split("#", 1)[1].split(" ", 1)[0])
    out = tbot.run(f"/tiltak done {n} and 99", as_="Jon Bakke", now=now)
    assert out.startswith("`done` takes one action at a time"), out
    assert "`/tiltak done 99`" in out and "Nothing was changed" in out, out
    assert get(tbot, n).status == "planned"


def test_an_english_history_quotes_the_note_in_english(tbot: TestBot, now: datetime) -> None:
    """The history showed «Application sent» to an English member."""
    out = tbot.run('/tiltak new "Count commuters" owner me', as_="Jon Bakke", now=now)
    n = int(out.split("#", 1)[1].split(" ", 1)[0])
    tbot.run(f'/tiltak status {n} ongoing "Application sent"', as_="Jon Bakke", now=now)
    out = tbot.run(f"/tiltak show {n}", as_="Jon Bakke", now=now)
    assert "Jon Bakke: ongoing, “Application sent”" in out, out
    out = tbot.run(f"/tiltak vis {n}", as_="Ola Nordmann", now=now)
    assert "Jon Bakke: pågår, «Application sent»" in out, out


def test_english_writes_a_percentage_without_a_space(tbot: TestBot, now: datetime) -> None:
    """ "ongoing (40 %)" is Norwegian typography in an English answer."""
    out = tbot.run('/tiltak new "Count commuters" owner me', as_="Jon Bakke", now=now)
    n = int(out.split("#", 1)[1].split(" ", 1)[0])
    out = tbot.run(f"/tiltak status {n} ongoing progress 40%", as_="Jon Bakke", now=now)
    assert "ongoing (40%)" in out, out
    out = tbot.run(f"/tiltak show {n}", as_="Jon Bakke", now=now)
    assert "Progress      40%" in out and "Jon Bakke: ongoing, 40%" in out, out
    assert "ongoing 40% —" in tbot.run("/tiltak list mine", as_="Jon Bakke", now=now)
    assert "pågår (40 %)" in tbot.run(f"/tiltak status {n} pågår", as_="Ingrid Berg", now=now)


def test_nynorsk_and_english_status_words(tbot: TestBot, now: datetime) -> None:
    n = new_action(tbot, now, '"Samle innspel" ansvarleg meg', as_="Tone Haugen", channel=VT)
    out = tbot.run(
        f"/tiltak status {n} utsett framdrift 10", as_="Tone Haugen", channel=VT, now=now
    )
    assert out.startswith(f"Tiltak #{n} «Samle innspel»: utsett (10 %)")
    out = tbot.run(f"/tiltak status {n} cancelled", as_="Jon Bakke", now=now)
    assert "Only the owner (Tone Haugen)" in out
    tbot.run(f"/tiltak status {n} avlyst", as_="Sigrid Aasen", channel=VT, now=now)  # organiser
    assert get(tbot, n).status == "cancelled"


def test_only_owner_organiser_or_admin_may_change_status_or_delete(
    tbot: TestBot, now: datetime
) -> None:
    n = new_action(tbot, now, '"Avklare grunnerverv" ansvarlig Ola', as_="Lise Dahl")
    out = tbot.run(f"/tiltak status {n} ferdig", as_="Per Hansen", now=now)
    assert out.startswith("Bare den ansvarlige (Ola Nordmann)")
    assert "Bare den ansvarlige" in tbot.run(f"/tiltak slett {n}", as_="Per Hansen", now=now)
    assert "Bare den ansvarlige" in tbot.run(
        f"/tiltak endre {n} ansvarlig meg", as_="Per Hansen", now=now
    )
    assert get(tbot, n).status == "planned"
    # Any member of the network may still edit other fields ...
    assert "er endret" in tbot.run(
        f'/tiltak endre {n} tittel "Avklare grunnerverv langs fv. 311"', as_="Per Hansen", now=now
    )
    # ... and the owner and organisers may change status.
    assert "pågår" in tbot.run(f"/tiltak status {n} pågår", as_="Ola Nordmann", now=now)
    assert "ferdig" in tbot.run(f"/tiltak status {n} ferdig", as_="Marte Lie", now=now)
    assert "er slettet" in tbot.run(f"/tiltak slett {n} bekreft", as_="Ola Nordmann", now=now)
    with tbot.app.db.transaction() as s:
        assert s.get(Action, n) is None


def test_organisation_owner_lets_its_members_update(tbot: TestBot, now: datetime) -> None:
    n = new_action(tbot, now, '"Oppdatere trafikktall" ansvarlig "Statens vegvesen"')
    out = tbot.run(f"/tiltak status {n} pågår", as_="Jon Bakke", now=now)  # Statens vegvesen
    assert out.startswith(f"Action #{n} “Oppdatere trafikktall”: ongoing")
    assert get(tbot, n).status == "ongoing"


def test_members_outside_the_network_cannot_create(tbot: TestBot, now: datetime) -> None:
    out = tbot.run('/tiltak ny "Noko" nettverk infrastruktur', as_="Knut Vik", now=now)
    assert out == (
        "Du er ikkje med i «Nettverk for infrastruktur», så du kan ikkje endre tiltaka "
        "der. Be ein administrator (Ingrid Berg) leggje deg til."
    )


def test_goal_creation_needs_an_organiser(tbot: TestBot, now: datetime) -> None:
    assert tbot.run('/tiltak mål ny 4 "Noe"', as_="Ola Nordmann", now=now).startswith(
        "Bare organisatorer"
    )
    assert "Mål 4 er opprettet" in tbot.run(
        '/tiltak mål ny 4 "Bedre veier"', as_="Marte Lie", now=now
    )
    assert "finnes allerede" in tbot.run('/tiltak mål ny 4 "Igjen"', as_="Marte Lie", now=now)


def test_lists_group_by_goal_and_filter(tbot: TestBot, now: datetime) -> None:
    out = tbot.run("/tiltak liste", as_="Tone Haugen", channel=VT, now=now)
    assert out.startswith("Tiltak i «Arbeidsprogram Vest-Telemark» (6)")
    lines = out.splitlines()
    assert lines.index(
        "Mål 1: Ein samla og tydeleg region i møte med fylket og staten"
    ) < lines.index("Mål 3: Trygge vegar, breiband og mobildekning i heile regionen")
    assert (
        "#5 Samle inn kvite flekker for mobildekning langs fylkesvegane — ansvarleg: Tone Haugen "
        "— pågår 40 % — frist 12.03.2026 — oppdatert mån 02.03 kl. 09:00"
    ) in lines
    overdue = tbot.run("/tiltak liste forfalne", as_="Tone Haugen", channel=VT, now=now)
    assert "(1)" in overdue and "Kviteseid kommune — planlagd — frist 27.02.2026 ⚠" in overdue
    mine = tbot.run("/tiltak liste mine", as_="Tone Haugen", channel=VT, now=now)
    assert mine.startswith("Mine tiltak – alle nettverk (1)") and "#5 " in mine
    goal2 = tbot.run("/tiltak liste mål 2", as_="Tone Haugen", channel=VT, now=now)
    assert "(2)" in goal2 and "Mål 1" not in goal2
    assert "Ingen forfalte tiltak" in tbot.run("/tiltak liste forfalte", now=now)


def test_long_lists_are_paged_never_cut(tbot: TestBot, now: datetime) -> None:
    for i in range(1, 58):
        new_action(tbot, now, f'"Tiltak nummer {i:02d}"')
    first = tbot.run("/tiltak liste", now=now)
    assert "Side 1 av 3 — skriv `/tiltak liste side 2` for flere." in first
    seen = [line for line in first.splitlines() if line.startswith("#")]
    second = tbot.run("/tiltak liste side 2", now=now)
    third = tbot.run("/tiltak liste side 3", now=now)
    assert third.endswith("Side 3 av 3.")
    for page in (second, third):
        seen += [line for line in page.splitlines() if line.startswith("#")]
    assert len(seen) == 57 and len(set(seen)) == 57
    assert "Det er ingen side 4: lista slutter på side 3." in tbot.run(
        "/tiltak liste side 4", now=now
    )
    english = tbot.run("/tiltak list page 1", as_="Jon Bakke", now=now)
    assert "Page 1 of 3 — type `/tiltak list page 2` for more." in english


def test_export_is_csv_with_bom_and_all_rows(tbot: TestBot, now: datetime) -> None:
    reply = tbot.reply("/tiltak eksport", as_="Tone Haugen", channel=VT, now=now)
    assert "6 tiltak frå «Arbeidsprogram Vest-Telemark» eksporterte" in reply.plain()
    (f,) = reply.files
    assert f.name == "tiltak-arbeidsprogram-vest-telemark-2026-03-02.csv" and f.mime == "text/csv"
    assert f.data.startswith(b"\xef\xbb\xbf")
    assert b";" in f.data.split(b"\r\n", 1)[0]
    rows = list(csv.reader(io.StringIO(f.data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "Mål",
        "Nummer",
        "Tittel",
        "Ansvarleg",
        "Organisasjon",
        "Status",
        "Framdrift",
        "Frist",
        "Sist oppdatert",
        "Siste kommentar",
    ]
    assert len(rows) == 7
    row = next(r for r in rows if r[2].startswith("Kartleggje ledige næringsareal"))
    assert row[0] == "Mål 2: Fleire folk og fleire arbeidsplassar i Vest-Telemark"
    assert row[3:8] == ["Vinje kommune", "Vinje kommune", "pågår", "60", "2026-03-22"]


def test_an_action_without_owner_is_not_taken_over_by_another_member(
    tbot: TestBot, now: datetime
) -> None:
    aid = new_action(tbot, now, '"Uten ansvarlig"', as_="Ola Nordmann")
    out = tbot.run(f"/tiltak endre {aid} ansvarlig meg", as_="Per Hansen", now=now)
    assert out.startswith("Bare den ansvarlige") and "ansvarlig meg" not in out
    assert "Bare den ansvarlige" in tbot.run(f"/tiltak slett {aid}", as_="Per Hansen", now=now)
    assert get(tbot, aid).owner_member_id is None
    # its creator and organisers may
    assert "Ola Nordmann" in tbot.run(
        f"/tiltak endre {aid} ansvarlig meg", as_="Ola Nordmann", now=now
    )


def test_a_deleted_actions_number_is_never_given_again(tbot: TestBot, now: datetime) -> None:
    aid = new_action(tbot, now, '"Det siste tiltaket"')
    assert "slettet" in tbot.run(f"/tiltak slett {aid} bekreft", now=now)
    again = new_action(tbot, now, '"Et nytt tiltak"')
    assert again > aid


def test_export_makes_formulas_inert_and_carries_the_latest_comment(
    tbot: TestBot, now: datetime
) -> None:
    aid = new_action(tbot, now, "\"=HYPERLINK('https://evil.example')\"")
    tbot.run(f'/tiltak status {aid} pågår "+1+1"', now=now)
    tbot.run(f'/tiltak status {aid} pågår "@SUM(A1:A9) siste ord"', now=now + timedelta(hours=1))
    (f,) = tbot.reply("/tiltak eksport", now=now + timedelta(hours=2)).files
    text = f.data.decode("utf-8-sig")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    row = next(r for r in rows if r[1] == str(aid))
    assert row[2] == "'=HYPERLINK('https://evil.example')"
    assert row[9] == "'@SUM(A1:A9) siste ord"
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for cell in r)


def test_one_goals_export_does_not_take_the_full_exports_file_name(
    tbot: TestBot, now: datetime
) -> None:
    full = tbot.reply("/tiltak eksport", as_="Tone Haugen", channel=VT, now=now).files[0]
    goal = tbot.reply("/tiltak eksport mål 2", as_="Tone Haugen", channel=VT, now=now).files[0]
    assert full.name == "tiltak-arbeidsprogram-vest-telemark-2026-03-02.csv"
    assert goal.name == "tiltak-arbeidsprogram-vest-telemark-mal-2-2026-03-02.csv"
    assert len(goal.data.splitlines()) < len(full.data.splitlines())


# -- overdue nudges on a controlled clock ----------------------------------------------


def oslo(day: int, hour: int, minute: int = 0) -> datetime:
    """A March 2026 time in Oslo (UTC+1) as UTC."""
    return datetime(2026, 3, day, hour - 1, minute, tzinfo=UTC)


def about(sent: list[tuple[str, str]], number: int) -> list[tuple[str, str]]:
    return [(to, text) for to, text in sent if f"#{number} " in text]


def test_overdue_action_nudges_once_on_its_first_overdue_morning(
    tbot: TestBot, now: datetime
) -> None:
    n = new_action(tbot, now, '"Levere høringssvar om bompenger" ansvarlig Lise frist 4. mars')
    assert about(tbot.dispatch(oslo(4, 23, 59)), n) == []  # due day itself: not overdue yet
    assert about(tbot.dispatch(oslo(5, 8, 59)), n) == []
    sent = about(tbot.dispatch(oslo(5, 9)), n)
    assert len(sent) == 1
    to, text = sent[0]
    assert to == "Lise Dahl"
    assert text.startswith(
        f"⏰ Tiltak #{n} «Levere høringssvar om bompenger» hadde frist "
        "onsdag 4. mars 2026 og er ikke ferdig."
    )
    assert about(tbot.dispatch(oslo(5, 15)), n) == []
    assert about(tbot.dispatch(oslo(11, 9)), n) == []
    # A week later it comes again, once.
    assert len(about(tbot.dispatch(oslo(12, 9)), n)) == 1
    assert about(tbot.dispatch(oslo(12, 10)), n) == []
    # Marked done: nothing more, ever.
    tbot.run(f"/tiltak status {n} ferdig", as_="Lise Dahl", now=oslo(13, 9))
    for day in (19, 26):
        assert about(tbot.dispatch(oslo(day, 9)), n) == []
    with tbot.app.db.transaction() as s:
        rows = outbox.for_object(s, "action", n)
        assert [r.state for r in rows].count(outbox.SENT) == 2
        assert not [r for r in rows if r.state == outbox.PENDING]


def test_done_before_the_morning_sends_nothing(tbot: TestBot, now: datetime) -> None:
    n = new_action(tbot, now, '"Bestille trafikktelling" ansvarlig Lise frist 3. mars')
    tbot.run(f"/tiltak status {n} ferdig", as_="Lise Dahl", now=oslo(3, 16))
    assert about(tbot.dispatch(oslo(4, 9)), n) == []
    assert about(tbot.dispatch(oslo(11, 9)), n) == []


def test_postponed_with_a_new_date_moves_the_nudge(tbot: TestBot, now: datetime) -> None:
    n = new_action(tbot, now, '"Avklare kryssløsning" ansvarlig Lise frist 3. mars')
    assert len(about(tbot.dispatch(oslo(4, 9)), n)) == 1
    tbot.run(f"/tiltak status {n} utsatt frist 20. mars", as_="Lise Dahl", now=oslo(4, 12))
    assert about(tbot.dispatch(oslo(11, 9)), n) == []  # the old weekly nudge is cancelled
    assert about(tbot.dispatch(oslo(20, 23)), n) == []
    assert about(tbot.dispatch(oslo(21, 9)), n) == []  # Saturday: the first working morning
    assert len(about(tbot.dispatch(oslo(23, 9)), n)) == 1


def test_new_owner_gets_the_nudges(tbot: TestBot, now: datetime) -> None:
    n = new_action(tbot, now, '"Svare departementet" ansvarlig Lise frist 3. mars')
    tbot.run(f"/tiltak endre {n} ansvarlig Per", as_="Lise Dahl", now=now)
    sent = about(tbot.dispatch(oslo(4, 9)), n)
    assert [to for to, _ in sent] == ["Per Hansen"]


def test_cancelled_and_deleted_actions_leave_no_pending_nudges(
    tbot: TestBot, now: datetime
) -> None:
    a = new_action(tbot, now, '"A" ansvarlig meg frist 10.03')
    b = new_action(tbot, now, '"B" ansvarlig meg frist 10.03')
    tbot.run(f"/tiltak status {a} avlyst", as_="Ola Nordmann", now=now)
    tbot.run(f"/tiltak slett {b} bekreft", as_="Ola Nordmann", now=now)
    with tbot.app.db.transaction() as s:
        pending = s.scalars(
            select(OutboxMessage).where(
                OutboxMessage.object_type == "action",
                OutboxMessage.object_id.in_((a, b)),
                OutboxMessage.state == outbox.PENDING,
            )
        ).all()
        assert pending == []


def test_demo_gives_every_network_a_work_programme_and_has_one_overdue_action(
    tbot: TestBot,
) -> None:
    with tbot.app.db.transaction() as s:
        goals = s.execute(
            select(Network.name, func.count(Goal.id))
            .outerjoin(Goal, Goal.network_id == Network.id)
            .group_by(Network.name)
        ).all()
        assert dict(goals) == {
            "Nettverk for infrastruktur": 3,
            "Nettverk for arbeid mot utenforskap": 3,
            "Nettverk for verdiskaping og arealplanlegging": 4,
            "Arbeidsprogram Vest-Telemark": 3,
        }
        assert (
            s.scalar(
                select(func.count()).select_from(Action).where(Action.due_date < date(2026, 3, 2))
            )
            == 1
        )


def test_action_selection_is_the_list_as_data(tbot: TestBot, now: datetime) -> None:
    from handlers.action_lists import action_selection

    shown = tbot.run("/tiltak liste forfalne", as_="Tone Haugen", channel=VT, now=now)
    with tbot.app.db.transaction() as s:
        network = s.scalar(select(Network).where(Network.name == "Arbeidsprogram Vest-Telemark"))
        assert network is not None
        everything = action_selection(s, network=network)
        assert len(everything.actions) == 6 and not everything.mine
        overdue = action_selection(s, network=network, overdue_on=date(2026, 3, 2))
        assert overdue.overdue and len(overdue.actions) == 1
        assert f"#{overdue.actions[0].id} " in shown
        tone = s.scalar(select(Member).where(Member.name == "Tone Haugen"))
        assert tone is not None
        mine = action_selection(s, network=None, owner=tone)
        assert mine.mine and [a.owner_member_id for a in mine.actions] == [tone.id]


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_the_examples_a_bad_due_date_suggests_are_ahead(bot: TestBot, lang: str) -> None:
    """Found trying it as a new user on 1 December 2026: the answer to a due date it could
    not read suggested `frist 15.09.2026`, a date already past."""
    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    bot.run(f"/partnerbot språk {lang}", now=now)
    answer = bot.run('/tiltak ny "Kartlegge" frist Q1 2027', now=now)
    examples = re.findall(r"`((?:frist|deadline) [^`]+)`", answer)
    assert len(examples) == 2, answer
    for example in examples:
        made = bot.run(f'/tiltak ny "Eksempel" {example}', now=now)
        assert re.search(r"#\d+", made), (example, made)  # made: a past date is refused


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_a_title_with_quotes_in_it_is_told_how_to_quote_it(bot: TestBot, lang: str) -> None:
    """Found trying it as a new user: a quoted title with "quotes" inside was cut at the
    inner quote, and the answer only said to put the title in quotes (it was)."""
    bot.run(f"/partnerbot språk {lang}")
    answer = bot.run('/tiltak ny "=HYPERLINK("http://x","klikk")" frist 1.6')
    hint = re.search(r"`([^`]*«[^`]*»[^`]*)`", answer)
    assert hint, answer  # an example with «» to copy
    made = bot.run('/tiltak ny «=HYPERLINK("http://x","klikk")» frist 1.6')
    with bot.app.db.transaction() as s:
        titles = s.scalars(select(Action.title)).all()
    assert '=HYPERLINK("http://x","klikk")' in titles, made


def test_a_goal_without_actions_says_so_and_how_to_add_one(tbot: TestBot, now: datetime) -> None:
    """Seen in `make run`: `/tiltak liste mål 2` answered "no actions in the network yet"
    where goal 1 had actions, and named neither goal 2 nor how to add to it."""
    new_action(tbot, now, '"Kartlegge mobildekningen" mål 1')
    out = tbot.run("/tiltak liste mål 2", as_="Ola Nordmann", now=now)
    assert out == (
        "Ingen tiltak under mål 2 «Raskere utbygging av InterCity-strekningen gjennom "
        'Vestfold» ennå. Lag ett med `/tiltak ny "Tittel" mål 2`.'
    )
    out = tbot.run("/tiltak liste mål 2 nettverk infrastruktur", as_="Tone Haugen", now=now)
    assert out.startswith("Ingen tiltak under mål 2 «Raskere") and "enno. Lag eitt med" in out


def test_a_network_with_goals_and_no_actions_shows_its_goals(tbot: TestBot, now: datetime) -> None:
    out = tbot.run("/tiltak liste", as_="Ola Nordmann", now=now)
    assert out.splitlines() == [
        "Ingen tiltak i «Nettverk for infrastruktur» ennå. Målene i arbeidsprogrammet:",
        "Mål 1: Full mobil- og bredbåndsdekning i hele Vestfold",
        "Mål 2: Raskere utbygging av InterCity-strekningen gjennom Vestfold",
        "Mål 3: Trygge og godt vedlikeholdte fylkesveier",
        'Lag et tiltak med `/tiltak ny "Tittel" mål 1`.',
    ]


def test_the_goals_verb_lists_the_work_programme_with_counts(tbot: TestBot, now: datetime) -> None:
    """A new member asked `/tiltak mål` to see the goals and got the whole help."""
    new_action(tbot, now, '"Kartlegge mobildekningen" mål 1')
    assert tbot.run("/tiltak mål", as_="Ola Nordmann", now=now).splitlines() == [
        "Mål i «Nettverk for infrastruktur»:",
        "Mål 1: Full mobil- og bredbåndsdekning i hele Vestfold (1 tiltak)",
        "Mål 2: Raskere utbygging av InterCity-strekningen gjennom Vestfold (0 tiltak)",
        "Mål 3: Trygge og godt vedlikeholdte fylkesveier (0 tiltak)",
        "Tiltakene under et mål: `/tiltak liste mål 1`.",
    ]
    english = tbot.run("/tiltak goals", as_="Jon Bakke", now=now)
    assert english.startswith("Goals of “Nettverk for infrastruktur”:\nGoal 1: Full mobil")
    assert "(1 action)" in english and "(0 actions)" in english
    nynorsk = tbot.run("/tiltak mål", as_="Tone Haugen", channel=VT, now=now)
    assert nynorsk.startswith("Mål i «Arbeidsprogram Vest-Telemark»:\nMål 1: Ein samla")
    assert "Tiltaka under eit mål: `/tiltak liste mål 1`." in nynorsk


def test_a_network_without_goals_says_how_to_make_the_first(tbot: TestBot, now: datetime) -> None:
    tbot.run('/partnerbot nettverk ny "Nettverk for helse"', now=now)
    tbot.run("/partnerbot koble nettverk helse", channel="#helse", now=now)
    first = '`/tiltak mål ny 1 "Tittel"`'
    out = tbot.run("/tiltak mål", channel="#helse", now=now)
    assert out.startswith("«Nettverk for helse» har ingen mål ennå.") and first in out
    out = tbot.run("/tiltak liste", channel="#helse", now=now)
    assert out.startswith("Ingen tiltak og ingen mål i «Nettverk for helse» ennå.")
    assert first in out and "/tiltak importer" in out


def test_a_time_in_an_actions_due_date_is_said_to_be_left_out(tbot: TestBot, now: datetime) -> None:
    """`frist 15.09 kl 12` saved 15.09 and said nothing of the 12 o'clock typed."""
    out = tbot.run('/tiltak ny "Rapport" mål 1 frist 15.09 kl 12', as_="Ola Nordmann", now=now)
    assert "frist: 15.09.2026" in out
    assert "Et tiltak har en frist-dag, ikke et klokkeslett: kl 12:00 er ikke lagret." in out
    out = tbot.run('/tiltak ny "Notat" mål 1 frist 15.09', as_="Ola Nordmann", now=now)
    assert "klokkeslett" not in out
    out = tbot.run(
        '/tiltak ny "Notat" mål 1 frist 15.09 kl 12', as_="Tone Haugen", channel=VT, now=now
    )
    assert "Eit tiltak har ein frist-dag, ikkje eit klokkeslett: kl. 12:00 er ikkje lagra." in out


@pytest.mark.parametrize(
    ("lang", "refusal"),
    [
        ("nb", "Fristen 27.02.2026 er allerede passert. Skriv en frist fram i tid"),
        ("nn", "Fristen 27.02.2026 er alt passert. Skriv ein frist fram i tid"),
        ("en", "The due date 27.02.2026 has already passed. Give a future due date"),
    ],
)
def test_a_due_date_in_the_past_is_refused_with_what_to_type(
    tbot: TestBot, now: datetime, lang: str, refusal: str
) -> None:
    """A new or moved due date before today is almost always a typo (it used to be made,
    with a note after the fact); today still counts."""
    n = new_action(tbot, now, '"Kartlegge" ansvarlig meg frist 20.03')
    tbot.run(f"/partnerbot språk {lang}", as_="Ola Nordmann", now=now)
    for line in (
        '/tiltak ny "Avklare" frist 27.02.2026',
        f"/tiltak status {n} utsatt frist 27.2.2026",
        f"/tiltak endre {n} frist 27.02.2026",
    ):
        out = tbot.run(line, as_="Ola Nordmann", channel=INFRA, now=now)
        assert out.startswith(refusal), (line, out)
    assert get(tbot, n).due_date == date(2026, 3, 20) and get(tbot, n).status == "planned"
    out = tbot.run('/tiltak ny "Avklare" frist 2.3.2026', as_="Ola Nordmann", now=now)
    assert "02.03.2026" in out, out  # today is not past
    out = tbot.run('/tiltak ny "Avklare" frist 27.02', as_="Ola Nordmann", now=now)
    assert "27.02.2027" in out, out  # without a year: the next 27 February, as before


def test_an_old_overdue_action_can_still_have_its_status_changed(
    tbot: TestBot, now: datetime
) -> None:
    """The demo's action due 27.02.2026 (past) is marked done without a new due date."""
    with tbot.app.db.transaction() as s:
        old = s.scalar(select(Action).where(Action.due_date == date(2026, 2, 27)))
        assert old is not None
        number, owner = old.id, old.created_by
        who = s.get(Member, owner)
        assert who is not None
        name = who.name
    out = tbot.run(f"/tiltak status {number} pågår fremdrift 50%", as_=name, channel=VT, now=now)
    assert f"#{number}" in out and "passert" not in out, out
    assert get(tbot, number).progress == 50
