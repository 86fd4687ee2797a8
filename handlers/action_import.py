"""Importing a work programme ("Mål 1: ..." with bulleted tiltak): preview, then confirm.

The preview is kept as an audit_log row (action ``action.import.preview``, the parsed goals
in ``detail``) so that ``/tiltak importer bekreft`` creates exactly what was shown; the
confirmation is another audit row pointing at it, so each preview is used once.
"""

from __future__ import annotations

import hashlib
import os
import re
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bot.context import Context
from bot.datefmt import month_text
from bot.errors import UserError
from bot.grammar import Args, parse_args, tokenize
from bot.hygiene import clean_text
from bot.i18n import t
from bot.messages import Reply, Text
from bot.router import Verb
from handlers.lookup import audit, organised_network
from storage.models import Action, ActionUpdate, AuditEntry, Goal, Network

MAX_BYTES = 200 * 1024
PREVIEW_TTL = timedelta(hours=24)
TITLE_MAX = 1000
PREVIEW, CONFIRM = "action.import.preview", "action.import.confirm"

_GOAL = re.compile(
    r"^(?:mål|maal|goal)\s*(?:nr\.?\s*)?(\d{1,3})\b\s*[:.)\-–—]?\s*(.*)$", re.IGNORECASE
)
_ACTIONS_HEADER = re.compile(r"^(?:tiltak|actions?)\s*:?$", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[•·▪●◦○■□➢►✓\-*–—]\s*|\d{1,3}[.)]\s+|[a-z][.)]\s+)(\S.*)$")
# "1.2 Halde ...": an action numbered under its goal; "15.09 møte" and "1.5 mill. kr" are not
_NUMBERED = re.compile(r"^(\d{1,3})(?:\.\d{1,3})+[.)]?\s+(\S.*)$")
_PLACE = re.compile(r"^\d{1,3}\.(\d{1,3})")  # the action's own number: 4 in "1.4 ..."
NUMBERING_GAP = 3  # how far past the last number a date-like one still goes on with it
_LABEL = re.compile(r"^\S+(?:\s+\S+)?:(?:\s|$)")  # "Delmål 1.1: ...", "Merk: ..."
# Words a wrapped line breaks after: the next line goes on with the same action.
_JOINING = frozenset(
    (
        *("og", "eller", "samt", "i", "på", "til", "for", "med", "av", "om", "frå", "fra"),
        *("mot", "ved", "under", "over", "etter", "mellom", "gjennom", "innan", "innen"),
        *("utan", "uten", "hjå", "hos", "det", "den", "dei", "de", "ein", "ei", "eit", "en"),
        *("et", "nye", "nytt", "ny", "sin", "si", "sitt", "sine", "som", "at", "å"),
        *("and", "or", "of", "to", "in", "on", "with", "the", "a", "an", "by", "from"),
    )
)
_DECOR = " \t#*_>"

OPTION_KEYWORDS = {"network": ("nettverk", "network"), "file": ("fil", "file")}
OPTION_FLAGS = {
    "confirm": ("bekreft", "stadfest", "bekrefte", "confirm", "ok"),
    "cancel": ("avbryt", "cancel"),
}
OPTION_WORDS = {w for words in (*OPTION_KEYWORDS.values(), *OPTION_FLAGS.values()) for w in words}


@dataclass
class ParsedGoal:
    number: int
    title: str
    actions: list[str] = field(default_factory=list)
    last_number: int = 0  # the last action number read under it (3 for "1.3 ..."), 0: none


@dataclass
class Programme:
    goals: list[ParsedGoal] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    # why each skipped line is: a text key's last word and its numbers ("date", day, month)
    why: list[tuple[str, dict[str, int]]] = field(default_factory=list)

    def skip(self, line: str, why: tuple[str, dict[str, int]]) -> None:
        self.skipped.append(line)
        self.why.append(why)

    @property
    def action_count(self) -> int:
        return sum(len(g.actions) for g in self.goals)


