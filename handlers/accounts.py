"""A person's accounts on several platforms: linking them with a one-time code or by an
admin, unlinking, and listing them in ``/partnerbot meg``.

When the account linked already belongs to a member of its own (someone who wrote to the
bot there first), that member is merged into the person (storage/merge.py: the person
linked to keeps their answers where both answered). A person has one account per platform.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot import permissions
from bot.context import Context
from bot.errors import UserError
from bot.grammar import Args, Token
from bot.i18n import CATALOG, t
from bot.messages import Fields, PersonRef, Reply, Text
from bot.router import CommandGroup, Handler, Router, Verb
from handlers import link_codes
from handlers.lookup import audit, find_member
from storage.accounts import find_account
from storage.merge import Merged, merge_members
from storage.models import Account, Member

PLATFORM_WORDS = {
    "slack": "slack",
    "teams": "teams",
    "msteams": "teams",
    "console": "console",
    "konsoll": "console",
    "konsollen": "console",
    "terminal": "console",
}
SLACK_ID = re.compile(r"[A-Za-z0-9_]{2,30}")
TEAMS_ID = re.compile(r"[A-Za-z0-9:_.\-]{2,100}")
# What else moves in a merge than the accounts and the bot's own notes: "with data".
_NOT_DATA = ("accounts.", "account_link_codes.", "audit_log.")


def may_be_account_id(platform: str, text: str) -> bool:
    """Whether ``text`` can be an account id on ``platform`` (a Slack member id, an Entra
    object id); on the console a name is the id."""
    pattern = {"slack": SLACK_ID, "teams": TEAMS_ID}.get(platform)
    return pattern is None or pattern.fullmatch(text.strip()) is not None


def platform_name(platform: str, lang: str) -> str:
    """The platform's name in ``lang``; an adapter this catalog has no name for by its id."""
    key = f"platform.{platform}"
    return t(key, lang) if key in CATALOG else platform


def accounts_line(member: Member, lang: str) -> str:
    """ "Slack (U012ABCDEF), konsollen (Kari Nordmann)" """
    return ", ".join(
        f"{platform_name(a.platform, lang)} ({a.external_id})" for a in member.accounts
    )


# -- self-service: a code on one platform, typed on the other ---------------------------


def ask_code(ctx: Context) -> Reply:
    if not ctx.command.private:
        return Reply.text(t("accounts.not_private", ctx.lang))
    code = link_codes.new_code(ctx.session, ctx.member, ctx.command.platform, ctx.now)
    audit(ctx, "account.code", "member", ctx.member.id)
    return Reply.text(t("accounts.code", ctx.lang, code=code, minutes=link_codes.CODE_MINUTES))


def redeem_code(ctx: Context, typed: str) -> Reply:
    minutes = link_codes.CODE_MINUTES
    if link_codes.too_many_wrong(ctx.session, ctx.member, ctx.now):
        raise UserError("accounts.too_many_tries", minutes=minutes)
    found = link_codes.find_code(ctx.session, typed, ctx.now)
    platform = ctx.command.platform
    # Someone else's code on the platform it was made on is answered as a wrong one (and
    # counted): "made on this platform" would tell a guesser that the code is live.
    if found is None or (found.platform == platform and found.member_id != ctx.member.id):
        audit(ctx, link_codes.WRONG_CODE, "member", ctx.member.id)  # kept: a reply, no error
        return Reply.text(t("accounts.code_unknown", ctx.lang, code=typed, minutes=minutes))
    if found.platform == platform:
        raise UserError(
            "accounts.code_same_platform",
            platform=platform_name(platform, ctx.lang),
            code=typed.replace(" ", ""),
        )
    person = ctx.session.get(Member, found.member_id)
    assert person is not None  # the code's row goes with its member (ON DELETE CASCADE)
    if person.id == ctx.member.id:
        found.used_at = ctx.now
        return Reply.text(t("accounts.already_yours", ctx.lang, name=person.name))
    if len(ctx.member.accounts) > 1:
        mine = ctx.member.account_on(platform)
        raise UserError(
            "accounts.linked_elsewhere",
            name=ctx.member.name,
            accounts=accounts_line(ctx.member, ctx.lang),
            code=platform,
            account=mine.external_id if mine else ctx.command.user_id,
        )
    for account in ctx.member.accounts:
        held = person.account_on(account.platform)
        if held is not None:
            raise UserError(
                "accounts.platform_taken_self",
                name=person.name,
                platform=platform_name(account.platform, ctx.lang),
                code=account.platform,
                account=held.external_id,
            )
    found.used_at = ctx.now
    typer_name = ctx.member.name
    merged = _merge(ctx, person, ctx.member)
    reply = Reply.text(
        t("accounts.linked", ctx.lang, platform=platform_name(platform, ctx.lang), name=person.name)
    )
    return _with_merge_note(ctx, reply, merged, typer_name=typer_name)


