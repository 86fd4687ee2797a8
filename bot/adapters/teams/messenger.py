"""TeamsMessenger: how the outbox dispatcher sends reminders and announcements to Teams."""

from __future__ import annotations

from bot.adapters.teams.connector import ConnectorError
from bot.adapters.teams.posting import PLATFORM, NoConversation, Poster, RateLimited
from bot.messages import Reply
from bot.messenger import Destination, PermanentError, TemporaryError


class TeamsMessenger:
    """A channel gets a new post; a member gets it in their personal chat with the bot.
    Teams' failures become TemporaryError (429, 412, 5xx, our own rate limit: retried,
    after Retry-After when given) or PermanentError (the rest: the organiser is told)."""

    platform = PLATFORM

    def __init__(self, poster: Poster) -> None:
        self.poster = poster

    def send(self, destination: Destination, reply: Reply) -> None:
        try:
            if destination.kind == "member":
                conversation = self.poster.personal_conversation(destination.address)
            else:
                conversation = destination.address
            self.poster.post(conversation, reply)
        except RateLimited as exc:
            raise TemporaryError(str(exc), retry_after=exc.wait) from exc
        except NoConversation as exc:
            raise PermanentError(str(exc)) from exc
        except ConnectorError as exc:
            if exc.temporary:
                raise TemporaryError(exc.reason, retry_after=exc.retry_after) from exc
            raise PermanentError(exc.reason) from exc
