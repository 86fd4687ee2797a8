"""The console shows the bot's strong text as bold on a terminal and plain into a pipe or a
file: never as Slack's asterisks."""

from __future__ import annotations

import io
import os
import pty
import threading

import pytest

from bot.adapters.console import Console
from bot.app import App
from tests.conftest import DemoTemplate

BOLD = "\x1b[1m"


def test_into_a_pipe_bold_is_plain_text_without_asterisks(
    app: App, demo_template: DemoTemplate
) -> None:
    demo_template.load(app)
    out = io.StringIO()
    Console(app, user="Ingrid Berg", channel="#infrastruktur", out=out).run_script(
        io.StringIO("/partnerbot nettverk\n/partnerbot hjelp\n")
    )
    text = out.getvalue()
    assert "• Nettverk for infrastruktur\n" in text and "/horing — " in text
    assert "*" not in text and BOLD not in text


def test_on_a_terminal_bold_is_bold(
    app: App, monkeypatch: pytest.MonkeyPatch, demo_template: DemoTemplate
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    demo_template.load(app)
    main, side = pty.openpty()
    chunks: list[bytes] = []

    def read_all() -> None:  # the terminal's other end, read while the console writes
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # EIO: the console's end is closed and everything was read
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=read_all)
    reader.start()
    with os.fdopen(side, "w", encoding="utf-8") as terminal:
        assert terminal.isatty()
        console = Console(app, user="Ingrid Berg", channel="#infrastruktur", out=terminal)
        console.run_script(io.StringIO("/partnerbot nettverk\n"))
    reader.join()
    os.close(main)
    shown = b"".join(chunks)
    text = shown.decode("utf-8")
    assert f"• {BOLD}Nettverk for infrastruktur\x1b[0m" in text
    assert "*" not in text
