"""A fake Bot Connector on loopback: real HTTPS both ways, no mock inside the bot.

    with FakeConnector(app_id="app-1", tenant_id="tenant-1") as fake:
        ... point MICROSOFT_OPENID_METADATA_URL at fake.metadata_url, MICROSOFT_AUTHORITY_URL
        at fake.authority_url, and REQUESTS_CA_BUNDLE at fake.ca_file ...
        status, _ = fake.post(bot_url, fake.message("horing liste"))
        sent = fake.wait_for("send", lambda c: "Høring" in c.text)

It is the Bot Framework's issuer (OpenID metadata and a JWKS with a generated RSA key whose
JWTs it signs), Entra's token endpoint (client credentials: the bot's app id and password),
and the connector REST API (``v3/conversations/...``: send, reply, update, create), whose
calls it records; ``fail_next`` makes the next matching call answer 429 with Retry-After (or
any status), ``before_answer`` runs something (a database going down) just before a
matching call is answered. It speaks HTTPS with a self-signed certificate (MSAL accepts no http authority):
the bot trusts it through ``REQUESTS_CA_BUNDLE``.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import ipaddress
import itertools
import json
import ssl
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import jwt
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

ISSUER = "https://api.botframework.com"
BOT_FRAMEWORK_SCOPE = "https://api.botframework.com/.default"


# Teams refuses a message (an activity as sent, JSON) of more than about 28 KB.
MAX_MESSAGE_BYTES = 28 * 1024


@dataclass
class Call:
    kind: str  # send | reply | update | create | token
    conversation: str
    activity_id: str | None
    body: dict[str, Any]
    headers: dict[str, str]
    status: int
    at: float = field(default_factory=time.monotonic)

    @property
    def text(self) -> str:
        """The message text and every text in its Adaptive Cards, joined by newlines."""
        parts = [str(self.body.get("text") or "")]
        for card in self.cards:
            parts.extend(card_texts(card))
        return "\n".join(p for p in parts if p)

    @property
    def cards(self) -> list[dict[str, Any]]:
        return [
            a.get("content") or {}
            for a in self.body.get("attachments") or []
            if a.get("contentType") == "application/vnd.microsoft.card.adaptive"
        ]

    def actions(self) -> list[dict[str, Any]]:
        return [a for card in self.cards for a in card_actions(card)]


def card_texts(element: Any) -> list[str]:
    out: list[str] = []
    if isinstance(element, dict):
        for key in ("text", "title", "value"):
            if isinstance(element.get(key), str):
                out.append(element[key])
        for value in element.values():
            if isinstance(value, (dict, list)):
                out.extend(card_texts(value))
    elif isinstance(element, list):
        for item in element:
            out.extend(card_texts(item))
    return out


def card_actions(element: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if isinstance(element, dict):
        if str(element.get("type", "")).startswith("Action."):
            out.append(element)
        for value in element.values():
            if isinstance(value, (dict, list)):
                out.extend(card_actions(value))
    elif isinstance(element, list):
        for item in element:
            out.extend(card_actions(item))
    return out


@functools.cache
def _material() -> tuple[bytes, bytes, rsa.RSAPrivateKey]:
    """A self-signed certificate for 127.0.0.1 (PEM), its key (PEM), and the JWT signing
    key: made once per test process (RSA keys take a while to generate)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "fake-bot-connector")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    signing = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return cert.public_bytes(serialization.Encoding.PEM), key_pem, signing


