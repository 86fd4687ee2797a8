"""Fixtures for Slack tests: a fake Slack and a `partnerbot slack` process per module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.adapters.slack.fake import FakeSlack
from tests.adapters.slack.process import SlackBotProcess, start_slack_bot


@pytest.fixture(scope="module")
def fake_slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


@pytest.fixture(scope="module")
def slack_bot(
    fake_slack: FakeSlack, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SlackBotProcess]:
    """`partnerbot slack` with the app's own FEATURES, demo loaded, U_ADMIN an admin.
    A module that needs test-only features starts its own with start_slack_bot(features=...)."""
    bot = start_slack_bot(tmp_path_factory.mktemp("slack"), fake_slack)
    yield bot
    bot.stop()
