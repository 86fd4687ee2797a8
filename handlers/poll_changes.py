"""Changing a meeting poll after it is made, for organisers and the poll's creator:
/mote endre (a slot more, a new svarfrist, place, agenda), /mote avlys (the poll or its
meeting) and /mote gjenåpne.

An open poll takes new slots after its own (numbered on from the last, so the numbers
members answered with keep their meaning) and a new svarfrist, which moves its close and
nudges.

A poll called off takes no more answers and sends no more nudges; its meeting, if one was
set, gets a cancelling .ics of the same UID with a higher SEQUENCE and loses its
reminders. Those who got the poll by direct message (invited from outside the network)
are told by direct message too. A poll closed (by hand or at svarfrist) without a meeting, or called off, can
be opened again while one of its slots is still ahead, with a new svarfrist if wanted.
"""

from __future__ import annotations

from datetime import timedelta

from bot import permissions
from bot.context import Context
from bot.dates import Slot, day_warning, format_datetime, format_slot
from bot.errors import UserError
from bot.grammar import Args, as_typed, reason
from bot.i18n import t
from bot.messages import Reply, Text
from bot.router import Router, Verb
from handlers import meeting_invite, poll_clashes, poll_outbox
from handlers.lookup import audit
from handlers.poll_results import CANCELLED, meeting_of, render_poll
from handlers.polls import (
    MAX_SLOTS,
    NEW_KEYWORDS,
    find_poll,
    meeting_text,
    poll_deadline,
    read_slots,
    svarfrist_passed,
)
from storage.models import Poll, PollSlot

REOPEN_KEYWORDS = {"closes": NEW_KEYWORDS["closes"]}
EDIT_KEYWORDS = {k: NEW_KEYWORDS[k] for k in ("slots", "closes", "place", "agenda")}


def _managed_poll(ctx: Context, args: Args) -> Poll:
    words = [tok.text for tok in args.positional if not tok.quoted]
    poll = find_poll(ctx, words[0] if words else None, lock="update")
    if not permissions.organiser_or_creator(ctx.member, poll.created_by, poll.network):
        raise ctx.refusal(poll.network, "polls.cancel_not_allowed", id=poll.id)
    return poll


def edit_poll(ctx: Context, args: Args) -> Reply:
    poll = _managed_poll(ctx, args)
    args.refuse_stray()
    if poll.state != "open":
        key = "polls.edit_cancelled" if poll.state == CANCELLED else "polls.edit_closed"
        raise UserError(key, id=poll.id)
    if not args.options:
        raise UserError("polls.edit_nothing", id=poll.id)
    changes = []
    added = _add_slots(ctx, poll, args.options["slots"]) if args.get("slots") else []
    if added:
        numbers = ", ".join(str(s.position) for s in added)
        key = "polls.edited.slot" if len(added) == 1 else "polls.edited.slots"
        changes.append(t(key, ctx.lang, count=len(added), numbers=numbers))
    first = min((s.start_at for s in poll.slots if s.start_at > ctx.now), default=None)
    if first is None:  # every slot has passed: a svarfrist has nothing to come before
        raise UserError("polls.reopen_all_passed", id=poll.id)
    if args.get("closes"):
        poll.closes_at = poll_deadline(ctx, args.options["closes"], first)
        changes.append(t("polls.edited.closes", ctx.lang))
    elif added and poll.closes_at is not None and poll.closes_at > first:
        # a new slot before the svarfrist could pass undecided, as in a new poll
        raise UserError(
            "polls.deadline_after_slot",
            when=format_datetime(poll.closes_at, ctx.lang, ctx.tz),
            slot=format_datetime(first, ctx.lang, ctx.tz),
        )
    for name in ("place", "agenda"):
        if args.get(name):
            setattr(poll, name, meeting_text(args, name))
            changes.append(t(f"polls.edited.{name}", ctx.lang))
    ctx.session.flush()
    poll_outbox.cancel_timed(ctx.session, poll)  # nudges a day before a svarfrist that moved
    poll_outbox.schedule(ctx.session, poll, now=ctx.now, tz=ctx.settings.tz, again=True)
    audit(ctx, "poll.edit", "poll", poll.id, fields=",".join(args.options))
    lines = [t("polls.edited", ctx.lang, id=poll.id, changes=", ".join(changes))]
    lines += [f"⚠️ {w}" for w in dict.fromkeys(_slot_warnings(ctx, poll, added))]
    return render_poll(ctx.session, poll, ctx.lang, ctx.tz, intro="\n".join(lines), now=ctx.now)


