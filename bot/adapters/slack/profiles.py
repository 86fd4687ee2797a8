"""Who a Slack user is (name, time zone, locale), asked once per new member via users.info."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.router import find_member
from storage.db import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Profile:
    name: str
    timezone: str | None = None
    locale: str | None = None  # Slack's, e.g. "en-GB"; the router maps it to nb/nn/en


def meaningful_locale(locale: str | None) -> str | None:
    """Slack has no Norwegian interface and "en-US" is everyone's default there, so it
    tells nothing: the member then gets the partnership's or the bot's language instead
    of English by accident. Other platforms' en-US means English."""
    if locale and locale.strip().lower().replace("_", "-") == "en-us":
        return None
    return locale


class Profiles:
    """Asks Slack only about users who are not members yet (the router uses the profile
    only when it creates the member), and remembers the answers for this process."""

    def __init__(self, client: WebClient, db: Database) -> None:
        self.client = client
        self.db = db
        self._cache: dict[str, Profile] = {}
        self._lock = threading.Lock()

    def for_user(self, user_id: str, fallback_name: str) -> Profile:
        with self._lock:
            cached = self._cache.get(user_id)
        if cached is not None:
            return cached
        with self.db.transaction() as session:
            known = find_member(session, "slack", user_id) is not None
        if known:
            found = Profile(fallback_name)  # the router will not use it: the member exists
            with self._lock:
                self._cache[user_id] = found
            return found
        try:
            user = self.client.users_info(user=user_id, include_locale=True).get("user") or {}
        except (SlackApiError, SlackClientError, OSError) as exc:
            # Without users:read (or with Slack down) the member is still served, by handle.
            log.warning("users.info for %s failed: %s", user_id, exc)
            return Profile(fallback_name)
        profile = user.get("profile") or {}
        name = (
            profile.get("real_name")
            or user.get("real_name")
            or profile.get("display_name")
            or user.get("name")
            or fallback_name
        )
        found = Profile(str(name), user.get("tz"), meaningful_locale(user.get("locale")))
        with self._lock:
            self._cache[user_id] = found
        return found
