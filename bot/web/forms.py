"""One way a guest page takes a form: the link, its language, the link's rate limit, the
CSRF token, then the page's own save in one transaction; the form again on a mistake, a
redirect to the saved page otherwise."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.errors import Conflict, UserError
from bot.i18n import t
from bot.web.bodies import BODY_SECONDS, TooLarge, read_body
from bot.web.site import Site, csrf_ok, page_language
from handlers import web_links
from storage.models import Member, WebLink

T = TypeVar("T")

# A guest's form is a few short fields: far less than this.
MAX_FORM_BYTES = 64_000
# Each form shown carries a new random token (Site.render): the guest's own link, made
# when it is first saved. A second post of the same form (a double tap, a resend after a
# slow answer) finds that link and changes that guest's answer instead of adding a guest.
SUBMISSION_FIELD = "submission"
_SUBMISSION = re.compile(r"[A-Za-z0-9_-]{43}")

# save(session, request, link, form, lang) -> the path to go to, or None: no such object.
Save = Callable[[Session, Request, WebLink, Any, str], str | None]
# page(request, kind, token, status, **values) -> the page, shown again with the values.
Page = Callable[..., Response]
# refill(form) -> the page's values for what the guest filled in (a form sent again).
Refill = Callable[[Any], dict[str, Any]]


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


class SavedMeanwhile(Exception):
    """The same form's other post saved its guest while this one ran (``own_link``)."""


def submission(form: Any) -> str | None:
    """The form's own random token, or None (a form from before there was one)."""
    value = form.get(SUBMISSION_FIELD)
    return value if isinstance(value, str) and _SUBMISSION.fullmatch(value) else None


def known_guest(
    session: Session, request: Request, link: WebLink, own_kind: str, form: Any
) -> tuple[Member, str] | None:
    """The guest a post is from and the path of their own link: the own link's guest, or
    the guest an earlier post of this same form made; None for a new guest."""
    if link.kind == own_kind:
        token: str | None = request.path_params["token"]
        own: WebLink | None = link
    else:
        token = submission(form)
        own = web_links.find(session, own_kind, token) if token else None
        if own is not None and own.object_id != link.object_id:
            own = None
    guest = session.get(Member, own.member_id) if own and own.member_id else None
    if guest is None or token is None:
        return None
    return guest, web_links.PATHS[own_kind] + token


def own_link(
    session: Session,
    own_kind: str,
    form: Any,
    guest: Member,
    object_id: int,
    *,
    now: datetime,
    lang: str,
) -> str:
    """A new guest's own link, with their form's token (a new one when that token is some
    link's already: a form's token copied to another poll's page); returns its path.
    SavedMeanwhile when the same form's other post made this guest's link since this one
    looked (PostgreSQL, two posts at once): run again, it finds that guest."""
    token = submission(form)
    if token and web_links.taken(session, token):
        mine = web_links.find(session, own_kind, token)
        if mine is not None and mine.object_id == object_id:
            raise SavedMeanwhile
        token = None
    token = web_links.create(
        session,
        own_kind,
        now=now,
        object_id=object_id,
        member_id=guest.id,
        language=lang,
        token=token,
    )
    return web_links.PATHS[own_kind] + token


def kind_group(kind: str) -> str:
    """ "poll" or "conf": which page a link of ``kind`` opens (its texts' group)."""
    return "poll" if kind in (web_links.POLL, web_links.GUEST_POLL) else "conf"


def endpoint(
    handler: Callable[[Request, str], Awaitable[Response]], kind: str
) -> Callable[[Request], Awaitable[Response]]:
    """A route's endpoint that runs ``handler`` for the links of ``kind``."""

    async def run(request: Request) -> Response:
        return await handler(request, kind)

    return run


class FormAgain(Exception):
    """The form goes back to the guest with what was wrong; nothing is saved."""

    def __init__(self, status: int = 400, **values: Any) -> None:
        super().__init__("form again")
        self.status = status
        self.values = values


async def submit(
    site: Site, request: Request, kind: str, save: Save, page: Page, refill: Refill
) -> Response:
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
        try:
            return attempt()
        except (IntegrityError, SavedMeanwhile):
            # The same form posted twice at once (PostgreSQL): the other post made the
            # guest's own link between our look and our insert; now we find it.
            return attempt()

    def attempt() -> Response:
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
                    # Stale (the phone lost the cookie) or forged: nothing saved, and the
                    # form again as filled in, with a fresh token, for the guest to check
                    # and send from this page (values a forger put in go nowhere unless
                    # the guest presses save here).
                    problem = t(f"page.{kind_group(kind)}.csrf_again", lang)
                    raise FormAgain(403, problem=problem, **refill(form))
                target = save(session, request, link, form, lang)
                if target is None:
                    return site.not_found(request)
        except FormAgain as again:
            return page(request, kind, token, again.status, **again.values)
        except UserError as err:
            status = 409 if isinstance(err, Conflict) else 400
            return page(request, kind, token, status, problem=err.message(lang))
        return RedirectResponse(f"{target}?lagret=1&lang={lang}", status_code=303)

    return await run_in_threadpool(work)
