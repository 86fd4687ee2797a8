"""SlackMessenger: how the outbox dispatcher sends reminders and announcements to Slack."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.adapters.slack.client import to_send_error
from bot.adapters.slack.posting import PLATFORM, Poster
from bot.messages import Reply
from bot.messenger import Destination
from storage.db import Database


class SlackMessenger:
    """A channel gets chat.postMessage; a member gets it with their user id as the channel
    (the app's direct messages), with the outbox row's key in its metadata (see
    message_keys). Slack errors become TemporaryError / PermanentError."""

    platform = PLATFORM

    def __init__(self, client: WebClient, db: Database, *, lang: str = "nb") -> None:
        self.poster = Poster(client, db, lang=lang)

    def send(self, destination: Destination, reply: Reply) -> None:
        try:
            self.poster.post(
                destination.address, reply, key=destination.key, resend=destination.resend
            )
        except Exception as exc:  # every failure is judged: temporary or permanent
            raise to_send_error(exc) from exc
