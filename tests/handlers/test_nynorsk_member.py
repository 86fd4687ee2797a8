"""A Vest-Telemark member who writes nynorsk, through the whole tool: the words they type
(`/horing svara`, `status 7 i gang`) work, and the answers teach the nynorsk words."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from storage.models import Action, HearingAddressee, Meeting, Organisation
from tests.helpers import TestBot

VT = "#vest-telemark"
NEW_HEARING = (
    '/horing ny "Regional plan for samferdsel" frist 15.09 frå "Vestfold og Telemark '
    'fylkeskommune" mottakarar "Tokke kommune, Vinje kommune"'
)


def answered_orgs(bot: TestBot, number: int) -> set[str]:
    with bot.app.db.transaction() as s:
        return set(
            s.scalars(
                select(Organisation.name)
                .join(HearingAddressee, HearingAddressee.organisation_id == Organisation.id)
                .where(HearingAddressee.hearing_id == number)
                .where(HearingAddressee.answered_at.is_not(None))
            )
        )


@pytest.mark.parametrize("words", ["svara", "har svara", "har svart", "Svara"])
def test_a_nynorsk_member_marks_a_hearing_answered_in_their_words(
    bot: TestBot, now: datetime, words: str
) -> None:
    """`/horing svara 2` answered the whole help of /horing: only bokmål `svart` worked."""
    bot.run(NEW_HEARING, as_="Sigrid Aasen", channel=VT, now=now)
    out = bot.run(f"/horing {words} 2", as_="Tone Haugen", channel=VT, now=now)
    assert out.startswith("Registrert: Tokke kommune har svara på høyring #2"), out
    assert answered_orgs(bot, 2) == {"Tokke kommune"}


def test_har_svara_takes_an_organisation_and_a_link(bot: TestBot, now: datetime) -> None:
    bot.run(NEW_HEARING, as_="Sigrid Aasen", channel=VT, now=now)
    out = bot.run(
        "/horing har svara 2 Vinje kommune https://vinje.kommune.no/innspel",
        as_="Sigrid Aasen",
        channel=VT,
        now=now,
    )
    assert out.startswith("Registrert: Vinje kommune har svara"), out
    shown = bot.run("/horing vis 2", as_="Tone Haugen", channel=VT, now=now)
    assert "https://vinje.kommune.no/innspel" in shown


def test_the_nynorsk_hearing_teaches_svara(bot: TestBot, now: datetime) -> None:
    """The hint under a new hearing, its button and the help typed bokmål `svart` in nn."""
    out = bot.run(NEW_HEARING, as_="Sigrid Aasen", channel=VT, now=now)
    assert "`/horing svara 2 <organisasjon> <lenkje til innspelet>`" in out, out
    assert "[Vi har svara: /horing svara 2]" in out, out
    assert "svart" not in out
    help_text = bot.run("/hjelp horing", as_="Tone Haugen", channel=VT, now=now)
    assert "`/horing svara 3 Larvik kommune https://…`" in help_text, help_text
    assert "svart" not in help_text
    bokmal = bot.run(NEW_HEARING, as_="Ingrid Berg", now=now)
    assert "[Vi har svart: /horing svart 3]" in bokmal


def test_a_hearing_number_missing_is_asked_for_with_the_members_verb(
    bot: TestBot, now: datetime
) -> None:
    out = bot.run("/horing svara", as_="Tone Haugen", channel=VT, now=now)
    assert out == (
        "Kva høyring? Skriv nummeret, til dømes `/horing svara 3`. `/horing liste` viser numra."
    )
    en = bot.run("/horing answered", as_="Jon Bakke", now=now)
    assert "`/horing answered 3`" in en, en


def action_status(bot: TestBot, number: int) -> tuple[str, int | None]:
    with bot.app.db.transaction() as s:
        action = s.get(Action, number)
        assert action is not None
        return action.status, action.progress


@pytest.mark.parametrize(
    ("words", "status", "shown"),
    [
        ("i gang", "ongoing", "pågår"),
        ("igang", "ongoing", "pågår"),
        ("starta", "ongoing", "pågår"),
        ("påbyrja", "ongoing", "pågår"),
        ("ikkje starta", "planned", "planlagd"),
        ("ikkje byrja", "planned", "planlagd"),
        ("ikke startet", "planned", "planlagd"),
        ("avslutta", "done", "ferdig"),
        ("forseinka", "postponed", "utsett"),
        ("forsinka", "postponed", "utsett"),
    ],
)
def test_a_nynorsk_member_sets_a_status_in_their_words(
    bot: TestBot, now: datetime, words: str, status: str, shown: str
) -> None:
    """`/tiltak status 5 i gang` answered «i» er ikkje ein status; so did ikkje starta,
    forseinka and avslutta. Tone Haugen owns #5 in the demo."""
    out = bot.run(
        f'/tiltak status 5 {words} "Ventar på svar frå fylket"',
        as_="Tone Haugen",
        channel=VT,
        now=now,
    )
    assert out.startswith(
        f"Tiltak #5 «Samle inn kvite flekker for mobildekning langs fylkesvegane»: {shown}"
    ), out
    assert action_status(bot, 5)[0] == status
    shown_action = bot.run("/tiltak vis 5", as_="Tone Haugen", channel=VT, now=now)
    assert "«Ventar på svar frå fylket»" in shown_action, shown_action


