"""Runs an ASGI app under uvicorn on a loopback port in a thread, for the length of a test."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn


def bound_socket() -> socket.socket:
    """A loopback socket with a port of its own, to know the URL before serving."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    return sock


def url_of(sock: socket.socket) -> str:
    return f"http://127.0.0.1:{sock.getsockname()[1]}"


@contextmanager
def serving(app: Any, sock: socket.socket | None = None) -> Iterator[str]:
    """Yields the base URL (http://127.0.0.1:PORT) once uvicorn listens."""
    sock = sock or bound_socket()
    config = uvicorn.Config(app, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    started = threading.Event()

    def run() -> None:
        server.run(sockets=[sock])

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    # uvicorn sets server.started once it accepts; wait on it without a fixed sleep.
    while not server.started and thread.is_alive():
        started.wait(0.01)
    try:
        yield url_of(sock)
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
