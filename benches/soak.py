"""Soak: `partnerbot slack` for S seconds with hearing reminders falling due every few seconds
and a light stream of commands; every reminder must be sent exactly once, and the process
must not grow (RSS under 10 % after a warm-up, no more threads or open files).

    python benches/soak.py [--seconds 600] [--every 5] [--warmup 60] [--db sqlite|postgres]

Real feature reminders: the admin creates hearings through Slack (`/horing ny ... påminn
...`) whose deadline lies after the soak and whose reminder offsets (in minutes with
decimals, "41.733m") make one reminder fall due every ``--every`` seconds. A member asks for
`/horing liste` every two seconds meanwhile. At the end the reminder posts the fake Slack
received are counted per hearing against the outbox rows and the offsets given. RSS,
threads and open file descriptors of the bot are read from /proc every 30 s.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benches.harness import ProcSample, RemoteFake, database, mib, sample, settle  # noqa: E402
from tests.adapters.slack.process import SlackBotProcess, start_slack_bot, wait_until  # noqa: E402

OSLO = ZoneInfo("Europe/Oslo")
CHANNEL = "C_INFRA"
ADMIN = "U_ADMIN"
PER_HEARING = 10  # reminder offsets per hearing (reminder_offsets holds 200 characters)
FIRST_AFTER = 30.0  # seconds from the start to the first reminder
LAST_BEFORE = 20.0  # and from the last one to the end
SAMPLE_EVERY = 30.0
REMINDER = re.compile(r"Påminnelse: høring #(\d+) ")


def create_hearings(
    bot: SlackBotProcess, fake: RemoteFake, seconds: float, every: float
) -> dict[int, list[datetime]]:
    """Hearings whose reminders fall due every ``every`` seconds from FIRST_AFTER to the end;
    returns {hearing id: due times of its reminders}."""
    from sqlalchemy import select

    from storage.models import Hearing

    start = datetime.now(UTC)
    first = start + timedelta(seconds=FIRST_AFTER)
    count = max(1, int((seconds - FIRST_AFTER - LAST_BEFORE) // every) + 1)
    dues = [first + timedelta(seconds=i * every) for i in range(count)]
    # A deadline on a whole minute (as typed), a few minutes after the soak.
    deadline = (start + timedelta(seconds=seconds + 180)).astimezone(OSLO)
    deadline = deadline.replace(second=0, microsecond=0) + timedelta(minutes=1)
    hearings: dict[int, list[datetime]] = {}
    groups = math.ceil(count / PER_HEARING)
    for h in range(groups):
        mine = dues[h::groups]  # each hearing's reminders spread over the whole soak
        offsets = ",".join(f"{(deadline - due).total_seconds() / 60:.3f}m" for due in mine)
        title = f"Soakhøring {h + 1}"
        _, url = bot.command(
            f'/horing ny "{title}" frist {deadline:%d.%m.%Y kl %H:%M} '
            f'mottakere "Statens vegvesen", LO påminn {offsets}',
            user_id=ADMIN,
            channel_id=CHANNEL,
        )
        answer = fake.wait(
            response_path="/" + url.split("/", 3)[3],
            method="chat.postMessage",
            contains=f"«{title}» er registrert",
        )
        if not answer or not any("er registrert" in text for text in answer):
            raise SystemExit(f"could not create {title}: {answer}")

        def hearing_id(title: str = title) -> int | None:
            with bot.db().transaction() as s:
                return s.scalar(select(Hearing.id).where(Hearing.title == title))

        hearings[wait_until(hearing_id, what=title)] = mine
    return hearings


def outbox_states(bot: SlackBotProcess, hearing_ids: list[int]) -> dict[int, Counter[str]]:
    from sqlalchemy import select

    from handlers.hearing_reminders import KIND
    from storage.models import OutboxMessage

    states: dict[int, Counter[str]] = {h: Counter() for h in hearing_ids}
    with bot.db().transaction() as s:
        for oid, state in s.execute(
            select(OutboxMessage.object_id, OutboxMessage.state).where(
                OutboxMessage.kind == KIND, OutboxMessage.object_id.in_(hearing_ids)
            )
        ):
            states[oid][state] += 1
    return states


def growth(a: int, b: int) -> str:
    return f"{(b / a - 1) * 100:+.1f} %" if a else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--every", type=float, default=5, help="seconds between reminders")
    parser.add_argument("--warmup", type=float, default=60)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    args = parser.parse_args()
    print(
        f"soak: {args.seconds:.0f} s on {args.db}, a reminder every {args.every:g} s, "
        f"warm-up {args.warmup:.0f} s (cpus: {os.cpu_count()}, load average "
        f"{os.getloadavg()[0]:.1f})",
        flush=True,
    )

    samples: list[tuple[float, ProcSample]] = []
    with (
        tempfile.TemporaryDirectory() as tmp,
        RemoteFake() as fake,
        database(args.db, Path(tmp)) as url,
    ):
        bot = start_slack_bot(
            Path(tmp),
            fake,
            admins=ADMIN,  # type: ignore[arg-type]
            database_url=url,
            env={"PARTNERBOT_LOG_LEVEL": "WARNING"},
        )
        try:
            _, bind_url = bot.command(
                "/partnerbot koble nettverk infrastruktur", user_id=ADMIN, channel_id=CHANNEL
            )
            fake.wait(
                response_path="/" + bind_url.split("/", 3)[3],
                method="chat.postMessage",
                contains="#infrastruktur",
            )
            start = time.monotonic()
            dues = create_hearings(bot, fake, args.seconds, args.every)
            hearings = {h: len(d) for h, d in dues.items()}
            expected = sum(hearings.values())
            print(f"  {len(hearings)} hearings, {expected} reminders to fall due", flush=True)
            samples.append((0.0, sample(bot.proc.pid)))
            commands = failed = 0
            next_sample = start + SAMPLE_EVERY
            while time.monotonic() < start + args.seconds:
                _, list_url = bot.command(
                    "/horing liste", user_id="U_SOAK", user_name="soak", channel_id=CHANNEL
                )
                commands += 1
                if fake.wait(response_path="/" + list_url.split("/", 3)[3]) is None:
                    failed += 1
                now = time.monotonic()
                if now >= next_sample:  # between commands: no request thread in flight
                    s = sample(bot.proc.pid)
                    samples.append((now - start, s))
                    print(
                        f"  {now - start:5.0f} s  RSS {mib(s.rss_kb)}  threads {s.threads}  "
                        f"fds {s.fds}",
                        flush=True,
                    )
                    next_sample += SAMPLE_EVERY
                time.sleep(max(0.0, 2.0 - (time.monotonic() - now)))
            settle(fake)
            calls = fake.calls("chat.postMessage")
            end = sample(bot.proc.pid)
            states = outbox_states(bot, list(hearings))
            errors_logged = [
                line for line in bot.logs().splitlines() if "Traceback" in line or " ERROR " in line
            ]
        finally:
            bot.stop()

    posts: Counter[int] = Counter()
    late: list[float] = []  # seconds from due to posted, k-th post of a hearing vs k-th due
    wall_minus_mono = datetime.now(UTC).timestamp() - time.monotonic()
    for call in calls:
        if call.method == "chat.postMessage" and call.channel == CHANNEL:
            m = REMINDER.search(call.text)
            if m and int(m.group(1)) in dues:
                h = int(m.group(1))
                if posts[h] < len(dues[h]):
                    late.append(call.at + wall_minus_mono - dues[h][posts[h]].timestamp())
                posts[h] += 1
    sent = sum(posts.values())
    wrong = [
        f"#{h}: asked {n}, posted {posts[h]}, outbox {dict(states[h])}"
        for h, n in hearings.items()
        if posts[h] != n or states[h]["sent"] != n or sum(states[h].values()) != n
    ]
    warm = next((s for at, s in samples if at >= args.warmup), samples[-1][1])
    first = samples[0][1]
    rss_growth = (end.rss_kb / warm.rss_kb - 1) * 100
    print(
        f"reminders: {sent} sent / {expected} expected; {len(wrong)} hearings off"
        + "".join(f"\n    {w}" for w in wrong)
    )
    if late:
        print(
            f"sent after due: min {min(late):.1f} s, max {max(late):.1f} s "
            f"(the dispatcher ticks every second)"
        )
    print(
        f"commands: {commands} /horing liste, {failed} unanswered; error lines in the bot "
        f"log: {len(errors_logged)}"
    )
    print(
        f"RSS: start {mib(first.rss_kb)}, after warm-up {mib(warm.rss_kb)}, end "
        f"{mib(end.rss_kb)} (growth after warm-up {rss_growth:+.1f} %, from start "
        f"{growth(first.rss_kb, end.rss_kb)})"
    )
    print(
        f"threads: start {first.threads}, after warm-up {warm.threads}, end {end.threads} "
        f"(range {min(x.threads for _, x in samples)}-{max(x.threads for _, x in samples)}); "
        f"fds: start {first.fds}, after warm-up {warm.fds}, end {end.fds} "
        f"(range {min(x.fds for _, x in samples)}-{max(x.fds for _, x in samples)})"
    )
    # A socket in flight shows as one more fd (or thread) in a single sample; a leak shows in
    # every late sample. So: the least of the last three against the most of the first three
    # after the warm-up.
    after = [x for at, x in samples if at >= args.warmup] + [end]
    early, late3 = after[:3], after[-3:]
    threads_grew = min(x.threads for x in late3) > max(x.threads for x in early)
    fds_grew = min(x.fds for x in late3) > max(x.fds for x in early)
    checks = {
        "every reminder sent exactly once": sent == expected and not wrong,
        "none sent before it was due": all(x >= -0.5 for x in late),
        "RSS growth after warm-up under 10 %": rss_growth < 10,
        "no growth in threads": not threads_grew,
        "no growth in open files": not fds_grew,
        "every command answered, no errors logged": not failed and not errors_logged,
    }
    for name, ok in checks.items():
        print(f"  {'PASS' if ok else 'FAIL'}  {name}")
    sys.exit(0 if all(checks.values()) else 1)


if __name__ == "__main__":
    main()
