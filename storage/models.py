"""SQLAlchemy 2 typed models for every stored object; times are stored in UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, naive UTC in the column on every database."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; pass an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# -- partnerships, networks, organisations, members -------------------------------------


class Partnership(Base):
    __tablename__ = "partnerships"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    language: Mapped[str | None] = mapped_column(String(2))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    networks: Mapped[list[Network]] = relationship(back_populates="partnership")


class NetworkOrganisation(Base):
    __tablename__ = "network_organisations"
    network_id: Mapped[int] = mapped_column(
        ForeignKey("networks.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )


class NetworkMember(Base):
    __tablename__ = "network_members"
    network_id: Mapped[int] = mapped_column(
        ForeignKey("networks.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True
    )


class Organisation(Base):
    __tablename__ = "organisations"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str | None] = mapped_column(String(40))
    networks: Mapped[list[Network]] = relationship(
        secondary="network_organisations", back_populates="organisations", order_by="Network.id"
    )
    members: Mapped[list[Member]] = relationship(back_populates="organisation")


class Network(Base):
    __tablename__ = "networks"
    __table_args__ = (UniqueConstraint("partnership_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int | None] = mapped_column(ForeignKey("partnerships.id"))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    digest_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    digest_weekday: Mapped[int] = mapped_column(Integer, default=0)  # Monday
    digest_time: Mapped[str] = mapped_column(String(5), default="08:00")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    partnership: Mapped[Partnership | None] = relationship(back_populates="networks")
    organisations: Mapped[list[Organisation]] = relationship(
        secondary="network_organisations", back_populates="networks", order_by="Organisation.name"
    )
    members: Mapped[list[Member]] = relationship(
        secondary="network_members", back_populates="networks", order_by="Member.name"
    )
    channels: Mapped[list[ChannelRef]] = relationship(back_populates="network")


class Member(Base):
    """A person (the domain's Person: ``Person = Member``): name, organisation, role,
    language, time zone and networks. Who they are on a platform is an ``Account``
    (platform, account id), one per platform they use; identity is only ever read there."""

    __tablename__ = "members"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    role: Mapped[str] = mapped_column(String(20), default="member")  # admin/organiser/member
    language: Mapped[str | None] = mapped_column(String(2))
    timezone: Mapped[str | None] = mapped_column(String(60))
    partnership_id: Mapped[int | None] = mapped_column(ForeignKey("partnerships.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    organisation: Mapped[Organisation | None] = relationship(back_populates="members")
    partnership: Mapped[Partnership | None] = relationship()
    networks: Mapped[list[Network]] = relationship(
        secondary="network_members", back_populates="members", order_by="Network.id"
    )
    # Loaded with the member (one query per batch): guest checks and "which platform" read it.
    accounts: Mapped[list[Account]] = relationship(
        back_populates="member",
        order_by="Account.id",
        cascade="all, delete-orphan",
        lazy="selectin",
    )

    def account_on(self, platform: str) -> Account | None:
        """The person's account on ``platform`` (the oldest, should there be two)."""
        return next((a for a in self.accounts if a.platform == platform), None)

    @property
    def is_guest(self) -> bool:
        """Someone who answered through a guest link only: no chat to write to."""
        return bool(self.accounts) and all(a.platform == GUEST_PLATFORM for a in self.accounts)


GUEST_PLATFORM = "web"  # members who answered from a guest link (handlers/guest_votes.py)

# The domain calls a member a person (ARCHITECTURE.md); the class keeps its table's name.
Person = Member


class Account(Base):
    """One person's identity on one platform: a Slack user id, a Teams AAD object id, a
    console name, a web guest's random id. Unique per platform; a person has one or more."""

    __tablename__ = "accounts"
    __table_args__ = (UniqueConstraint("platform", "external_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    platform: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    member: Mapped[Member] = relationship(back_populates="accounts")


class AccountLinkCode(Base):
    """A one-time code that links the account typing it to the person who asked for it.
    Only its SHA-256 is stored; it expires, is used once (``used_at``), and a member who
    types too many wrong codes is refused for a while (handlers/accounts.py)."""

    __tablename__ = "account_link_codes"
    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), index=True)
    platform: Mapped[str] = mapped_column(String(20))  # where it was asked for
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ChannelRef(Base):
    """A chat channel bound to a network; Teams keeps its conversation reference here too."""

    __tablename__ = "channel_refs"
    __table_args__ = (UniqueConstraint("platform", "channel_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    channel_id: Mapped[str] = mapped_column(String(100))
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id", ondelete="CASCADE"))
    name: Mapped[str | None] = mapped_column(String(200))
    conversation_ref: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    network: Mapped[Network] = relationship(back_populates="channels")


class AuditEntry(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(60))
    object_type: Mapped[str | None] = mapped_column(String(40))
    object_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class PostedMessage(Base):
    """A message the bot posted about an object (a poll, an invitation), kept to update it."""

    __tablename__ = "posted_messages"
    __table_args__ = (Index("ix_posted_messages_object", "object_type", "object_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[int] = mapped_column(Integer)
    platform: Mapped[str] = mapped_column(String(20))
    channel_id: Mapped[str] = mapped_column(String(100))
    message_id: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class InboxRequest(Base):
    """A request a chat platform sent and we acknowledged: stored before the ack, run by a
    worker. ``key`` is the platform's retry-stable id, so a retry finds its row. States:
    pending -> ran (the command's effects and its answer committed together) -> done
    (answered); failed when it kept failing. Rows of one ``member`` run in ``id`` order."""

    __tablename__ = "inbox"
    __table_args__ = (
        Index("ix_inbox_state_member_id", "state", "member", "id"),
        Index("ix_inbox_member_id", "member", "id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    platform: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    member: Mapped[str] = mapped_column(String(200))
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(20), default="pending")
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    claim_token: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    answer: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)


class TeamsConversation(Base):
    """A Teams conversation the bot may post in on its own (a channel, a group chat, a
    member's personal chat): Teams only takes proactive messages into a conversation whose
    service URL the bot learnt from an activity (installation, or someone writing)."""

    __tablename__ = "teams_conversations"
    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # personal / channel / groupChat
    service_url: Mapped[str] = mapped_column(String(500))
    tenant_id: Mapped[str | None] = mapped_column(String(100))
    bot_id: Mapped[str] = mapped_column(String(200))
    name: Mapped[str | None] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TeamsPerson(Base):
    """How to reach one Teams member directly: their AAD object id (the account id the bot
    keys members by), their Teams user id and, once known, their personal chat."""

    __tablename__ = "teams_people"
    id: Mapped[int] = mapped_column(primary_key=True)
    aad_object_id: Mapped[str] = mapped_column(String(100), unique=True)
    user_id: Mapped[str] = mapped_column(String(200))
    service_url: Mapped[str] = mapped_column(String(500))
    tenant_id: Mapped[str | None] = mapped_column(String(100))
    bot_id: Mapped[str] = mapped_column(String(200))
    personal_conversation_id: Mapped[str | None] = mapped_column(String(300))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SharedFile(Base):
    """A file offered as a link instead of an upload (Teams: no file in a channel without
    Graph): fetched at /files/<token>/<name> until it expires; the token is the secret."""

    __tablename__ = "shared_files"
    __table_args__ = (Index("ix_shared_files_expires_at", "expires_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    mime: Mapped[str] = mapped_column(String(100))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# -- the reminder outbox ---------------------------------------------------------------


class OutboxMessage(Base):
    """A message due in the future. States: pending, sending, sent, failed, stale, cancelled."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_state_not_before", "state", "not_before"),
        Index("ix_outbox_object", "object_type", "object_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(60))
    target_type: Mapped[str] = mapped_column(String(20))  # network / member / channel
    target_id: Mapped[str] = mapped_column(String(100))
    platform: Mapped[str | None] = mapped_column(String(20))
    object_type: Mapped[str | None] = mapped_column(String(40))
    object_id: Mapped[int | None] = mapped_column(Integer)
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    not_before: Mapped[datetime] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(20), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Destinations (platform addresses) that already got this message: a retry after a
    # partial failure sends only to the others.
    sent_to: Mapped[list[str] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# -- actions register (tiltak) ----------------------------------------------------------


class Goal(Base):
    __tablename__ = "goals"
    __table_args__ = (UniqueConstraint("network_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actions: Mapped[list[Action]] = relationship(back_populates="goal", order_by="Action.id")


class Action(Base):
    """A tiltak. Status: planned, ongoing, done, postponed, cancelled."""

    __tablename__ = "actions"
    # Numbers members see are ids: SQLite must never hand a deleted one out again.
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id", ondelete="CASCADE"))
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("goals.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(Text)
    owner_member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    owner_organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    status: Mapped[str] = mapped_column(String(20), default="planned")
    progress: Mapped[int | None] = mapped_column(Integer)
    due_date: Mapped[date | None] = mapped_column(Date)
    import_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    goal: Mapped[Goal | None] = relationship(back_populates="actions")
    network: Mapped[Network] = relationship()
    owner_member: Mapped[Member | None] = relationship(foreign_keys=[owner_member_id])
    owner_organisation: Mapped[Organisation | None] = relationship()
    updates: Mapped[list[ActionUpdate]] = relationship(
        back_populates="action", order_by="ActionUpdate.id", cascade="all, delete-orphan"
    )


class ActionUpdate(Base):
    __tablename__ = "action_updates"
    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    status: Mapped[str | None] = mapped_column(String(20))
    progress: Mapped[int | None] = mapped_column(Integer)
    due_date: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    action: Mapped[Action] = relationship(back_populates="updates")
    member: Mapped[Member | None] = relationship()


# -- hearings (høringer) ----------------------------------------------------------------


class Hearing(Base):
    """A document out for comment. State: open, closed."""

    __tablename__ = "hearings"
    # Numbers members see are ids: SQLite must never hand a deleted one out again.
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int | None] = mapped_column(ForeignKey("networks.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(Text)
    sender: Mapped[str | None] = mapped_column(String(200))
    link: Mapped[str | None] = mapped_column(Text)
    deadline: Mapped[datetime] = mapped_column(UTCDateTime)
    reminder_offsets: Mapped[str | None] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(20), default="open")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    network: Mapped[Network | None] = relationship()
    addressees: Mapped[list[HearingAddressee]] = relationship(
        back_populates="hearing", order_by="HearingAddressee.id", cascade="all, delete-orphan"
    )


class HearingAddressee(Base):
    """An organisation expected to answer a hearing, and whether it has."""

    __tablename__ = "hearing_addressees"
    __table_args__ = (UniqueConstraint("hearing_id", "organisation_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    hearing_id: Mapped[int] = mapped_column(ForeignKey("hearings.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answered_by: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    response_link: Mapped[str | None] = mapped_column(Text)
    hearing: Mapped[Hearing] = relationship(back_populates="addressees")
    organisation: Mapped[Organisation] = relationship()
    answers: Mapped[list[HearingAnswer]] = relationship(
        back_populates="addressee", order_by="HearingAnswer.id", cascade="all, delete-orphan"
    )


class HearingAnswer(Base):
    """Each report that an organisation answered a hearing. A later report never
    overwrites an earlier one: the addressee keeps its first answer, these the history."""

    __tablename__ = "hearing_answers"
    id: Mapped[int] = mapped_column(primary_key=True)
    addressee_id: Mapped[int] = mapped_column(
        ForeignKey("hearing_addressees.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    link: Mapped[str | None] = mapped_column(Text)
    addressee: Mapped[HearingAddressee] = relationship(back_populates="answers")
    member: Mapped[Member | None] = relationship()


# -- meeting polls (møtepoll) -----------------------------------------------------------


class Poll(Base):
    """A meeting availability poll. State: open, closed."""

    __tablename__ = "polls"
    # Numbers members see are ids: SQLite must never hand a deleted one out again.
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int | None] = mapped_column(ForeignKey("networks.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(Text)
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    one_vote_per_organisation: Mapped[bool] = mapped_column(Boolean, default=False)
    auto_choose: Mapped[bool] = mapped_column(Boolean, default=False)
    # Where and what the meeting will be, known before the time is: copied to the Meeting.
    place: Mapped[str | None] = mapped_column(Text)
    agenda: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20), default="open")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    network: Mapped[Network | None] = relationship()
    slots: Mapped[list[PollSlot]] = relationship(
        back_populates="poll", order_by="PollSlot.position", cascade="all, delete-orphan"
    )
    invitees: Mapped[list[PollInvitee]] = relationship(cascade="all, delete-orphan")


class PollSlot(Base):
    __tablename__ = "poll_slots"
    __table_args__ = (UniqueConstraint("poll_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # 1-based, as members see it
    start_at: Mapped[datetime] = mapped_column(UTCDateTime)
    end_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    poll: Mapped[Poll] = relationship(back_populates="slots")


class PollInvitee(Base):
    __tablename__ = "poll_invitees"
    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id", ondelete="CASCADE"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))


class Vote(Base):
    """One member's answer for one slot: yes, maybe (if need be) or no."""

    __tablename__ = "votes"
    __table_args__ = (UniqueConstraint("slot_id", "member_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id", ondelete="CASCADE"))
    slot_id: Mapped[int] = mapped_column(ForeignKey("poll_slots.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    answer: Mapped[str] = mapped_column(String(10))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Meeting(Base):
    __tablename__ = "meetings"
    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int | None] = mapped_column(ForeignKey("polls.id", ondelete="SET NULL"))
    network_id: Mapped[int | None] = mapped_column(ForeignKey("networks.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(Text)
    start_at: Mapped[datetime] = mapped_column(UTCDateTime)
    end_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    place: Mapped[str | None] = mapped_column(Text)
    agenda: Mapped[str | None] = mapped_column(Text)
    uid: Mapped[str] = mapped_column(String(200), unique=True)
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    network: Mapped[Network | None] = relationship()


# -- conferences ------------------------------------------------------------------------


class Conference(Base):
    """A conference or gathering with registration. State: draft, announced, cancelled."""

    __tablename__ = "conferences"
    # Numbers members see are ids: SQLite must never hand a deleted one out again.
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int | None] = mapped_column(ForeignKey("networks.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(Text)
    start_at: Mapped[datetime] = mapped_column(UTCDateTime)
    end_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    place: Mapped[str | None] = mapped_column(Text)
    theme: Mapped[str | None] = mapped_column(Text)
    programme: Mapped[str | None] = mapped_column(Text)
    registration_deadline: Mapped[datetime | None] = mapped_column(UTCDateTime)
    seats: Mapped[int | None] = mapped_column(Integer)
    audience_all: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(20), default="draft")
    uid: Mapped[str] = mapped_column(String(200), unique=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    announced_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    audience: Mapped[list[ConferenceAudience]] = relationship(cascade="all, delete-orphan")
    registrations: Mapped[list[Registration]] = relationship(
        back_populates="conference", order_by="Registration.id", cascade="all, delete-orphan"
    )


class ConferenceAudience(Base):
    __tablename__ = "conference_audience"
    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conferences.id", ondelete="CASCADE"))
    network_id: Mapped[int | None] = mapped_column(ForeignKey("networks.id"))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))


class Registration(Base):
    """A member's answer to a conference: registered, waitlisted, maybe or cancelled."""

    __tablename__ = "registrations"
    __table_args__ = (UniqueConstraint("conference_id", "member_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conferences.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    status: Mapped[str] = mapped_column(String(20))
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)  # food, allergies, access: for the organiser
    conference: Mapped[Conference] = relationship(back_populates="registrations")
    member: Mapped[Member] = relationship()


# -- the web: guest links, calendar feeds, dashboards --------------------------------------


class WebLink(Base):
    """A private link: only the SHA-256 of its random token is stored. Kinds: poll and
    conference (guest pages, object_id the poll or conference), guest (a guest's own edit
    link, member_id the guest, object_id the poll or conference), feed (a member's calendar), network_feed and dashboard
    (object_id the network). A revoked link answers 404."""

    __tablename__ = "web_links"
    __table_args__ = (Index("ix_web_links_kind_object", "kind", "object_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # Kept only for links the bot shows again (feeds, dashboards): a random id, no secret
    # beyond the link itself. Guest links are stored hashed only.
    token: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20))
    object_id: Mapped[int | None] = mapped_column(Integer)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    language: Mapped[str | None] = mapped_column(String(2))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class GuestContact(Base):
    """A guest's e-mail (from a conference page): shown to organisers only."""

    __tablename__ = "guest_contacts"
    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True
    )
    email: Mapped[str] = mapped_column(String(254))
