"""Slack profiles through users.info on the fake Slack: Slack's en-US (everyone's default)
tells no language; any other locale is kept for the router."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from slack_sdk import WebClient

from bot.adapters.slack.profiles import Profiles
from storage.db import Database
from tests.adapters.slack.fake import FakeSlack


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as f:
        yield f


@pytest.mark.parametrize(
    ("locale", "kept"), [("en-US", None), ("en-GB", "en-GB"), ("nb-NO", "nb-NO")]
)
def test_slacks_en_us_is_no_language_choice(
    fake: FakeSlack, db: Database, locale: str, kept: str | None
) -> None:
    fake.users["U1"] = {"real_name": "Kari Nordmann", "tz": "Europe/Oslo", "locale": locale}
    profiles = Profiles(WebClient(token="xoxb-t", base_url=fake.api_url), db)
    profile = profiles.for_user("U1", "kari")
    assert (profile.name, profile.locale) == ("Kari Nordmann", kept)
