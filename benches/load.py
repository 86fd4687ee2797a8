"""Load on a real `partnerbot slack`: N concurrent Slack members for S seconds with a realistic
mix, on SQLite and on PostgreSQL; prints throughput, p50/p99 ack and answer, errors, the
bot's RSS and CPU, and the bench's own CPU.

    python benches/load.py [--seconds 60] [--clients 20] [--pause 1.0]
                           [--db sqlite|postgres|both] [--layout one|split] [--workers N]
                           [--worker-nice 10] [--spy PATH]

Two phases per database, each ``--seconds`` long, on the same bot, both printed:

- **paced** (``--pause``, default 1 s): each member, after their answer, waits a random
  time (exponential, mean ``--pause``, seeded: the same in every run) before the next
  command. Issue 16's targets (answer p50 <= 150 ms, p99 <= 1 s, 0 errors) are judged on
  this phase: they are about the answer time a member feels at a stated pace, and real
  members read an answer before they type again. 20 members who each send a command
  about every second (about 20 requests a second, 70,000 an hour) are far more than a
  partnership's busiest day (a network of 20-40 members sends a few hundred commands on
  a day with a meeting to plan and a hearing's deadline), so the default is a generous
  pace, not a flattering one; ``--pause 0.5`` doubles it.
- **saturation** (``--pause 0``): every member sends the next command the moment the
  answer came (a closed loop). The throughput it reaches is the bot's capacity on this
  machine, and the answer time is then about members / throughput (Little's law): it is
  printed beside the paced figures, never instead of them. ``--pause 0`` runs this phase
  alone.

``--layout one`` (the default) runs `partnerbot slack` alone, the worker in its process;
``--layout split`` runs the front (`slack --no-worker`) beside ``--workers`` processes of
`partnerbot worker --nice 10` (more than one only on PostgreSQL), the layout docs/deploy.md
recommends: the one process is GIL-bound and leaves the second core idle. The CPU time of
each process is printed.

Each client is a distinct Slack user, a member of Nettverk for infrastruktur (Slack channel
C_INFRA) who owns one action. The mix: button votes on one meeting poll, RSVP buttons on one
announced conference (register, cancel, maybe, cancel, ...), lists (/horing, /tiltak, /mote,
/konferanse), new hearings and status updates of the member's own action. Requests are
signed exactly as Slack signs them, each on a new connection; a FakeSlack in its own process
takes the replies, and each member waits for its answer there on one kept-alive connection
(the fake hands each call to the waits it answers). The bench's own CPU per request (its
client threads, the fake) is printed: it shares the cores with the bot.

Errors (must be 0): an ack that is not HTTP 200 or fails; a reply on response_url that is
one of the bot's error texts (any UserError text, "noe gikk galt", unknown command); an
expected answer that never came (the channel post of a new hearing or an action update, the
ephemeral answer to an RSVP or a list); a vote whose own answer, committed with its effects
in its inbox row (the card update that answered the click may be another member's), is
missing or an error text; and a vote or RSVP the database does not hold at the end (each
member's last vote per slot and last RSVP must be what the database says).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benches.harness import (  # noqa: E402
    WORKER_NICE,
    Layout,
    RemoteFake,
    cpu_seconds,
    database,
    mib,
    pct,
    settle,
    start_layout,
)
from tests.adapters.slack import requests as rq  # noqa: E402
from tests.adapters.slack.process import (  # noqa: E402
    SlackBotProcess,
    wait_until,
)
from tests.adapters.slack.seeding import bind_channel, member_with_action  # noqa: E402

OSLO = ZoneInfo("Europe/Oslo")
CHANNEL = "C_INFRA"
NETWORK = "Nettverk for infrastruktur"
ADMIN = "U_ADMIN"
# A member's mean pause after an answer in the paced phase, in seconds (see the docstring).
PAUSE = 1.0
# operation -> weight in the mix
MIX = {"vote": 30, "rsvp": 15, "list": 25, "hearing": 10, "action": 20}
LISTS = ("/horing liste", "/tiltak liste", "/mote liste", "/konferanse liste")
ERROR_MAX_CHARS = 2000
VOTE_WORDS = {"ja": "yes", "kanskje": "maybe", "nei": "no"}
# RSVP cycle per member: verb, expected reply text key, status afterwards
RSVP_CYCLE = (
    ("meld på", "conferences.registered", "registered"),
    ("meld av", "conferences.unregistered", "cancelled"),
    ("kanskje", "conferences.maybe", "maybe"),
    # a maybe that becomes a no never held a seat: declined, not cancelled
    ("meld av", "conferences.maybe_withdrawn", "declined"),
)


def day(days: int) -> str:
    return (datetime.now(OSLO) + timedelta(days=days)).strftime("%d.%m.%Y")


def user_id(n: int) -> str:
    return f"U_LOAD{n:02d}"


# -- what counts as an error reply -------------------------------------------------------


def error_patterns() -> list[re.Pattern[str]]:
    """Every text the bot answers with when something is wrong, as regexes: the texts of all
    UserError keys in the code, the unexpected/database error texts and unknown command."""
    from bot.i18n import CATALOG

    keys = {"error.unexpected", "error.database", "help.unknown_command", "help.unknown_verb"}
    for folder in ("bot", "handlers"):
        for path in (ROOT / folder).rglob("*.py"):
            keys.update(re.findall(r"UserError\(\s*\"([\w.]+)\"", path.read_text()))
    keys.update(k for k in CATALOG if k.startswith("permission."))
    patterns = []
    for key in sorted(keys & CATALOG.keys()):
        for template in CATALOG[key].values():
            parts = re.split(r"\{[^}]*\}", template)
            if sum(len(p.strip()) for p in parts) < 12:
                continue  # too little fixed text to recognise
            patterns.append(re.compile(".*?".join(re.escape(p) for p in parts), re.DOTALL))
    return patterns


def text_start(key: str, title: str) -> str:
    """The bokmål text of ``key`` with its title filled in, up to its next placeholder."""
    from bot.i18n import CATALOG

    return CATALOG[key]["nb"].replace("{title}", title).split("{")[0]


# -- setting up --------------------------------------------------------------------------


def seed_members(database_url: str, clients: int) -> dict[str, int]:
    """``clients`` Slack members of the infrastructure network, each owning one action; binds
    the network to C_INFRA. Returns {user id: action id}."""
    from storage.db import Database

    db = Database.from_url(database_url)
    now = datetime.now(UTC)
    actions: dict[str, int] = {}
    try:
        with db.transaction() as s:
            net = bind_channel(s, CHANNEL, NETWORK)
            orgs = list(net.organisations)
            for n in range(1, clients + 1):
                actions[user_id(n)] = member_with_action(
                    s,
                    net,
                    user_id=user_id(n),
                    name=f"Last {n}",
                    organisation=orgs[n % len(orgs)],
                    title=f"Lasttiltak {n}",
                    now=now,
                )
    finally:
        db.dispose()
    return actions


@dataclass
class Objects:
    poll_id: int
    poll_ts: str
    slots: int
    conf_id: int
    conf_ts: str
    conf_title: str


def create_objects(bot: SlackBotProcess) -> Objects:
    """A meeting poll and an announced conference, made by the admin through the bot."""
    from sqlalchemy import select

    from storage.models import Conference, Poll, PostedMessage

    def posted(
        object_type: str, model: type[Poll] | type[Conference], title: str
    ) -> tuple[int, str]:
        def find() -> tuple[int, str] | None:
            with bot.db().transaction() as s:
                oid = s.scalar(select(model.id).where(model.title == title))
                ts = oid and s.scalar(
                    select(PostedMessage.message_id).where(
                        PostedMessage.object_type == object_type,
                        PostedMessage.object_id == oid,
                        PostedMessage.channel_id == CHANNEL,
                    )
                )
                return (oid, ts) if oid and ts else None

        return wait_until(find, timeout=30, what=f"the {object_type} «{title}» to be posted")

    bot.command(
        f'/mote ny "Lastmøte" tider {day(10)} kl 10-12, {day(11)} kl 13-15, {day(12)} kl 09-11',
        user_id=ADMIN,
        channel_id=CHANNEL,
    )
    poll_id, poll_ts = posted("poll", Poll, "Lastmøte")
    title = "Lastkonferansen"
    bot.command(
        f'/konferanse ny "{title}" dato {day(30)} kl 09-16 sted Tønsberg',
        user_id=ADMIN,
        channel_id=CHANNEL,
    )

    def conf_id() -> int | None:
        with bot.db().transaction() as s:
            return s.scalar(select(Conference.id).where(Conference.title == title))

    cid = wait_until(conf_id, timeout=30, what="the conference")
    bot.command(f"/konferanse kunngjør {cid}", user_id=ADMIN, channel_id=CHANNEL)
    _, conf_ts = posted("conference", Conference, title)
    return Objects(poll_id, poll_ts, 3, cid, conf_ts, title)


# -- the clients -------------------------------------------------------------------------


@dataclass
class Sent:
    op: str
    user: str
    seconds: float  # until the ack
    status: int
    answer: list[str] | None  # the texts of the answer; None: none came
    answered_after: float  # seconds from sending to the answer
    reply_key: str | None = None  # the text key the answer must start with
    post: str | None = None  # a text the answer (a channel post) must contain
    key: str | None = None  # a vote's inbox key: its own answer is checked there at the end


@dataclass
class Client:
    n: int
    action_id: int
    sent: list[Sent] = field(default_factory=list)
    votes: dict[int, str] = field(default_factory=dict)  # slot -> answer, the last one sent
    rsvp_step: int = 0
    hearings: int = 0
    failures: list[str] = field(default_factory=list)
    sent_count: int = 0  # requests sent so far, over every phase: response_url tags
    # seeded: the same commands in the same order, and the same pauses, in every run
    rng: random.Random = field(init=False)
    pauses: random.Random = field(init=False)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.n)
        self.pauses = random.Random(10_000 + self.n)

    @property
    def user(self) -> str:
        return user_id(self.n)


class Sender:
    """A member's requests, signed as Slack signs them, each on a new connection to the bot
    (as Slack sends them). Each gets a response_url of the member's own and a trigger id
    the bench knows, so the inbox row of a vote is found at the end (``check``)."""

    def __init__(self, bot: SlackBotProcess, fake: RemoteFake, client: Client) -> None:
        self.events_url, self.fake, self.client = bot.events_url, fake, client
        self.who = {"user_id": client.user, "user_name": f"last{client.n}", "channel_id": CHANNEL}

    def _next(self) -> tuple[str, str]:
        self.client.sent_count += 1
        n, count = self.client.n, self.client.sent_count
        return self.fake.response_url(f"load{n}-{count}"), f"{n}.{count}.load"

    def command(self, line: str) -> tuple[rq.Response, str, str]:
        """Post ``/name text``: (the ack, the response_url, the trigger id)."""
        name, _, text = line.partition(" ")
        url, trigger = self._next()
        body = rq.slash_body(text, command=name, response_url=url, trigger_id=trigger, **self.who)
        return rq.post(self.events_url, body), url, trigger

    def click(self, value: str, message_ts: str) -> tuple[rq.Response, str, str]:
        """Press a button with ``value`` on the message ``message_ts``."""
        url, trigger = self._next()
        body = rq.action_body(
            value, response_url=url, message_ts=message_ts, trigger_id=trigger, **self.who
        )
        return rq.post(self.events_url, body), url, trigger


def run_client(
    bot: SlackBotProcess,
    fake: RemoteFake,
    objs: Objects,
    client: Client,
    until: float,
    pause: float = 0.0,
) -> None:
    """Like a member who acts, waits for the answer, and acts again: at once (``pause`` 0),
    or after a pause drawn from an exponential distribution of mean ``pause`` seconds."""
    rng = client.rng
    ops, weights = list(MIX), list(MIX.values())
    send = Sender(bot, fake, client)
    while time.monotonic() < until:
        if pause > 0:
            time.sleep(min(client.pauses.expovariate(1 / pause), max(until - time.monotonic(), 0)))
            if time.monotonic() >= until:
                break
        op = rng.choices(ops, weights)[0]
        reply_key = post = None
        wait: dict[str, str] = {}
        start = time.monotonic()
        try:
            if op == "vote":
                slot, word = rng.randint(1, objs.slots), rng.choice(list(VOTE_WORDS))
                resp, url, trigger = send.click(
                    f"/mote svar {objs.poll_id} {slot}:{word}", objs.poll_ts
                )
                client.votes[slot] = VOTE_WORDS[word]
                # The answer to a click on the poll is the poll message updated (it may be
                # another member's update: check() holds the vote's own inbox row to it).
                wait = {"method": "chat.update", "ts": objs.poll_ts}
                start = time.monotonic()  # an update after the ack
            elif op == "rsvp":
                verb, reply_key, _ = RSVP_CYCLE[client.rsvp_step % len(RSVP_CYCLE)]
                client.rsvp_step += 1
                resp, url, trigger = send.click(f"/konferanse {verb} {objs.conf_id}", objs.conf_ts)
            elif op == "list":
                resp, url, trigger = send.command(rng.choice(LISTS))
            elif op == "hearing":
                client.hearings += 1
                title = f"Lasthøring {client.n}-{client.hearings}"
                resp, url, trigger = send.command(
                    f'/horing ny "{title}" frist {day(20 + client.hearings % 60)} '
                    'mottakere "Statens vegvesen", LO'
                )
                post = f"«{title}» er registrert"
            else:
                progress = rng.randrange(0, 100, 5)
                resp, url, trigger = send.command(
                    f"/tiltak status {client.action_id} pågår fremdrift {progress}%"
                )
                post = f"Tiltak #{client.action_id} «Lasttiltak {client.n}»: pågår ({progress} %)"
            if post:
                wait = {"method": "chat.postMessage", "contains": post}
            answer = fake.wait(response_path="/" + url.split("/", 3)[3], after=start, **wait)
            answered_after = time.monotonic() - start
        except OSError as exc:
            client.failures.append(f"{op}: {exc.__class__.__name__}: {exc}")
            continue
        client.sent.append(
            Sent(
                op,
                client.user,
                resp.seconds,
                resp.status,
                answer,
                answered_after,
                reply_key,
                post,
                key=f"slack:trigger:{trigger}" if op == "vote" else None,
            )
        )


# -- checking ----------------------------------------------------------------------------


def check(clients: list[Client], objs: Objects, bot: SlackBotProcess) -> list[str]:
    """Everything that went wrong, one line each."""
    from sqlalchemy import select

    from storage.models import Account, PollSlot, Registration, Vote

    errors = [f for c in clients for f in c.failures]
    patterns = error_patterns()
    own = own_answers(bot, [s.key for c in clients for s in c.sent if s.key])
    for c in clients:
        for s in c.sent:
            if s.status != 200:
                errors.append(f"{s.user} {s.op}: ack {s.status}")
            if s.answer is None:
                errors.append(f"{s.user} {s.op}: no answer")
                continue
            text = "\n".join(s.answer)
            if s.key:  # the card's update may be another's: the vote's own answer counts
                mine = own.get(s.key)
                if mine is None:
                    errors.append(f"{s.user} {s.op}: not run (inbox {s.key})")
                    continue
                text = mine
            # An error is a whole reply of one text: it starts the answer, and a long list
            # is not one (matching .*? patterns through it would take minutes).
            if any(p.match(text[:ERROR_MAX_CHARS]) for p in patterns):
                errors.append(f"{s.user} {s.op}: error reply {text[:160]!r}")
            elif s.reply_key and text_start(s.reply_key, objs.conf_title) not in text:
                errors.append(
                    f"{s.user} {s.op}: answer {text[:160]!r} is not "
                    f"{text_start(s.reply_key, objs.conf_title)!r}"
                )
            elif s.post and s.post not in text:
                errors.append(f"{s.user} {s.op}: answer {text[:160]!r} lacks {s.post!r}")

    with bot.db().transaction() as s:
        slots = {
            sl.id: sl.position
            for sl in s.scalars(select(PollSlot).where(PollSlot.poll_id == objs.poll_id))
        }
        votes = {
            (m, slots[sid]): a
            for m, sid, a in s.execute(
                select(Account.external_id, Vote.slot_id, Vote.answer)
                .join(Account, Account.member_id == Vote.member_id)
                .where(Vote.poll_id == objs.poll_id)
            )
        }
        rsvps = {
            m: st
            for m, st in s.execute(
                select(Account.external_id, Registration.status)
                .join(Account, Account.member_id == Registration.member_id)
                .where(Registration.conference_id == objs.conf_id)
            )
        }
    for c in clients:
        for slot, answer in c.votes.items():
            if votes.get((c.user, slot)) != answer:
                errors.append(
                    f"{c.user}: slot {slot} holds {votes.get((c.user, slot))}, "
                    f"last vote was {answer}"
                )
        if c.rsvp_step:
            want = RSVP_CYCLE[(c.rsvp_step - 1) % len(RSVP_CYCLE)][2]
            if rsvps.get(c.user) != want:
                errors.append(f"{c.user}: registration {rsvps.get(c.user)}, expected {want}")
    return errors


def own_answers(bot: SlackBotProcess, keys: list[str]) -> dict[str, str | None]:
    """The answer each inbox row of ``keys`` committed with its effects (state ran or done),
    as plain text; None for a row that did not run."""
    from sqlalchemy import select

    from bot import reply_codec
    from storage.models import InboxRequest

    found: dict[str, str | None] = dict.fromkeys(keys)
    with bot.db().reading() as s:
        for i in range(0, len(keys), 500):
            rows = s.execute(
                select(InboxRequest.key, InboxRequest.state, InboxRequest.answer).where(
                    InboxRequest.key.in_(keys[i : i + 500])
                )
            )
            for key, state, answer in rows:
                if state in ("ran", "done") and answer is not None:
                    found[key] = reply_codec.decode(answer).plain()
    return found


# -- one run -----------------------------------------------------------------------------


def spy(pid: int, seconds: float, out: str | None) -> subprocess.Popen[bytes] | None:
    """py-spy on the bot for ``seconds`` (raw folded stacks to ``out``), when asked for."""
    if not out:
        return None
    exe = os.environ.get("PY_SPY", "py-spy")
    cmd = [exe, "record", "--pid", str(pid), "--duration", str(int(seconds))]
    cmd += [
        "--format",
        "raw",
        "-o",
        out,
        "--nonblocking",
        *os.environ.get("PY_SPY_ARGS", "").split(),
    ]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@dataclass
class Phase:
    """One stretch of the run: every member at one pace (``pause``: the mean seconds a
    member waits after an answer before the next command; 0: none, the bot saturated)."""

    name: str
    pause: float
    sent: list[Sent] = field(default_factory=list)
    elapsed: float = 0.0
    cpu: dict[str, float] = field(default_factory=dict)  # bot CPU seconds per process
    own: tuple[float, float] = (0.0, 0.0)  # the bench's clients and fake, CPU seconds
    rss: list[int] = field(default_factory=list)  # the bot's RSS every 15 s, KiB

    @property
    def saturating(self) -> bool:
        return self.pause <= 0


def drive(
    phase: Phase,
    layout: Layout,
    fake: RemoteFake,
    objs: Objects,
    clients: list[Client],
    seconds: float,
    spy_out: str | None,
) -> None:
    """Run every member at ``phase``'s pace for ``seconds``; fills in what it measured."""
    bot = layout.bot
    cpu_start = layout.cpu()
    own_start = (time.process_time(), cpu_seconds(fake.proc.pid))
    first = [len(c.sent) for c in clients]
    spying = spy(bot.proc.pid, min(seconds, 15), spy_out)
    start = time.monotonic()
    until = start + seconds
    threads = [
        threading.Thread(target=run_client, args=(bot, fake, objs, c, until, phase.pause))
        for c in clients
    ]
    for th in threads:
        th.start()
    while any(th.is_alive() for th in threads):  # RSS every 15 s: a warm-up or a leak
        if time.monotonic() >= start + 15 * len(phase.rss):
            phase.rss.append(layout.sample().rss_kb)
        threads[0].join(0.5)
    for th in threads:
        th.join()
    if spying is not None:
        spying.wait()
    phase.elapsed = time.monotonic() - start
    settle(fake, quiet=1.0)
    phase.cpu = {part: t - cpu_start[part] for part, t in layout.cpu().items()}
    phase.own = (
        time.process_time() - own_start[0],
        cpu_seconds(fake.proc.pid) - own_start[1],
    )
    phase.sent = [s for c, n in zip(clients, first, strict=True) for s in c.sent[n:]]


