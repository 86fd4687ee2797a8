"""The actions register (/tiltak): create, show, update status, edit and delete actions.

Lists and CSV export live in ``handlers.action_lists``, the work-programme import in
``handlers.action_import`` and overdue nudges in ``handlers.action_nudges``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.context import Context
from bot.dates import format_date, format_short
from bot.errors import UserError
from bot.grammar import NEW_WORDS, Args, Token, as_typed, one_line
from bot.i18n import t
from bot.messages import Button, Buttons, Fields, Reply, Text, strong
from bot.router import Router, Verb
from bot.texts.keywords import keyword_word
from bot.zones import zone_named
from handlers import action_import, action_lists, action_nudges
from handlers.action_common import (
    DELAYED_WORDS,
    due_text,
    find_action,
    find_goal,
    goal_heading,
    is_overdue,
    owner_text,
    parse_due,
    parse_goal_number,
    parse_progress,
    parse_status,
    percent,
    read_status,
    require_network_member,
    require_owner,
    resolve_owner,
    status_name,
)
from handlers.lookup import audit, network_for, organised_network
from storage import outbox
from storage.models import Action, ActionUpdate, Goal, Network

TITLE_MAX = 1000
HISTORY_SHOWN = 20
NOTE_SHOWN = 300  # characters of a note the answer echoes; `/tiltak vis` shows it whole

NETWORK = ("nettverk", "network")
GOAL = ("mål", "maal", "goal")
OWNER = ("ansvarlig", "ansvarleg", "owner", "eier", "eigar")
DUE = ("frist", "deadline", "due", "innen", "innan")
PROGRESS = ("fremdrift", "framdrift", "progress")
TITLE = ("tittel", "title")


def nudge_zone(ctx: Context, action: Action) -> ZoneInfo:
    """Nudges go out at 09:00 on the owner's clock (their profile, else the bot's zone)."""
    owner = action.owner_member
    return zone_named(owner.timezone if owner else None, ctx.settings.tz)


def _record(ctx: Context, action: Action, **change: Any) -> None:
    """A line in the action's history, and its nudge moved to the (new) due date."""
    ctx.session.add(
        ActionUpdate(action_id=action.id, member_id=ctx.member.id, at=ctx.now, **change)
    )
    action_nudges.reschedule(ctx.session, action, ctx.now, nudge_zone(ctx, action))


def _title(text: str | None) -> str:
    title = one_line(text or "", TITLE_MAX)
    if not title:
        raise UserError("actions.title_missing")
    return title


def new_action(ctx: Context, args: Args) -> Reply:
    title = _title(args.strict_title())
    network = network_for(ctx, args)
    require_network_member(ctx, network)
    goal = _goal_of_new(ctx, network, args, title) if args.get("goal") else None
    member, org = resolve_owner(ctx, args.options["owner"]) if args.get("owner") else (None, None)
    due = parse_due(ctx, args.options["due"]) if args.get("due") else None
    status, progress = _status_at_start(args)
    action = Action(
        network_id=network.id,
        goal=goal,
        title=title,
        owner_member=member,
        owner_organisation=org,
        status=status,
        progress=progress,
        due_date=due,
        created_by=ctx.member.id,
        created_at=ctx.now,
        updated_at=ctx.now,
    )
    ctx.session.add(action)
    ctx.session.flush()
    _record(ctx, action, status=status, progress=progress, due_date=due)
    audit(ctx, "action.create", "action", action.id, title=title)
    reply = Reply.text(
        t(
            "actions.created",
            ctx.lang,
            id=action.id,
            title=title,
            goal=goal_heading(goal, ctx.lang),
            owner=owner_text(action, ctx.lang),
            due=due_text(action, ctx.lang),
            network=network.name,
        ),
        visibility="channel",
    )
    if args.get("status") or progress is not None:  # said how it stands: the status line
        reply.add(Text(_status_line(ctx, action)))
    reply.add(Text(_next_step(ctx, action)))
    return reply


