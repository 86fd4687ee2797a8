"""Demo data of a real-looking partnership: Politisk partnerskap Vestfold and Vest-Telemarkrådet.

Organisation names and dates are public facts; people are invented.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.config import Settings
from bot.datefmt import next_working_day
from handlers import action_nudges, hearing_reminders
from storage.accounts import find_member, new_member
from storage.db import Database
from storage.models import (
    Action,
    ActionUpdate,
    ChannelRef,
    Conference,
    Goal,
    Hearing,
    HearingAddressee,
    Member,
    Network,
    Organisation,
    Partnership,
    Poll,
    PollSlot,
    Registration,
    Vote,
)

PLATFORM = "console"

VESTFOLD_MUNICIPALITIES = (
    "Horten kommune",
    "Holmestrand kommune",
    "Tønsberg kommune",
    "Sandefjord kommune",
    "Larvik kommune",
    "Færder kommune",
)
VEST_TELEMARK_MUNICIPALITIES = (
    "Fyresdal kommune",
    "Kviteseid kommune",
    "Nissedal kommune",
    "Seljord kommune",
    "Tokke kommune",
    "Vinje kommune",
)

# network name, console channel, partner organisations
VESTFOLD_NETWORKS = (
    (
        "Nettverk for infrastruktur",
        "#infrastruktur",
        ("Statens vegvesen", "Jernbanedirektoratet", "Bane NOR", "LO", "NHO"),
    ),
    (
        "Nettverk for arbeid mot utenforskap",
        "#utenforskap",
        ("NAV", "NHO", "LO", "Politiet", "Universitetet i Sørøst-Norge (USN)", "Bufetat"),
    ),
    (
        "Nettverk for verdiskaping og arealplanlegging",
        "#verdiskaping",
        (
            "LO",
            "NHO",
            "Innovasjon Norge",
            "Universitetet i Sørøst-Norge (USN)",
            "Visit Vestfold",
            "Electronic Coast",
        ),
    ),
)

# name, organisation, role, language, networks (by channel)
MEMBERS = (
    (
        "Ingrid Berg",
        "Vestfold fylkeskommune",
        "admin",
        None,
        ("#infrastruktur", "#utenforskap", "#verdiskaping"),
    ),
    ("Kari Nordmann", "NAV", "organiser", None, ("#utenforskap",)),
    ("Ola Nordmann", "Tønsberg kommune", "member", None, ("#infrastruktur", "#utenforskap")),
    ("Per Hansen", "NHO", "member", None, ("#infrastruktur", "#verdiskaping")),
    ("Lise Dahl", "LO", "member", None, ("#infrastruktur", "#utenforskap")),
    ("Jon Bakke", "Statens vegvesen", "member", "en", ("#infrastruktur",)),
    ("Marte Lie", "Larvik kommune", "organiser", None, ("#verdiskaping", "#infrastruktur")),
    ("Sigrid Aasen", "Vest-Telemarkrådet", "organiser", None, ("#vest-telemark",)),
    ("Tone Haugen", "Tokke kommune", "member", None, ("#vest-telemark",)),
    ("Knut Vik", "Seljord kommune", "member", None, ("#vest-telemark",)),
)


def _org(session: Session, name: str, kind: str | None = None) -> Organisation:
    org = session.scalar(select(Organisation).where(Organisation.name == name))
    if org is None:
        org = Organisation(name=name, kind=kind)
        session.add(org)
        session.flush()
    return org


def _bind(session: Session, network: Network, channel: str) -> None:
    session.add(ChannelRef(platform=PLATFORM, channel_id=channel, name=channel, network=network))


def is_empty(session: Session) -> bool:
    return not session.scalar(select(func.count()).select_from(Network))


def load(
    db: Database, settings: Settings, *, if_empty: bool = False, now: datetime | None = None
) -> bool:
    with db.transaction() as session:
        if if_empty and not is_empty(session):
            return False
        channels = load_partnerships(session)
        load_members(session, channels)
        load_conferences(session, settings, now or datetime.now(UTC))
        goals = load_goals(session, channels, now or datetime.now(UTC))
        load_actions(session, settings, goals, now or datetime.now(UTC))
        load_polls(session, channels, settings, now or datetime.now(UTC))
        load_hearings(session, channels, now=now or datetime.now(UTC), tz=settings.tz)
    return True


def load_partnerships(session: Session) -> dict[str, Network]:
    channels: dict[str, Network] = {}
    vestfold = Partnership(name="Politisk partnerskap Vestfold", language="nb")
    session.add(vestfold)
    county = _org(session, "Vestfold fylkeskommune", "fylkeskommune")
    municipalities = [_org(session, n, "kommune") for n in VESTFOLD_MUNICIPALITIES]
    for name, channel, partners in VESTFOLD_NETWORKS:
        net = Network(name=name, partnership=vestfold)
        session.add(net)
        net.organisations = [
            county,
            *municipalities,
            *(_org(session, p, "partner") for p in partners),
        ]
        session.add(net)
        _bind(session, net, channel)
        channels[channel] = net

    vest_telemark = Partnership(name="Vest-Telemarkrådet", language="nn")
    session.add(vest_telemark)
    council = _org(session, "Vest-Telemarkrådet", "regionråd")
    net = Network(
        name="Arbeidsprogram Vest-Telemark",
        partnership=vest_telemark,
        description="Mål og tiltak i arbeidsprogrammet til Vest-Telemarkrådet",
    )
    session.add(net)
    net.organisations = [
        council,
        _org(session, "Vestfold og Telemark fylkeskommune", "fylkeskommune"),
        *(_org(session, n, "kommune") for n in VEST_TELEMARK_MUNICIPALITIES),
    ]
    session.add(net)
    _bind(session, net, "#vest-telemark")
    channels["#vest-telemark"] = net
    session.flush()
    return channels


def load_members(session: Session, channels: dict[str, Network]) -> None:
    for name, org, role, lang, nets in MEMBERS:
        member = find_member(session, PLATFORM, name)
        if member is None:
            member = new_member(session, PLATFORM, name, name=name)
        member.role, member.language = role, lang
        member.organisation = _org(session, org)
        member.networks = [channels[c] for c in nets]
        member.partnership = channels[nets[0]].partnership
    session.flush()


def _first_thursday_of_march(year: int) -> date:
    first = date(year, 3, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7)


def load_conferences(session: Session, settings: Settings, now: datetime) -> None:
    """Vestfoldkonferansen, announced, in its next edition whose registration is still open
    (the partnership holds it on the first Thursday of March)."""
    from handlers.conference_outbox import schedule_reminders  # handlers import bot modules

    tz = settings.tz
    year = now.astimezone(tz).year
    while True:
        day = _first_thursday_of_march(year)
        deadline = datetime.combine(day - timedelta(days=14), time(23, 59), tzinfo=tz)
        if deadline > now:
            break
        year += 1
    organiser = find_member(session, PLATFORM, "Ingrid Berg")
    conf = Conference(
        title=f"Vestfoldkonferansen {year}",
        start_at=datetime.combine(day, time(9, 0), tzinfo=tz),
        end_at=datetime.combine(day, time(15, 30), tzinfo=tz),
        place="Oseberg Kulturhus, Tønsberg",
        theme="Utenforskap i opplæring – fra barnehage til videregående: innsikt og ny kunnskap",
        programme="Programmet legges ut her når det er klart",
        registration_deadline=deadline,
        seats=250,
        audience_all=True,
        state="announced",
        uid=f"vestfoldkonferansen-{year}@partnerbot",
        announced_at=now,
        created_at=now,
        created_by=organiser.id if organiser else None,
    )
    session.add(conf)
    session.flush()
    for i, (name, status) in enumerate(
        (("Ola Nordmann", "registered"), ("Per Hansen", "registered"), ("Lise Dahl", "maybe"))
    ):
        member = find_member(session, PLATFORM, name)
        if member is not None:
            at = now + timedelta(seconds=i)
            session.add(
                Registration(
                    conference_id=conf.id,
                    member_id=member.id,
                    status=status,
                    queued_at=at,
                    updated_at=at,
                )
            )
    session.flush()
    session.refresh(conf)
    schedule_reminders(session, conf, now, tz)


# A work programme per network, in our own words after the partnerships' published
# themes: the goals (mål) a member refers to by number (`/tiltak ny ... mål 1`).
# network (by channel) -> goals
WORK_PROGRAMMES: dict[str, tuple[tuple[int, str], ...]] = {
    "#infrastruktur": (
        (1, "Full mobil- og bredbåndsdekning i hele Vestfold"),
        (2, "Raskere utbygging av InterCity-strekningen gjennom Vestfold"),
        (3, "Trygge og godt vedlikeholdte fylkesveier"),
    ),
    "#utenforskap": (
        (1, "Flere unge fullfører videregående opplæring"),
        (2, "Flere som står utenfor, kommer i arbeid"),
        (3, "Tidlig innsats og samordnede tjenester for barn og familier"),
    ),
    "#verdiskaping": (
        (1, "En felles regional plan for næringsareal"),
        (2, "Flere nye og voksende bedrifter i Vestfold"),
        (3, "Kompetansen arbeidslivet trenger, sammen med USN"),
        (4, "Vestfold som et bærekraftig reisemål"),
    ),
    "#vest-telemark": (
        (1, "Ein samla og tydeleg region i møte med fylket og staten"),
        (2, "Fleire folk og fleire arbeidsplassar i Vest-Telemark"),
        (3, "Trygge vegar, breiband og mobildekning i heile regionen"),
    ),
}

# A few actions for Vest-Telemark. Due dates are days from the
# day the demo is loaded, so one action is always overdue when you try it. The overdue one
# belongs to an organisation, which gets no nudges: the demo sends no messages by itself
# near load time, which keeps other features' tests on the demo quiet.
# goal, title, owner (member or organisation), status, progress, due in days from today
DEMO_ACTIONS = (
    (
        1,
        "Skipe til eit felles møte mellom kommunestyra og fylkestinget",
        "Sigrid Aasen",
        "ongoing",
        30,
        45,
    ),
    (
        1,
        "Lage ei felles høyringsfråsegn om regional plan for samferdsel",
        "Kviteseid kommune",
        "planned",
        None,
        -3,
    ),
    (2, "Kartleggje ledige næringsareal i dei seks kommunane", "Vinje kommune", "ongoing", 60, 20),
    (2, "Få fleire lærlingplassar i kommunale verksemder", "Knut Vik", "planned", None, 90),
    (
        3,
        "Samle inn kvite flekker for mobildekning langs fylkesvegane",
        "Tone Haugen",
        "ongoing",
        40,
        10,
    ),
    (
        3,
        "Føreslå prioriterte strekningar for vegvedlikehald",
        "Seljord kommune",
        "planned",
        None,
        None,
    ),
)


def load_goals(session: Session, channels: dict[str, Network], now: datetime) -> dict[int, Goal]:
    """Every network's work programme; returns Vest-Telemark's goals, which have actions."""
    by_channel: dict[str, dict[int, Goal]] = {}
    for channel, programme in WORK_PROGRAMMES.items():
        network = channels[channel]
        by_channel[channel] = {
            number: Goal(network_id=network.id, number=number, title=title, created_at=now)
            for number, title in programme
        }
        session.add_all(by_channel[channel].values())
    session.flush()
    return by_channel["#vest-telemark"]


def load_actions(
    session: Session, settings: Settings, goals: dict[int, Goal], now: datetime
) -> None:
    organiser = find_member(session, PLATFORM, "Sigrid Aasen")
    network_id = goals[1].network_id
    today: date = now.astimezone(settings.tz).date()
    for number, title, owner, status, progress, days in DEMO_ACTIONS:
        member = find_member(session, PLATFORM, owner)
        org = member.organisation if member else _org(session, owner, "kommune")
        due = today + timedelta(days=days) if days is not None else None
        action = Action(
            network_id=network_id,
            goal=goals[number],
            title=title,
            owner_member=member,
            owner_organisation=org,
            status=status,
            progress=progress,
            due_date=due,
            created_by=organiser.id if organiser else None,
            created_at=now,
            updated_at=now,
        )
        session.add(action)
        session.flush()
        session.add(
            ActionUpdate(
                action_id=action.id,
                member_id=action.created_by,
                at=now,
                status=status,
                progress=progress,
                due_date=due,
            )
        )
        action_nudges.reschedule(session, action, now, settings.tz)


def load_polls(
    session: Session, channels: dict[str, Network], settings: Settings, now: datetime
) -> None:
    """A samhandlingsmøte being planned for next week, with two answers in already.

    It has no svarfrist, so the demo puts nothing in the outbox: the organiser closes it
    by hand (`/mote lukk 1`), and tests of other features see no messages from it.
    """
    tz = settings.tz
    today = now.astimezone(tz).date()
    monday = today + timedelta(days=7 - today.weekday())

    def at(day: int, hour: int) -> datetime:
        return datetime.combine(monday + timedelta(days=day), time(hour), tzinfo=tz)

    def member(name: str) -> Member:
        found = find_member(session, PLATFORM, name)
        assert found is not None
        return found

    poll = Poll(
        network=channels["#infrastruktur"],
        state="open",
        created_at=now,
        title="Samhandlingsmøte Tønsberg kommune og fylkeskommunen",
        place="Fylkeshuset i Tønsberg",
        duration_minutes=120,
        agenda="Fv. 308 Kaldnes–Tønsberg, kollektivknutepunkt, status i tiltakslista",
        created_by=member("Marte Lie").id,
    )
    for position, (day, hour) in enumerate(((1, 10), (2, 13), (3, 9)), start=1):
        poll.slots.append(
            PollSlot(position=position, start_at=at(day, hour), end_at=at(day, hour + 2))
        )
    session.add(poll)
    session.flush()
    answers = {"Per Hansen": ("yes", "maybe", "no"), "Lise Dahl": ("yes", "no", "yes")}
    for name, row in answers.items():
        who = member(name)
        for slot, answer in zip(poll.slots, row, strict=True):
            session.add(
                Vote(poll_id=poll.id, slot_id=slot.id, member_id=who.id, answer=answer, at=now)
            )
    session.flush()


def load_hearings(
    session: Session, channels: dict[str, Network], *, now: datetime, tz: tzinfo
) -> None:
    """One open hearing, its deadline five weeks after loading, two municipalities answered."""
    creator = find_member(session, PLATFORM, "Ingrid Berg")
    day = next_working_day(now.astimezone(tz).date() + timedelta(weeks=5))
    hearing = Hearing(
        network=channels["#infrastruktur"],
        title="Partnerskapsavtale med kommunene, generell del",
        sender="Vestfold fylkeskommune",
        link="https://www.vestfoldfylke.no/horinger/partnerskapsavtale-generell-del",
        deadline=datetime(day.year, day.month, day.day, 23, 59, tzinfo=tz).astimezone(UTC),
        reminder_offsets=hearing_reminders.DEFAULT_OFFSETS,
        state="open",
        created_by=creator.id if creator else None,
        created_at=now - timedelta(days=6),
    )
    answered = {
        "Tønsberg kommune": now - timedelta(days=2),
        "Larvik kommune": now - timedelta(days=1),
    }
    for name in VESTFOLD_MUNICIPALITIES:
        at = answered.get(name)
        hearing.addressees.append(
            HearingAddressee(
                organisation=_org(session, name),
                answered_at=at,
                answered_by=creator.id if at and creator else None,
            )
        )
    session.add(hearing)
    session.flush()
    hearing_reminders.sync_reminders(session, hearing, now=now, tz=tz)
