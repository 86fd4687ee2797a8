"""Counting a meeting poll: answers per slot, who is still expected, the best slot, the table.

Counting rule. Normally every member who answered counts once per slot. With "one vote
per organisation" the unit is the organisation: for each slot, the latest answer given by
any member of that organisation is the organisation's answer (a later answer from a
colleague replaces an earlier one). A member without an organisation counts on their own.

Best slot: most "yes", then most "yes" + "if need be", then the earliest. Slots equal on
both counts are tied; the earliest of them is the one chosen when nobody picks, and the
tie is shown. A poll where no slot has a single yes or if-need-be has no best slot.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from functools import cache
from typing import Any

from sqlalchemy import (
    CompoundSelect,
    Select,
    bindparam,
    case,
    func,
    literal,
    null,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from bot.dates import Slot, format_datetime, format_slot
from bot.i18n import t
from bot.messages import Button, Buttons, Reply, Text
from bot.messages import table as messages_table
from storage.models import Meeting, Member, Poll, PollSlot, Vote

YES, MAYBE, NO = "yes", "maybe", "no"
CANCELLED = "cancelled"  # a poll's state when it, or its meeting, was called off
ANSWERS = (YES, MAYBE, NO)
SYMBOL = {YES: "✓", MAYBE: "~", NO: "✗"}
NO_ANSWER = "·"
# The words a button sends: bokmål, which every member's command understands.
COMMAND_WORD = {YES: "ja", MAYBE: "kanskje", NO: "nei"}
COMMAND_WORD_EN = {YES: "yes", MAYBE: "maybe", NO: "no"}


def answer_command(poll_id: int, position: int, answer: str, lang: str) -> str:
    """A button's command in the card's language, as its footer teaches it."""
    if lang == "en":
        return f"/mote answer {poll_id} {position}:{COMMAND_WORD_EN[answer]}"
    return f"/mote svar {poll_id} {position}:{COMMAND_WORD[answer]}"


@dataclass
class Unit:
    """One row of the table: a member, or an organisation in one-vote-per-organisation."""

    label: str
    answers: dict[int, str] = field(default_factory=dict)  # slot id -> answer
    guest: bool = False  # answered from a web guest link (handlers/guest_votes.py)

    def shown(self, lang: str) -> str:
        return f"{self.label} ({t('web.guest_mark', lang)})" if self.guest else self.label


class Ranking:
    """The best of a poll's counted slots: most yes, then most yes and if need be."""

    counts: dict[int, dict[str, int]]  # slot id -> answer -> count
    tied: list[PollSlot]  # the best slots, equal on both counts, earliest first

    @property
    def best(self) -> PollSlot | None:
        return self.tied[0] if self.tied else None

    def score(self, slot: PollSlot) -> tuple[int, int]:
        c = self.counts[slot.id]
        return c[YES], c[YES] + c[MAYBE]


@dataclass
class Tally(Ranking):
    slots: list[PollSlot]
    units: list[Unit]
    counts: dict[int, dict[str, int]]  # slot id -> answer -> count
    tied: list[PollSlot]  # the best slots, equal on both counts, earliest first
    waiting: list[str]  # expected to answer but have not (names or organisations)


def slot_value(slot: PollSlot) -> Slot:
    return Slot(slot.start_at, slot.end_at)


def slot_text(slot: PollSlot, lang: str, tz: tzinfo) -> str:
    """A slot as members read it; with the year when the poll's slots span a New Year or
    fall in another year than the poll was made in ("15.02" typed in March is next year's)."""
    years = set()
    if slot.poll:
        years = {s.start_at.astimezone(tz).year for s in slot.poll.slots}
        if slot.poll.created_at is not None:
            years.add(slot.poll.created_at.astimezone(tz).year)
    return format_slot(slot_value(slot), lang, tz, year=len(years) > 1)


def expected_members(session: Session, poll: Poll) -> list[Member]:
    """Who is asked to answer: the named invitees (members, and the members of named
    organisations), or else every member of the poll's network."""
    if poll.invitees:
        member_ids = {i.member_id for i in poll.invitees if i.member_id}
        org_ids = {i.organisation_id for i in poll.invitees if i.organisation_id}
        stmt = (
            select(Member)
            .where(Member.id.in_(member_ids) | Member.organisation_id.in_(org_ids))
            .order_by(Member.name, Member.id)
        )
        return list(session.scalars(stmt))
    return list(poll.network.members) if poll.network else []


def voters(session: Session, poll: Poll) -> set[int]:
    return set(session.scalars(select(Vote.member_id).where(Vote.poll_id == poll.id).distinct()))


