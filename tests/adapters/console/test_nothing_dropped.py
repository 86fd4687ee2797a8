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
    assert "── #infrastruktur ──\nUkens sammendrag for Nettverk for infrastruktur" in out, out
    assert "«Bestille måledata» (Ola Nordmann) – frist" in out
    assert "Sammendraget for Nettverk for infrastruktur er sendt til kanalen." in out
    assert out.count("Ukens sammendrag for") == 1  # Per Hansen is no organiser
    assert (
        "Bare organisatorer i Politisk partnerskap Vestfold og administratorer kan gjøre dette. "
        "Be en av dem: Kari Nordmann, Marte Lie, Ingrid Berg."
    ) in out


def test_digest_vis_previews_without_posting(app: App, bot: TestBot) -> None:
    out = run_console(
        app,
        '/tiltak ny "Bestille måledata" frist i morgen\n/partnerbot digest vis\n',
    )
    assert "Forhåndsvisning – slik ser sammendraget ut nå:" in out, out
    assert "«Bestille måledata»" in out and "── #infrastruktur ──" not in out


# -- 5. reminders and nudges on working days --------------------------------------------


def test_hearing_reminders_move_to_the_working_day_before(app: App, bot: TestBot) -> None:
    out = run_console(
        app,
        '/horing ny "Nyttårshøring" frist 04.01.2038 mottakere NAV\n'
        '/horing ny "Desemberhøring" frist 14.12.2037 mottakere NAV påminn 7d,1d\n'
        '/horing ny "Timehøring" frist 14.12.2037 kl 12 mottakere NAV påminn 2t\n',
    )
    first, second, third = (part.split("\n", 1)[0] for part in out.split("Påminnelser")[1:4])
    assert "lør" not in first and "fre 01.01" not in first, first
    assert "tor 31.12" in first and "man 04.01" in first
    assert "søn 13.12" not in second and "fre 11.12" in second and "man 07.12" in second
    assert "man 14.12 kl 10:00" in third  # an exact time is kept as asked


def nudge_targets(app: App, title: str) -> list[tuple[str, str]]:
    """(member name, local nudge day) of the pending overdue nudges of the action ``title``."""
    from zoneinfo import ZoneInfo

    from storage.models import OutboxMessage

    with app.db.transaction() as s:
        action = s.scalar(select(Action).where(Action.title == title))
        assert action is not None, title
        rows = s.scalars(
            select(OutboxMessage).where(
                OutboxMessage.kind == "action.overdue",
                OutboxMessage.object_id == action.id,
                OutboxMessage.state == "pending",
            )
        ).all()
        names = []
        for r in rows:
            assert r.target_type == "member"
            m = s.get(Member, int(r.target_id))
            assert m is not None
            names.append((m.name, f"{r.due_at.astimezone(ZoneInfo('Europe/Oslo')):%a}"))
    return sorted(names)


def test_nudges_come_on_working_days(app: App, bot: TestBot) -> None:
    # Due Thursday 24.12.2037: the morning after is Christmas Day, then a weekend.
    run_console(app, '/tiltak ny "Juleplan" ansvarlig "Ola Nordmann" frist 24.12.2037\n')
    with app.db.transaction() as s:
        from storage.models import OutboxMessage

        action = s.scalar(select(Action).where(Action.title == "Juleplan"))
        assert action is not None
        days = sorted(
            r.due_at.date().isoformat()
            for r in s.scalars(
                select(OutboxMessage).where(
                    OutboxMessage.kind == "action.overdue", OutboxMessage.object_id == action.id
                )
            )
        )
    assert days[0] == "2037-12-28", days  # Monday: 25th, 26th (holidays), 27th (Sunday)


# -- 2. actions owned by an organisation, or by nobody, reach someone ------------------