def test_forseinka_says_how_it_was_read(bot: TestBot, now: datetime) -> None:
    """There is no status "delayed": «forseinka» is put as utsett, and the answer says so."""
    out = bot.run("/tiltak status 5 forseinka", as_="Tone Haugen", channel=VT, now=now)
    assert "«forseinka» er lese som utsett." in out, out


def test_an_unknown_status_names_the_nynorsk_words(bot: TestBot, now: datetime) -> None:
    before = action_status(bot, 5)
    out = bot.run("/tiltak status 5 kjem snart", as_="Tone Haugen", channel=VT, now=now)
    assert out.startswith("«kjem» er ikkje ein status."), out
    assert "ikkje starta" in out and "i gang" in out, out
    assert "`/tiltak notat 12 Vedteke i rådet`" in out, out  # a note needs no quotes there
    assert action_status(bot, 5) == before  # nothing half-saved


def test_a_work_programme_pasted_without_its_bullets() -> None:
    """Copied from Vest-Telemarkrådet's web page into a chat, the bullets are often lost:
    the lines under «Tiltak:» were each skipped as "neither goal nor action", and the goals
    came in empty. Under a «Tiltak:» heading, each line is an action."""
    from handlers.action_import import parse_programme
    from tests.helpers import DATA

    bulleted = (DATA / "arbeidsprogram_nn.txt").read_text("utf-8")
    bare = "\n".join(line.replace(" • ", "", 1) for line in bulleted.splitlines())
    assert "•" not in bare
    with_bullets, without = parse_programme(bulleted, "nn"), parse_programme(bare, "nn")
    assert [(g.number, g.title, g.actions) for g in without.goals] == [
        (g.number, g.title, g.actions) for g in with_bullets.goals
    ]
    assert without.skipped == with_bullets.skipped
    wrapped = parse_programme(
        "Mål 5: Gode tenester\nTiltak:\n\nSøkje prosjektmidlar til satsingar som\n"
        "følgjer nasjonale føringar\nLage ein felles strategi for digitalisering\n",
        "nn",
    )
    assert wrapped.goals[0].actions == [
        "Søkje prosjektmidlar til satsingar som følgjer nasjonale føringar",
        "Lage ein felles strategi for digitalisering",
    ]


def test_prose_after_a_bulleted_list_is_not_an_action() -> None:
    from handlers.action_import import parse_programme

    prog = parse_programme("Mål 1: Samarbeid\nTiltak:\n • Eitt tiltak\nBack To Top\n", "nn")
    assert prog.goals[0].actions == ["Eitt tiltak"]
    assert prog.skipped == ["Back To Top"]


@pytest.mark.parametrize("command", ["/mote lenkje 1", "/konferanse lenkje 1"])
def test_lenkje_is_the_link_verb_too(bot: TestBot, now: datetime, command: str) -> None:
    """The nynorsk help says "lenkje der gjestar ...": `/mote lenkje 1` answered the whole
    help. It answers as `lenke` does."""
    out = bot.run(command, as_="Sigrid Aasen", channel=VT, now=now)
    assert "Eg forstod ikkje" not in out, out
    same = bot.run(command.replace("lenkje", "lenke"), as_="Sigrid Aasen", channel=VT, now=now)
    assert out == same


