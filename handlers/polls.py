"""Meeting availability polls (møtepoll): /mote ny, svar, vis, lukk, liste."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, joinedload

from bot import permissions
from bot.context import Context
from bot.dates import (
    DateParseError,
    day_warning,
    format_datetime,
    format_slot,
    note_lines,
    parse_duration,
    parse_slots,
    parse_when,
)
from bot.errors import UserError
from bot.grammar import NEW_WORDS, Args, Check, NotInFreeText, one_line, parse_ref, within
from bot.i18n import t
from bot.messages import Reply, Text
from bot.router import Router, Verb
from handlers import meeting_invite, poll_clashes, poll_outbox
from handlers.lookup import audit, find_member, find_organisation, network_for
from handlers.poll_results import (
    CANCELLED,
    MAYBE,
    NO,
    YES,
    Tally,
    answered_units,
    attendance,
    example_answer,
    meeting_of,
    render_poll,
    render_table,
    slot_text,
    svarfrist_passed,
    tally,
)
from storage.models import Meeting, Member, Network, Poll, PollInvitee, PollSlot, Vote

MAX_SLOTS = 20
FAR_AHEAD = timedelta(days=300)  # about ten months
MAX_TITLE = 200
MAX_TEXT = 2000  # a place, an agenda

NEW_KEYWORDS = {
    "slots": ("tider", "tidspunkt", "tidspunkter", "tidspunkta", "slots", "times"),
    "closes": ("svarfrist", "closes", "deadline"),
    "duration": ("varighet", "varigheit", "duration"),
    "network": ("nettverk", "network"),
    "invitees": ("inviterte", "invitees", "invited"),
    "place": ("sted", "stad", "place"),
    "agenda": ("agenda",),
}
NEW_FLAGS = {
    "per_org": (
        "én stemme per organisasjon",
        "en stemme per organisasjon",
        "ein stemme per organisasjon",
        "éin stemme per organisasjon",
        "éi stemme per organisasjon",  # stemme is feminine in nynorsk: the right one
        "ei stemme per organisasjon",
        "éi røyst per organisasjon",
        "ei røyst per organisasjon",
        "ein røyst per organisasjon",
        "one vote per organisation",
        "one vote per organization",
    ),
    "auto": ("velg automatisk", "vel automatisk", "choose automatically"),
}
CLOSE_KEYWORDS = {
    "choice": ("valg", "val", "choice", "slot"),
    # only before a number (the verb's checks): an agenda may say "Vel møtt"
    "chosen": ("vel", "velg", "choose", "pick", "option"),
    "place": ("sted", "stad", "place"),
    "agenda": ("agenda",),
}

# What members may write for each answer; "om nødvendig" is two words, so the text is
# matched as a whole rather than token by token.
ANSWER_WORDS = {
    YES: ("ja", "yes", "j", "y"),
    MAYBE: (
        *("kanskje", "om nødvendig", "om naudsynt", "if need be", "maybe", "ifneedbe"),
        *("viss naudsynt", "dersom naudsynt", "hvis nødvendig", "dersom nødvendig"),
    ),
    NO: ("nei", "no", "n"),
}
_WORD_TO_ANSWER = {w: a for a, words in ANSWER_WORDS.items() for w in words}
_ALL_SLOTS = ("alle", "all")
_TO_ALL = re.compile(r"(?<![\w:])(\S+)\s+(?:til|to|på|for)\s+(?:alle|all)\b")


# -- /mote ny ------------------------------------------------------------------------------


def meeting_text(args: Args, name: str) -> str | None:
    """The poll's ``place`` (one line) or ``agenda`` (lines kept) as typed after its keyword,
    refused over MAX_TEXT: the same on ``/mote ny`` and ``/mote endre``."""
    value = args.get(name)
    if value is None:
        return None
    return (one_line if name == "place" else within)(value, MAX_TEXT, name) or None


def new_poll(ctx: Context, args: Args) -> Reply:
    title = args.strict_title(limit=MAX_TITLE) or ""
    if not title:
        raise UserError("polls.title_missing")
    if not args.get("slots"):
        raise UserError("polls.slots_missing")
    network = network_for(ctx, args)
    if not permissions.organiser_or_network_member(ctx.member, network):
        raise UserError("polls.not_in_network", network=network.name, admins=ctx.admins())
    duration = _duration(ctx, args.get("duration"))
    slots = read_slots(ctx, args.options["slots"], duration)
    closes_at = poll_deadline(ctx, args.get("closes"), slots[0][0])
    poll = Poll(
        network=network,
        title=title,
        closes_at=closes_at,
        duration_minutes=int(duration.total_seconds() // 60) if duration else None,
        one_vote_per_organisation="per_org" in args.flags,
        auto_choose="auto" in args.flags,
        place=meeting_text(args, "place"),
        agenda=meeting_text(args, "agenda"),
        state="open",
        created_by=ctx.member.id,
        created_at=ctx.now,
    )
    ctx.session.add(poll)
    for position, (start, end) in enumerate(slots, start=1):
        poll.slots.append(PollSlot(position=position, start_at=start, end_at=end))
    if args.get("invitees"):
        poll.invitees = _invitees(ctx, args.options["invitees"])
    ctx.session.flush()
    poll_outbox.schedule(ctx.session, poll, now=ctx.now, tz=ctx.settings.tz)
    poll_outbox.invite_outsiders(ctx.session, poll, now=ctx.now, tz=ctx.settings.tz)
    audit(ctx, "poll.create", "poll", poll.id, title=poll.title, slots=len(slots))
    warnings = [
        w for w in (day_warning(s.astimezone(ctx.tz).date(), ctx.lang) for s, _ in slots) if w
    ]
    warnings += poll_clashes.slot_warnings(ctx.session, network.id, slots, ctx.lang, ctx.tz)
    warnings += _far_warnings(ctx, poll)
    intro = t("polls.created", ctx.lang, name=ctx.member.name, id=poll.id)
    if warnings:
        intro += "\n" + "\n".join(f"⚠️ {w}" for w in dict.fromkeys(warnings))
    return render_poll(ctx.session, poll, ctx.lang, ctx.tz, intro=intro)


def _far_warnings(ctx: Context, poll: Poll) -> list[str]:
    """Slots ten months or more ahead: most often a day that had just passed ("1.3" on 2
    March), which is read as next year's."""
    return [
        t(
            "polls.slot_far_ahead",
            ctx.lang,
            number=slot.position,
            slot=slot_text(slot, ctx.lang, ctx.tz),
            id=poll.id,
        )
        for slot in poll.slots
        if slot.start_at - ctx.now > FAR_AHEAD
    ]


