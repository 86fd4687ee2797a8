"""The App Home tab: the member's overview with buttons to act, published with views.publish."""

from __future__ import annotations

import threading
from typing import Any

from bot.adapters.slack.blocks import SlackBlock, render_blocks
from bot.messages import Reply

# The router command whose reply is the Home tab (handlers.overview registers it).
HOME_GROUP, HOME_VERB = "partnerbot", "hjem"
MAX_HOME_BLOCKS = 100  # Slack's limit for a Home tab view


def home_view(reply: Reply, more_note: str) -> dict[str, Any]:
    blocks: list[SlackBlock] = render_blocks(reply)
    if len(blocks) > MAX_HOME_BLOCKS:
        blocks = blocks[: MAX_HOME_BLOCKS - 1] + [
            {"type": "context", "elements": [{"type": "mrkdwn", "text": more_note}]}
        ]
    return {"type": "home", "blocks": blocks}


def from_home(body: dict[str, Any]) -> bool:
    """Whether a click came from a button on the Home tab (it has no channel to answer in)."""
    container = body.get("container") or {}
    view = body.get("view") or {}
    return container.get("type") == "view" and view.get("type") == "home"


class HomeUsers:
    """Who has opened the Home tab since this process started: after their commands their
    tab is refreshed (others would never see it; they get it fresh when they open it)."""

    def __init__(self) -> None:
        self._seen: set[str] = set()
        self._lock = threading.Lock()

    def add(self, user_id: str) -> None:
        with self._lock:
            self._seen.add(user_id)

    def __contains__(self, user_id: object) -> bool:
        with self._lock:
            return user_id in self._seen
