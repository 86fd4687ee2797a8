"""Stopping the bot (SIGTERM from systemd or a deploy) loses no command Slack was told we
took: what was acked before the signal still runs and answers."""

from __future__ import annotations

import signal
from pathlib import Path

from tests.adapters.slack.fake import FakeSlack
from tests.adapters.slack.process import start_slack_bot


def test_a_command_acked_before_sigterm_still_runs_and_answers(tmp_path: Path) -> None:
    with FakeSlack() as fake:
        bot = start_slack_bot(tmp_path, fake)
        try:
            fake.latency["response_url"] = 1.5  # the answer is on its way when the signal comes
            resp, first = bot.command("/partnerbot hjelp")
            resp2, second = bot.command("/horing liste")
            assert resp.status == 200 and resp2.status == 200
            bot.proc.send_signal(signal.SIGTERM)
            assert bot.proc.wait(timeout=20) == 0
            assert "/horing" in bot.replies(first, timeout=1)[0].text
            assert "Åpne høringer" in bot.replies(second, timeout=1)[0].text
        finally:
            bot.stop()