def phases_of(args: argparse.Namespace) -> list[Phase]:
    """The paced phase (judged against issue 16's targets) and then the saturation phase
    (printed beside it, never left out); ``--pause 0``: the saturation phase alone."""
    saturation = Phase("saturation (--pause 0: no member waits between commands)", 0.0)
    if args.pause <= 0:
        return [saturation]
    return [Phase(f"paced (--pause {args.pause:g}: the target's pace)", args.pause), saturation]


def run(kind: str, args: argparse.Namespace, say: Callable[[str], None]) -> bool:
    with (
        tempfile.TemporaryDirectory() as tmp,
        RemoteFake() as fake,
        database(kind, Path(tmp)) as url,
    ):
        actions = seed_members(url, args.clients)
        layout = start_layout(
            Path(tmp),
            fake,
            database_url=url,
            split=args.layout == "split",
            workers=args.workers,
            nice=args.worker_nice,
            env={"PARTNERBOT_LOG_LEVEL": "WARNING", "PARTNERBOT_TEST_CLOCK": ""},  # real time
            tick_seconds=1.0,  # as the bench always had it (start_slack_bot's default)
            admins=ADMIN,
        )
        bot = layout.bot
        try:
            objs = create_objects(bot)
            settle(fake, quiet=1.0)
            rss_start = layout.sample()
            clients = [Client(n, actions[user_id(n)]) for n in range(1, args.clients + 1)]
            phases = phases_of(args)
            for phase in phases:
                spy_out = args.spy and phase.saturating and f"{args.spy}.{kind}"
                drive(phase, layout, fake, objs, clients, args.seconds, spy_out or None)
            rss_end = layout.sample()
            errors = check(clients, objs, bot)
            crashed = [
                line for line in bot.logs().splitlines() if "Traceback" in line or " ERROR " in line
            ]
        finally:
            layout.stop()
    say(f"{kind}, {layout.describe()}:")
    for phase in phases:
        report(phase, args.clients, say)
    say(
        f"  bot RSS (all its processes) start {mib(rss_start.rss_kb)}, end {mib(rss_end.rss_kb)} "
        f"({(rss_end.rss_kb / rss_start.rss_kb - 1) * 100:+.1f} %); threads "
        f"{rss_start.threads} -> {rss_end.threads}, fds {rss_start.fds} -> {rss_end.fds}"
    )
    say(
        f"  errors ({'both phases' if len(phases) > 1 else 'the phase'}): {len(errors)}"
        + ("" if not crashed else f"; error lines in the bot log: {len(crashed)}")
    )
    for line in errors[:20]:
        say(f"    {line}")
    judged = phases[0]
    acks = [s.seconds for s in judged.sent]
    answers = [s.answered_after for s in judged.sent]
    ok = (
        not errors
        and not crashed
        and pct(acks, 99) < 1.0
        and pct(answers, 50) <= 0.150
        and pct(answers, 99) <= 1.0
    )
    say(
        f"  issue 16's targets, judged on the {judged.name.split(' ')[0]} phase (0 errors, "
        f"p99 ack < 1 s, answer p50 <= 150 ms and p99 <= 1 s): {'met' if ok else 'NOT met'}"
    )
    return ok


