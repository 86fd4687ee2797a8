"""The guest poll page: /m/<token> (anyone with the organiser's link answers) and
/m/svar/<token> (a guest's own link: what they answered, and where they change it)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.web import forms
from bot.web.forms import FormAgain
from bot.web.site import Site, own_path
from handlers import guest_votes, meeting_invite, web_links
from handlers.poll_results import ANSWERS
from storage.models import Poll, WebLink


def _save(
    session: Session, request: Request, link: WebLink, poll: Poll, form: Any, lang: str
) -> str:
    """Save the guest's answers; returns the path of their own link. Raises FormAgain, or
    Conflict when the poll closed while the form was open (before the fields: there is no
    form to correct then)."""
    guest_votes.check_open(poll, datetime.now(UTC))
    name = guest_votes.clean_field(form.get("name"))
    org = guest_votes.clean_field(form.get("organisation"))
    answers = _answers(form, len(poll.slots))
    errors = guest_votes.check_details(name, org)
    for slot in poll.slots:
        if slot.position not in answers:
            errors[f"slot{slot.position}"] = "page.error.slot"
    if errors:
        raise FormAgain(errors=errors, name=name, organisation=org, answers=answers)
    when = datetime.now(UTC)
    known = forms.known_guest(session, request, link, web_links.GUEST_POLL, form)
    if known is not None:
        guest, own = known
        guest_votes.update_guest(session, guest, name, org)
        guest_votes.guest_vote(session, poll, guest, answers, now=when)
        return own
    guest = guest_votes.new_guest(session, name, org, now=when)
    guest_votes.guest_vote(session, poll, guest, answers, now=when)
    return forms.own_link(session, web_links.GUEST_POLL, form, guest, poll.id, now=when, lang=lang)


# A slot's field as the page writes it: "slot1" to "slot999" (a poll has far fewer).
SLOT_FIELD = re.compile(r"slot([1-9][0-9]{0,2})")


def refill(form: Any) -> dict[str, Any]:
    """What the guest filled in, for the form shown again (a stale CSRF token). The poll
    is not at hand here: the answers are the slot fields the form has, as the page
    writes them (a made-up "slot99999…" is no slot, and no loop up to it)."""
    answers = {}
    for key, value in form.items():
        found = SLOT_FIELD.fullmatch(key)
        if found and isinstance(value, str) and value in ANSWERS:
            answers[int(found.group(1))] = value
    return {
        "name": guest_votes.clean_field(form.get("name")),
        "organisation": guest_votes.clean_field(form.get("organisation")),
        "answers": answers,
    }


def _answers(form: Any, poll_slots: int) -> dict[int, str]:
    out: dict[int, str] = {}
    for n in range(1, poll_slots + 1):
        value = form.get(f"slot{n}")
        if isinstance(value, str) and value in ANSWERS:
            out[n] = value
    return out


class PollPage:
    """The guest poll page of one site: shown, and its form taken (bot/web/forms.py)."""

    def __init__(self, site: Site) -> None:
        self.site = site

    def page(
        self, request: Request, kind: str, token: str, status: int = 200, **extra: Any
    ) -> Response:
        site = self.site
        with site.db.transaction() as session:
            opened = forms.open_link(site, session, request, kind, token, Poll)
            if opened is None:
                return site.not_found(request)
            poll, guest, lang = opened.item, opened.guest, opened.lang
            view = guest_votes.poll_view(session, poll, lang, site.settings.tz, datetime.now(UTC))
            values: dict[str, Any] = {
                "poll": view,
                "answers": guest_votes.answers_of(session, poll, guest) if guest else {},
                "name": guest.name if guest else "",
                "organisation": guest.organisation.name if guest and guest.organisation else "",
                "edit_url": site.own_url(request) if guest else None,
                "ics_url": own_path(request) + ".ics",
                "errors": {},
                "problem": None,
            }
            values.update(extra)
            return site.render(request, "poll.html", lang, status, **values)

    async def show(self, request: Request, kind: str) -> Response:
        token = request.path_params["token"]
        saved = request.query_params.get("lagret") == "1"
        return await run_in_threadpool(self.page, request, kind, token, 200, saved=saved)

    def save(
        self, session: Session, request: Request, link: WebLink, form: Any, lang: str
    ) -> str | None:
        poll = session.get(Poll, link.object_id)
        if poll is None:
            return None
        return _save(session, request, link, poll, form, lang)

    async def submit(self, request: Request, kind: str) -> Response:
        return await forms.submit(self.site, request, kind, self.save, self.page, refill)

    def calendar(self, request: Request, kind: str) -> Response:
        """The meeting the poll was closed into, as an .ics: its UID and SEQUENCE, so the
        file fetched again after a move or a call-off updates the calendar's copy."""
        site = self.site
        with site.db.transaction() as session:
            opened = forms.open_link(
                site, session, request, kind, request.path_params["token"], Poll
            )
            meeting = guest_votes.last_meeting(session, opened.item) if opened else None
            if meeting is None or opened is None or opened.item.state == "open":
                return site.not_found(request)
            return Response(
                meeting_invite.ics(
                    meeting, tz=site.settings.tz, now=datetime.now(UTC), organiser=None
                ),
                media_type="text/calendar; charset=utf-8",
                headers={
                    "Content-Disposition": f'attachment; filename="{meeting_invite.ics_name(meeting)}"'
                },
            )

    async def ics(self, request: Request, kind: str) -> Response:
        return await run_in_threadpool(self.calendar, request, kind)


def routes(site: Site) -> list[Route]:
    pages = PollPage(site)
    public, own = web_links.POLL, web_links.GUEST_POLL
    return [
        Route("/m/svar/{token}.ics", forms.endpoint(pages.ics, own), methods=["GET"]),
        Route("/m/{token}.ics", forms.endpoint(pages.ics, public), methods=["GET"]),
        Route("/m/svar/{token}", forms.endpoint(pages.show, own), methods=["GET"]),
        Route("/m/svar/{token}", forms.endpoint(pages.submit, own), methods=["POST"]),
        Route("/m/{token}", forms.endpoint(pages.show, public), methods=["GET"]),
        Route("/m/{token}", forms.endpoint(pages.submit, public), methods=["POST"]),
    ]
