"""What a handler gets for one command: the open transaction, the member, language, clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import permissions
from bot.config import Settings
from bot.errors import UserError
from bot.i18n import t
from bot.messages import Command
from storage.models import Member, Network, Partnership


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
            if role == "organiser":  # whose: the channel's network's partnership
                raise self.need_organiser(self.network)
            raise UserError(f"permission.need_{role}")

    def require_organiser(self, network: Network | None) -> None:
        """Organisers of ``network``'s partnership and admins (permissions.organiser)."""
        if not self.has_role("organiser"):
            raise self.need_organiser(network)
        if not permissions.organiser(self.member, network):
            raise self.refusal(network, "permission.need_organiser")

    def need_organiser(self, network: Network | None) -> UserError:
        """The no to a member who is no organiser: where the role would count and whom to
        ask (when the command is about a network)."""
        if network is None:
            return UserError("permission.need_organiser")
        return UserError(
            "permission.need_organiser_in",
            partnership=partnership_name(network.partnership, self.lang),
            who=self.whom_to_ask(network),
        )

    def refusal(self, network: Network | None, key: str, /, **params: object) -> UserError:
        """The no of ``key`` to managing an object of ``network``; an organiser refused
        because the object is not their partnership's is told whose it is and whom to ask.
        Not for taking part (voting, making an action, hearing or poll): that needs
        membership, and its no is the one any non-member gets (ask to be added)."""
        member = self.member
        if permissions.has_role(member, "organiser") and not permissions.admin(member):
            if network is None:  # placed in no partnership: its maker's and the admins'
                return UserError("permission.no_partnership_object")
            if network.partnership_id != member.partnership_id:
                return UserError(
                    "permission.other_partnership",
                    mine=partnership_name(member.partnership, self.lang),
                    theirs=partnership_name(network.partnership, self.lang),
                    who=self.whom_to_ask(network),
                )
        if key == "permission.need_organiser" and not params:
            return self.need_organiser(network)
        return UserError(key, **params)

    def whom_to_ask(self, network: Network | None) -> str:
        """Names for a refusal to end with: organisers of ``network``'s partnership, then
        admins (a few of each), or "—" when there is nobody."""
        partnership_id = network.partnership_id if network is not None else None
        return ", ".join(self._organisers_of(partnership_id)) or "—"

    def _organisers_of(self, partnership_id: int | None) -> list[str]:
        """Whom to ask: the partnership's organisers, then the admins (a few of each)."""
        organisers = self.session.scalars(
            select(Member.name)
            .where(
                Member.role == "organiser",
                Member.partnership_id.is_not_distinct_from(partnership_id),
            )
            .order_by(Member.name)
            .limit(3)
        ).all()
        return [*organisers, *self._admin_names()]

    def admins(self) -> str:
        """A few admins' names, for "ask an admin to add you" ("—" when there is none)."""
        return ", ".join(self._admin_names()) or "—"

    def _admin_names(self) -> list[str]:
        query = select(Member.name).where(Member.role == "admin").order_by(Member.name).limit(3)
        return list(self.session.scalars(query).all())


def partnership_name(partnership: Partnership | None, lang: str) -> str:
    """The partnership's name, or what to call being in none (where a role counts)."""
    return partnership.name if partnership else t("permission.no_partnership", lang)
