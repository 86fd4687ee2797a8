"""Demo data of a real-looking partnership: Politisk partnerskap Vestfold and Vest-Telemarkrådet.

Organisation names and dates are public facts; people are invented.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.config import Settings
from bot.dates import is_weekend_or_holiday
from handlers import hearing_reminders
from storage.db import Database
from storage.models import (
    ChannelRef,
    Hearing,
    HearingAddressee,
    Member,
    Network,
    Organisation,
    Partnership,
)

PLATFORM = "console"

VESTFOLD_MUNICIPALITIES = ("Horten kommune", "Holmestrand kommune", "Tønsberg kommune",
                           "Sandefjord kommune", "Larvik kommune", "Færder kommune")
VEST_TELEMARK_MUNICIPALITIES = ("Fyresdal kommune", "Kviteseid kommune", "Nissedal kommune",
                                "Seljord kommune", "Tokke kommune", "Vinje kommune")

# network name, console channel, partner organisations
VESTFOLD_NETWORKS = (
    ("Nettverk for infrastruktur", "#infrastruktur",
     ("Statens vegvesen", "Jernbanedirektoratet", "Bane NOR", "LO", "NHO")),
    ("Nettverk for arbeid mot utenforskap", "#utenforskap",
     ("NAV", "NHO", "LO", "Politiet", "Universitetet i Sørøst-Norge (USN)", "Bufetat")),
    ("Nettverk for verdiskaping og arealplanlegging", "#verdiskaping",
     ("LO", "NHO", "Innovasjon Norge", "Universitetet i Sørøst-Norge (USN)",
      "Visit Vestfold", "Electronic Coast")),
)

# name, organisation, role, language, networks (by channel)
MEMBERS = (
    ("Ingrid Berg", "Vestfold fylkeskommune", "admin", None,
     ("#infrastruktur", "#utenforskap", "#verdiskaping")),
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


def load(db: Database, settings: Settings, *, if_empty: bool = False) -> bool:
    with db.transaction() as session:
        if if_empty and not is_empty(session):
            return False
        channels = load_partnerships(session)
        load_members(session, channels)
        load_hearings(session, channels, now=datetime.now(UTC), tz=settings.tz)
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
        net.organisations = [county, *municipalities,
                             *(_org(session, p, "partner") for p in partners)]
        session.add(net)
        _bind(session, net, channel)
        channels[channel] = net

    vest_telemark = Partnership(name="Vest-Telemarkrådet", language="nn")
    session.add(vest_telemark)
    council = _org(session, "Vest-Telemarkrådet", "regionråd")
    net = Network(name="Arbeidsprogram Vest-Telemark", partnership=vest_telemark,
                  description="Mål og tiltak i arbeidsprogrammet til Vest-Telemarkrådet")
    session.add(net)
    net.organisations = [council, _org(session, "Vestfold og Telemark fylkeskommune",
                                       "fylkeskommune"),
                         *(_org(session, n, "kommune") for n in VEST_TELEMARK_MUNICIPALITIES)]
    session.add(net)
    _bind(session, net, "#vest-telemark")
    channels["#vest-telemark"] = net
    session.flush()
    return channels


def load_members(session: Session, channels: dict[str, Network]) -> None:
    for name, org, role, lang, nets in MEMBERS:
        member = session.scalar(select(Member).where(
            Member.platform == PLATFORM, Member.external_id == name))
        if member is None:
            member = Member(platform=PLATFORM, external_id=name, name=name)
            session.add(member)
        member.role, member.language = role, lang
        member.organisation = _org(session, org)
        member.networks = [channels[c] for c in nets]
        member.partnership = channels[nets[0]].partnership
    session.flush()


def _working_day(day: date) -> date:
    while is_weekend_or_holiday(day):
        day += timedelta(days=1)
    return day


def load_hearings(session: Session, channels: dict[str, Network], *, now: datetime,
                  tz: tzinfo) -> None:
    """One open hearing, its deadline five weeks after loading, two municipalities answered."""
    creator = session.scalar(select(Member).where(
        Member.platform == PLATFORM, Member.external_id == "Ingrid Berg"))
    day = _working_day(now.astimezone(tz).date() + timedelta(weeks=5))
    hearing = Hearing(
        network=channels["#infrastruktur"],
        title="Partnerskapsavtale med kommunene, generell del",
        sender="Vestfold fylkeskommune",
        link="https://www.vestfoldfylke.no/horinger/partnerskapsavtale-generell-del",
        deadline=datetime(day.year, day.month, day.day, 23, 59, tzinfo=tz).astimezone(UTC),
        reminder_offsets=hearing_reminders.DEFAULT_OFFSETS, state="open",
        created_by=creator.id if creator else None, created_at=now - timedelta(days=6),
    )
    answered = {"Tønsberg kommune": now - timedelta(days=2), "Larvik kommune": now - timedelta(days=1)}
    for name in VESTFOLD_MUNICIPALITIES:
        at = answered.get(name)
        hearing.addressees.append(HearingAddressee(
            organisation=_org(session, name), answered_at=at,
            answered_by=creator.id if at and creator else None))
    session.add(hearing)
    session.flush()
    hearing_reminders.sync_reminders(session, hearing, now=now, tz=tz)