@pytest.mark.parametrize("command", ["/tiltak oversyn", "/horing oversyn"])
def test_oversyn_lists_as_oversikt_does(bot: TestBot, now: datetime, command: str) -> None:
    """`/partnerbot oversyn` is nynorsk for oversikt; `/tiltak oversyn` was not understood."""
    out = bot.run(command, as_="Tone Haugen", channel=VT, now=now)
    same = bot.run(command.replace("oversyn", "liste"), as_="Tone Haugen", channel=VT, now=now)
    assert out == same, out


@pytest.mark.parametrize("vote", ["viss naudsynt", "dersom naudsynt", "om nødvendig"])
def test_a_nynorsk_member_votes_if_need_be(bot: TestBot, now: datetime, vote: str) -> None:
    bot.run(
        '/mote ny "Rådsmøte" tider tysdag neste veke 10-12, torsdag neste veke 13-15',
        as_="Sigrid Aasen",
        channel=VT,
        now=now,
    )
    out = bot.run(f"/mote svar 2 1:{vote} 2:nei", as_="Tone Haugen", channel=VT, now=now)
    assert out.startswith("Du har svara på møtepoll #2."), out
    assert "— ja 0 · om naudsynt 1 · nei 0" in out, out


@pytest.mark.parametrize(
    ("line", "group"),
    [
        ("/tiltak korleis", "tiltak"),
        ("/horing kva", "horing"),
        ("/hjelp korleis lagar eg eit tiltak", "tiltak"),
        ("/partnerbot hjelp korleis svarar eg på ei høyring", "horing"),
        ("/hjelp kva med møte", "mote"),
    ],
)
def test_a_question_gets_the_help_it_asks_about(
    bot: TestBot, now: datetime, line: str, group: str
) -> None:
    """`/tiltak korleis` answered «Eg forstod ikkje «korleis»», and `/hjelp korleis lagar
    eg eit tiltak` every command's help: a question word is a request for help, and the
    feature named anywhere in it is the help given."""
    out = bot.run(line, as_="Tone Haugen", channel=VT, now=now)
    expected = bot.run(f"/hjelp {group}", as_="Tone Haugen", channel=VT, now=now)
    assert out == expected, out


@pytest.mark.parametrize("verb", ["notat", "kommentar", "merknad"])
def test_a_progress_note_without_quotes(bot: TestBot, now: datetime, verb: str) -> None:
    """`/tiltak status 5 Har snakka med kommunane` answers «Har» er ikkje ein status: a
    note needed quotes. `/tiltak notat 5 ...` takes the rest of the line as the note and
    leaves the status and the progress as they are (the rest of the line, `framdrift`
    and all, is the note)."""
    before = action_status(bot, 5)
    out = bot.run(
        f"/tiltak {verb} 5 Har snakka med kommunane om dekninga framdrift 50%",
        as_="Tone Haugen",
        channel=VT,
        now=now,
    )
    assert out.startswith("Tiltak #5 «Samle inn kvite flekker"), out
    assert action_status(bot, 5) == before
    shown = bot.run("/tiltak vis 5", as_="Tone Haugen", channel=VT, now=now)
    assert "«Har snakka med kommunane om dekninga framdrift 50%»" in shown, shown


def test_a_note_without_text_says_what_to_type(bot: TestBot, now: datetime) -> None:
    out = bot.run("/tiltak notat 5", as_="Tone Haugen", channel=VT, now=now)
    assert out == "Skriv nummeret og merknaden: `/tiltak notat 12 Søknaden er send til fylket`."
    assert bot.run("/tiltak notat", as_="Tone Haugen", channel=VT, now=now) == out


def action_row(bot: TestBot, number: int) -> tuple[str, int | None, str | None, str | None]:
    """Title, goal number, due date (dd.mm.yyyy) and owner's name of action #number."""
    with bot.app.db.transaction() as s:
        action = s.get(Action, number)
        assert action is not None
        owner = action.owner_member or action.owner_organisation
        return (
            action.title,
            action.goal.number if action.goal else None,
            f"{action.due_date:%d.%m.%Y}" if action.due_date else None,
            owner.name if owner else None,
        )


