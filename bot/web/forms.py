"""One way a guest page takes a form: the link, its language, the link's rate limit, the
CSRF token, then the page's own save in one transaction; the form again on a mistake, a
redirect to the saved page otherwise."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.errors import UserError
from bot.web.bodies import BODY_SECONDS, TooLarge, read_body
from bot.web.site import Site, csrf_ok, page_language
from handlers import web_links
from storage.models import Member, WebLink

T = TypeVar("T")

# A guest's form is a few short fields: far less than this.
MAX_FORM_BYTES = 64_000

# save(session, request, link, form, lang) -> the path to go to, or None: no such object.
Save = Callable[[Session, Request, WebLink, Any, str], str | None]
# page(request, kind, token, status, **values) -> the page, shown again with the values.
Page = Callable[..., Response]


@dataclass(frozen=True)
class Opened(Generic[T]):
    """What a guest link opens: the link, its object, its guest (a guest's own link), and
    the page's language."""

    link: WebLink
    item: T
    guest: Member | None
    lang: str


def open_link(
    site: Site, session: Session, request: Request, kind: str, token: str, model: type[T]
) -> Opened[T] | None:
    """The link of ``kind`` and its ``model`` row; None when either is gone (a 404)."""
    link = web_links.find(session, kind, token)
    item = session.get(model, link.object_id) if link else None
    if link is None or item is None:
        return None
    guest = session.get(Member, link.member_id) if link.member_id else None
    lang = page_language(request, link.language, site.settings.language)
    return Opened(link, item, guest, lang)


def endpoint(
    handler: Callable[[Request, str], Awaitable[Response]], kind: str
) -> Callable[[Request], Awaitable[Response]]:
    """A route's endpoint that runs ``handler`` for the links of ``kind``."""

    async def run(request: Request) -> Response:
        return await handler(request, kind)

    return run


class FormAgain(Exception):
    """The form goes back to the guest with what was wrong; nothing is saved."""

    def __init__(self, **values: Any) -> None:
        super().__init__("form again")
        self.values = values


async def submit(site: Site, request: Request, kind: str, save: Save, page: Page) -> Response:
    token = request.path_params["token"]
    try:
        await read_body(request, MAX_FORM_BYTES, BODY_SECONDS)
    except (TooLarge, TimeoutError) as exc:
        lang = page_language(request, None, site.settings.language)
        if isinstance(exc, TooLarge):
            return site.refused(request, lang, 413, "page.too_large")
        return site.refused(request, lang, 408, "page.timed_out")
    form = await request.form()

    def work() -> Response:
        lang = site.settings.language
        try:
            with site.db.transaction() as session:
                link = web_links.find(session, kind, token)
                if link is None:
                    return site.not_found(request)
                lang = page_language(request, link.language, site.settings.language)
                if not site.limit.allow(f"{kind}:{link.id}"):
                    return site.refused(request, lang, 429, "page.too_many")
                if not csrf_ok(request, form):
                    return site.refused(request, lang, 403, "page.csrf")
                target = save(session, request, link, form, lang)
                if target is None:
                    return site.not_found(request)
        except FormAgain as again:
            return page(request, kind, token, 400, **again.values)
        except UserError as err:
            return page(request, kind, token, 400, problem=err.message(lang))
        return RedirectResponse(f"{target}?lagret=1&lang={lang}", status_code=303)

    return await run_in_threadpool(work)