def _duration(ctx: Context, text: str | None) -> timedelta | None:
    if not text:
        return None
    try:
        duration = parse_duration(text)
    except DateParseError as err:
        raise UserError("polls.bad_duration", detail=err.message(ctx.lang)) from None
    if duration > timedelta(hours=24):
        raise UserError("polls.duration_too_long", given=text)
    return duration


def read_slots(
    ctx: Context, text: str, duration: timedelta | None
) -> list[tuple[datetime, datetime | None]]:
    try:
        parsed = parse_slots(text, now=ctx.now, tz=ctx.tz)
    except DateParseError as err:
        raise UserError("polls.bad_slots", detail=err.message(ctx.lang, example=False)) from None
    ctx.notes += note_lines(parsed, ctx.lang)
    if len(parsed) > MAX_SLOTS:
        raise UserError("polls.too_many_slots", count=len(parsed), limit=MAX_SLOTS)
    result: list[tuple[datetime, datetime | None]] = []
    for slot in parsed:
        if slot.start <= ctx.now:
            raise UserError("polls.slot_in_past", slot=format_slot(slot, ctx.lang, ctx.tz))
        end = slot.end if slot.end is not None else (slot.start + duration if duration else None)
        if any(start == slot.start for start, _ in result):
            raise UserError("polls.slot_twice", slot=format_slot(slot, ctx.lang, ctx.tz))
        result.append((slot.start, end))
    # numbered in time order, whatever order they were typed in (across New Year too)
    return sorted(result, key=lambda pair: pair[0])


