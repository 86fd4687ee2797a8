"""The adapter contract: what every chat platform (console, Slack, Teams, and the next one)
provides to the core, written once. An adapter implements ``Adapter``; the contract suite
(tests/adapters/contract/) runs the same cases against each, skipping a case only by a
capability flag the adapter declares here.

The parts of an adapter:

- **Command in.** The adapter verifies its platform's event, turns it into a
  ``bot.messages.Command`` (who asked, by platform account id, never by name; where; what
  they typed, cleaned), runs it through ``bot.router.Router.handle`` and delivers the
  ``Reply`` with the methods below. How the event arrives (HTTP, Socket Mode, stdin) is the
  adapter's own business.
- **Reply out.** ``answer`` (to the asker), ``post`` (a new message in a channel or to a
  member), ``update`` (a posted card, in place), ``upload`` (a file, or a link to it).
  Every user text is escaped for the platform's markup here, at the edge, never before.
- **Forms.** ``open_form`` for a bare "new" command, where the platform has forms; saving
  one runs the same command as typing it.
- **Profile.** ``profile`` says who an account is (name, language, time zone) when the
  router meets a new member.
- **Sending on its own.** The adapter registers its ``bot.messenger.Messenger`` (one per
  platform) in the process's ``bot.scheduler.DispatchLoop``; it runs no loop of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from bot.messages import Command, File, Reply
from bot.router import find_member
from storage.db import Database

# A posted message, as the platform knows it: (channel or conversation id, message id).
Posted = tuple[str, str]


@dataclass(frozen=True)
class Capabilities:
    """What a platform can do; a contract case that needs one is skipped without it, and
    the core (handlers, dispatcher) never asks which platform it is talking to."""

    ephemeral: bool  # an answer in a shared channel only the asker sees
    card_updates: bool  # a posted message changes in place (a poll's counts after a vote)
    forms: bool  # a form with fields and date pickers for a bare "new" command
    files: bool  # files are attached to the message; without it, a link or a note


@dataclass(frozen=True)
class Profile:
    """Who an account is, as the platform tells it. ``locale`` is a platform locale
    ("nb-NO", "en-GB"); one the platform gives everybody by default (Slack's en-US) is
    None, so it does not choose a language for the member."""

    name: str
    locale: str | None = None
    timezone: str | None = None


@runtime_checkable
class Adapter(Protocol):
    """One chat platform, as the core sees it."""

    platform: str
    capabilities: Capabilities

    def answer(self, command: Command, reply: Reply) -> None:
        """Answer the member who gave ``command``: only them (ephemeral) where the platform
        can and the reply asks for it, else where they wrote (a thread in Teams)."""
        ...

    def post(self, destination: str, reply: Reply) -> Posted:
        """A new message in a channel, or to a member (their account id: a direct
        message). A reply about an object (``object_ref``) is remembered, so that
        ``update`` and the object's later replies rewrite it."""
        ...

    def update(self, posted: Posted, reply: Reply) -> bool:
        """Rewrite a posted message in place; False when the platform cannot (no
        ``card_updates``) or the message is gone."""
        ...

    def open_form(self, command: Command, trigger: str | None) -> bool:
        """Open the form for a bare "new" command (``/horing``, ``/tiltak ny``); False when
        there is none, the platform has no forms, or ``trigger`` (the platform's handle of
        the interaction, Slack's trigger_id) has expired: then the command is run as typed."""
        ...

    def upload(self, destination: str, files: list[File]) -> list[str]:
        """Put the files where the member can get them: attached in ``destination``, or
        as links (returned) on the web front, or written where the member can open them."""
        ...

    def profile(self, external_id: str) -> Profile:
        """Name, locale and time zone of an account; the id as the name when the platform
        will not say."""
        ...


def stored_profile(db: Database, platform: str, external_id: str) -> Profile:
    """The profile a platform without a profile service gives: what the member's own
    messages told the bot (the name, language and time zone it stored), else the id."""
    with db.transaction() as session:
        member = find_member(session, platform, external_id)
        if member is None:
            return Profile(external_id)
        return Profile(member.name, member.language, member.timezone)