def normalise(title: str) -> str:
    """The title as import keys and comparisons see it: cleaned as every command is (a title
    stored with a soft hyphen before the router cleaned everything still matches), one
    line, case folded."""
    return " ".join(clean_text(title).casefold().split()).rstrip(" .;,:")


def import_key(network_id: int, goal_number: int, title: str) -> str:
    raw = f"{network_id}|{goal_number}|{normalise(title)}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def parse_programme(text: str, lang: str = "nb") -> Programme:
    """Goals ("Mål 3: ..."), an optional "Tiltak:" line, and bullets (•, -, *, 1., 3.1)
    under each.

    A line right after an action that continues it (starting in lower case, or after a
    line that broke off at "og", "det nye", a comma) is part of it: text copied from a PDF
    wraps. Under a "Tiltak:" line with no bullet yet, each line that reads as an action is
    one (``_bare_action``): a list copied from a web page into a chat loses its bullets.
    Such a list goes on after a blank line with the lines that look like its items
    (``_like_items``); the first that does not ends it. A number that is also a date
    ("1.12 Møte i rådet") is an action's number only in its place (``_in_place``).
    Anything else is skipped and reported with why (``Programme.why``).
    """
    reader = _Reader()
    for raw in text.splitlines():
        reader.read(" ".join(raw.split()))
    prog = reader.prog
    for g in prog.goals:
        if not g.title:
            g.title = t("actions.goal_untitled", lang, number=g.number)
    return prog


@dataclass
class _Reader:
    """``parse_programme``'s place in the text, one line at a time."""

    prog: Programme = field(default_factory=Programme)
    goal: ParsedGoal | None = None
    needs_title: bool = False
    after_bullet: bool = False
    bare_list: bool = False  # under a "Tiltak:" line, before any bullet: lines are actions
    items: list[str] = field(default_factory=list)  # the bare list's actions so far
    paused: bool = False  # a blank line inside the bare list
    ended: bool = False  # a line unlike its items after a blank line ended the bare list

    def read(self, line: str) -> None:
        if not line:
            self.paused = self.paused or (self.bare_list and bool(self.items))
            self.after_bullet = False
            return
        if self._heading(line):
            return
        goal = self.goal
        if goal is not None and self.after_bullet and _continues(goal.actions[-1], line):
            goal.actions[-1] = f"{goal.actions[-1]} {line}"
            if self.bare_list and self.items:  # the item as its list's shape is judged
                self.items[-1] = goal.actions[-1]
            return
        title = _bulleted(line, goal)
        if title is not None:
            self.bare_list = self.paused = False
        elif self.bare_list:
            title = self._bare(line)
        if title is not None and goal is not None:
            _add_action(goal, title)
            self.after_bullet = True
            return
        if goal is not None and self.needs_title:
            goal.title, self.needs_title = line, False
        else:
            self.prog.skip(line, self._why(line))
            self.after_bullet = False

    def _heading(self, line: str) -> bool:
        """A goal heading or a "Tiltak:" line: each starts reading anew."""
        # Markdown or Word decoration ("## Mål 1", "**Mål 1:**") only around goal headings;
        # a leading "*" elsewhere is a bullet.
        m = _GOAL.match(line.strip(_DECOR).rstrip("*_").strip())
        if m:
            number = int(m.group(1))
            if any(g.number == number for g in self.prog.goals):
                raise UserError("actions.import.duplicate_goal", number=number)
            self.goal = ParsedGoal(number, m.group(2).strip())
            self.prog.goals.append(self.goal)
            self.needs_title, self.bare_list = not self.goal.title, False
        elif _ACTIONS_HEADER.match(line):
            self.bare_list = self.goal is not None
        else:
            return False
        self.after_bullet = self.paused = self.ended = False
        self.items = []
        return True

    def _bare(self, line: str) -> str | None:
        """An action of the bare list; after a blank line, only one like its items."""
        title = _bare_action(line)
        if self.paused and (title is None or not _like_items(line, self.items)):
            self.bare_list, self.paused, self.ended = False, False, True
            return None
        self.paused = False
        if title is not None:
            self.items.append(title)
        return title

    def _why(self, line: str) -> tuple[str, dict[str, int]]:
        """Why ``line`` is left out: a date, after the list it ended, or neither a goal
        nor an action."""
        date = _date_start(line)
        if date is not None:
            day, month = date
            goal = self.goal
            # the number the next action would have: after 1.1, 1.2, 1.4 it is 1.5
            place = max(len(goal.actions), goal.last_number) + 1 if goal is not None else 0
            if self.goal is not None and day == self.goal.number and month != place:
                return "date_number", {"day": day, "month": month, "place": place}
            return "date", {"day": day, "month": month}
        return ("after_list" if self.ended else "plain"), {}


