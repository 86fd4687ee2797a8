"""Socket Mode: Bolt's aiohttp Socket Mode adapter on the front's AsyncApp, connecting in
the web app's event loop once it starts (Starlette lifespan) and closed when it stops."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager, suppress
from typing import Any

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp

log = logging.getLogger(__name__)

PING_SECONDS = 5  # a connection gone without a close frame is noticed within about this


def lifespan(bolt: AsyncApp, app_token: str) -> Callable[[Any], AbstractAsyncContextManager[None]]:
    """Connect when the web app starts, close when it stops."""

    @asynccontextmanager
    async def connected(_app: Any) -> AsyncIterator[None]:
        handler = AsyncSocketModeHandler(bolt, app_token, ping_interval=PING_SECONDS)
        log.warning("partnerbot: Slack Socket Mode: connecting")
        # In the background: slack_sdk retries a failed connection every PING_SECONDS, and
        # start-up awaited here would keep SIGTERM waiting for those retries.
        connecting = asyncio.create_task(handler.connect_async())
        try:
            yield
        finally:
            connecting.cancel()
            with suppress(asyncio.CancelledError):
                await connecting
            await handler.close_async()

    return connected