def report(phase: Phase, clients_n: int, say: Callable[[str], None]) -> None:
    """What one phase measured, labelled with its pace."""
    sent = phase.sent
    acks = [s.seconds for s in sent]
    answers = [s.answered_after for s in sent]
    by_op = Counter(s.op for s in sent)
    rate = len(sent) / phase.elapsed
    say(f"  {phase.name}:")
    mean_answer = sum(answers) / max(len(answers), 1)
    offered = (
        "as fast as the bot answers"
        if phase.saturating
        else f"{clients_n} members, each a command {phase.pause:g} s on average after an "
        f"answer: about {clients_n / (phase.pause + mean_answer):.1f} req/s"
    )
    say(
        f"    offered {offered}; {len(sent)} requests in {phase.elapsed:.1f} s = {rate:.1f} "
        f"req/s  ({', '.join(f'{k} {v}' for k, v in by_op.items())})"
    )
    say(
        f"    ack p50 {pct(acks, 50) * 1000:.1f} ms, p99 {pct(acks, 99) * 1000:.1f} ms, "
        f"max {max(acks) * 1000:.1f} ms; answer p50 {pct(answers, 50) * 1000:.0f} ms, "
        f"p99 {pct(answers, 99) * 1000:.0f} ms"
    )
    say(f"    bot RSS every 15 s (MiB): {' '.join(f'{kb / 1024:.0f}' for kb in phase.rss)}")
    say(
        "    answer by kind: "
        + ", ".join(
            f"{op} p50 {pct(ts, 50) * 1000:.0f} / p99 {pct(ts, 99) * 1000:.0f} ms"
            for op in by_op
            for ts in [[s.answered_after for s in sent if s.op == op]]
        )
    )
    per_request = 1000 / max(len(sent), 1)
    cpu = phase.cpu
    say(
        f"    bot CPU {sum(cpu.values()):.1f} s = {sum(cpu.values()) * per_request:.1f} ms per "
        "request"
        + (
            ""
            if len(cpu) == 1
            else ": "
            + ", ".join(f"{part} {t:.1f} s = {t * per_request:.1f} ms" for part, t in cpu.items())
        )
    )
    say(
        f"    the bench's own CPU (on the same cores): clients {phase.own[0]:.1f} s = "
        f"{phase.own[0] * per_request:.1f} ms, fake Slack {phase.own[1]:.1f} s = "
        f"{phase.own[1] * per_request:.1f} ms per request; load average at the end "
        f"{os.getloadavg()[0]:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument(
        "--pause",
        type=float,
        default=PAUSE,
        metavar="SECONDS",
        help="each member's mean pause after an answer (exponential, seeded) in the paced "
        f"phase, judged against the targets (default {PAUSE:g}); the saturation phase "
        "(no pause) runs after it; 0: the saturation phase alone",
    )
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument(
        "--layout",
        choices=("one", "split"),
        default="one",
        help="one: `partnerbot slack` alone (the default); split: the front "
        "(`slack --no-worker`) beside `partnerbot worker --nice N` process(es)",
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="worker processes of --layout split (PostgreSQL)"
    )
    parser.add_argument("--worker-nice", type=int, default=WORKER_NICE)
    parser.add_argument(
        "--spy", metavar="PATH", help="py-spy the bot (PY_SPY: its path) to PATH.<db>, raw"
    )
    args = parser.parse_args()
    kinds = ("sqlite", "postgres") if args.db == "both" else (args.db,)
    if args.workers != 1 and (args.layout != "split" or "sqlite" in kinds):
        parser.error("--workers N: with --layout split on PostgreSQL only (--db postgres)")
    print(
        f"load: {args.clients} clients x {args.seconds:.0f} s per phase, mix "
        f"{', '.join(f'{k} {v} %' for k, v in MIX.items())} (cpus: {os.cpu_count()}, "
        f"load average {os.getloadavg()[0]:.1f}), layout {args.layout}",
        flush=True,
    )
    results = [run(kind, args, lambda s: print(s, flush=True)) for kind in kinds]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
