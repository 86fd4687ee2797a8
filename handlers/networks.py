"""Partnerships, networks, members and roles: /partnerbot hjelp, nettverk, meg, språk, ..."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select

from bot import permissions
from bot.context import Context, partnership_name
from bot.errors import UserError
from bot.grammar import Args, one_name
from bot.hygiene import MAX_NAME
from bot.i18n import normalize_language, t
from bot.messages import Fields, PersonRef, Reply, Text, strong
from bot.router import Router, Verb
from handlers.accounts import may_be_account_id, platform_name
from handlers.lookup import (
    audit,
    chat_members,
    find_network,
    find_organisation,
    find_organisations,
    member_labels,
    mentioned_member,
)
from storage.accounts import new_member
from storage.models import ChannelRef, Member, Network, Partnership

ROLE_WORDS = {
    "admin": ("admin", "administrator"),
    "organiser": ("organisator", "organisatør", "arrangør", "arrangor", "organiser", "organizer"),
    "member": ("medlem", "member", "deltaker", "deltakar"),
}


def parse_role(text: str) -> str:
    word = text.strip().casefold()
    for role, words in ROLE_WORDS.items():
        if word in words:
            return role
    raise UserError("networks.bad_role", given=text)


def role_name(role: str, lang: str) -> str:
    return t(f"role.{role}", lang)


def role_where(member: Member, lang: str) -> str:
    """The member's role and where it counts: an admin's everywhere, an organiser's in
    their own partnership (bot/permissions.py)."""
    role = role_name(member.role, lang)
    if permissions.admin(member):
        return t("networks.role_everywhere", lang, role=role)
    if permissions.has_role(member, "organiser"):
        where = partnership_name(member.partnership, lang)
        return t("networks.role_where", lang, role=role, where=where)
    return role


def list_networks(ctx: Context, args: Args) -> Reply:
    """Every network by partnership; `/partnerbot nettverk infrastruktur`: that one."""
    if args.words():
        networks: Sequence[Network] = [find_network(ctx.session, " ".join(args.words()))]
    else:
        networks = ctx.session.scalars(select(Network).order_by(Network.id)).all()
    if not networks:
        return Reply.text(t("networks.none", ctx.lang))
    reply = Reply()
    by_partnership: dict[str, list[Network]] = {}
    for net in networks:
        name = net.partnership.name if net.partnership else t("networks.no_partnership", ctx.lang)
        by_partnership.setdefault(name, []).append(net)
    for partnership, nets in by_partnership.items():
        reply.add(Text(strong(partnership)))
        for net in nets:
            reply.add(Text(_network_line(net, ctx.lang)))
    return reply


def _network_line(net: Network, lang: str) -> str:
    orgs = ", ".join(o.name for o in net.organisations) or "—"
    members = ", ".join(
        m.name + (f" ({m.organisation.name})" if m.organisation else "") for m in net.members
    )
    channels = ", ".join(c.name or c.channel_id for c in net.channels) or "—"
    return t(
        "networks.line", lang, name=net.name, orgs=orgs, members=members or "—", channels=channels
    )


def new_network(ctx: Context, args: Args) -> Reply:
    ctx.require_role("admin")
    name = args.strict_title(limit=MAX_NAME) or ""
    if not name:
        raise UserError("networks.name_missing")
    partnership = _partnership(ctx, args.get("partnership"))
    exists = ctx.session.scalar(
        select(Network).where(
            Network.name == name,
            Network.partnership_id == (partnership.id if partnership else None),
        )
    )
    if exists:
        raise UserError("networks.exists", name=name)
    net = Network(name=name, partnership=partnership)
    ctx.session.add(net)
    if args.get("organisations"):
        net.organisations = find_organisations(
            ctx.session, args.options["organisations"], create=True
        )
    ctx.session.flush()
    audit(ctx, "network.create", "network", net.id, name=name)
    return Reply.text(t("networks.created", ctx.lang, name=net.name), visibility="channel")


def new_partnership(ctx: Context, args: Args) -> Reply:
    ctx.require_role("admin")
    name = one_name(args.strict_title() or "")
    if not name:
        raise UserError("networks.partnership_name_missing")
    lang = _language_option(args)
    exists = ctx.session.scalar(
        select(Partnership).where(func.lower(Partnership.name) == name.casefold())
    )
    if exists is not None:
        raise UserError("networks.partnership_exists", name=exists.name)
    partnership = Partnership(name=name, language=lang, created_at=ctx.now)
    ctx.session.add(partnership)
    ctx.session.flush()
    audit(ctx, "partnership.create", "partnership", partnership.id, name=name)
    return Reply.text(t("networks.partnership_created", ctx.lang, name=name))


def bind_channel(ctx: Context, args: Args) -> Reply:
    ctx.require_role("admin")
    query = args.title
    if not query:
        raise UserError("networks.bind_missing")
    net = find_network(ctx.session, query)
    cmd = ctx.command
    ref = ctx.session.scalar(
        select(ChannelRef).where(
            ChannelRef.platform == cmd.platform, ChannelRef.channel_id == cmd.channel_id
        )
    )
    if ref is None:
        ref = ChannelRef(platform=cmd.platform, channel_id=cmd.channel_id)
        ctx.session.add(ref)
    ref.network_id, ref.name = net.id, cmd.channel_name or cmd.channel_id
    ctx.session.flush()
    audit(ctx, "channel.bind", "network", net.id, channel=cmd.channel_id)
    return Reply.text(
        t(
            "networks.bound",
            ctx.lang,
            name=net.name,
            channel=cmd.channel_name or cmd.channel_id,
        ),
        visibility="channel",
    )


def show_me(ctx: Context, args: Args) -> Reply:
    reply = _profile(ctx)
    if not ctx.member.networks:  # what that means, and whom to ask
        reply.add(Text(t("networks.me_no_network", ctx.lang, admins=ctx.admins())))
    return reply


def _profile(ctx: Context) -> Reply:
    m = ctx.member
    return Reply(
        blocks=[
            Text(t("networks.me_title", ctx.lang, name=m.name)),
            Fields(
                (
                    (
                        t("label.organisation", ctx.lang),
                        m.organisation.name if m.organisation else "—",
                    ),
                    (t("label.role", ctx.lang), role_where(m, ctx.lang)),
                    (t("label.language", ctx.lang), t(f"language.{ctx.lang}", ctx.lang)),
                    (t("label.timezone", ctx.lang), str(ctx.tz)),
                    (
                        t("label.networks", ctx.lang),
                        ", ".join(n.name for n in m.networks) or "—",
                    ),
                )
            ),
        ]
    )


def set_language(ctx: Context, args: Args) -> Reply:
    if not args.title:
        return Reply.text(t("networks.language_now", ctx.lang))
    lang = normalize_language(args.title)
    if lang is None:
        raise UserError("networks.bad_language", given=args.title or "—")
    ctx.member.language = lang
    return Reply.text(t("networks.language_set", lang))


def add_member(ctx: Context, args: Args) -> Reply:
    own = _own_language(ctx, args)
    if own is not None:
        return own
    ctx.require_role("admin")
    name = one_name(args.strict_title() or "")
    if not name:
        raise UserError("networks.member_name_missing")
    role = parse_role(args.options["role"]) if args.get("role") else None
    lang = _language_option(args)
    member, created = _named_member(ctx, name)
    changes = ("organisation", "network", "partnership")
    if not created and not (role or lang or any(args.get(key) for key in changes)):
        return Reply.text(_member_unchanged(ctx, member))
    if role:
        member.role = role
    if lang:
        member.language = lang
    if args.get("organisation"):
        member.organisation = find_organisation(
            ctx.session, args.options["organisation"], create=True
        )
    net = find_network(ctx.session, args.options["network"]) if args.get("network") else None
    if net is not None and net not in member.networks:
        member.networks.append(net)
    note = _place(ctx, member, net, args)
    ctx.session.flush()
    audit(
        ctx,
        "member.create" if created else "member.update",
        "member",
        member.id,
        role=member.role,
    )
    key = "networks.member_created" if created else "networks.member_updated"
    return Reply.text(
        t(
            key,
            ctx.lang,
            name=member.name,
            role=role_where(member, ctx.lang),
            org=member.organisation.name if member.organisation else "—",
        )
        + note
    )


def _own_language(ctx: Context, args: Args) -> Reply | None:
    """`/partnerbot medlem "<me>" språk nn` by a member who is no admin: their language is
    theirs to choose, so it is set as `/partnerbot språk nn` would. None for anything else
    (another member, or another change too): that stays admin-only."""
    if permissions.admin(ctx.member) or set(args.options) != {"language"}:
        return None
    if not _names_self(ctx, args):
        return None
    lang = _language_option(args)
    ctx.member.language = lang
    return Reply.text(t("networks.language_set", lang or ctx.lang))


def _names_self(ctx: Context, args: Args) -> bool:
    """Whether the member named is the one typing, found as an admin's command finds them
    (a mention, an account id, a full name no one else has)."""
    try:
        name = (args.strict_title() or "").strip()
        if not name:
            return False
        mention = PersonRef.parse(name)
        ref = mention or PersonRef(ctx.command.platform, name[:100])
        found = mentioned_member(ctx.session, ref)
        if found is None and mention is None:
            found = _person_called(ctx, name)
    except UserError:  # a stray word, two people of that name: not clearly themselves
        return False
    return found is ctx.member


def _place(ctx: Context, member: Member, net: Network | None, args: Args) -> str:
    """Where the member's role counts (bot/permissions.py): `partnerskap X`; else, for one
    in no partnership, that of `nettverk X`, or for a new organiser the channel's; a new
    organiser with neither is refused while partnerships exist. Returns a note when a new
    role keeps counting elsewhere than the partnership of `nettverk X` or the channel's."""
    if args.get("partnership"):
        member.partnership = _partnership(ctx, args.options["partnership"])
        return ""
    made_organiser = bool(args.get("role")) and member.role == "organiser"
    where = net or (ctx.network if made_organiser else None)
    if member.partnership is None and where is not None:
        member.partnership = where.partnership
    if not made_organiser:
        return ""
    if member.partnership is None and where is None:
        names = ctx.session.scalars(select(Partnership.name).order_by(Partnership.name)).all()
        if names:
            raise UserError(
                "networks.role_where_missing", name=member.name, choices=", ".join(names)
            )
    # `where` is the network the command is about: `nettverk X`, else the channel's.
    if where is not None and where.partnership and member.partnership is not where.partnership:
        return " " + t(
            "networks.role_stays",
            ctx.lang,
            name=member.name,
            mine=member.partnership.name if member.partnership else "—",
            theirs=where.partnership.name,
        )
    return ""


