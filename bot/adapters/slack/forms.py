"""Modal forms built from the router: a group's "ny" verb becomes a form whose submission is
composed back into the same text command, so forms need no code per feature."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bot.i18n import t
from bot.router import CommandGroup, Router, Verb

CALLBACK_ID = "partnerbot_form"
NEW_VERB = "ny"
# A bare slash command of these groups opens the "ny" form (`/mote`, `/horing`, ...).
FORM_ON_EMPTY = frozenset({"mote", "horing", "konferanse"})
# Keywords (canonical names) that take a date: a date picker plus an optional time.
DATE_KEYWORDS = frozenset(
    {
        "deadline",
        "date",
        "closes",
        "close",
        "registration_deadline",
        "due",
        "due_date",
        "starts",
        "start",
        "ends",
        "end",
        "when",
        "opens",
        "reminder_date",
    }
)
MAX_INPUTS = 40  # Slack allows 100 blocks in a modal; more inputs than this is no form


@dataclass(frozen=True)
class FormTarget:
    group: CommandGroup
    verb: Verb


def new_verb(group: CommandGroup) -> Verb | None:
    return next((v for v in group.verbs if NEW_VERB in v.names), None)


def form_for(router: Router, name: str, text: str) -> FormTarget | None:
    """The form to open for ``/name text``, if this is a bare "new" command."""
    group = router.find_group(name)
    if group is None:
        return None
    verb = new_verb(group)
    if verb is None:
        return None
    said = " ".join(text.split()).casefold()
    if (not said and group.name in FORM_ON_EMPTY) or (said and said in verb.names):
        return FormTarget(group, verb)
    return None


def keyword_label(canonical: str, aliases: tuple[str, ...]) -> str:
    word = aliases[0] if aliases else canonical.replace("_", " ")
    return word[:1].upper() + word[1:]


def _plain(text: str, limit: int = 2000) -> dict[str, Any]:
    return {"type": "plain_text", "text": text[:limit], "emoji": True}


def _input(
    block_id: str, label: str, element: dict[str, Any], *, optional: bool, hint: str | None = None
) -> dict[str, Any]:
    block: dict[str, Any] = {
        "type": "input",
        "block_id": block_id,
        "optional": optional,
        "label": _plain(label, 2000),
        "element": element,
    }
    if hint:
        block["hint"] = _plain(hint)
    return block


def build_view(target: FormTarget, lang: str, metadata: dict[str, Any]) -> dict[str, Any]:
    verb = target.verb
    blocks: list[dict[str, Any]] = [
        _input(
            "title",
            t("slack.form.title_label", lang),
            {"type": "plain_text_input", "action_id": "value", "max_length": 200},
            optional=False,
        )
    ]
    for canonical, aliases in list(verb.keywords.items())[:MAX_INPUTS]:
        label = keyword_label(canonical, aliases)
        if canonical in DATE_KEYWORDS:
            blocks.append(
                _input(
                    f"kw:{canonical}:date",
                    label,
                    {"type": "datepicker", "action_id": "value"},
                    optional=True,
                )
            )
            blocks.append(
                _input(
                    f"kw:{canonical}:time",
                    t("slack.form.time_label", lang, label=label),
                    {"type": "timepicker", "action_id": "value"},
                    optional=True,
                    hint=t("slack.form.time_hint", lang),
                )
            )
        else:
            blocks.append(
                _input(
                    f"kw:{canonical}",
                    label,
                    {"type": "plain_text_input", "action_id": "value"},
                    optional=True,
                )
            )
    if verb.flags:
        options = [
            {"text": _plain(keyword_label(c, a), 75), "value": c} for c, a in verb.flags.items()
        ]
        blocks.append(
            _input(
                "flags",
                t("slack.form.flags_label", lang),
                {"type": "checkboxes", "action_id": "value", "options": options},
                optional=True,
            )
        )
    title = f"/{target.group.name} {verb.names[0]}"
    return {
        "type": "modal",
        "callback_id": CALLBACK_ID,
        "title": _plain(title, 24),
        "submit": _plain(t("slack.form.submit", lang), 24),
        "close": _plain(t("slack.form.close", lang), 24),
        "private_metadata": json.dumps(metadata)[:3000],
        "blocks": blocks,
    }


def _value(values: dict[str, Any], block_id: str) -> Any:
    element = (values.get(block_id) or {}).get("value") or {}
    kind = element.get("type")
    if kind == "datepicker":
        return element.get("selected_date")
    if kind == "timepicker":
        return element.get("selected_time")
    if kind == "checkboxes":
        return [o.get("value") for o in element.get("selected_options") or []]
    value = element.get("value")
    return value.strip() if isinstance(value, str) else value


def validate(target: FormTarget, values: dict[str, Any], lang: str) -> dict[str, str]:
    """Errors per block id, for Slack's response_action "errors" (shown under the input)."""
    errors: dict[str, str] = {}
    if not _value(values, "title"):
        errors["title"] = t("slack.form.title_missing", lang)
    for canonical in target.verb.keywords:
        if (
            canonical in DATE_KEYWORDS
            and _value(values, f"kw:{canonical}:time")
            and not _value(values, f"kw:{canonical}:date")
        ):
            errors[f"kw:{canonical}:date"] = t("slack.form.date_missing", lang)
    return errors


def quote(value: str) -> str:
    """Quote a value so that its words are never read as keywords."""
    if '"' not in value:
        return f'"{value}"'
    return f"«{value.replace('«', '').replace('»', '')}»"


def compose(target: FormTarget, values: dict[str, Any]) -> str:
    """The text command a member would have typed: ny "Title" frist 05.03.2026 14:00 ..."""
    verb = target.verb
    parts = [verb.names[0], quote(str(_value(values, "title") or ""))]
    for canonical, aliases in verb.keywords.items():
        word = aliases[0] if aliases else canonical
        if canonical in DATE_KEYWORDS:
            day = _value(values, f"kw:{canonical}:date")
            if not day:
                continue
            yyyy, mm, dd = str(day).split("-")
            when = f"{dd}.{mm}.{yyyy}"
            time = _value(values, f"kw:{canonical}:time")
            parts += [word, f"{when} {time}" if time else when]
        else:
            value = _value(values, f"kw:{canonical}")
            if value:
                parts += [word, quote(str(value))]
    chosen = set(_value(values, "flags") or [])
    for canonical, aliases in verb.flags.items():
        if canonical in chosen:
            parts.append(aliases[0] if aliases else canonical)
    return " ".join(parts)