def poll_deadline(ctx: Context, text: str | None, first_start: datetime) -> datetime | None:
    if not text:
        return None
    try:
        when = parse_when(text, now=ctx.now, tz=ctx.tz, deadline=True)
    except DateParseError as err:
        raise UserError("polls.bad_deadline", detail=err.message(ctx.lang)) from None
    ctx.notes += note_lines(when, ctx.lang)
    # A day without a time means "by the end of that day", as for any deadline.
    closes = when.plain() if when.has_time else when.replace(hour=23, minute=59)
    if closes <= ctx.now:
        raise UserError("polls.deadline_past", when=format_datetime(closes, ctx.lang, ctx.tz))
    if closes > first_start:  # after the first slot, that slot could pass undecided
        raise UserError(
            "polls.deadline_after_slot",
            when=format_datetime(closes, ctx.lang, ctx.tz),
            slot=format_datetime(first_start, ctx.lang, ctx.tz),
        )
    return closes


def _invitees(ctx: Context, text: str) -> list[PollInvitee]:
    """Members or organisations, comma-separated: "Per Hansen, NAV, Tønsberg kommune"."""
    result: list[PollInvitee] = []
    # Only commas split: "og" belongs in names like "Vestfold og Telemark fylkeskommune".
    for part in re.split(r"[,;]", text):
        name = part.strip()
        if not name:
            continue
        try:
            member = find_member(ctx.session, name)
            invitee = PollInvitee(member_id=member.id)
        except UserError as err:
            if err.key.endswith("ambiguous"):
                raise
            try:
                org = find_organisation(ctx.session, name)
            except UserError as org_err:
                if org_err.key.endswith("ambiguous"):
                    raise
                raise UserError("polls.invitee_unknown", given=name) from None
            invitee = PollInvitee(organisation_id=org.id)
        if not any(
            (i.member_id, i.organisation_id) == (invitee.member_id, invitee.organisation_id)
            for i in result
        ):
            result.append(invitee)
    if not result:  # `inviterte ,`: names nobody, which is not "nobody invited"
        raise UserError("polls.invitee_unknown", given=text.strip())
    return result


# -- /mote svar -----------------------------------------------------------------------------


def find_poll(ctx: Context, ref: str | None, *, lock: str | None = None) -> Poll:
    """The poll a command names (``4`` or ``#4``), optionally locked; a member's error when
    the number is missing or names no poll."""
    if not ref:
        typed = ctx.command.text.split()  # the verb as the member typed it: vis, lukk, show
        raise UserError("polls.number_missing", verb=typed[0][:20] if typed else "vis")
    number = parse_ref(ref, what=t("polls.what", ctx.lang))
    poll = ctx.session.scalar(_POLL_BY_ID[lock], {"poll_id": number})
    if poll is None:
        raise UserError("polls.unknown", id=number)
    return poll


def _is_answer(piece: str) -> bool:
    return piece.replace("_", " ") in _WORD_TO_ANSWER  # `om_nødvendig`: a phrase, joined


def _numbered(pieces: list[str], poll: Poll, lang: str) -> list[str]:
    """The answers as ``number:word``, also when typed without colons: ``1 ja 2 nei`` (a
    number, then its answer), ``alle nei`` or ``ja nei kanskje`` (one answer per slot, in
    order)."""
    pieces = [p for p in pieces if p]
    joined: list[str] = []
    for piece in pieces:
        slot = joined[-1].lstrip("#") if joined else ""
        if (slot.isdigit() or slot in _ALL_SLOTS) and _is_answer(piece):
            joined[-1] = f"{joined[-1]}:{piece}"
        else:
            joined.append(piece)
    if not joined or not all(_is_answer(p) for p in joined):
        return joined
    if len(joined) != len(poll.slots):
        raise UserError(
            "polls.answer_count.one" if len(joined) == 1 else "polls.answer_count",
            given=len(joined),
            count=len(poll.slots),
            id=poll.id,
            in_order=" ".join(a.split(":")[1] for a in example_answer(poll, lang).split()),
            example=example_answer(poll, lang),
        )
    return [f"{n}:{word}" for n, word in enumerate(joined, start=1)]


