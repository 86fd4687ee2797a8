"""Walks the table in docs/permissions.md: every command against every role, through the
router, on a copy of one prepared database. Allowed means no permission refusal; refused
means the permission text in the member's language and not one row changed."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text

from bot import demo, permissions
from bot.app import App
from bot.i18n import CATALOG, LANGUAGES
from storage.db import Database
from storage.models import Account, Base, Member, Network
from tests.conftest import make_settings, sqlite_database, sqlite_url
from tests.helpers import REPO, TestBot

DOC = REPO / "docs" / "permissions.md"
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # Monday 09:00 in Oslo
CH = "#infrastruktur"  # every command is typed here: the network it is about

# The roles of the table's columns, played by demo members of "Nettverk for infrastruktur"
# (Sigrid Aasen organises Vest-Telemarkrådet, another partnership; Tone Haugen is only in
# Vest-Telemark, whose language is nynorsk; "Eva Ny" is unknown).
ROLES = {
    "admin": "Ingrid Berg",
    "organisator": "Marte Lie",
    "organisator annet partnerskap": "Sigrid Aasen",  # organiser of Vest-Telemarkrådet
    "medlem": "Ola Nordmann",
    "annet nettverk": "Tone Haugen",
    "ukjent": "Eva Ny",
}

# Texts that refuse for lack of permission; a refusal must be one of them, in the
# member's language.
REFUSALS = (
    "permission.need_admin",
    "permission.need_organiser",
    "permission.need_organiser_in",
    "permission.need_member",
    "permission.other_partnership",
    "permission.no_partnership_object",
    "actions.not_in_network",
    "actions.not_owner",
    "hearings.not_in_network",
    "hearings.not_permitted",
    "polls.close_not_allowed",
    "polls.cancel_not_allowed",
    "polls.not_in_network",
    "conferences.not_in_audience",
    "hearings.answer_not_yours",
    # A draft is answered as no such conference to those who may not see it.
    "conferences.unknown",
    "web.link_organiser_only",
    "web.network_feed_members_only",
    "web.network_feed_new_organisers_only",
    "web.dashboard_members_only",
    "web.dashboard_new_organisers_only",
)

PROGRAMME = "Mål 1: Betre kollektivtilbod\nTiltak:\n • Kartleggje busstilbodet\n"


@dataclass(frozen=True)
class Objects:
    action: int  # owned by Per Hansen (not one of the roles), in the network
    poll: int  # made by the admin
    hearing: int  # made by the admin
    conference: int  # announced, audience: the network
    draft: int  # a draft conference made by the admin


def lines(o: Objects) -> dict[str, tuple[str, str]]:
    """A realistic command line for each command of the table, and the body (or, for
    `koble nettverk`, the channel) it comes with."""
    conf = (
        '"Trafikksikkerhetsdag" dato 23.04.2026 kl 09-15 sted "Tønsberg" '
        'påmeldingsfrist 15.04.2026 plasser 40 publikum "Nettverk for infrastruktur"'
    )
    return {
        "/partnerbot hjelp": ("/partnerbot hjelp", ""),
        "/partnerbot nettverk": ("/partnerbot nettverk", ""),
        "/partnerbot nettverk ny": ('/partnerbot nettverk ny "Nettverk for klima"', ""),
        "/partnerbot partnerskap ny": ('/partnerbot partnerskap ny "Grenlandsrådet"', ""),
        "/partnerbot koble nettverk": ("/partnerbot koble nettverk verdiskaping", "#ny-kanal"),
        "/partnerbot meg": ("/partnerbot meg", ""),
        "/partnerbot språk": ("/partnerbot språk en", ""),
        "/partnerbot medlem ny": ('/partnerbot medlem ny "Eva Eng" organisasjon NAV', ""),
        "/partnerbot koble": ("/partnerbot koble", ""),
        "/partnerbot medlem koble": ('/partnerbot medlem koble "Per Hansen" slack U0PERHANSEN', ""),
        "/partnerbot medlem koble fra": (
            '/partnerbot medlem koble fra "Per Hansen" console "Per Hansen"',
            "",
        ),
        "/partnerbot oversikt": ("/partnerbot oversikt", ""),
        "/partnerbot hjem": ("/partnerbot hjem", ""),
        "/partnerbot digest": ("/partnerbot digest fredag 14:00", ""),
        "/tiltak ny": ('/tiltak ny "Kartlegge pendlerparkering" frist 01.06.2026', ""),
        "/tiltak vis": (f"/tiltak vis {o.action}", ""),
        "/tiltak status": (f"/tiltak status {o.action} pågår 50%", ""),
        "/tiltak ferdig": (f"/tiltak ferdig {o.action}", ""),
        "/tiltak notat": (f"/tiltak notat {o.action} Søknaden er sendt", ""),
        "/tiltak framdrift": (f"/tiltak framdrift {o.action} 60", ""),
        "/tiltak endre": (f"/tiltak endre {o.action} frist 01.09.2026", ""),
        "/tiltak slett": (f"/tiltak slett {o.action} bekreft", ""),
        "/tiltak mål ny": ('/tiltak mål ny 7 "Bedre kollektivtilbud"', ""),
        "/tiltak mål": ("/tiltak mål", ""),
        "/tiltak liste": ("/tiltak liste", ""),
        "/tiltak eksport": ("/tiltak eksport", ""),
        "/tiltak importer": ("/tiltak importer", PROGRAMME),
        "/horing ny": (
            '/horing ny "Regional transportplan" frist 15.04.2026 mottakere "Horten kommune"',
            "",
        ),
        "/horing liste": ("/horing liste", ""),
        "/horing vis": (f"/horing vis {o.hearing}", ""),
        "/horing svart": (f"/horing svart {o.hearing} Horten kommune", ""),
        "/horing endre": (f"/horing endre {o.hearing} frist 20.04.2026", ""),
        "/horing avslutt": (f"/horing avslutt {o.hearing}", ""),
        "/mote ny": ('/mote ny "Arbeidsmøte" tider 10.03.2026 kl 10-12, 11.03.2026 kl 13-15', ""),
        "/mote svar": (f"/mote svar {o.poll} 1:ja 2:nei", ""),
        "/mote vis": (f"/mote vis {o.poll}", ""),
        "/mote lukk": (f"/mote lukk {o.poll} 1", ""),
        "/mote endre": (f'/mote endre {o.poll} sted "Horten"', ""),
        "/mote avlys": (f"/mote avlys {o.poll}", ""),
        "/mote gjenåpne": (f"/mote gjenåpne {o.poll}", ""),
        "/mote liste": ("/mote liste", ""),
        "/konferanse ny": (f"/konferanse ny {conf}", ""),
        "/konferanse endre": (f'/konferanse endre {o.draft} sted "Horten"', ""),
        "/konferanse kunngjør": (f"/konferanse kunngjør {o.draft}", ""),
        "/konferanse avlys": (f"/konferanse avlys {o.draft}", ""),
        "/konferanse vis": (f"/konferanse vis {o.conference}", ""),
        "/konferanse liste": ("/konferanse liste", ""),
        "/konferanse deltakere": (f"/konferanse deltakere {o.conference}", ""),
        "/konferanse ics": (f"/konferanse ics {o.conference}", ""),
        "/konferanse meld på": (f"/konferanse meld på {o.conference}", ""),
        "/konferanse meld av": (f"/konferanse meld av {o.conference}", ""),
        "/konferanse kanskje": (f"/konferanse kanskje {o.conference}", ""),
        "/partnerbot kalender": ("/partnerbot kalender", ""),
        "/partnerbot kalender nettverk": ("/partnerbot kalender nettverk", ""),
        "/partnerbot kalender nettverk ny": ("/partnerbot kalender nettverk ny", ""),
        "/tiltak tavle": ("/tiltak tavle", ""),
        "/tiltak tavle ny": ("/tiltak tavle ny", ""),
        "/mote lenke": (f"/mote lenke {o.poll}", ""),
        "/konferanse lenke": (f"/konferanse lenke {o.conference}", ""),
    }


# -- the table --------------------------------------------------------------------------


def read_table() -> tuple[list[str], dict[str, dict[str, str]]]:
    """(role columns, {command: {role: cell}}) from the one table whose first column is
    "Kommando"."""
    header: list[str] = []
    rows: dict[str, dict[str, str]] = {}
    for line in DOC.read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells and cells[0] == "Kommando":
            header = cells[1:]
        elif header and cells and cells[0].startswith("`/"):
            command = cells[0].strip("`")
            assert command not in rows, f"{command} has two rows"
            assert len(cells) == len(header) + 1, f"{command}: {len(cells) - 1} cells"
            rows[command] = dict(zip(header, cells[1:], strict=True))
    return header, rows


HEADER, TABLE = read_table()


def allowed(cell: str) -> bool:
    word = cell.split()[0].casefold() if cell.split() else ""
    assert word in ("ja", "nei"), f"a cell starts with ja or nei, not {cell!r}"
    return word == "ja"


def router_commands(app: App) -> set[str]:
    return {
        f"/{grp.name} {verb.names[0]}" for grp in app.router.groups.values() for verb in grp.verbs
    }


def verb_of(row: str, verbs: set[str]) -> str | None:
    """The router's verb a row of the table is (or is a form of, as `/partnerbot kalender
    nettverk ny` is of `/partnerbot kalender`): the longest one it starts with."""
    fits = [v for v in verbs if row == v or row.startswith(v + " ")]
    return max(fits, key=len) if fits else None


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{[^{}]*\}", template)
    return re.compile(".+?".join(re.escape(p) for p in parts), re.DOTALL)


REFUSAL_PATTERNS = {
    lang: [(key, _pattern(CATALOG[key][lang])) for key in REFUSALS if key in CATALOG]
    for lang in LANGUAGES
}


def refusal(reply: str) -> tuple[str, str] | None:
    """(key, language) of the permission text the reply is, if it is one."""
    for lang, patterns in REFUSAL_PATTERNS.items():
        for key, pattern in patterns:
            if pattern.fullmatch(reply.strip()):
                return key, lang
    return None


# -- the prepared database --------------------------------------------------------------


def prepare(folder: Path) -> tuple[Path, Objects]:
    """The demo, plus objects of "Nettverk for infrastruktur" made by the admin."""
    url = sqlite_url(folder)
    db = Database.from_url(url)
    Base.metadata.create_all(db.engine)
    app = App.build(make_settings(url), db)
    demo.load(db, app.settings, now=NOW)
    bot = TestBot(app)
    admin = ROLES["admin"]

    def made(line: str, what: str) -> int:
        out = bot.run(line, as_=admin, channel=CH, now=NOW)
        found = re.search(rf"{what} #(\d+)", out)
        assert found, out
        return int(found.group(1))

    objects = Objects(
        action=made(
            '/tiltak ny "Ny gang- og sykkelvei" ansvarlig "Per Hansen" frist 01.05.2026', "Tiltak"
        ),
        poll=made(
            '/mote ny "Arbeidsmøte infrastruktur" tider 10.03.2026 kl 10-12, 11.03.2026 kl 13-15',
            "møtepoll",
        ),
        hearing=1,
        conference=made(
            '/konferanse ny "Samferdselsdagen" dato 23.04.2026 kl 09-15 '
            'sted "Tønsberg" påmeldingsfrist 15.04.2026 plasser 40 '
            'publikum "Nettverk for infrastruktur"',
            "Konferanse",
        ),
        draft=made(
            '/konferanse ny "Utkastdagen" dato 24.04.2026 kl 09-15 '
            'publikum "Nettverk for infrastruktur"',
            "Konferanse",
        ),
    )
    assert "sendt" in bot.run(
        f"/konferanse kunngjør {objects.conference}", as_=admin, channel=CH, now=NOW
    )
    db.dispose()
    return folder / "partnerbot.db", objects


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Objects]:
    return prepare(tmp_path_factory.mktemp("permissions"))


@pytest.fixture
def cell_bot(template: tuple[Path, Objects], tmp_path: Path) -> Iterator[TestBot]:
    shutil.copy(template[0], tmp_path / "partnerbot.db")
    url = sqlite_url(tmp_path)
    db = sqlite_database(url)
    yield TestBot(App.build(make_settings(url), db))
    db.dispose()


def dump(bot: TestBot) -> dict[str, list[tuple[object, ...]]]:
    with bot.app.db.engine.connect() as conn:
        return {
            name: sorted(conn.execute(text(f'SELECT * FROM "{name}"')).all(), key=repr)
            for name in Base.metadata.tables
        }


def language_of(bot: TestBot, who: str) -> str:
    from bot.languages import member_language

    with bot.app.db.transaction() as session:
        member = session.scalar(
            select(Member).join(Member.accounts).where(Account.external_id == who)
        )
        if member is None:
            return bot.app.settings.language
        return member_language(member, bot.app.settings)


# -- the tests --------------------------------------------------------------------------


def test_the_table_lists_every_command_and_every_role(app: App) -> None:
    assert HEADER == list(ROLES)
    verbs = router_commands(app)
    missing = verbs - set(TABLE)
    extra = {row for row in TABLE if verb_of(row, verbs) is None}
    assert not missing, f"commands without a row in docs/permissions.md: {sorted(missing)}"
    assert not extra, f"rows in docs/permissions.md the router does not know: {sorted(extra)}"
    assert set(TABLE) == set(lines(Objects(1, 1, 1, 1, 1)))
    assert [key for key in REFUSALS if key not in CATALOG] == []


def test_the_table_is_the_rules_in_bot_permissions() -> None:
    assert tuple(HEADER) == permissions.ROLES
    assert set(TABLE) == set(permissions.COMMANDS)
    for command, rule in permissions.COMMANDS.items():
        cells = tuple(allowed(TABLE[command][role]) for role in HEADER)
        assert cells == rule.cells, f"{command}: the table says {cells}, {rule.name} {rule.cells}"
        assert rule.name == "anyone" or callable(getattr(permissions, rule.name))
    doc = DOC.read_text("utf-8")
    for rule in {r.name for r in permissions.COMMANDS.values()} | {"may_see_draft"}:
        assert f"| `{rule}` |" in doc, f"the rule {rule} is not explained in {DOC.name}"


def test_the_roles_are_who_the_table_says(cell_bot: TestBot) -> None:
    with cell_bot.app.db.transaction() as session:
        net = session.scalar(select(Network).where(Network.name == "Nettverk for infrastruktur"))
        by_name = {m.accounts[0].external_id: m for m in session.scalars(select(Member))}
        assert by_name[ROLES["admin"]].role == "admin"
        assert by_name[ROLES["organisator"]].role == "organiser"
        other = by_name[ROLES["organisator annet partnerskap"]]
        assert other.role == "organiser"
        assert other.partnership_id is not None
        assert other.partnership_id != net.partnership_id
        assert net not in other.networks
        for role in ("medlem", "annet nettverk"):
            assert by_name[ROLES[role]].role == "member"
        assert net in by_name[ROLES["medlem"]].networks
        assert net not in by_name[ROLES["annet nettverk"]].networks
        assert ROLES["ukjent"] not in by_name


CELLS = [(command, role) for command in TABLE for role in HEADER]


@pytest.mark.parametrize(("command", "role"), CELLS, ids=[f"{c} | {r}" for c, r in CELLS])
def test_permission(
    cell_bot: TestBot, template: tuple[Path, Objects], command: str, role: str
) -> None:
    line, extra = lines(template[1])[command]
    channel, body = (extra, "") if extra.startswith("#") else (CH, extra)
    who = ROLES[role]
    lang = language_of(cell_bot, who)
    before = dump(cell_bot)
    reply = cell_bot.run(line, as_=who, channel=channel, now=NOW, body=body)
    refused = refusal(reply)
    if allowed(TABLE[command][role]):
        assert refused is None, f"{line!r} as {role} was refused: {reply}"
        assert "Noe gikk galt" not in reply and "Something went wrong" not in reply, reply
    else:
        assert refused is not None, f"{line!r} as {role} was not refused: {reply}"
        assert refused[1] == lang, f"refused in {refused[1]}, not in the member's {lang}"
        assert dump(cell_bot) == before, f"{line!r} as {role} changed the database"


def test_an_outsider_invited_to_a_poll_may_answer_it(cell_bot: TestBot) -> None:
    admin, tone = ROLES["admin"], ROLES["annet nettverk"]
    out = cell_bot.run(
        '/mote ny "Felles møte" tider 10.03.2026 kl 10-12 inviterte "Tokke kommune"',
        as_=admin,
        channel=CH,
        now=NOW,
    )
    number = re.search(r"møtepoll #(\d+)", out)
    assert number, out
    assert "Du har svara på møtepoll" in cell_bot.run(
        f"/mote svar {number.group(1)} 1:ja", as_=tone, channel="#vest-telemark", now=NOW
    )