def has_answered(
    session: Session, poll: Poll, member: Member, voter_ids: set[int] | None = None
) -> bool:
    """A member has answered when they voted; in one-vote-per-organisation, also when a
    colleague from their organisation did."""
    voter_ids = voters(session, poll) if voter_ids is None else voter_ids
    if member.id in voter_ids:
        return True
    if poll.one_vote_per_organisation and member.organisation_id is not None:
        colleague = session.scalar(
            select(Vote.id)
            .join(Member, Member.id == Vote.member_id)
            .where(Vote.poll_id == poll.id, Member.organisation_id == member.organisation_id)
            .limit(1)
        )
        return colleague is not None
    return False


def tally(session: Session, poll: Poll) -> Tally:
    rows = session.execute(
        select(Vote, Member)
        .join(Member, Member.id == Vote.member_id)
        .where(Vote.poll_id == poll.id)
        .order_by(Vote.at, Vote.id)
    ).all()
    units: dict[tuple[str, int], Unit] = {}
    for vote, member in rows:  # oldest first, so a later answer overwrites an earlier one
        if poll.one_vote_per_organisation and member.organisation is not None:
            key, label = ("org", member.organisation.id), member.organisation.name
        else:
            key, label = ("member", member.id), member.name
        unit = units.setdefault(key, Unit(label, guest=member.is_guest))
        unit.answers[vote.slot_id] = vote.answer
    slots = list(poll.slots)
    counts = {s.id: dict.fromkeys(ANSWERS, 0) for s in slots}
    for unit in units.values():
        for slot_id, answer in unit.answers.items():
            if slot_id in counts and answer in ANSWERS:
                counts[slot_id][answer] += 1
    result = Tally(slots, sorted(units.values(), key=lambda u: u.label.casefold()), counts, [], [])
    result.tied = best_slots(slots, result.score)
    voter_ids = {m.id for _, m in rows}
    waiting: list[str] = []
    for member in expected_members(session, poll):
        if has_answered(session, poll, member, voter_ids):
            continue
        name = (
            member.organisation.name
            if poll.one_vote_per_organisation and member.organisation
            else member.name
        )
        if name not in waiting:
            waiting.append(name)
    result.waiting = waiting
    return result


@dataclass
class Counts(Ranking):
    """What a poll's card shows, without who answered what: counts per slot, the best
    slots and how many units (members, or organisations) answered. Counted by the database
    by the same rule as ``tally``."""

    slots: list[PollSlot]
    counts: dict[int, dict[str, int]]  # slot id -> answer -> count
    tied: list[PollSlot]
    answered: int  # units with at least one answer


def count_answers(session: Session, poll: Poll) -> Counts:
    """``tally``'s counts in one query: each unit's latest answer per slot (a window over
    the votes, newest first) counted per slot and answer, and after those rows one row
    without a slot holding how many units answered."""
    counted, _ = _count_statements(poll.one_vote_per_organisation)
    slots = list(poll.slots)
    counts = {s.id: dict.fromkeys(ANSWERS, 0) for s in slots}
    answered = 0
    for slot_id, answer, count in session.execute(counted, {"poll_id": poll.id}):
        if slot_id is None:  # the units' row (no vote has a NULL slot)
            answered = int(count)
        elif slot_id in counts:
            counts[slot_id][answer] = int(count)
    result = Counts(slots, counts, [], answered)
    result.tied = best_slots(slots, result.score)
    return result


def answered_units(session: Session, poll: Poll) -> int:
    """``count_answers(...).answered`` alone: who has answered (one query; a list of polls
    shows no counts per slot)."""
    units = _count_statements(poll.one_vote_per_organisation)[1]
    return int(session.scalar(units, {"poll_id": poll.id}) or 0)


