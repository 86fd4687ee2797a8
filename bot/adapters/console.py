"""The terminal adapter: `partnerbot console`, interactive or one command per line from stdin."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TextIO

from sqlalchemy import select

from bot import clock
from bot.adapters.contract import Adapter, Capabilities, Posted, Profile, stored_profile
from bot.app import App
from bot.errors import UserError
from bot.grammar import one_name
from bot.hygiene import clean_text
from bot.i18n import t
from bot.languages import command_language
from bot.messages import Command, File, Reply, plain_text, render_plain
from bot.messenger import Destination
from bot.router import channel_network
from bot.scheduler import DispatchLoop
from storage.accounts import find_member, new_member, on_platform
from storage.models import Member

PLATFORM = "console"
# The console's own words, which end a paste like any command does.
_CONSOLE_WORDS = frozenset({"/som", "/as", "/kanal", "/channel", "/avslutt", "/quit", "/exit"})


class ConsoleMessenger:
    """Prints what the bot sends on its own, marked with where it went."""

    platform = PLATFORM
    shows_unbound_networks = True  # no real channels: a network's messages show by its name

    def __init__(self, console: Console) -> None:
        self.console = console

    def send(self, destination: Destination, reply: Reply) -> None:
        where = destination.label if destination.kind == "channel" else f"@{destination.label}"
        self.console.post(where, reply)


class Console:
    """One terminal: one member at a time at the keyboard (``/som`` switches), everything
    the bot says printed in order. Answers are printed, so nothing is only the asker's."""

    platform = PLATFORM
    capabilities = Capabilities(ephemeral=False, card_updates=False, forms=False, files=False)

    def __init__(self, app: App, *, user: str, channel: str, out: TextIO | None = None) -> None:
        self.app = app
        self.user = user
        self.channel = channel
        self.out = out or sys.stdout
        self._lock = threading.Lock()
        self.dispatching = DispatchLoop(app)
        self.dispatcher = self.dispatching.register(ConsoleMessenger(self))
        self.reading_body = False
        self.posts = 0
        self.ensure_admin(user)

    # -- output --------------------------------------------------------------------

    def emit(self, text: str) -> None:
        with self._lock:
            print(text, file=self.out, flush=True)

    def _bold(self) -> Callable[[str], str]:
        return _bold if _colours(self.out) else _as_is

    def plain(self, text: str) -> str:
        """One of the console's own texts as the terminal shows it (commands with their
        slash and backquotes, as in a reply), not with the parts' markers in it."""
        return plain_text(text, bold=self._bold())

    def render(self, reply: Reply) -> str:
        text = render_plain(reply, bold=self._bold())
        for path in self.upload("", reply.files):
            text += "\n" + t("console.file_written", self.lang(), path=path)
        return text

    # -- the adapter contract (bot/adapters/contract.py) ---------------------------------

    def answer(self, command: Command, reply: Reply) -> None:
        self.emit(self.render(reply))

    def post(self, destination: str, reply: Reply) -> Posted:
        """Printed under where it went (``── #infrastruktur ──``, ``── @Kari Nordmann ──``)."""
        self.posts += 1
        self.emit(f"── {destination} ──\n{self.render(reply)}")
        return destination, str(self.posts)

    def update(self, posted: Posted, reply: Reply) -> bool:
        return False  # printed lines stay as they are; a new state is a new answer

    def open_form(self, command: Command, trigger: str | None) -> bool:
        return False  # the command runs as typed and says what is missing

    def upload(self, destination: str, files: list[File]) -> list[str]:
        """Written to PARTNERBOT_FILES_DIR; returns their paths."""
        paths: list[str] = []
        for f in files:
            folder = Path(self.app.settings.files_dir)
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / Path(f.name).name
            path.write_bytes(f.data)
            paths.append(str(path.resolve()))
        return paths

    def profile(self, external_id: str) -> Profile:
        return stored_profile(self.app.db, PLATFORM, external_id)

    def lang(self) -> str:
        """The console's own lines in the language a command here is answered in: a
        newcomer in #vest-telemark reads nynorsk."""
        return self.app.router.language_of(PLATFORM, self.user, self.channel)

    # -- members -------------------------------------------------------------------

    def ensure_admin(self, name: str) -> None:
        """The console's own user may do everything, so a newcomer can try every command."""
        with self.app.db.transaction() as s:
            if find_member(s, PLATFORM, name) is None:
                new_member(s, PLATFORM, name, name=name, role="admin")

    def switch_user(self, query: str) -> str:
        """``/som Kari`` acts as a known member; ``/som ny "Roger Ryberg"`` adds a new one.
        A name that matches nobody is answered, never made into a member by a typo."""
        query = _unquote(query)
        lang = self.lang()
        if not query:
            return t("console.as_missing", lang)
        first, _, rest = query.partition(" ")
        create = first.casefold() in ("ny", "new") and bool(rest.strip())
        if create:
            try:
                query = one_name(_unquote(rest))  # the one rule for a name a member types
            except UserError as exc:
                return exc.message(lang)
        with self.app.db.transaction() as s:
            members = s.scalars(select(Member).where(on_platform(PLATFORM))).all()
            q = query.casefold()
            exact = [m for m in members if m.name.casefold() == q]
            hits = exact or [m for m in members if q in m.name.casefold()]
            if create and not exact:
                hits = []
            if len(hits) > 1:
                return t(
                    "console.as_ambiguous",
                    lang,
                    given=query,
                    choices=", ".join(m.name for m in hits),
                )
            if hits:
                member = hits[0]
            elif create:
                member = new_member(s, PLATFORM, query, name=query, role="member")
                s.flush()
            else:
                return t("console.as_unknown", lang, given=query)
            account = member.account_on(PLATFORM)
            assert account is not None  # found or made on this platform above
            self.user = account.external_id
            # the one now at the keyboard, in this channel
            network = channel_network(s, self._here())
            lang = command_language(member, network, self.app.settings)
            org = member.organisation.name if member.organisation else "—"
            role = t(f"role.{member.role}", lang)
            return t("console.as_now", lang, name=member.name, org=org, role=role)

    def _here(self) -> Command:
        """A command from the member at the keyboard, in the channel: where it would go."""
        return Command(
            platform=PLATFORM,
            user_id=self.user,
            user_name=self.user,
            channel_id=self.channel,
            channel_name=self.channel,
            name="",
            text="",
        )

    # -- commands ------------------------------------------------------------------

    def prompt(self) -> str:
        return f"{self.user} @ {self.channel}> "

    def execute(self, line: str, body: str = "", *, now: datetime | None = None) -> str:
        """Run one line typed by the member; returns the reply text."""
        # Cleaned here too, not only in the router: /som and /kanal make members and
        # channel names without it.
        line, body = clean_text(line).strip(), clean_text(body)
        word, _, rest = line.partition(" ")
        low = word.casefold()
        if low in ("/som", "/as"):
            return self.plain(self.switch_user(rest))
        if low in ("/kanal", "/channel"):
            if rest.strip():
                self.channel = rest.strip() if rest.strip().startswith("#") else "#" + rest.strip()
            return self.plain(t("console.channel_now", self.lang(), channel=self.channel))
        if not line.startswith("/"):
            return self.plain(t("console.start_with_slash", self.lang()))
        now = now or clock.now()
        command = Command(
            platform=PLATFORM,
            user_id=self.user,
            user_name=self.user,
            channel_id=self.channel,
            channel_name=self.channel,
            name=word[1:],
            text=rest.strip(),
            body=body,
        )
        reply = self.app.router.handle(command, now=now)
        return self.render(reply)

    def after_command(self) -> None:
        # Messages a command queued for others (announcements, poll posts, reminders due
        # by now) are printed right after its answer: one run of the loop, in this thread.
        self.dispatching.run(clock.now())

    def wants_body(self, line: str) -> bool:
        word, _, rest = line.strip().partition(" ")
        return word.startswith("/") and self.app.router.wants_body(word[1:], rest)

    def is_command(self, line: str) -> bool:
        """A line that starts a known command (it ends a paste in a script)."""
        word = line.strip().split(" ", 1)[0]
        return (
            len(word) > 1
            and word.startswith("/")
            and (
                self.app.router.find_group(word[1:]) is not None
                or word.casefold() in _CONSOLE_WORDS
            )
        )

    def body_prompt(self) -> str:
        return t("console.paste_prompt", self.lang())

    def commands(self, lines: Iterator[str]) -> Iterator[tuple[str, str]]:
        """(command line, body) pairs. A body (a pasted work programme) runs to a line with
        only ".", or the end of input; blank lines inside it belong to it. In a script, the
        next command line ends it too."""
        pending: str | None = None
        while True:
            if pending is not None:
                line, pending = pending, None
            else:
                raw = next(lines, None)
                if raw is None:
                    return
                line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#!"):
                continue
            body: list[str] = []
            if self.wants_body(line):
                self.reading_body = True
                try:
                    for more in lines:
                        more = more.rstrip("\n")
                        if more.strip() == ".":
                            break
                        if self.is_command(more):
                            pending = more
                            break
                        body.append(more)
                finally:
                    self.reading_body = False
            yield line, "\n".join(body).strip("\n")

    def run_script(self, stream: TextIO) -> None:
        for line, body in self.commands(iter(stream.readline, "")):
            if line.strip().casefold() in ("/avslutt", "/quit", "/exit"):
                break
            echo = clean_text(f"{self.prompt()}{line}" + (f"\n{body}" if body else ""))
            self.emit(echo)  # the echo of a piped line would drive the terminal otherwise
            self.emit(self.execute(line, body))
            self.after_command()

    def run_interactive(self) -> None:
        try:
            import readline  # noqa: F401  (line editing and history for input())
        except ImportError:
            pass
        welcome = t("console.welcome", self.lang(), user=self.user, channel=self.channel)
        self.emit(self.plain(welcome))

        def lines() -> Iterator[str]:
            while True:
                try:
                    yield input(self.body_prompt() if self.reading_body else self.prompt())
                except EOFError:
                    return

        try:
            for line, body in self.commands(lines()):
                if line.strip().casefold() in ("/avslutt", "/quit", "/exit"):
                    break
                self.emit(self.execute(line, body))
                self.after_command()
        except (EOFError, KeyboardInterrupt):
            self.emit("")


def _colours(out: TextIO) -> bool:
    """Bold on a terminal (unless NO_COLOR is set); plain text into a pipe or a file."""
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("NO_COLOR")


def _bold(text: str) -> str:
    return f"\x1b[1m{text}\x1b[0m"


def _as_is(text: str) -> str:
    return text


def _unquote(text: str) -> str:
    """A name as typed, without the quotes around it (``"Roger Ryberg"``, «Roger Ryberg»)."""
    text = " ".join(text.split())
    if len(text) >= 2 and text[0] in "\"“«'" and text[-1] in "\"”»'":
        text = text[1:-1].strip()
    return text


def run(app: App, *, user: str, channel: str, stdin: TextIO | None = None) -> None:
    stdin = stdin or sys.stdin
    console = Console(app, user=user, channel=channel)
    console.dispatching.start()  # reminders that fall due while the member types
    try:
        if stdin.isatty():
            console.run_interactive()
        else:
            console.run_script(stdin)
    finally:
        console.dispatching.stop()


def _satisfies_contract(console: Console) -> Adapter:
    return console  # mypy checks the console against the contract here
