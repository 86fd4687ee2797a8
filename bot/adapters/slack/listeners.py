"""The Bolt app: every slash command, button and form is acknowledged at once and handled
after the ack (lazy listeners), so Slack gets its answer well within 3 seconds."""

from __future__ import annotations

import logging
import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import Ack, App

from bot.adapters.slack.blocks import ACTION_PREFIX
from bot.adapters.slack.forms import CALLBACK_ID
from bot.adapters.slack.handling import SlackBot

log = logging.getLogger(__name__)

WORKERS = 16


def build_bolt_app(bot: SlackBot, *, socket_mode: bool = False,
                   token_verification: bool = True) -> App:
    """The Bolt app for ``bot``. ``process_before_response=True`` only means the ack function
    runs on the request thread and returns at once; the work runs in lazy listeners on a
    thread pool afterwards (the pattern Slack recommends for acks within 3 seconds)."""
    settings = bot.settings
    bolt = App(
        client=bot.client,
        signing_secret=settings.slack_signing_secret or "",
        request_verification_enabled=not socket_mode,
        token_verification_enabled=token_verification,
        process_before_response=True,
        listener_executor=ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="slack"),
        logger=logging.getLogger("slack_bolt"),
    )
    register(bolt, bot)
    return bolt


def ack_now(ack: Ack) -> None:
    ack()


def register(bolt: App, bot: SlackBot) -> None:
    """Generic listeners only: the router decides what a command means."""

    def run_command(body: dict[str, Any]) -> None:
        bot.on_command(body)

    def run_click(body: dict[str, Any]) -> None:
        bot.on_click(body)

    def check_form(ack: Ack, body: dict[str, Any]) -> None:
        errors = bot.form_errors(body)
        if errors:
            ack(response_action="errors", errors=errors)
        else:
            ack()

    def run_form(body: dict[str, Any]) -> None:
        bot.on_submit(body)

    # Every slash command (the five in the manifest, and any group a feature adds).
    bolt.command(re.compile(r"^/.+"))(ack=ack_now, lazy=[run_command])
    bolt.action(re.compile(rf"^{re.escape(ACTION_PREFIX)}\d+$"))(ack=ack_now, lazy=[run_click])
    bolt.view(CALLBACK_ID)(ack=check_form, lazy=[run_form])

    @bolt.event("message")
    def ignore_messages(event: dict[str, Any]) -> None:
        # The bot answers slash commands, not chat: its own posts and other bots' posts
        # (subtype bot_message) and people's messages are all left alone.
        return None

    @bolt.event("app_home_opened")
    def home_opened(event: dict[str, Any]) -> None:
        return None  # the home tab is issue 10's

    @bolt.error
    def on_error(error: Exception, body: dict[str, Any]) -> None:
        log.error("unhandled error in a Slack listener: %s", error, exc_info=error)
