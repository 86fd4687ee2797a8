"""One driver per adapter for the contract suite: the adapter itself (its contract
methods), and the platform around it as the member sees it. Commands come in through the
adapter's real front: the console's input, signed HTTP into the Slack endpoint of the web
app, activities with Bot Framework JWTs into /api/messages; what the adapter sends is read
back from the fake Slack Web API and the fake Bot Connector on loopback."""

from __future__ import annotations

import io
import json
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pytest

from bot import demo
from bot.adapters.console import Console
from bot.adapters.contract import Adapter
from bot.adapters.slack.intake import Intake
from bot.adapters.slack.run import SlackRuntime, http_routes
from bot.adapters.teams.run import TeamsRuntime
from bot.app import App
from bot.scheduler import DispatchLoop
from bot.web.app import build_web_app
from storage.models import Base
from tests.adapters.slack import requests as slack_requests
from tests.adapters.slack.fake import Call, FakeSlack
from tests.adapters.teams.fake_connector import Call as TeamsCall
from tests.adapters.teams.fake_connector import FakeConnector
from tests.adapters.teams.server import bound_socket, serving, url_of
from tests.conftest import DemoTemplate, make_settings, sqlite_database, sqlite_url

TEAMS_CHANNEL = "19:infra@thread.tacv2"
SLACK_CHANNEL = "C_INFRA"


@dataclass(frozen=True)
class Received:
    """One message the member got: its text, whether only they saw it, and everything the
    platform received for it (to look for live markup)."""

    text: str
    private: bool
    raw: str


class Driver(Protocol):
    adapter: Adapter
    channel: str  # where the member writes and the adapter may post

    def command(self, typed: str, *, containing: str = "") -> Received: ...

    def shown(self, posted: tuple[str, str]) -> str:
        """What the posted message shows now (after updates)."""
        ...

    def last_text(self) -> str:
        """The text of the last message the platform got."""
        ...

    def file_arrived(self, name: str) -> bytes: ...

    def fetch(self, link: str) -> bytes: ...

    def person(self, external_id: str, name: str, locale: str, timezone: str) -> None:
        """Someone the platform knows, with a name, locale and time zone."""
        ...

    def assert_inert(self, received: Received) -> None:
        """The injected markup arrived as text: no ping, no mention, no terminal control."""
        ...


class ConsoleDriver:
    def __init__(self, app: App) -> None:
        self.out = io.StringIO()
        self.console = Console(app, user="Ingrid Berg", channel="#infrastruktur", out=self.out)
        self.adapter: Adapter = self.console
        self.channel = "#infrastruktur"

    def command(self, typed: str, *, containing: str = "") -> Received:
        start = len(self.out.getvalue())
        self.console.run_script(io.StringIO("/" + typed.lstrip("/") + "\n"))
        printed = self.out.getvalue()[start:]
        assert containing in printed, printed
        return Received(printed, private=False, raw=printed)

    def shown(self, posted: tuple[str, str]) -> str:
        raise AssertionError("the console declares no card updates")

    def last_text(self) -> str:
        return self.out.getvalue().rstrip("\n").rsplit("\n", 1)[-1]

    def file_arrived(self, name: str) -> bytes:
        raise AssertionError("the console declares no attached files")

    def fetch(self, link: str) -> bytes:
        return Path(link).read_bytes()

    def person(self, external_id: str, name: str, locale: str, timezone: str) -> None:
        self.console.execute(f'/som ny "{name}"')
        self.console.execute(f"/partnerbot språk {locale[:2]}")
        self.console.user = "Ingrid Berg"

    def assert_inert(self, received: Received) -> None:
        assert "\x1b" not in received.raw


class SlackDriver:
    def __init__(self, runtime: SlackRuntime, fake: FakeSlack, url: str) -> None:
        self.adapter: Adapter = runtime.bot
        self.fake = fake
        self.url = url
        self.channel = SLACK_CHANNEL

    def command(self, typed: str, *, containing: str = "") -> Received:
        word, _, rest = typed.lstrip("/").partition(" ")
        before = len(self.fake.calls())
        body = slack_requests.slash_body(
            rest,
            command=f"/{word}",
            channel_id=SLACK_CHANNEL,
            response_url=self.fake.response_url(),
        )
        assert slack_requests.post(self.url + "/slack/events", body).status == 200
        call = first_call(self.fake, before, containing)
        private = call.method == "chat.postEphemeral" or (
            call.method == "response_url" and call.body.get("response_type") != "in_channel"
        )
        return Received(call.text, private, json.dumps(call.body, ensure_ascii=False))

    def shown(self, posted: tuple[str, str]) -> str:
        updates = [c for c in self.fake.calls("chat.update") if c.body.get("ts") == posted[1]]
        return updates[-1].text if updates else ""

    def last_text(self) -> str:
        kinds = ("response_url", "chat.postMessage", "chat.postEphemeral")
        return [c for c in self.fake.calls() if c.method in kinds][-1].text

    def file_arrived(self, name: str) -> bytes:
        done = self.fake.wait_for("files.completeUploadExternal", lambda c: name in str(c.body))
        assert done and done[0].body.get("channel_id") == SLACK_CHANNEL
        return b"".join(c.data for c in self.fake.calls("upload"))

    def fetch(self, link: str) -> bytes:
        raise AssertionError("Slack attaches files")

    def person(self, external_id: str, name: str, locale: str, timezone: str) -> None:
        self.fake.users[external_id] = {"real_name": name, "tz": timezone, "locale": locale}

    def assert_inert(self, received: Received) -> None:
        for live in ("<!", "<@", "<#", "<http", "\x1b"):
            assert live not in received.raw, received.raw
        assert "&lt;!channel&gt;" in received.raw


