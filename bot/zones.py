"""Which time zone a member's command, or an outbox row, is read and shown in: the one
rule, falling back to PARTNERBOT_TIMEZONE."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.messages import Command
from storage.models import Member, OutboxMessage


def zone_named(name: object, default: ZoneInfo) -> ZoneInfo:
    """The zone called ``name``; ``default`` for none or an unknown one."""
    try:
        return ZoneInfo(str(name)) if name else default
    except (KeyError, ValueError):
        return default


def member_zone(member: Member, command: Command, settings: Settings) -> ZoneInfo:
    """The member's own zone, then the one their platform sent, then the bot's."""
    return zone_named(member.timezone, zone_named(command.timezone, settings.tz))


def row_zone(row: OutboxMessage, settings: Settings) -> ZoneInfo:
    """The zone recorded in the row when it was scheduled, then the bot's."""
    return zone_named((row.payload or {}).get("tz"), settings.tz)
