"""An organiser's rights stop at their own partnership: Politisk partnerskap Vestfold's
organisers (Marte Lie, Kari Nordmann) and Vest-Telemarkrådet's (Sigrid Aasen) each manage
their own partnership's hearings, polls and conferences, not the other's; an admin
manages everything. On SQLite and PostgreSQL where the database decides."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlalchemy import select, text, update

from bot import demo
from bot.app import App
from storage.accounts import new_member
from storage.db import Database
from storage.models import (
    Action,
    Base,
    Hearing,
    Member,
    Network,
    OutboxMessage,
    Partnership,
    Poll,
)
from tests.conftest import make_settings
from tests.helpers import TestBot

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # Monday 09:00 in Oslo
VT = "#vest-telemark"
VESTFOLD, VEST_TELEMARK = "Politisk partnerskap Vestfold", "Vest-Telemarkrådet"


def demo_bot(db: Database) -> TestBot:
    app = App.build(make_settings(db.engine.url.render_as_string(hide_password=False)), db)
    demo.load(db, app.settings, now=NOW)
    return TestBot(app)


def made(out: str, what: str) -> int:
    found = re.search(rf"{what} #(\d+)", out)
    assert found, out
    return int(found.group(1))


def dump(bot: TestBot) -> dict[str, list[tuple[object, ...]]]:
    with bot.app.db.engine.connect() as conn:
        return {
            name: sorted(conn.execute(text(f'SELECT * FROM "{name}"')).all(), key=repr)
            for name in Base.metadata.tables
        }


def test_vestfolds_organiser_cannot_close_vest_telemarks_hearing_but_its_own_can(
    any_db: Database,
) -> None:
    bot = demo_bot(any_db)
    number = made(
        bot.run(
            '/horing ny "Kommuneplan for Tokke" frist 15.04.2026 mottakere "Tokke kommune"',
            as_="Ingrid Berg",
            channel=VT,
            now=NOW,
        ),
        "Høring",
    )
    before = dump(bot)

    out = bot.run(f"/horing avslutt {number}", as_="Marte Lie", channel=VT, now=NOW)

    assert out == (
        f"Du er organisator i {VESTFOLD}, men dette hører til {VEST_TELEMARK}, og der har du "
        f"ikke den rollen. Be en administrator eller en organisator i {VEST_TELEMARK} om å "
        "gjøre det: Sigrid Aasen, Ingrid Berg."
    )
    assert dump(bot) == before
    # Typed in Vestfold's own channel it is the same hearing, and the same no.
    assert "Du er organisator i" in bot.run(
        f"/horing avslutt {number}", as_="Kari Nordmann", now=NOW
    )
    assert dump(bot) == before

    out = bot.run(f"/horing avslutt {number}", as_="Sigrid Aasen", channel=VT, now=NOW)

    assert "er avslutta" in out, out
    with any_db.transaction() as s:
        hearing = s.get(Hearing, number)
        assert hearing is not None and hearing.state == "closed"
        pending = s.scalars(
            select(OutboxMessage).where(
                OutboxMessage.object_type == "hearing",
                OutboxMessage.object_id == number,
                OutboxMessage.state == "pending",
            )
        ).all()
        assert pending == []


def test_the_refusal_says_whose_it_is_in_the_members_language(any_db: Database) -> None:
    bot = demo_bot(any_db)
    # Sigrid writes nynorsk (Vest-Telemarkrådet's language); the demo hearing #1 is Vestfold's.
    assert bot.run("/horing endre 1 frist 20.04.2026", as_="Sigrid Aasen", now=NOW) == (
        f"Du er organisator i {VEST_TELEMARK}, men dette høyrer til {VESTFOLD}, og der har du "
        f"ikkje den rolla. Be ein administrator eller ein organisator i {VESTFOLD} om å gjere "
        "det: Kari Nordmann, Marte Lie, Ingrid Berg."
    )
    bot.run("/partnerbot språk en", as_="Sigrid Aasen", now=NOW)
    assert bot.run("/horing avslutt 1", as_="Sigrid Aasen", now=NOW) == (
        f"You are an organiser in {VEST_TELEMARK}, but this belongs to {VESTFOLD}, where you "
        f"do not have that role. Ask an admin or an organiser in {VESTFOLD} to do it: "
        "Kari Nordmann, Marte Lie, Ingrid Berg."
    )


def test_an_admin_manages_every_partnership(bot: TestBot) -> None:
    number = made(
        bot.run(
            '/mote ny "Arbeidsmøte Vest-Telemark" tider 10.03.2026 kl 10-12',
            as_="Sigrid Aasen",
            channel=VT,
            now=NOW,
        ),
        "møtepoll",
    )
    assert bot.run(f"/mote lukk {number} 1", as_="Marte Lie", now=NOW).startswith(
        f"Du er organisator i {VESTFOLD}"
    )
    bot.run(f"/mote lukk {number} 1", as_="Ingrid Berg", now=NOW)
    with bot.app.db.transaction() as s:
        poll = s.get(Poll, number)
        assert poll is not None and poll.state == "closed"


def test_an_organiser_of_another_partnership_may_still_take_part_where_they_are_a_member(
    bot: TestBot,
) -> None:
    """Sigrid added to a Vestfold network as a member takes part there, but does not manage
    what others made in it."""
    bot.run('/partnerbot medlem "Sigrid Aasen" nettverk infrastruktur', as_="Ingrid Berg")
    out = bot.run('/tiltak ny "Felles pendlerkart" frist 01.06.2026', as_="Sigrid Aasen", now=NOW)
    assert made(out, "Tiltak")
    out = bot.run("/horing avslutt 1", as_="Sigrid Aasen", now=NOW)
    assert out.startswith(f"Du er organisator i {VEST_TELEMARK}, men dette høyrer til"), out


def test_a_conference_made_outside_a_channel_belongs_where_its_audience_is(bot: TestBot) -> None:
    """No network of its own: its audience's networks decide, when they all lie in one
    partnership; an audience across partnerships is only its maker's and the admins'."""
    dm = "D-ingrid"  # a channel bound to no network
    vt = made(
        bot.run(
            '/konferanse ny "Vest-Telemarkdagen" dato 23.04.2026 kl 09-15 '
            'publikum "Arbeidsprogram Vest-Telemark"',
            channel=dm,
            now=NOW,
        ),
        "Konferanse",
    )
    both = made(
        bot.run(
            '/konferanse ny "Fellesdagen" dato 24.04.2026 kl 09-15 '
            'publikum "Arbeidsprogram Vest-Telemark, Nettverk for infrastruktur"',
            channel=dm,
            now=NOW,
        ),
        "Konferanse",
    )
    for number in (vt, both):
        assert "sendt" in bot.run(f"/konferanse kunngjør {number}", channel=dm, now=NOW)

    assert "Deltakarar på #" in bot.run(f"/konferanse deltakere {vt}", as_="Sigrid Aasen", now=NOW)
    assert bot.run(f"/konferanse deltakere {vt}", as_="Marte Lie", now=NOW).startswith(
        f"Du er organisator i {VESTFOLD}, men dette hører til {VEST_TELEMARK}"
    )
    nobodys = "Dette høyrer ikkje til noko partnarskap, så berre den som laga det"
    assert bot.run(f"/konferanse deltakere {both}", as_="Sigrid Aasen", now=NOW).startswith(nobodys)
    assert bot.run(f'/konferanse endre {both} sted "Bø"', as_="Marte Lie", now=NOW).startswith(
        "Dette hører ikke til noe partnerskap"
    )
    assert "Deltakere på #" in bot.run(f"/konferanse deltakere {both}", now=NOW)  # the admin


def test_drafts_of_another_partnership_do_not_exist_for_its_organisers(bot: TestBot) -> None:
    draft = made(
        bot.run('/konferanse ny "Utkastdagen" dato 24.04.2026 kl 09-15', now=NOW), "Konferanse"
    )
    assert "Utkastdagen" in bot.run("/konferanse liste", as_="Marte Lie", now=NOW)
    assert "Utkastdagen" not in bot.run("/konferanse liste", as_="Sigrid Aasen", now=NOW)
    assert "Utkastdagen" not in bot.run(f"/konferanse vis {draft}", as_="Sigrid Aasen", now=NOW)


def test_me_shows_where_the_role_counts(bot: TestBot) -> None:
    assert f"organisator i {VESTFOLD}" in bot.run("/partnerbot meg", as_="Marte Lie")
    assert f"organisator i {VEST_TELEMARK}" in bot.run("/partnerbot meg", as_="Sigrid Aasen")
    assert "administrator (i alle partnerskap)" in bot.run("/partnerbot meg")
    assert "medlem\n" in bot.run("/partnerbot meg", as_="Ola Nordmann") + "\n"


def test_networks_outside_any_partnership_are_organised_by_organisers_outside_any(
    db: Database,
) -> None:
    """A deployment that never made a partnership: its organisers keep their rights there,
    and an organiser placed in a partnership has none in them."""
    with db.transaction() as s:
        net = Network(name="Nettverk for klima")
        s.add(net)
        s.flush()
        for name, role in (("Anne", "organiser"), ("Bo", "member")):
            new_member(s, "console", name, name=name, role=role).networks = [net]
        placed = new_member(s, "console", "Cato", name="Cato", role="organiser")
        placed.partnership = Partnership(name="Grenlandsrådet")
        s.flush()
    bot = TestBot(App.build(make_settings(db.engine.url.render_as_string(hide_password=False)), db))
    number = made(
        bot.run(
            '/horing ny "Klimaplan" frist 15.04.2026 nettverk klima mottakere +Klimaetaten',
            as_="Bo",
            now=NOW,
        ),
        "Høring",
    )
    assert bot.run(f"/horing avslutt {number}", as_="Cato", channel="D", now=NOW) == (
        "Du er organisator i Grenlandsrådet, men dette hører til nettverk uten partnerskap, og "
        "der har du ikke den rollen. Be en administrator eller en organisator i nettverk uten "
        "partnerskap om å gjøre det: Anne."
    )
    assert "er avsluttet" in bot.run(f"/horing avslutt {number}", as_="Anne", channel="D", now=NOW)
    assert "organisator i nettverk uten partnerskap" in bot.run("/partnerbot meg", as_="Anne")


def test_an_admin_places_an_organiser_in_another_partnership(bot: TestBot) -> None:
    out = bot.run('/partnerbot medlem "Marte Lie" partnerskap "Vest-Telemark"', now=NOW)
    assert out == f"Marte Lie er oppdatert: organisator i {VEST_TELEMARK} (Larvik kommune)."
    assert "Du er organisator i Vest-Telemarkrådet" in bot.run(
        "/horing avslutt 1", as_="Marte Lie", now=NOW
    )
    out = bot.run('/partnerbot medlem "Marte Lie" partnerskap "Grenland"', now=NOW)
    assert out.startswith(
        f"Kjenner ikke partnerskapet «Grenland». Partnerskap: {VESTFOLD}, {VEST_TELEMARK}."
    ), out
    assert f"organisator i {VEST_TELEMARK}" in bot.run("/partnerbot meg", as_="Marte Lie")
    # Only an admin places members, an organiser not even in their own partnership.
    assert bot.run(
        '/partnerbot medlem "Knut Vik" partnerskap Vest-Telemark rolle organisator',
        as_="Sigrid Aasen",
    ).startswith("Berre administratorar kan gjere dette.")


def test_a_hearing_is_not_moved_into_another_partnerships_network(bot: TestBot) -> None:
    before = dump(bot)
    out = bot.run('/horing endre 1 nettverk "Arbeidsprogram Vest-Telemark"', as_="Marte Lie")
    assert out.startswith(f"Du er organisator i {VESTFOLD}, men dette hører til {VEST_TELEMARK}")
    assert dump(bot) == before


def test_nudges_about_an_action_without_owner_go_to_the_organisers_of_its_partnership(
    bot: TestBot,
) -> None:
    """Marte Lie (Vestfold's organiser) added to Vest-Telemark's network takes part there
    but does not organise it: the overdue nudge and her overview leave her out."""
    bot.run('/partnerbot medlem "Marte Lie" nettverk "Arbeidsprogram Vest-Telemark"', now=NOW)
    out = bot.run(
        '/tiltak ny "Kartleggje breiband" frist 03.03.2026', as_="Knut Vik", channel=VT, now=NOW
    )
    number = made(out, "Tiltak")
    with bot.app.db.transaction() as s:
        s.get(Action, number).created_by = None  # type: ignore[union-attr]
    bot.run(f"/tiltak endre {number} frist 03.03.2026", as_="Ingrid Berg", channel=VT, now=NOW)
    sent = bot.dispatch(datetime(2026, 3, 4, 8, 0, tzinfo=UTC))  # 09:00 in Oslo
    assert sorted(to for to, text in sent if f"#{number} " in text) == ["Sigrid Aasen"]
    later = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
    assert "Kartleggje breiband" in bot.run("/partnerbot oversikt", as_="Sigrid Aasen", now=later)
    assert "Kartleggje breiband" not in bot.run("/partnerbot oversikt", as_="Marte Lie", now=later)


def test_an_import_is_confirmed_with_the_rights_of_the_moment(bot: TestBot) -> None:
    """The preview was Marte's to make; moved to another partnership before she confirms,
    the confirmation is refused and nothing is imported."""
    programme = "Mål 9: Betre kollektivtilbod\nTiltak:\n • Kartleggje busstilbodet\n"
    preview = bot.run("/tiltak importer", as_="Marte Lie", now=NOW, body=programme)
    assert "bekreft" in preview, preview
    bot.run('/partnerbot medlem "Marte Lie" partnerskap "Vest-Telemark"', now=NOW)
    before = dump(bot)
    out = bot.run("/tiltak importer bekreft", as_="Marte Lie", now=NOW)
    # In nynorsk now: Vest-Telemarkrådet's language is hers.
    assert out.startswith(f"Du er organisator i {VEST_TELEMARK}, men dette høyrer til {VESTFOLD}")
    assert dump(bot) == before


def test_a_conference_is_not_handed_to_another_partnership_by_a_new_audience(
    bot: TestBot,
) -> None:
    out = bot.run(
        '/konferanse ny "Samferdselsdagen" dato 23.04.2026 kl 09-15 '
        'publikum "Nettverk for infrastruktur"',
        as_="Marte Lie",
        channel="D-marte",
        now=NOW,
    )
    number = made(out, "Konferanse")
    before = dump(bot)
    out = bot.run(
        f'/konferanse endre {number} publikum "Arbeidsprogram Vest-Telemark"',
        as_="Marte Lie",
        channel="D-marte",
        now=NOW,
    )
    assert out.startswith(f"Du er organisator i {VESTFOLD}, men dette hører til {VEST_TELEMARK}")
    assert dump(bot) == before
    out = bot.run(
        f'/konferanse endre {number} publikum "Nettverk for infrastruktur, Nettverk for arbeid"',
        as_="Marte Lie",
        channel="D-marte",
        now=NOW,
    )
    assert out.startswith(f"Konferanse #{number} «Samferdselsdagen» er oppdatert"), out


def test_a_hearing_whose_network_is_gone_is_only_its_makers_and_the_admins(bot: TestBot) -> None:
    """Networks are never deleted by a command, but the column allows it (SET NULL): such
    a hearing belongs to no partnership, and no organiser manages it."""
    number = made(
        bot.run(
            '/horing ny "Gammal plan" frist 15.04.2026 mottakere "Tokke kommune"',
            as_="Knut Vik",
            channel=VT,
            now=NOW,
        ),
        "Høyring",
    )
    with bot.app.db.transaction() as s:
        s.get(Hearing, number).network_id = None  # type: ignore[union-attr]
    before = dump(bot)
    for organiser in ("Sigrid Aasen", "Marte Lie"):
        out = bot.run(f"/horing avslutt {number}", as_=organiser, channel=VT, now=NOW)
        assert out.startswith(("Dette hører ikke til noe", "Dette høyrer ikkje til noko")), out
    assert dump(bot) == before
    assert "er avslutta" in bot.run(f"/horing avslutt {number}", as_="Knut Vik", now=NOW)


def test_an_organiser_made_in_a_networks_channel_organises_its_partnership(bot: TestBot) -> None:
    """`rolle organisator` without `partnerskap`: the role counts in the partnership of the
    network the command is about (the channel's, or `nettverk X`)."""
    out = bot.run('/partnerbot medlem ny "Ola Nord" rolle organisator', now=NOW)
    assert out.startswith(f"Ola Nord er lagt til som organisator i {VESTFOLD}"), out
    bot.run("/partnerbot meg", as_="Eva Ny")  # first contact: in no partnership yet
    bot.run('/partnerbot medlem "Eva Ny" rolle organisator', channel=VT, now=NOW)
    assert f"organisator i {VEST_TELEMARK}" in bot.run("/partnerbot meg", as_="Eva Ny")
    assert "Du er organisator i" not in bot.run("/horing avslutt 1", as_="Ola Nord", now=NOW)
    out = bot.run('/partnerbot medlem ny "Siv Berg" rolle organisator nettverk vest-telemark')
    assert out == f"Siv Berg er lagt til som organisator i {VEST_TELEMARK} (—).", out


def test_an_organiser_made_where_no_network_is_must_be_placed(bot: TestBot) -> None:
    before = dump(bot)
    out = bot.run('/partnerbot medlem ny "Per Dam" rolle organisator', channel="D-ingrid", now=NOW)
    assert out == (
        "Hvilket partnerskap skal rollen til Per Dam gjelde i? Legg til "
        '`partnerskap "..."` eller `nettverk "..."`. Partnerskap: '
        f"{VESTFOLD}, {VEST_TELEMARK}. Ingenting er lagret."
    )
    assert dump(bot) == before
    out = bot.run(
        '/partnerbot medlem ny "Per Dam" rolle organisator partnerskap Vest-Telemark',
        channel="D-ingrid",
        now=NOW,
    )
    assert f"organisator i {VEST_TELEMARK}" in out, out
    # Only a new role asks where it counts: an organiser left in none changes language.
    with bot.app.db.transaction() as s:
        s.execute(update(Member).where(Member.name == "Per Dam").values(partnership_id=None))
    out = bot.run('/partnerbot medlem "Per Dam" språk nn', channel="D-ingrid", now=NOW)
    assert out.startswith("Per Dam er oppdatert: organisator i"), out


def test_a_role_with_a_network_of_another_partnership_says_where_it_counts(
    bot: TestBot,
) -> None:
    """Kari stays Vestfold's organiser (a network lets one take part, not manage); the
    answer says so and how to move the role."""
    out = bot.run(
        '/partnerbot medlem "Kari Nordmann" rolle organisator nettverk vest-telemark', now=NOW
    )
    assert out.endswith(
        f"Rollen gjelder fortsatt i {VESTFOLD}, ikke i {VEST_TELEMARK}. Flytt den med "
        f'`/partnerbot medlem "Kari Nordmann" partnerskap "{VEST_TELEMARK}"`.'
    ), out
    assert f"organisator i {VESTFOLD}" in bot.run("/partnerbot meg", as_="Kari Nordmann")


def test_a_role_given_in_another_partnerships_channel_says_where_it_counts(
    bot: TestBot,
) -> None:
    """Without `nettverk`, the network the command is about is the channel's: Ola (placed
    in Vestfold) made organiser in Vest-Telemark's channel stays Vestfold's, and is told."""
    note = (
        f"Rollen gjelder fortsatt i {VESTFOLD}, ikke i {VEST_TELEMARK}. Flytt den med "
        f'`/partnerbot medlem "Ola Nordmann" partnerskap "{VEST_TELEMARK}"`.'
    )
    out = bot.run('/partnerbot medlem "Ola Nordmann" rolle organisator', channel=VT, now=NOW)
    assert out.endswith(note), out
    assert f"organisator i {VESTFOLD}" in bot.run("/partnerbot meg", as_="Ola Nordmann")
    out = bot.run('/partnerbot medlem "Ola Nordmann" rolle organisator', channel=VT, now=NOW)
    assert out.endswith(note), out  # asked again: told again
    out = bot.run('/partnerbot medlem ny "Kari Nordmann" rolle organisator', channel=VT, now=NOW)
    assert out.endswith(
        f"Rollen gjelder fortsatt i {VESTFOLD}, ikke i {VEST_TELEMARK}. Flytt den med "
        f'`/partnerbot medlem "Kari Nordmann" partnerskap "{VEST_TELEMARK}"`.'
    ), out
    # In Vestfold's own channel there is nothing to say.
    out = bot.run('/partnerbot medlem "Ola Nordmann" rolle organisator', now=NOW)
    assert "Flytt den" not in out, out


def test_vestfolds_organiser_manages_the_demos_conference_for_everyone(bot: TestBot) -> None:
    """Vestfoldkonferansen (audience `alle`, across both partnerships) was made by Ingrid
    Berg, placed in Vestfold: it is Vestfold's, so Marte Lie manages it, Sigrid Aasen not."""
    assert "Deltakere på #1" in bot.run("/konferanse deltakere 1", as_="Marte Lie", now=NOW)
    out = bot.run('/konferanse endre 1 sted "Larvik Arena"', as_="Marte Lie", now=NOW)
    assert "Larvik Arena" in out, out
    before = dump(bot)
    assert bot.run("/konferanse deltakere 1", as_="Sigrid Aasen", now=NOW).startswith(
        f"Du er organisator i {VEST_TELEMARK}, men dette høyrer til {VESTFOLD}"
    )
    out = bot.run('/konferanse endre 1 sted "Bø"', as_="Sigrid Aasen", now=NOW)
    assert out.startswith(f"Du er organisator i {VEST_TELEMARK}"), out
    assert dump(bot) == before


def test_an_organiser_of_another_partnership_who_wants_to_take_part_is_told_to_join(
    bot: TestBot,
) -> None:
    """Voting, and making an action, hearing or poll, need membership, not a role: Sigrid
    gets the text any non-member gets (ask an admin to add you), not "ask an organiser of
    Vestfold to do it" as if someone else should vote for her."""
    poll = made(
        bot.run('/mote ny "Nettverksmøte" tider 10.03.2026 10:00, 11.03.2026 10:00', now=NOW),
        "Møtepoll",
    )
    before = dump(bot)
    joins = "Be ein administrator (Ingrid Berg) leggje deg til"
    for line in (
        f"/mote svar {poll} alle ja",
        '/mote ny "Møte" tider 12.03.2026 10:00',
        '/tiltak ny "Felles pendlerkart" frist 01.06.2026',
        '/horing ny "Plan" frist 15.04.2026 mottakere "Tokke kommune"',
    ):
        out = bot.run(line, as_="Sigrid Aasen", now=NOW)
        assert joins in out and "Du er organisator" not in out, (line, out)
    assert dump(bot) == before


def test_a_member_refused_an_organisers_command_is_told_whom_to_ask(bot: TestBot) -> None:
    """The no names where the role would count and who has it, in the member's language;
    nothing is saved."""
    before = dump(bot)
    out = bot.run("/partnerbot digest fredag 14:00", as_="Ola Nordmann", now=NOW)
    assert out == (
        f"Bare organisatorer i {VESTFOLD} og administratorer kan gjøre dette. "
        "Be en av dem: Kari Nordmann, Marte Lie, Ingrid Berg."
    )
    out = bot.run('/tiltak mål ny 4 "Betre vegar"', as_="Tone Haugen", channel=VT, now=NOW)
    assert out == (
        f"Berre organisatorar i {VEST_TELEMARK} og administratorar kan gjere dette. "
        "Be ein av dei: Sigrid Aasen, Ingrid Berg."
    )
    out = bot.run("/konferanse deltakere 1", as_="Ola Nordmann", now=NOW)
    assert out.startswith(f"Bare organisatorer i {VESTFOLD} og administratorer"), out
    assert dump(bot) == before
