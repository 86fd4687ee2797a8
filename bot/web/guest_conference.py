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


class ConferencePage:
    """The guest conference page of one site: shown, its form taken (bot/web/forms.py),
    and its calendar file."""

    def __init__(self, site: Site) -> None:
        self.site = site

    def page(
        self, request: Request, kind: str, token: str, status: int = 200, **extra: Any
    ) -> Response:
        site = self.site
        with site.db.transaction() as session:
            opened = forms.open_link(site, session, request, kind, token, Conference)
            if opened is None:
                return site.not_found(request)
            conf, guest, lang = opened.item, opened.guest, opened.lang
            values = self._values(session, request, kind, token, conf, guest, lang)
            values.update(extra)
            return site.render(request, "conference.html", lang, status, **values)

    def _values(
        self,
        session: Session,
        request: Request,
        kind: str,
        token: str,
        conf: Conference,
        guest: Member | None,
        lang: str,
    ) -> dict[str, Any]:
        contact = session.get(GuestContact, guest.id) if guest else None
        view = reg.conference_view(
            session, self.site.settings, conf, guest, now=datetime.now(UTC), lang=lang
        )
        public = kind == web_links.CONFERENCE
        return {
            "conf": view,
            "own": guest is not None,
            "name": guest.name if guest else "",
            "organisation": guest.organisation.name if guest and guest.organisation else "",
            "email": contact.email if contact else "",
            "ics_url": web_links.PATHS[web_links.CONFERENCE] + token + ".ics"
            if public
            else request.url.path + ".ics",
            "edit_url": self.site.own_url(request) if guest else None,
            "errors": {},
            "problem": None,
            "saved": request.query_params.get("lagret") == "1",
        }

    def save(self, session: Session, request: Request, link: WebLink, form: Any, lang: str) -> str:
        conf = find_conference(session, link.object_id or 0, lock=True)
        name = guest_votes.clean_field(form.get("name"))
        org = guest_votes.clean_field(form.get("organisation"))
        email = guest_votes.clean_field(form.get("email"))
        choice = form.get("choice")
        errors = guest_votes.check_details(name, org)
        if not reg.valid_email(email):
            errors["email"] = "page.error.email"
        if choice not in reg.CHOICES:
            errors["choice"] = "page.error.choice"
        if errors:
            raise FormAgain(errors=errors, name=name, organisation=org, email=email)
        now = datetime.now(UTC)
        known = forms.known_guest(session, request, link, web_links.GUEST_CONFERENCE, form)
        if known is not None:
            guest, own = known
            guest_votes.update_guest(session, guest, name, org)
        else:
            if choice == reg.CANCEL:
                raise UserError("page.conf.nothing_to_cancel")
            guest = guest_votes.new_guest(session, name, org, now=now)
            own = forms.own_link(
                session, web_links.GUEST_CONFERENCE, form, guest, conf.id, now=now, lang=lang
            )
        reg.save_email(session, guest, email)
        ctx = reg.guest_context(session, self.site.settings, guest, now=now, lang=lang)
        reg.answer(ctx, conf, str(choice))
        return own

    def calendar(self, request: Request, kind: str) -> Response:
        with self.site.db.transaction() as session:
            link = web_links.find(session, kind, request.path_params["token"])
            conf = session.get(Conference, link.object_id) if link else None
            if conf is None or conf.state == "draft":
                return self.site.not_found(request)
            settings = self.site.settings
            lang = page_language(request, link.language if link else None, settings.language)
            file = ics_file(session, conf, datetime.now(UTC), settings.tz, lang)
            return Response(
                file.data,
                media_type="text/calendar; charset=utf-8",
                headers={"Content-Disposition": f'attachment; filename="{file.name}"'},
            )

    async def show(self, request: Request, kind: str) -> Response:
        return await run_in_threadpool(self.page, request, kind, request.path_params["token"])

    async def submit(self, request: Request, kind: str) -> Response:
        return await forms.submit(self.site, request, kind, self.save, self.page, self.refill)

    @staticmethod
    def refill(form: Any) -> dict[str, Any]:
        """What the guest filled in, for the form shown again (a stale CSRF token)."""
        return {
            field: guest_votes.clean_field(form.get(field))
            for field in ("name", "organisation", "email")
        }

    async def ics(self, request: Request, kind: str) -> Response:
        return await run_in_threadpool(self.calendar, request, kind)


def routes(site: Site) -> list[Route]:
    pages = ConferencePage(site)
    public, own = web_links.CONFERENCE, web_links.GUEST_CONFERENCE
    return [
        Route("/k/svar/{token}.ics", forms.endpoint(pages.ics, own), methods=["GET"]),
        Route("/k/svar/{token}", forms.endpoint(pages.show, own), methods=["GET"]),
        Route("/k/svar/{token}", forms.endpoint(pages.submit, own), methods=["POST"]),
        Route("/k/{token}.ics", forms.endpoint(pages.ics, public), methods=["GET"]),
        Route("/k/{token}", forms.endpoint(pages.show, public), methods=["GET"]),
        Route("/k/{token}", forms.endpoint(pages.submit, public), methods=["POST"]),
    ]
