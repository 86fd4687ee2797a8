"""The connector client and the outbox messenger against the fake Bot Connector: tokens,
temporary and permanent errors, Retry-After, and Teams' rate limits."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from bot.adapters.teams.connector import Connector, ConnectorError, TokenSource
from bot.adapters.teams.messenger import TeamsMessenger
from bot.adapters.teams.posting import Poster
from bot.adapters.teams.ratelimit import ConversationLimits
from bot.messages import Reply
from bot.messenger import Destination, PermanentError, TemporaryError
from storage.db import Database
from storage.models import TeamsConversation, TeamsPerson
from tests.adapters.teams.fake_connector import FakeConnector
from tests.conftest import make_settings

CONV = "19:infra@thread.tacv2"


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeConnector]:
    with FakeConnector() as f:
        yield f


@pytest.fixture
def tokens(fake: FakeConnector, monkeypatch: pytest.MonkeyPatch) -> TokenSource:
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", fake.ca_file)
    return TokenSource(make_settings("sqlite://", **fake.env()))


def test_token_comes_from_the_authority_with_the_app_credentials(
    fake: FakeConnector, tokens: TokenSource
) -> None:
    token = tokens.token()
    assert token in fake.tokens
    assert tokens.token() == token  # MSAL keeps it until it expires


def test_a_wrong_password_is_a_permanent_error(
    fake: FakeConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", fake.ca_file)
    env = {**fake.env(), "MICROSOFT_APP_PASSWORD": "wrong"}
    with pytest.raises(ConnectorError) as err:
        TokenSource(make_settings("sqlite://", **env)).token()
    assert not err.value.temporary


def test_interactive_calls_wait_out_a_429(fake: FakeConnector, tokens: TokenSource) -> None:
    waited: list[float] = []
    connector = Connector(tokens, retries=2, sleep=waited.append)
    fake.fail_next("send", status=429, retry_after=1.5)
    activity_id = connector.send(fake.service_url, CONV, {"type": "message", "text": "hei"})
    assert activity_id.startswith("out-")
    assert waited == [1.5]


@pytest.mark.parametrize("status", [412, 429, 502, 504])
def test_outbox_calls_report_temporary_errors(
    fake: FakeConnector, tokens: TokenSource, status: int
) -> None:
    connector = Connector(tokens)
    fake.fail_next("send", status=status, retry_after=7 if status == 429 else None)
    with pytest.raises(ConnectorError) as err:
        connector.send(fake.service_url, CONV, {"type": "message", "text": "hei"})
    assert err.value.temporary and err.value.status == status
    assert err.value.retry_after == (7 if status == 429 else None)


def test_forbidden_is_permanent(fake: FakeConnector, tokens: TokenSource) -> None:
    fake.fail_next("send", status=403, retry_after=None)
    with pytest.raises(ConnectorError) as err:
        Connector(tokens, retries=3).send(fake.service_url, CONV, {"type": "message"})
    assert not err.value.temporary


def messenger(
    db: Database, fake: FakeConnector, tokens: TokenSource, limits: ConversationLimits
) -> TeamsMessenger:
    with db.transaction() as s:
        s.add(
            TeamsConversation(
                conversation_id=CONV,
                kind="channel",
                service_url=fake.service_url,
                tenant_id=fake.tenant_id,
                bot_id=fake.bot_id,
                updated_at=datetime.now(UTC),
            )
        )
        s.add(
            TeamsPerson(
                aad_object_id="aad-siri",
                user_id="29:siri",
                service_url=fake.service_url,
                tenant_id=fake.tenant_id,
                bot_id=fake.bot_id,
                updated_at=datetime.now(UTC),
            )
        )
    return TeamsMessenger(Poster(Connector(tokens), db, limits))


def test_messenger_maps_errors_for_the_outbox(
    db: Database, fake: FakeConnector, tokens: TokenSource
) -> None:
    m = messenger(db, fake, tokens, ConversationLimits())
    channel = Destination("channel", CONV, "#infra")
    fake.fail_next("send", status=429, retry_after=3)
    with pytest.raises(TemporaryError) as temporary:
        m.send(channel, Reply.text("Påminnelse"))
    assert temporary.value.retry_after == 3
    fake.fail_next("send", status=404, retry_after=None)
    with pytest.raises(PermanentError):
        m.send(channel, Reply.text("Påminnelse"))
    with pytest.raises(PermanentError, match="unknown"):
        m.send(Destination("channel", "19:never@thread.tacv2", "#x"), Reply.text("x"))


def test_a_member_never_written_to_gets_a_new_personal_chat_once(
    db: Database, fake: FakeConnector, tokens: TokenSource
) -> None:
    m = messenger(db, fake, tokens, ConversationLimits())
    siri = Destination("member", "aad-siri", "Siri")
    m.send(siri, Reply.text("Du har fått plass"))
    m.send(siri, Reply.text("Påminnelse"))
    creates = [c for c in fake.sent("create") if c.body["members"] == [{"id": "29:siri"}]]
    assert len(creates) == 1
    assert creates[0].body["tenantId"] == fake.tenant_id
    sent = [c for c in fake.sent("send") if c.conversation == "a:personal-siri"]
    assert [c.text for c in sent] == ["Du har fått plass", "Påminnelse"]


def test_the_messenger_keeps_to_sixty_in_thirty_seconds(
    db: Database, fake: FakeConnector, tokens: TokenSource
) -> None:
    now = [0.0]
    limits = ConversationLimits(clock=lambda: now[0])
    m = messenger(db, fake, tokens, limits)
    channel = Destination("channel", CONV, "#infra")
    before = len(fake.sent("send"))
    for n in range(60):
        m.send(channel, Reply.text(f"melding {n}"))
        now[0] += 0.2
    with pytest.raises(TemporaryError) as err:
        m.send(channel, Reply.text("melding 61"))
    assert err.value.retry_after is not None and err.value.retry_after > 10
    assert len(fake.sent("send")) - before == 60  # the 61st never reached Teams
