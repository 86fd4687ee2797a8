"""`partnerbot serve` with no chat platform: the pages alone, as a real process."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from bot.app import App
from handlers import web_links
from storage import schema
from storage.db import Database
from storage.models import Account, Member
from tests.conftest import make_settings, sqlite_url

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_ready(proc: subprocess.Popen[str], client: httpx.Client) -> None:
    """Until the process answers /readyz (up to 120 s, as the Slack tests wait), or dies."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(proc.stdout.read() if proc.stdout else "exited")
        try:
            if client.get("/readyz").status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.05)  # the port is not open yet: nothing to wait on but the clock
    raise AssertionError("partnerbot serve did not answer in 120 s")


def test_serve_without_slack_serves_the_pages(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path)
    db = Database.from_url(url)
    schema.upgrade(db)
    App.build(make_settings(url), db)
    with db.transaction() as s:
        member = Member(accounts=[Account(platform="console", external_id="Kari")], name="Kari")
        s.add(member)
        s.flush()
        token = web_links.create(
            s, web_links.FEED, now=datetime.now(UTC), member_id=member.id, shown_again=True
        )
    db.dispose()
    port = free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "PARTNERBOT_", "DATABASE_"))
    }
    env.update(DATABASE_URL=url, PARTNERBOT_PUBLIC_URL="https://pb.example.no")
    partnerbot = Path(sys.executable).with_name("partnerbot")
    proc = subprocess.Popen(
        [str(partnerbot), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=5) as client:
            wait_until_ready(proc, client)
            feed = client.get(f"/kalender/{token}.ics")
            assert feed.status_code == 200 and b"BEGIN:VCALENDAR" in feed.content
            missing = client.get("/m/not-a-token")
            assert missing.status_code == 404 and 'lang="nb"' in missing.text
            assert client.post("/slack/events").status_code in (404, 405)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