def first_call(fake: FakeSlack, before: int, containing: str) -> Call:
    """The first answer (response_url, post or ephemeral post) after call ``before`` that
    contains ``containing``; waits on the fake's condition, notified at each call."""
    kinds = ("response_url", "chat.postMessage", "chat.postEphemeral")

    def hits(calls: list[Call]) -> list[Call]:
        return [
            c
            for c in calls[before:]
            if c.method in kinds and containing in json.dumps(c.body, ensure_ascii=False)
        ]

    with fake._changed:  # its lock: read its list of calls directly
        if not fake._changed.wait_for(lambda: bool(hits(fake._calls)), timeout=15):
            seen = [c.method for c in fake._calls[before:]]
            raise AssertionError(f"no answer with {containing!r} arrived; calls: {seen}")
    return hits(fake.calls())[0]


class TeamsDriver:
    def __init__(self, runtime: TeamsRuntime, fake: FakeConnector, url: str) -> None:
        self.adapter: Adapter = runtime.bot
        self.fake = fake
        self.url = url
        self.channel = TEAMS_CHANNEL

    def command(self, typed: str, *, containing: str = "") -> Received:
        before = len(self.fake.sent())
        activity = self.fake.channel_message(typed.lstrip("/"), user="ingrid", name="Ingrid Berg")
        status, body = self.fake.post(self.url + "/api/messages", activity)
        assert status == 200, (status, body)
        fake = self.fake

        def hits() -> list[TeamsCall]:
            return [
                c
                for c in fake.calls[before:]
                if c.kind in ("send", "reply") and containing in c.text
            ]

        with fake._cond:  # notified at each call it records
            if not fake._cond.wait_for(lambda: bool(hits()), timeout=15):
                raise AssertionError(f"no answer with {containing!r}: {fake.calls[before:]}")
            call = hits()[0]
        return Received(call.text, private=False, raw=json.dumps(call.body, ensure_ascii=False))

    def shown(self, posted: tuple[str, str]) -> str:
        updates = [c for c in self.fake.sent("update") if c.activity_id == posted[1]]
        return updates[-1].text if updates else ""

    def last_text(self) -> str:
        return [c for c in self.fake.sent() if c.kind in ("send", "reply")][-1].text

    def file_arrived(self, name: str) -> bytes:
        raise AssertionError("Teams declares no attached files")

    def fetch(self, link: str) -> bytes:
        with urllib.request.urlopen(link, timeout=10) as resp:  # noqa: S310 (loopback)
            return bytes(resp.read())

    def person(self, external_id: str, name: str, locale: str, timezone: str) -> None:
        user = external_id.removeprefix("aad-")
        activity = self.fake.message(
            "partnerbot meg", user=user, name=name, locale=locale, timezone=timezone
        )
        status, _ = self.fake.post(self.url + "/api/messages", activity)
        assert status == 200
        self.fake.wait_for("send", lambda c: c.conversation == f"a:personal-{user}")

    def assert_inert(self, received: Received) -> None:
        body = json.loads(received.raw)
        assert "<at>" not in str(body.get("text") or ""), body
        assert not [e for e in body.get("entities") or [] if e.get("type") == "mention"]
        assert "\x1b" not in received.raw


@contextmanager
def driver_for(
    platform: str, tmp_path: Path, demo_template: DemoTemplate | None = None
) -> Iterator[Driver]:
    """The ``platform``'s driver on a bot with the demo (copied from ``demo_template``)."""
    with ExitStack() as stack:
        connector = stack.enter_context(FakeConnector())
        fake_slack = stack.enter_context(FakeSlack())
        monkeypatch = stack.enter_context(pytest.MonkeyPatch.context())
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", connector.ca_file)
        sock = bound_socket()
        settings = make_settings(
            sqlite_url(tmp_path),
            PARTNERBOT_ADMINS="aad-ingrid,U_ADMIN,Ingrid Berg",
            PARTNERBOT_PUBLIC_URL=url_of(sock),
            PARTNERBOT_FILES_DIR=str(tmp_path / "files"),
            SLACK_BOT_TOKEN="xoxb-test",
            SLACK_SIGNING_SECRET=slack_requests.SECRET,
            SLACK_API_URL=fake_slack.api_url,
            **connector.env(),
        )
        db = sqlite_database(settings.database_url)
        stack.callback(db.dispose)
        Base.metadata.create_all(db.engine)
        if demo_template is None:
            demo.load(db, settings)
        else:
            demo_template.load_into(db, settings)
        app = App.build(settings, db)
        if platform == "console":
            yield ConsoleDriver(app)
            return
        dispatching = DispatchLoop(app)
        if platform == "slack":
            slack = SlackRuntime(app, dispatching)
            slack.start()
            stack.callback(slack.stop)
            routes = http_routes(slack.bot, Intake(db, slack.worker.wake))
        else:
            teams = TeamsRuntime(app, dispatching)
            teams.start()
            stack.callback(teams.stop)
            routes = teams.routes()
        dispatching.start()
        stack.callback(dispatching.stop)
        url = stack.enter_context(serving(build_web_app(db, routes), sock))
        yield (
            SlackDriver(slack, fake_slack, url)
            if platform == "slack"
            else TeamsDriver(teams, connector, url)
        )