@cache
def _count_statements(per_org: bool) -> tuple[CompoundSelect, Select[Any]]:
    """Built once per counting rule (a statement built per vote costs more than its run):
    the counts per slot and answer with the units' row (``count_answers``), and the units
    alone (``answered_units``)."""
    unit_org = Member.organisation_id if per_org else literal(None)
    unit_member = (
        case((Member.organisation_id.is_(None), Member.id), else_=None) if per_org else Member.id
    )
    latest = (
        select(
            Vote.slot_id.label("slot_id"),
            Vote.answer.label("answer"),
            unit_org.label("unit_org"),
            unit_member.label("unit_member"),
            func.row_number()
            .over(
                partition_by=(unit_org, unit_member, Vote.slot_id),
                order_by=(Vote.at.desc(), Vote.id.desc()),
            )
            .label("rank"),
        )
        .join(Member, Member.id == Vote.member_id)
        .where(Vote.poll_id == bindparam("poll_id"))
        .cte("latest")
    )
    grouped = (
        select(latest.c.slot_id, latest.c.answer, func.count())
        .where(latest.c.rank == 1, latest.c.answer.in_(ANSWERS))
        .group_by(latest.c.slot_id, latest.c.answer)
    )
    distinct_units = select(latest.c.unit_org, latest.c.unit_member).distinct().subquery()
    units = select(func.count()).select_from(distinct_units)
    # The units' row is told from the counts by its NULL slot: safe only because
    # ``Vote.slot_id`` is NOT NULL, so no counted row has one. The NULLs are cast to the
    # columns' types (INTEGER, VARCHAR(10)) so that PostgreSQL unions them with the
    # counts' columns; ``latest`` is used twice and both databases run the CTE as written
    # (tests/handlers/test_poll_counts.py holds the result to ``tally`` on both).
    units_row = select(
        null().cast(Vote.slot_id.type), null().cast(Vote.answer.type), func.count()
    ).select_from(distinct_units)
    return union_all(grouped, units_row), units


def best_slots(
    slots: list[PollSlot], score: Callable[[PollSlot], tuple[int, int]]
) -> list[PollSlot]:
    """The slots with the top score (most yes, then most yes + if need be), earliest first;
    none when no slot has a yes or an if-need-be."""
    scored = [s for s in slots if score(s)[1] > 0]
    if not scored:
        return []
    top = max(score(s) for s in scored)
    return sorted((s for s in scored if score(s) == top), key=lambda s: (s.start_at, s.position))


def attendance(result: Tally, slot: PollSlot, lang: str) -> str:
    """Who answered what for one slot, and who has not answered: a line each, for the
    meeting's invitation (the bot knows no e-mail addresses to list as attendees)."""
    lines = []
    for answer in ANSWERS:
        names = [u.shown(lang) for u in result.units if u.answers.get(slot.id) == answer]
        if names:
            lines.append(f"{t(f'polls.count.{answer}', lang)}: {', '.join(names)}")
    if result.waiting:
        lines.append(t("polls.waiting", lang, names=", ".join(result.waiting)))
    return "\n".join(lines)


def meeting_of(session: Session, poll: Poll) -> Meeting | None:
    return session.scalar(
        select(Meeting).where(Meeting.poll_id == poll.id, Meeting.cancelled.is_(False))
    )


# -- rendering -----------------------------------------------------------------------------


def _numbers(slots: list[PollSlot]) -> str:
    return ", ".join(str(s.position) for s in slots)


def best_line(result: Tally | Counts, lang: str, tz: tzinfo) -> str:
    answered = result.answered if isinstance(result, Counts) else len(result.units)
    if not answered:
        return t("polls.no_answers_yet", lang)
    best = result.best
    if best is None:
        return t("polls.no_best", lang)
    yes, either = result.score(best)
    if len(result.tied) > 1:
        return t(
            "polls.best_tied",
            lang,
            numbers=_numbers(result.tied),
            number=best.position,
            slot=slot_text(best, lang, tz),
            yes=yes,
            either=either,
        )
    return t(
        "polls.best",
        lang,
        number=best.position,
        slot=slot_text(best, lang, tz),
        yes=yes,
        either=either,
    )


def header_lines(poll: Poll, lang: str, tz: tzinfo) -> list[str]:
    title = t("polls.title", lang, id=poll.id, title=poll.title)
    if poll.network is not None:
        title += f" — {poll.network.name}"
    lines = [title]
    facts = []
    if poll.state == CANCELLED:
        facts.append(t("polls.state_cancelled", lang))
    elif poll.state != "open":
        facts.append(t("polls.state_closed", lang))
    elif poll.closes_at is not None:
        facts.append(t("polls.closes", lang, when=format_datetime(poll.closes_at, lang, tz)))
    if poll.one_vote_per_organisation:
        facts.append(t("polls.per_org", lang))
    if poll.place:
        facts.append(t("polls.place", lang, place=poll.place))
    if facts:
        lines.append(" · ".join(facts))
    if poll.agenda:
        lines.append(t("polls.agenda", lang, agenda=poll.agenda))
    return lines


def svarfrist_passed(poll: Poll, now: datetime) -> datetime | None:
    """The poll's svarfrist if it has passed: it takes no more answers, from members or web
    guests, also before the dispatcher has closed it."""
    return poll.closes_at if poll.closes_at is not None and now >= poll.closes_at else None


