"""A chat adapter built only from the contract (bot/adapters/contract.py): no Slack, no
Teams. Commands go in as ``Command``s, replies come out through ``answer``, ``post``,
``update`` and ``upload``, and its messenger sits in a DispatchLoop like any other's. What
it delivered is kept as a transcript, as errbot's test backend does."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.adapters.contract import Capabilities, Posted, Profile, stored_profile
from bot.app import App
from bot.messages import Command, File, Reply
from bot.messenger import Destination
from bot.scheduler import DispatchLoop

PLATFORM = "recording"


@dataclass
class Delivery:
    how: str  # answer | post | update | upload
    where: str
    text: str


@dataclass
class RecordingAdapter:
    app: App
    user: str = "rec-ingrid"
    channel: str = "rec-infrastruktur"
    transcript: list[Delivery] = field(default_factory=list)

    platform = PLATFORM
    capabilities = Capabilities(ephemeral=True, card_updates=True, forms=False, files=False)

    def __post_init__(self) -> None:
        self.dispatching = DispatchLoop(self.app)
        self.dispatching.register(self)  # it sends the outbox rows for its platform too
        self._posts: dict[Posted, str] = {}

    # -- command in ------------------------------------------------------------------

    def type(self, line: str, *, now: datetime) -> Reply:
        """The member types ``line`` in the channel; the reply is delivered through the
        contract, and what the command queued for others is dispatched."""
        word, _, rest = line.strip().partition(" ")
        command = Command(
            platform=PLATFORM,
            user_id=self.user,
            user_name="Ingrid Berg",
            channel_id=self.channel,
            channel_name=f"#{self.channel}",
            name=word.lstrip("/"),
            text=rest.strip(),
            locale="nb-NO",
            timezone="Europe/Oslo",
        )
        reply = self.app.router.handle(command, now=now)
        if reply.visibility == "channel":
            self.post(self.channel, reply)
        else:
            self.answer(command, reply)
        if reply.files:
            self.upload(self.channel, reply.files)
        self.dispatching.run(now)
        return reply

    # -- the contract ------------------------------------------------------------------

    def answer(self, command: Command, reply: Reply) -> None:
        self.transcript.append(Delivery("answer", command.user_id, reply.plain()))

    def post(self, destination: str, reply: Reply) -> Posted:
        posted = (destination, str(len(self._posts) + 1))
        self._posts[posted] = reply.plain()
        self.transcript.append(Delivery("post", destination, reply.plain()))
        return posted

    def update(self, posted: Posted, reply: Reply) -> bool:
        if posted not in self._posts:
            return False
        self._posts[posted] = reply.plain()
        self.transcript.append(Delivery("update", posted[0], reply.plain()))
        return True

    def open_form(self, command: Command, trigger: str | None) -> bool:
        return False

    def upload(self, destination: str, files: list[File]) -> list[str]:
        for f in files:
            self.transcript.append(Delivery("upload", destination, f.name))
        return [f"recording://{f.name}" for f in files]

    def profile(self, external_id: str) -> Profile:
        return stored_profile(self.app.db, PLATFORM, external_id)

    # -- as the dispatcher's messenger ---------------------------------------------------

    def send(self, destination: Destination, reply: Reply) -> None:
        self.post(destination.address, reply)