# Built once per lock (every vote reads its poll): votes share the row; a close takes it
# exclusively, so no vote lands after a close.
_POLL = select(Poll).where(Poll.id == bindparam("poll_id"))
_POLL_BY_ID = {
    None: _POLL,
    "share": _POLL.with_for_update(read=True),
    "update": _POLL.with_for_update(),
}


def parse_answers(text: str, poll: Poll, lang: str = "nb") -> dict[int, str]:
    """``1:ja 2:om nødvendig 3:nei`` (or ``alle:nei``) -> {slot position: answer}."""
    s = re.sub(r"\s*([:=])\s*", r"\1", text.strip().casefold())
    for phrase in sorted((w for w in _WORD_TO_ANSWER if " " in w), key=len, reverse=True):
        s = s.replace(phrase, phrase.replace(" ", "_"))
    s = _TO_ALL.sub(r"alle:\1", s)  # "ja til alle", "yes to all": `alle:ja`
    count = len(poll.slots)
    every: str | None = None  # `alle:nei`: for the slots not named on their own
    named: dict[int, str] = {}
    for piece in _numbered(re.split(r"[\s,;]+", s), poll, lang):
        m = re.fullmatch(r"#?(\d+|alle|all)[:=](.+)", piece)
        if m is None and piece in _ALL_SLOTS:
            raise UserError("polls.all_without_answer", id=poll.id)
        if m is None:
            raise UserError(
                "polls.bad_answer_text",
                given=piece.replace("_", " "),
                id=poll.id,
                example=example_answer(poll, lang),
            )
        word = m.group(2).replace("_", " ")
        answer = _WORD_TO_ANSWER.get(word)
        if answer is None:
            raise UserError(
                "polls.bad_answer_word", given=word, id=poll.id, example=example_answer(poll, lang)
            )
        if m.group(1) in _ALL_SLOTS:
            if every is not None and every != answer:  # `alle:ja alle:nei`, as `1:ja 1:nei`
                raise UserError(
                    "polls.all_twice_answered", id=poll.id, example=example_answer(poll, lang)
                )
            every = answer
            continue
        number = int(m.group(1))
        if not 1 <= number <= count:
            raise UserError("polls.slot_out_of_range", number=number, count=count, id=poll.id)
        if number in named and named[number] != answer:
            # `1:ja 1:nei`: which one was meant? (`alle:nei 2:ja` is fine: 2 is named once)
            raise UserError(
                "polls.slot_twice_answered",
                number=number,
                id=poll.id,
                example=example_answer(poll, lang),
            )
        named[number] = answer
    # a slot named on its own keeps its answer, before or after `alle`: `2:ja alle:nei`
    answers = dict.fromkeys(range(1, count + 1), every) if every else {}
    answers.update(named)
    if not answers:
        raise UserError("polls.answers_missing", id=poll.id, example=example_answer(poll, lang))
    return answers


def vote(ctx: Context, args: Args) -> Reply:
    words = args.words()
    poll = find_poll(ctx, words[0] if words else None, lock="share")
    if poll.state != "open":
        raise UserError(
            "polls.is_cancelled" if poll.state == CANCELLED else "polls.closed", id=poll.id
        )
    passed = svarfrist_passed(poll, ctx.now)  # the dispatcher closes it at its next tick
    if passed is not None:
        when = format_datetime(passed, ctx.lang, ctx.tz)
        raise UserError("polls.svarfrist_passed", id=poll.id, when=when)
    require_may_vote(ctx, poll)
    answers = parse_answers(" ".join(words[1:]), poll, ctx.lang)
    by_position = {s.position: s for s in poll.slots}
    save_votes(
        ctx.session,
        poll,
        ctx.member,
        {by_position[n].id: a for n, a in answers.items()},
        now=ctx.now,
    )
    # The voter is told, with the poll as it now stands; its posted cards get the new
    # counts, without a note on who answered last and without a new post in the channel.
    card = render_poll(ctx.session, poll, ctx.lang, ctx.tz)
    return Reply(
        blocks=[Text(t("polls.you_answered", ctx.lang, id=poll.id)), *card.blocks],
        object_ref=card.object_ref,
        card=card,
    )


