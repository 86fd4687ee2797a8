"""Which language a member, or a network's channel, is written to in: the one rule."""

from __future__ import annotations

from bot.config import Settings
from storage.models import Member, Network, Partnership


def chosen_language(own: str | None, partnership: Partnership | None, settings: Settings) -> str:
    """The person's own choice, then their partnership's, then PARTNERBOT_LANGUAGE."""
    if own:
        return own
    if partnership is not None and partnership.language:
        return partnership.language
    return settings.language


def member_language(member: Member, settings: Settings) -> str:
    return chosen_language(member.language, member.partnership, settings)


def network_language(network: Network, settings: Settings) -> str:
    """A network's channel is written to in its partnership's language."""
    return chosen_language(None, network.partnership, settings)


def command_language(member: Member, network: Network | None, settings: Settings) -> str:
    """A command is answered as ``member_language``; but a member who has chosen no
    language and is in no partnership yet, writing in a channel bound to a network, in
    that network's partnership's language (a newcomer in Vest-Telemarkrådet's channel
    reads nynorsk, not the bot's default)."""
    if member.language or member.partnership_id is not None or network is None:
        return member_language(member, settings)
    return network_language(network, settings)