def _like_items(line: str, items: list[str]) -> bool:
    """Whether ``line``, after a blank line in a bare list, looks like the list's items:
    one sentence, no full date ("vedteke i rådet 12.03.2022": a closing paragraph), and
    no full stop at its end where the items had none."""
    if _SENTENCES.search(line) or _FULL_DATE.search(line):
        return False
    return not line.endswith(".") or any(item.endswith(".") for item in items)


_SENTENCES = re.compile(r"\w[.!?]\s+[A-ZÆØÅ]")
_FULL_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})\b")
# "1.12 Møte i rådet", "15.09. møte": a line that starts with a day and a month
_DATE_START = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?\)?\s+(\S+)")
# "1.5 mill. kr er sett av": an amount, not a date
_AMOUNT = re.compile(r"^(?:mill|mrd|milliard|million|kr|kroner|nok|prosent|%)", re.IGNORECASE)


def _date_start(line: str) -> tuple[int, int] | None:
    """The day and month a line starts with (``1.12 Møte i rådet``: 1 December), or None."""
    m = _DATE_START.match(line)
    if m is None or _AMOUNT.match(m.group(3)):
        return None
    day, month = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12 or not 1 <= day <= monthrange(2028, month)[1]:  # 2028: leap
        return None
    return day, month


def _bulleted(line: str, goal: ParsedGoal | None) -> str | None:
    """The action of a bulleted or numbered line (``• Halde ...``, ``1. Halde ...``, ``3.1
    Halde ...`` under goal 3, with a capital after it), else None."""
    b = _BULLET.match(line)
    if b:
        return b.group(1).strip()
    n = _NUMBERED.match(line)
    if n and goal is not None and int(n.group(1)) == goal.number and n.group(2)[0].isupper():
        if not _in_place(line, goal):
            return None
        place = _PLACE.match(line)
        goal.last_number = int(place.group(1)) if place else goal.last_number
        return n.group(2).strip()
    return None


def _in_place(line: str, goal: ParsedGoal) -> bool:
    """Whether a numbered line whose number is also a date (``1.12``: 1 December) is
    its goal's action: where that action would stand (``1.12`` as the twelfth action of
    goal 1), or going on with the numbering read so far (``1.4`` after ``1.2``: an action
    struck; ``2.1`` twice: a typo), at most ``NUMBERING_GAP`` past the last number. A
    number that is no date (``1.13``, ``1.2.1``) is the action's wherever it stands."""
    date = _date_start(line)
    if date is None:
        return True
    place = date[1]
    last = goal.last_number
    return place == len(goal.actions) + 1 or last <= place <= last + NUMBERING_GAP


def _bare_action(line: str) -> str | None:
    """A line of a list whose bullets were lost, when it reads as an action: two words or
    more, from a capital, no label ("Delmål 1.1: ..."), not a page's "Back To Top"."""
    words = line.split()
    if len(words) < 2 or not line[0].isupper() or _LABEL.match(line):
        return None
    capitals = [w[0].isupper() for w in words if w[0].isalpha()]
    if len(capitals) > 2 and all(capitals):  # Title Case: a heading, a link ("Back To Top")
        return None
    return line


def _continues(action: str, line: str) -> bool:
    """Whether ``line`` goes on with the action before it (a wrapped line)."""
    if line[0].islower():
        return True
    if _bulleted(line, None) is not None or _NUMBERED.match(line):
        return False
    last = action.rsplit(maxsplit=1)[-1]
    return last.endswith((",", "-", "–")) or last.casefold() in _JOINING