def require_may_vote(ctx: Context, poll: Poll) -> None:
    """Members of the poll's network, those invited by name or organisation, organisers."""
    if poll.network is None or permissions.organiser_or_network_member(ctx.member, poll.network):
        return
    me, org = ctx.member.id, ctx.member.organisation_id
    if any(
        i.member_id == me or (org is not None and i.organisation_id == org) for i in poll.invitees
    ):
        return
    raise UserError("polls.not_in_network", network=poll.network.name, admins=ctx.admins())


def save_votes(
    session: Session, poll: Poll, member: Member, answers: dict[int, str], *, now: datetime
) -> None:
    """Insert or replace a member's answers in one statement per slot set, relying on the
    unique (slot_id, member_id): two clicks at once cannot make two rows or lose one."""
    rows: list[dict[str, Any]] = [
        {
            "poll_id": poll.id,
            "slot_id": slot_id,
            "member_id": member.id,
            "answer": answer,
            "at": now,
        }
        for slot_id, answer in answers.items()
    ]
    dialect = session.get_bind().dialect.name
    if dialect in ("postgresql", "sqlite"):
        # On the table: no vote is held as an object here (the card counts by query), and
        # the ORM's bulk insert builds its statements again for every vote.
        session.flush()
        session.connection().execute(_upsert_vote(dialect), rows)
        return
    for row in rows:  # other databases: plain ORM, good enough without concurrent writers
        existing = session.scalar(
            select(Vote).where(Vote.slot_id == row["slot_id"], Vote.member_id == member.id)
        )
        if existing is None:
            session.add(Vote(**row))
        else:
            existing.answer, existing.at = row["answer"], now
    session.flush()


@cache
def _upsert_vote(dialect: str) -> Any:
    """Built once, run with the rows as parameters: a statement with the values inside it
    is compiled again for every vote."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(Vote.__table__)  # type: ignore[arg-type]
    return stmt.on_conflict_do_update(
        index_elements=[Vote.slot_id, Vote.member_id],
        set_={"answer": stmt.excluded.answer, "at": stmt.excluded.at},
    )


# -- /mote vis, liste -----------------------------------------------------------------------


def show_poll(ctx: Context, args: Args) -> Reply:
    words = args.words()
    poll = find_poll(ctx, words[0] if words else None)
    return render_table(ctx.session, poll, ctx.lang, ctx.tz, ctx.now)


@dataclass(frozen=True)
class PollList:
    """A network's polls and meetings, as ``/mote liste`` shows them and a page could."""

    open: list[tuple[Poll, int]]  # open polls, soonest closing first, and who has answered
    undecided: list[Poll]  # closed without a meeting yet
    meetings: list[Meeting]  # coming meetings, soonest first


def poll_list(session: Session, network: Network, now: datetime) -> PollList:
    of_network = {"network_id": network.id}
    polls = session.scalars(_OPEN_POLLS, of_network).all()
    undecided = [
        p for p in session.scalars(_CLOSED_POLLS, of_network) if meeting_of(session, p) is None
    ]
    meetings = session.scalars(_COMING_MEETINGS, {**of_network, "since": now}).all()
    answered = [(poll, answered_units(session, poll)) for poll in polls]
    return PollList(answered, undecided, list(meetings))


# Built once: every /mote liste runs them (building a statement costs more than its run).
_OPEN_POLLS = (
    select(Poll)
    .where(Poll.network_id == bindparam("network_id"), Poll.state == "open")
    .order_by(Poll.closes_at.is_(None), Poll.closes_at, Poll.id)
)
_CLOSED_POLLS = (
    select(Poll)
    .where(Poll.network_id == bindparam("network_id"), Poll.state == "closed")
    .order_by(Poll.id)
)
_COMING_MEETINGS = (
    select(Meeting)
    .where(
        Meeting.network_id == bindparam("network_id"),
        Meeting.cancelled.is_(False),
        Meeting.start_at >= bindparam("since", type_=Meeting.start_at.type),
    )
    .order_by(Meeting.start_at)
)


