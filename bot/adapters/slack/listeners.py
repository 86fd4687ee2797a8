"""The Bolt apps: every slash command, button, form and Home tab event is stored in the inbox
and committed, then acknowledged; a worker runs it after the ack (bot/inbox.py).

One Bolt AsyncApp for HTTP (through Bolt's Starlette adapter) and for Socket Mode (Bolt's
aiohttp Socket Mode adapter, in the web app's event loop): the same generic listeners; the
router decides what a command means."""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.blocks import ACTION_PREFIX
from bot.adapters.slack.client import respond
from bot.adapters.slack.forms import CALLBACK_ID
from bot.adapters.slack.handling import SlackBot
from bot.adapters.slack.intake import PLATFORM, Intake, member_of, request_key
from bot.i18n import t
from storage.db import is_unreachable

log = logging.getLogger(__name__)

COMMANDS = re.compile(r"^/.+")  # the five in the manifest, and any group a feature adds
ACTIONS = re.compile(rf"^{re.escape(ACTION_PREFIX)}\d+$")


class Storing:
    """Stores a request in the inbox before its ack. When the database cannot be reached
    and Slack gave a response_url, the member is told at once and the request is acked."""

    def __init__(self, bot: SlackBot, intake: Intake) -> None:
        self.bot, self.intake = bot, intake

    async def __call__(self, kind: Any, body: dict[str, Any], key: str | None = None) -> None:
        try:
            await self.intake.store_async(kind, body, key)
        except Exception as exc:
            if not is_unreachable(exc) or not body.get("response_url"):
                raise  # no ack: Slack shows its error (and retries an event)
            log.warning("database unreachable: a request was not taken; the member is told")
            await self._not_taken(kind, body)

    async def _not_taken(self, kind: Any, body: dict[str, Any]) -> None:
        """Said in the member's language as last seen (the database is down)."""
        bot = self.bot
        lang = bot.router.known_language(PLATFORM, member_of(kind, body)) or bot.settings.language
        message = {
            "response_type": "ephemeral",
            "replace_original": False,
            "text": t("error.database", lang),
        }
        await asyncio.to_thread(respond, str(body["response_url"]), message)


def build_async_app(
    bot: SlackBot, intake: Intake, client: AsyncWebClient, *, socket_mode: bool = False
) -> AsyncApp:
    """The front's Bolt app, for HTTP or (``socket_mode``: no signatures, the WebSocket is
    authenticated) Socket Mode. ``process_before_response``: the ack is the listener's
    return, after the row is committed. The token is checked at start (``run.check_token``);
    Bolt asks auth.test once more at the first request and keeps the answer."""
    bolt = AsyncApp(
        client=client,
        signing_secret=None if socket_mode else (bot.settings.slack_signing_secret or ""),
        request_verification_enabled=not socket_mode,
        process_before_response=True,
        logger=logging.getLogger("slack_bolt"),
    )

    store = Storing(bot, intake)

    async def on_command(ack: AsyncAck, body: dict[str, Any]) -> None:
        await store("command", body)
        await ack()

    async def on_click(ack: AsyncAck, body: dict[str, Any]) -> None:
        await store("click", body)
        await ack()

    async def on_form(ack: AsyncAck, body: dict[str, Any]) -> None:
        errors = await asyncio.to_thread(bot.form_errors, body)
        if errors:
            await ack(response_action="errors", errors=errors)
            return
        await store("submit", body)
        await ack()

    async def ignore_messages(event: dict[str, Any]) -> None:
        # The bot answers slash commands, not chat: its own posts, other bots' and people's
        # messages are all left alone.
        return None

    async def home_opened(ack: AsyncAck, event: dict[str, Any], body: dict[str, Any]) -> None:
        await store("home", event, request_key(body))
        await ack()

    async def on_error(error: Exception, body: dict[str, Any]) -> None:
        log.error("unhandled error in a Slack listener: %s", error, exc_info=error)

    bolt.command(COMMANDS)(on_command)
    bolt.action(ACTIONS)(on_click)
    bolt.view(CALLBACK_ID)(on_form)
    bolt.event("message")(ignore_messages)
    bolt.event("app_home_opened")(home_opened)
    bolt.error(on_error)
    return bolt
