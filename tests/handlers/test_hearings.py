"""Hearings (/horing): every command, bad input, permissions, and the reminders they schedule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, func, select

from bot import demo
from bot.app import App
from handlers.hearing_reminders import parse_reminders, reminder_times
from storage import outbox
from storage.db import Database
from storage.models import Hearing, HearingAddressee, Network, Organisation, OutboxMessage
from tests.conftest import make_settings
from tests.helpers import TestBot

OSLO = ZoneInfo("Europe/Oslo")
VT = "#vest-telemark"
NEW = (
    '/horing ny "Partnerskapsavtale, generell del" frist 15.09 fra "Viken fylkeskommune" '
    'lenke https://example.org/avtale mottakere "Horten kommune, Larvik kommune, +Mosseregionen"'
)


def oslo(*args: int) -> datetime:
    return datetime(*args, tzinfo=OSLO).astimezone(UTC)  # type: ignore[misc]


def rows(bot: TestBot, number: int, state: str | None = None) -> list[OutboxMessage]:
    with bot.app.db.transaction() as s:
        found = list(
            s.scalars(
                select(OutboxMessage)
                .where(
                    OutboxMessage.object_type == "hearing",
                    OutboxMessage.object_id == number,
                    OutboxMessage.kind == "hearing.reminder",
                )
                .order_by(OutboxMessage.due_at)
            )
        )
    return [r for r in found if state is None or r.state == state]


def pending(bot: TestBot, number: int) -> list[datetime]:
    return [r.due_at for r in rows(bot, number, "pending")]


def hearing_count(bot: TestBot) -> int:
    with bot.app.db.transaction() as s:
        return s.scalar(select(func.count()).select_from(Hearing)) or 0


def reminders_about(sent: list[tuple[str, str]], number: int) -> list[tuple[str, str]]:
    return [
        (where, text)
        for where, text in sent
        if f"høring #{number} " in text
        or f"høyring #{number} " in text
        or f"hearing #{number} " in text
    ]


# -- /horing ny ---------------------------------------------------------------------------


def test_new_hearing_replies_with_number_deadline_and_reminders(
    bot: TestBot, now: datetime
) -> None:
    out = bot.run(NEW, now=now)
    # #1 is the demo's hearing
    assert out.startswith(
        "Høring #2 «Partnerskapsavtale, generell del» er registrert i Nettverk for infrastruktur."
    )
    assert "tirsdag 15. september 2026 kl 23:59 (om 197 dager)" in out
    assert "Viken fylkeskommune" in out and "https://example.org/avtale" in out
    assert "Horten kommune, Larvik kommune, Mosseregionen" in out
    assert "Nye organisasjoner lagt til: Mosseregionen." in out
    assert (
        "tir 01.09 kl 09:00, tir 08.09 kl 09:00, fre 11.09 kl 09:00, tir 15.09 kl 09:00 "
        "– i #infrastruktur"
    ) in out
    assert "`/horing svart 2 <organisasjon> <lenke til innspillet>`" in out
    assert bot.last is not None and bot.last.visibility == "channel"
    assert pending(bot, 2) == [
        oslo(2026, 9, 1, 9),
        oslo(2026, 9, 8, 9),
        oslo(2026, 9, 11, 9),  # two days before is a Sunday: the Friday before
        oslo(2026, 9, 15, 9),
    ]
    with bot.app.db.transaction() as s:
        h = s.get(Hearing, 2)
        assert h is not None and h.deadline == oslo(2026, 9, 15, 23, 59) and h.state == "open"
        assert [a.organisation.name for a in h.addressees] == [
            "Horten kommune",
            "Larvik kommune",
            "Mosseregionen",
        ]
        network_id = h.network_id
    assert {(r.target_type, r.target_id) for r in rows(bot, 2)} == {("network", str(network_id))}


def test_hour_and_minute_offsets_count_from_the_deadline_itself(
    bot: TestBot, now: datetime
) -> None:
    bot.run(
        '/horing ny "Regional plan" frist 15.09 kl 12 påminn 1d,2t,30m mottakere Horten', now=now
    )
    assert pending(bot, 2) == [
        oslo(2026, 9, 14, 9),
        oslo(2026, 9, 15, 10),
        oslo(2026, 9, 15, 11, 30),
    ]


def test_reminder_times_already_past_are_not_scheduled(bot: TestBot, now: datetime) -> None:
    out = bot.run('/horing ny "Kort frist" frist 5.3 mottakere Horten', now=now)  # Thursday
    assert "torsdag 5. mars 2026 kl 23:59 (om 3 dager)" in out
    # 14 and 7 days before are past; 2 days before (Tuesday) and the day itself remain
    assert pending(bot, 2) == [oslo(2026, 3, 3, 9), oslo(2026, 3, 5, 9)]


def test_dst_a_two_day_reminder_lands_at_nine_local_before_the_spring_change() -> None:
    # Two days before Monday 30 March 2026 is a Saturday, so the reminder comes on Friday
    # the 27th: still winter time (CET, UTC+1); summer time starts on the 29th.
    deadline = datetime(2026, 3, 30, 23, 59, tzinfo=OSLO).astimezone(UTC)
    times = dict(reminder_times(deadline, parse_reminders("2d"), OSLO))
    assert times["2d"].astimezone(OSLO).replace(tzinfo=None) == datetime(2026, 3, 27, 9, 0)
    assert times["2d"] == datetime(2026, 3, 27, 8, 0, tzinfo=UTC)
    defaults = dict(reminder_times(deadline, "14d,7d,2d,0d", OSLO))
    assert defaults["0d"] == datetime(2026, 3, 30, 7, 0, tzinfo=UTC)  # 09:00 summer time
    assert {d.astimezone(OSLO).hour for d in defaults.values()} == {9}
    # and the autumn change: 26 October 2026 is winter time again; two days before is
    # Saturday the 24th, so Friday the 23rd, summer time
    autumn = datetime(2026, 10, 26, 23, 59, tzinfo=OSLO).astimezone(UTC)
    assert dict(reminder_times(autumn, "2d", OSLO))["2d"] == datetime(
        2026, 10, 23, 7, 0, tzinfo=UTC
    )


def test_dst_through_the_command(bot: TestBot, now: datetime) -> None:
    bot.run('/horing ny "Vårhøring" frist 30.03 påminn 2d mottakere Horten', now=now)
    assert pending(bot, 2) == [datetime(2026, 3, 27, 8, 0, tzinfo=UTC)]


def test_offsets_are_stored_as_days_or_exact_seconds() -> None:
    assert parse_reminders("14d,7d,1d,2h,30m") == "14d,7d,1d,7200s,1800s"
    assert parse_reminders("2u, 1 dag; 90 min") == "14d,1d,5400s"
    assert parse_reminders("24t") == "86400s"  # hours count from the deadline, not 09:00


def test_weekend_or_holiday_deadline_is_accepted_with_a_warning(
    bot: TestBot, now: datetime
) -> None:
    out = bot.run('/horing ny "Grunnlovsdag" frist 17.05 mottakere Horten', now=now)
    assert "Høring #2" in out and "17. mai er en helligdag" in out
    assert "Fristen er registrert likevel" in out
    out = bot.run('/horing ny "Helg" frist 19.09 mottakere Horten', now=now)
    assert "Lørdag 19. september er en helgedag." in out
    assert hearing_count(bot) == 3


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/horing ny frist 15.09 mottakere Horten", "Høringen mangler tittel."),
        ('/horing ny "Uten frist" mottakere Horten', "Høringen mangler frist."),
        (
            '/horing ny "Feil dato" frist 31.02 mottakere Horten',
            "Fristen kunne ikke leses: Datoen 31.02 finnes ikke.",
        ),
        ('/horing ny "Tull" frist blæh mottakere Horten', "Fristen kunne ikke leses: "),
        (
            '/horing ny "For sent" frist 1.3.2026 mottakere Horten',
            "Fristen søndag 1. mars 2026 kl 23:59 er allerede passert.",
        ),
        (
            '/horing ny "Ukjent" frist 15.09 mottakere "Horten, Hortenx"',
            "Finner ikke organisasjonen «Hortenx». Organisasjoner i Nettverk for infrastruktur:",
        ),
        (
            '/horing ny "Påminn" frist 15.09 påminn snart mottakere Horten',
            "Jeg forstod ikke påminnelsene.",
        ),
        (
            '/horing ny "Nett" frist 15.09 nettverk Finnesikke mottakere Horten',
            "Finner ikke nettverket «Finnesikke».",
        ),
    ],
)
def test_bad_input_for_new_is_answered_and_nothing_is_saved(
    bot: TestBot, now: datetime, line: str, expected: str
) -> None:
    out = bot.run(line, now=now)
    assert expected in out, out
    assert hearing_count(bot) == 1  # the demo's only
    assert "Traceback" not in out


def test_unknown_organisation_hint_shows_how_to_add_it(bot: TestBot, now: datetime) -> None:
    out = bot.run('/horing ny "X" frist 15.09 mottakere Vestviken', now=now)
    assert 'mottakere "+Vestviken"' in out


def test_addressees_joined_with_og_and_names_containing_og(bot: TestBot, now: datetime) -> None:
    out = bot.run(
        '/horing ny "X" frist 15.09 nettverk "Arbeidsprogram Vest-Telemark" '
        'mottakere "Tokke og Vinje, Vestfold og Telemark fylkeskommune"',
        now=now,
    )
    assert "Tokke kommune, Vinje kommune, Vestfold og Telemark fylkeskommune" in out


def test_only_members_of_the_network_may_create(bot: TestBot, now: datetime) -> None:
    out = bot.run('/horing ny "X" frist 15.09 mottakere Horten', as_="Tone Haugen", now=now)
    assert out.startswith("Berre medlemer av Nettverk for infrastruktur kan gjere dette.")
    out = bot.run('/horing ny "X" frist 15.09 mottakere Horten', as_="Ola Nordmann", now=now)
    assert out.startswith("Høring #2")  # a plain member of the network may


def test_english_aliases_and_reply(bot: TestBot, now: datetime) -> None:
    out = bot.run(
        '/hearing new "Rail strategy" deadline 15.09 from "Bane NOR" addressees "Horten kommune"',
        as_="Jon Bakke",
        now=now,
    )
    assert out.startswith("Hearing #2 “Rail strategy” is registered in Nettverk for infrastruktur.")
    assert "Tuesday 15 September 2026 at 23:59 (in 197 days)" in out


@pytest.mark.parametrize(
    ("word", "lang"),
    [("recipients", "en"), ("recipient", "en"), ("mottagere", "nb")],
)
def test_the_addressees_keyword_members_type(
    bot: TestBot, now: datetime, word: str, lang: str
) -> None:
    """Found trying it as a new user: "recipients" (English) and "mottagere" (the other
    bokmål spelling) were read as part of the deadline, and the hearing refused."""
    as_ = "Jon Bakke" if lang == "en" else "Ingrid Berg"
    out = bot.run(f'/horing ny "Jernbane" frist 15.09 {word} "Horten kommune"', as_=as_, now=now)
    with bot.app.db.transaction() as s:
        hearing = s.scalar(select(Hearing).where(Hearing.title == "Jernbane"))
        assert hearing is not None, out
        assert [a.organisation.name for a in hearing.addressees] == ["Horten kommune"]


@pytest.mark.parametrize(
    ("words", "as_", "channel"),
    [
        ("frist for innspill", "Ingrid Berg", "#infrastruktur"),
        ("med frist for innspill", "Ingrid Berg", "#infrastruktur"),
        ("innspillsfrist", "Ingrid Berg", "#infrastruktur"),
        ("frist for innspel", "Tone Haugen", "#vest-telemark"),
        ("innspelsfrist", "Tone Haugen", "#vest-telemark"),
        ("deadline for comments", "Jon Bakke", "#infrastruktur"),
    ],
)
def test_the_deadline_as_the_hearing_letter_words_it(
    bot: TestBot, now: datetime, words: str, as_: str, channel: str
) -> None:
    """A hearing letter says "med frist for innspill 15.09"; members copy it. It was
    refused: «innspill» was read as part of the date."""
    out = bot.run(f'/horing ny "Planstrategi" {words} 15.09', as_=as_, channel=channel, now=now)
    with bot.app.db.transaction() as s:
        hearing = s.scalar(select(Hearing).where(Hearing.title == "Planstrategi"))
        assert hearing is not None, out
        assert hearing.deadline == oslo(2026, 9, 15, 23, 59)
    number = hearing.id
    bot.run(f"/horing endre {number} {words} 22.09", as_=as_, channel=channel, now=now)
    with bot.app.db.transaction() as s:
        assert s.get(Hearing, number).deadline == oslo(2026, 9, 22, 23, 59)  # type: ignore[union-attr]


def test_a_deadline_not_understood_is_said_once_with_the_keyword_in_the_example(
    bot: TestBot, now: datetime
) -> None:
    """Seen as a new user: "Eg forstod ikkje fristen. Eg forstod ikkje «femtande» i ...
    Skriv datoen til dømes som ...": the same words twice, and an example without the
    keyword to type it after."""
    out = bot.run(
        '/horing ny "Plan" frist femtande september', as_="Tone Haugen", channel=VT, now=now
    )
    assert out.startswith("Fristen kunne ikkje lesast: Eg forstod ikkje «femtande»"), out
    assert out.count("Eg forstod ikkje") == 1 and out.count("dømes") == 1, out
    assert out.endswith("Skriv til dømes `frist 15.09` eller `frist 15.09 kl 12`."), out
    out = bot.run('/horing new "Plan" deadline fifteenth September', as_="Jon Bakke", now=now)
    assert out.startswith("I could not read the deadline: I did not understand"), out
    assert out.endswith("Type for example `deadline 15.09` or `deadline 15.09 at 12`."), out
    assert hearing_count(bot) == 1


def test_a_page_past_a_one_page_list(bot: TestBot, now: datetime) -> None:
    """It said "Det er bare 1 sider"."""
    assert bot.run("/horing liste side 2", now=now) == (
        "Det er ingen side 2: lista slutter på side 1. `/horing liste side 1` viser den siste."
    )
    assert bot.run("/hearing list page 2", as_="Jon Bakke", now=now) == (
        "There is no page 2: the list ends on page 1. `/horing list page 1` shows the last one."
    )


def test_nynorsk_reply_in_vest_telemark(bot: TestBot, now: datetime) -> None:
    out = bot.run(
        '/høyring ny "Regional planstrategi" frist 15.09 frå "Vestfold og Telemark '
        'fylkeskommune" mottakarar "Tokke kommune, Seljord kommune"',
        as_="Tone Haugen",
        channel="#vest-telemark",
        now=now,
    )
    assert out.startswith(
        "Høyring #2 «Regional planstrategi» er registrert i Arbeidsprogram Vest-Telemark."
    )
    assert "tysdag 15. september 2026 kl. 23:59 (om 197 dagar)" in out
    assert "Påminningar" in out and "Mottakarar" in out


def test_without_addressees_the_hint_names_the_hearing_and_the_networks_own_organisations(
    bot: TestBot, now: datetime
) -> None:
    """Seen in `make run` as a Vest-Telemark member: the hint said to choose others with
    `/horing endre` (no number) and `mottakarar "Horten kommune, NAV"` (Vestfold's)."""
    out = bot.run(
        "/horing ny Regional plan frist 1. juni",
        as_="Tone Haugen",
        channel="#vest-telemark",
        now=now,
    )
    assert (
        "Utan `mottakarar` går høyringa til organisasjonane i Arbeidsprogram Vest-Telemark; "
        'vel andre med `/horing endre 2 mottakarar "Fyresdal kommune, Kviteseid kommune"`.'
    ) in out
    out = bot.run("/horing ny Regional plan frist 1. juni", as_="Jon Bakke", now=now)
    assert 'choose others with `/horing edit 3 addressees "Bane NOR, Færder kommune"`.' in out


# -- the reminders ------------------------------------------------------------------------


def test_reminder_goes_to_the_network_channel_naming_who_has_not_answered(
    bot: TestBot, now: datetime
) -> None:
    bot.run(NEW, now=now)
    bot.run("/horing svart 2 Horten kommune", now=now)
    sent = bot.dispatch(oslo(2026, 9, 1, 9))
    assert len(sent) == 1
    where, text = sent[0]
    assert where == "#infrastruktur"
    assert text.startswith(
        "⏳ Påminnelse: høring #2 «Partnerskapsavtale, generell del» fra "
        "Viken fylkeskommune har frist tirsdag 15. september 2026 kl 23:59 "
        "(om 14 dager)."
    )
    assert "Ikke svart ennå: Larvik kommune, Mosseregionen." in text
    assert "Dokumentet: https://example.org/avtale" in text
    assert bot.dispatch(oslo(2026, 9, 1, 9, 5)) == []  # sent once
    bot.run("/horing svart 2 Larvik", now=now)
    assert "Ikke svart ennå: Mosseregionen." in bot.dispatch(oslo(2026, 9, 8, 9))[0][1]


def test_reminder_in_nynorsk_for_a_nynorsk_partnership(bot: TestBot, now: datetime) -> None:
    bot.run(
        '/horing ny "Planstrategi" frist 15.09 påminn 1d mottakere "Tokke kommune"',
        as_="Sigrid Aasen",
        channel="#vest-telemark",
        now=now,
    )
    ((where, text),) = bot.dispatch(oslo(2026, 9, 14, 9))
    assert where == "#vest-telemark"
    assert text.startswith(
        "⏳ Påminning: høyring #2 «Planstrategi» har frist tysdag 15. "
        "september 2026 kl. 23:59 (i morgon)."
    )
    assert "Ikkje svara enno: Tokke kommune." in text


def test_when_all_have_answered_remaining_reminders_are_cancelled(
    bot: TestBot, now: datetime
) -> None:
    bot.run(NEW, now=now)
    out = bot.run("/horing svart 2 Horten, Larvik, Mosseregionen https://x.no/svar", now=now)
    assert "Registrert: Horten kommune, Larvik kommune, Mosseregionen har svart" in out
    assert "Alle mottakerne har svart, så det kommer ingen flere påminnelser." in out
    assert pending(bot, 2) == []
    assert len(rows(bot, 2, "cancelled")) == 4
    assert reminders_about(bot.dispatch(oslo(2026, 9, 15, 9)), 2) == []


def test_answers_recorded_after_a_reminder_fell_due_do_not_lose_it(
    bot: TestBot, now: datetime
) -> None:
    # Due at 09:00, bot between ticks; an answer at 09:00:02 must not cancel it for the rest.
    bot.run(NEW, now=now)
    bot.run("/horing svart 2 Horten", now=oslo(2026, 9, 1, 9) + timedelta(seconds=2))
    sent = bot.dispatch(oslo(2026, 9, 1, 9) + timedelta(seconds=5))
    assert len(sent) == 1 and "Larvik kommune, Mosseregionen." in sent[0][1]


def test_a_reminder_due_after_the_deadline_has_passed_is_not_sent(
    bot: TestBot, now: datetime
) -> None:
    bot.run('/horing ny "Kort" frist om 3 timer påminn 1t mottakere Horten', now=now)
    # the bot was down from before the reminder until after the deadline
    assert bot.dispatch(now + timedelta(hours=4)) == []
    assert [r.state for r in rows(bot, 2)] == ["cancelled"]


def test_edit_deadline_reschedules_and_a_moved_deadline_reminds_again(
    bot: TestBot, now: datetime
) -> None:
    bot.run(NEW, now=now)
    assert len(bot.dispatch(oslo(2026, 9, 1, 9))) == 1  # "14 days left" for 15.09
    later = oslo(2026, 9, 2, 10)
    out = bot.run("/horing endre 2 frist 22.09", now=later)
    assert out.startswith("Høring #2 «Partnerskapsavtale, generell del» er endret.")
    assert "tirsdag 22. september 2026 kl 23:59 (om 20 dager)" in out
    assert pending(bot, 2) == [
        oslo(2026, 9, 8, 9),
        oslo(2026, 9, 15, 9),
        oslo(2026, 9, 18, 9),  # two days before is a Sunday: the Friday before
        oslo(2026, 9, 22, 9),
    ]
    assert len(rows(bot, 2, "cancelled")) == 3 and len(rows(bot, 2, "sent")) == 1
    sent = bot.dispatch(oslo(2026, 9, 8, 9))
    assert len(sent) == 1 and "(om 14 dager)" in sent[0][1] and "22. september" in sent[0][1]


def test_edit_title_sender_link_addressees_and_offsets(bot: TestBot, now: datetime) -> None:
    bot.run(NEW, now=now)
    bot.run("/horing svart 2 Horten", now=now)
    out = bot.run(
        '/horing endre 2 tittel "Avtale, ny versjon" fra Vestfold fylkeskommune '
        'lenke https://example.org/v2 mottakere "Horten, Færder" påminn 1d',
        now=now,
    )
    assert "«Avtale, ny versjon»" in out and "Vestfold fylkeskommune" in out
    assert "https://example.org/v2" in out and "Horten kommune, Færder kommune" in out
    assert pending(bot, 2) == [oslo(2026, 9, 14, 9)]
    show = bot.run("/horing vis 2", now=now)
    assert "✅ Horten kommune" in show and "⬜ Færder kommune" in show  # answer kept
    assert "Larvik" not in show


def test_edit_with_nothing_to_change(bot: TestBot, now: datetime) -> None:
    bot.run(NEW, now=now)
    assert bot.run("/horing endre 2", now=now).startswith("Hva vil du endre?")
    out = bot.run("/horing endre 2 frist i går", now=now)
    assert "er allerede passert" in out
    assert pending(bot, 2)[0] == oslo(2026, 9, 1, 9)  # unchanged after the refusal


def test_close_cancels_reminders_and_closed_hearing_refuses_changes(
    bot: TestBot, now: datetime
) -> None:
    bot.run(NEW, now=now)
    bot.run("/horing svart 2 Larvik", now=now)
    out = bot.run("/horing avslutt 2", now=now)
    assert out == (
        "Høring #2 «Partnerskapsavtale, generell del» er avsluttet. 1 av 3 "
        "mottakere svarte. Påminnelser som gjensto, er avlyst."
    )
    assert pending(bot, 2) == []
    assert reminders_about(bot.dispatch(oslo(2026, 9, 15, 9)), 2) == []
    assert bot.run("/horing avslutt 2", now=now) == "Høring #2 er allerede avsluttet."
    closed = "Høring #2 er avsluttet og kan ikke endres."
    assert bot.run("/horing svart 2 Horten", now=now).startswith(closed)
    assert bot.run("/horing endre 2 frist 22.09", now=now).startswith(closed)
    assert "#2" not in bot.run("/horing liste", now=now)
    assert "#2 «Partnerskapsavtale, generell del»" in bot.run("/horing liste alle", now=now)


def test_close_in_english(bot: TestBot, now: datetime) -> None:
    bot.run(NEW, now=now)
    out = bot.run("/hearing close 2", as_="Jon Bakke", now=now)
    assert out.startswith("Only whoever registered hearing #2 (Ingrid Berg)")


# -- who may change what --------------------------------------------------------------------


def test_only_creator_organiser_or_admin_may_edit_or_close(bot: TestBot, now: datetime) -> None:
    bot.run('/horing ny "Pers høring" frist 15.09 mottakere Horten', as_="Per Hansen", now=now)
    refused = bot.run("/horing endre 2 frist 20.09", as_="Ola Nordmann", now=now)
    assert refused.startswith(
        "Bare den som registrerte høring #2 (Per Hansen), organisatorer "
        "og administratorer kan endre eller avslutte den."
    )
    assert bot.run("/horing avslutt 2", as_="Lise Dahl", now=now).startswith("Bare den som")
    assert pending(bot, 2)[-1] == oslo(2026, 9, 15, 9)
    assert "er endret" in bot.run("/horing endre 2 frist 16.09", as_="Per Hansen", now=now)
    assert "er endret" in bot.run("/horing endre 2 frist 17.09", as_="Marte Lie", now=now)
    assert "er avsluttet" in bot.run("/horing avslutt 2", as_="Ingrid Berg", now=now)


def test_an_organisations_answer_is_for_its_members_organisers_and_admins(
    bot: TestBot, now: datetime
) -> None:
    bot.run(NEW, now=now)
    out = bot.run("/horing svart 2 Larvik", as_="Lise Dahl", now=now)  # LO, not Larvik
    assert out == (
        "Bare medlemmer av Larvik kommune, organisatorer og administratorer kan melde at "
        "Larvik kommune har svart på høring #2. Skriv `/horing svart 2` for din egen organisasjon."
    )
    out = bot.run("/horing svart 2 Larvik", as_="Knut Vik", now=now)  # Vest-Telemark, nn
    assert out.startswith("Berre medlemer av Nettverk for infrastruktur")
    with bot.app.db.transaction() as s:
        h = s.get(Hearing, 2)
        assert h is not None and all(a.answered_at is None for a in h.addressees)
    assert bot.run("/horing svart 2 Larvik", as_="Marte Lie", now=now).startswith("Registrert")
    assert bot.run("/horing svart 2 Horten", as_="Ingrid Berg", now=now).startswith("Registrert")


def test_a_second_answer_keeps_the_first_and_vis_shows_the_history(
    bot: TestBot, now: datetime
) -> None:
    bot.run(NEW, now=now)
    first = "https://larvik.kommune.no/innspill"
    bot.run(f"/horing svart 2 {first}", as_="Marte Lie", now=now)
    later = now + timedelta(days=1)
    out = bot.run("/horing svart 2 Larvik https://evil.example/x", as_="Ingrid Berg", now=later)
    assert "Larvik kommune hadde allerede svart man 02.03 kl 09:00; det første svaret står" in out
    with bot.app.db.transaction() as s:
        h = s.get(Hearing, 2)
        assert h is not None
        larvik = next(a for a in h.addressees if a.organisation.name == "Larvik kommune")
        assert larvik.answered_at == now and larvik.response_link == first
        assert [r.link for r in larvik.answers] == [first, "https://evil.example/x"]
    show = bot.run("/horing vis 2", now=later)
    assert f"✅ Larvik kommune – svarte man 02.03 kl 09:00 – {first}" in show
    assert "meldt på nytt tir 03.03 kl 09:00 av Ingrid Berg – https://evil.example/x" in show


# -- /horing svart ----------------------------------------------------------------------------


def test_answer_defaults_to_the_members_organisation_and_keeps_the_link(
    bot: TestBot, now: datetime
) -> None:
    bot.run(NEW, now=now)
    out = bot.run("/horing svart #2 https://larvik.kommune.no/innspill", as_="Marte Lie", now=now)
    assert out.startswith("Registrert: Larvik kommune har svart på høring #2")
    assert "Mangler fortsatt svar fra: Horten kommune, Mosseregionen." in out
    show = bot.run("/horing vis 2", now=now)
    assert (
        "✅ Larvik kommune – svarte man 02.03 kl 09:00 – https://larvik.kommune.no/innspill" in show
    )


@pytest.mark.parametrize(
    ("line", "who", "expected"),
    [
        (
            "/horing svart 2 NAV",
            "Ingrid Berg",
            "«NAV» er ikke blant mottakerne av høring #2: Horten kommune, Larvik kommune, Mosseregionen.",
        ),
        ("/horing svart 2 Finnesikke", "Ingrid Berg", "«Finnesikke» er ikke blant mottakerne"),
        ("/horing svart 2", "Per Hansen", "«NHO» er ikke blant mottakerne"),
        ("/horing svart 2", "Ingrid Berg", "«Vestfold fylkeskommune» er ikke blant mottakerne"),
        ("/horing svart 99 Horten", "Ingrid Berg", "Finner ingen høring #99."),
        ("/horing svart x Horten", "Ingrid Berg", "«x» er ikke et gyldig nummer"),
        (
            "/horing svart",
            "Ingrid Berg",
            "Hvilken høring? Skriv nummeret, for eksempel `/horing svart 3`",
        ),
    ],
)
def test_bad_answers(bot: TestBot, now: datetime, line: str, who: str, expected: str) -> None:
    bot.run(NEW, now=now)
    out = bot.run(line, as_=who, now=now)
    assert out.startswith(expected), out
    with bot.app.db.transaction() as s:
        h = s.get(Hearing, 2)
        assert h is not None and all(a.answered_at is None for a in h.addressees)


def test_answer_without_an_organisation_of_ones_own(bot: TestBot, now: datetime) -> None:
    bot.run(NEW, now=now)
    out = bot.run("/horing svart 2", as_="Ny Person", now=now)
    # Ny Person is in no network: the permission check comes first
    assert out.startswith("Bare medlemmer av Nettverk for infrastruktur")
    bot.run('/partnerbot medlem ny "Ny Person" nettverk infrastruktur', now=now)
    out = bot.run("/horing svart 2", as_="Ny Person", now=now)
    assert out.startswith("Hvilken organisasjon har svart?")


# -- /horing liste and vis ----------------------------------------------------------------------


def test_list_nearest_deadline_first_with_days_left_and_answers(
    bot: TestBot, now: datetime
) -> None:
    bot.run(NEW, now=now)
    bot.run('/horing ny "Snart" frist 12.03 mottakere "Horten, Larvik"', now=now)
    bot.run("/horing svart 3 Horten", now=now)
    out = bot.run("/horing liste", now=now)
    lines = out.splitlines()
    assert lines[0] == "Åpne høringer, nærmeste frist først:"
    assert lines[1] == ("• #3 «Snart» – frist tor 12.03 kl 23:59 (om 10 dager) – 1 av 2 har svart")
    assert lines[2].startswith(
        "• #2 «Partnerskapsavtale, generell del» fra Viken fylkeskommune "
        "– frist tir 15.09 kl 23:59 (om 197 dager) – 0 av 3 har svart"
    )
    assert lines[3].startswith("• #1 «Partnerskapsavtale med kommunene, generell del»")
    assert bot.run("/horing", now=now) == out  # no verb lists
    en = bot.run("/hearing list", as_="Jon Bakke", now=now)
    assert "#3 “Snart” – deadline Thu 12 Mar 23:59 (in 10 days) – 1 of 2 answered" in en


def _many_hearings(app: App, now: datetime, n: int, start: int) -> None:
    with app.db.transaction() as s:
        nets = s.scalars(select(Network).where(Network.name == "Nettverk for infrastruktur")).all()
        orgs = s.scalars(select(Organisation).order_by(Organisation.id)).all()
        for i in range(start, start + n):
            s.add(
                Hearing(
                    network=nets[i % len(nets)],
                    title=f"Høring nr {i:04d}",
                    deadline=now + timedelta(days=2, minutes=i),
                    state="open",
                    created_at=now,
                    addressees=[
                        HearingAddressee(
                            organisation=orgs[i % len(orgs)], answered_at=now if i % 2 else None
                        ),
                        HearingAddressee(organisation=orgs[(i + 1) % len(orgs)]),
                    ],
                )
            )


def test_a_long_list_is_paged_at_a_fixed_number_of_statements(
    bot: TestBot, app: App, now: datetime
) -> None:
    counts = []
    seen: list[str] = []

    def before(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        if not statement.startswith(
            ("PRAGMA", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")
        ):
            seen.append(statement)

    for n, start in ((30, 0), (969, 30)):  # with the demo's one: 31 hearings, then 1,000
        _many_hearings(app, now, n, start)
        seen.clear()
        event.listen(app.db.engine, "before_cursor_execute", before)
        try:
            out = bot.run("/horing liste", now=now)
        finally:
            event.remove(app.db.engine, "before_cursor_execute", before)
        counts.append(len(seen))
    lines = out.splitlines()
    assert lines[0] == "Åpne høringer, nærmeste frist først (side 1 av 50):"
    assert lines[1] == (
        "• #2 «Høring nr 0000» – frist ons 04.03 kl 09:00 (om 2 dager) – 0 av 2 har svart"
    )
    assert lines[2].endswith(
        "«Høring nr 0001» – frist ons 04.03 kl 09:01 (om 2 dager) – 1 av 2 har svart"
    )
    assert len(lines) == 22
    assert lines[-1] == "… og 980 til. Skriv `/horing liste side 2` for de neste."
    assert counts[0] == counts[1]
    page = bot.run("/horing liste side 50", now=now).splitlines()
    assert page[0] == "Åpne høringer, nærmeste frist først (side 50 av 50):"
    assert page[-1].startswith("• #1 «Partnerskapsavtale med kommunene")
    assert bot.run("/horing liste alle side 2", now=now).splitlines()[-1] == (
        "… og 960 til. Skriv `/horing liste alle side 3` for de neste."
    )
    assert bot.run("/horing liste side 51", now=now) == (
        "Det er ingen side 51: lista slutter på side 50. `/horing liste side 50` viser den siste."
    )
    assert bot.run("/horing liste side x", now=now) == (
        "Sidetallet må være et helt tall fra 1, for eksempel `/horing liste side 2`."
    )


def test_list_is_per_channel_network(bot: TestBot, now: datetime) -> None:
    out = bot.run("/horing liste", channel="#vest-telemark", as_="Tone Haugen", now=now)
    assert out.startswith("Ingen opne høyringar.")


def test_show_addressees_reminders_and_problems_for_organisers(bot: TestBot, now: datetime) -> None:
    bot.run(NEW, now=now)
    bot.run("/horing svart 2 Horten https://horten.kommune.no/svar", now=now)
    with bot.app.db.transaction() as s:
        first, second = [
            r.id
            for r in s.scalars(
                select(OutboxMessage)
                .where(OutboxMessage.object_id == 2, OutboxMessage.object_type == "hearing")
                .order_by(OutboxMessage.due_at)
            )
        ][:2]
        outbox.mark_final(s, first, state="failed", error="channel_not_found")
        outbox.mark_final(s, second, state="stale", error="not sent: more than 24 h late")
    out = bot.run("/horing vis 2", now=now)
    assert out.startswith("Høring #2 «Partnerskapsavtale, generell del»")
    assert "Status         åpen" in out and "Registrert av  Ingrid Berg" in out
    assert "✅ Horten kommune – svarte man 02.03 kl 09:00 – https://horten.kommune.no/svar" in out
    assert "⬜ Larvik kommune – har ikke svart ennå" in out
    assert "fre 11.09 kl 09:00, tir 15.09 kl 09:00 – i #infrastruktur" in out
    assert "Påminnelser som ikke ble sendt:" in out
    assert "❌ tir 01.09 kl 09:00: kunne ikke leveres – channel_not_found" in out
    assert "⚠️ tir 08.09 kl 09:00: ikke sendt, boten var nede for lenge" in out
    member_view = bot.run("/horing vis 2", as_="Ola Nordmann", now=now)
    assert "⬜ Larvik kommune" in member_view and "ikke ble sendt" not in member_view
    nn = bot.run("/horing vis 2", as_="Tone Haugen", now=now)
    assert "⬜ Larvik kommune – har ikkje svara enno" in nn


def test_show_unknown_and_bad_numbers(bot: TestBot, now: datetime) -> None:
    assert bot.run("/horing vis 42", now=now) == (
        "Finner ingen høring #42. `/horing liste` viser de åpne høringene."
    )
    assert bot.run("/høyring vis 42", as_="Tone Haugen", now=now).startswith(
        "Finn inga høyring #42."
    )
    assert bot.run("/hearing show 42", as_="Jon Bakke", now=now).startswith(
        "There is no hearing #42."
    )
    assert "gyldig nummer" in bot.run("/horing vis -1", now=now)


def test_help_lists_the_hearing_verbs(bot: TestBot) -> None:
    out = bot.run("/partnerbot hjelp horing")
    for verb in ("ny", "liste", "vis 3", "svart 3", "endre 3", "avslutt 3"):
        assert f"`/horing {verb}" in out


# -- the demo -------------------------------------------------------------------------------------


def test_demo_has_an_open_hearing_weeks_ahead_with_reminders(bot: TestBot) -> None:
    real_now = datetime.now(UTC)
    out = bot.run("/horing vis 1", now=real_now)
    assert "«Partnerskapsavtale med kommunene, generell del»" in out
    assert "✅ Tønsberg kommune" in out and "⬜ Horten kommune" in out
    with bot.app.db.transaction() as s:
        h = s.get(Hearing, 1)
        assert h is not None and h.state == "open"
        assert timedelta(weeks=5) <= h.deadline - real_now <= timedelta(weeks=6)
    assert len(pending(bot, 1)) >= 3


# -- both databases ---------------------------------------------------------------------------------


def test_hearing_flow_on_sqlite_and_postgresql(any_db: Database, now: datetime) -> None:
    app = App.build(
        make_settings(str(any_db.engine.url.render_as_string(hide_password=False))), any_db
    )
    demo.load(any_db, app.settings)
    bot = TestBot(app)
    assert bot.run(NEW, now=now).startswith("Høring #2")
    bot.run("/horing svart 2 Horten", now=now)
    sent = bot.dispatch(oslo(2026, 9, 1, 9))
    assert len(sent) == 1 and "Larvik kommune, Mosseregionen" in sent[0][1]
    assert bot.dispatch(oslo(2026, 9, 1, 9, 1)) == []


def test_edit_moves_a_hearing_to_another_network_and_its_reminders_follow(
    bot: TestBot, now: datetime
) -> None:
    bot.run(NEW, now=now)
    out = bot.run("/horing endre 2 nettverk utenforskap", now=now)
    assert "er endret" in out and "– i #utenforskap" in out
    with bot.app.db.transaction() as s:
        h = s.get(Hearing, 2)
        assert h is not None
        net_id = str(h.network_id)
    assert {r.target_id for r in rows(bot, 2, "pending")} == {net_id}
    assert bot.dispatch(oslo(2026, 9, 1, 9))[0][0] == "#utenforskap"


def test_many_reminder_offsets_answer_the_same_on_sqlite_and_postgresql(
    any_db: Database, now: datetime
) -> None:
    # Found building the soak: 30 offsets in minutes are stored as 30 tokens ("60060s,...")
    # longer than the 200 characters reminder_offsets holds; SQLite stored them, PostgreSQL
    # refused the row and the member was told the database could not be reached.
    app = App.build(
        make_settings(str(any_db.engine.url.render_as_string(hide_password=False))), any_db
    )
    demo.load(any_db, app.settings)
    bot = TestBot(app)
    many = ",".join(f"{n}m" for n in range(1001, 1031))
    out = bot.run(f'/horing ny "Mange" frist 15.09 kl 12 påminn {many} mottakere Horten', now=now)
    assert "Høyst 20 påminnelser" in out and "Høring #" not in out
    with any_db.transaction() as s:
        assert (
            s.scalar(select(func.count()).select_from(Hearing).where(Hearing.title == "Mange")) == 0
        )
    # 20 of the longest there are fit, on both databases.
    longest = ",".join(f"{n}m" for n in range(527000, 527020))  # 9-digit seconds
    out = bot.run(
        f'/horing ny "Mange nok" frist 15.09 kl 12 påminn {longest} mottakere Horten', now=now
    )
    assert out.startswith("Høring #2")
    out = bot.run(f"/horing endre 2 påminn {many}", now=now)
    assert "Høyst 20 påminnelser" in out


def test_hearing_overview_is_the_list_as_data(bot: TestBot, now: datetime) -> None:
    from handlers.hearing_list import hearing_overview

    bot.run(NEW, now=now)
    bot.run("/horing svart 2 Larvik kommune", now=now)
    shown = bot.run("/horing liste", now=now)
    with bot.app.db.transaction() as s:
        page = hearing_overview(s, networks=None)
        assert (page.total, page.page, page.pages) == (2, 1, 1)
        counts = {r.hearing.id: (r.answered, r.addressees) for r in page.rows}
        assert counts[2] == (1, 3)
        for row in page.rows:
            assert f"#{row.hearing.id} «{row.hearing.title}»" in shown
        assert hearing_overview(s, networks=None, page=2).rows == []
        assert hearing_overview(s, networks=[]).total == 0