def test_an_organisations_actions_reach_its_members_else_the_organisers(
    app: App, bot: TestBot
) -> None:
    out = run_console(
        app,
        '/tiltak ny "Tokke-tiltak" ansvarleg "Tokke kommune" frist i dag\n'
        '/tiltak ny "Kviteseid-tiltak" ansvarleg "Kviteseid kommune" frist i dag\n'
        '/tiltak ny "Tiltak utan eigar" frist i dag\n'
        "/som Tone Haugen\n"
        "/partnerbot oversikt\n"
        "/som Sigrid Aasen\n"
        "/partnerbot oversikt\n",
        user="Sigrid Aasen",
        channel="#vest-telemark",
    )
    assert [n for n, _ in nudge_targets(app, "Tokke-tiltak")] == ["Tone Haugen"] * 2
    assert [n for n, _ in nudge_targets(app, "Kviteseid-tiltak")] == ["Sigrid Aasen"] * 2
    assert [n for n, _ in nudge_targets(app, "Tiltak utan eigar")] == ["Sigrid Aasen"] * 2
    tone = out.split("Tone Haugen @ #vest-telemark> /partnerbot oversikt", 1)[1].split("> ", 1)[0]
    sigrid = out.split("Sigrid Aasen @ #vest-telemark> /partnerbot oversikt", 1)[1]
    assert "Tokke-tiltak" in tone and "Kviteseid-tiltak" not in tone
    assert "Kviteseid-tiltak" in sigrid and "Tiltak utan eigar" in sigrid
    assert "Tokke-tiltak" not in sigrid


def test_the_demos_organisation_actions_are_nudged(app: App, bot: TestBot) -> None:
    from storage.models import OutboxMessage

    with app.db.transaction() as s:
        owned_by_org = s.scalars(
            select(Action.id).where(
                Action.owner_member_id.is_(None),
                Action.owner_organisation_id.is_not(None),
                Action.due_date.is_not(None),
                Action.status.not_in(("done", "cancelled")),
            )
        ).all()
        nudged = set(
            s.scalars(select(OutboxMessage.object_id).where(OutboxMessage.kind == "action.overdue"))
        )
    assert owned_by_org and set(owned_by_org) <= nudged


# -- 6. the meeting .ics is a published event, not a request nobody can answer ----------


def test_the_meeting_ics_is_published_with_a_uuid_uid_and_no_fake_organiser(
    app: App, bot: TestBot, tmp_path: object
) -> None:
    import re
    import uuid
    from pathlib import Path

    import icalendar

    app.settings.files_dir = tmp_path  # type: ignore[assignment]
    out = run_console(
        app,
        '/mote ny "Samhandlingsmøte" tider 10.12.2099 kl 10-12, 11.12.2099 kl 13-15\n',
    )
    poll = re.search(r"[Mm]øtepoll #(\d+)", out)
    assert poll, out
    out = run_console(app, f"/mote lukk {poll.group(1)} valg 1\n")
    found = re.search(r"Fil lagret: (\S+\.ics)", out)
    assert found, out
    data = Path(found.group(1)).read_bytes()
    cal = icalendar.Calendar.from_ical(data)
    assert cal["METHOD"] == "PUBLISH"
    (event,) = cal.walk("VEVENT")
    uid = str(event["UID"])
    assert uid.endswith("@partnerbot") and uuid.UUID(uid.split("@")[0])
    assert "ORGANIZER" not in event and b"partnerbot.invalid" not in data


# -- 7. scope: a partnership is a boundary ----------------------------------------------


def test_publikum_alle_is_the_networks_of_the_organisers_partnership(
    app: App, bot: TestBot
) -> None:
    import re

    out = run_console(
        app,
        '/konferanse ny "Samferdselsdagen" dato 15.01.2100 kl 10-15 plasser 40 publikum alle\n',
    )
    number = re.search(r"[Kk]onferanse #(\d+)", out)
    assert number, out
    out = run_console(app, f"/konferanse kunngjør {number.group(1)}\n")
    assert "── #infrastruktur ──" in out and "── #utenforskap ──" in out
    assert "── #verdiskaping ──" in out
    assert "── #vest-telemark ──" not in out, out


