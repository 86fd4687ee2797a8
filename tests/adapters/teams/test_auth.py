"""Every activity's JWT is checked over real HTTP: only the Bot Connector for this app and
tenant gets past /api/messages; everything else is 401 with no body and no traceback."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from starlette.applications import Starlette

from bot.adapters.teams.auth import KeyStore, TeamsAuth
from bot.adapters.teams.endpoint import MessagesEndpoint, routes
from tests.adapters.teams.fake_connector import FakeConnector
from tests.adapters.teams.server import serving
from tests.conftest import make_settings


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeConnector]:
    with FakeConnector() as f:
        yield f


@pytest.fixture
def front(
    fake: FakeConnector, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", fake.ca_file)
    settings = make_settings("sqlite://", **fake.env())
    accepted: list[dict[str, Any]] = []
    endpoint = MessagesEndpoint(TeamsAuth(settings), accepted.append)
    with serving(Starlette(routes=routes(endpoint))) as url:
        yield url + "/api/messages", accepted


def test_a_signed_activity_is_accepted(fake: FakeConnector, front: Any) -> None:
    url, accepted = front
    activity = fake.message("hjelp")
    status, _ = fake.post(url, activity)
    assert status == 200
    assert [a["id"] for a in accepted] == [activity["id"]]


def refused(fake: FakeConnector, front: Any, activity: dict[str, Any], token: Any) -> str:
    url, accepted = front
    status, body = fake.post(url, activity, token=token)
    assert status == 401
    assert accepted == []
    return body


def test_no_token_is_401(fake: FakeConnector, front: Any) -> None:
    assert refused(fake, front, fake.message("hjelp"), None) == ""


def test_garbage_token_is_401(fake: FakeConnector, front: Any) -> None:
    refused(fake, front, fake.message("hjelp"), "not.a.jwt")


def test_token_signed_by_another_key_is_401(fake: FakeConnector, front: Any) -> None:
    forger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    refused(fake, front, fake.message("hjelp"), fake.sign(key=forger))


@pytest.mark.parametrize(
    "claims",
    [
        {"aud": "someone-elses-app"},
        {"iss": "https://sts.example.org"},
        {"exp": 1_000_000_000, "iat": 999_990_000, "nbf": 999_990_000},
        {"serviceurl": "https://evil.example.org/"},
        {"serviceurl": None},
        {"tid": "another-tenant"},
    ],
    ids=["audience", "issuer", "expired", "service-url", "no-service-url", "tid-claim"],
)
def test_wrong_claims_are_401(fake: FakeConnector, front: Any, claims: dict[str, Any]) -> None:
    activity = fake.message("hjelp")
    refused(fake, front, activity, fake.sign(service_url=activity["serviceUrl"], **claims))


def test_activity_from_another_tenant_is_401(fake: FakeConnector, front: Any) -> None:
    refused(fake, front, fake.message("hjelp", tenant="another-tenant"), True)


def test_key_not_endorsed_for_the_channel_is_401(fake: FakeConnector, front: Any) -> None:
    activity = fake.message("hjelp")
    activity["channelId"] = "webchat"
    refused(fake, front, activity, True)


def test_refusals_log_no_traceback(
    fake: FakeConnector, front: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    refused(fake, front, fake.message("hjelp"), None)
    refused(fake, front, fake.message("hjelp"), "Bearer.x.y")
    assert not [r for r in caplog.records if r.exc_info]
    assert any("401" in r.getMessage() for r in caplog.records)


def test_bad_json_is_400(fake: FakeConnector, front: Any) -> None:
    import requests

    url, accepted = front
    resp = requests.post(url, data=b"{nope", headers={"Authorization": "Bearer x"}, timeout=10)
    assert resp.status_code == 400
    assert accepted == []


def test_keys_are_fetched_once_and_kept(fake: FakeConnector, monkeypatch: Any) -> None:
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", fake.ca_file)
    settings = make_settings("sqlite://", **fake.env())
    fetched: list[str] = []
    store = KeyStore(settings.microsoft_openid_metadata_url)
    original = store.http.get

    def counting_get(url: str, **kw: Any) -> Any:
        fetched.append(url)
        return original(url, **kw)

    monkeypatch.setattr(store.http, "get", counting_get)
    auth = TeamsAuth(settings, keys=store)
    for _ in range(3):
        activity = fake.message("hjelp")
        auth.verify("Bearer " + fake.sign(), activity)
    assert len(fetched) == 2  # the metadata and the key set, once