def _add_action(goal: ParsedGoal, title: str) -> None:
    """One action under ``goal``; the same action twice is one."""
    if len(title) > TITLE_MAX:
        raise UserError(
            "actions.import.line_too_long", number=goal.number, start=title[:60], limit=TITLE_MAX
        )
    if all(normalise(title) != normalise(a) for a in goal.actions):
        goal.actions.append(title)


@dataclass
class Plan:
    new_goals: int = 0
    new_actions: int = 0
    existing: int = 0
    per_goal: list[tuple[ParsedGoal, int, bool]] = field(default_factory=list)  # new, goal new
    renamed: list[tuple[int, str, str]] = field(default_factory=list)  # number, old, new


def plan(ctx: Context, network: Network, prog: Programme) -> Plan:
    """What importing ``prog`` into ``network`` would create, given what is there already."""
    result = Plan()
    goals, keys = _existing(ctx, network)
    for pg in prog.goals:
        goal = goals.get(pg.number)
        # Actions typed in by hand under the same goal count as there already.
        typed = {normalise(a.title) for a in goal.actions} if goal is not None else set()
        fresh = sum(
            1
            for a in pg.actions
            if import_key(network.id, pg.number, a) not in keys and normalise(a) not in typed
        )
        result.new_goals += goal is None
        if goal is not None and _renamed(goal.title, pg.title):
            result.renamed.append((pg.number, goal.title, pg.title))
        result.new_actions += fresh
        result.existing += len(pg.actions) - fresh
        result.per_goal.append((pg, fresh, goal is None))
    return result


def _existing(ctx: Context, network: Network) -> tuple[dict[int, Goal], set[str | None]]:
    """The network's goals by number, and the import keys of its imported actions."""
    goals = {
        g.number: g for g in ctx.session.scalars(select(Goal).where(Goal.network_id == network.id))
    }
    keys = set(
        ctx.session.scalars(
            select(Action.import_key).where(
                Action.network_id == network.id, Action.import_key.is_not(None)
            )
        )
    )
    return goals, keys


def counted(what: str, n: int, lang: str) -> str:
    """ "1 nytt mål", "4 nye mål": the word agrees with the number."""
    return t(f"actions.import.{what}.{'one' if n == 1 else 'many'}", lang, n=n)


def _renamed(old: str, new: str) -> bool:
    """A goal found by its number whose title in the text says something else."""
    return normalise(old) != normalise(new)