def test_partnerskap_is_created_and_chosen_by_name(app: App, bot: TestBot) -> None:
    from storage.models import Network, Partnership

    out = run_console(
        app,
        '/partnerbot partnerskap ny "Grenlandsrådet" språk nb\n'
        '/partnerbot nettverk ny "Nettverk for helse" partnerskap Grenland\n'
        '/partnerbot nettverk ny "Nettverk for kultur" partnerskap Ukjentrådet\n',
    )
    assert "Partnerskapet «Grenlandsrådet» er opprettet." in out, out
    assert "Kjenner ikke partnerskapet «Ukjentrådet»" in out
    assert '`/partnerbot partnerskap ny "Ukjentrådet"`' in out
    with app.db.transaction() as s:
        net = s.scalar(select(Network).where(Network.name == "Nettverk for helse"))
        assert net is not None and net.partnership is not None
        assert net.partnership.name == "Grenlandsrådet"
        assert s.scalar(select(Network).where(Network.name == "Nettverk for kultur")) is None
        assert s.scalar(select(Partnership).where(Partnership.name == "Ukjentrådet")) is None


def test_the_overview_offers_no_registration_to_someone_who_cannot(app: App, bot: TestBot) -> None:
    out = run_console(app, '/som ny "Roger Ryberg"\n/partnerbot oversikt\n')
    assert "/konferanse meld på" not in out, out


def test_invitees_outside_the_channel_hear_of_the_poll_at_once(app: App, bot: TestBot) -> None:
    out = run_console(
        app,
        '/mote ny "Grensemøte" tider 10.12.2099 kl 10-12, 11.12.2099 kl 13-15 '
        'inviterte "Knut Vik, Ola Nordmann"\n',
    )
    assert "── @Knut Vik ──" in out, out
    assert "── @Ola Nordmann ──" not in out  # he is in #infrastruktur and saw it there
    knut = out.split("── @Knut Vik ──", 1)[1]
    assert "Grensemøte" in knut and "/mote svar" in knut


# -- 10. the smaller ones ---------------------------------------------------------------


def new_action_number(out: str) -> str:
    import re

    found = re.search(r"Tiltak #(\d+) er opprettet", out)
    assert found, out
    return found.group(1)


def test_status_without_due_date_reads_once(app: App, bot: TestBot) -> None:
    n = new_action_number(run_console(app, '/tiltak ny "Telle trafikk"\n'))
    out = run_console(app, f"/tiltak status {n} pågår fremdrift 20%\n")
    assert "pågår (20 %), ingen frist." in out, out
    assert "frist ingen frist" not in out


def test_a_quoted_status_word_is_the_status(app: App, bot: TestBot) -> None:
    n = new_action_number(run_console(app, '/tiltak ny "Telle trafikk"\n'))
    out = run_console(app, f'/tiltak status {n} "pågår"\n/tiltak vis {n}\n')
    assert f"Tiltak #{n} «Telle trafikk»: pågår" in out, out


def test_done_with_half_progress_is_refused(app: App, bot: TestBot) -> None:
    n = new_action_number(run_console(app, '/tiltak ny "Telle trafikk"\n'))
    out = run_console(app, f"/tiltak status {n} ferdig fremdrift 50%\n")
    assert "Et ferdig tiltak har fremdrift 100 %" in out, out
    with app.db.transaction() as s:
        action = s.get(Action, int(n))
        assert action is not None and action.status == "planned"


def test_language_without_argument_says_which_and_how(app: App, bot: TestBot) -> None:
    out = run_console(app, "/partnerbot språk\n")
    assert "«—»" not in out
    assert "Du får svar på bokmål." in out and "`/partnerbot språk nn`" in out


