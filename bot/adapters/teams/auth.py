"""Checks that an activity really comes from the Bot Connector for this bot and tenant.

Every request to /api/messages carries ``Authorization: Bearer <JWT>`` signed with a key the
Bot Framework publishes (OpenID metadata -> JWKS). We check the signature (RS256 only), the
issuer the metadata names, the audience (MICROSOFT_APP_ID), the time window (5 minutes of
clock skew, as the Agents SDK allows), the ``serviceUrl`` claim against the activity's, the
key's endorsement for the activity's channel, and the tenant against MICROSOFT_APP_TENANT_ID.
The metadata URL is a setting, so tests run their own issuer with a generated RSA key.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import jwt
import requests

from bot.config import Settings

log = logging.getLogger(__name__)

LEEWAY_SECONDS = 300
KEYS_MAX_AGE_SECONDS = 24 * 3600
# An unknown key id refetches the keys (Microsoft rotates them), but not more often than this.
REFETCH_GAP_SECONDS = 60
FETCH_TIMEOUT_SECONDS = 10


class AuthError(Exception):
    """The request is not from the Bot Connector for us: answered 401 with no detail."""


class KeyStore:
    """The issuer and signing keys from the OpenID metadata, fetched lazily and cached."""

    def __init__(
        self,
        metadata_url: str,
        *,
        http: requests.Session | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.metadata_url = metadata_url
        self.http = http or requests.Session()
        self.clock = clock
        self._lock = threading.Lock()
        self._issuer: str | None = None
        self._keys: dict[str, jwt.PyJWK] = {}
        self._endorsements: dict[str, list[str]] = {}
        self._fetched_at: float | None = None

    def key(self, kid: str) -> tuple[str, jwt.PyJWK, list[str] | None]:
        """(issuer, key, endorsements or None) for a key id; AuthError when unknown."""
        with self._lock:
            now = self.clock()
            stale = self._fetched_at is None or now - self._fetched_at > KEYS_MAX_AGE_SECONDS
            unknown = kid not in self._keys
            may_refetch = self._fetched_at is None or now - self._fetched_at > REFETCH_GAP_SECONDS
            if stale or (unknown and may_refetch):
                self._fetch(now)
            if kid not in self._keys or self._issuer is None:
                raise AuthError("unknown signing key")
            return self._issuer, self._keys[kid], self._endorsements.get(kid)

    def count(self) -> int:
        """How many signing keys the metadata names (fetched now); AuthError when none."""
        with self._lock:
            self._fetch(self.clock())
            if not self._keys:
                raise AuthError("no signing keys")
            return len(self._keys)

    def _fetch(self, now: float) -> None:
        try:
            meta = self.http.get(self.metadata_url, timeout=FETCH_TIMEOUT_SECONDS)
            meta.raise_for_status()
            metadata = meta.json()
            resp = self.http.get(metadata["jwks_uri"], timeout=FETCH_TIMEOUT_SECONDS)
            resp.raise_for_status()
            jwks = resp.json()
        except (requests.RequestException, ValueError, KeyError, TypeError) as exc:
            # Keep the keys we had: a passing outage of the metadata must not lock us out.
            log.warning("Teams signing keys could not be fetched: %s", exc.__class__.__name__)
            if self._fetched_at is None:
                raise AuthError("signing keys unavailable") from exc
            return
        keys: dict[str, jwt.PyJWK] = {}
        endorsements: dict[str, list[str]] = {}
        for entry in jwks.get("keys", []):
            kid = entry.get("kid")
            if not kid or entry.get("kty") != "RSA":
                continue
            try:
                keys[kid] = jwt.PyJWK(entry, algorithm="RS256")
            except jwt.PyJWTError:
                continue
            if isinstance(entry.get("endorsements"), list):
                endorsements[kid] = [str(e) for e in entry["endorsements"]]
        self._issuer = str(metadata.get("issuer") or "")
        self._keys, self._endorsements = keys, endorsements
        self._fetched_at = now


def bearer(authorization: str | None) -> str:
    scheme, _, token = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthError("no bearer token")
    return token.strip()


def activity_tenant(activity: dict[str, Any]) -> str | None:
    """The tenant an activity comes from: conversation.tenantId, else channelData.tenant.id."""
    conversation = activity.get("conversation") or {}
    channel_data = activity.get("channelData") or {}
    tenant = conversation.get("tenantId") or (channel_data.get("tenant") or {}).get("id")
    return str(tenant) if tenant else None


class TeamsAuth:
    def __init__(self, settings: Settings, *, keys: KeyStore | None = None) -> None:
        if not settings.microsoft_app_id:
            raise ValueError("MICROSOFT_APP_ID is not set")
        self.app_id = settings.microsoft_app_id
        self.tenant_id = (settings.microsoft_app_tenant_id or "").lower() or None
        self.keys = keys or KeyStore(settings.microsoft_openid_metadata_url)

    def verify(self, authorization: str | None, activity: dict[str, Any]) -> dict[str, Any]:
        """The token's claims when the request is genuine; AuthError otherwise."""
        token = bearer(authorization)
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise AuthError("malformed token") from exc
        if header.get("alg") != "RS256" or not header.get("kid"):
            raise AuthError("token not signed with RS256 and a key id")
        issuer, key, endorsements = self.keys.key(str(header["kid"]))
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key=key,
                algorithms=["RS256"],
                audience=self.app_id,
                issuer=issuer,
                leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iss", "aud"]},
            )
        except jwt.PyJWTError as exc:
            raise AuthError(f"token refused: {exc.__class__.__name__}") from exc
        channel = activity.get("channelId")
        if endorsements is not None and channel and channel not in endorsements:
            raise AuthError("signing key not endorsed for this channel")
        service_url = claims.get("serviceurl") or claims.get("serviceUrl")
        if service_url is not None and service_url != activity.get("serviceUrl"):
            raise AuthError("serviceUrl differs from the token's")
        if service_url is None and activity.get("serviceUrl"):
            raise AuthError("token has no serviceUrl claim")
        if self.tenant_id is not None:
            tenant = activity_tenant(activity)
            tid = claims.get("tid")
            if (tenant or "").lower() != self.tenant_id or (
                tid is not None and str(tid).lower() != self.tenant_id
            ):
                raise AuthError("activity from another tenant")
        return claims
