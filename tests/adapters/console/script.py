"""The console adapter in this process: a script of typed lines in, the printed text out.

Faster than starting `partnerbot console` as a process, and the same code path from the
line typed to the text printed (commands, pasted bodies, messages sent on the bot's own)."""

from __future__ import annotations

import io

from bot.adapters.console import Console
from bot.app import App


def run_console(
    app: App, script: str, *, user: str = "Ingrid Berg", channel: str = "#infrastruktur"
) -> str:
    out = io.StringIO()
    console = Console(app, user=user, channel=channel, out=out)
    console.run_script(io.StringIO(script))
    return out.getvalue()
