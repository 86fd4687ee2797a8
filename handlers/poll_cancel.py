"""Calling off a meeting poll or its meeting (/mote avlys) and opening a poll again
(/mote gjenåpne), for organisers and the poll's creator.

A poll called off takes no more answers and sends no more nudges; its meeting, if one was
set, gets a cancelling .ics of the same UID with a higher SEQUENCE and loses its
reminders. A poll closed (by hand or at svarfrist) without a meeting, or called off, can
be opened again while one of its slots is still ahead, with a new svarfrist if wanted.
"""

from __future__ import annotations

from bot import permissions
from bot.context import Context
from bot.dates import Slot, format_slot
from bot.errors import UserError
from bot.grammar import Args
from bot.i18n import t
from bot.messages import Reply, Text
from bot.router import Router, Verb
from handlers import meeting_invite, poll_outbox
from handlers.lookup import audit
from handlers.poll_results import CANCELLED, meeting_of, render_poll
from handlers.polls import find_poll, poll_deadline
from storage.models import Poll

REOPEN_KEYWORDS = {"closes": ("svarfrist", "closes", "deadline")}


def _managed_poll(ctx: Context, args: Args) -> Poll:
    words = [tok.text for tok in args.positional if not tok.quoted]
    poll = find_poll(ctx, words[0] if words else None, lock="update")
    if not permissions.organiser_or_creator(ctx.member, poll.created_by, poll.network):
        raise ctx.refusal(poll.network, "polls.cancel_not_allowed", id=poll.id)
    return poll


def _reason(args: Args) -> str:
    """Everything after the poll's number, quoted or not (`avlys 4 saken er løst`)."""
    number = next((k for k, tok in enumerate(args.positional) if not tok.quoted), None)
    rest = [tok.text for k, tok in enumerate(args.positional) if k != number]
    return " ".join(rest).strip()[:500]


def call_off_poll(ctx: Context, args: Args) -> Reply:
    poll = _managed_poll(ctx, args)
    if poll.state == CANCELLED:
        raise UserError("polls.already_cancelled", id=poll.id)
    meeting = meeting_of(ctx.session, poll)
    when = format_slot(Slot(meeting.start_at, meeting.end_at), ctx.lang, ctx.tz) if meeting else ""
    if meeting is not None and meeting.start_at <= ctx.now:
        raise UserError("polls.meeting_passed", title=meeting.title, when=when)
    reason = _reason(args)
    poll_outbox.cancel(ctx.session, poll)
    poll.state, poll.closed_at = CANCELLED, poll.closed_at or ctx.now
    if meeting is not None:
        meeting_invite.call_off(ctx.session, meeting)
    audit(ctx, "poll.call_off", "poll", poll.id, meeting=meeting.id if meeting else 0)
    if meeting is None:
        lines = [t("polls.called_off", ctx.lang, id=poll.id, title=poll.title)]
    else:
        lines = [t("meetings.called_off", ctx.lang, id=poll.id, title=meeting.title, when=when)]
    if reason:
        lines.append(t("polls.called_off_reason", ctx.lang, reason=reason))
    reply = Reply(blocks=[], visibility="channel", object_ref=("poll", poll.id))
    if meeting is not None:
        lines.append(t("meetings.cancel_attached", ctx.lang))
        reply.files.append(
            meeting_invite.invitation(meeting, tz=ctx.settings.tz, now=ctx.now, organiser=None)
        )
    reply.add(Text("\n".join(lines)))
    # The posted poll says it is called off and loses its answer buttons.
    reply.card = render_poll(ctx.session, poll, ctx.lang, ctx.tz)
    return reply


def reopen_poll(ctx: Context, args: Args) -> Reply:
    poll = _managed_poll(ctx, args)
    if poll.state == "open":
        raise UserError("polls.already_open", id=poll.id)
    meeting = meeting_of(ctx.session, poll)
    if meeting is not None:
        when = format_slot(Slot(meeting.start_at, meeting.end_at), ctx.lang, ctx.tz)
        raise UserError("polls.reopen_has_meeting", id=poll.id, when=when)
    ahead = [s for s in poll.slots if s.start_at > ctx.now]
    if not ahead:
        raise UserError("polls.reopen_all_passed", id=poll.id)
    first = min(s.start_at for s in ahead)
    closes = poll_deadline(ctx, args.get("closes"), first)
    if closes is not None or (poll.closes_at is not None and poll.closes_at <= ctx.now):
        poll.closes_at = closes  # a svarfrist that has passed is gone, not kept
    poll.state, poll.closed_at = "open", None
    ctx.session.flush()
    poll_outbox.schedule(ctx.session, poll, now=ctx.now, tz=ctx.settings.tz, again=True)
    audit(ctx, "poll.reopen", "poll", poll.id)
    intro = t("polls.reopened", ctx.lang, id=poll.id, title=poll.title)
    return render_poll(ctx.session, poll, ctx.lang, ctx.tz, intro=intro)


VERBS = (
    Verb(("avlys", "avlyse", "cancel", "call off", "calloff"), call_off_poll, "help.mote.avlys"),
    Verb(
        ("gjenåpne", "gjenopne", "gjenopna", "opne igjen", "åpne igjen", "apne igjen", "reopen"),
        reopen_poll,
        "help.mote.gjenapne",
        keywords=REOPEN_KEYWORDS,
    ),
)


def register(router: Router) -> None:
    router.groups["mote"].add(*VERBS)