def test_keywords_typed_with_a_colon(bot: TestBot, now: datetime) -> None:
    """`/tiltak ny Søkje om midlar mål: 3 frist: 15.09` saved an action titled «Søkje om
    midlar mål: 3 frist: 15.09» with no goal and no due date: a keyword with a colon, as
    written in a letter, is the keyword."""
    out = bot.run(
        "/tiltak ny Søkje om midlar mål: 3 ansvarleg: Tokke kommune frist: 15.09",
        as_="Tone Haugen",
        channel=VT,
        now=now,
    )
    assert out.startswith("Tiltak #7 er oppretta"), out
    assert action_row(bot, 7) == ("Søkje om midlar", 3, "15.09.2026", "Tokke kommune")
    hearing = bot.run(
        '/horing ny "Kulturplan" frist for innspel: 1. mars 2027 frå: fylket',
        as_="Sigrid Aasen",
        channel=VT,
        now=now,
    )
    assert "Frist        måndag 1. mars 2027 kl. 23:59" in hearing, hearing
    assert "Frå          fylket" in hearing, hearing


@pytest.mark.parametrize("me", ["meg sjølv", "eg sjølv", "meg selv"])
def test_the_owner_is_me_in_two_words(bot: TestBot, now: datetime, me: str) -> None:
    out = bot.run(
        f'/tiltak ny "Søkje om midlar" mål 3 ansvarleg {me}', as_="Tone Haugen", channel=VT, now=now
    )
    assert out.startswith("Tiltak #7 er oppretta"), out
    assert action_row(bot, 7)[3] == "Tone Haugen"


@pytest.mark.parametrize("word", ["vel", "velg", "val"])
def test_a_poll_is_closed_with_the_slot_chosen_in_nynorsk(
    bot: TestBot, now: datetime, word: str
) -> None:
    """`/mote lukk 2 vel 2` (nynorsk "choose") answered «vel» er ikkje eit gyldig nummer."""
    bot.run(
        '/mote ny "Rådsmøte" tider tysdag neste veke 10-12, torsdag neste veke 13-15',
        as_="Sigrid Aasen",
        channel=VT,
        now=now,
    )
    out = bot.run(f"/mote lukk 2 {word} 2", as_="Sigrid Aasen", channel=VT, now=now)
    assert "Rådsmøte er sett til torsdag" in out and "(tidspunkt 2 i møtepoll #2)" in out, out


@pytest.mark.parametrize(
    "line",
    [
        "/mote lukk 2 val 2 agenda Vel møtt og presentasjonsrunde",
        "/mote lukk 2 vel 2 agenda Vel møtt og presentasjonsrunde",
        "/mote lukk 2 agenda Vel møtt og presentasjonsrunde val 2",
    ],
)
def test_vel_in_an_unquoted_agenda_is_a_word_of_it(bot: TestBot, now: datetime, line: str) -> None:
    """`vel` (choose) names the slot: an agenda «Vel møtt ...» without quotes was refused
    as the slot named twice. Only a number after `vel`/`velg` makes it the choice."""
    bot.run(
        '/mote ny "Rådsmøte" tider tysdag neste veke 10-12, torsdag neste veke 13-15',
        as_="Sigrid Aasen",
        channel=VT,
        now=now,
    )
    out = bot.run(line, as_="Sigrid Aasen", channel=VT, now=now)
    assert "Rådsmøte er sett til torsdag" in out and "(tidspunkt 2 i møtepoll #2)" in out, out
    with bot.app.db.transaction() as s:
        meeting = s.scalars(select(Meeting).where(Meeting.poll_id == 2)).one()
        assert meeting.agenda == "Vel møtt og presentasjonsrunde"


def test_an_action_without_owner_says_so_once(bot: TestBot, now: datetime) -> None:
    """«ansvarleg: ingen ansvarleg» in the answer and in every line of the list."""
    out = bot.run('/tiltak ny "Felles reiselivsplan" mål 2', as_="Tone Haugen", channel=VT, now=now)
    assert "— ansvarleg: ingen — frist: ingen frist" in out, out
    listed = bot.run("/tiltak liste mål 2", as_="Tone Haugen", channel=VT, now=now)
    assert "#7 Felles reiselivsplan — ansvarleg: ingen — planlagd" in listed, listed
    assert "ansvarleg: ingen ansvarleg" not in listed


