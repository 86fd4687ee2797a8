"""`partnerbot` with extra, test-only feature modules added to bot.app.FEATURES:

python -m tests.adapters.slack.launch --features tests.adapters.slack.testfeature slack --port 3001
"""

from __future__ import annotations

import importlib
import sys


def main() -> None:
    args = sys.argv[1:]
    modules: list[str] = []
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
