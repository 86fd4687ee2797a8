"""The router: command words and aliases, help for unknown words, roles, language."""

import logging
from datetime import UTC, datetime

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import func, select

from bot.app import App
from bot.i18n import t
from bot.messages import Command
from storage.models import Account, AuditEntry, ChannelRef, Member, Network
from tests.helpers import TestBot


def test_help_lists_every_group_with_examples(bot: TestBot) -> None:
    out = bot.run("/partnerbot hjelp")
    assert "`/partnerbot nettverk`" in out and "`/partnerbot medlem ny" in out
    for name in bot.app.router.groups:
        assert f"/{name} — " in out


def test_no_verb_means_help(bot: TestBot) -> None:
    assert bot.run("/partnerbot") == bot.run("/partnerbot hjelp")


def test_unknown_verb_answers_with_group_help(bot: TestBot) -> None:
    out = bot.run("/partnerbot tull")
    assert out.startswith("Jeg forstod ikke «tull»")
    assert "`/partnerbot nettverk`" in out


def test_unknown_command_answers_with_help(bot: TestBot) -> None:
    out = bot.run("/ukjent greier")
    assert out.startswith("Jeg kjenner ikke kommandoen /ukjent.")
    assert "`/partnerbot hjelp`" in out


def test_help_typed_as_a_command_of_its_own_gives_the_help(bot: TestBot) -> None:
    """`/hjelp` (`/help`) is what a member types first: the help, not "unknown command"."""
    assert bot.run("/hjelp") == bot.run("/partnerbot hjelp")
    assert bot.run("/help tiltak") == bot.run("/partnerbot hjelp tiltak")
    assert bot.run("/hjelp tull") == bot.run("/partnerbot hjelp")


def test_english_aliases_and_member_language(bot: TestBot) -> None:
    out = bot.run("/partnerbot network", as_="Jon Bakke")  # Jon's profile says English
    assert "Nettverk for infrastruktur" in out and "Organisations:" in out


def test_partnership_language_is_used_when_member_has_none(bot: TestBot) -> None:
    out = bot.run("/partnerbot tull", as_="Tone Haugen")  # Vest-Telemarkrådet writes nynorsk
    assert out.startswith("Eg forstod ikkje «tull»")


def test_language_setting_env_default(app: App) -> None:
    app.settings.language = "en"
    out = TestBot(app).run("/partnerbot tull", as_="Nobody")
    assert out.startswith("I didn't understand")


def test_set_language_persists(bot: TestBot) -> None:
    assert bot.run("/partnerbot språk nynorsk", as_="Ola Nordmann").startswith("Greitt")
    assert bot.run("/partnerbot tull", as_="Ola Nordmann").startswith("Eg forstod ikkje")
    assert "er ikke et språk" in bot.run("/partnerbot språk svensk", as_="Per Hansen")


def test_first_contact_creates_member_and_listed_admin(app: App) -> None:
    app.settings.admins_raw = "U123"
    cmd = Command(
        platform="slack",
        user_id="U123",
        user_name="kari",
        channel_id="C1",
        name="partnerbot",
        text="meg",
        locale="nn-NO",
    )
    out = app.router.handle(cmd, now=datetime.now(UTC)).plain()
    assert "administrator" in out
    with app.db.transaction() as s:
        m = s.scalar(select(Member).join(Member.accounts).where(Account.external_id == "U123"))
        assert m is not None and m.role == "admin" and m.language == "nn"


def test_a_name_equal_to_a_listed_admin_id_grants_nothing(app: App) -> None:
    app.settings.admins_raw = "U123"
    for user_id in ("U666", "U667"):
        cmd = Command(
            platform="slack",
            user_id=user_id,
            user_name="U123",  # anyone may call themselves this
            channel_id="C1",
            name="partnerbot",
            text="meg",
        )
        out = app.router.handle(cmd, now=datetime.now(UTC)).plain()
        assert "administrator" not in out
    with app.db.transaction() as s:
        roles = s.scalars(
            select(Member.role)
            .join(Member.accounts)
            .where(Account.external_id.in_(["U666", "U667"]))
        )
        assert set(roles) == {"member"}


def test_admin_only_commands_refuse_members_and_change_nothing(bot: TestBot) -> None:
    out = bot.run('/partnerbot nettverk ny "Nettverk for helse"', as_="Ola Nordmann")
    assert out.startswith("Bare administratorer")
    with bot.app.db.transaction() as s:
        assert (
            s.scalar(
                select(func.count())
                .select_from(Network)
                .where(Network.name == "Nettverk for helse")
            )
            == 0
        )


def test_admin_creates_network_binds_channel_and_adds_member(bot: TestBot) -> None:
    out = bot.run(
        '/partnerbot nettverk ny "Nettverk for helse" organisasjoner "NAV, Helse Sør-Øst"'
    )
    assert "«Nettverk for helse» er opprettet" in out
    assert "koblet til «Nettverk for helse»" in bot.run(
        "/partnerbot koble nettverk helse", channel="#helse"
    )
    out = bot.run(
        '/partnerbot medlem ny "Eva Holm" org "Horten kommune" rolle organisator '
        "nettverk helse språk nn"
    )
    assert out == (
        "Eva Holm er lagt til som organisator i Politisk partnerskap Vestfold (Horten kommune)."
    )
    with bot.app.db.transaction() as s:
        ref = s.scalar(select(ChannelRef).where(ChannelRef.channel_id == "#helse"))
        assert ref is not None and ref.network.name == "Nettverk for helse"
        assert {o.name for o in ref.network.organisations} == {"NAV", "Helse Sør-Øst"}
        eva = s.scalar(select(Member).where(Member.name == "Eva Holm"))
        assert eva is not None and eva.role == "organiser" and eva.language == "nn"
        assert [n.name for n in eva.networks] == ["Nettverk for helse"]
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 3


