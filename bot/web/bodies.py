"""Request bodies read within a size and a time, the one way every endpoint that takes a
body reads it (Slack's events, Teams' activities, the guest pages' forms): a body past the
limit is refused as soon as it shows (its Content-Length, else while it streams), never
read whole into memory first; a client that sends its headers and then stalls is given up
on after ``seconds``, costing a coroutine meanwhile, not a thread."""

from __future__ import annotations

import asyncio

from starlette.requests import Request

# A client that sends its headers and then stalls is answered 408 after this long, on
# every endpoint that takes a body.
BODY_SECONDS = 10.0


class TooLarge(Exception):
    pass


async def read_body(request: Request, limit: int, seconds: float) -> bytes:
    """The whole body, at most ``limit`` bytes: TooLarge past that, TimeoutError when it
    is not sent within ``seconds``. Later reads (``request.body()``, ``request.form()``)
    get these bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooLarge
    chunks: list[bytes] = []
    size = 0
    async with asyncio.timeout(seconds):
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise TooLarge
            chunks.append(chunk)
    body = b"".join(chunks)
    request._body = body
    return body