class FakeConnector:
    def __init__(
        self,
        *,
        app_id: str = "00000000-0000-0000-0000-0000000000a1",
        app_password: str = "fake-secret",
        tenant_id: str = "00000000-0000-0000-0000-00000000007e",
    ) -> None:
        self.app_id = app_id
        self.app_password = app_password
        self.tenant_id = tenant_id
        self.bot_id = f"28:{app_id}"
        self.calls: list[Call] = []
        self.tokens: set[str] = set()
        self._failures: list[tuple[str, int, float | None, str | None]] = []
        self._hooks: list[tuple[str, Callable[[Call], bool], Callable[[], None]]] = []
        self._holds: list[tuple[str, str | None, threading.Event]] = []
        self._ids = itertools.count(1)
        self._cond = threading.Condition()
        self._folder = tempfile.TemporaryDirectory(prefix="fake-connector-")
        cert_pem, key_pem, self.signing_key = _material()
        cert_file = Path(self._folder.name) / "cert.pem"
        key_file = Path(self._folder.name) / "key.pem"
        cert_file.write_bytes(cert_pem)
        key_file.write_bytes(key_pem)
        self.ca_file = str(cert_file)
        self.kid = "fake-key-1"
        self.endorsements = ["msteams"]
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert_file, key_file)
        self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        self.base_url = f"https://127.0.0.1:{self._server.server_address[1]}"
        self.service_url = self.base_url + "/"
        self.metadata_url = self.base_url + "/v1/.well-known/openidconfiguration"
        self.authority_url = self.base_url + "/{tenant}"
        self._thread: threading.Thread | None = None
        self._client = requests.Session()

    # -- life -----------------------------------------------------------------------------

    def __enter__(self) -> FakeConnector:
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._client.close()
        self._folder.cleanup()

    def env(self) -> dict[str, str]:
        """The settings (and CA bundle) that point a bot at this fake."""
        return {
            "MICROSOFT_APP_ID": self.app_id,
            "MICROSOFT_APP_PASSWORD": self.app_password,
            "MICROSOFT_APP_TENANT_ID": self.tenant_id,
            "MICROSOFT_OPENID_METADATA_URL": self.metadata_url,
            "MICROSOFT_AUTHORITY_URL": self.authority_url,
        }

    # -- the Bot Connector's side: signed activities to the bot ------------------------

    def sign(self, *, service_url: str | None = None, key: Any = None, **overrides: Any) -> str:
        """A Bot Framework JWT for this bot; ``overrides`` change claims (None drops one),
        ``key`` signs with another RSA key (a forger's)."""
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": ISSUER,
            "aud": self.app_id,
            "iat": now,
            "nbf": now - 5,
            "exp": now + 3600,
            "serviceurl": service_url or self.service_url,
        }
        claims.update(overrides)
        claims = {k: v for k, v in claims.items() if v is not None}
        return jwt.encode(
            claims, key or self.signing_key, algorithm="RS256", headers={"kid": self.kid}
        )

    def post(
        self, bot_url: str, activity: dict[str, Any], *, token: str | None | bool = True
    ) -> tuple[int, str]:
        """POST an activity to the bot's /api/messages; ``token``: True signs it, a string
        is sent as it is, None sends no Authorization header."""
        headers = {"Content-Type": "application/json"}
        if token is True:
            token = self.sign(service_url=activity.get("serviceUrl"))
        if isinstance(token, str):
            headers["Authorization"] = f"Bearer {token}"
        resp = requests.post(bot_url, data=json.dumps(activity), headers=headers, timeout=30)
        return resp.status_code, resp.text

    def activity(
        self,
        kind: str = "message",
        *,
        user: str = "kari",
        name: str = "Kari Nordmann",
        conversation: str | None = None,
        conversation_type: str = "personal",
        locale: str = "nb-NO",
        timezone: str = "Europe/Oslo",
        tenant: str | None = None,
        **fields: Any,
    ) -> dict[str, Any]:
        tenant = tenant or self.tenant_id
        conversation = conversation or f"a:personal-{user}"
        activity: dict[str, Any] = {
            "type": kind,
            "id": f"in-{uuid.uuid4().hex[:12]}",
            "timestamp": dt.datetime.now(dt.UTC).isoformat(),
            "serviceUrl": self.service_url,
            "channelId": "msteams",
            "from": {"id": f"29:{user}", "name": name, "aadObjectId": f"aad-{user}"},
            "recipient": {"id": self.bot_id, "name": "partnerbot"},
            "conversation": {
                "id": conversation,
                "conversationType": conversation_type,
                "tenantId": tenant,
            },
            "locale": locale,
            "localTimezone": timezone,
            "channelData": {"tenant": {"id": tenant}},
        }
        activity.update(fields)
        return activity

    def message(self, text: str, **kw: Any) -> dict[str, Any]:
        """A typed message; Teams sends the text HTML-encoded (``<`` as ``&lt;``)."""
        return self.activity("message", text=html.escape(text, quote=False), **kw)

    def channel_message(
        self,
        text: str,
        *,
        channel: str = "19:infra@thread.tacv2",
        channel_name: str = "Infra",
        **kw: Any,
    ) -> dict[str, Any]:
        """``@partnerbot <text>`` in a channel: the mention as Teams sends it."""
        mention = "<at>partnerbot</at>"
        activity = self.activity(
            "message",
            text=f"{mention} {html.escape(text, quote=False)}",
            conversation=f"{channel};messageid={next(self._ids)}",
            conversation_type="channel",
            entities=[
                {
                    "type": "mention",
                    "mentioned": {"id": self.bot_id, "name": "partnerbot"},
                    "text": mention,
                }
            ],
            **kw,
        )
        activity["channelData"].update(
            {"channel": {"id": channel, "name": channel_name}, "team": {"id": channel}}
        )
        return activity

    def click(self, card_call: Call, action: dict[str, Any], **kw: Any) -> dict[str, Any]:
        """What Teams sends when a member presses an Action.Submit on a posted card."""
        conversation = card_call.conversation
        kind = "channel" if "@thread" in conversation else "personal"
        activity = self.activity(
            "message",
            conversation=conversation,
            conversation_type=kind,
            value=action.get("data") or {},
            replyToId=card_call.activity_id,
            **kw,
        )
        if kind == "channel":
            channel = conversation.split(";")[0]
            activity["channelData"]["channel"] = {"id": channel}
        return activity

    # -- what the bot sent -------------------------------------------------------------

    def fail_next(
        self,
        kind: str,
        *,
        status: int = 429,
        retry_after: float | None = 1,
        conversation: str | None = None,
    ) -> None:
        """The next ``kind`` call (in ``conversation`` or its threads, when given) fails."""
        with self._cond:
            self._failures.append((kind, status, retry_after, conversation))

    def hold_next(self, kind: str, *, conversation: str | None = None) -> threading.Event:
        """The next ``kind`` call (in ``conversation`` or its threads) is taken but answered
        only once the returned event is set (a slow Teams); it is recorded then."""
        released = threading.Event()
        with self._cond:
            self._holds.append((kind, conversation, released))
        return released

    def before_answer(
        self, kind: str, predicate: Callable[[Call], bool], action: Callable[[], None]
    ) -> None:
        """Once: ``action`` runs when a ``kind`` call matching ``predicate`` has arrived,
        before the bot gets its answer (say, the database stops between a send and what
        the bot writes after it)."""
        with self._cond:
            self._hooks.append((kind, predicate, action))

    def sent(self, kind: str | None = None) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if (kind is None or c.kind == kind)]

    def wait_for(
        self,
        kind: str,
        predicate: Callable[[Call], bool] = lambda c: True,
        *,
        timeout: float = 10.0,
        ok: bool = True,
    ) -> Call:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for call in self.calls:
                    if call.kind == kind and (not ok or call.status < 300) and predicate(call):
                        return call
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(c.kind, c.status, c.text[:80]) for c in self.calls]
                    raise AssertionError(f"no {kind} call matched within {timeout} s; saw {seen}")
                self._cond.wait(left)

    # -- the server ----------------------------------------------------------------------

    def _record(self, call: Call) -> None:
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()

    def _failure_for(self, kind: str, conversation: str) -> tuple[int, float | None] | None:
        base = conversation.split(";")[0]
        with self._cond:
            for i, (k, status, retry_after, only) in enumerate(self._failures):
                if k == kind and only in (None, conversation, base):
                    del self._failures[i]
                    return status, retry_after
        return None

    def _hold_for(self, kind: str, conversation: str) -> threading.Event | None:
        base = conversation.split(";")[0]
        with self._cond:
            for i, (k, only, released) in enumerate(self._holds):
                if k == kind and only in (None, conversation, base):
                    del self._holds[i]
                    return released
        return None

    def _run_hooks(self, arrived: Call) -> None:
        with self._cond:
            due = [h for h in self._hooks if h[0] == arrived.kind and h[1](arrived)]
            self._hooks = [h for h in self._hooks if h not in due]
        for _, _, action in due:
            action()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _answer(
                self,
                status: int,
                body: dict[str, Any] | None = None,
                headers: dict[str, str] | None = None,
            ) -> None:
                data = json.dumps(body or {}).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass  # the bot stopped waiting (a held answer)

            def _body(self) -> bytes:
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            def do_GET(self) -> None:  # noqa: N802
                path = urlsplit(self.path).path
                if path == "/v1/.well-known/openidconfiguration":
                    self._answer(
                        200,
                        {
                            "issuer": ISSUER,
                            "jwks_uri": fake.base_url + "/v1/keys",
                            "id_token_signing_alg_values_supported": ["RS256"],
                            "token_endpoint_auth_methods_supported": ["private_key_jwt"],
                        },
                    )
                elif path == "/v1/keys":
                    jwk = json.loads(
                        jwt.algorithms.RSAAlgorithm.to_jwk(fake.signing_key.public_key())
                    )
                    jwk.update({"kid": fake.kid, "use": "sig", "endorsements": fake.endorsements})
                    self._answer(200, {"keys": [jwk]})
                elif path.endswith("/v2.0/.well-known/openid-configuration"):
                    tenant = path.split("/")[1]
                    base = f"{fake.base_url}/{tenant}"
                    self._answer(
                        200,
                        {
                            "issuer": f"{base}/v2.0",
                            "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                            "token_endpoint": f"{base}/oauth2/v2.0/token",
                        },
                    )
                else:
                    self._answer(404, {"error": "not found"})

            def do_POST(self) -> None:  # noqa: N802
                path = urlsplit(self.path).path
                raw = self._body()
                if path.endswith("/oauth2/v2.0/token"):
                    self._token(path, raw)
                    return
                self._connector("POST", path, raw)

            def do_PUT(self) -> None:  # noqa: N802
                self._connector("PUT", urlsplit(self.path).path, self._body())

            def _token(self, path: str, raw: bytes) -> None:
                form = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
                tenant = path.split("/")[1]
                good = (
                    tenant == fake.tenant_id
                    and form.get("grant_type") == "client_credentials"
                    and form.get("client_id") == fake.app_id
                    and form.get("client_secret") == fake.app_password
                    and form.get("scope") == BOT_FRAMEWORK_SCOPE
                )
                fake._record(
                    Call("token", "", None, form, dict(self.headers), 200 if good else 401)
                )
                if not good:
                    self._answer(401, {"error": "invalid_client"})
                    return
                token = f"bot-token-{uuid.uuid4().hex}"
                with fake._cond:
                    fake.tokens.add(token)
                self._answer(
                    200, {"token_type": "Bearer", "expires_in": 3600, "access_token": token}
                )

            def _connector(self, method: str, path: str, raw: bytes) -> None:
                parts = [unquote(p) for p in path.strip("/").split("/")]
                if parts[:2] != ["v3", "conversations"]:
                    self._answer(404, {"error": {"code": "NotFound"}})
                    return
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    self._answer(400, {"error": {"code": "BadSyntax"}})
                    return
                if len(parts) == 2 and method == "POST":
                    kind, conversation, activity_id = "create", "", None
                elif len(parts) == 4 and method == "POST":
                    kind, conversation, activity_id = "send", parts[2], None
                elif len(parts) == 5 and method == "POST":
                    kind, conversation, activity_id = "reply", parts[2], parts[4]
                elif len(parts) == 5 and method == "PUT":
                    kind, conversation, activity_id = "update", parts[2], parts[4]
                else:
                    self._answer(404, {"error": {"code": "NotFound"}})
                    return
                auth = self.headers.get("Authorization", "")
                with fake._cond:
                    authorised = auth.startswith("Bearer ") and auth[7:] in fake.tokens
                if authorised and len(raw) > MAX_MESSAGE_BYTES:  # as Teams refuses it
                    fake._record(
                        Call(kind, conversation, activity_id, body, dict(self.headers), 413)
                    )
                    self._answer(413, {"error": {"code": "MessageSizeTooBig"}})
                    return
                if not authorised:
                    fake._record(
                        Call(kind, conversation, activity_id, body, dict(self.headers), 401)
                    )
                    self._answer(401, {"error": {"code": "Unauthorized"}})
                    return
                held = fake._hold_for(kind, conversation)
                if held is not None:
                    held.wait(30)  # a bound on a failing test: the release is awaited
                failure = fake._failure_for(kind, conversation)
                if failure is not None:
                    status, retry_after = failure
                    fake._record(
                        Call(kind, conversation, activity_id, body, dict(self.headers), status)
                    )
                    headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None else {}
                    self._answer(status, {"error": {"code": "Throttled"}}, headers)
                    return
                if kind == "create":
                    member = ((body.get("members") or [{}])[0]).get("id", "")
                    answer: dict[str, Any] = {"id": f"a:personal-{member.removeprefix('29:')}"}
                elif kind == "update":
                    answer = {"id": activity_id}
                else:
                    answer = {"id": f"out-{next(fake._ids)}"}
                call = Call(kind, conversation, answer.get("id"), body, dict(self.headers), 200)
                if kind in ("update",):
                    call.activity_id = activity_id
                fake._run_hooks(call)
                fake._record(call)
                self._answer(200 if kind == "update" else 201, answer)

        return Handler
