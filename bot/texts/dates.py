"""Texts for date and time understanding (bot.dates)."""

TEXTS: dict[str, dict[str, str]] = {}
