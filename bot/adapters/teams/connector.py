"""The Bot Connector REST API (v3/conversations/...): send, reply, update, create a chat.

The bot authenticates with a token it gets from Entra (MSAL, client credentials for the
Bot Framework scope) at MICROSOFT_AUTHORITY_URL; MSAL caches and renews it. Failures are
``ConnectorError``: 429, 412, 500, 502, 503, 504 and network errors are temporary (with
the Retry-After Teams sent); the rest are permanent. Interactive calls (a member waits)
retry a few times with back-off; the outbox's calls do not (the outbox retries and
records it).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import msal
import requests

from bot.config import Settings

log = logging.getLogger(__name__)

SCOPE = "https://api.botframework.com/.default"
TIMEOUT_SECONDS = 10
# A notice sent inside Teams' own request (it sends the activity again after about 15 s).
NOTICE_TIMEOUT_SECONDS = 2.5
TEMPORARY_STATUSES = frozenset({412, 429, 500, 502, 503, 504})
# An interactive call waits at most this long for Teams' Retry-After before giving up.
MAX_INTERACTIVE_WAIT_SECONDS = 5.0


@dataclass
class ConnectorError(Exception):
    status: int | None  # None: no HTTP answer (network error)
    reason: str
    retry_after: float | None = None

    def __post_init__(self) -> None:
        super().__init__(self.reason)

    @property
    def temporary(self) -> bool:
        return self.status is None or self.status in TEMPORARY_STATUSES


def retry_after(value: str | None) -> float | None:
    try:
        return max(float(value), 0.0) if value is not None else None
    except ValueError:
        return None


def conversation_url(service_url: str, conversation_id: str, *rest: str) -> str:
    parts = [quote(conversation_id, safe=""), "activities", *(quote(p, safe="") for p in rest)]
    return f"{service_url.rstrip('/')}/v3/conversations/" + "/".join(parts)


class TokenSource:
    """The bot's own access token for the Bot Connector, from Entra through MSAL."""

    def __init__(self, settings: Settings) -> None:
        if not (settings.microsoft_app_id and settings.microsoft_app_password):
            raise ValueError("MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD must be set")
        self.client_id = settings.microsoft_app_id
        self.secret = settings.microsoft_app_password
        tenant = settings.microsoft_app_tenant_id or "botframework.com"
        self.authority = settings.microsoft_authority_url.replace("{tenant}", tenant)
        self._app: msal.ConfidentialClientApplication | None = None
        self._lock = threading.Lock()

    def token(self) -> str:
        with self._lock:
            if self._app is None:
                # instance_discovery=False: no call to Microsoft to "validate" the authority
                # host (tests run their own on loopback; Microsoft's own is known anyway).
                try:
                    self._app = msal.ConfidentialClientApplication(
                        self.client_id,
                        client_credential=self.secret,
                        authority=self.authority,
                        instance_discovery=False,
                    )
                except (ValueError, requests.RequestException) as exc:
                    raise ConnectorError(None, f"token authority unreachable: {exc}") from exc
            app = self._app
        try:
            result = app.acquire_token_for_client(scopes=[SCOPE])
        except (ValueError, requests.RequestException) as exc:
            raise ConnectorError(None, f"token request failed: {exc.__class__.__name__}") from exc
        token = result.get("access_token") if isinstance(result, dict) else None
        if not token:
            error = result.get("error") if isinstance(result, dict) else "no answer"
            # A wrong app id or password will not mend by itself.
            raise ConnectorError(401, f"no token from Entra: {error}")
        return str(token)


class Connector:
    """Sends activities. ``retries``: how often an interactive call is tried again;
    ``timeout``: how long one call waits for Teams' answer."""

    def __init__(
        self,
        tokens: TokenSource,
        *,
        retries: int = 0,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        timeout: float = TIMEOUT_SECONDS,
    ) -> None:
        self.tokens = tokens
        self.retries = retries
        self.timeout = timeout
        self.session = session or requests.Session()
        self.sleep = sleep

    def send(self, service_url: str, conversation_id: str, activity: dict[str, Any]) -> str:
        """A new message in the conversation (a channel: a new post); returns its id."""
        answer = self._call("POST", conversation_url(service_url, conversation_id), activity)
        return str(answer.get("id") or "")

    def reply(
        self, service_url: str, conversation_id: str, reply_to: str, activity: dict[str, Any]
    ) -> str:
        url = conversation_url(service_url, conversation_id, reply_to)
        return str(self._call("POST", url, {**activity, "replyToId": reply_to}).get("id") or "")

    def update(
        self, service_url: str, conversation_id: str, activity_id: str, activity: dict[str, Any]
    ) -> None:
        url = conversation_url(service_url, conversation_id, activity_id)
        self._call("PUT", url, {**activity, "id": activity_id})

    def create_personal(self, service_url: str, bot_id: str, user_id: str, tenant_id: str) -> str:
        """The 1:1 chat with a member who has not written to the bot yet; returns its id."""
        body = {
            "bot": {"id": bot_id},
            "members": [{"id": user_id}],
            "isGroup": False,
            "tenantId": tenant_id,
            "channelData": {"tenant": {"id": tenant_id}},
        }
        answer = self._call("POST", f"{service_url.rstrip('/')}/v3/conversations", body)
        return str(answer.get("id") or "")

    def _call(self, method: str, url: str, body: dict[str, Any]) -> dict[str, Any]:
        attempt = 0
        while True:
            try:
                return self._once(method, url, body)
            except ConnectorError as exc:
                wait = exc.retry_after if exc.retry_after is not None else 0.5 * 2**attempt
                if (
                    not exc.temporary
                    or attempt >= self.retries
                    or wait > MAX_INTERACTIVE_WAIT_SECONDS
                ):
                    raise
                log.info("Bot Connector %s (%s): try again in %.1f s", exc.status, url, wait)
                self.sleep(wait)
                attempt += 1

    def _once(self, method: str, url: str, body: dict[str, Any]) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.tokens.token()}"}
        try:
            resp = self.session.request(
                method, url, json=body, headers=headers, timeout=self.timeout
            )
        except requests.RequestException as exc:
            raise ConnectorError(None, f"cannot reach Teams: {exc.__class__.__name__}") from exc
        if resp.status_code >= 300:
            raise ConnectorError(
                resp.status_code,
                f"Teams answered HTTP {resp.status_code}: {resp.text[:200]}",
                retry_after(resp.headers.get("Retry-After")),
            )
        try:
            answer = resp.json() if resp.content else {}
        except ValueError:
            answer = {}
        return answer if isinstance(answer, dict) else {}
