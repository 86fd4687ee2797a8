"""The time now for what runs on its own (ticks, commands, the outbox): the real clock, or
in tests a clock they move.

``PARTNERBOT_TEST_CLOCK`` names a file that holds an offset in seconds. Only tests set it:
with it, ``now()`` is the real time plus the offset in that file, read again whenever the
file changed, so a test moves a running bot's time by writing the file ("the reminder 2
minutes before the deadline" then takes a second, not two minutes). Without it, ``now()``
is the real time.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

VARIABLE = "PARTNERBOT_TEST_CLOCK"


# The last offset read: (path, the file's identity), offset. A file whose identity (inode,
# size, modification time) is unchanged is not read again, unless it changed so recently
# that a second change within the timestamp's granularity could keep its identity (as git
# treats "racily clean" files).
_cached: tuple[tuple[str, int, int, int], timedelta] | None = None
SETTLED_NS = 2_000_000_000


def offset() -> timedelta:
    """How far the test clock is ahead of the real one (zero without a test clock)."""
    global _cached
    path = os.environ.get(VARIABLE)
    if not path:
        return timedelta(0)
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return timedelta(0)
    identity = (path, stat.st_ino, stat.st_size, stat.st_mtime_ns)
    cached = _cached
    if cached is not None and cached[0] == identity:
        return cached[1]
    found = _read(Path(path))
    if found is not None and time.time_ns() - stat.st_mtime_ns > SETTLED_NS:
        _cached = (identity, found)
    return found or timedelta(0)


def _read(path: Path) -> timedelta | None:
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None
    # A test writes the whole number at once; a half-written file reads as no move yet.
    try:
        return timedelta(seconds=float(text or 0))
    except ValueError:
        return None


def now() -> datetime:
    """The time now, in UTC (moved by a test clock when one is set)."""
    return datetime.now(UTC) + offset()


def in_use() -> bool:
    return bool(os.environ.get(VARIABLE))


def move(path: Path, by: timedelta) -> None:
    """Move the test clock in ``path`` forward by ``by`` (tests only), atomically."""
    current = float(path.read_text(encoding="ascii") or 0) if path.exists() else 0.0
    tmp = path.with_suffix(".tmp")
    tmp.write_text(str(current + by.total_seconds()), encoding="ascii")
    tmp.replace(path)
