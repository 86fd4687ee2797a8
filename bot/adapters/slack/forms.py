"""Modal forms built from the router: a group's "ny" verb becomes a form whose submission is
composed back into the same text command, so forms need no code per feature."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
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
# What Slack's pickers send; anything else in a submission was not typed in our form.
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"\d{2}:\d{2}")


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


def _keyword_inputs(canonical: str, label: str, lang: str) -> list[dict[str, Any]]:
    """A date keyword gets a date picker and a time picker; any other a text field."""
    if canonical not in DATE_KEYWORDS:
        text = {"type": "plain_text_input", "action_id": "value"}
        return [_input(f"kw:{canonical}", label, text, optional=True)]
    return [
        _input(
            f"kw:{canonical}:date",
            label,
            {"type": "datepicker", "action_id": "value"},
            optional=True,
        ),
        _input(
            f"kw:{canonical}:time",
            t("slack.form.time_label", lang, label=label),
            {"type": "timepicker", "action_id": "value"},
            optional=True,
            hint=t("slack.form.time_hint", lang),
        ),
    ]


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
        blocks += _keyword_inputs(canonical, keyword_label(canonical, aliases), lang)
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


def seal(metadata: dict[str, Any], key: str) -> dict[str, Any]:
    """The form's private_metadata with an HMAC: a submission carries it back, and anyone
    can send a submission, so the channel and response_url in it must be the ones the
    bot put there for this member (see ``unseal``)."""
    body = json.dumps(metadata, sort_keys=True, separators=(",", ":"))
    return {"m": metadata, "s": _mac(body, key)}


def unseal(raw: str | None, key: str) -> dict[str, Any] | None:
    """The metadata the bot sealed, or None when it was changed, forged or is missing."""
    try:
        sealed = json.loads(raw or "")
    except ValueError:
        return None
    if not isinstance(sealed, dict) or not isinstance(sealed.get("m"), dict):
        return None
    body = json.dumps(sealed["m"], sort_keys=True, separators=(",", ":"))
    if not hmac.compare_digest(str(sealed.get("s", "")), _mac(body, key)):
        return None
    return sealed["m"]


def _mac(body: str, key: str) -> str:
    return hmac.new(key.encode(), body.encode(), hashlib.sha256).hexdigest()


def _value(values: dict[str, Any], block_id: str) -> Any:
    element = (values.get(block_id) or {}).get("value") or {}
    kind = element.get("type")
    if kind == "datepicker":
        day = element.get("selected_date")
        return day if isinstance(day, str) and _DATE.fullmatch(day) else None
    if kind == "timepicker":
        time = element.get("selected_time")
        return time if isinstance(time, str) and _TIME.fullmatch(time) else None
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
        for part, pattern in (("date", _DATE), ("time", _TIME)):
            raw = ((values.get(f"kw:{canonical}:{part}") or {}).get("value") or {}).get(
                f"selected_{part}"
            )
            if raw is not None and not (isinstance(raw, str) and pattern.fullmatch(raw)):
                errors[f"kw:{canonical}:{part}"] = t(f"slack.form.bad_{part}", lang)
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
