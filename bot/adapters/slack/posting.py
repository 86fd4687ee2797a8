"""Posting replies to Slack channels, remembering posts about an object and updating them."""

from __future__ import annotations

import logging
from contextlib import AbstractContextManager

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.adapters.slack.blocks import (
    fallback_text,
    message_payload,
    render_messages,
    render_single,
)
from bot.adapters.slack.message_keys import find_posted, metadata
from bot.cards import Cards, Latest, Prepared
from bot.i18n import t
from bot.messages import File, Reply
from storage import posted as posted_messages
from storage.db import Database

log = logging.getLogger(__name__)

PLATFORM = "slack"


class Poster:
    """Sends with one WebClient; raises slack_sdk errors for the caller to judge."""

    def __init__(
        self, client: WebClient, db: Database, *, lang: str = "nb", cards: Cards | None = None
    ) -> None:
        self.client = client
        self.db = db
        self.lang = lang
        self.cards = cards

    def post(
        self, channel: str, reply: Reply, *, key: str = "", resend: bool = False
    ) -> tuple[str, str]:
        """Post to a channel (or a user id: a direct message); returns (channel id, ts) of
        the first message. A reply with ``object_ref`` is remembered for later updates.
        With ``key`` each message carries it in its metadata; with ``resend`` (a process
        that died may have posted it) the parts the channel has already are not posted."""
        text = fallback_text(reply)
        found = find_posted(self.client, channel, key) if key and resend else {}
        first: tuple[str, str] | None = None
        for part, blocks in enumerate(render_messages(reply)):
            if part in found:
                posted = (channel, found[part])
            else:
                payload = message_payload(blocks, text)
                if key:
                    payload["metadata"] = metadata(key, part)
                resp = self.client.chat_postMessage(channel=channel, **payload)
                posted = (str(resp.get("channel") or channel), str(resp.get("ts") or ""))
            first = first or posted
        assert first is not None
        ref = reply.object_ref
        if ref is not None and first[1] and (0 not in found or first not in self.posted(ref)):
            self.remember(ref, *first)
        if reply.files:
            self.upload(first[0], reply.files)
        return first

    def remember(self, ref: tuple[str, int], channel: str, ts: str) -> None:
        posted_messages.remember(self.db, PLATFORM, ref, channel, ts)

    def posted(self, ref: tuple[str, int]) -> list[tuple[str, str]]:
        return posted_messages.posted(self.db, PLATFORM, ref)

    def update_all(
        self,
        ref: tuple[str, int],
        reply: Reply,
        *,
        skip: tuple[str, str] | None = None,
        lang: str | None = None,
        prepared: Prepared | None = None,
    ) -> int:
        """chat.update every posted message of the object; returns how many were updated.
        With ``cards``, the card is rendered from the database at send time, one update of
        an object at a time (last state wins); ``prepared``: as read in the command's
        transaction (bot/cards.py). A message that is gone (deleted, archived channel) is
        forgotten, not retried."""
        if self.cards is None:
            return self._update_all(ref, reply, self.posted(ref), skip)
        with self._latest(ref, lang or self.lang, prepared) as found:
            if found.superseded:
                return 0
            return self._update_all(ref, found.card or reply, found.messages, skip)

    def update_clicked(
        self,
        ref: tuple[str, int],
        reply: Reply,
        clicked: tuple[str, str],
        *,
        lang: str,
        prepared: Prepared | None = None,
    ) -> bool:
        """A click on one of the object's posted messages: update them all (the message
        itself shows the new state) and return True; False when ``clicked`` is not one of
        them, for the caller to answer as to any command."""
        if self.cards is None:
            messages = self.posted(ref)
            if clicked not in messages:
                return False
            self._update_all(ref, reply, messages, None)
            return True
        with self._latest(ref, lang, prepared) as found:
            if clicked not in found.messages:
                return False
            if not found.superseded:
                self._update_all(ref, found.card or reply, found.messages, None)
            return True

    def refresh(self, prepared: Prepared) -> None:
        """A prepared update that was not sent (the command's commit or its answer failed):
        its number may have made an earlier update skip, so the card is read again and sent
        (its object has a card renderer: ``prepare`` is only asked for those)."""
        assert self.cards is not None
        with self.cards.latest(prepared.ref, prepared.lang, PLATFORM) as found:
            if not found.superseded and found.card is not None:
                self._update_all(prepared.ref, found.card, found.messages, None)

    def _latest(
        self, ref: tuple[str, int], lang: str, prepared: Prepared | None
    ) -> AbstractContextManager[Latest]:
        assert self.cards is not None
        if prepared is not None and prepared.ref == ref:
            return self.cards.held(prepared)
        return self.cards.latest(ref, lang, PLATFORM)

    def _update_all(
        self,
        ref: tuple[str, int],
        reply: Reply,
        messages: list[tuple[str, str]],
        skip: tuple[str, str] | None,
    ) -> int:
        blocks = render_single(reply, t("slack.more_not_shown", self.lang))
        text = fallback_text(reply)
        done = 0
        for channel, ts in messages:
            if skip == (channel, ts):
                continue
            try:
                self.client.chat_update(channel=channel, ts=ts, **message_payload(blocks, text))
                done += 1
            except SlackApiError as exc:
                code = exc.response.get("error")
                log.warning("chat.update of %s %s failed: %s", ref, ts, code)
                if code in (
                    "message_not_found",
                    "channel_not_found",
                    "is_archived",
                    "cant_update_message",
                ):
                    self.forget(ref, channel, ts)
        return done

    def forget(self, ref: tuple[str, int], channel: str, ts: str) -> None:
        posted_messages.forget(self.db, PLATFORM, ref, channel, ts)

    def upload(self, channel: str, files: list[File]) -> None:
        self.client.files_upload_v2(
            channel=channel,
            file_uploads=[
                {"content": f.data, "filename": f.name, "title": f.title or f.name} for f in files
            ],
        )