def list_polls(ctx: Context, args: Args) -> Reply:
    network = network_for(ctx, args)
    found = poll_list(ctx.session, network, ctx.now)
    reply = Reply()
    reply.add(Text(t("polls.list_title", ctx.lang, network=network.name)))
    lines = [_open_line(ctx, poll, answered) for poll, answered in found.open]
    for poll in found.undecided:
        lines.append(t("polls.list_undecided", ctx.lang, id=poll.id, title=poll.title))
    reply.add(Text("\n".join(lines) if lines else t("polls.list_none", ctx.lang)))
    if found.meetings:
        meeting_lines = [
            t(
                "polls.list_meeting",
                ctx.lang,
                title=m.title,
                when=format_datetime(m.start_at, ctx.lang, ctx.tz),
                place=f" — {m.place}" if m.place else "",
            )
            for m in found.meetings
        ]
        reply.add(Text("\n".join([t("polls.list_meetings", ctx.lang), *meeting_lines])))
    reply.add(Text(t("polls.list_hint", ctx.lang)))
    return reply


def _open_line(ctx: Context, poll: Poll, answered: int) -> str:
    deadline = (
        t("polls.list_closes", ctx.lang, when=format_datetime(poll.closes_at, ctx.lang, ctx.tz))
        if poll.closes_at
        else ""
    )
    return t(
        "polls.list_line", ctx.lang, id=poll.id, title=poll.title, count=answered, closes=deadline
    )


# -- /mote lukk -----------------------------------------------------------------------------


def close_poll(ctx: Context, args: Args) -> Reply:
    words = args.words()
    poll = find_poll(ctx, words[0] if words else None, lock="update")
    if not permissions.organiser_or_creator(ctx.member, poll.created_by, poll.network):
        raise ctx.refusal(poll.network, "polls.close_not_allowed", id=poll.id)
    if poll.state == CANCELLED:
        raise UserError("polls.edit_cancelled", id=poll.id)
    named = args.get("choice") or args.get("chosen")
    args.refuse_stray(own=1 if named else 2)  # the poll's number, and the slot's
    meeting = meeting_of(ctx.session, poll)
    choice = named or (words[1] if len(words) > 1 else None)
    if meeting is not None and choice is None:
        raise UserError(
            "polls.already_decided",
            id=poll.id,
            when=format_datetime(meeting.start_at, ctx.lang, ctx.tz),
        )
    result = tally(ctx.session, poll)
    slot = _chosen_slot(ctx, poll, choice, result)
    if slot.start_at <= ctx.now:
        raise UserError("polls.slot_passed", slot=slot_text(slot, ctx.lang, ctx.tz))
    if meeting is not None and _set_there(meeting, slot, args):
        raise UserError(
            "polls.already_decided",
            id=poll.id,
            when=format_datetime(meeting.start_at, ctx.lang, ctx.tz),
        )
    meeting, moved = _set_meeting(ctx, poll, slot, args)
    intro = [
        f"⚠️ {w}" for w in poll_clashes.meeting_warnings(ctx.session, meeting, ctx.lang, ctx.tz)
    ]
    if choice is None and len(result.tied) > 1:
        tied = ", ".join(str(s.position) for s in result.tied)
        intro.append(t("polls.tie_chosen", ctx.lang, numbers=tied, number=slot.position))
    return meeting_invite.decision_reply(
        meeting,
        poll,
        slot,
        moved=moved,
        lang=ctx.lang,
        tz=ctx.settings.tz,
        now=ctx.now,
        organiser=ctx.member,
        intro=intro,
        description=attendance(result, slot, ctx.lang),
    )


def _set_there(meeting: Meeting, slot: PollSlot, args: Args) -> bool:
    """Whether closing on ``slot`` changes nothing: the meeting stands at that time (a
    second organiser closing on it) and no new place or agenda comes with it."""
    return (
        not meeting.cancelled
        and meeting.start_at == slot.start_at
        and args.get("place") is None
        and args.get("agenda") is None
    )