def _merge(ctx: Context, person: Member, other: Member) -> Merged:
    """``other`` into ``person``: the higher role of the two (it is one human) with the
    partnership it counts in (an organiser's is their partnership's only), the rest as
    storage.merge says. The command goes on as ``person``."""
    higher = max((person, other), key=lambda m: permissions.ROLE_RANK.get(m.role, 0))
    role, partnership = higher.role, higher.partnership
    other_id, other_name = other.id, other.name
    merged = merge_members(ctx.session, person, other)
    person.role = role
    if higher is other or role == "organiser":  # not filled in from the other account
        person.partnership = partnership
    ctx.member = person
    audit(ctx, "account.merge", "member", person.id, merged=other_id, name=other_name)
    return merged


def _with_merge_note(ctx: Context, reply: Reply, merged: Merged, *, typer_name: str) -> Reply:
    had_data = merged.votes_dropped or merged.registrations_dropped
    had_data = had_data or any(not k.startswith(_NOT_DATA) for k in merged.moved)
    if had_data:
        reply.add(
            Text(
                t(
                    "accounts.merged",
                    ctx.lang,
                    other=typer_name,
                    name=ctx.member.name,
                    votes=merged.votes_dropped,
                    registrations=merged.registrations_dropped,
                )
            )
        )
    return reply


def link_self(ctx: Context, args: Args) -> Reply:
    """``/partnerbot koble`` gives a code; ``/partnerbot koble 123456`` uses one."""
    typed = " ".join(args.words()).strip()
    if not typed:
        return ask_code(ctx)
    return redeem_code(ctx, typed)


# -- admins: link and unlink by name, platform and account id ---------------------------


def _parse_target(ctx: Context, args: Args, usage: str) -> tuple[Member, str, str]:
    words = args.positional
    if len(words) < 3:
        raise UserError(usage)
    *name_tokens, platform_token, id_token = words
    name = " ".join(tok.text for tok in name_tokens).strip()
    platform = PLATFORM_WORDS.get(platform_token.text.casefold())
    if platform is None:
        raise UserError("accounts.bad_platform", given=platform_token.text)
    account_id = _account_id(ctx, platform, id_token)
    return find_member(ctx.session, name), platform, account_id


def _account_id(ctx: Context, platform: str, token: Token) -> str:
    raw = token.text.strip()
    mention = PersonRef.parse(raw)
    if mention is not None and mention.platform == platform:
        return mention.external_id  # the adapter read it from the platform's own mention
    if platform == "slack":
        account_id = raw.upper() if SLACK_ID.fullmatch(raw) else ""
    elif platform == "teams":
        account_id = raw if TEAMS_ID.fullmatch(raw) else ""
    else:
        account_id = raw[:100]
    if not account_id:
        raise UserError(
            "accounts.bad_account_id",
            given=raw,
            platform=platform_name(platform, ctx.lang),
            hint=t(f"accounts.hint.{platform}", ctx.lang),
        )
    return account_id


def _refuse_second_on_platform(person: Member, platform: str, lang: str) -> None:
    held = person.account_on(platform)
    if held is not None:
        raise UserError(
            "accounts.platform_taken",
            name=person.name,
            platform=platform_name(platform, lang),
            code=platform,
            account=held.external_id,
        )


