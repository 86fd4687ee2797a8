"""What a handler gets for one command: the open transaction, the member, language, clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot import permissions
from bot.config import Settings
from bot.errors import UserError
from bot.messages import Command
from storage.models import Member, Network


@dataclass
class Context:
    session: Session
    settings: Settings
    now: datetime  # aware, UTC
    command: Command
    member: Member
    lang: str
    tz: ZoneInfo
    network: Network | None  # the network bound to the channel the command came from
    # How the bot read what the member typed where it had to choose ("uke 50" as its
    # Friday, "i morgn" as "i morgen"); the router adds them to the end of the reply.
    notes: list[str] = field(default_factory=list)

    @property
    def local_now(self) -> datetime:
        return self.now.astimezone(self.tz)

    def has_role(self, role: str) -> bool:
        return permissions.has_role(self.member, role)

    def require_role(self, role: str) -> None:
        if not self.has_role(role):
            raise UserError(f"permission.need_{role}")
