"""Socket Mode: Bolt's aiohttp Socket Mode adapter on the front's AsyncApp, connected in
the web app's event loop (Starlette lifespan) and closed when the web app stops."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
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
        await handler.connect_async()
        try:
            yield
        finally:
            await handler.close_async()

    return connected
