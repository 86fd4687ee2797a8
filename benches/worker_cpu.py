"""The worker's own cost per request of benches/load.py's mix, in one process and one
thread, without the front, the clients or other processes: CPU milliseconds (this
process's, so less noisy than load.py on a shared machine) and Python calls
(deterministic: cProfile's count) per request, per kind and weighted by the mix.

    python benches/worker_cpu.py [--db sqlite|postgres|both] [--rounds 40]

Each request is stored in the inbox as the front stores it, claimed (with the previous
row's "done") and run by the Slack worker as in `partnerbot worker`, its answer sent to a
FakeSlack on loopback (its threads count in this process's CPU time, not in the calls).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benches.harness import database  # noqa: E402
from benches.load import ADMIN, CHANNEL, MIX, seed_members, user_id  # noqa: E402
from tests.adapters.slack.seeding import posted  # noqa: E402

KINDS: dict[str, tuple[str, int]] = {  # kind -> (the mix's operation, its share of it)
    "vote": ("vote", 1),
    "rsvp": ("rsvp", 1),
    "/horing liste": ("list", 4),
    "/tiltak liste": ("list", 4),
    "/mote liste": ("list", 4),
    "/konferanse liste": ("list", 4),
    "/horing ny": ("hearing", 1),
    "/tiltak status": ("action", 1),
}


def weight(kind: str) -> float:
    op, share = KINDS[kind]
    return MIX[op] / share / sum(MIX.values())


class Bench:
    """An in-process Slack worker running one stored request at a time."""

    def __init__(self, url: str, fake: Any) -> None:
        from bot.adapters.slack.client import interactive_client, outbox_client
        from bot.adapters.slack.handling import SlackBot
        from bot.app import App, build_router
        from bot.inbox import Worker
        from storage.db import Database
        from tests.conftest import make_settings

        self.db = Database.from_url(url)
        self.fake = fake
        settings = make_settings(
            url,
            SLACK_BOT_TOKEN="xoxb-t",
            SLACK_SIGNING_SECRET="s",
            SLACK_API_URL=fake.api_url,
            PARTNERBOT_ADMINS=ADMIN,
        )
        app = App(settings=settings, db=self.db, router=build_router(self.db, settings))
        self.bot = SlackBot(app, interactive_client(settings), outbox_client(settings))
        self.worker = Worker(self.db, self.bot.handle, threads=1, platform="slack")
        self.finished: Any = None
        self.stored = 0

    def run(self, kind: str, raw: str) -> None:
        from bot.adapters.slack.intake import incoming
        from storage import inbox

        form = parse_qs(raw)
        body = (
            json.loads(form["payload"][0])
            if "payload" in form
            else {k: v[0] for k, v in form.items()}
        )
        self.stored += 1
        with self.db.writing() as conn:
            inbox.accept_all(conn, [incoming(kind, body, f"req-{self.stored}")], now=_now())  # type: ignore[arg-type]
        job = self.worker._claim(self.finished)
        assert job is not None and self.worker._run(job)
        self.finished = job

    def command(self, text: str, user: str) -> None:
        from tests.adapters.slack import requests as rq

        name, _, rest = text.partition(" ")
        url = self.fake.response_url(f"r{self.stored}")
        self.run(
            "command",
            rq.slash_body(rest, command=name, user_id=user, channel_id=CHANNEL, response_url=url),
        )

    def click(self, value: str, ts: str, user: str) -> None:
        from tests.adapters.slack import requests as rq

        url = self.fake.response_url(f"c{self.stored}")
        self.run(
            "click",
            rq.action_body(
                value, user_id=user, channel_id=CHANNEL, message_ts=ts, response_url=url
            ),
        )

    def posted(self, model: Any, title: str) -> tuple[int, str]:
        return posted(self.bot, self.db, model, title, _now())


def _now() -> datetime:
    return datetime.now(UTC)


def _day(days: int) -> str:
    return (_now() + timedelta(days=days)).strftime("%d.%m.%Y")


def requests(b: Bench, actions: dict[str, int]) -> dict[str, Callable[[int], None]]:
    from sqlalchemy import select

    from storage.models import Conference, Poll

    b.command(f'/mote ny "Lastmøte" tider {_day(10)} kl 10-12, {_day(11)} kl 13-15', ADMIN)
    poll_id, poll_ts = b.posted(Poll, "Lastmøte")
    b.command(f'/konferanse ny "Lastkonferansen" dato {_day(30)} kl 09-16', ADMIN)
    with b.db.transaction() as s:
        conf_id = s.scalar(select(Conference.id).where(Conference.title == "Lastkonferansen"))
    b.command(f"/konferanse kunngjør {conf_id}", ADMIN)
    conf_id, conf_ts = b.posted(Conference, "Lastkonferansen")
    users = list(actions)
    rsvp = ("meld på", "meld av", "kanskje", "meld av")
    words = ("ja", "kanskje", "nei")

    def who(n: int) -> str:
        return users[n % len(users)]

    return {
        "vote": lambda n: b.click(
            f"/mote svar {poll_id} {n % 2 + 1}:{words[n % 3]}", poll_ts, who(n)
        ),
        "rsvp": lambda n: b.click(
            f"/konferanse {rsvp[(n // len(users)) % 4]} {conf_id}", conf_ts, who(n)
        ),
        "/horing liste": lambda n: b.command("/horing liste", who(n)),
        "/tiltak liste": lambda n: b.command("/tiltak liste", who(n)),
        "/mote liste": lambda n: b.command("/mote liste", who(n)),
        "/konferanse liste": lambda n: b.command("/konferanse liste", who(n)),
        "/horing ny": lambda n: b.command(
            f'/horing ny "Lasthøring {n}" frist {_day(20 + n % 60)} '
            'mottakere "Statens vegvesen", LO',
            who(n),
        ),
        "/tiltak status": lambda n: b.command(
            f"/tiltak status {actions[who(n)]} pågår fremdrift {n % 100}%", who(n)
        ),
    }


def measure(kind: str, args: argparse.Namespace) -> None:
    from tests.adapters.slack.fake import FakeSlack

    with (
        tempfile.TemporaryDirectory() as tmp,
        FakeSlack() as fake,
        database(kind, Path(tmp)) as url,
    ):
        actions = seed_members(url, 20)
        assert set(actions) == {user_id(n) for n in range(1, 21)}
        b = Bench(url, fake)
        try:
            sends = requests(b, actions)
            for send in sends.values():  # warm up: caches, first rows
                for n in range(3):
                    send(n)
            cpu: dict[str, float] = {}
            calls: dict[str, float] = {}
            for kind_, send in sends.items():
                start = time.process_time()
                for n in range(args.rounds):
                    send(100 + n)
                cpu[kind_] = (time.process_time() - start) / args.rounds * 1000
                profile = cProfile.Profile()
                profile.enable()
                for n in range(args.rounds // 4):
                    send(1000 + n)
                profile.disable()
                stats = pstats.Stats(profile)
                calls[kind_] = stats.total_calls / (args.rounds // 4)  # type: ignore[attr-defined]
                if args.pstats:
                    name = kind_.strip("/").replace(" ", "-")
                    profile.dump_stats(f"{args.pstats}.{kind}.{name}")
        finally:
            b.db.dispose()
    print(f"{kind}: per request, {args.rounds} of each kind")
    for kind_ in KINDS:
        print(f"  {kind_:18} {cpu[kind_]:6.2f} ms CPU  {calls[kind_]:8.0f} calls")
    print(
        f"  load.py's mix      {sum(cpu[k] * weight(k) for k in KINDS):6.2f} ms CPU  "
        f"{sum(calls[k] * weight(k) for k in KINDS):8.0f} calls",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument(
        "--pstats", metavar="PATH", help="save each kind's profile to PATH.<db>.<kind>"
    )
    args = parser.parse_args()
    if args.rounds < 4:
        parser.error("--rounds must be at least 4 (a quarter of them is profiled)")
    for kind in ("sqlite", "postgres") if args.db == "both" else (args.db,):
        measure(kind, args)


if __name__ == "__main__":
    main()
