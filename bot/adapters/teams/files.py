"""Files offered as links (a Teams bot cannot post a file to a channel without Graph): the
CSV or .ics is stored with an unguessable token and an expiry, and GET /files/<token>/<name>
on the web front serves it until then (404 after, or for any other token)."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

from sqlalchemy import delete, select
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.messages import File
from storage.db import Database
from storage.models import SharedFile

KEEP = timedelta(days=7)
PATH = "/files/{token}/{name}"


def share(db: Database, files: list[File], *, base_url: str, now: datetime) -> list[str]:
    """Store the files; returns one link each, valid for ``KEEP``."""
    links: list[str] = []
    with db.transaction() as session:
        for f in files:
            token = secrets.token_urlsafe(32)
            session.add(
                SharedFile(
                    token=token,
                    name=f.name[:200],
                    mime=f.mime[:100],
                    data=f.data,
                    expires_at=now + KEEP,
                    created_at=now,
                )
            )
            links.append(f"{base_url.rstrip('/')}/files/{token}/{quote(f.name)}")
    return links


def fetch(db: Database, token: str, now: datetime) -> SharedFile | None:
    with db.transaction() as session:
        row = session.scalar(select(SharedFile).where(SharedFile.token == token))
        if row is None or row.expires_at <= now:
            return None
        session.expunge(row)
        return row


def prune(db: Database, now: datetime) -> None:
    with db.transaction() as session:
        session.execute(delete(SharedFile).where(SharedFile.expires_at <= now))


def routes(db: Database) -> list[Route]:
    async def download(request: Request) -> Response:
        token = str(request.path_params["token"])
        if len(token) > 64:
            return Response(status_code=404)
        now = datetime.now(UTC)
        row = await run_in_threadpool(fetch, db, token, now)
        if row is None:
            return Response(status_code=404)
        return Response(
            row.data,
            media_type=row.mime,
            headers={
                "Content-Disposition": f"attachment; filename*=UTF-8''{quote(row.name)}",
                "Cache-Control": "private, no-store",
                "X-Content-Type-Options": "nosniff",
            },
        )

    return [Route(PATH, download, methods=["GET"])]