def _member_unchanged(ctx: Context, member: Member) -> str:
    """`/partnerbot medlem "Kari"` with nothing to change: who Kari is, and how to change."""
    other = "organiser" if member.role == "member" else "member"
    return t(
        "networks.member_unchanged",
        ctx.lang,
        name=member.name,
        role=role_name(member.role, ctx.lang),
        org=member.organisation.name if member.organisation else "—",
        networks=", ".join(n.name for n in member.networks) or "—",
        example_role=role_name(other, ctx.lang),
    )


VERBS = (
    Verb(
        # "medlemmer": a newcomer asking who is in gets the networks with their members
        ("nettverk", "network", "networks", "medlemmer", "medlemer", "members"),
        list_networks,
        "help.partnerbot.nettverk",
        reads_only=True,
    ),
    Verb(
        ("nettverk ny", "network new", "new network"),
        new_network,
        "help.partnerbot.nettverk_ny",
        keywords={
            "partnership": ("partnerskap", "partnarskap", "partnership", "regionråd", "regionrad"),
            "organisations": ("organisasjoner", "organisasjonar", "organisations", "org"),
        },
    ),
    Verb(
        ("partnerskap ny", "partnarskap ny", "partnership new", "new partnership"),
        new_partnership,
        "help.partnerbot.partnerskap_ny",
        keywords={"language": ("språk", "sprak", "language")},
    ),
    Verb(
        (
            "koble nettverk",
            "kople nettverk",
            "koble",
            "kople",
            "link network",
            "bind network",
            "link",
        ),
        bind_channel,
        "help.partnerbot.koble",
    ),
    Verb(("meg", "me", "profil", "profile"), show_me, "help.partnerbot.meg", reads_only=True),
    Verb(("språk", "sprak", "language", "lang"), set_language, "help.partnerbot.sprak"),
    Verb(
        ("medlem ny", "medlem", "member new", "member", "add member"),
        add_member,
        "help.partnerbot.medlem_ny",
        keywords={
            "organisation": ("org", "organisasjon", "organisation"),
            "role": ("rolle", "role"),
            "network": ("nettverk", "network"),
            "language": ("språk", "sprak", "language"),
            "partnership": ("partnerskap", "partnarskap", "partnership", "regionråd", "regionrad"),
        },
    ),
)


