"""Hearings (høringer): /horing ny, liste, vis, svart, endre, avslutt, with deadline reminders."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import select

from bot import permissions
from bot.context import Context
from bot.dates import (
    DateParseError,
    day_warning,
    format_datetime,
    format_short,
    note_lines,
    parse_when,
    require_day,
)
from bot.errors import UserError
from bot.grammar import NEW_WORDS, Args, Token, one_line, one_name, parse_ref
from bot.i18n import t
from bot.messages import Fields, Reply, Text
from bot.router import Router, Verb
from handlers import hearing_card, hearing_list
from handlers import hearing_reminders as reminders
from handlers.lookup import audit, find_network, find_organisation, network_for, organisations
from storage.models import (
    Hearing,
    HearingAddressee,
    HearingAnswer,
    Member,
    Network,
    Organisation,
)
from storage.text import cut_visibly

KEYWORDS = {
    "deadline": (
        "frist",
        "fristen",
        "deadline",
        # as a hearing letter words it: "med frist for innspill 15.09"
        "frist for innspill",
        "frist for innspel",
        "med frist",
        "med frist for innspill",
        "med frist for innspel",
        "innspillsfrist",
        "innspelsfrist",
        "høringsfrist",
        "høyringsfrist",
        "svarfrist",
        "deadline for comments",
        "comment deadline",
    ),
    "sender": ("fra", "frå", "from", "avsender", "sender"),
    "link": ("lenke", "lenkje", "link", "url"),
    "network": ("nettverk", "network"),
    "addressees": (
        "mottakere",
        "mottakarar",
        "mottaker",
        "mottakar",
        "mottagere",
        "mottager",
        "addressees",
        "recipients",
        "recipient",
    ),
    "remind": ("påminn", "paminn", "påminnelser", "påminningar", "remind", "reminders"),
}
EDIT_KEYWORDS = {**KEYWORDS, "title": ("tittel", "title")}
ANSWER_KEYWORDS = {
    "organisation": ("org", "organisasjon", "organisation"),
    "link": ("lenke", "lenkje", "link", "url"),
}
MAX_TITLE = 2000
MAX_SENDER = 200
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_LIST_SPLIT = re.compile(r"[,;\n]")
_AND = re.compile(r"\s+(?:og|and)\s+", re.IGNORECASE)


def web_link(typed: str | None) -> str | None:
    """A link as typed after `lenke`: a web address (``https://...`` or ``www....``), or
    refused with what to type (`javascript:...` or `se vedlegget` would be shown, and put
    in the calendar feed, as the hearing's link)."""
    if typed is None:
        return None
    link = typed.strip()
    if not _URL.match(link):
        raise UserError("hearings.bad_link", given=cut_visibly(link, 80))
    # with its scheme: a calendar reads a bare `www.…` as a relative address
    return link if link.lower().startswith(("http://", "https://")) else f"https://{link}"


def _sender(typed: str | None) -> str | None:
    """Who sent the hearing out, as typed (the column holds 200 characters)."""
    return one_name(typed or "", MAX_SENDER, "sender") or None


def new_hearing(ctx: Context, args: Args) -> Reply:
    title = args.strict_title(limit=MAX_TITLE) or ""
    if not title:
        raise UserError("hearings.title_missing")
    if not args.get("deadline"):
        raise UserError("hearings.deadline_missing")
    network = network_for(ctx, args)
    require_member_of(ctx, network)
    deadline = parse_deadline(ctx, args.options["deadline"])
    offsets = parse_offsets_arg(ctx, args.get("remind")) or reminders.DEFAULT_OFFSETS
    if args.get("addressees"):
        orgs, created = resolve_addressees(ctx, args.options["addressees"], network)
    elif network.organisations:
        # no `mottakere`: the network's own organisations, as the reply shows
        orgs, created = sorted(network.organisations, key=lambda o: o.name), []
    else:
        raise UserError("hearings.addressees_missing")
    hearing = Hearing(
        network=network,
        title=title,
        sender=_sender(args.get("sender")),
        link=web_link(args.get("link")),
        deadline=deadline,
        reminder_offsets=offsets,
        state="open",
        created_by=ctx.member.id,
        created_at=ctx.now,
    )
    hearing.addressees = [HearingAddressee(organisation=o) for o in orgs]
    ctx.session.add(hearing)
    ctx.session.flush()
    reminders.sync_reminders(ctx.session, hearing, now=ctx.now, tz=ctx.tz)
    audit(ctx, "hearing.create", "hearing", hearing.id, title=title)
    if not args.get("addressees"):  # the network's own: say how to choose others
        ctx.notes.append(_default_addressees_note(ctx, network, hearing.id, orgs))
    reply = Reply(visibility="channel", object_ref=("hearing", hearing.id))
    reply.add(
        Text(
            t(
                "hearings.created",
                ctx.lang,
                number=hearing.id,
                title=hearing.title,
                network=network.name,
            )
        )
    )
    reply.add(summary_fields(ctx, hearing))
    notes = warnings(ctx, hearing)
    if created:
        notes.append(
            t("hearings.new_organisations", ctx.lang, names=", ".join(o.name for o in created))
        )
    notes.append(t("hearings.answer_hint", ctx.lang, number=hearing.id))
    reply.add(Text("\n".join(notes)))
    reply.add(hearing_card.card_buttons(hearing, ctx.lang))
    reply.card = hearing_card.render_hearing(ctx.session, hearing, ctx.lang, ctx.tz)
    return reply


def _default_addressees_note(
    ctx: Context, network: Network, number: int, orgs: list[Organisation]
) -> str:
    """Who the hearing went to without `mottakere`, and how to choose others, with two of
    the network's own organisations as the example."""
    return t(
        "hearings.addressees_default",
        ctx.lang,
        network=network.name,
        number=number,
        example=", ".join(o.name for o in orgs[:2]),
    )


def list_hearings(ctx: Context, args: Args) -> Reply:
    return hearing_list.list_hearings(ctx, args, visible_networks(ctx))


def show_hearing(ctx: Context, args: Args) -> Reply:
    hearing = find_hearing(ctx, args, "vis")
    reply = Reply()  # no object_ref: a private view, it must not rewrite the channel post
    reply.add(Text(t("hearings.show_title", ctx.lang, number=hearing.id, title=hearing.title)))
    reply.add(summary_fields(ctx, hearing, full=True))
    lines = [addressee_line(ctx, a) for a in hearing.addressees]
    if hearing.state == "open":
        lines += warnings(ctx, hearing)
    if may_manage(ctx, hearing):
        problems = [
            r
            for r in reminders.reminder_rows(ctx.session, hearing)
            if r.state in ("failed", "stale")
        ]
        if problems:
            lines.append(t("hearings.problems_title", ctx.lang))
            for row in problems:
                key = (
                    "hearings.problem_failed" if row.state == "failed" else "hearings.problem_stale"
                )
                lines.append(
                    "  "
                    + t(
                        key,
                        ctx.lang,
                        due=format_short(row.due_at, ctx.lang, ctx.tz),
                        error=row.last_error or "—",
                    )
                )
    reply.add(Text("\n".join(lines)))
    reply.add(hearing_card.card_buttons(hearing, ctx.lang))
    return reply


def mark_answered(ctx: Context, args: Args) -> Reply:
    hearing = find_hearing(ctx, args, "svart")
    require_open(hearing)
    if hearing.network is not None:
        require_member_of(ctx, hearing.network)
    rest = args.positional[1:]
    link = web_link(args.get("link"))
    if link is None and rest and not rest[-1].quoted and _URL.match(rest[-1].text):
        link = web_link(rest.pop().text)
    named = args.get("organisation") or " ".join(tok.text for tok in rest).strip()
    addressees = pick_addressees(ctx, hearing, named)
    for a in addressees:
        if not permissions.may_answer_for(ctx.member, a.organisation_id, hearing.network):
            raise ctx.refusal(
                hearing.network,
                "hearings.answer_not_yours",
                org=a.organisation.name,
                number=hearing.id,
            )
    again = [a for a in addressees if a.answered_at is not None]
    for a in addressees:
        # The first answer stays; each report is kept in the history `vis` shows.
        if a.answered_at is None:
            a.answered_at, a.answered_by = ctx.now, ctx.member.id
        if link and not a.response_link:
            a.response_link = link
        a.answers.append(HearingAnswer(member_id=ctx.member.id, at=ctx.now, link=link))
    ctx.session.flush()
    reminders.sync_reminders(ctx.session, hearing, now=ctx.now, tz=ctx.tz)
    names = ", ".join(a.organisation.name for a in addressees)
    audit(ctx, "hearing.answered", "hearing", hearing.id, organisations=names)
    lines = [t("hearings.answered", ctx.lang, orgs=names, number=hearing.id, title=hearing.title)]
    lines += [
        t(
            "hearings.answered_before",
            ctx.lang,
            org=a.organisation.name,
            when=format_short(a.answered_at, ctx.lang, ctx.tz),
            number=hearing.id,
        )
        for a in again
        if a.answered_at is not None
    ]
    return answered_reply(ctx, hearing, lines)


def answered_reply(ctx: Context, hearing: Hearing, lines: list[str]) -> Reply:
    """What was recorded, told to the member who answered; the hearing's posted cards are
    re-rendered with its card (a press on the card answers by updating it). Not a channel
    post: a post remembered as the card would lose this text at the card's next update."""
    missing = reminders.unanswered(hearing)
    lines.append(
        t("hearings.still_missing", ctx.lang, orgs=", ".join(missing))
        if missing
        else t("hearings.all_answered", ctx.lang)
    )
    card = hearing_card.render_hearing(ctx.session, hearing, ctx.lang, ctx.tz)
    return Reply(blocks=[Text("\n".join(lines))], object_ref=card.object_ref, card=card)


def edit_hearing(ctx: Context, args: Args) -> Reply:
    hearing = find_hearing(ctx, args, "endre")
    require_open(hearing)
    require_manager(ctx, hearing)
    args.refuse_stray(title=True)
    changes = dict(args.options)
    quoted_title = next((tok.text for tok in args.positional[1:] if tok.quoted), None)
    if quoted_title and "title" not in changes:
        changes["title"] = quoted_title
    if not changes:
        raise UserError("hearings.nothing_to_change", number=hearing.id)
    if "title" in changes:
        hearing.title = one_line(changes["title"], MAX_TITLE)
        if not hearing.title:
            raise UserError("hearings.title_missing")
    if "sender" in changes:
        hearing.sender = _sender(changes["sender"])
    if "link" in changes:
        hearing.link = web_link(changes["link"])
    if "deadline" in changes:
        hearing.deadline = parse_deadline(ctx, changes["deadline"])
    if "network" in changes:
        hearing.network = find_network(ctx.session, changes["network"])
        require_member_of(ctx, hearing.network, managing=True)
    if "remind" in changes:
        hearing.reminder_offsets = parse_offsets_arg(ctx, changes["remind"])
    created: list[Organisation] = []
    if "addressees" in changes and hearing.network is not None:
        orgs, created = resolve_addressees(ctx, changes["addressees"], hearing.network)
        keep = {a.organisation_id: a for a in hearing.addressees}
        hearing.addressees = [keep.get(o.id) or HearingAddressee(organisation=o) for o in orgs]
    ctx.session.flush()
    reminders.sync_reminders(ctx.session, hearing, now=ctx.now, tz=ctx.tz)
    audit(ctx, "hearing.edit", "hearing", hearing.id, changed=",".join(sorted(changes)))
    reply = Reply(visibility="channel", object_ref=("hearing", hearing.id))
    reply.add(Text(t("hearings.changed", ctx.lang, number=hearing.id, title=hearing.title)))
    reply.add(summary_fields(ctx, hearing))
    notes = warnings(ctx, hearing) if "deadline" in changes else []
    if created:
        notes.append(
            t("hearings.new_organisations", ctx.lang, names=", ".join(o.name for o in created))
        )
    if notes:
        reply.add(Text("\n".join(notes)))
    reply.card = hearing_card.render_hearing(ctx.session, hearing, ctx.lang, ctx.tz)
    return reply


def close_hearing(ctx: Context, args: Args) -> Reply:
    hearing = find_hearing(ctx, args, "avslutt")
    if len(args.positional) > 1:  # `avslutt 1 2`: one hearing at a time, none in silence
        given = " ".join(tok.text for tok in args.positional[1:])
        command = f"/horing {t('hearings.verb.avslutt', ctx.lang)} {hearing.id}"
        raise UserError("hearings.close_stray", given=cut_visibly(given, 60), command=command)
    if hearing.state != "open":
        raise UserError("hearings.already_closed", number=hearing.id)
    require_manager(ctx, hearing)
    hearing.state, hearing.closed_at = "closed", ctx.now
    ctx.session.flush()
    reminders.sync_reminders(ctx.session, hearing, now=ctx.now, tz=ctx.tz)
    audit(ctx, "hearing.close", "hearing", hearing.id)
    answered_count = sum(1 for a in hearing.addressees if a.answered_at is not None)
    closed = t(
        "hearings.closed_now",
        ctx.lang,
        number=hearing.id,
        title=hearing.title,
        answered=answered_count,
        total=len(hearing.addressees),
    )
    # The channel is told in a line; the hearing's posted cards show it closed.
    card = hearing_card.render_hearing(ctx.session, hearing, ctx.lang, ctx.tz)
    return Reply(blocks=[Text(closed)], visibility="channel", object_ref=card.object_ref, card=card)


VERBS = (
    Verb(
        (*NEW_WORDS, "registrer", "registrere", "register"),  # a hearing "er registrert"
        new_hearing,
        "help.horing.ny",
        keywords=KEYWORDS,
    ),
    Verb(
        ("liste", "list", "oversikt", "oversyn"),
        list_hearings,
        "help.horing.liste",
        keywords=hearing_list.KEYWORDS,
        flags=hearing_list.FLAGS,
        reads_only=True,
    ),
    Verb(("vis", "show", "info"), show_hearing, "help.horing.vis", reads_only=True),
    Verb(
        # nynorsk `svare` is an a-verb: "har svara"; members also type "har svart"
        ("svart", "svar", "svara", "har svart", "har svara", "answered", "answer", "responded"),
        mark_answered,
        "help.horing.svart",
        keywords=ANSWER_KEYWORDS,
    ),
    Verb(
        ("endre", "rediger", "edit", "change", "update"),
        edit_hearing,
        "help.horing.endre",
        keywords=EDIT_KEYWORDS,
        by_keyword=True,
    ),
    Verb(("avslutt", "lukk", "close", "end"), close_hearing, "help.horing.avslutt"),
)


def register(router: Router) -> None:
    grp = router.group(
        "horing",
        "høring",
        "hoyring",
        "høyring",
        "hearing",
        help_key="help.group.horing",
        default_verb="liste",
    )
    grp.add(*VERBS)
    router.add_renderers({reminders.KIND: reminders.render_reminder})
    router.cards[hearing_card.OBJECT] = hearing_card.hearing_card


# -- reading the command ------------------------------------------------------------------


def parse_deadline(ctx: Context, text: str) -> datetime:
    """The deadline in UTC; a day without a time of day means the end of that day."""
    try:
        when = require_day(parse_when(text, now=ctx.now, tz=ctx.tz, deadline=True), text)
    except DateParseError as err:
        detail = err.message(ctx.lang, example=False)  # the example with the keyword follows
        raise UserError("hearings.bad_date", detail=detail) from None
    ctx.notes += note_lines(when, ctx.lang)
    deadline = when.plain() if when.has_time else when.replace(hour=23, minute=59)
    deadline = deadline.astimezone(UTC)
    if deadline <= ctx.now:
        raise UserError(
            "hearings.deadline_past", deadline=format_datetime(deadline, ctx.lang, ctx.tz)
        )
    return deadline


def parse_offsets_arg(ctx: Context, text: str | None) -> str | None:
    if text is None:
        return None
    try:
        offsets = reminders.parse_reminders(text)
    except DateParseError as err:
        raise UserError("hearings.bad_reminders", detail=err.message(ctx.lang)) from None
    given = len(offsets.split(","))
    if given > reminders.MAX_REMINDERS:
        raise UserError("hearings.too_many_reminders", limit=reminders.MAX_REMINDERS, given=given)
    return offsets


def resolve_addressees(
    ctx: Context, text: str, network: Network
) -> tuple[list[Organisation], list[Organisation]]:
    """Organisations named in a list; "+Name" adds a new one. Returns (all, newly created)."""
    found: list[Organisation] = []
    created: list[Organisation] = []
    known: Sequence[Organisation] | None = None  # every organisation, read once
    for part in _LIST_SPLIT.split(text):
        name = part.strip().strip('"“”«»').strip()
        if not name:
            continue
        if name.startswith("+"):
            name = one_name(name[1:], keyword="addressees")
            existing = ctx.session.scalar(select(Organisation).where(Organisation.name == name))
            org = existing or Organisation(name=name)
            if existing is None and name:
                ctx.session.add(org)
                ctx.session.flush()
                created.append(org)
                known = None  # read again with the new one
            orgs = [org] if name else []
        else:
            known = known if known is not None else organisations(ctx.session)
            orgs = _known(ctx, name, network, known)
        found += [o for o in orgs if o not in found]
    if not found:
        raise UserError("hearings.addressees_missing")
    return found, created


def _known(
    ctx: Context, name: str, network: Network, among: Sequence[Organisation]
) -> list[Organisation]:
    try:
        return [find_organisation(ctx.session, name, among=among)]
    except UserError as err:
        if not err.key.endswith("unknown"):
            raise
    # "Horten og Larvik": two names joined by "og" (but "Vestfold og Telemark
    # fylkeskommune" is one, which the whole-name lookup above has already found).
    pieces = [p for p in _AND.split(name) if p.strip()]
    if len(pieces) > 1:
        return [o for p in pieces for o in _known(ctx, p, network, among)]
    choices = ", ".join(o.name for o in network.organisations) or "—"
    raise UserError("hearings.org_unknown", given=name, network=network.name, choices=choices)


def _picked(hearing: Hearing, part: str, choices: str) -> list[HearingAddressee]:
    """The addressee ``part`` names; "Tokke og Vinje" names two, unless one addressee's
    name has the "og" in it ("Vestfold og Telemark")."""
    q = part.strip().strip('"“”«»').strip().casefold()
    if not q:
        return []
    exact = [a for a in hearing.addressees if a.organisation.name.casefold() == q]
    hits = exact or [a for a in hearing.addressees if q in a.organisation.name.casefold()]
    if len(hits) == 1:
        return hits
    pieces = [p for p in _AND.split(part) if p.strip()]
    if not hits and len(pieces) > 1:
        return [a for p in pieces for a in _picked(hearing, p, choices)]
    raise UserError(
        "hearings.not_addressee", given=part.strip(), number=hearing.id, choices=choices
    )


def pick_addressees(ctx: Context, hearing: Hearing, named: str) -> list[HearingAddressee]:
    """The addressees a member names (comma list), or their own organisation."""
    choices = ", ".join(a.organisation.name for a in hearing.addressees) or "—"
    if not named:
        own = ctx.member.organisation
        if own is None:
            raise UserError("hearings.answer_org_missing", number=hearing.id, choices=choices)
        named = own.name
    picked: list[HearingAddressee] = []
    for part in _LIST_SPLIT.split(named):
        for hit in _picked(hearing, part, choices):
            if hit not in picked:
                picked.append(hit)
    if not picked:
        raise UserError("hearings.answer_org_missing", number=hearing.id, choices=choices)
    return picked


def find_hearing(ctx: Context, args: Args, verb: str) -> Hearing:
    first: Token | None = args.positional[0] if args.positional else None
    if first is None:
        raise UserError("hearings.number_missing", verb=t(f"hearings.verb.{verb}", ctx.lang))
    number = parse_ref(first.text)
    hearing = ctx.session.get(Hearing, number)
    if hearing is None:
        raise UserError("hearings.unknown", number=number)
    return hearing


# -- who may do what ----------------------------------------------------------------------


def require_member_of(ctx: Context, network: Network, *, managing: bool = False) -> None:
    """Taking part needs membership (the no any non-member gets); ``managing`` (moving a
    hearing into ``network``) is refused as managing: whose partnership it is, whom to ask."""
    if permissions.organiser_or_network_member(ctx.member, network):
        return
    if managing:
        raise ctx.refusal(
            network, "hearings.not_in_network", network=network.name, admins=ctx.admins()
        )
    raise UserError("hearings.not_in_network", network=network.name, admins=ctx.admins())


def may_manage(ctx: Context, hearing: Hearing) -> bool:
    return permissions.organiser_or_creator(ctx.member, hearing.created_by, hearing.network)


def require_manager(ctx: Context, hearing: Hearing) -> None:
    if not may_manage(ctx, hearing):
        creator = ctx.session.get(Member, hearing.created_by) if hearing.created_by else None
        raise ctx.refusal(
            hearing.network,
            "hearings.not_permitted",
            number=hearing.id,
            creator=creator.name if creator else "—",
        )


def require_open(hearing: Hearing) -> None:
    if hearing.state != "open":
        raise UserError("hearings.is_closed", number=hearing.id)


def visible_networks(ctx: Context) -> list[Network] | None:
    """Hearings of the channel's network, else of the member's networks; None means all."""
    if ctx.network is not None:
        return [ctx.network]
    if ctx.member.networks and not ctx.has_role("admin"):
        return list(ctx.member.networks)
    return None


# -- showing ------------------------------------------------------------------------------


def summary_fields(ctx: Context, hearing: Hearing, *, full: bool = False) -> Fields:
    lang = ctx.lang
    deadline = t(
        "hearings.deadline_left",
        lang,
        deadline=format_datetime(hearing.deadline, lang, ctx.tz),
        left=reminders.time_left(hearing.deadline, ctx.now, ctx.tz, lang),
    )
    times = reminders.pending_times(ctx.session, hearing)
    when = ", ".join(format_short(d, lang, ctx.tz) for d in times)
    channel = (
        ", ".join(c.name or c.channel_id for c in hearing.network.channels)
        if hearing.network and hearing.network.channels
        else (hearing.network.name if hearing.network else "—")
    )
    items: list[tuple[str, str]] = []
    if full:
        items.append((t("hearings.label.state", lang), t(f"hearings.state.{hearing.state}", lang)))
        items.append(
            (t("hearings.label.network", lang), hearing.network.name if hearing.network else "—")
        )
    if hearing.sender:
        items.append((t("hearings.label.sender", lang), hearing.sender))
    items.append((t("hearings.label.deadline", lang), deadline))
    if not full:
        items.append(
            (
                t("hearings.label.addressees", lang),
                ", ".join(a.organisation.name for a in hearing.addressees),
            )
        )
    if hearing.state == "open":
        items.append(
            (
                t("hearings.label.reminders", lang),
                t("hearings.reminders_in", lang, times=when, channel=channel)
                if times
                else t("hearings.no_reminders", lang),
            )
        )
    if hearing.link:
        items.append((t("hearings.label.link", lang), hearing.link))
    if full and hearing.created_by:
        creator = ctx.session.get(Member, hearing.created_by)
        items.append((t("hearings.label.created_by", lang), creator.name if creator else "—"))
    return Fields(tuple(items))


def addressee_line(ctx: Context, a: HearingAddressee) -> str:
    if a.answered_at is None:
        return t("hearings.addressee_waiting", ctx.lang, org=a.organisation.name)
    link = f" – {a.response_link}" if a.response_link else ""
    line = t(
        "hearings.addressee_answered",
        ctx.lang,
        org=a.organisation.name,
        when=format_short(a.answered_at, ctx.lang, ctx.tz),
        link=link,
    )
    # Reports after the first (the first may predate the history: the demo's, old rows).
    later = [r for r in a.answers if r.at != a.answered_at or r.member_id != a.answered_by]
    for r in later:
        line += "\n" + t(
            "hearings.answer_reported",
            ctx.lang,
            when=format_short(r.at, ctx.lang, ctx.tz),
            who=r.member.name if r.member else "—",
            link=f" – {r.link}" if r.link else "",
        )
    return line


def warnings(ctx: Context, hearing: Hearing) -> list[str]:
    warning = day_warning(hearing.deadline.astimezone(ctx.tz).date(), ctx.lang)
    if warning is None:
        return []
    return [t("hearings.weekend_note", ctx.lang, warning=warning, number=hearing.id)]
