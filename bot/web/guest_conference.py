"""The guest conference page: /k/<token> (the organiser's link: details, seats left,
register or maybe) and /k/svar/<token> (a guest's own link: their status, and cancel);
/k/<token>.ics is the calendar event."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.errors import UserError
from bot.web import forms
from bot.web.forms import FormAgain
from bot.web.site import Site, page_language
from handlers import guest_registrations as reg
from handlers import guest_votes, web_links
from handlers.conference_common import find_conference
from handlers.conference_files import ics_file
from storage.models import Conference, GuestContact, Member, WebLink


def _conference(session: Session, link: WebLink) -> Conference | None:
    conf = session.get(Conference, link.object_id)
    return conf


def routes(site: Site) -> list[Route]:
    def page(request: Request, kind: str, token: str, status: int = 200, **extra: Any) -> Response:
        with site.db.transaction() as session:
            link = web_links.find(session, kind, token)
            conf = _conference(session, link) if link else None
            if link is None or conf is None:
                return site.not_found(request)
            guest = session.get(Member, link.member_id) if link.member_id else None
            lang = page_language(request, link.language, site.settings.language)
            contact = session.get(GuestContact, guest.id) if guest else None
            values: dict[str, Any] = {
                "conf": reg.conference_view(
                    session, site.settings, conf, guest, now=datetime.now(UTC), lang=lang
                ),
                "own": guest is not None,
                "name": guest.name if guest else "",
                "organisation": guest.organisation.name if guest and guest.organisation else "",
                "email": contact.email if contact else "",
                "ics_url": web_links.PATHS[web_links.CONFERENCE] + token + ".ics"
                if kind == web_links.CONFERENCE
                else request.url.path + ".ics",
                "edit_url": site.own_url(request) if guest else None,
                "errors": {},
                "problem": None,
                "saved": request.query_params.get("lagret") == "1",
            }
            values.update(extra)
            return site.render(request, "conference.html", lang, status, **values)

    def save(session: Session, request: Request, link: WebLink, form: Any, lang: str) -> str:
        conf = find_conference(session, link.object_id or 0, lock=True)
        name = guest_votes.clean_field(form.get("name"), guest_votes.MAX_NAME)
        org = guest_votes.clean_field(form.get("organisation"), guest_votes.MAX_ORGANISATION)
        email = guest_votes.clean_field(form.get("email"), reg.MAX_EMAIL)
        choice = form.get("choice")
        errors = guest_votes.check_details(name, org)
        if not reg.valid_email(email):
            errors["email"] = "page.error.email"
        if choice not in reg.CHOICES:
            errors["choice"] = "page.error.choice"
        if errors:
            raise FormAgain(errors=errors, name=name, organisation=org, email=email)
        now = datetime.now(UTC)
        if link.kind == web_links.GUEST_CONFERENCE and link.member_id:
            guest = session.get(Member, link.member_id)
            assert guest is not None
            guest_votes.update_guest(session, guest, name, org)
            own = None
        else:
            if choice == reg.CANCEL:
                raise UserError("page.conf.nothing_to_cancel")
            guest = guest_votes.new_guest(session, name, org, now=now)
            own = web_links.create(
                session,
                web_links.GUEST_CONFERENCE,
                now=now,
                object_id=conf.id,
                member_id=guest.id,
                language=lang,
            )
        reg.save_email(session, guest, email)
        ctx = reg.guest_context(session, site.settings, guest, now=now, lang=lang)
        reg.answer(ctx, conf, str(choice))
        if own is None:
            return request.url.path
        return web_links.PATHS[web_links.GUEST_CONFERENCE] + own

    async def submit(request: Request, kind: str) -> Response:
        return await forms.submit(site, request, kind, save, page)

    def calendar(request: Request, kind: str) -> Response:
        with site.db.transaction() as session:
            link = web_links.find(session, kind, request.path_params["token"])
            conf = _conference(session, link) if link else None
            if conf is None or conf.state == "draft":
                return site.not_found(request)
            file = ics_file(session, conf, datetime.now(UTC), site.settings.tz)
            return Response(
                file.data,
                media_type="text/calendar; charset=utf-8",
                headers={"Content-Disposition": f'attachment; filename="{file.name}"'},
            )

    async def show_public(request: Request) -> Response:
        return await run_in_threadpool(
            page, request, web_links.CONFERENCE, request.path_params["token"]
        )

    async def show_own(request: Request) -> Response:
        return await run_in_threadpool(
            page, request, web_links.GUEST_CONFERENCE, request.path_params["token"]
        )

    async def post_public(request: Request) -> Response:
        return await submit(request, web_links.CONFERENCE)

    async def post_own(request: Request) -> Response:
        return await submit(request, web_links.GUEST_CONFERENCE)

    async def ics_public(request: Request) -> Response:
        return await run_in_threadpool(calendar, request, web_links.CONFERENCE)

    async def ics_own(request: Request) -> Response:
        return await run_in_threadpool(calendar, request, web_links.GUEST_CONFERENCE)

    return [
        Route("/k/svar/{token}.ics", ics_own, methods=["GET"]),
        Route("/k/svar/{token}", show_own, methods=["GET"]),
        Route("/k/svar/{token}", post_own, methods=["POST"]),
        Route("/k/{token}.ics", ics_public, methods=["GET"]),
        Route("/k/{token}", show_public, methods=["GET"]),
        Route("/k/{token}", post_public, methods=["POST"]),
    ]