def _read_file(ctx: Context, name: str) -> str:
    # Only the console reads files: in Slack this would let anyone read the server's disk.
    if ctx.command.platform != "console":
        raise UserError("actions.import.file_console_only")
    path = Path(name).expanduser()
    try:
        if path.exists() and not path.is_file():  # a device (/dev/zero), a pipe, a folder
            reason = t("actions.import.not_a_file", ctx.lang)
            raise UserError("actions.import.file_unreadable", path=name, reason=reason)
        with path.open("rb") as file:
            # one byte past the limit tells a file over it, whatever its size said (one that
            # grew since, /proc files read as 0): refused, never cut (a cut in a letter read
            # the whole programme as cp1252)
            data = file.read(MAX_BYTES + 1)
            size = max(os.fstat(file.fileno()).st_size, len(data))
    except OSError as exc:
        raise UserError(
            "actions.import.file_unreadable",
            path=name,
            reason=exc.strerror or exc.__class__.__name__,
        ) from None
    if len(data) > MAX_BYTES:
        raise UserError("actions.import.too_big", size=size // 1024, limit=MAX_BYTES // 1024)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Word/Notepad on Windows
    return clean_text(text)  # as a pasted programme is: the same titles and keys


def _split_command(text: str) -> tuple[str, str]:
    """(options line, programme text) from the command text after the verb."""
    rest = text.lstrip()
    parts = rest.split(None, 1)
    rest = parts[1] if len(parts) > 1 else ""
    first, _, remainder = rest.partition("\n")
    words = first.split()
    if words and words[0].casefold() in OPTION_WORDS:
        return first, remainder
    return "", rest


def _preview(ctx: Context, network: Network, text: str) -> Reply:
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise UserError("actions.import.too_big", size=size // 1024, limit=MAX_BYTES // 1024)
    prog = parse_programme(text, ctx.lang)
    if not prog.goals:
        raise UserError("actions.import.no_goals")
    result = plan(ctx, network, prog)
    _keep_preview(ctx, network, prog)
    lang = ctx.lang
    reply = Reply(
        blocks=[
            Text(
                t(
                    "actions.import.preview",
                    lang,
                    network=network.name,
                    goals=counted("goals", len(prog.goals), lang),
                    actions=counted("in_goal", prog.action_count, lang),
                    new_goals=counted("new_goals", result.new_goals, lang),
                    new_actions=counted("new_actions", result.new_actions, lang),
                    existing=result.existing,
                )
            ),
            Text("\n".join(_goal_lines(result, lang))),
        ]
    )
    if result.renamed:
        renames = [
            t("actions.import.renames", lang, number=n, old=old, new=new)
            for n, old, new in result.renamed
        ]
        reply.add(Text("\n".join(renames)))
    if prog.skipped:
        reply.add(Text("\n".join(_skipped_lines(prog, lang))))
    reply.add(Text(t("actions.import.confirm_hint", lang)))
    return reply


SKIPPED_SHOWN = 10  # lines left out the preview names, each with why


def _skipped_lines(prog: Programme, lang: str) -> list[str]:
    """Each line left out (the first ten, cut at 80 characters) and why."""
    lines = [counted("skipped", len(prog.skipped), lang)]
    for line, (why, numbers) in list(zip(prog.skipped, prog.why, strict=True))[:SKIPPED_SHOWN]:
        shown = line if len(line) <= 80 else line[:77] + "…"
        reason = t(f"actions.import.why.{why}", lang, **_why_params(numbers, lang))
        lines.append(t("actions.import.skipped_line", lang, line=shown, why=reason))
    if len(prog.skipped) > SKIPPED_SHOWN:
        lines.append(t("actions.import.skipped_more", lang, n=len(prog.skipped) - SKIPPED_SHOWN))
    lines.append(t("actions.import.skipped_fix", lang))
    return lines


def _why_params(numbers: dict[str, int], lang: str) -> dict[str, object]:
    """A date left out as its words ("1. desember"), and the numbers it was read against."""
    if "day" not in numbers:
        return {}
    day, month = numbers["day"], numbers["month"]
    name = month_text(month)(lang)
    date = f"{day} {name}" if lang == "en" else f"{day}. {name}"
    return {"date": date, "number": f"{day}.{month}", "goal": day, **numbers}


def _keep_preview(ctx: Context, network: Network, prog: Programme) -> None:
    """The parsed goals as an audit row: what ``bekreft`` will create."""
    goals = [{"number": g.number, "title": g.title, "actions": g.actions} for g in prog.goals]
    audit(
        ctx,
        PREVIEW,
        "network",
        network.id,
        structured={"goals": goals, "skipped": len(prog.skipped)},
    )


def _goal_lines(result: Plan, lang: str) -> list[str]:
    lines = []
    for pg, fresh, goal_new in result.per_goal:
        mark = t("actions.import.goal_new" if goal_new else "actions.import.goal_old", lang)
        lines.append(
            t(
                "actions.import.goal_line",
                lang,
                number=pg.number,
                title=pg.title,
                actions=counted("in_goal", len(pg.actions), lang),
                new=counted("fresh", fresh, lang),
                mark=mark,
            )
        )
    return lines


def _pending(ctx: Context) -> AuditEntry:
    preview = ctx.session.scalar(
        select(AuditEntry)
        .where(AuditEntry.member_id == ctx.member.id, AuditEntry.action == PREVIEW)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )
    used = (
        preview is not None
        and ctx.session.scalar(
            select(AuditEntry.id)
            .where(
                AuditEntry.action.in_((CONFIRM, "action.import.cancel")),
                AuditEntry.object_type == "audit",
                AuditEntry.object_id == preview.id,
            )
            .limit(1)
        )
        is not None
    )
    if preview is None or used:
        raise UserError("actions.import.nothing_pending")
    if ctx.now - preview.at > PREVIEW_TTL:
        raise UserError("actions.import.expired")
    return preview


@dataclass
class Made:
    goals: int = 0
    actions: int = 0
    existing: int = 0
    renamed: int = 0


def _confirm(ctx: Context) -> Reply:
    preview = _pending(ctx)
    network = ctx.session.get(Network, preview.object_id)
    if network is None:
        raise UserError("actions.import.expired")
    ctx.require_organiser(network)  # the rights of now: the role may have moved since
    detail: dict[str, Any] = preview.detail or {}
    goals, keys = _existing(ctx, network)
    made = Made()
    for g in detail.get("goals", []):
        goal = _goal(ctx, network, goals, int(g["number"]), g["title"], made)
        typed = {normalise(a.title) for a in goal.actions}
        for title in g["actions"]:
            key = import_key(network.id, goal.number, title)
            if key in keys or normalise(title) in typed:
                made.existing += 1
                continue
            _new_action(ctx, network, goal, title, key)
            keys.add(key)
            made.actions += 1
    audit(
        ctx,
        CONFIRM,
        "audit",
        preview.id,
        structured={
            "network_id": network.id,
            "goals": made.goals,
            "actions": made.actions,
            "renamed": made.renamed,
        },
    )
    text = t(
        "actions.import.done",
        ctx.lang,
        goals=counted("new_goals", made.goals, ctx.lang),
        actions=counted("new_actions", made.actions, ctx.lang),
        existing=made.existing,
        network=network.name,
    )
    if made.renamed:
        text += " " + counted("renamed_done", made.renamed, ctx.lang)
    return Reply.text(text, visibility="channel")


def _goal(
    ctx: Context, network: Network, goals: dict[int, Goal], number: int, title: str, made: Made
) -> Goal:
    """Goal ``number`` of the network, made or renamed to ``title`` as the preview said."""
    goal = goals.get(number)
    if goal is None:
        goal = Goal(network_id=network.id, number=number, title=title, created_at=ctx.now)
        ctx.session.add(goal)
        ctx.session.flush()
        goals[number] = goal
        made.goals += 1
    elif _renamed(goal.title, title):
        goal.title = title
        made.renamed += 1
    return goal


def _new_action(ctx: Context, network: Network, goal: Goal, title: str, key: str) -> None:
    action = Action(
        network_id=network.id,
        goal_id=goal.id,
        title=title,
        status="planned",
        import_key=key,
        created_by=ctx.member.id,
        created_at=ctx.now,
        updated_at=ctx.now,
    )
    ctx.session.add(action)
    action.updates.append(
        ActionUpdate(
            member_id=ctx.member.id,
            at=ctx.now,
            status="planned",
            note=t("actions.import.history_note", ctx.lang),
        )
    )


def import_programme(ctx: Context, args: Args) -> Reply:
    options_line, text = _split_command(ctx.command.text)
    opts = parse_args(tokenize(options_line), OPTION_KEYWORDS, OPTION_FLAGS)
    if "cancel" in opts.flags or "confirm" in opts.flags:
        ctx.require_role("organiser")  # the network is the preview's, checked in _confirm
    if "cancel" in opts.flags:
        audit(ctx, "action.import.cancel", "audit", _pending(ctx).id)
        return Reply.text(t("actions.import.cancelled", ctx.lang))
    if "confirm" in opts.flags:
        return _confirm(ctx)
    network = organised_network(ctx, opts)
    if opts.get("file"):
        text = _read_file(ctx, opts.options["file"])
    elif ctx.command.body.strip():
        text = ctx.command.body
    if not text.strip():
        raise UserError("actions.import.no_goals")
    return _preview(ctx, network, text)


# No keywords here: the pasted programme may contain any word. The handler reads the
# options ("bekreft", "fil x", "nettverk y") from the first line itself.
VERBS = (
    Verb(
        ("importer", "importere", "import"),
        import_programme,
        "help.tiltak.importer",
        wants_body=True,
    ),
)
