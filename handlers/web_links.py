"""Private web links: random tokens (256 bits) of which only the SHA-256 is stored; a
link is found by its token and kind, and a revoked or unknown one is simply not found."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import WebLink

POLL, CONFERENCE, GUEST_POLL, GUEST_CONFERENCE = "poll", "conference", "guest_poll", "guest_conf"
FEED, NETWORK_FEED, DASHBOARD = "feed", "network_feed", "dashboard"

# Where each kind of link is served (bot/web/pages.py uses the same prefixes).
PATHS = {
    POLL: "/m/",
    GUEST_POLL: "/m/svar/",
    CONFERENCE: "/k/",
    GUEST_CONFERENCE: "/k/svar/",
    FEED: "/kalender/",
    NETWORK_FEED: "/kalender/nettverk/",
    DASHBOARD: "/tavle/",
}


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def create(
    session: Session,
    kind: str,
    *,
    now: datetime,
    object_id: int | None = None,
    member_id: int | None = None,
    language: str | None = None,
    created_by: int | None = None,
    shown_again: bool = False,
    token: str | None = None,
) -> str:
    """A new link; returns its token (``token`` when given: a guest's own link takes the
    random one their form was sent with, bot/web/forms.py). Only links ``shown_again``
    (feeds, dashboards) keep the token; a guest link's token is never stored and so never
    shown again."""
    token = token or new_token()
    session.add(
        WebLink(
            token_hash=token_hash(token),
            token=token if shown_again else None,
            kind=kind,
            object_id=object_id,
            member_id=member_id,
            language=language,
            created_by=created_by,
            created_at=now,
        )
    )
    session.flush()
    return token


def taken(session: Session, token: str) -> bool:
    """Whether any link, of any kind, live or revoked, has this token."""
    found = session.scalar(select(WebLink.id).where(WebLink.token_hash == token_hash(token)))
    return found is not None


def find(session: Session, kind: str, token: str) -> WebLink | None:
    """The live link with this token, or None (unknown, tampered with, or revoked)."""
    if not token or len(token) > 100:
        return None
    link = session.scalar(select(WebLink).where(WebLink.token_hash == token_hash(token)))
    if link is None or link.kind != kind or link.revoked_at is not None:
        return None
    return link


def live(
    session: Session, kind: str, *, object_id: int | None = None, member_id: int | None = None
) -> WebLink | None:
    """The newest live link of one object or member that keeps its token (feeds, dashboards)."""
    stmt = select(WebLink).where(
        WebLink.kind == kind, WebLink.revoked_at.is_(None), WebLink.token.is_not(None)
    )
    if object_id is not None:
        stmt = stmt.where(WebLink.object_id == object_id)
    if member_id is not None:
        stmt = stmt.where(WebLink.member_id == member_id)
    return session.scalar(stmt.order_by(WebLink.id.desc()).limit(1))


def revoke_all(
    session: Session,
    kind: str,
    *,
    now: datetime,
    object_id: int | None = None,
    member_id: int | None = None,
) -> int:
    """Revoke the live links of one object (or one member's feed); returns how many."""
    stmt = select(WebLink).where(WebLink.kind == kind, WebLink.revoked_at.is_(None))
    if object_id is not None:
        stmt = stmt.where(WebLink.object_id == object_id)
    if member_id is not None:
        stmt = stmt.where(WebLink.member_id == member_id)
    links = list(session.scalars(stmt))
    for link in links:
        link.revoked_at = now
    session.flush()
    return len(links)


def url(base: str, kind: str, token: str, suffix: str = "") -> str:
    return base.rstrip("/") + PATHS[kind] + token + suffix