def test_one_slot_answered_twice_is_refused(app: App, bot: TestBot) -> None:
    import re

    out = run_console(app, '/mote ny "Møte" tider 10.12.2099 kl 10-12, 11.12.2099 kl 13-15\n')
    poll = re.search(r"[Mm]øtepoll #(\d+)", out)
    assert poll, out
    out = run_console(app, f"/mote svar {poll.group(1)} 1:ja 1:nei\n")
    assert "Tidspunkt 1 står to ganger" in out, out


def test_a_hearing_without_mottakere_goes_to_the_networks_organisations(
    app: App, bot: TestBot
) -> None:
    out = run_console(app, '/horing ny "Regional plan" frist 15.09.2099\n')
    assert "«Regional plan» er registrert" in out, out
    assert "Statens vegvesen" in out and "Bane NOR" in out


def test_an_unknown_command_suggests_the_nearest(app: App, bot: TestBot) -> None:
    out = run_console(app, "/konferense liste\n")
    assert "Jeg kjenner ikke kommandoen /konferense.\nMente du `/konferanse`?" in out, out
    assert "Dette kan jeg hjelpe med" not in out  # not the whole help


def test_a_hearing_in_a_network_without_organisations_still_asks_for_mottakere(
    app: App, bot: TestBot
) -> None:
    out = run_console(
        app,
        '/partnerbot nettverk ny "Tomt nettverk"\n'
        '/horing ny "Ingen" frist 15.09.2099 nettverk Tomt\n',
    )
    assert "Hvem skal svare på høringen?" in out, out


def test_more_seats_tell_the_waitlist_why(app: App, bot: TestBot) -> None:
    import re

    out = run_console(
        app,
        '/konferanse ny "Smal samling" dato 15.01.2100 kl 10-15 plasser 1 publikum infrastruktur\n',
    )
    n = re.search(r"[Kk]onferanse #(\d+)", out)
    assert n, out
    c = n.group(1)
    out = run_console(
        app,
        f"/konferanse kunngjør {c}\n/som Ola Nordmann\n/konferanse meld på {c}\n"
        f"/som Per Hansen\n/konferanse meld på {c}\n/som Ingrid Berg\n"
        f"/konferanse endre {c} plasser 2\n",
    )
    per = out.split("── @Per Hansen ──", 1)[1]
    assert "det ble flere plasser" in per, out
    assert "noen meldte seg av" not in per


def test_a_poll_nobody_answered_says_so(app: App, bot: TestBot) -> None:
    import re
    from datetime import UTC, datetime

    out = run_console(app, '/mote ny "Møte" tider 10.12.2099 kl 10-12, 11.12.2099 kl 13-15\n')
    poll = re.search(r"[Mm]øtepoll #(\d+)", out)
    assert poll, out
    out = run_console(app, f"/mote lukk {poll.group(1)}\n")
    assert f"Ingen har svart på møtepoll #{poll.group(1)} ennå." in out, out
    now = datetime(2099, 12, 1, 8, 0, tzinfo=UTC)
    bot.run(
        '/mote ny "Auto" tider 10.12.2099 kl 10-12, 11.12.2099 kl 13-15 svarfrist 5.12.2099 kl 12',
        now=now,
    )
    sent = bot.dispatch(datetime(2099, 12, 5, 12, 0, tzinfo=UTC))
    closed = [text for _, text in sent if "Auto" in text]
    assert closed and "ingen svarte på møtepollen" in closed[0], sent
    assert "ingen tidspunkt passet" not in closed[0]


def test_deleting_an_action_asks_first(app: App, bot: TestBot) -> None:
    n = new_action_number(run_console(app, '/tiltak ny "Telle trafikk"\n'))
    out = run_console(app, f"/tiltak slett {n}\n")
    assert f"Vil du slette tiltak #{n} «Telle trafikk»" in out, out
    assert f"`/tiltak slett {n} bekreft`" in out
    with app.db.transaction() as s:
        assert s.get(Action, int(n)) is not None
    out = run_console(app, f"/tiltak slett {n} bekreft\n")
    assert "er slettet" in out
    with app.db.transaction() as s:
        assert s.get(Action, int(n)) is None


