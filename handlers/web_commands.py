"""Chat commands that hand out private web links: /mote lenke, /konferanse lenke,
/partnerbot kalender, /tiltak tavle. The pages themselves are in bot/web/."""

from __future__ import annotations

from sqlalchemy import select

from bot import permissions
from bot.context import Context, partnership_name
from bot.errors import UserError
from bot.grammar import Args, parse_ref
from bot.i18n import t
from bot.messages import Reply
from bot.router import Router, Verb
from handlers import web_links
from handlers.conference_common import DRAFT, find_conference, home_network, is_organiser_of
from handlers.lookup import audit, find_network, network_for
from storage.models import Network, Poll

OFF_WORDS = frozenset({"av", "off", "stopp", "slett", "revoke"})
NEW_WORDS = frozenset({"ny", "new", "nytt"})
NETWORK_WORDS = frozenset({"nettverk", "network"})


def public_url(ctx: Context) -> str:
    if not ctx.settings.public_url:
        raise UserError("web.no_public_url")
    return ctx.settings.public_url.rstrip("/")


def _words(args: Args) -> list[str]:
    return [w.casefold() for w in args.words()]


def poll_link(ctx: Context, args: Args) -> Reply:
    words = _words(args)
    if not words:
        raise UserError("web.poll_number_missing")
    number = parse_ref(words[0], what=t("polls.what", ctx.lang))
    poll = ctx.session.scalar(select(Poll).where(Poll.id == number))
    if poll is None:
        raise UserError("polls.unknown", id=number)
    if not permissions.organiser_or_creator(ctx.member, poll.created_by, poll.network):
        raise ctx.refusal(poll.network, "web.link_organiser_only")
    made = _link_or_revoke(
        ctx, words, web_links.POLL, "poll", poll.id, "web.poll_link_revoked", "/mote lenke"
    )
    if isinstance(made, Reply):
        return made
    return Reply.text(t("web.poll_link", ctx.lang, id=poll.id, title=poll.title, url=made))


def conference_link(ctx: Context, args: Args) -> Reply:
    words = _words(args)
    if not words:
        raise UserError("conferences.ref_missing")
    conf = find_conference(ctx.session, parse_ref(words[0]), viewer=ctx.member)
    if not is_organiser_of(ctx, conf):
        raise ctx.refusal(home_network(ctx.session, conf), "web.link_organiser_only")
    made = _link_or_revoke(
        ctx,
        words,
        web_links.CONFERENCE,
        "conference",
        conf.id,
        "web.conference_link_revoked",
        "/konferanse lenke",
    )
    if isinstance(made, Reply):
        return made
    key = "web.conference_link_draft" if conf.state == DRAFT else "web.conference_link"
    return Reply.text(t(key, ctx.lang, id=conf.id, title=conf.title, url=made))


def _link_or_revoke(
    ctx: Context,
    words: list[str],
    kind: str,
    object_type: str,
    object_id: int,
    revoked_key: str,
    command: str,
) -> str | Reply:
    """After the organiser check: ``av`` closes the object's guest links (the reply says
    how many), anything else after the number is refused; else a new link's address."""
    if len(words) > 1 and words[1] in OFF_WORDS:
        count = web_links.revoke_all(ctx.session, kind, now=ctx.now, object_id=object_id)
        audit(ctx, "web.link_revoked", object_type, object_id, count=count)
        return Reply.text(t(revoked_key, ctx.lang, id=object_id, count=count))
    if len(words) > 1:
        raise UserError("web.link_bad_word", given=words[1], command=f"{command} {object_id} av")
    base = public_url(ctx)
    token = web_links.create(
        ctx.session,
        kind,
        now=ctx.now,
        object_id=object_id,
        language=ctx.lang,
        created_by=ctx.member.id,
    )
    audit(ctx, "web.link_created", object_type, object_id)
    return web_links.url(base, kind, token)


def _feed_reply(ctx: Context, key: str, base: str, kind: str, token: str) -> Reply:
    https = web_links.url(base, kind, token, ".ics")
    webcal = "webcal://" + https.split("://", 1)[1]
    return Reply.text(t(key, ctx.lang, https=https, webcal=webcal))


def calendar_link(ctx: Context, args: Args) -> Reply:
    """`/partnerbot kalender` (your feed), `… kalender ny` (a new URL, the old one stops),
    `… kalender nettverk` (the channel's network, for the channel topic)."""
    words = _words(args)
    if words and words[0] in NETWORK_WORDS:
        # `kalender nettverk [<name>] [ny]`: a name where no channel says which network
        named = args.words()[1:]
        renew = bool(named) and named[-1].casefold() in NEW_WORDS
        name = " ".join(named[:-1] if renew else named)
        return _network_feed(ctx, args, name, renew=renew)
    base = public_url(ctx)
    if words and words[0] not in NEW_WORDS:
        raise UserError("web.calendar_bad_word", given=words[0])
    link = web_links.live(ctx.session, web_links.FEED, member_id=ctx.member.id)
    renewed = bool(words)
    if link is None or renewed:
        web_links.revoke_all(ctx.session, web_links.FEED, now=ctx.now, member_id=ctx.member.id)
        token = web_links.create(
            ctx.session,
            web_links.FEED,
            now=ctx.now,
            member_id=ctx.member.id,
            language=ctx.lang,
            created_by=ctx.member.id,
            shown_again=True,
        )
        audit(ctx, "web.feed_created", "member", ctx.member.id, renewed=renewed)
    else:
        token = link.token or ""
    key = "web.feed_renewed" if renewed and link is not None else "web.feed"
    reply = _feed_reply(ctx, key, base, web_links.FEED, token)
    reply.visibility = "private"  # whoever has the address reads the member's calendar
    return reply


