"""The Bolt app: every slash command, button and form is acknowledged at once and handled
after the ack in the worker process (workers.py), so Slack gets its answer well within
3 seconds."""

from __future__ import annotations

import logging
import re
from typing import Any, Protocol

from slack_bolt import Ack, App

from bot.adapters.slack.blocks import ACTION_PREFIX
from bot.adapters.slack.forms import CALLBACK_ID
from bot.adapters.slack.handling import SlackBot
from bot.adapters.slack.workers import Kind

log = logging.getLogger(__name__)


class Work(Protocol):
    """Where acked requests go: the worker process (workers.WorkerProcess)."""

    def submit(self, kind: Kind, body: dict[str, Any]) -> None: ...


def build_bolt_app(
    bot: SlackBot, work: Work, *, socket_mode: bool = False, token_verification: bool = True
) -> App:
    """The Bolt app for ``bot``. With ``process_before_response=True`` a listener runs on
    the request thread; ours only ack and hand the parsed body to ``work`` (the worker
    process), so the ack goes back at once and the command runs after it. (Bolt's lazy
    listeners would run it in this process and deep-copy the request on the ack path.)
    ``bot`` here only checks forms before their ack."""
    settings = bot.settings
    bolt = App(
        client=bot.client,
        signing_secret=settings.slack_signing_secret or "",
        request_verification_enabled=not socket_mode,
        token_verification_enabled=token_verification,
        process_before_response=True,
        logger=logging.getLogger("slack_bolt"),
    )
    register(bolt, bot, work)
    return bolt


def register(bolt: App, bot: SlackBot, work: Work) -> None:
    """Generic listeners only: the router decides what a command means."""

    def on_command(ack: Ack, body: dict[str, Any]) -> None:
        ack()
        work.submit("command", body)

    def on_click(ack: Ack, body: dict[str, Any]) -> None:
        ack()
        work.submit("click", body)

    def on_form(ack: Ack, body: dict[str, Any]) -> None:
        errors = bot.form_errors(body)
        if errors:
            ack(response_action="errors", errors=errors)
            return
        ack()
        work.submit("submit", body)

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
        work.submit("home", event)  # events are acked by Bolt on return

    @bolt.error
    def on_error(error: Exception, body: dict[str, Any]) -> None:
        log.error("unhandled error in a Slack listener: %s", error, exc_info=error)
