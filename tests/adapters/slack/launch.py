"""`partnerbot` with extra, test-only feature modules added to bot.app.FEATURES, and
``--poll-seconds S`` as the inbox workers' longest safety poll (bot.inbox.POLL_SECONDS:
set very high, a row is run only if something woke a worker for it):

python -m tests.adapters.slack.launch --features tests.adapters.slack.testfeature slack --port 3001
python -m tests.adapters.slack.launch --poll-seconds 3600 worker
"""

from __future__ import annotations

import importlib
import sys


def main() -> None:
    args = sys.argv[1:]
    modules: list[str] = []
    if args[:1] == ["--poll-seconds"]:
        from bot import inbox

        inbox.POLL_SECONDS = float(args[1])
        args = args[2:]
    if args[:1] == ["--features"]:
        modules = [m for m in args[1].split(",") if m]
        args = args[2:]
    from bot import app

    app.FEATURES = (*app.FEATURES, *(importlib.import_module(m) for m in modules))
    sys.argv = ["partnerbot", *args]
    from bot.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