def test_bad_role_and_ambiguous_network_are_explained(bot: TestBot) -> None:
    assert "Bruk admin, organisator eller medlem" in bot.run('/partnerbot medlem ny "Y" rolle sjef')
    out = bot.run("/partnerbot koble nettverk nettverk")
    assert "passer med flere nettverk" in out and "Nettverk for infrastruktur" in out
    assert "Finner ikke nettverket «månen»" in bot.run("/partnerbot koble nettverk månen")


def test_overlong_command_is_refused(bot: TestBot) -> None:
    assert "for lang" in bot.run("/partnerbot hjelp " + "x" * 5000)


def test_a_bug_in_a_handler_is_a_friendly_reply_and_rolls_back(bot: TestBot) -> None:
    grp = bot.app.router.groups["partnerbot"]

    @grp.verb("krasj")
    def crash(ctx, args):  # type: ignore[no-untyped-def]
        ctx.session.add(Network(name="Halvferdig"))
        ctx.session.flush()
        raise RuntimeError("bug")

    assert bot.run("/partnerbot krasj").startswith("Noe gikk galt hos meg. Ingenting er lagret.")
    with bot.app.db.transaction() as s:
        assert s.scalar(select(Network).where(Network.name == "Halvferdig")) is None


def test_a_constraint_violation_is_a_bug_not_an_outage(
    bot: TestBot, caplog: pytest.LogCaptureFixture
) -> None:
    """Only a database that cannot be reached answers "prøv igjen": a statement the database
    refuses (here a NOT NULL column left empty) is a bug, logged with its traceback."""
    grp = bot.app.router.groups["partnerbot"]

    @grp.verb("ugyldig")
    def invalid(ctx, args):  # type: ignore[no-untyped-def]
        ctx.session.add(Network(name=None))
        ctx.session.flush()

    with caplog.at_level(logging.ERROR, logger="bot.router"):
        out = bot.run("/partnerbot ugyldig")
    assert out.startswith("Noe gikk galt hos meg. Ingenting er lagret.")
    assert [r.exc_info[0].__name__ for r in caplog.records if r.exc_info] == ["IntegrityError"]


def test_a_busy_connection_pool_asks_to_try_again(bot: TestBot) -> None:
    grp = bot.app.router.groups["partnerbot"]

    @grp.verb("opptatt")
    def busy(ctx, args):  # type: ignore[no-untyped-def]
        raise sa_exc.TimeoutError("QueuePool limit of size 5 overflow 10 reached")

    assert bot.run("/partnerbot opptatt") == t("error.database", "nb")


def test_language_outside_a_command_follows_profile_then_partnership(bot: TestBot) -> None:
    """What adapters answer in on their own (form errors, apologies, the console's words)."""
    router = bot.app.router
    assert router.language_of("console", "Sigrid Aasen") == "nn"  # Vest-Telemarkrådet's
    assert router.language_of("console", "Jon Bakke") == "en"  # his own choice
    assert router.language_of("console", "Nobody Yet") == "nb"  # PARTNERBOT_LANGUAGE


def test_help_after_any_command_is_that_command_s_help(bot: TestBot) -> None:
    for word, lang in (("hjelp", "nb"), ("help", "en"), ("?", "nb")):
        out = bot.run(f"/horing {word}", as_="Jon Bakke" if lang == "en" else "Ingrid Berg")
        assert "understand" not in out and "forstod" not in out, out
        assert "/horing" in out and "`/horing " in out


def test_a_verb_is_found_by_its_longest_name_also_after_the_table_changed() -> None:
    """``CommandGroup.find`` looks names up by their first word: the longest name that
    starts the words wins (the first listed of equally long ones), quoted words match no
    name, and verbs added or replaced after a lookup are found (features change the table)."""
    from dataclasses import replace

    from bot.grammar import tokenize
    from bot.router import CommandGroup, Verb

    def handler(ctx, args):  # type: ignore[no-untyped-def]
        raise AssertionError("not run")

    grp = CommandGroup("test")
    meld, meld_pa, kanskje = (
        Verb(("meld",), handler),
        Verb(("meld på", "register"), handler),
        Verb(("kanskje", "maybe"), handler),
    )
    grp.add(meld, meld_pa)
    assert grp.find(tokenize("meld på 2")) == (meld_pa, 2)
    assert grp.find(tokenize("MELD av 2")) == (meld, 1)
    assert grp.find(tokenize('"meld" på')) is None
    assert grp.find(tokenize('meld "på"')) == (meld, 1)
    assert grp.find(tokenize("kanskje 2")) is None
    grp.verbs.insert(0, kanskje)
    assert grp.find(tokenize("maybe 2")) == (kanskje, 1)
    other = replace(meld_pa, names=("meld på",))
    grp.verbs[grp.verbs.index(meld_pa)] = other
    assert grp.find(tokenize("register 2")) is None
    assert grp.find(tokenize("meld på")) == (other, 2)
    grp.add(Verb(("meld på",), handler))  # equally long: the first listed stands
    assert grp.find(tokenize("meld på")) == (other, 2)