def _network_feed(ctx: Context, args: Args, name: str, *, renew: bool) -> Reply:
    """The network's feed for those who take part in it; a new address (the old one stops
    for every subscriber) only from organisers of its partnership and admins."""
    network = find_network(ctx.session, name) if name else network_for(ctx, args)
    _require_address_rights(ctx, network, FEED_REFUSALS, renew=renew)
    base = public_url(ctx)
    link = web_links.live(ctx.session, web_links.NETWORK_FEED, object_id=network.id)
    if link is None or renew:
        web_links.revoke_all(ctx.session, web_links.NETWORK_FEED, now=ctx.now, object_id=network.id)
        token = _new_network_token(ctx, web_links.NETWORK_FEED, network)
        audit(ctx, "web.network_feed_created", "network", network.id, renewed=renew)
    else:
        token = link.token or ""
    return _feed_reply(ctx, "web.network_feed", base, web_links.NETWORK_FEED, token)


FEED_REFUSALS = ("web.network_feed_members_only", "web.network_feed_new_organisers_only")
DASHBOARD_REFUSALS = ("web.dashboard_members_only", "web.dashboard_new_organisers_only")


def may_have_dashboard(ctx: Context, network: Network) -> bool:
    """A network's standing addresses (its page, its feed) go to those who take part in it:
    they work outside the chat, and one person's cannot be taken back."""
    return permissions.organiser_or_network_member(ctx.member, network)


def _require_address_rights(
    ctx: Context, network: Network, refusals: tuple[str, str], *, renew: bool
) -> None:
    """A standing address for those who take part in the network; a new one (the old one
    stops for everybody who has it) only from organisers of its partnership and admins.
    ``refusals``: the text keys for a non-member and for a new address by a non-organiser."""
    members_only, new_organisers_only = refusals
    if not may_have_dashboard(ctx, network):
        raise UserError(members_only, network=network.name, who=ctx.whom_to_ask(network))
    if renew and not permissions.organiser(ctx.member, network):
        raise ctx.refusal(
            network,
            new_organisers_only,
            network=network.name,
            partnership=partnership_name(network.partnership, ctx.lang),
            who=ctx.whom_to_ask(network),
        )


def dashboard_url(ctx: Context, network: Network) -> str:
    """The network's dashboard address: its live link, or a new one the first time."""
    base = public_url(ctx)
    link = web_links.live(ctx.session, web_links.DASHBOARD, object_id=network.id)
    if link is not None and link.token:
        return web_links.url(base, web_links.DASHBOARD, link.token)
    token = _new_network_token(ctx, web_links.DASHBOARD, network)
    return web_links.url(base, web_links.DASHBOARD, token)


def _new_network_token(ctx: Context, kind: str, network: Network) -> str:
    """A new standing address of the network (its feed, its page), shown again on asking."""
    return web_links.create(
        ctx.session,
        kind,
        now=ctx.now,
        object_id=network.id,
        created_by=ctx.member.id,
        shown_again=True,
    )


def dashboard_line(ctx: Context, network: Network | None) -> str | None:
    """The line /tiltak liste ends with when the web pages are set up."""
    if network is None or not ctx.settings.public_url or not may_have_dashboard(ctx, network):
        return None
    return t("web.dashboard_line", ctx.lang, url=dashboard_url(ctx, network))


def dashboard_link(ctx: Context, args: Args) -> Reply:
    """`/tiltak tavle` (the network's page), `… tavle ny` (a new address, the old one stops
    for everybody who has it: organisers of the network's partnership and admins)."""
    words = _words(args)
    if words and words[0] not in NEW_WORDS:
        raise UserError("web.dashboard_bad_word", given=args.words()[0])
    network = network_for(ctx, args)
    _require_address_rights(ctx, network, DASHBOARD_REFUSALS, renew=bool(words))
    if not words:
        url = dashboard_url(ctx, network)
        return Reply.text(t("web.dashboard_link", ctx.lang, network=network.name, url=url))
    public_url(ctx)  # before closing anything: the pages must be set up
    web_links.revoke_all(ctx.session, web_links.DASHBOARD, now=ctx.now, object_id=network.id)
    audit(ctx, "web.dashboard_renewed", "network", network.id)
    url = dashboard_url(ctx, network)
    return Reply.text(t("web.dashboard_renewed", ctx.lang, network=network.name, url=url))


# Verbs for the groups the features made (so this feature registers after them).
VERBS = (
    ("mote", Verb(("lenke", "lenkje", "link"), poll_link, "help.mote.lenke")),
    ("konferanse", Verb(("lenke", "lenkje", "link"), conference_link, "help.konferanse.lenke")),
    ("partnerbot", Verb(("kalender", "calendar"), calendar_link, "help.partnerbot.kalender")),
    (
        "tiltak",
        Verb(
            ("tavle", "dashbord", "dashboard"),
            dashboard_link,
            "help.tiltak.tavle",
            keywords={"network": ("nettverk", "network")},
        ),
    ),
)


def register(router: Router) -> None:
    """A router built with fewer features gets only the verbs whose group it has."""
    for group, verb in VERBS:
        if group in router.groups:
            router.groups[group].add(verb)
