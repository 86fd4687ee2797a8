"""Posting replies into Teams conversations, keeping to the rate limits, remembering the
posts about an object (a poll card) and updating them in place (updateActivity)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

from bot.adapters.teams import conversations, files, render
from bot.adapters.teams.connector import Connector, ConnectorError
from bot.adapters.teams.ratelimit import ConversationLimits
from bot.cards import Cards
from bot.i18n import t
from bot.messages import Reply, Text, link
from storage import posted as posted_messages
from storage.db import Database, is_unreachable
from storage.models import TeamsConversation

log = logging.getLogger(__name__)

PLATFORM = "teams"
# Updates of a message that is gone: forget it instead of trying again.
GONE_STATUSES = frozenset({400, 403, 404})


class NoConversation(Exception):
    """The bot never saw this conversation: Teams takes no message there from it."""


class RateLimited(Exception):
    def __init__(self, wait: float) -> None:
        super().__init__(f"Teams rate limit for the conversation: {wait:.1f} s to wait")
        self.wait = wait


class Unsaved:
    """Posts Teams took whose ids could not be written (the database stopped answering
    right after): kept in memory until it answers again, so that the object's next update
    finds them and nothing posts them a second time. Lost if the process stops first."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._posts: list[tuple[tuple[str, int], str, str]] = []

    def add(self, *posts: tuple[tuple[str, int], str, str]) -> None:
        with self._lock:
            self._posts.extend(posts)

    def take(self) -> list[tuple[tuple[str, int], str, str]]:
        with self._lock:
            taken, self._posts = self._posts, []
        return taken


