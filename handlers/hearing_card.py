"""A hearing's card: title, deadline, who has answered and who has not, and while it is
open the buttons "Vi har svart" and "Vis". Every posted hearing message is re-rendered
from the database with it after an answer, an edit or closing (``router.cards``)."""

from __future__ import annotations

from datetime import tzinfo
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.datefmt import format_datetime
from bot.i18n import t
from bot.messages import Button, Buttons, Reply, Text
from storage.models import Hearing

OBJECT = "hearing"


def render_hearing(session: Session, hearing: Hearing, lang: str, tz: tzinfo) -> Reply:
    """The hearing as its posted messages show it; no button once it is closed."""
    reply = Reply(visibility="channel", object_ref=(OBJECT, hearing.id))
    reply.add(Text(t("hearings.card_title", lang, number=hearing.id, title=hearing.title)))
    lines = [
        t("hearings.card_deadline", lang, deadline=format_datetime(hearing.deadline, lang, tz))
    ]
    if hearing.sender:
        lines.append(t("hearings.card_sender", lang, sender=hearing.sender))
    answered = [a.organisation.name for a in hearing.addressees if a.answered_at is not None]
    waiting = [a.organisation.name for a in hearing.addressees if a.answered_at is None]
    lines.append(t("hearings.card_answered", lang, orgs=", ".join(answered) or "—"))
    lines.append(t("hearings.card_waiting", lang, orgs=", ".join(waiting) or "—"))
    if hearing.state != "open":
        lines.append(t("hearings.card_closed", lang))
    reply.add(Text("\n".join(lines)))
    reply.add(card_buttons(hearing, lang))
    return reply


def card_buttons(hearing: Hearing, lang: str) -> Buttons:
    """Each button runs the command a member would type; "Vi har svart" only while open."""
    show = Button(t("hearings.button.show", lang), t("hearings.cmd.show", lang, number=hearing.id))
    if hearing.state != "open":
        return Buttons((show,))
    answer = Button(
        t("hearings.button.answered", lang),
        t("hearings.cmd.answered", lang, number=hearing.id),
        "primary",
    )
    return Buttons((answer, show))


def hearing_card(session: Session, hearing_id: int, lang: str, tz: ZoneInfo) -> Reply | None:
    """The card renderer registered in ``router.cards``: None when the hearing is gone."""
    hearing = session.get(Hearing, hearing_id)
    return render_hearing(session, hearing, lang, tz) if hearing is not None else None
