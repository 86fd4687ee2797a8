"""How the bot sends on its own: the Messenger each adapter provides, and its errors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.messages import Reply


@dataclass(frozen=True)
class Destination:
    """A resolved place to send to on one platform: a channel or a member (direct message)."""

    kind: str  # "channel" | "member"
    address: str  # platform id: Slack channel id or user id; console name
    label: str  # what a person calls it: "#infrastruktur", "Kari Nordmann"
    # The outbox row's key, for platforms that can tag a message with it; ``resend``: a
    # sender that vanished may have delivered it already (look before sending again).
    key: str = ""
    resend: bool = False


class SendError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class TemporaryError(SendError):
    """Try again later: rate limited (``retry_after`` seconds), server error, timeout."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


class PermanentError(SendError):
    """Will never succeed as it is: channel not found, bot not in channel, archived."""


class Messenger(Protocol):
    """How the dispatcher sends on one platform. A messenger with a true
    ``shows_unbound_networks`` attribute (the console, which has no real channels) also
    takes a network's messages when no channel of its platform is bound to the network;
    others get them failed with "link a channel" for the organiser."""

    platform: str

    def send(self, destination: Destination, reply: Reply) -> None:
        """Deliver or raise TemporaryError / PermanentError."""
        ...


class RecordingMessenger:
    """Keeps what would have been sent; for tests and dry runs."""

    def __init__(
        self, platform: str = "console", *, shows_unbound_networks: bool | None = None
    ) -> None:
        self.platform = platform
        # By default it stands in for the console, which shows every network's messages.
        self.shows_unbound_networks = (
            platform == "console" if shows_unbound_networks is None else shows_unbound_networks
        )
        self.sent: list[tuple[Destination, Reply]] = []

    def send(self, destination: Destination, reply: Reply) -> None:
        self.sent.append((destination, reply))
