"""`partnerbot outbox` shows which platform's dispatcher a row waits for."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import cli
from storage import outbox, schema
from storage.db import Database
from storage.models import Account, ChannelRef, Member, Network
from tests.conftest import sqlite_url


def test_the_listing_names_the_platform_a_row_waits_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = sqlite_url(tmp_path)
    db = Database.from_url(url)
    schema.upgrade(db)
    due = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    with db.transaction() as s:
        net = Network(name="Nettverk for kompetanse")
        ola = Member(accounts=[Account(platform="teams", external_id="29:ola")], name="Ola")
        s.add_all([net, ola])
        s.flush()
        s.add(ChannelRef(platform="teams", channel_id="19:t1", network=net))
        outbox.schedule(s, key="k1", kind="test", target=outbox.Target.member(ola.id), due_at=due)
        outbox.route_due(s, now=due)
        outbox.schedule(
            s,
            key="k2",
            kind="test",
            target=outbox.Target.network(net.id),
            due_at=due.replace(year=2030),
        )
        member_id, network_id = ola.id, net.id
    db.dispose()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", url)
    result = CliRunner().invoke(cli, ["outbox"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    # Routed when due: Teams' dispatcher sends it; not due yet: no platform yet.
    assert any(f"member:{member_id}@teams  k1" in line for line in lines), lines
    assert any(f"network:{network_id}  k2" in line for line in lines), lines