def _set_meeting(ctx: Context, poll: Poll, slot: PollSlot, args: Args) -> tuple[Meeting, bool]:
    """Close the poll (if open) and set its meeting at ``slot``, or move it there; those who
    got the poll by DM get the meeting so too. Returns the meeting and whether it moved."""
    if poll.state == "open":
        poll_outbox.close(ctx.session, poll, ctx.now)
    tz = ctx.settings.tz
    meeting, moved = meeting_invite.decide(
        ctx.session,
        poll,
        slot,
        now=ctx.now,
        tz=tz,
        member_id=ctx.member.id,
        place=meeting_text(args, "place"),
        agenda=meeting_text(args, "agenda"),
    )
    poll_outbox.tell_invited_of_meeting(ctx.session, poll, meeting, slot, now=ctx.now, tz=tz)
    event = "poll.close" if not moved else "meeting.move"
    audit(ctx, event, "poll", poll.id, slot=slot.position, meeting=meeting.id)
    return meeting, moved


def _chosen_slot(ctx: Context, poll: Poll, choice: str | None, result: Tally) -> PollSlot:
    """The slot the organiser named, else the best one; a member's error when neither."""
    if choice is not None:
        number = parse_ref(choice, what=t("polls.what_slot", ctx.lang))
        slot = next((s for s in poll.slots if s.position == number), None)
        if slot is None:
            raise UserError(
                "polls.slot_out_of_range", number=number, count=len(poll.slots), id=poll.id
            )
        return slot
    if result.best is None:
        key = "polls.no_best_choose" if result.units else "polls.nobody_answered_choose"
        raise UserError(key, id=poll.id)
    return result.best


def poll_card(session: Session, poll_id: int, lang: str, tz: ZoneInfo) -> Reply | None:
    """A poll's posted messages as they stand (rendered when they are updated)."""
    poll = session.execute(_CARD_POLL, {"poll_id": poll_id}).unique().scalar_one_or_none()
    return render_poll(session, poll, lang, tz) if poll is not None else None


# Built once (every click renders a card): the poll with what its card shows beside counts.
_CARD_POLL = (
    select(Poll)
    .where(Poll.id == bindparam("poll_id"))
    .options(joinedload(Poll.network), joinedload(Poll.slots))
)


def _is_number(text: str) -> bool:
    return text.removeprefix("#").isdecimal() and text.isascii()


# `vel`: only before a number (an agenda "Vel møtt og presentasjonsrunde"); the English
# words not after an agenda or a time typed (an agenda "Discuss option 2")
CLOSE_CHECKS: dict[str, Check] = {
    "chosen": _is_number,
    **{word: NotInFreeText(_is_number, ("agenda",)) for word in ("choose", "pick", "option")},
}

VERBS = (
    Verb(NEW_WORDS, new_poll, "help.mote.ny", keywords=NEW_KEYWORDS, flags=NEW_FLAGS),
    Verb(
        ("svar", "stem", "stemme", "røyst", "answer", "vote"),
        vote,
        "help.mote.svar",
        answers=frozenset(w for w in _WORD_TO_ANSWER if " " not in w and len(w) > 1),
    ),
    Verb(("vis", "show"), show_poll, "help.mote.vis", reads_only=True),
    Verb(
        ("lukk", "avslutt", "steng", "stenge", "close"),
        close_poll,
        "help.mote.lukk",
        keywords=CLOSE_KEYWORDS,
        checks=CLOSE_CHECKS,
    ),
    Verb(
        ("liste", "list"),
        list_polls,
        "help.mote.liste",
        keywords={"network": ("nettverk", "network")},
        reads_only=True,
    ),
)


def register(router: Router) -> None:
    grp = router.group(
        "mote", "møte", "meeting", "poll", help_key="help.group.mote", default_verb="liste"
    )
    grp.add(*VERBS)
    poll_outbox.register(router)
    router.cards["poll"] = poll_card
