"""A stand-in worker for tests of WorkerProcess: reads what the front hands over, like
bot.adapters.slack.workers does, and writes "<pid> <kind> <n>" per request to the file
named as its only "feature"."""

from __future__ import annotations

import os
import pickle
import sys


def main() -> None:
    stream = sys.stdin.buffer
    _settings, features = pickle.load(stream)
    out = features[0]
    while True:
        try:
            item = pickle.load(stream)
        except EOFError:
            break
        if item is None:
            break
        kind, body = item
        with open(out, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()} {kind} {body['n']}\n")


if __name__ == "__main__":
    main()
