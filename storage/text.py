"""Text helpers with no database in them, for storage and the layers above alike."""

from __future__ import annotations


def cut_visibly(text: str, limit: int) -> str:
    """``text`` if it fits in ``limit`` characters, else its start and "…" in ``limit``: a
    name the platform gives is cut so that the cut shows (one a member types is refused)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
