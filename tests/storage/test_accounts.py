"""Accounts in storage, on SQLite and PostgreSQL: one account per (platform, id), a message
to a person goes once to their first chat account's platform, and the dispatcher of that
platform sends it to that account's id."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bot.dispatcher import Dispatcher
from bot.messages import Reply
from bot.messenger import RecordingMessenger
from storage import outbox
from storage.accounts import find_member, new_member
from storage.db import Database
from storage.models import Account, Member, OutboxMessage, Person
from tests.conftest import make_settings

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def echo(session, row, now, lang):  # type: ignore[no-untyped-def]
    return Reply.text(row.key)


def test_an_account_belongs_to_one_person(any_db: Database) -> None:
    with any_db.transaction() as s:
        kari = new_member(s, "slack", "U1", name="Kari")
        kari.accounts.append(Account(platform="teams", external_id="aad-kari"))
    with any_db.transaction() as s:
        found = find_member(s, "teams", "aad-kari")
        assert found is not None and found.name == "Kari"
        assert find_member(s, "slack", "aad-kari") is None  # an id counts on its platform only
        assert Person is Member
    with pytest.raises(IntegrityError), any_db.transaction() as s:
        new_member(s, "slack", "U1", name="Kari igjen")
        s.flush()


def test_a_person_s_message_goes_once_to_their_first_chat_account(any_db: Database) -> None:
    with any_db.transaction() as s:
        ola = new_member(s, "web", "guest-1", name="Ola")  # answered a guest link first
        ola.accounts += [
            Account(platform="slack", external_id="U_OLA"),
            Account(platform="console", external_id="Ola"),
        ]
        s.flush()
        outbox.schedule(
            s,
            key="remind-ola",
            kind="test",
            target=outbox.Target.member(ola.id),
            due_at=T0,
        )
    with any_db.transaction() as s:
        assert outbox.route_due(s, now=T0, prefer=["console"]) == 1
    with any_db.transaction() as s:
        rows = s.scalars(select(OutboxMessage)).all()
        assert [(r.key, r.platform) for r in rows] == [("remind-ola", "slack")]

    settings = make_settings(str(any_db.engine.url))
    sent = {}
    for platform in ("console", "slack"):
        messenger = RecordingMessenger(platform)
        Dispatcher(any_db, settings, messenger, {"test": echo}, worker=platform).dispatch_due(T0)
        sent[platform] = [d.address for d, _ in messenger.sent]
    assert sent == {"console": [], "slack": ["U_OLA"]}