def test_the_action_list_labels_its_columns(app: App, bot: TestBot) -> None:
    run_console(app, '/tiltak ny "Telle trafikk" ansvarlig "Ola Nordmann" frist 1.6.2099\n')
    out = run_console(app, "/tiltak liste\n")
    line = next(x for x in out.splitlines() if "Telle trafikk" in x)
    assert "ansvarlig: Ola Nordmann" in line and "frist 01.06.2099" in line, line
    assert " — oppdatert " in line


def test_poll_slots_across_new_year_are_in_order_and_name_the_year(app: App, bot: TestBot) -> None:
    out = run_console(app, '/mote ny "Nyttår" tider 4.1.2100 kl 10-12, 30.12.2099 kl 10-12\n')
    lines = out.splitlines()
    first = next(x for x in lines if x.startswith("1."))
    second = next(x for x in lines if x.startswith("2."))
    assert "30. desember 2099" in first and "4. januar 2100" in second, out


def test_english_points_to_english_commands_and_buttons_match_the_footer(
    app: App, bot: TestBot
) -> None:
    out = run_console(
        app,
        "/partnerbot språk en\n"
        '/mote ny "New year" tider 4.1.2100 kl 10-12, 30.12.2099 kl 10-12\n'
        "/partnerbot oversikt\n",
    )
    assert "/mote vis" not in out and "/mote show 1" in out, out
    assert "[Yes: /mote answer 2 1:yes]" in out and "/mote svar 2 1:ja" not in out
    assert "`/mote answer 2 1:yes 2:maybe`" in out
    assert "/konferanse meld på" not in out


def test_a_meeting_and_an_open_poll_slot_at_one_time_are_warned_about(
    app: App, bot: TestBot
) -> None:
    import re

    out = run_console(
        app,
        '/mote ny "Første" tider 10.12.2099 kl 10-12, 11.12.2099 kl 13-15\n'
        '/mote ny "Andre" tider 10.12.2099 kl 11-13\n',
    )
    first, second = re.findall(r"møtepoll #(\d+)\.", out)
    out = run_console(app, f"/mote lukk {first} valg 1\n")
    assert "Møtet kolliderer med tidspunkt 1" in out and f"møtepollen #{second} «Andre»" in out
    out = run_console(app, '/mote ny "Tredje" tider 10.12.2099 kl 09-10:30\n')
    assert "Tidspunkt 1 kolliderer med møtet «Første»" in out, out


def test_day_before_reminders_of_a_monday_come_on_friday(app: App, bot: TestBot) -> None:
    import re
    from zoneinfo import ZoneInfo

    from storage.models import OutboxMessage

    out = run_console(app, '/mote ny "Mandagsmøte" tider 14.12.2099 kl 10-12\n')
    (poll,) = re.findall(r"møtepoll #(\d+)\.", out)
    run_console(app, f"/mote lukk {poll} valg 1\n")
    out = run_console(
        app,
        '/konferanse ny "Mandagskonferanse" dato 14.12.2099 kl 10-15 publikum infrastruktur\n',
    )
    (conf,) = re.findall(r"[Kk]onferanse #(\d+)", out)[:1]
    run_console(
        app, f"/konferanse kunngjør {conf}\n/som Ola Nordmann\n/konferanse meld på {conf}\n"
    )
    oslo = ZoneInfo("Europe/Oslo")
    with app.db.transaction() as s:
        days = {
            (r.kind, f"{r.due_at.astimezone(oslo):%a %d.%m}")
            for r in s.scalars(
                select(OutboxMessage).where(
                    OutboxMessage.kind.in_(("meeting.reminder", "conference.day_before")),
                    OutboxMessage.state == "pending",
                )
            )
            if (r.payload or {}).get("which", "day_before") == "day_before"
        }
    assert ("meeting.reminder", "Fri 11.12") in days, days
    assert ("conference.day_before", "Fri 11.12") in days, days
    from datetime import datetime

    sent = bot.dispatch(datetime(2099, 12, 11, 12, 0, tzinfo=oslo))
    texts = "\n".join(text for _, text in sent)
    assert "Mandagsmøte er mandag 14. desember" in texts, texts
    assert "Velkommen til «Mandagskonferanse», mandag 14. desember" in texts
    assert "i morgen" not in texts


