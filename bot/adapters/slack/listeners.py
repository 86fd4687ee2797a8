"""The Bolt app: every slash command, button and form is acknowledged at once and handled
after the ack on a thread pool, so Slack gets its answer well within 3 seconds."""

from __future__ import annotations

import logging
import re
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any

from slack_bolt import Ack, App

from bot.adapters.slack.blocks import ACTION_PREFIX
from bot.adapters.slack.forms import CALLBACK_ID
from bot.adapters.slack.handling import SlackBot

log = logging.getLogger(__name__)

# Commands run after their ack on this many threads; more only fight over the GIL and,
# on SQLite, over the one write lock.
WORKERS = 4


def build_bolt_app(bot: SlackBot, *, socket_mode: bool = False,
                   token_verification: bool = True) -> App:
    """The Bolt app for ``bot``. With ``process_before_response=True`` a listener runs on
    the request thread; ours only ack and hand the parsed body to a small thread pool, so
    the ack goes back at once and the command runs after it. (Bolt's lazy listeners would
    do the same but deep-copy the request on the ack path and run the middleware again.)"""
    settings = bot.settings
    bolt = App(
        client=bot.client,
        signing_secret=settings.slack_signing_secret or "",
        request_verification_enabled=not socket_mode,
        token_verification_enabled=token_verification,
        process_before_response=True,
        logger=logging.getLogger("slack_bolt"),
    )
    register(bolt, bot, ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="slack-work"))
    return bolt


def register(bolt: App, bot: SlackBot, work: Executor) -> None:
    """Generic listeners only: the router decides what a command means."""

    def on_command(ack: Ack, body: dict[str, Any]) -> None:
        ack()
        work.submit(bot.on_command, body)

    def on_click(ack: Ack, body: dict[str, Any]) -> None:
        ack()
        work.submit(bot.on_click, body)

    def on_form(ack: Ack, body: dict[str, Any]) -> None:
        errors = bot.form_errors(body)
        if errors:
            ack(response_action="errors", errors=errors)
            return
        ack()
        work.submit(bot.on_submit, body)

    # Every slash command (the five in the manifest, and any group a feature adds).
    bolt.command(re.compile(r"^/.+"))(on_command)
    bolt.action(re.compile(rf"^{re.escape(ACTION_PREFIX)}\d+$"))(on_click)
    bolt.view(CALLBACK_ID)(on_form)

    @bolt.event("message")
    def ignore_messages(event: dict[str, Any]) -> None:
        # The bot answers slash commands, not chat: its own posts and other bots' posts
        # (subtype bot_message) and people's messages are all left alone.
        return None

    @bolt.event("app_home_opened")
    def home_opened(event: dict[str, Any]) -> None:
        work.submit(bot.on_home_opened, event)  # events are acked by Bolt on return

    @bolt.error
    def on_error(error: Exception, body: dict[str, Any]) -> None:
        log.error("unhandled error in a Slack listener: %s", error, exc_info=error)