def _next_step(ctx: Context, action: Action) -> str:
    """The hint under a new action, from the status it was made with: one under way is
    pointed to its progress and a note, not to the status it already has."""
    progress = (
        50 if (action.progress or 0) < 40 else min(100, (action.progress or 0) // 10 * 10 + 10)
    )
    step = action.status
    if step == "ongoing" and progress == 100:  # 91 % or more: the next step is done
        step = "nearly_done"
    return t(f"actions.next.{step}", ctx.lang, id=action.id, progress=progress)


def _goal_of_new(ctx: Context, network: Network, args: Args, title: str) -> Goal:
    """The goal a new action names; "mål" inside a title without quotes (``Følgje opp mål
    i klimaplanen``) is answered with the title in quotes, or the goal as a number."""
    value = args.options["goal"]
    if not args.quoted_title and not value.lstrip("#")[:1].isdigit():
        raise UserError(
            "actions.goal_in_title",
            given=value,
            words=f"{keyword_word('goal', ctx.lang)} {value}",
            title=f"{title} {keyword_word('goal', ctx.lang)} {value}",
        )
    return find_goal(ctx, network, value)


def _status_at_start(args: Args) -> tuple[str, int | None]:
    """``status i gang framdrift 10%`` on a new action: one already under way."""
    status = "planned"
    if args.get("status"):
        found = parse_status(args.options["status"])
        if found is None:
            raise UserError("actions.bad_status", given=args.options["status"])
        status = found
    progress = parse_progress(args.options["progress"]) if args.get("progress") else None
    if status == "done" and progress is None:
        progress = 100
    elif status == "done" and progress != 100:  # as `/tiltak status 12 ferdig 50%` is
        raise UserError("actions.new_done_with_progress", progress=progress)
    return status, progress


def _is_status(text: str) -> bool:
    return parse_status(text) is not None


def _is_progress(text: str) -> bool:
    """A percentage in shape (``10%``, ``10 prosent``, ``140%``: out of range is said)."""
    return _PROGRESS_SHAPE.match(text.strip().casefold()) is not None


_PROGRESS_SHAPE = re.compile(r"^\d+\s*(?:%|prosent|percent)?$", re.ASCII)


def show_action(ctx: Context, args: Args) -> Reply:
    action = find_action(ctx, args.positional[0].text if args.positional else None)
    lang = ctx.lang
    progress = "—" if action.progress is None else percent(action.progress, lang)
    due = format_date(action.due_date, lang) if action.due_date else "—"
    if is_overdue(action, ctx.local_now.date()):
        due += " ⚠ " + t("actions.overdue_mark", lang)
    org = action.owner_organisation.name if action.owner_organisation else "—"
    reply = Reply(
        blocks=[
            Text(strong(f"#{action.id} {action.title}")),
            Fields(
                (
                    (t("actions.label.network", lang), action.network.name),
                    (t("actions.label.goal", lang), goal_heading(action.goal, lang)),
                    (t("actions.label.owner", lang), owner_text(action, lang)),
                    (t("actions.label.organisation", lang), org),
                    (t("actions.label.status", lang), status_name(action.status, lang)),
                    (t("actions.label.progress", lang), progress),
                    (t("actions.label.due", lang), due),
                    (
                        t("actions.label.updated", lang),
                        format_short(action.updated_at, lang, ctx.tz),
                    ),
                )
            ),
            Text(t("actions.history", lang)),
        ]
    )
    updates = action.updates
    for upd in updates[-HISTORY_SHOWN:]:
        reply.add(Text(_history_line(ctx, upd)))
    if len(updates) > HISTORY_SHOWN:
        reply.add(Text(t("actions.history_more", lang, shown=HISTORY_SHOWN, total=len(updates))))
    return reply


def mark_done(ctx: Context, args: Args) -> Reply:
    """``/tiltak ferdig 12 ["note"]``: ``/tiltak status 12 ferdig ["note"]``."""
    if not args.positional:
        raise UserError("actions.done_usage")
    first, *rest = args.positional
    if not first.quoted and "," in first.text:  # `/tiltak ferdig 12,13`, `12, 13`, `,7`
        parts = [Token(part) for part in first.text.split(",") if part]
        if not parts:  # `/tiltak ferdig , 7`: a stray comma before the number
            return mark_done(ctx, replace(args, positional=rest))
        first, rest = parts[0], [*parts[1:], *rest]
    return set_status(ctx, replace(args, positional=[first, Token("done"), *rest]))


def add_note(ctx: Context, args: Args) -> Reply:
    """``/tiltak notat 12 Søknaden er send``: a progress note, the rest of the line as
    typed (no quotes needed, as `status` needs them); the status stays."""
    if len(args.positional) < 2:
        raise UserError("actions.note_usage")
    first, *rest = args.positional
    note = one_line(as_typed(ctx.command.text, rest))
    if not note:  # `notat 12 ""`: no note, which is not "no status" either
        raise UserError("actions.note_usage")
    return set_status(
        ctx, replace(args, positional=[first, Token(note, quoted=True)]), note_only=True
    )


def set_progress(ctx: Context, args: Args) -> Reply:
    """``/tiltak framdrift 12 60``: a bare number after the action's is the percentage."""
    if len(args.positional) < 2 and not args.options:
        raise UserError("actions.progress_usage")
    return set_status(ctx, args, bare_percent=True)


def set_status(
    ctx: Context, args: Args, *, note_only: bool = False, bare_percent: bool = False
) -> Reply:
    """``/tiltak status 12 pågår 50% "note"``; ``note_only``: the words after the number
    are a note, even one that is a status word (``/tiltak notat 12 ferdig``)."""
    if not args.positional:
        raise UserError("actions.status_usage")
    action = find_action(ctx, args.positional[0].text)
    require_owner(ctx, action)
    new_status, typed, rest = None, None, args.positional[1:]
    if not note_only:
        typed, rest = _typed_progress(ctx, action, [], rest, bare=bare_percent)  # `12 50%`
    if typed is None and not note_only:
        said = rest
        new_status, rest = _status_words(ctx, rest, progress_meant=bare_percent)
        said = said[: len(said) - len(rest)]
        typed, rest = _typed_progress(ctx, action, said, rest)  # `status 12 pågår 50%`
    other = _more_numbers(rest) if new_status == "done" else None
    if other is not None:  # `/tiltak ferdig 12 13`: 13 is the next action, not #12's note
        raise UserError("actions.done_takes_one", id=action.id, other=other)
    note = " ".join(tok.text for tok in rest).strip() or None
    typed = args.get("progress") or typed
    progress = parse_progress(typed) if typed else None
    due = parse_due(ctx, args.options["due"]) if args.get("due") else None
    if new_status == "done" and progress is None:
        progress = 100
    elif new_status == "done" and progress != 100:
        raise UserError("actions.done_with_progress", id=action.id, progress=progress)
    if new_status is None and progress is None and due is None and note is None:
        raise UserError("actions.status_usage")
    if new_status:
        action.status = new_status
    if progress is not None:
        action.progress = progress
    if due is not None:
        action.due_date = due
    action.updated_at = ctx.now
    _record(ctx, action, status=new_status, progress=progress, due_date=due, note=note)
    audit(ctx, "action.status", "action", action.id, status=action.status)
    reply = Reply.text(_status_line(ctx, action), visibility="channel")
    if note is not None:  # what was recorded, so the member sees it
        reply.add(Text(_note_saved(ctx, action, note)))
    return reply


def _note_saved(ctx: Context, action: Action, note: str) -> str:
    """``Merknad lagra: «…»``; a long note cut here, and where to read it whole."""
    if len(note) <= NOTE_SHOWN:
        return t("actions.note_saved", ctx.lang, note=note)
    cut = note[: NOTE_SHOWN - 1].rstrip() + "…"
    return "\n".join(
        (
            t("actions.note_saved", ctx.lang, note=cut),
            t("actions.note_whole", ctx.lang, id=action.id),
        )
    )


def _status_line(ctx: Context, action: Action) -> str:
    """``Tiltak #12 «…»: pågår (40 %), frist 15.09.2026.``"""
    progress_text = "" if action.progress is None else f" ({percent(action.progress, ctx.lang)})"
    return t(
        "actions.status_set" if action.due_date else "actions.status_set_no_due",
        ctx.lang,
        id=action.id,
        title=action.title,
        status=status_name(action.status, ctx.lang) + progress_text,
        due=due_text(action, ctx.lang),
    )


def _status_words(
    ctx: Context, rest: list[Token], *, progress_meant: bool = False
) -> tuple[str | None, list[Token]]:
    """The status the words after the number name, and the words after it; a delay
    ("forseinka") is put as postponed with a note saying so."""
    if rest and not rest[0].quoted:
        found = read_status(rest)
        if found is None:
            raise _not_a_status(rest, progress_meant)
        status, width = found
        if rest[0].text.casefold().rstrip(",.!;:") in DELAYED_WORDS:
            ctx.notes.append(
                t(
                    "actions.status_read_as",
                    ctx.lang,
                    given=rest[0].text,
                    status=status_name(status, ctx.lang),
                )
            )
        return status, rest[width:]
    if rest and len(rest) == 1 and parse_status(rest[0].text) is not None:
        # `status 12 "pågår"`: a status word in quotes is still the status, not a note
        return parse_status(rest[0].text), []
    return None, rest


def _not_a_status(rest: list[Token], progress_meant: bool) -> UserError:
    """The words after the number name no status: said of a progress where one was meant
    (after `framdrift 12`, or after the keyword, whose value failed its check: `status 12
    fremdrift -5`), else of a status."""
    if len(rest) > 1 and rest[0].text.casefold().removesuffix(":") in PROGRESS:
        return UserError("actions.bad_progress", given=" ".join(tok.text for tok in rest[1:]))
    key = "actions.bad_progress" if progress_meant else "actions.bad_status"
    return UserError(key, given=rest[0].text)


_PERCENT = re.compile(r"^\d{1,3}\s*%$", re.ASCII)
_PERCENT_WORDS = ("%", "prosent", "percent")


def _typed_progress(
    ctx: Context, action: Action, said: list[Token], rest: list[Token], *, bare: bool = False
) -> tuple[str | None, list[Token]]:
    """A progress typed without its keyword at the start of ``rest`` (``50%``, ``50 %``,
    ``50 prosent``; with ``bare`` also ``50``) and the words after it. Words after it
    without quotes may be a note that starts with a number (``50 prosent av kommunane har
    svart``): the member is asked which it is. ``said``: the status words before it."""
    width = _percentage_width(rest, bare=bare)
    if not width:
        return None, rest
    first, after = rest[0].text, rest[width:]
    value = first if _PERCENT.match(first) else f"{first}%"
    if after and not after[0].quoted:
        raise _percent_or_note(ctx, action, said, rest, width, parse_progress(value))
    return value, after


def _percentage_width(rest: list[Token], *, bare: bool) -> int:
    """How many words the percentage at the start of ``rest`` takes, 0 for none: a number
    alone is none (``ferdig 12 13``) unless ``bare``."""
    if not rest or rest[0].quoted:
        return 0
    first = rest[0].text
    if _PERCENT.match(first):
        return 1
    if not (first.isascii() and first.isdigit()):
        return 0
    unit = rest[1] if len(rest) > 1 and not rest[1].quoted else None
    if unit and unit.text.casefold() in _PERCENT_WORDS:
        return 2
    return 1 if bare else 0


def _percent_or_note(
    ctx: Context, action: Action, said: list[Token], rest: list[Token], width: int, value: int
) -> UserError:
    """``50 prosent av kommunane har svart``: the progress, or a note? Both commands."""
    note = " ".join(tok.text for tok in rest)
    words = " ".join(tok.text for tok in rest[width:])
    status = "".join(f"{tok.text} " for tok in said)
    progress_word = keyword_word("progress", ctx.lang)
    as_note = (
        f'/tiltak status {action.id} {status}"{note}"'
        if said
        else t("actions.note_command", ctx.lang, id=action.id, note=note)
    )
    return UserError(
        "actions.percent_or_note",
        percent=percent(value, ctx.lang),
        note=note,
        as_progress=f'/tiltak status {action.id} {status}"{words}" {progress_word} {value}%',
        as_note=as_note,
    )


def _more_numbers(tokens: list[Token]) -> str | None:
    """The first of the action numbers that are all ``tokens`` say (``13``, ``#13``, ``og
    13``, ``13, 14``), or None when they say anything else: a quoted "13" is a note."""
    if any(tok.quoted for tok in tokens):
        return None
    words = " ".join(tok.text for tok in tokens).replace(",", " ").split()
    numbers = [w.removeprefix("#") for w in words if w.casefold() not in _AND]
    if numbers and all(n.isascii() and n.isdigit() for n in numbers):
        return numbers[0]
    return None


_AND = ("og", "and", "&")


def edit_action(ctx: Context, args: Args) -> Reply:
    if not args.positional or not args.options:
        raise UserError("actions.edit_usage")
    action = find_action(ctx, args.positional[0].text)
    require_network_member(ctx, action.network, managing=True)
    args.refuse_stray()
    changes: list[str] = []
    due = None
    if args.get("title"):
        action.title = _title(args.options["title"])
        changes.append(f"{t('actions.label.title', ctx.lang)}: {action.title}")
    if args.get("goal"):
        action.goal = find_goal(ctx, action.network, args.options["goal"])
        changes.append(goal_heading(action.goal, ctx.lang))
    if args.get("owner"):
        # Taking over is the owner's to allow; an action without owner is its creator's
        # (else anyone could take it, then delete it).
        require_owner(ctx, action)
        action.owner_member, action.owner_organisation = resolve_owner(ctx, args.options["owner"])
        changes.append(f"{t('actions.label.owner', ctx.lang)}: {owner_text(action, ctx.lang)}")
    if args.get("due"):
        due = action.due_date = parse_due(ctx, args.options["due"])
        changes.append(f"{t('actions.label.due', ctx.lang)}: {due_text(action, ctx.lang)}")
    action.updated_at = ctx.now
    ctx.session.flush()
    _record(ctx, action, due_date=due, note="; ".join(changes))
    audit(ctx, "action.edit", "action", action.id, changes="; ".join(changes))
    return Reply.text(
        t(
            "actions.edited",
            ctx.lang,
            id=action.id,
            title=action.title,
            changes="; ".join(changes),
        ),
        visibility="channel",
    )


def delete_action(ctx: Context, args: Args) -> Reply:
    action = find_action(ctx, args.positional[0].text if args.positional else None)
    require_owner(ctx, action)
    if "confirm" not in args.flags:
        # a deleted action and its history cannot be had back: ask first
        command = t("actions.delete_command", ctx.lang, id=action.id)
        return Reply(
            blocks=[
                Text(t("actions.delete_ask", ctx.lang, id=action.id, title=action.title)),
                Buttons((Button(t("actions.delete_button", ctx.lang), command, style="danger"),)),
            ]
        )
    outbox.cancel(ctx.session, object_type="action", object_id=action.id)
    audit(ctx, "action.delete", "action", action.id, title=action.title)
    number, title = action.id, action.title
    ctx.session.delete(action)
    return Reply.text(t("actions.deleted", ctx.lang, id=number, title=title), visibility="channel")


def new_goal(ctx: Context, args: Args) -> Reply:
    network = organised_network(ctx, args)
    words = args.positional
    if len(words) < 2 or words[0].quoted:
        raise UserError("actions.goal_usage")
    number = parse_goal_number(words[0].text)
    title = one_line(" ".join(tok.text for tok in words[1:]), TITLE_MAX)
    if not title:  # `mål ny 4 ""`: the goal's usage, not a new action's
        raise UserError("actions.goal_usage")
    exists = ctx.session.scalar(
        select(Goal).where(Goal.network_id == network.id, Goal.number == number)
    )
    if exists is not None:
        raise UserError("actions.goal_exists", number=number, title=exists.title)
    goal = Goal(network_id=network.id, number=number, title=title, created_at=ctx.now)
    ctx.session.add(goal)
    ctx.session.flush()
    audit(ctx, "goal.create", "goal", goal.id, number=number)
    return Reply.text(
        t("actions.goal_created", ctx.lang, number=number, title=title, network=network.name),
        visibility="channel",
    )


VERBS = (
    Verb(
        NEW_WORDS,
        new_action,
        "help.tiltak.ny",
        keywords={
            **{"goal": GOAL, "owner": OWNER, "due": DUE, "network": NETWORK},
            **{"status": ("status",), "progress": PROGRESS},
        },
        # "Utarbeide status for breibandsutbygginga": a title's words unless a status or a
        # percentage follows
        checks={"status": _is_status, "progress": _is_progress},
    ),
    Verb(("vis", "show"), show_action, "help.tiltak.vis", reads_only=True),
    Verb(
        ("status", "oppdater", "update"),
        set_status,
        "help.tiltak.status",
        keywords={"progress": PROGRESS, "due": DUE},
        checks={"progress": _is_progress},  # `pågår, framdrift er god`: a note
    ),
    Verb(
        ("framdrift", "fremdrift", "progress"),
        set_progress,
        keywords={"progress": PROGRESS, "due": DUE},
        checks={"progress": _is_progress},
    ),
    Verb(("ferdig", "fullført", "done", "complete"), mark_done, "help.tiltak.ferdig"),
    Verb(("notat", "kommentar", "merknad", "note", "comment"), add_note, "help.tiltak.notat"),
    Verb(
        ("endre", "edit", "change"),
        edit_action,
        "help.tiltak.endre",
        keywords={"goal": GOAL, "owner": OWNER, "due": DUE, "title": TITLE},
        by_keyword=True,
    ),
    Verb(
        ("slett", "fjern", "delete", "remove"),
        delete_action,
        "help.tiltak.slett",
        flags={"confirm": ("bekreft", "stadfest", "confirm")},
    ),
    Verb(
        ("mål ny", "maal ny", "goal new", "new goal"),
        new_goal,
        "help.tiltak.mal_ny",
        keywords={"network": NETWORK},
    ),
)


def register(router: Router) -> None:
    grp = router.group(
        "tiltak", "action", "actions", help_key="help.group.tiltak", default_verb="liste"
    )

    grp.add(*VERBS, *action_lists.VERBS, *action_import.VERBS)
    router.add_renderers({action_nudges.KIND: action_nudges.render})


def _history_line(ctx: Context, upd: ActionUpdate) -> str:
    parts: list[str] = []
    if upd.status:
        parts.append(status_name(upd.status, ctx.lang))
    if upd.progress is not None:
        parts.append(percent(upd.progress, ctx.lang))
    if upd.due_date is not None:
        parts.append(t("actions.history_due", ctx.lang, due=upd.due_date.strftime("%d.%m.%Y")))
    if upd.note:
        parts.append(t("actions.history_note", ctx.lang, note=upd.note))
    who = upd.member.name if upd.member else "—"
    return f"  • {format_short(upd.at, ctx.lang, ctx.tz)} {who}: {', '.join(parts) or '—'}"
