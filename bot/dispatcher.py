"""Sends due outbox rows: claim, render, send, record; retries, late marks and stale drops.

Rules (stated once, used everywhere):
- a row sent more than ``late_after`` past its due time carries a "late reminder" line, and
  so does a row that fell due before this dispatcher's first tick (the bot was down then);
- a row more than ``stale_after`` past due is not sent: it is marked stale and logged,
  and features show stale rows to organisers;
- a temporary error retries after Retry-After or exponential backoff, at most
  ``max_attempts`` times (rate limits with Retry-After do not use them up); a permanent
  error fails the row and tells the organiser;
- when the database goes away mid-run, a message already sent is remembered and recorded
  as sent once the database is back (never sent again), and the rows this dispatcher had
  claimed but not sent are given back at its next run (not after the claim lease).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from bot.config import Settings
from bot.i18n import t
from bot.languages import member_language, network_language
from bot.messages import Reply, Text
from bot.messenger import Destination, Messenger, PermanentError, TemporaryError
from storage import outbox
from storage.db import Database, is_unreachable
from storage.models import ChannelRef, Member, Network, OutboxMessage

log = logging.getLogger(__name__)

Renderer = Callable[[Session, OutboxMessage, datetime, str], "Reply | None"]


@dataclass
class DispatchStats:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    stale: int = 0
    skipped: int = 0
    sent_ids: list[int] = field(default_factory=list)


# After an outage, a row waits at most this long for its next try: sent soon after recovery.
MAX_BACKOFF_SECONDS = 300


def backoff(attempt: int) -> timedelta:
    """30 s, 1 min, 2 min, 4 min, then every 5 minutes (16 attempts: about an hour)."""
    return timedelta(seconds=min(30 * 2 ** min(max(attempt - 1, 0), 10), MAX_BACKOFF_SECONDS))


class Dispatcher:
    def __init__(
        self,
        db: Database,
        settings: Settings,
        messenger: Messenger,
        renderers: dict[str, Renderer],
        *,
        worker: str | None = None,
        planners: list[Callable[[Session, datetime], object]] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.db = db
        self.settings = settings
        self.messenger = messenger
        self.renderers = renderers
        self.planners = planners or []
        self.worker = worker or f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        # How long a claimed row is this dispatcher's own before another may take it (this
        # process died mid-send).
        self.claim_lease = timedelta(seconds=settings.outbox_lease_seconds)
        self.stale_after = timedelta(hours=settings.stale_after_hours)
        self.late_after = timedelta(seconds=max(120.0, 3 * settings.tick_seconds))
        # Rows due more than one tick before the first dispatch fell due while no bot ran.
        self.started_at: datetime | None = None
        self.start_grace = timedelta(seconds=settings.tick_seconds)
        # One run at a time per dispatcher (the ticker and the after-command thread share
        # it): a run may then take back all of this worker's unsettled claims.
        self._lock = threading.Lock()
        self._unrecorded: dict[int, tuple[datetime, bool]] = {}  # row id -> (sent at, late)
        self._interrupted = False
        self.monotonic = monotonic
        self._run_began = (datetime.now(UTC), monotonic())  # set again by each run

    def dispatch_due(
        self, now: datetime, *, batch: int = 50, max_batches: int = 100, plan: bool = True
    ) -> DispatchStats:
        """Send everything due at ``now``; returns what happened. A database error ends
        the run (raised); the next run settles what it left behind. ``plan=False`` skips
        the planners (a run after a command only sends what the command queued)."""
        with self._lock:
            if self._interrupted:
                self._settle_interrupted_run()
            self._interrupted = True
            if plan:
                self._plan(now)
            stats = self._dispatch_due(now, batch, max_batches)
            self._interrupted = False
            return stats

    def _settle_interrupted_run(self) -> None:
        if self._unrecorded:
            with self.db.transaction() as session:
                for row_id, (sent_at, late) in self._unrecorded.items():
                    outbox.mark_sent(session, row_id, now=sent_at, late=late)
            self._unrecorded.clear()
        with self.db.transaction() as session:
            released = outbox.release_claims(session, worker=self.worker)
        if released:
            log.warning("outbox: %d claimed rows of an interrupted run given back", released)

    def _plan(self, now: datetime) -> None:
        for plan in self.planners:
            try:
                with self.db.transaction() as session:
                    plan(session, now)
            except Exception as exc:
                if is_unreachable(exc):
                    raise  # no database: no reminders either; the caller logs it once
                log.exception("planner %r failed", plan)  # must not stop reminders

    def _dispatch_due(self, now: datetime, batch: int, max_batches: int) -> DispatchStats:
        stats = DispatchStats()
        if self.started_at is None:
            self.started_at = now
        self._run_began = (now, self.monotonic())
        # Past this, another dispatcher could take our claims for a vanished sender's.
        hold = self.claim_lease.total_seconds() / 2
        for _ in range(max_batches):
            # Claims carry the real time: a long run's later claims are not born stale.
            claim_now = self._in_run()
            with self.db.transaction() as session:
                rows = outbox.claim_due(
                    session,
                    now=claim_now,
                    worker=self.worker,
                    limit=batch,
                    lease=self.claim_lease,
                    platforms=[self.messenger.platform],
                )
                claimed = [(r.id, r.due_at, r.attempts) for r in rows]
            if not claimed:
                break
            claimed_at = self.monotonic()
            for i, (row_id, due_at, attempts) in enumerate(claimed):
                if self.monotonic() - claimed_at > hold:  # the platform is slow: give back
                    rest = [c[0] for c in claimed[i:]]
                    with self.db.transaction() as session:
                        outbox.release_claims(session, worker=self.worker, ids=rest)
                    log.warning("outbox: sending is slow; %d claimed rows given back", len(rest))
                    return stats
                self._deliver(row_id, due_at, attempts, now, stats)
            if len(claimed) < batch:
                break
        return stats

    def _in_run(self) -> datetime:
        """The time now, within this run: its start plus what the monotonic clock counted."""
        began, at = self._run_began
        return began + timedelta(seconds=self.monotonic() - at)

    def _deliver(
        self, row_id: int, due_at: datetime, attempts: int, now: datetime, stats: DispatchStats
    ) -> None:
        prepared = self._prepare(row_id, due_at, attempts, now, stats)
        if prepared is None:
            return
        destinations, reply, late, delivered = prepared
        # Sent outside any transaction: a slow platform must not hold the database lock.
        # Each destination that got it is recorded at once: a retry after a partial
        # failure (the second channel answered 503) sends only to the ones that did not.
        try:
            for dest in destinations:
                if dest.address in delivered:
                    continue
                self.messenger.send(dest, reply)
                delivered.add(dest.address)
                if len(destinations) > 1:
                    with self.db.transaction() as session:
                        outbox.mark_delivered(session, row_id, delivered)
        except TemporaryError as exc:
            self._retry_later(row_id, attempts, exc, now, stats)
            return
        except PermanentError as exc:
            with self.db.transaction() as session:
                self._fail(session, row_id, exc.reason, attempts + 1, now)
            stats.failed += 1
            return
        try:
            with self.db.transaction() as session:
                outbox.mark_sent(session, row_id, now=now, late=late)
        except Exception:
            self._unrecorded[row_id] = (now, late)  # sent: record it, never send it again
            raise
        stats.sent += 1
        stats.sent_ids.append(row_id)

    def _retry_later(
        self,
        row_id: int,
        attempts: int,
        exc: TemporaryError,
        now: datetime,
        stats: DispatchStats,
    ) -> None:
        """The platform could not take it now: try again later, or give up after
        ``max_attempts`` (a rate limit never makes a row give up)."""
        with self.db.transaction() as session:
            # A rate limit is Slack pacing us, not failing: it never makes a row give up
            # (a busy channel can answer 429 for minutes); the stale rule bounds it.
            rate_limited = exc.retry_after is not None
            if attempts + 1 >= self.settings.max_attempts and not rate_limited:
                self._fail(
                    session,
                    row_id,
                    f"gave up after {attempts + 1} attempts: {exc.reason}",
                    attempts + 1,
                    now,
                )
                stats.failed += 1
                return
            wait = backoff(attempts + 1)
            if exc.retry_after is not None:
                wait = max(timedelta(seconds=exc.retry_after), timedelta(seconds=1))
            # From when the platform answered, not from the run's start: a Retry-After
            # of 20 s that came 30 s into the run is 50 s after it.
            outbox.mark_retry(
                session,
                row_id,
                next_at=self._in_run() + wait,
                error=exc.reason,
                attempts=attempts + 1,
            )
        stats.retried += 1

    def _prepare(
        self, row_id: int, due_at: datetime, attempts: int, now: datetime, stats: DispatchStats
    ) -> tuple[list[Destination], Reply, bool, set[str]] | None:
        """Render a claimed row; settle rows that are stale, obsolete or undeliverable."""
        with self.db.transaction() as session:
            row = session.get(OutboxMessage, row_id)
            if row is None or row.state != outbox.SENDING or row.claimed_by != self.worker:
                return None
            if now - due_at > self.stale_after:
                log.warning("outbox %s (%s) is stale: due %s, not sent", row.key, row.kind, due_at)
                outbox.mark_final(
                    session,
                    row_id,
                    state=outbox.STALE,
                    error=f"not sent: due {due_at.isoformat()}, more than "
                    f"{self.settings.stale_after_hours:g} h late",
                )
                stats.stale += 1
                return None
            rendered = self._render(session, row, attempts, now, stats)
            if rendered is None:
                return None
            destinations, reply, lang = rendered
            missed = self.started_at is not None and due_at < self.started_at - self.start_grace
            late = missed or now - due_at > self.late_after
            if late:
                reply = self._marked_late(reply, due_at, lang)
            return destinations, reply, late, set(row.sent_to or ())

    def _render(
        self,
        session: Session,
        row: OutboxMessage,
        attempts: int,
        now: datetime,
        stats: DispatchStats,
    ) -> tuple[list[Destination], Reply, str] | None:
        """The row's destinations, message and language; None when the row was settled
        here (failed, or no longer applies)."""
        try:
            destinations, lang = self._resolve(session, row)
            resend = outbox.retaken(row)
            destinations = [replace(d, key=row.key, resend=resend) for d in destinations]
            renderer = self.renderers.get(row.kind)
            if renderer is None:
                raise PermanentError(f"no renderer for kind {row.kind!r}")
            reply = renderer(session, row, now, lang)
        except PermanentError as exc:
            self._fail(session, row.id, exc.reason, attempts + 1, now)
            stats.failed += 1
            return None
        except Exception as exc:
            if is_unreachable(exc):
                raise  # the database, not the row: the next run settles it
            # a bug in one renderer must not hold up the others
            log.exception("outbox %s (%s): rendering failed", row.key, row.kind)
            reason = f"could not render: {exc.__class__.__name__}"
            self._fail(session, row.id, reason, attempts + 1, now)
            stats.failed += 1
            return None
        if reply is None:
            outbox.mark_final(session, row.id, state=outbox.CANCELLED, error="no longer applies")
            stats.skipped += 1
            return None
        return destinations, reply, lang

    def _marked_late(self, reply: Reply, due_at: datetime, lang: str) -> Reply:
        when = due_at.astimezone(self.settings.tz).strftime("%d.%m.%Y %H:%M")
        return Reply(
            blocks=[Text(t("outbox.late", lang, due=when)), *reply.blocks],
            visibility=reply.visibility,
            files=reply.files,
            object_ref=reply.object_ref,
        )

    def _fail(
        self, session: Session, row_id: int, reason: str, attempts: int, now: datetime
    ) -> None:
        row = session.get(OutboxMessage, row_id)
        if row is None:
            return
        log.warning("outbox %s (%s) failed: %s", row.key, row.kind, reason)
        outbox.mark_final(session, row.id, state=outbox.FAILED, error=reason, attempts=attempts)
        organiser_id = (row.payload or {}).get("organiser_id")
        if organiser_id and row.kind != "outbox.failed":
            outbox.schedule(
                session,
                key=f"failed:{row.key}",
                kind="outbox.failed",
                target=outbox.Target.member(int(organiser_id)),
                due_at=now,  # news, not late
                object_type=row.object_type,
                object_id=row.object_id,
                payload={
                    "kind": row.kind,
                    "target": f"{row.target_type}:{row.target_id}",
                    "reason": reason,
                },
            )

    def _resolve(self, session: Session, row: OutboxMessage) -> tuple[list[Destination], str]:
        """Where a row goes on this platform, and the language to write it in."""
        platform = self.messenger.platform
        lang = self.settings.language
        if row.target_type == "member":
            member = session.get(Member, int(row.target_id))
            if member is None:
                raise PermanentError(f"member {row.target_id} no longer exists")
            lang = member_language(member, self.settings)
            account = member.account_on(platform)
            if account is None:
                raise PermanentError(f"member {row.target_id} has no {platform} account")
            return [Destination("member", account.external_id, member.name)], lang
        if row.target_type == "network":
            network = session.get(Network, int(row.target_id))
            if network is None:
                raise PermanentError(f"network {row.target_id} no longer exists")
            lang = network_language(network, self.settings)
            refs = [c for c in network.channels if c.platform == platform]
            if not refs:
                if getattr(self.messenger, "shows_unbound_networks", False):
                    # A messenger with no real channels (the console) shows it under the
                    # network's name.
                    return [Destination("channel", network.name, network.name)], lang
                raise PermanentError(
                    f"the network {network.name!r} has no {platform} channel "
                    "(link one with /partnerbot koble nettverk)"
                )
            return [
                Destination("channel", c.channel_id, c.name or c.channel_id) for c in refs
            ], lang
        if row.target_type == "channel":
            ref = (
                session.query(ChannelRef)
                .filter_by(platform=platform, channel_id=row.target_id)
                .one_or_none()
            )
            return [
                Destination(
                    "channel", row.target_id, ref.name if ref and ref.name else row.target_id
                )
            ], lang
        raise PermanentError(f"unknown target type {row.target_type!r}")


def render_failed_notice(session: Session, row: OutboxMessage, now: datetime, lang: str) -> Reply:
    p = row.payload or {}
    return Reply.text(
        t(
            "outbox.failed_notice",
            lang,
            kind=p.get("kind", "?"),
            target=p.get("target", "?"),
            reason=p.get("reason", "?"),
        )
    )
