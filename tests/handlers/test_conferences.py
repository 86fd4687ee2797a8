"""Conferences through the bot: create, announce, RSVP with seats and waitlist, reminders, files."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from sqlalchemy import select

from storage.models import Conference, Member, OutboxMessage, Registration
from tests.helpers import TestBot

OSLO = ZoneInfo("Europe/Oslo")
NEW = (
    '/konferanse ny "Vestfoldkonferansen 2026" dato torsdag 16. april kl 09-16 '
    'sted "Quality Hotel Tønsberg" tema "Utenforskap i opplæring" '
    "program https://example.org/program påmeldingsfrist 10. april plasser 2 "
    'publikum "Nettverk for infrastruktur"'
)
INFRA = {"Ingrid Berg", "Ola Nordmann", "Per Hansen", "Lise Dahl", "Jon Bakke", "Marte Lie"}


def oslo(*args: int) -> datetime:
    return datetime(*args, tzinfo=OSLO)  # type: ignore[misc]


def create(bot: TestBot, now: datetime, line: str = NEW, as_: str = "Kari Nordmann") -> int:
    text = bot.run(line, as_=as_, now=now)
    found = re.search(r"Konferanse #(\d+)", text)
    assert found, text
    return int(found.group(1))


def announced(bot: TestBot, now: datetime, line: str = NEW) -> int:
    cid = create(bot, now, line)
    assert "sendt til #infrastruktur og" in bot.run(
        f"/konferanse kunngjør {cid}", as_="Kari Nordmann", now=now
    )
    bot.dispatch(now)
    return cid


def statuses(bot: TestBot, cid: int) -> dict[str, str]:
    with bot.app.db.transaction() as s:
        regs = s.scalars(select(Registration).where(Registration.conference_id == cid)).all()
        return {r.member.name: r.status for r in regs}


# -- creating ------------------------------------------------------------------------------


def test_create_stores_a_draft_with_all_fields(bot: TestBot, now: datetime) -> None:
    cid = create(bot, now)
    text = bot.last.plain()  # type: ignore[union-attr]
    assert "lagret som utkast" in text and "/konferanse kunngjør" in text
    assert "torsdag 16. april 2026 kl 09:00–16:00" in text
    with bot.app.db.transaction() as s:
        conf = s.get(Conference, cid)
        assert conf is not None
        assert conf.state == "draft" and conf.seats == 2 and conf.place == "Quality Hotel Tønsberg"
        assert conf.start_at == oslo(2026, 4, 16, 9) and conf.end_at == oslo(2026, 4, 16, 16)
        assert conf.registration_deadline == oslo(2026, 4, 10, 23, 59)
        assert [a.network_id for a in conf.audience] and not conf.audience_all
    # a draft does not exist for members, and nothing was sent
    out = bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=now)
    assert out.startswith(f"Finner ingen konferanse #{cid}.") and "Vestfold" not in out
    assert bot.dispatch(now) == []


def test_a_day_without_time_is_all_day_and_aliases_work(bot: TestBot, now: datetime) -> None:
    text = bot.run(
        '/samling new "Ordførersamling" date 21. mai place "Klækken hotell" seats 40 audience alle',
        as_="Marte Lie",
        now=now,
    )
    assert "Konferanse #" in text and "torsdag 21. mai 2026" in text
    assert "kl" not in text.split("Tid")[1].splitlines()[0]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('/konferanse ny "X" dato 5. mars 2025 kl 09-16 publikum alle', "har allerede vært"),
        ('/konferanse ny "X" dato i dag kl 07-08 publikum alle', "har allerede vært"),
        (
            '/konferanse ny "X" dato torsdag 16. april kl 09-16 plasser 0 publikum alle',
            "«0» er ikke et gyldig antall plasser",
        ),
        (
            '/konferanse ny "X" dato torsdag 16. april kl 09-16 plasser -5 publikum alle',
            "«-5» er ikke et gyldig antall plasser",
        ),
        (
            '/konferanse ny "X" dato torsdag 16. april kl 09-16 plasser mange publikum alle',
            "«mange» er ikke et gyldig antall plasser",
        ),
        (
            '/konferanse ny "X" dato torsdag 16. april kl 09-16 publikum "Nettverk for fotball"',
            "«Nettverk for fotball» er verken et nettverk eller en organisasjon",
        ),
        (
            '/konferanse ny "X" dato torsdag 16. april kl 09-16 publikum alle, Sjakklubben',
            "«Sjakklubben» er verken et nettverk",
        ),
        ('/konferanse ny "X" dato tulledag kl 9 publikum alle', "Jeg forstod ikke datoen"),
        ('/konferanse ny "X" dato 16. april kl 9-11, 17. april kl 9-11 publikum alle', "én dato"),
        ('/konferanse ny "X" publikum alle', "Når er konferansen?"),
        ("/konferanse ny dato 16. april kl 9-11", "trenger et navn"),
        (
            '/konferanse ny "X" dato torsdag 16. april kl 09-16 påmeldingsfrist 20. april '
            "publikum alle",
            "må være før konferansen",
        ),
        (
            '/konferanse ny "X" dato torsdag 16. april kl 09-16 påmeldingsfrist 1. mars 2026 '
            "publikum alle",
            "Påmeldingsfristen søndag 1. mars 2026 kl 23:59 har allerede vært",
        ),
    ],
)
def test_bad_input_is_refused_with_what_to_type(
    bot: TestBot, now: datetime, line: str, expected: str
) -> None:
    assert expected in bot.run(line, as_="Kari Nordmann", now=now)
    with bot.app.db.transaction() as s:
        assert s.scalars(select(Conference).where(Conference.title == "X")).all() == []


def test_members_cannot_create_and_without_audience_in_unbound_channel(
    bot: TestBot, now: datetime
) -> None:
    assert "Bare organisatorer" in bot.run(NEW, as_="Ola Nordmann", now=now)
    text = bot.run(
        '/konferanse ny "X" dato torsdag 16. april kl 9-16',
        as_="Kari Nordmann",
        channel="#ukjent",
        now=now,
    )
    assert "Hvem er konferansen for?" in text


def test_replies_in_nynorsk_and_english(bot: TestBot, now: datetime) -> None:
    # Sigrid's partnership (Vest-Telemarkrådet) writes nynorsk; Jon Bakke writes English.
    assert "Vel ein dato fram i tid" in bot.run(
        '/konferanse ny "X" dato 5. mars 2025 kl 9-16 publikum alle', as_="Sigrid Aasen", now=now
    )
    assert (
        bot.run(
            '/conference new "X" date 16 April 9-16 seats 0 audience all', as_="Jon Bakke", now=now
        )
        == "Only organisers in Politisk partnerskap Vestfold and admins can do this. "
        "Ask one of them: Kari Nordmann, Marte Lie, Ingrid Berg."
    )
    assert "There is no conference #999" in bot.run(
        "/conference show 999", as_="Jon Bakke", now=now
    )


# -- announcing and RSVP -------------------------------------------------------------------


def test_announce_posts_invitation_with_rsvp_buttons(bot: TestBot, now: datetime) -> None:
    cid = create(bot, now)
    reply = bot.run(f"/konferanse kunngjør {cid}", as_="Kari Nordmann", now=now)
    assert reply == (
        "Invitasjonen til «Vestfoldkonferansen 2026» er sendt til "
        "#infrastruktur og når 6 medlemmer."
    )
    sent = bot.dispatch(now)
    assert [d for d, _ in sent] == ["#infrastruktur"]
    assert "Invitasjon: Vestfoldkonferansen 2026" in sent[0][1]
    _, posted = bot.messenger.sent[-1]
    buttons = [b for block in posted.blocks if hasattr(block, "buttons") for b in block.buttons]
    assert [b.command for b in buttons] == [
        f"/konferanse meld på {cid}",
        f"/konferanse kanskje {cid}",
        f"/konferanse meld av {cid}",
    ]
    assert posted.object_ref == ("conference", cid)
    # announcing twice sends nothing new
    assert "sendes ikke på nytt" in bot.run(
        f"/konferanse kunngjør {cid}", as_="Kari Nordmann", now=now
    )
    assert bot.dispatch(now) == []


def test_organisation_audience_gets_direct_invitations(bot: TestBot, now: datetime) -> None:
    cid = create(bot, now, NEW.replace('"Nettverk for infrastruktur"', '"Seljord kommune"'))
    assert bot.run(f"/konferanse kunngjør {cid}", as_="Kari Nordmann", now=now) == (
        "Invitasjonen til «Vestfoldkonferansen 2026» er sendt og når 1 medlem."
    )
    assert [d for d, _ in bot.dispatch(now)] == ["Knut Vik"]


def test_seats_waitlist_promotion_and_friendly_no_ops(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now)
    assert "Du er påmeldt" in bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=now)
    assert "allerede påmeldt" in bot.run(f"/konferanse meld på #{cid}", as_="Ola Nordmann", now=now)
    assert "Du er påmeldt" in bot.run(f"/konferanse register {cid}", as_="Per Hansen", now=now)
    assert "nr. 1 på ventelisten" in bot.run(
        f"/konferanse påmelding {cid}", as_="Lise Dahl", now=now
    )
    assert "You are number 2 on the waitlist" in bot.run(
        f"/konferanse meld på {cid}", as_="Jon Bakke", now=now
    )
    assert "allerede på ventelisten" in bot.run(
        f"/konferanse meld på {cid}", as_="Lise Dahl", now=now
    )
    assert "0 of 2 left, 2 on the waitlist" in bot.run(
        f"/konferanse vis {cid}", as_="Jon Bakke", now=now
    )
    # not registered: "meld av" is a no to the invitation, which takes no seat
    assert "du kommer ikke" in bot.run(f"/konferanse meld av {cid}", as_="Marte Lie", now=now)
    assert bot.dispatch(now) == []
    later = now + timedelta(hours=1)
    assert "gikk til nestemann" in bot.run(
        f"/konferanse meld av {cid}", as_="Ola Nordmann", now=later
    )
    sent = bot.dispatch(later)
    assert [d for d, _ in sent] == ["Lise Dahl"] and "Du har fått plass" in sent[0][1]
    assert statuses(bot, cid) == {
        "Ola Nordmann": "cancelled",
        "Per Hansen": "registered",
        "Lise Dahl": "registered",
        "Jon Bakke": "waitlisted",
        "Marte Lie": "declined",
    }
    assert "number 1 on the waitlist" in bot.run(
        f"/konferanse vis {cid}", as_="Jon Bakke", now=later
    )
    # leaving the waitlist gives nobody a seat
    assert "left the waitlist" in bot.run(f"/konferanse meld av {cid}", as_="Jon Bakke", now=later)
    assert bot.dispatch(later) == []


def test_maybe_keeps_no_seat_and_never_drops_one(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now)
    assert "Notert: kanskje" in bot.run(f"/konferanse kanskje {cid}", as_="Lise Dahl", now=now)
    assert "allerede svart kanskje" in bot.run(f"/konferanse maybe {cid}", as_="Lise Dahl", now=now)
    bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=now)
    assert "beholder den" in bot.run(f"/konferanse kanskje {cid}", as_="Ola Nordmann", now=now)
    assert statuses(bot, cid) == {"Lise Dahl": "maybe", "Ola Nordmann": "registered"}
    assert "Du er påmeldt" in bot.run(f"/konferanse meld på {cid}", as_="Lise Dahl", now=now)


def test_edit_more_seats_promotes_and_moves_reminders(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now)
    for name in ("Ola Nordmann", "Per Hansen", "Lise Dahl"):
        bot.run(f"/konferanse meld på {cid}", as_=name, now=now)
    assert "Bare organisatorer" in bot.run(
        f"/konferanse endre {cid} plasser 3", as_="Ola Nordmann", now=now
    )
    text = bot.run(
        f"/konferanse endre {cid} plasser 3 påmeldingsfrist 3. april", as_="Kari Nordmann", now=now
    )
    assert "oppdatert" in text and "3 av 3" not in text
    assert [d for d, _ in bot.dispatch(now)] == ["Lise Dahl"]
    with bot.app.db.transaction() as s:
        rows = s.scalars(
            select(OutboxMessage).where(
                OutboxMessage.object_id == cid,
                OutboxMessage.kind == "conference.nonresponder",
                OutboxMessage.state == "pending",
            )
        ).all()
        assert {r.due_at for r in rows} == {oslo(2026, 3, 31, 9)}


# -- the clock: reminders and the deadline -------------------------------------------------


def test_reminders_go_once_to_the_right_people_and_deadline_closes(
    bot: TestBot, now: datetime
) -> None:
    cid = announced(bot, now)
    bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=now)
    bot.run(f"/konferanse meld på {cid}", as_="Per Hansen", now=now)
    bot.run(f"/konferanse kanskje {cid}", as_="Lise Dahl", now=now)
    bot.run(f"/konferanse meld på {cid}", as_="Marte Lie", now=now)  # waitlisted
    bot.run(f"/konferanse meld av {cid}", as_="Marte Lie", now=now)  # and gone again
    # Ingrid and Jon have not answered; Jon answers just before the reminder goes out
    assert bot.dispatch(oslo(2026, 4, 7, 8, 59)) == []
    bot.run(f"/konferanse meld på {cid}", as_="Jon Bakke", now=oslo(2026, 4, 7, 8, 30))
    sent = bot.dispatch(oslo(2026, 4, 7, 9, 0))
    assert [d for d, _ in sent] == ["Ingrid Berg"]
    assert "ikke svart på invitasjonen" in sent[0][1] and "fredag 10. april" in sent[0][1]
    assert bot.dispatch(oslo(2026, 4, 8, 9, 0)) == []

    # the organiser hears when registration closes; afterwards it is refused, naming her
    closing = bot.dispatch(oslo(2026, 4, 10, 23, 59))
    assert closing == [("Kari Nordmann", closing[0][1])]
    assert "2 påmeldt, 1 på venteliste, 1 kanskje" in closing[0][1]
    refused = bot.run(f"/konferanse meld på {cid}", as_="Ingrid Berg", now=oslo(2026, 4, 11, 8))
    assert "stengte fredag 10. april 2026 kl 23:59" in refused and "Kari Nordmann" in refused
    assert "Ingrid Berg" not in statuses(bot, cid)

    assert bot.dispatch(oslo(2026, 4, 15, 11, 59)) == []
    day_before = bot.dispatch(oslo(2026, 4, 15, 12, 0))
    assert sorted(d for d, _ in day_before) == ["Ola Nordmann", "Per Hansen"]
    text = dict(day_before)["Ola Nordmann"]
    assert "i morgen" in text and "Quality Hotel Tønsberg" in text
    assert "09:00–16:00" in text and "https://example.org/program" in text
    assert bot.dispatch(oslo(2026, 4, 15, 18, 0)) == []


def test_registering_after_the_reminder_moment_schedules_none(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now, NEW.replace("påmeldingsfrist 10. april ", ""))
    assert "Du er påmeldt" in bot.run(
        f"/konferanse meld på {cid}", as_="Ola Nordmann", now=oslo(2026, 4, 15, 13)
    )
    assert bot.dispatch(oslo(2026, 4, 16, 8)) == []
    refused = bot.run(f"/konferanse meld på {cid}", as_="Per Hansen", now=oslo(2026, 4, 16, 9))
    assert "stengte torsdag 16. april 2026 kl 09:00" in refused


# -- lists and files -----------------------------------------------------------------------


def test_participants_list_and_csv_for_organisers_only(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now)
    for name in ("Ola Nordmann", "Per Hansen", "Lise Dahl"):
        bot.run(f"/konferanse meld på {cid}", as_=name, now=now)
    assert "Bare organisatorer" in bot.run(
        f"/konferanse deltakere {cid}", as_="Per Hansen", now=now
    )
    reply = bot.reply(f"/konferanse deltakarar {cid}", as_="Kari Nordmann", now=now)
    text = reply.plain()
    assert "Påmeldt (2 av 2):\n  1. Ola Nordmann (Tønsberg kommune)\n  2. Per Hansen (NHO)" in text
    assert "Venteliste (1):\n  1. Lise Dahl (LO)" in text
    assert "Ikke svart ennå: 3 i publikum." in text
    [f] = reply.files
    rows = list(csv.reader(io.StringIO(f.data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "navn",
        "organisasjon",
        "status",
        "plass på venteliste",
        "tidspunkt",
        "merknad",
    ]
    assert rows[3][:4] == ["Lise Dahl", "LO", "venteliste", "1"]


def test_participants_csv_makes_names_that_look_like_formulas_inert(
    bot: TestBot, now: datetime
) -> None:
    cid = announced(bot, now)
    bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=now)
    with bot.app.db.transaction() as s:  # a Slack name is the member's own text
        ola = s.scalar(select(Member).where(Member.name == "Ola Nordmann"))
        assert ola is not None
        ola.name = '=HYPERLINK("https://evil.example")'
    [f] = bot.reply(f"/konferanse deltakere {cid}", as_="Kari Nordmann", now=now).files
    assert f.data.startswith(b"\xef\xbb\xbf") and b"\r\n" in f.data
    rows = list(csv.reader(io.StringIO(f.data.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][0] == '\'=HYPERLINK("https://evil.example")'


def test_list_shows_upcoming_and_drafts_only_to_organisers(bot: TestBot, now: datetime) -> None:
    cid = create(bot, now)
    assert f"#{cid} Vestfoldkonferansen 2026" in bot.run(
        "/konferanse liste", as_="Kari Nordmann", now=now
    )
    assert f"#{cid} Vestfoldkonferansen 2026" not in bot.run(
        "/konferanse", as_="Ola Nordmann", now=now
    )
    assert "Finner ingen konferanse #999" in bot.run("/konferanse vis 999", now=now)
    assert "Hvilken konferanse?" in bot.run("/konferanse meld på", now=now)


@pytest.mark.parametrize(
    "verb",
    ["vis", "ics", "meld på", "kanskje", "meld av", "deltakere", "endre", "kunngjør", "avlys"],
)
def test_a_draft_is_no_such_conference_to_those_who_may_not_see_it(
    bot: TestBot, now: datetime, verb: str
) -> None:
    cid = create(bot, now)
    line = f"/konferanse {verb} {cid}" + (' sted "Horten"' if verb == "endre" else "")
    out = bot.run(line, as_="Ola Nordmann", now=now)
    assert out == bot.run(f"/konferanse {verb} 999", as_="Ola Nordmann", now=now).replace(
        "#999", f"#{cid}"
    )
    assert "Vestfoldkonferansen" not in out
    assert "Vestfoldkonferansen" in bot.run(f"/konferanse vis {cid}", as_="Kari Nordmann", now=now)


def test_seats_below_the_number_registered_are_refused_with_the_count(
    bot: TestBot, now: datetime
) -> None:
    cid = announced(bot, now)  # 2 seats
    for name in ("Ola Nordmann", "Per Hansen"):
        bot.run(f"/konferanse meld på {cid}", as_=name, now=now)
    out = bot.run(f"/konferanse endre {cid} plasser 1", as_="Kari Nordmann", now=now)
    assert out == (
        "2 er allerede påmeldt, så plassene kan ikke settes til 1. "
        "Skriv `plasser 2` eller flere; ingenting er endret."
    )
    with bot.app.db.transaction() as s:
        conf = s.get(Conference, cid)
        assert conf is not None and conf.seats == 2
    assert "Påmeldt (2 av 2)" in bot.run(
        f"/konferanse deltakere {cid}", as_="Kari Nordmann", now=now
    )


def test_ics_has_stable_uid_and_oslo_timezone(bot: TestBot, now: datetime) -> None:
    cid = announced(bot, now)
    first = bot.reply(f"/konferanse ics {cid}", as_="Ola Nordmann", now=now).files[0]
    again = bot.reply(
        f"/konferanse ics {cid}", as_="Ola Nordmann", now=now + timedelta(days=1)
    ).files[0]
    assert first.name == f"konferanse-{cid}.ics" and first.mime == "text/calendar; method=PUBLISH"
    cal = Calendar.from_ical(first.data)
    [tz] = cal.walk("VTIMEZONE")
    assert str(tz["TZID"]) == "Europe/Oslo"
    [event] = cal.walk("VEVENT")
    with bot.app.db.transaction() as s:
        conf = s.get(Conference, cid)
        assert conf is not None
        assert str(event["UID"]) == conf.uid
    assert event["DTSTART"].dt == oslo(2026, 4, 16, 9)
    assert event["DTSTART"].params["TZID"] == "Europe/Oslo"
    assert str(event["LOCATION"]) == "Quality Hotel Tønsberg"
    assert Calendar.from_ical(again.data).walk("VEVENT")[0]["UID"] == event["UID"]
    # A calendar takes a changed event over its copy only when SEQUENCE has gone up.
    assert int(event["SEQUENCE"]) == 0
    bot.run(f'/konferanse endre {cid} sted "Oseberg kulturhus"', as_="Kari Nordmann", now=now)
    changed = bot.reply(f"/konferanse ics {cid}", as_="Ola Nordmann", now=now).files[0]
    [event] = Calendar.from_ical(changed.data).walk("VEVENT")
    assert int(event["SEQUENCE"]) == 1 and str(event["LOCATION"]) == "Oseberg kulturhus"


def test_demo_has_an_upcoming_vestfoldkonferansen(bot: TestBot) -> None:
    now = datetime.now(UTC)
    text = bot.run("/konferanse liste", as_="Ola Nordmann", now=now)
    assert "Vestfoldkonferansen" in text and "Oseberg Kulturhus" in text
    assert "du er påmeldt" in text


def test_upcoming_conferences_is_the_list_as_data(bot: TestBot, now: datetime) -> None:
    from handlers.conferences import upcoming_conferences

    draft = create(bot, now)  # a draft: its organiser sees it, a member does not
    with bot.app.db.transaction() as s:
        ola = s.scalar(select(Member).where(Member.name == "Ola Nordmann"))
        kari = s.scalar(select(Member).where(Member.name == "Kari Nordmann"))
        assert ola is not None and kari is not None
        for_ola = upcoming_conferences(s, ola, now, OSLO)
        for_kari = upcoming_conferences(s, kari, now, OSLO)
        demo = next(x for x in for_ola if "Vestfoldkonferansen" in x.conference.title)
        assert demo.registration is not None and demo.registration.status == "registered"
        assert draft not in [x.conference.id for x in for_ola]
        assert draft in [x.conference.id for x in for_kari]
        ids = [x.conference.id for x in for_ola]
    shown = bot.run("/konferanse liste", as_="Ola Nordmann", now=now)
    assert all(f"#{i}" in shown for i in ids)


# -- calling off -------------------------------------------------------------------------------


def test_calling_off_tells_channel_and_everyone_who_answered_and_stops_reminders(
    bot: TestBot, now: datetime
) -> None:
    cid = announced(bot, now)
    bot.run(f"/konferanse meld på {cid}", as_="Ola Nordmann", now=now)
    bot.run(f"/konferanse meld på {cid}", as_="Per Hansen", now=now)
    bot.run(f"/konferanse meld på {cid}", as_="Lise Dahl", now=now)  # waitlisted
    bot.run(f"/konferanse kanskje {cid}", as_="Jon Bakke", now=now)
    bot.run(f"/konferanse meld på {cid}", as_="Marte Lie", now=now)  # waitlisted
    bot.run(f"/konferanse meld av {cid}", as_="Marte Lie", now=now)  # and gone: not told
    bot.dispatch(now)
    assert "Bare organisatorer" in bot.run(f"/konferanse avlys {cid}", as_="Ola Nordmann", now=now)
    text = bot.run(f'/konferanse avlys {cid} "For få påmeldte"', as_="Kari Nordmann", now=now)
    assert text == (
        "«Vestfoldkonferansen 2026» er avlyst. Kanalene der den ble kunngjort og "
        "alle som har svart (4), får beskjed nå; påminnelsene er stoppet."
    )
    # The posted invitations become a called-off card without RSVP buttons.
    reply = bot.last
    assert reply is not None and reply.object_ref == ("conference", cid)
    assert reply.card is not None and "AVLYST" in reply.card.plain()
    assert "For få påmeldte" in reply.card.plain() and "[" not in reply.card.plain()
    sent = bot.dispatch(now)
    assert sorted(d for d, _ in sent) == [
        "#infrastruktur",
        "Jon Bakke",
        "Lise Dahl",
        "Ola Nordmann",
        "Per Hansen",
    ]
    notice = dict(sent)["Ola Nordmann"]
    assert notice.startswith(
        "Avlyst: «Vestfoldkonferansen 2026» (torsdag 16. april 2026 "
        "kl 09:00–16:00) blir ikke noe av."
    )
    assert "Grunn: For få påmeldte" in notice
    # No reminder, day-before note or deadline notice goes out afterwards.
    for moment in (oslo(2026, 4, 7, 9), oslo(2026, 4, 10, 23, 59), oslo(2026, 4, 15, 12)):
        assert bot.dispatch(moment) == []
    # Nobody can register now, and it cannot be called off twice or edited.
    assert "er avlyst" in bot.run(f"/konferanse meld på {cid}", as_="Ingrid Berg", now=now)
    assert bot.run(f"/konferanse avlys {cid}", as_="Kari Nordmann", now=now) == (
        "«Vestfoldkonferansen 2026» er avlyst."
    )
    assert "er avlyst" in bot.run(
        f"/konferanse endre {cid} plasser 9", as_="Kari Nordmann", now=now
    )
    assert bot.dispatch(now) == []
    # It leaves the list of upcoming conferences; its calendar file says CANCELLED.
    assert "Vestfoldkonferansen 2026" not in bot.run(
        "/konferanse liste", as_="Ola Nordmann", now=now
    )
    bot.run(f"/konferanse ics {cid}", as_="Ola Nordmann", now=now)
    assert bot.last is not None and bot.last.files
    cal = Calendar.from_ical(bot.last.files[0].data)
    assert [(str(e.get("status")), int(e.get("sequence"))) for e in cal.walk("VEVENT")] == [
        ("CANCELLED", 1)
    ]
    # A CANCEL of the same UID, as a called-off meeting's file is: the method that tells
    # a calendar which took the invitation to take the entry out.
    assert cal["METHOD"] == "CANCEL"
    assert bot.last.files[0].mime == "text/calendar; method=CANCEL"


def test_calling_off_a_draft_tells_nobody_and_words_work_in_nn_and_en(
    bot: TestBot, now: datetime
) -> None:
    cid = create(bot, now)
    assert bot.run(f"/konferanse avlys {cid}", as_="Kari Nordmann", now=now) == (
        "«Vestfoldkonferansen 2026» er avlyst. Den var ikke kunngjort, så ingen andre får beskjed."
    )
    assert bot.dispatch(now) == []
    with bot.app.db.transaction() as s:
        assert s.get(Conference, cid).state == "cancelled"  # type: ignore[union-attr]
    english, nynorsk = announced(bot, now), announced(bot, now)
    bot.run("/partnerbot språk en", as_="Kari Nordmann", now=now)
    assert bot.run(
        f'/konferanse call off {english} "Storm warning"', as_="Kari Nordmann", now=now
    ).startswith("“Vestfoldkonferansen 2026” is called off.")
    bot.run("/partnerbot språk nn", as_="Kari Nordmann", now=now)
    assert bot.run(f"/konferanse avlys {nynorsk}", as_="Kari Nordmann", now=now).startswith(
        "«Vestfoldkonferansen 2026» er avlyst. Kanalane der han vart kunngjord"
    )
    assert "#999" in bot.run("/konferanse avlys 999", as_="Kari Nordmann", now=now)
    assert "/konferanse liste" in bot.run("/konferanse avlys", as_="Kari Nordmann", now=now)


@pytest.mark.parametrize(
    ("lang", "example"),
    [
        ("nb", "`/konferanse meld på 2`"),
        ("nn", "`/konferanse meld på 2`"),
        ("en", "`/konferanse register 2`"),
    ],
)
def test_a_missing_conference_number_is_asked_for_with_a_registration_example(
    bot: TestBot, now: datetime, lang: str, example: str
) -> None:
    """Found trying it as a new user: `/konferanse meld på` without a number was answered
    with only a `vis` example."""
    bot.run(f"/partnerbot språk {lang}", now=now)
    assert example in bot.run("/konferanse meld på", now=now)