def test_one_new_goal_is_counted_in_the_singular(app: App, bot: TestBot) -> None:
    out = run_console(
        app,
        "/kanal #vest-telemark\n/tiltak importer\nMål 9: Eitt mål\n• Eitt tiltak\n.\n",
        user="Sigrid Aasen",
    )
    assert "Blir oppretta: 1 nytt mål og 1 nytt tiltak" in out, out
    assert "1 nye mål" not in out and "1 nye tiltak" not in out


def test_words_one_letter_off_a_keyword_pass_where_no_keyword_could_stand(
    app: App, bot: TestBot
) -> None:
    out = run_console(
        app,
        '/mote ny "Langt møte" tider 10.12.2099 kl 10, 11.12.2099 kl 13 varighet 2 timer\n',
    )
    assert "har laget møtepoll" in out, out


def test_the_new_queries_on_both_engines(any_db: object) -> None:
    """Organisation owners in the overview, the digest now, clashes and partnerships, on
    SQLite and PostgreSQL."""
    import re

    from bot import demo
    from storage.db import Database
    from tests.conftest import make_settings

    assert isinstance(any_db, Database)
    app = App.build(
        make_settings(str(any_db.engine.url.render_as_string(hide_password=False))), any_db
    )
    demo.load(app.db, app.settings)
    out = run_console(
        app,
        '/tiltak ny "Tokke-tiltak" ansvarleg "Tokke kommune" frist i dag\n'
        '/tiltak ny "Kviteseid-tiltak" ansvarleg "Kviteseid kommune" frist i dag\n'
        "/partnerbot digest nå\n"
        "/som Tone Haugen\n/partnerbot oversikt\n/som Sigrid Aasen\n/partnerbot oversikt\n",
        user="Sigrid Aasen",
        channel="#vest-telemark",
    )
    tone = out.split("Tone Haugen @ #vest-telemark> /partnerbot oversikt", 1)[1].split("> ", 1)[0]
    assert "Tokke-tiltak" in tone and "Kviteseid-tiltak" not in tone
    assert "── #vest-telemark ──\nVekesamandrag for" in out
    out = run_console(
        app,
        '/mote ny "Første" tider 10.12.2099 kl 10-12\n/mote ny "Andre" tider 10.12.2099 kl 11-13\n'
        '/partnerbot partnerskap ny "Grenlandsrådet"\n'
        '/partnerbot nettverk ny "Nettverk for helse" partnerskap grenland\n',
    )
    first, second = re.findall(r"møtepoll #(\d+)\.", out)
    assert "Partnerskapet «Grenlandsrådet» er opprettet." in out
    out = run_console(app, f"/mote lukk {first} valg 1\n")
    assert f"møtepollen #{second} «Andre»" in out, out


def test_a_list_value_may_mix_quoted_and_plain_names(app: App, bot: TestBot) -> None:
    out = run_console(
        app,
        '/horing ny "Liste" frist 15.09.2099 mottakere "Horten kommune", Larvik kommune\n'
        '/horing ny "Liste to" frist 15.09.2099 mottakere "Horten kommune" og "Larvik kommune"\n'
        '/horing ny "Liste tre" frist 15.09.2099 mottakere "Horten kommune" Larvik\n',
    )
    assert out.count("er registrert") == 2, out
    assert "Kjenner ikke «Larvik»" in out
