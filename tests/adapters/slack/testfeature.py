"""A test-only feature that exercises the Slack adapter's generic mechanisms: a channel
message with buttons and object_ref (a tiny vote), a "ny" verb with date keywords (forms),
a file, a long reply, and an outbox renderer kind."""

from __future__ import annotations

import os
import time
from collections import Counter
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.context import Context
from bot.grammar import Args
from bot.messages import Button, Buttons, Divider, Fields, File, Reply, Text
from bot.router import Router
from storage import outbox
from storage.db import Database
from storage.models import AuditEntry, OutboxMessage

REF = ("testpoll", 1)


def _view(session: Session, visibility: str) -> Reply:
    votes = (
        session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "testpoll.vote")
        )
        or 0
    )
    return Reply(
        blocks=[
            Text(f"*Testavstemning*: {votes} stemmer"),
            Buttons(
                (Button("Stem", "/testpoll stem", style="primary"), Button("Vis", "/testpoll vis"))
            ),
        ],
        visibility=visibility,
        object_ref=REF,
    )  # type: ignore[arg-type]


def register(router: Router) -> None:
    grp = router.group("testpoll")

    @grp.verb("vis")
    def show(ctx: Context, args: Args) -> Reply:
        return _view(ctx.session, "channel")

    @grp.verb("stem")
    def vote(ctx: Context, args: Args) -> Reply:
        ctx.session.add(
            AuditEntry(
                member_id=ctx.member.id, action="testpoll.vote", object_type="testpoll", object_id=1
            )
        )
        ctx.session.flush()
        return _view(ctx.session, "ephemeral")

    @grp.verb(
        "ny", keywords={"deadline": ("frist",), "place": ("sted",)}, flags={"silent": ("stille",)}
    )
    def new(ctx: Context, args: Args) -> Reply:
        return Reply.text(
            f"title={args.title}; deadline={args.get('deadline')}; "
            f"place={args.get('place')}; flags={sorted(args.flags)}"
        )

    @grp.verb("merk")
    def mark(ctx: Context, args: Args) -> Reply:
        """One effect per command, named by its tag; takes a little time inside its
        transaction, like a real command, so that a kill can land in the middle of one."""
        tag = args.title or ctx.command.text.split()[-1]
        ctx.session.add(
            AuditEntry(member_id=ctx.member.id, action="testpoll.mark", detail={"tag": tag})
        )
        ctx.session.flush()
        time.sleep(float(os.environ.get("TESTFEATURE_MARK_SECONDS", "0.02")))
        return Reply.text(f"Merket {tag}")

    @grp.verb("husk")
    def remember(ctx: Context, args: Args) -> Reply:
        """``merk`` plus a reminder due at once in channel C_REMIND, in the same
        transaction: each command must end as one mark and one reminder posted."""
        tag = ctx.command.text.split()[-1]
        ctx.session.add(
            AuditEntry(member_id=ctx.member.id, action="testpoll.mark", detail={"tag": tag})
        )
        outbox.schedule(
            ctx.session,
            key=f"husk:{tag}",
            kind="testpoll.reminder",
            target=outbox.Target.channel("C_REMIND"),
            due_at=ctx.now,
            payload={"what": tag},
        )
        return Reply.text(f"Husker {tag}")

    @grp.verb("fil")
    def file(ctx: Context, args: Args) -> Reply:
        reply = Reply.text("Her er eksporten.")
        reply.files.append(
            File("tiltak.csv", "tittel;status\nE18;pågår\n".encode(), "text/csv", "Tiltak")
        )
        return reply

    @grp.verb("lang")
    def long(ctx: Context, args: Args) -> Reply:
        lines = "\n".join(f"Linje {n:04d} " + "x" * 60 for n in range(200))
        reply = Reply(blocks=[Text(lines)])
        reply.add(Fields(tuple((f"Felt {n}", f"verdi {n}") for n in range(23))))
        reply.add(Divider())
        return reply

    @grp.verb("feil")
    def bug(ctx: Context, args: Args) -> Reply:
        # A bug of the kind that leaks: an error message that carries the settings, or a
        # URL with a token in its query (as some HTTP libraries put in their errors).
        s = ctx.settings
        raise RuntimeError(
            f"cannot go on with {s!r}: GET https://slack.com/api/auth.test"
            f"?token={s.slack_bot_token}&secret={s.slack_signing_secret}"
        )

    @router.card("testpoll")
    def card(session: Session, object_id: int, lang: str, tz: object) -> Reply:
        return _view(session, "channel")

    @router.renderer("testpoll.reminder")
    def remind(session: Session, row: OutboxMessage, now: datetime, lang: str) -> Reply | None:
        return Reply.text(
            f"Påminnelse: {(row.payload or {}).get('what', '?')}", visibility="channel"
        )


def marks(db: Database) -> Counter[str]:
    """How many times each tag was marked by ``/testpoll merk`` (or ``husk``). A read that
    takes no write lock: a probe that asked for it (SQLite, another process) waited behind
    the bot's worker threads, which pass the lock on among themselves, and saw nothing
    until all were done (the crash test's kill then came after the last command)."""
    with db.reading() as s:
        details = s.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "testpoll.mark")
        ).all()
    return Counter(str((d or {}).get("tag")) for d in details)