def link_account(ctx: Context, args: Args) -> Reply:
    ctx.require_role("admin")
    person, platform, account_id = _parse_target(ctx, args, "accounts.link_usage")
    shown = platform_name(platform, ctx.lang)
    done = t(
        "accounts.linked_by_admin", ctx.lang, account=account_id, platform=shown, name=person.name
    )
    existing = find_account(ctx.session, platform, account_id)
    if existing is not None and existing.member_id == person.id:
        return Reply.text(done)
    _refuse_second_on_platform(person, platform, ctx.lang)
    if existing is None:
        person.accounts.append(
            Account(platform=platform, external_id=account_id, created_at=ctx.now)
        )
        ctx.session.flush()
        audit(ctx, "account.link", "member", person.id, platform=platform, account=account_id)
        return Reply.text(done)
    owner = existing.member
    if len(owner.accounts) > 1:
        raise UserError(
            "accounts.taken", account=account_id, platform=shown, other=owner.name, code=platform
        )
    admin = None if ctx.member.id == owner.id else ctx.member  # an admin may link their own
    owner_name = owner.name
    merged = _merge(ctx, person, owner)
    ctx.member = admin or person
    return _with_merge_note(ctx, Reply.text(done), merged, typer_name=owner_name)


def unlink_account(ctx: Context, args: Args) -> Reply:
    ctx.require_role("admin")
    person, platform, account_id = _parse_target(ctx, args, "accounts.unlink_usage")
    shown = platform_name(platform, ctx.lang)
    account = next(
        (a for a in person.accounts if (a.platform, a.external_id) == (platform, account_id)),
        None,
    )
    if account is None:
        raise UserError(
            "accounts.not_theirs",
            name=person.name,
            account=account_id,
            platform=shown,
            accounts=accounts_line(person, ctx.lang) or "—",
        )
    if len(person.accounts) == 1:
        raise UserError("accounts.last_account", name=person.name)
    person.accounts.remove(account)
    ctx.session.flush()
    audit(ctx, "account.unlink", "member", person.id, platform=platform, account=account_id)
    return Reply.text(
        t("accounts.unlinked", ctx.lang, account=account_id, platform=shown, name=person.name)
    )


# -- registration --------------------------------------------------------------------------


def _me_with_accounts(profile: Handler) -> Handler:
    def me(ctx: Context, args: Args) -> Reply:
        reply = profile(ctx, args)
        row = (t("label.accounts", ctx.lang), accounts_line(ctx.member, ctx.lang) or "—")
        last = next(
            (i for i in reversed(range(len(reply.blocks))) if isinstance(reply.blocks[i], Fields)),
            None,
        )
        if last is None:
            return reply.add(Fields((row,)))
        fields = reply.blocks[last]
        assert isinstance(fields, Fields)
        reply.blocks[last] = Fields((*fields.items, row))  # one table: the labels line up
        return reply

    return me


def _verb_named(grp: CommandGroup, *words: str) -> Verb:
    found = grp.find([Token(w) for w in words])
    assert found is not None, f"/{grp.name} {' '.join(words)} is not registered"
    return found[0]


def register(router: Router) -> None:
    grp = router.groups["partnerbot"]
    # The profile lists the accounts, and answers "who am I" too.
    me = _verb_named(grp, "meg")
    grp.verbs[grp.verbs.index(me)] = replace(
        me,
        names=(*me.names, "hvem er jeg", "kven er eg", "who am i"),
        handler=_me_with_accounts(me.handler),
    )
    # "/partnerbot koble" alone or with a code links accounts; with anything else it binds
    # the channel to a network as before (it is an alias of "koble nettverk").
    bind = _verb_named(grp, "koble", "nettverk")

    def link_or_bind(ctx: Context, args: Args) -> Reply:
        typed = " ".join(args.words()).strip()
        if not typed or link_codes.looks_like_code(typed):
            return link_self(ctx, args)
        return bind.handler(ctx, args)

    grp.verbs.insert(
        grp.verbs.index(bind),
        Verb(
            ("koble", "kople", "link", "koble konto", "kople konto", "link account"),
            link_or_bind,
            "help.partnerbot.koble_konto",
        ),
    )
    grp.verb(
        "medlem koble fra",
        "medlem kople frå",
        "medlem kople fra",
        "member unlink",
    )(unlink_account)
    # after "medlem ny" in the help
    grp.verbs.insert(
        grp.verbs.index(_verb_named(grp, "medlem", "ny")) + 1,
        Verb(
            ("medlem koble", "medlem kople", "member link"),
            link_account,
            "help.partnerbot.medlem_koble",
        ),
    )
