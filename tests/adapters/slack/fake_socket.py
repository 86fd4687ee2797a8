"""A fake Slack Socket Mode server on loopback: RFC 6455 WebSockets with the standard library.

    with FakeSlack() as fake, FakeSocketMode(fake) as sm:
        ... start the bot with SLACK_APP_TOKEN=xapp-... and SLACK_API_URL=fake.api_url ...
        sm.wait_connected()
        envelope_id = sm.command("/partnerbot hjelp", response_url=fake.response_url("r1"))
        ack = sm.wait_ack(envelope_id)

It answers FakeSlack's apps.connections.open (app-level tokens only, like Slack) with a
one-time ws:// URL, says hello on connect, pushes envelopes to the newest connection, answers
pings, and records every ack (``{"envelope_id": ..., "payload": ...}``) the bot sends back.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from tests.adapters.slack import requests as rq
from tests.adapters.slack.fake import Call, FakeSlack

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
TEXT, CLOSE, PING, PONG = 0x1, 0x8, 0x9, 0xA


def accept_key(key: str) -> str:
    return base64.b64encode(hashlib.sha1((key + GUID).encode()).digest()).decode()


@dataclass
class Ack:
    envelope_id: str
    payload: dict[str, Any] | None
    connection: int
    at: float = field(default_factory=time.monotonic)


@dataclass
class Sent:
    envelope: dict[str, Any]
    connection: int
    at: float = field(default_factory=time.monotonic)


class Connection:
    """One accepted WebSocket: frames out (unmasked), frames in (must be masked)."""

    def __init__(self, number: int, sock: socket.socket, server: FakeSocketMode) -> None:
        self.number = number
        self.sock = sock
        self.server = server
        self.open = False
        self.closed = threading.Event()
        self._send_lock = threading.Lock()

    def send_frame(self, opcode: int, data: bytes) -> None:
        n = len(data)
        if n < 126:
            header = struct.pack("!BB", 0x80 | opcode, n)
        elif n < 1 << 16:
            header = struct.pack("!BBH", 0x80 | opcode, 126, n)
        else:
            header = struct.pack("!BBQ", 0x80 | opcode, 127, n)
        with self._send_lock:
            self.sock.sendall(header + data)

    def send_json(self, message: dict[str, Any]) -> None:
        self.send_frame(TEXT, json.dumps(message).encode())

    def close(self, code: int = 1001, reason: str = "") -> None:
        """A close frame, then the socket (not waiting for the client's close: Slack doesn't)."""
        if self.open:
            self.open = False
            try:
                self.send_frame(CLOSE, struct.pack("!H", code) + reason.encode())
            except OSError:
                pass
        self._drop()

    def _drop(self) -> None:
        self.open = False
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()
        self.closed.set()

    def _read(self, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise ConnectionError("client went away")
            data += chunk
        return data

    def _handshake(self) -> bool:
        raw = b""
        while b"\r\n\r\n" not in raw:
            chunk = self.sock.recv(1024)
            if not chunk:
                return False
            raw += chunk
        lines = raw.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
        target = lines[0].split(" ")[1] if len(lines[0].split(" ")) > 2 else ""
        headers = {
            k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])
        }
        ticket = dict(parse_qsl(urlsplit(target).query)).get("ticket", "")
        key = headers.get("sec-websocket-key", "")
        if (
            headers.get("upgrade", "").lower() != "websocket"
            or not key
            or not self.server._use_ticket(ticket)
        ):
            self.sock.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
            return False
        self.sock.sendall(
            (
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                "Connection: Upgrade\r\n"
                f"Sec-WebSocket-Accept: {accept_key(key)}\r\n\r\n"
            ).encode()
        )
        return True

    def serve(self) -> None:
        try:
            if not self._handshake():
                self._drop()
                return
            self.open = True
            self.server._connected(self)
            self.send_json(
                {
                    "type": "hello",
                    "num_connections": 1,
                    "connection_info": {"app_id": "A0TEST"},
                    "debug_info": {
                        "host": "fake-socket-mode",
                        "approximate_connection_time": 18060,
                    },
                }
            )
            while self.open:
                b1, b2 = self._read(2)
                opcode, masked, n = b1 & 0x0F, b2 & 0x80, b2 & 0x7F
                if n == 126:
                    (n,) = struct.unpack("!H", self._read(2))
                elif n == 127:
                    (n,) = struct.unpack("!Q", self._read(8))
                if not masked:  # RFC 6455 5.1: a server must close on an unmasked client frame
                    self.server.protocol_errors.append("unmasked client frame")
                    self.close(1002, "unmasked")
                    return
                mask = self._read(4)
                data = bytes(b ^ mask[i % 4] for i, b in enumerate(self._read(n)))
                if opcode == TEXT:
                    self.server._received(self, data.decode())
                elif opcode == PING:
                    self.send_frame(PONG, data)
                elif opcode == CLOSE:
                    self.close(1000)
                    return
        except OSError:
            pass
        finally:
            if not self.closed.is_set():
                self._drop()


class FakeSocketMode:
    """The WebSocket end of Slack's Socket Mode, wired into ``fake``'s apps.connections.open."""

    def __init__(self, fake: FakeSlack, host: str = "127.0.0.1") -> None:
        self.fake = fake
        self.host = host
        self.connections: list[Connection] = []
        self.sent: list[Sent] = []
        self.acks: list[Ack] = []
        self.other: list[str] = []  # text frames that are not acks
        self.tokens: list[str] = []  # the tokens apps.connections.open was called with
        self.protocol_errors: list[str] = []
        self._tickets: set[str] = set()
        self._numbers = itertools.count(1)
        self._envelopes = itertools.count(1)
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._listener: socket.socket | None = None

    # -- life -------------------------------------------------------------------------

    def start(self) -> FakeSocketMode:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, 0))
        listener.listen(16)
        self._listener = listener
        threading.Thread(target=self._accept, daemon=True, name="fake-socket-mode").start()
        self.fake.answers["apps.connections.open"] = self._open
        return self

    def stop(self) -> None:
        self.fake.answers.pop("apps.connections.open", None)
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        for conn in list(self.connections):
            conn.close()

    def __enter__(self) -> FakeSocketMode:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._listener is not None, "start() the fake first"
        return int(self._listener.getsockname()[1])

    def _open(self, call: Call) -> dict[str, Any]:
        token = call.headers.get("authorization", "").removeprefix("Bearer ").strip()
        with self._lock:
            self.tokens.append(token)
        if not token.startswith("xapp-"):
            return {"ok": False, "error": "not_allowed_token_type"}
        ticket = f"t{next(self._numbers)}"
        with self._lock:
            self._tickets.add(ticket)
        return {"ok": True, "url": f"ws://{self.host}:{self.port}/link/?ticket={ticket}"}

    def _use_ticket(self, ticket: str) -> bool:
        with self._lock:
            if ticket in self._tickets:
                self._tickets.discard(ticket)  # Slack's URLs are good for one connection
                return True
            return False

    def _accept(self) -> None:
        while self._listener is not None:
            try:
                sock, _ = self._listener.accept()
            except OSError:
                return
            conn = Connection(0, sock, self)  # numbered once the handshake is done
            threading.Thread(target=conn.serve, daemon=True, name=f"fake-ws-{conn.number}").start()

    def _connected(self, conn: Connection) -> None:
        with self._changed:
            conn.number = len(self.connections) + 1
            self.connections.append(conn)
            self._changed.notify_all()

    def _received(self, conn: Connection, text: str) -> None:
        try:
            message = json.loads(text)
        except ValueError:
            message = None
        with self._changed:
            if isinstance(message, dict) and message.get("envelope_id"):
                self.acks.append(
                    Ack(str(message["envelope_id"]), message.get("payload"), conn.number)
                )
            else:
                self.other.append(text)
            self._changed.notify_all()

    # -- looking ----------------------------------------------------------------------

    def _wait(self, check: Any, timeout: float, what: str) -> Any:
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                result = check()
                if result:
                    return result
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"waited {timeout}s for {what}; connections: "
                        f"{len(self.connections)}, acks: {self.acks}"
                    )
                self._changed.wait(min(left, 0.2))

    def wait_connected(self, count: int = 1, *, timeout: float = 20.0) -> Connection:
        """The ``count``-th connection, once it is open (and has been said hello to)."""
        return self._wait(
            lambda: len(self.connections) >= count and self.connections[count - 1],
            timeout,
            f"connection #{count}",
        )

    def acks_of(self, envelope_id: str) -> list[Ack]:
        with self._lock:
            return self._acks_of(envelope_id)

    def _acks_of(self, envelope_id: str) -> list[Ack]:
        return [a for a in self.acks if a.envelope_id == envelope_id]

    def wait_ack(self, envelope_id: str, *, count: int = 1, timeout: float = 10.0) -> Ack:
        acks = self._wait(
            lambda: len(self._acks_of(envelope_id)) >= count and self._acks_of(envelope_id),
            timeout,
            f"{count} ack(s) of {envelope_id}",
        )
        return acks[count - 1]  # type: ignore[no-any-return]

    def sent_at(self, envelope_id: str) -> float:
        return next(s.at for s in self.sent if s.envelope["envelope_id"] == envelope_id)

    # -- pushing ----------------------------------------------------------------------

    @property
    def current(self) -> Connection:
        with self._lock:
            live = [c for c in self.connections if c.open]
        assert live, "no open Socket Mode connection"
        return live[-1]

    def send(
        self,
        kind: str,
        payload: dict[str, Any],
        *,
        envelope_id: str | None = None,
        accepts_response_payload: bool = False,
        retry_attempt: int = 0,
    ) -> str:
        """Push an envelope to the newest connection; returns its envelope_id. Give the
        ``envelope_id`` of an earlier one (and ``retry_attempt``) to redeliver it."""
        envelope = {
            "envelope_id": envelope_id or f"env-{next(self._envelopes):04d}",
            "type": kind,
            "payload": payload,
            "accepts_response_payload": accepts_response_payload,
        }
        if kind == "events_api":
            envelope.update(
                retry_attempt=retry_attempt, retry_reason="timeout" if retry_attempt else ""
            )
        conn = self.current
        with self._lock:
            self.sent.append(Sent(envelope, conn.number))
        conn.send_json(envelope)
        return str(envelope["envelope_id"])

    def resend(self, envelope_id: str) -> str:
        """Slack's redelivery of an envelope it saw no ack for: the same envelope again."""
        first = next(s.envelope for s in self.sent if s.envelope["envelope_id"] == envelope_id)
        return self.send(
            first["type"],
            first["payload"],
            envelope_id=envelope_id,
            accepts_response_payload=first["accepts_response_payload"],
            retry_attempt=1,
        )

    def command(self, line: str, *, response_url: str, **kw: Any) -> str:
        """``/name text`` as a slash_commands envelope (the payload as in HTTP mode)."""
        return self.send(
            "slash_commands",
            command_payload(line, response_url=response_url, **kw),
            accepts_response_payload=True,
        )

    def click(self, value: str, *, response_url: str, **kw: Any) -> str:
        """A block_actions click on a button whose value is ``value``."""
        body = rq.action_body(value, response_url=response_url, **kw)
        return self.send("interactive", json.loads(dict(parse_qsl(body))["payload"]))

    def event(self, event: dict[str, Any]) -> str:
        return self.send("events_api", json.loads(rq.event_body(event)))

    def disconnect(self, reason: str = "refresh_requested") -> Connection:
        """What Slack does before it refreshes a connection: a ``disconnect`` message."""
        conn = self.current
        conn.send_json(
            {"type": "disconnect", "reason": reason, "debug_info": {"host": "fake-socket-mode"}}
        )
        return conn


def command_payload(line: str, *, response_url: str, **kw: Any) -> dict[str, Any]:
    name, _, text = line.strip().partition(" ")
    return dict(
        parse_qsl(
            rq.slash_body(text, command=name, response_url=response_url, **kw),
            keep_blank_values=True,
        )
    )