class Poster:
    """Sends with one Connector; raises ConnectorError, RateLimited or NoConversation."""

    def __init__(
        self,
        connector: Connector,
        db: Database,
        limits: ConversationLimits,
        *,
        lang: str = "nb",
        max_wait: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
        public_url: str | None = None,
        cards: Cards | None = None,
        unsaved: Unsaved | None = None,
    ) -> None:
        self.connector = connector
        self.unsaved = unsaved or Unsaved()
        self.db = db
        self.limits = limits
        self.lang = lang
        self.max_wait = max_wait
        self.sleep = sleep
        self.public_url = public_url
        self.cards = cards

    def service_url(self, conversation_id: str) -> str:
        return self.target(conversation_id)[0]

    def target(self, conversation_id: str) -> tuple[str, str]:
        """The conversation's service URL and kind (personal, channel, groupChat)."""
        with self.db.transaction() as session:
            row = conversations.conversation(session, conversation_id)
            if row is None:
                raise NoConversation(
                    f"Teams conversation {conversation_id} is unknown to the bot "
                    "(add the app to the team or chat, or write to it there once)"
                )
            return row.service_url, row.kind

    def pace(self, conversation_id: str) -> None:
        key = conversations.base_conversation(conversation_id)
        while True:
            wait = self.limits.reserve(key)
            if wait <= 0:
                return
            if wait > self.max_wait:
                raise RateLimited(wait)
            self.sleep(wait)

    def outgoing(self, reply: Reply, lang: str) -> Reply:
        """The reply as Teams can carry it: files become expiring links on the web front
        (no upload without Graph), or a note when the bot has no public address."""
        if not reply.files:
            return reply
        if self.public_url:
            links = files.share(
                self.db, reply.files, base_url=self.public_url, now=datetime.now(UTC)
            )
            days = files.KEEP.days
            notes = [
                Text(t("teams.file_link", lang, link=link(url, f.name), days=days))
                for f, url in zip(reply.files, links, strict=True)
            ]
        else:
            names = ", ".join(f.name for f in reply.files)
            notes = [Text(t("teams.files_unavailable", lang, name=names))]
        return Reply(
            blocks=[*reply.blocks, *notes],
            visibility=reply.visibility,
            object_ref=reply.object_ref,
            card=reply.card,
        )

    def post(
        self,
        conversation_id: str,
        reply: Reply,
        *,
        reply_to: str | None = None,
        via: tuple[str, str] | None = None,
        lang: str | None = None,
    ) -> str:
        """A new message (or a reply in a thread); returns its activity id. A reply about
        an object is remembered for later updates. ``via``: the conversation's service URL
        and kind when the caller has them (an activity from it), else they are read;
        ``lang``: the reply's language, for the notes added to it (else the bot's)."""
        service_url, kind = via if via is not None and via[0] else self.target(conversation_id)
        self.pace(conversation_id)
        lang = lang or self.lang
        more, buttons = t("teams.more_not_shown", lang), t("teams.buttons_cut", lang)
        payload = render.activity(self.outgoing(reply, lang), more, kind, buttons)
        if reply_to:
            activity_id = self.connector.reply(service_url, conversation_id, reply_to, payload)
        else:
            activity_id = self.connector.send(service_url, conversation_id, payload)
        if reply.object_ref is not None and activity_id:
            self.remember(reply.object_ref, conversation_id, activity_id)
        return activity_id

    def remember(self, ref: tuple[str, int], conversation_id: str, activity_id: str) -> None:
        """A post of the object, for its updates; written when the database answers (Teams
        has taken the post: it is not to be sent again)."""
        self.unsaved.add((ref, conversation_id, activity_id))
        self.save_unsaved()

    def save_unsaved(self) -> None:
        """Write the posts kept in memory; while the database is unreachable they wait."""
        waiting = self.unsaved.take()
        for i, (ref, conversation_id, activity_id) in enumerate(waiting):
            try:
                posted_messages.remember(self.db, PLATFORM, ref, conversation_id, activity_id)
            except Exception as exc:
                if not is_unreachable(exc):
                    self.unsaved.add(*waiting[i + 1 :])  # the rest wait; this one would fail again
                    raise
                self.unsaved.add(*waiting[i:])
                log.warning("Teams post %s of %s to write later: database error", activity_id, ref)
                return

    def posted(self, ref: tuple[str, int]) -> list[tuple[str, str]]:
        self.save_unsaved()
        return posted_messages.posted(self.db, PLATFORM, ref)

    def update_all(
        self,
        ref: tuple[str, int],
        reply: Reply,
        *,
        skip: tuple[str, str] | None = None,
        lang: str | None = None,
    ) -> int:
        """Update every posted message of the object; returns how many were updated. With
        ``cards``, the card is rendered from the database at send time in ``lang``, one
        update of an object at a time, so the last update shows the last state (as
        Slack's, bot/cards.py). A message that is gone is forgotten; a throttled update is
        left (the next vote rewrites the card anyway)."""
        lang = lang or self.lang
        self.save_unsaved()
        if self.cards is None or ref[0] not in self.cards.renderers:
            return self._update_all(ref, reply, self.posted(ref), skip, lang)
        with self.cards.latest(ref, lang, PLATFORM) as found:
            if found.superseded:
                return 0  # a later update of the object follows, and shows more
            return self._update_all(ref, found.card or reply, found.messages, skip, lang)

    def _update_all(
        self,
        ref: tuple[str, int],
        reply: Reply,
        messages: list[tuple[str, str]],
        skip: tuple[str, str] | None,
        lang: str,
    ) -> int:
        """``lang``: the card's, for the notes Teams adds under it (as ``post``)."""
        more, buttons = t("teams.more_not_shown", lang), t("teams.buttons_cut", lang)
        done = 0
        for conversation_id, activity_id in messages:
            if skip == (conversation_id, activity_id):
                continue
            try:
                self.pace(conversation_id)
                service_url, kind = self.target(conversation_id)
                payload = render.activity(reply, more, kind, buttons)
                self.connector.update(service_url, conversation_id, activity_id, payload)
                done += 1
            except (ConnectorError, RateLimited, NoConversation) as exc:
                log.warning("Teams update of %s %s failed: %s", ref, activity_id, exc)
                status = getattr(exc, "status", None)
                if isinstance(exc, NoConversation) or status in GONE_STATUSES:
                    self.forget(ref, conversation_id, activity_id)
        return done

    def forget(self, ref: tuple[str, int], conversation_id: str, activity_id: str) -> None:
        posted_messages.forget(self.db, PLATFORM, ref, conversation_id, activity_id)

    def personal_conversation(self, aad_object_id: str) -> str:
        """The member's 1:1 chat with the bot, opened through the connector if needed."""
        with self.db.transaction() as session:
            person = conversations.person(session, aad_object_id)
            if person is None:
                raise NoConversation(f"Teams member {aad_object_id} has never been seen by the bot")
            if person.personal_conversation_id:
                return person.personal_conversation_id
            service_url, bot_id = person.service_url, person.bot_id
            user_id, tenant = person.user_id, person.tenant_id or ""
        conversation_id = self.connector.create_personal(service_url, bot_id, user_id, tenant)
        with self.db.transaction() as session:
            person = conversations.person(session, aad_object_id)
            if person is not None:
                person.personal_conversation_id = conversation_id
            if conversations.conversation(session, conversation_id) is None:
                session.add(
                    TeamsConversation(
                        conversation_id=conversation_id,
                        kind=conversations.PERSONAL,
                        service_url=service_url,
                        tenant_id=tenant or None,
                        bot_id=bot_id,
                        updated_at=datetime.now(UTC),
                    )
                )
        return conversation_id
