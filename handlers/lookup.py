"""Finding what members name in commands: networks, organisations, members, #numbers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.context import Context
from bot.errors import UserError
from bot.grammar import Args, one_name
from bot.messages import PersonRef
from storage.accounts import find_member as find_account_member
from storage.accounts import in_chat
from storage.models import GUEST_PLATFORM, AuditEntry, Member, Network, Organisation

T = TypeVar("T")


def _pick(query: str, candidates: Sequence[T], names: Sequence[str], what: str) -> T:
    """Exact name first, then a unique name containing the query (case-insensitive)."""
    q = query.strip().lstrip("@#").casefold()
    if not q:
        raise UserError(f"lookup.{what}_unknown", given=query, choices="—")
    exact = [c for c, n in zip(candidates, names, strict=True) if n.casefold() == q]
    if len(exact) == 1:
        return exact[0]
    partial = [c for c, n in zip(candidates, names, strict=True) if q in n.casefold()]
    if len(partial) == 1:
        return partial[0]
    choices = ", ".join(sorted(names)) or "—"
    if len(partial) > 1:
        shown = ", ".join(n for c, n in zip(candidates, names, strict=True) if c in partial)
        raise UserError(f"lookup.{what}_ambiguous", given=query, choices=shown)
    raise UserError(f"lookup.{what}_unknown", given=query, choices=choices)


def find_network(session: Session, query: str) -> Network:
    networks = session.scalars(select(Network).order_by(Network.id)).all()
    return _pick(query, networks, [n.name for n in networks], "network")


def find_organisation(
    session: Session,
    query: str,
    *,
    create: bool = False,
    among: Sequence[Organisation] | None = None,
    keyword: str = "organisation",
) -> Organisation:
    """``among``: every organisation, as ``organisations`` read them (several names looked
    up in one command read them once). A new one's name over the limit is refused, the
    ``keyword`` it was typed after named."""
    orgs = among if among is not None else organisations(session)
    q = query.strip()
    try:
        return _pick(q, orgs, [o.name for o in orgs], "organisation")
    except UserError as err:
        if not create or err.key.endswith("ambiguous") or not q:
            raise
    org = Organisation(name=one_name(q, keyword=keyword))
    session.add(org)
    session.flush()
    return org


def organisations(session: Session) -> Sequence[Organisation]:
    """Every organisation, by name: what ``find_organisation`` looks among."""
    return session.scalars(_ORGANISATIONS).all()


# Built once (a hearing looks up its addressees): building a statement costs more than
# running it.
_ORGANISATIONS = select(Organisation).order_by(Organisation.name)


def find_organisations(session: Session, text: str, *, create: bool = False) -> list[Organisation]:
    """A comma-separated list of organisations ("Mosseregionen, Vestviken, NAV"); one that
    names none (``","``) is refused, not taken as no organisations."""
    result: list[Organisation] = []
    for part in re.split(r"[,;]| og | and ", text):
        if part.strip():
            org = find_organisation(session, part, create=create, keyword="organisations")
            if org not in result:
                result.append(org)
    if not result:
        names = ", ".join(o.name for o in organisations(session)) or "—"
        raise UserError("lookup.organisation_unknown", given=text.strip(), choices=names)
    return result


def mentioned_member(session: Session, ref: PersonRef) -> Member | None:
    """The member behind a mention (an account on a platform): the one place that maps an
    account to a person."""
    return find_account_member(session, ref.platform, ref.external_id)


def find_member(session: Session, query: str) -> Member:
    """The person a mention or a name stands for. A name is looked up among everyone in
    the chat, whichever platforms their accounts are on (a person linked on two is one)."""
    q = query.strip()
    ref = PersonRef.parse(q)
    if ref is not None:
        found = mentioned_member(session, ref)
        if found is None:
            raise UserError("lookup.member_unknown", given=q, choices="—")
        return found
    members = chat_members(session)
    labels = member_labels(members)
    folded = q.lstrip("@").strip().casefold()
    for exact in (True, False) if folded else ():
        hits = named(folded, members, labels, exact=exact)
        if len(hits) == 1:
            return hits[0][0]
        if hits:
            shown = ", ".join(label for _, label in hits)
            raise UserError("lookup.member_ambiguous", given=q, choices=shown)
    return _pick(q, members, labels, "member")  # says who there is


def named(
    folded: str, members: Sequence[Member], labels: Sequence[str], *, exact: bool
) -> list[tuple[Member, str]]:
    """The members (with their labels) a casefolded name means: ``exact``, their name or
    label; else a part of their label."""
    return [
        (m, label)
        for m, label in zip(members, labels, strict=True)
        if (
            folded in (m.name.casefold(), label.casefold()) if exact else folded in label.casefold()
        )
    ]


def chat_members(session: Session) -> list[Member]:
    """Everyone a name can mean, by name."""
    return list(session.scalars(select(Member).where(in_chat()).order_by(Member.name, Member.id)))


def member_labels(members: Sequence[Member]) -> list[str]:
    """Each member's name, with their organisation where two share a name, so that a
    "which one?" answer tells them apart."""
    seen = Counter(m.name.casefold() for m in members)
    return [_label(m) if seen[m.name.casefold()] > 1 else m.name for m in members]


def _label(member: Member) -> str:
    if member.organisation is not None:
        return f"{member.name} ({member.organisation.name})"
    first = next((a for a in member.accounts if a.platform != GUEST_PLATFORM), None)
    return f"{member.name} ({first.platform} {first.external_id})" if first else member.name


def network_for(ctx: Context, args: Args, key: str = "network") -> Network:
    """The network a command is about: named with ``nettverk``, else the channel's, else the
    member's only network; otherwise ask the member to name one."""
    named = args.get(key)
    if named:
        return find_network(ctx.session, named)
    if ctx.network is not None:
        return ctx.network
    if len(ctx.member.networks) == 1:
        return ctx.member.networks[0]
    names = ", ".join(n.name for n in ctx.session.scalars(select(Network).order_by(Network.id)))
    raise UserError("lookup.network_needed", choices=names or "—")


def organised_network(ctx: Context, args: Args) -> Network:
    """The network a command is about (``network_for``) for a command of its organisers: a
    no names that network's partnership and organisers, not the channel's; a plain member
    who names no network where one is needed is told about the role first, as before."""
    try:
        network = network_for(ctx, args)
    except UserError:
        ctx.require_role("organiser")
        raise
    ctx.require_organiser(network)
    return network


def audit(
    ctx: Context,
    action: str,
    object_type: str | None = None,
    object_id: int | None = None,
    *,
    structured: dict[str, Any] | None = None,
    **detail: object,
) -> None:
    """An audit row by the member running the command: ``detail`` as text, or
    ``structured`` kept as it is (an import's parsed goals, read back by its confirm)."""
    ctx.session.add(
        AuditEntry(
            at=ctx.now,
            member_id=ctx.member.id,
            action=action,
            object_type=object_type,
            object_id=object_id,
            detail=structured
            if structured is not None
            else {k: str(v) for k, v in detail.items()} or None,
        )
    )
