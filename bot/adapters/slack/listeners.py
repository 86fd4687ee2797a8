"""The Bolt apps: every slash command, button, form and Home tab event is stored in the inbox
and committed, then acknowledged; a worker runs it after the ack (bot/inbox.py).

HTTP uses Bolt's AsyncApp on the web app (its listeners store the request on a thread, so
the event loop keeps answering); Socket Mode uses Bolt's App on Bolt's Socket Mode adapter.
Both register the same generic listeners: the router decides what a command means."""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

from slack_bolt import Ack, App
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk import WebClient
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.blocks import ACTION_PREFIX
from bot.adapters.slack.forms import CALLBACK_ID
from bot.adapters.slack.handling import SlackBot
from bot.adapters.slack.intake import Intake, request_key

log = logging.getLogger(__name__)

COMMANDS = re.compile(r"^/.+")  # the five in the manifest, and any group a feature adds
ACTIONS = re.compile(rf"^{re.escape(ACTION_PREFIX)}\d+$")


def build_async_app(bot: SlackBot, intake: Intake, client: AsyncWebClient) -> AsyncApp:
    """The HTTP front's Bolt app. ``process_before_response``: the ack is the listener's
    return, after the row is committed. The token is checked at start (``run.check_token``);
    Bolt asks auth.test once more at the first request and keeps the answer."""
    bolt = AsyncApp(
        client=client,
        signing_secret=bot.settings.slack_signing_secret or "",
        process_before_response=True,
        logger=logging.getLogger("slack_bolt"),
    )

    async def store(kind: Any, body: dict[str, Any], key: str | None = None) -> None:
        await intake.store_async(kind, body, key)

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


def build_socket_app(bot: SlackBot, intake: Intake, client: WebClient) -> App:
    """The Socket Mode front's Bolt app (no signatures: the WebSocket is authenticated)."""
    bolt = App(
        client=client,
        request_verification_enabled=False,
        token_verification_enabled=False,
        process_before_response=True,
        logger=logging.getLogger("slack_bolt"),
    )

    def on_command(ack: Ack, body: dict[str, Any]) -> None:
        intake.store("command", body)
        ack()

    def on_click(ack: Ack, body: dict[str, Any]) -> None:
        intake.store("click", body)
        ack()

    def on_form(ack: Ack, body: dict[str, Any]) -> None:
        errors = bot.form_errors(body)
        if errors:
            ack(response_action="errors", errors=errors)
            return
        intake.store("submit", body)
        ack()

    def ignore_messages(event: dict[str, Any]) -> None:
        return None

    def home_opened(ack: Ack, event: dict[str, Any], body: dict[str, Any]) -> None:
        intake.store("home", event, request_key(body))
        ack()

    def on_error(error: Exception, body: dict[str, Any]) -> None:
        log.error("unhandled error in a Slack listener: %s", error, exc_info=error)

    bolt.command(COMMANDS)(on_command)
    bolt.action(ACTIONS)(on_click)
    bolt.view(CALLBACK_ID)(on_form)
    bolt.event("message")(ignore_messages)
    bolt.event("app_home_opened")(home_opened)
    bolt.error(on_error)
    return bolt