def register(router: Router) -> None:
    grp = router.group("partnerbot", "pb", help_key="help.group.partnerbot", default_verb="hjelp")
    # The help is the router's own: it lists every group the features added.
    grp.add(
        Verb(("hjelp", "help", "?"), router.help_verb, "help.partnerbot.hjelp", reads_only=True),
        *VERBS,
    )


def _named_member(ctx: Context, name: str) -> tuple[Member, bool]:
    """The member a mention, an account id on this platform (the console's are names) or a
    person's full name stands for, made when new; and whether it was made."""
    mention = PersonRef.parse(name)
    ref = mention or PersonRef(ctx.command.platform, name[:100])
    member = mentioned_member(ctx.session, ref)
    if member is not None:
        return member, False
    if mention is None:
        named = _person_called(ctx, name)
        if named is not None:
            return named, False
        if not may_be_account_id(ref.platform, name):
            raise UserError(
                "networks.member_needs_account",
                name=name,
                platform=platform_name(ref.platform, ctx.lang),
                code=ref.platform,
            )
    member = new_member(
        ctx.session,
        ref.platform,
        ref.external_id,
        name=name if not mention else ref.external_id,
        role="member",
    )
    return member, True


def _person_called(ctx: Context, name: str) -> Member | None:
    """The one person of exactly this name on any platform; two ask which one."""
    members = chat_members(ctx.session)
    labels = member_labels(members)
    q = name.strip().casefold()
    hits = [
        (m, label)
        for m, label in zip(members, labels, strict=True)
        if q in (m.name.casefold(), label.casefold())
    ]
    if len(hits) > 1:
        shown = ", ".join(label for _, label in hits)
        raise UserError("lookup.member_ambiguous", given=name, choices=shown)
    return hits[0][0] if hits else None


def _language_option(args: Args) -> str | None:
    """The ``språk`` option (nb, nn, en in any spelling), or None when not given."""
    if not args.get("language"):
        return None
    lang = normalize_language(args.options["language"])
    if lang is None:
        raise UserError("networks.bad_language", given=args.options["language"])
    return lang


def _partnership(ctx: Context, name: str | None) -> Partnership | None:
    """The partnership named (exactly, or the one whose name contains the words), else the
    channel's or the member's. An unknown name is refused, never created by a typo."""
    if not name:
        return ctx.network.partnership if ctx.network else ctx.member.partnership
    partnerships = ctx.session.scalars(select(Partnership).order_by(Partnership.name)).all()
    q = " ".join(name.split()).casefold()
    exact = [p for p in partnerships if p.name.casefold() == q]
    hits = exact or [p for p in partnerships if q in p.name.casefold()]
    if len(hits) == 1:
        return hits[0]
    choices = ", ".join(p.name for p in (hits or partnerships)) or "—"
    key = "networks.partnership_ambiguous" if hits else "networks.partnership_unknown"
    raise UserError(key, given=" ".join(name.split()), choices=choices)
