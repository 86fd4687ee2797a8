"""Neutral markup to Slack mrkdwn and back: parts of a Text as ``*strong*``, `` `code` ``,
```` ``` ```` blocks, ``<url|label>`` and ``<@U123>``; Slack's mentions in typed commands
as person references (``@[slack:U123]``) before the router reads them.

Every text from a part is escaped (``&``, ``<``, ``>``), so user text never becomes a
mention, a channel ping or a disguised link; only the parts the bot built do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.messages import Code, Link, Mention, Part, PersonRef, Plain, Strong, Table, Typed

PLATFORM = "slack"
# A mention standing as a word of its own (``ansvarlig <@U123|kari>``); one inside other
# text (a quoted title) stays text, escaped like any user text.
SLACK_MENTION = re.compile(r"(?<!\S)<@([A-Z0-9]+)(?:\|[^<>]*)?>(?!\S)")
_USER_ID = re.compile(r"[A-Z0-9]+")
_SAFE_URL = re.compile(r"https?://[^\s|<>]+")


def escape(text: str) -> str:
    """Text as Slack shows it literally: no mention, no channel ping, no disguised link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def part_mrkdwn(part: Part) -> str:
    if isinstance(part, Strong):
        return f"*{escape(part.text)}*"
    if isinstance(part, Code):
        return f"`{escape(part.text)}`"
    if isinstance(part, Typed):
        command = f"/{escape(part.words)}"
        return f"*{command}*" if part.strong else f"`{command}`"
    if isinstance(part, Link):
        if _SAFE_URL.fullmatch(part.url) and part.label:
            return f"<{escape(part.url)}|{escape(part.label)}>"
        shown = part.url if part.label in ("", part.url) else f"{part.label} ({part.url})"
        return escape(shown)
    if isinstance(part, Mention):
        if part.platform == PLATFORM and _USER_ID.fullmatch(part.external_id):
            return f"<@{part.external_id}>"
        return escape(f"@{part.name}")
    if isinstance(part, Table):
        return "```\n" + "\n".join(escape(line) for line in part.lines()) + "\n```"
    assert isinstance(part, Plain)
    return escape(part.text)


def mrkdwn(parts: Sequence[Part]) -> str:
    return "".join(part_mrkdwn(p) for p in parts)


def neutral_mentions(text: str) -> str:
    """``/tiltak ny ... ansvarlig <@U123|kari>`` -> ``... ansvarlig @[slack:U123]``: the
    router and handlers see a person reference, never Slack's syntax."""
    return SLACK_MENTION.sub(lambda m: PersonRef(PLATFORM, m.group(1)).token, text)
