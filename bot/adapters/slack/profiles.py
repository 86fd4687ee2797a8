"""Who a Slack user is (name, time zone, locale), asked once per new member via users.info."""

from __future__ import annotations

import logging
import threading

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.adapters.contract import Profile
from bot.hygiene import clean_name
from bot.router import find_member
from storage.accounts import learn_name
from storage.db import Database

log = logging.getLogger(__name__)


def meaningful_locale(locale: str | None) -> str | None:
    """Slack has no Norwegian interface and "en-US" is everyone's default there, so it
    tells nothing: the member then gets the partnership's or the bot's language instead
    of English by accident. Other platforms' en-US means English."""
    if locale and locale.strip().lower().replace("_", "-") == "en-us":
        return None
    return locale


class Profiles:
    """Asks Slack only about users who are not members yet (the router uses the profile
    only when it creates the member) or were added by a mention and are still named by
    their id (they get the name Slack shows), and remembers the answers for this process."""

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
            member = find_member(session, "slack", user_id)
            known = member is not None and member.name != user_id
        if known:
            found = Profile(fallback_name)  # the router will not use it: the member exists
            with self._lock:
                self._cache[user_id] = found
            return found
        asked = self.ask(user_id, fallback_name)
        if asked is None:
            return Profile(fallback_name)  # asked again next time
        if member is not None:  # added by a mention, named by the account till now
            with self.db.transaction() as session:
                learn_name(session, "slack", user_id, clean_name(asked.name))
        with self._lock:
            self._cache[user_id] = asked
        return asked

    def ask(self, user_id: str, fallback_name: str) -> Profile | None:
        """users.info: name, time zone and (a meaningful) locale; None when Slack will not
        say (no users:read, Slack down): the member is still served, by handle."""
        try:
            user = self.client.users_info(user=user_id, include_locale=True).get("user") or {}
        except (SlackApiError, SlackClientError, OSError) as exc:
            log.warning("users.info for %s failed: %s", user_id, exc)
            return None
        profile = user.get("profile") or {}
        name = (
            profile.get("real_name")
            or user.get("real_name")
            or profile.get("display_name")
            or user.get("name")
            or fallback_name
        )
        return Profile(
            str(name), locale=meaningful_locale(user.get("locale")), timezone=user.get("tz")
        )
