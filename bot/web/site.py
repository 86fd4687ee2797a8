"""The web pages' own small app, mounted on the one web app after its routes: Jinja2
(autoescape on), the page language, security headers, CSRF and a rate limit per link."""

from __future__ import annotations

import secrets
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from bot.config import Settings
from bot.i18n import LANGUAGES, normalize_language, t
from bot.web.markup import html as text_html
from storage.db import Database

HERE = Path(__file__).resolve().parent
CSRF_COOKIE = "pb_csrf"
CSRF_FIELD = "csrf"
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class RateLimit:
    """At most ``limit`` posts per link in any 60 seconds, in this process. Counted on the
    monotonic clock; a refused post is not counted, so a flood does not lock a link for
    longer than a minute after it stops."""

    def __init__(
        self, limit: int, window: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = self.clock()
        with self._lock:
            seen = self._seen.setdefault(key, deque())
            while seen and now - seen[0] >= self.window:
                seen.popleft()
            if len(seen) >= self.limit:
                return False
            seen.append(now)
            if len(self._seen) > 10_000:  # forget idle links
                for k in [k for k, v in self._seen.items() if not v]:
                    del self._seen[k]
            return True


def page_language(request: Request, link_language: str | None, default: str) -> str:
    """?lang=, then the browser's Accept-Language (its first nb/nn/en), then the link's
    language (the organiser's), then the bot's."""
    chosen = normalize_language(request.query_params.get("lang"))
    if chosen:
        return chosen
    for part in request.headers.get("accept-language", "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag in ("no", "no-no"):
            tag = "nb"
        lang = normalize_language(tag) or normalize_language(tag.split("-")[0])
        if lang in LANGUAGES:
            return lang
    return link_language or default


class Site:
    """What every page needs, built once by the composition root."""

    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings
        self.env = Environment(
            loader=FileSystemLoader(HERE / "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.limit = RateLimit(settings.web_posts_per_minute)

    def render(
        self,
        request: Request,
        template: str,
        lang: str,
        status: int = 200,
        **values: Any,
    ) -> HTMLResponse:
        token = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)

        def text(key: str | tuple[str, dict[str, object]], **params: object) -> Markup:
            if isinstance(key, tuple):  # a field's problem with its values (check_details)
                return text_html(t(key[0], lang, **{**key[1], **params}))
            return text_html(t(key, lang, **params))

        html = self.env.get_template(template).render(
            lang=lang,
            t=text,
            csrf=token,
            submission=secrets.token_urlsafe(32),  # bot/web/forms.py: SUBMISSION_FIELD
            path=own_path(request),
            **values,
        )
        response = HTMLResponse(html, status_code=status)
        response.set_cookie(
            CSRF_COOKIE,
            token,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/",
        )
        return response

    def own_url(self, request: Request) -> str:
        """The address of this page as a guest should keep it: under PARTNERBOT_PUBLIC_URL
        when it is set (a proxy in front may show us another host), without the query."""
        base = self.settings.public_url
        if base:
            return base.rstrip("/") + request.url.path
        return str(request.url.replace(query=""))

    def not_found(self, request: Request) -> HTMLResponse:
        lang = page_language(request, None, self.settings.language)
        return self.render(request, "error.html", lang, 404, heading="page.not_found")

    def refused(self, request: Request, lang: str, status: int, key: str) -> HTMLResponse:
        return self.render(request, "error.html", lang, status, heading=key)


def own_path(request: Request) -> str:
    """The page's path for its own links (language, filters): one leading slash, as
    "//evil.example" (or "/\\evil.example") in an href is another host to a browser."""
    return "/" + request.url.path.lstrip("/\\")


def csrf_ok(request: Request, form: Any) -> bool:
    cookie = request.cookies.get(CSRF_COOKIE, "")
    sent = form.get(CSRF_FIELD, "")
    return bool(cookie) and isinstance(sent, str) and secrets.compare_digest(cookie, sent)


Endpoint = Callable[[Request], Awaitable[Response]]


def with_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response