def test_two_answers_joined_by_og(bot: TestBot, now: datetime) -> None:
    """`/horing svara 2 Tokke og Vinje` was «ikkje mellom mottakarane»; new hearings took
    "Horten og Larvik" already. A name with "og" in it stays one name."""
    bot.run(
        '/horing ny "Plan" frist 15.09 mottakarar "Tokke kommune, Vinje kommune, '
        'Vestfold og Telemark fylkeskommune"',
        as_="Sigrid Aasen",
        channel=VT,
        now=now,
    )
    out = bot.run("/horing svara 2 Tokke og Vinje", as_="Sigrid Aasen", channel=VT, now=now)
    assert out.startswith("Registrert: Tokke kommune, Vinje kommune har svara"), out
    bot.run("/horing svara 2 Vestfold og Telemark", as_="Sigrid Aasen", channel=VT, now=now)
    assert answered_orgs(bot, 2) == {
        "Tokke kommune",
        "Vinje kommune",
        "Vestfold og Telemark fylkeskommune",
    }


def test_svarfrist_is_the_deadline_of_a_hearing(bot: TestBot, now: datetime) -> None:
    """`/horing ny Plan svarfrist 15.09` answered «Høyringa manglar frist»."""
    out = bot.run("/horing ny Plan svarfrist 15.09", as_="Sigrid Aasen", channel=VT, now=now)
    assert out.startswith("Høyring #2 «Plan» er registrert"), out
    assert "Frist        tysdag 15. september 2026 kl. 23:59" in out, out


def test_the_help_names_the_status_words_a_member_types(bot: TestBot, now: datetime) -> None:
    out = bot.run("/hjelp tiltak", as_="Tone Haugen", channel=VT, now=now)
    assert "planlagd (ikkje starta), pågår (i gang), ferdig, utsett (forseinka), avlyst" in out


@pytest.mark.parametrize(
    ("line", "status", "progress"),
    [
        ("/tiltak status 5 pågår 50%", "ongoing", 50),
        ("/tiltak status 5 i gang 50 %", "ongoing", 50),
        ("/tiltak status 5 50%", "ongoing", 50),
        ("/tiltak status 5 utsett 20 prosent", "postponed", 20),
        ("/tiltak framdrift 5 60%", "ongoing", 60),
        ("/tiltak status 5 i gang, framdrift 70%", "ongoing", 70),
    ],
)
def test_a_percentage_after_the_status_is_the_progress(
    bot: TestBot, now: datetime, line: str, status: str, progress: int
) -> None:
    """`/tiltak status 5 pågår 50%` answered «pågår (40 %)»: the 50% was kept as a note
    and the progress stayed. Tone Haugen's #5 is ongoing at 40 % in the demo."""
    out = bot.run(line, as_="Tone Haugen", channel=VT, now=now)
    assert f"({progress} %)" in out, out
    assert action_status(bot, 5) == (status, progress)


@pytest.mark.parametrize("word", ["ferdig!", "ferdig.", "Ferdig"])
def test_a_status_with_punctuation(bot: TestBot, now: datetime, word: str) -> None:
    out = bot.run(f"/tiltak status 5 {word}", as_="Tone Haugen", channel=VT, now=now)
    assert ": ferdig (100 %)" in out, out


@pytest.mark.parametrize(
    "when", ["kvar måndag 08:00", "kvar måndag kl. 8", "måndagar kl 08", "hver mandag 8"]
)
def test_a_weekly_digest_every_monday(bot: TestBot, now: datetime, when: str) -> None:
    """`/partnerbot digest kvar måndag 08:00` was refused with «Skriv dag og klokkeslett»."""
    out = bot.run(f"/partnerbot digest {when}", as_="Sigrid Aasen", channel=VT, now=now)
    assert out.startswith("Vekesamandraget for Arbeidsprogram Vest-Telemark kjem kvar veke;"), out
    assert "mån 09.03 kl. 08:00" in out, out


