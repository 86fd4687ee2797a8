"""Posting a message once: each message the bot posts for an outbox row or an inbox answer
carries that row's key in Slack's message ``metadata``. Before posting again what a dead
process may have posted already (its claim ran out while it was sending), the bot looks
for the key in the channel's recent history and skips the parts Slack has.

Slack's chat.postMessage takes no idempotency key; this is the next best thing. It needs
the ``channels:history`` and ``groups:history`` scopes; without them (an app installed
before they were added), or for a direct message (a user id is no conversation), the
lookup finds nothing and the message is posted again: at least once, as before."""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

log = logging.getLogger(__name__)

EVENT_TYPE = "partnerbot_outbox"
# How far back a lookup reads: a key is looked for right after its sender's claim ran
# out (minutes); a page is 200 messages, and a busy channel (many reminders at once) can
# have more than one page of them since.
HISTORY_LIMIT = 200
HISTORY_PAGES = 10


def metadata(key: str, part: int) -> dict[str, Any]:
    """The metadata of the ``part``-th message (a long reply is several) posted for ``key``."""
    return {"event_type": EVENT_TYPE, "event_payload": {"key": key, "part": part}}


def find_posted(client: WebClient, channel: str, key: str) -> dict[int, str]:
    """The parts of ``key`` already in ``channel``: part number -> message ts."""
    if not channel or channel.startswith(("U", "W")):
        return {}  # a direct message by user id: its conversation id is not known here
    found: dict[int, str] = {}
    cursor = None
    try:
        for _ in range(HISTORY_PAGES):
            resp = client.conversations_history(
                channel=channel, include_all_metadata=True, limit=HISTORY_LIMIT, cursor=cursor
            )
            for message in resp.get("messages") or []:
                meta = message.get("metadata") or {}
                payload = meta.get("event_payload") or {}
                if meta.get("event_type") == EVENT_TYPE and payload.get("key") == key:
                    found[int(payload.get("part") or 0)] = str(message.get("ts") or "")
            cursor = (resp.get("response_metadata") or {}).get("next_cursor")
            # Newest first: with its first part found, the older pages hold none of it.
            if 0 in found or not resp.get("has_more") or not cursor:
                break
    except (SlackApiError, SlackClientError, OSError) as exc:
        reason = exc.response.get("error") if isinstance(exc, SlackApiError) else exc
        log.warning("cannot look for %s in %s (%s): posting the rest again", key, channel, reason)
    if found:
        log.warning("%s was posted in %s before its sender stopped: not posted again", key, channel)
    return found
