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
    platform: str

    def send(self, destination: Destination, reply: Reply) -> None:
        """Deliver or raise TemporaryError / PermanentError."""
        ...


class RecordingMessenger:
    """Keeps what would have been sent; for tests and dry runs."""

    def __init__(self, platform: str = "console") -> None:
        self.platform = platform
        self.sent: list[tuple[Destination, Reply]] = []

    def send(self, destination: Destination, reply: Reply) -> None:
        self.sent.append((destination, reply))
