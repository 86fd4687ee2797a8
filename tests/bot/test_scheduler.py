"""The ticker: a failed tick is logged and later ticks still run; an unreachable database
is one warning line per tick, not a traceback (a 30 s outage would be 4,000 log lines)."""

from __future__ import annotations

import logging
from datetime import datetime

import pytest
from sqlalchemy.exc import OperationalError

from bot.scheduler import Ticker


def test_a_database_outage_is_one_line_per_tick(caplog: pytest.LogCaptureFixture) -> None:
    def tick(now: datetime) -> None:
        raise OperationalError("BEGIN", None, ConnectionRefusedError("connection refused"))

    ticker = Ticker(tick, 60)
    with caplog.at_level(logging.WARNING):
        ticker._run()
        ticker._run()
    assert len(caplog.records) == 2
    assert all(r.exc_info is None and "database" in r.getMessage() for r in caplog.records)


def test_a_bug_in_a_tick_is_logged_with_its_traceback(caplog: pytest.LogCaptureFixture) -> None:
    def tick(now: datetime) -> None:
        raise KeyError("bug")

    with caplog.at_level(logging.WARNING):
        Ticker(tick, 60)._run()
    assert [r.exc_info is not None for r in caplog.records] == [True]