def _add_slots(ctx: Context, poll: Poll, text: str) -> list[PollSlot]:
    duration = timedelta(minutes=poll.duration_minutes) if poll.duration_minutes else None
    new = read_slots(ctx, text, duration)
    if len(poll.slots) + len(new) > MAX_SLOTS:
        count = len(poll.slots) + len(new)
        raise UserError("polls.too_many_slots", count=count, limit=MAX_SLOTS)
    taken = {s.start_at for s in poll.slots}
    last = max(s.position for s in poll.slots)
    added = []
    for number, (start, end) in enumerate(new, start=last + 1):
        if start in taken:
            twice = format_slot(Slot(start, end), ctx.lang, ctx.tz)
            raise UserError("polls.slot_twice", slot=twice)
        added.append(PollSlot(position=number, start_at=start, end_at=end))
    poll.slots.extend(added)
    return added


def _slot_warnings(ctx: Context, poll: Poll, added: list[PollSlot]) -> list[str]:
    """Weekends, holidays and clashes of the new slots, as a new poll's are told."""
    days = [day_warning(s.start_at.astimezone(ctx.tz).date(), ctx.lang) for s in added]
    pairs = [(s.start_at, s.end_at) for s in added]
    clashes = (
        poll_clashes.slot_warnings(ctx.session, poll.network_id, pairs, ctx.lang, ctx.tz)
        if poll.network_id is not None and pairs
        else []
    )
    return [w for w in days if w] + clashes


def call_off_poll(ctx: Context, args: Args) -> Reply:
    poll = _managed_poll(ctx, args)
    if poll.state == CANCELLED:
        raise UserError("polls.already_cancelled", id=poll.id)
    meeting = meeting_of(ctx.session, poll)
    when = format_slot(Slot(meeting.start_at, meeting.end_at), ctx.lang, ctx.tz) if meeting else ""
    if meeting is not None and meeting.start_at <= ctx.now:
        raise UserError("polls.meeting_passed", title=meeting.title, when=when)
    why = reason(as_typed(ctx.command.text, args.after_ref))
    tz = ctx.settings.tz
    poll_outbox.tell_invited_of_call_off(ctx.session, poll, now=ctx.now, tz=tz, reason=why or "")
    poll_outbox.cancel(ctx.session, poll)
    poll.state, poll.closed_at = CANCELLED, poll.closed_at or ctx.now
    if meeting is not None:
        meeting_invite.call_off(ctx.session, meeting)
    audit(ctx, "poll.call_off", "poll", poll.id, meeting=meeting.id if meeting else 0)
    if meeting is None:
        lines = [t("polls.called_off", ctx.lang, id=poll.id, title=poll.title)]
    else:
        lines = [t("meetings.called_off", ctx.lang, id=poll.id, title=meeting.title, when=when)]
    if why:
        lines.append(t("polls.called_off_reason", ctx.lang, reason=why))
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
    args.refuse_stray()
    lapsed = poll.state == "open" and svarfrist_passed(poll, ctx.now) is not None
    if poll.state == "open" and not lapsed:
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
    if lapsed:  # not closed yet by the dispatcher: its close at the old svarfrist would
        poll_outbox.cancel_timed(ctx.session, poll)
    poll_outbox.schedule(ctx.session, poll, now=ctx.now, tz=ctx.settings.tz, again=True)
    audit(ctx, "poll.reopen", "poll", poll.id)
    intro = t("polls.reopened", ctx.lang, id=poll.id, title=poll.title)
    return render_poll(ctx.session, poll, ctx.lang, ctx.tz, intro=intro)


VERBS = (
    Verb(
        ("endre", "change", "edit"),
        edit_poll,
        "help.mote.endre",
        keywords=EDIT_KEYWORDS,
        by_keyword=True,
    ),
    # Not "cancel": in English that is a member withdrawing (`/konferanse cancel`), not
    # calling something off for everyone.
    Verb(("avlys", "avlyse", "call off", "calloff"), call_off_poll, "help.mote.avlys"),
    Verb(
        ("gjenåpne", "gjenopne", "gjenopna", "opne igjen", "åpne igjen", "apne igjen", "reopen"),
        reopen_poll,
        "help.mote.gjenapne",
        keywords=REOPEN_KEYWORDS,
    ),
)


def register(router: Router) -> None:
    router.groups["mote"].add(*VERBS)