@pytest.mark.parametrize("off", ["slå av", "skru av"])
def test_a_digest_turned_off_in_two_words(bot: TestBot, now: datetime, off: str) -> None:
    bot.run("/partnerbot digest måndag 08:00", as_="Sigrid Aasen", channel=VT, now=now)
    out = bot.run(f"/partnerbot digest {off}", as_="Sigrid Aasen", channel=VT, now=now)
    assert out == "Vekesamandraget for Arbeidsprogram Vest-Telemark er slått av.", out


def test_a_new_action_with_its_status_and_progress(bot: TestBot, now: datetime) -> None:
    """`/tiltak ny "X" ... framdrift 10%` was «Eg forstod ikkje fristen «neste veke framdrift
    10%»», and `status i gang` «ikkje eit gyldig nummer (mål)»: an action already under way
    is registered as it is."""
    out = bot.run(
        '/tiltak ny "Kartleggje tomter" mål 2 ansvarleg Tone frist 15.09 status i gang '
        "framdrift 10%",
        as_="Tone Haugen",
        channel=VT,
        now=now,
    )
    assert out.startswith("Tiltak #7 er oppretta"), out
    assert "Tiltak #7 «Kartleggje tomter»: pågår (10 %), frist 15.09.2026." in out, out
    assert action_status(bot, 7) == ("ongoing", 10)
    bad = bot.run('/tiltak ny "Y" status snart', as_="Tone Haugen", channel=VT, now=now)
    assert bad.startswith("«snart» er ikkje ein status."), bad


def test_nothing_saved_for_a_bad_status_on_a_new_action(bot: TestBot, now: datetime) -> None:
    bot.run('/tiltak ny "Y" status snart', as_="Tone Haugen", channel=VT, now=now)
    with bot.app.db.transaction() as s:
        assert s.get(Action, 7) is None


def test_actions_numbered_under_their_goal() -> None:
    """Work programmes number actions after their goal: "1.1 Løfte fram ...". They were
    skipped as neither goal nor action (or, under «Tiltak:», kept with their number)."""
    from handlers.action_import import parse_programme

    prog = parse_programme(
        "Mål 1: Ei sterk stemme for distriktet\nTiltak:\n1.1 Løfte fram saker som er viktige\n"
        "1.2. Halde eit felles verkstadmøte\nMål 2: Fleire arbeidsplassar\n"
        "2.1) Auke talet på lærlingplassar\n",
        "nn",
    )
    assert [g.actions for g in prog.goals] == [
        ["Løfte fram saker som er viktige", "Halde eit felles verkstadmøte"],
        ["Auke talet på lærlingplassar"],
    ]
    assert prog.skipped == []


def test_mal_inside_an_unquoted_title(bot: TestBot, now: datetime) -> None:
    """`/tiltak ny Følgje opp mål i klimaplanen` answered «i klimaplanen» er ikkje eit
    gyldig nummer (mål): the word "mål" in a title without quotes. The answer shows the
    title in quotes, or the goal as a number."""
    out = bot.run(
        "/tiltak ny Følgje opp mål i klimaplanen frist 15.09",
        as_="Tone Haugen",
        channel=VT,
        now=now,
    )
    assert out == (
        "«i klimaplanen» er ikkje nummeret på eit mål. Høyrer «mål i klimaplanen» til "
        'tittelen, set tittelen i hermeteikn: `/tiltak ny "Følgje opp mål i klimaplanen" …`; '
        "er det eit mål, skriv nummeret: `mål 2`."
    ), out
    with bot.app.db.transaction() as s:
        assert s.get(Action, 7) is None
    quoted = bot.run(
        '/tiltak ny "Følgje opp" mål i klimaplanen', as_="Tone Haugen", channel=VT, now=now
    )
    assert quoted.startswith("«i klimaplanen» er ikkje eit gyldig nummer (mål)."), quoted


def test_a_note_that_is_a_status_word_is_a_note(bot: TestBot, now: datetime) -> None:
    before = action_status(bot, 5)
    out = bot.run("/tiltak notat 5 ferdig", as_="Tone Haugen", channel=VT, now=now)
    assert out.startswith("Tiltak #5"), out
    assert action_status(bot, 5) == before
