"""Neutral markup to Slack mrkdwn and back: parts of a Text as ``*strong*``, `` `code` ``,
```` ``` ```` blocks, ``<url|label>`` and ``<@U123>``; Slack's mentions in typed commands
as person references (``@[slack:U123]``) before the router reads them.

Every text from a part is escaped (``&``, ``<``, ``>``), so user text never becomes a
mention, a channel ping or a disguised link; only the parts the bot built do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.messages import (
    Code,
    Link,
    Mention,
    Part,
    PartWriter,
    PersonRef,
    Plain,
    Strong,
    Table,
    Typed,
    plain_part,
)

PLATFORM = "slack"
# A mention standing as a word of its own (``ansvarlig <@U123|kari>``); one inside other
# text (a quoted title) stays text, escaped like any user text.
SLACK_MENTION = re.compile(r"(?<!\S)<@([A-Z0-9]+)(?:\|[^<>]*)?>(?!\S)")
_USER_ID = re.compile(r"[A-Z0-9]+")
_SAFE_URL = re.compile(r"https?://[^\s|<>]+")


def escape(text: str) -> str:
    """Text as Slack shows it literally: no mention, no channel ping, no disguised link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Mrkdwn(PartWriter):
    """Parts as Slack mrkdwn; every text from a part escaped."""

    def plain(self, part: Plain) -> str:
        return escape(part.text)

    def strong(self, part: Strong) -> str:
        return f"*{escape(part.text)}*"

    def code(self, part: Code) -> str:
        return f"`{escape(part.text)}`"

    def typed(self, part: Typed) -> str:
        command = f"/{escape(part.words)}"
        return f"*{command}*" if part.strong else f"`{command}`"

    def link(self, part: Link) -> str:
        if _SAFE_URL.fullmatch(part.url) and part.label:
            return f"<{escape(part.url)}|{escape(part.label)}>"
        return escape(plain_part(part))

    def mention(self, part: Mention) -> str:
        if part.platform == PLATFORM and _USER_ID.fullmatch(part.external_id):
            return f"<@{part.external_id}>"
        return escape(f"@{part.name}")

    def table(self, part: Table) -> str:
        return "```\n" + "\n".join(escape(line) for line in part.lines()) + "\n```"


_MRKDWN = Mrkdwn()


def mrkdwn(parts: Sequence[Part]) -> str:
    return _MRKDWN.write(parts)


def neutral_mentions(text: str) -> str:
    """``/tiltak ny ... ansvarlig <@U123|kari>`` -> ``... ansvarlig @[slack:U123]``: the
    router and handlers see a person reference, never Slack's syntax."""
    return SLACK_MENTION.sub(lambda m: PersonRef(PLATFORM, m.group(1)).token, text)