def takes_answers(poll: Poll, now: datetime | None) -> bool:
    """Open and before its svarfrist (``now`` None: as of the last dispatcher tick)."""
    return poll.state == "open" and (now is None or svarfrist_passed(poll, now) is None)


def _answer_footer(poll: Poll, lang: str, tz: tzinfo, now: datetime | None) -> str:
    """How to answer, or, once the svarfrist has passed, that answers are no longer taken."""
    if takes_answers(poll, now):
        return t("polls.how_to_answer", lang, id=poll.id, example=example_answer(poll, lang))
    assert poll.closes_at is not None
    return t("polls.svarfrist_over", lang, when=format_datetime(poll.closes_at, lang, tz))


def render_poll(
    session: Session,
    poll: Poll,
    lang: str,
    tz: tzinfo,
    *,
    buttons: bool = True,
    intro: str | None = None,
    now: datetime | None = None,
) -> Reply:
    """The poll as posted in the channel: slots with counts and, while it takes answers,
    answer buttons whose commands are what a member would type (the Slack adapter renders
    them)."""
    result = count_answers(session, poll)
    reply = Reply(visibility="channel", object_ref=("poll", poll.id))
    if intro:
        reply.add(Text(intro))
    reply.add(Text("\n".join(header_lines(poll, lang, tz))))
    is_open = takes_answers(poll, now)
    for slot in result.slots:
        c = result.counts[slot.id]
        reply.add(
            Text(
                t(
                    "polls.slot_line",
                    lang,
                    number=slot.position,
                    slot=slot_text(slot, lang, tz),
                    yes=c[YES],
                    maybe=c[MAYBE],
                    no=c[NO],
                )
            )
        )
        if buttons and is_open:
            reply.add(
                Buttons(
                    tuple(
                        Button(
                            t(f"polls.button.{answer}", lang),
                            answer_command(poll.id, slot.position, answer, lang),
                            "primary" if answer == YES else None,
                        )
                        for answer in ANSWERS
                    )
                )
            )
    reply.add(Text(best_line(result, lang, tz)))
    if poll.state == "open":
        reply.add(Text(_answer_footer(poll, lang, tz, now)))
    return reply


def example_answer(poll: Poll, lang: str = "nb") -> str:
    words = ("yes", "maybe", "no") if lang == "en" else ("ja", "kanskje", "nei")
    return " ".join(f"{s.position}:{words[i % 3]}" for i, s in enumerate(poll.slots))


def table(result: Tally, lang: str) -> str:
    """Participants against slots, a table part (``bot.messages.table``): a header row of
    slot numbers, a row per participant (✓ ~ ✗), then a row per answer with its count."""
    rows = [["", *(str(s.position) for s in result.slots)]]
    for unit in result.units:
        cells = (SYMBOL.get(unit.answers.get(s.id, ""), NO_ANSWER) for s in result.slots)
        rows.append([unit.shown(lang), *cells])
    for answer in ANSWERS:
        counts = (str(result.counts[s.id][answer]) for s in result.slots)
        rows.append([t(f"polls.count.{answer}", lang), *counts])
    return messages_table(rows)


def render_table(session: Session, poll: Poll, lang: str, tz: tzinfo, now: datetime) -> Reply:
    """``/mote vis``: the slots, the table of answers, the best slot and who is missing."""
    result = tally(session, poll)
    reply = Reply()
    reply.add(Text("\n".join(header_lines(poll, lang, tz))))
    reply.add(Text("\n".join(f"{s.position}. {slot_text(s, lang, tz)}" for s in result.slots)))
    if result.units:
        reply.add(Text(table(result, lang)))
        reply.add(Text(t("polls.legend", lang)))
    reply.add(Text(best_line(result, lang, tz)))
    if result.waiting:
        reply.add(Text(t("polls.waiting", lang, names=", ".join(result.waiting))))
    meeting = meeting_of(session, poll)
    if poll.state == CANCELLED:
        reply.add(Text(t("polls.show_cancelled", lang)))
    elif meeting is not None:
        reply.add(
            Text(
                t(
                    "polls.decided",
                    lang,
                    when=format_slot(Slot(meeting.start_at, meeting.end_at), lang, tz),
                )
            )
        )
    elif poll.state == "open":
        reply.add(Text(_answer_footer(poll, lang, tz, now)))
    else:
        best = result.best
        reply.add(
            Text(
                t("polls.awaiting_decision", lang, id=poll.id, number=best.position if best else 1)
            )
        )
    return reply
