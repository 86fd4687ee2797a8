"""Command words (Norwegian first, English aliases) to handler functions.

Each feature module lists its verbs in a table of ``Verb`` entries (module-level
functions, so a traceback names them and a web page can call their data functions) and
has ``register(router)``, which adds its command group, that table and its outbox
renderers. The router resolves the member, opens one transaction per command and
turns a ``UserError`` into a reply in the member's language; nothing is half-saved.
"""

from __future__ import annotations

import enum
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload, lazyload

from bot import word_order
from bot.config import Settings
from bot.context import Context
from bot.errors import UserError
from bot.grammar import Args, Check, Token, parse_args, tokenize
from bot.hygiene import clean_command
from bot.i18n import language_from_locale, t
from bot.languages import command_language, network_language
from bot.messages import Command, Reply, Text, plain_text, typed
from bot.zones import member_zone
from storage.accounts import find_member, new_member, unmistakable_name
from storage.db import Database, NeedsWrite, is_unreachable
from storage.inbox import LostClaim
from storage.models import Account, ChannelRef, Member, Network, OutboxMessage

log = logging.getLogger(__name__)

MAX_COMMAND_CHARS = 4000
# A verb that takes pasted lines (wants_body) gets them in the text on Slack; the handler
# states its own, smaller limit. This only stops absurd sizes before tokenizing.
MAX_BODY_CHARS = 1_000_000

Handler = Callable[[Context, Args], Reply]
# In ``session.info`` of a reading transaction (Database.reading) a verb ran in: the
# ``within`` that runs there may not write (a write raises NeedsWrite: the command is run
# again in a write transaction, and ``within`` with it).
READ_ONLY = "partnerbot.read_only"
# In ``session.info`` of the transaction a verb ran in: (language, time zone name) the
# verb rendered its reply in, for a ``within`` that reuses the reply's card.
RENDERED_IN = "partnerbot.rendered_in"
# A renderer turns a due outbox row into the message to send, or None when it no longer
# applies (the hearing was closed, everyone answered).
Renderer = Callable[[Session, OutboxMessage, datetime, str], "Reply | None"]
# A renderer that also needs the settings (the bot's time zone): given as ``settings=``.
SettingsRenderer = Callable[..., "Reply | None"]
Planner = Callable[[Session, datetime], object]
# (session, object id, language, time zone) -> the object's card, or None when it is gone
CardRenderer = Callable[[Session, int, str, ZoneInfo], "Reply | None"]


@dataclass(frozen=True)
class Verb:
    """One entry of a feature's verb table: the words that call ``handler``."""

    names: tuple[str, ...]  # nb first, then nn and en aliases; may be several words
    handler: Handler
    help_key: str | None = None
    keywords: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    flags: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    wants_body: bool = False
    # Only reads: run in a reading transaction (storage/db.py: Database.reading), which on
    # SQLite holds no write lock while it runs. Should it write after all (a new member's
    # first command), it is run again in a write transaction.
    reads_only: bool = False
    # Keywords taken only where the words after them pass the check (bot.grammar.parse_args)
    checks: Mapping[str, Check] = field(default_factory=dict)
    # Answers typed without the verb, before or after the item's number: `/mote ja 4` and
    # `/mote 4 ja` are `/mote svar 4 ja`.
    answers: frozenset[str] = frozenset()
    # A keyword of this verb typed as the verb names it: `/tiltak frist 7 fredag` and
    # `/tiltak 7 frist fredag` are answered "Mente du `/tiltak endre 7 frist fredag`?"
    by_keyword: bool = False


@dataclass
class CommandGroup:
    name: str  # the slash command, e.g. "horing"
    aliases: tuple[str, ...] = ()
    help_key: str | None = None
    verbs: list[Verb] = field(default_factory=list)
    default_verb: str | None = None  # run when no verb is given
    _indexed: tuple[tuple[int, ...], dict[str, list[tuple[list[str], Verb]]]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def verb(
        self,
        *names: str,
        help_key: str | None = None,
        keywords: Mapping[str, tuple[str, ...]] | None = None,
        flags: Mapping[str, tuple[str, ...]] | None = None,
        wants_body: bool = False,
        reads_only: bool = False,
    ) -> Callable[[Handler], Handler]:
        def decorate(fn: Handler) -> Handler:
            self.add(
                Verb(
                    names,
                    fn,
                    help_key,
                    dict(keywords or {}),
                    dict(flags or {}),
                    wants_body,
                    reads_only,
                )
            )
            return fn

        return decorate

    def add(self, *verbs: Verb) -> None:
        """Add a feature's verb table; the help lists the verbs in this order."""
        self.verbs.extend(verbs)

    def tokens(self, text: str) -> list[Token]:
        """The words of a command's text; none stand for the group's default verb."""
        tokens = tokenize(text)
        if not tokens and self.default_verb:
            tokens = [Token(self.default_verb)]
        return word_order.as_meant(self, tokens)

    def find(self, tokens: list[Token]) -> tuple[Verb, int] | None:
        """The verb whose (possibly multi-word) name starts ``tokens``, longest first (the
        first listed of equally long ones). Looked up by the first word: every command asks
        this, and a scan of every name of every verb cost about 50 µs."""
        index = self._index()
        best: tuple[Verb, int] | None = None
        if tokens and not tokens[0].quoted:
            for words, verb in index.get(tokens[0].text.casefold(), ()):
                k = len(words)
                if len(tokens) >= k and all(
                    not tokens[m].quoted and tokens[m].text.casefold() == words[m]
                    for m in range(1, k)
                ):
                    if best is None or k > best[1]:
                        best = (verb, k)
        if best is None and index.get(""):
            best = (index[""][0][1], 0)  # a name of no words matches anything
        return best

    def _index(self) -> dict[str, list[tuple[list[str], Verb]]]:
        """Each verb name's words by its first word ("": no words), in the order listed;
        made again when the table changed (features insert and replace verbs in it)."""
        key = tuple(map(id, self.verbs))
        if self._indexed is None or self._indexed[0] != key:
            index: dict[str, list[tuple[list[str], Verb]]] = {}
            for verb in self.verbs:
                for name in verb.names:
                    words = name.split()
                    index.setdefault(words[0] if words else "", []).append((words, verb))
            self._indexed = (key, index)
        return self._indexed[1]


# "/horing hjelp": a group's own help, in every group, without "I did not understand".
HELP_WORDS = frozenset({"hjelp", "hjelpe", "help", "?"})
# A question (`/tiltak korleis`, `/horing kva`) asks for the group's help as well.
QUESTION_WORDS = frozenset({"korleis", "kva", "hvordan", "hva", "how", "what"})


def _fold(name: str) -> str:
    return name.strip().lstrip("/").casefold()


class Router:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings
        self.groups: dict[str, CommandGroup] = {}
        self._by_alias: dict[str, CommandGroup] = {}
        self.renderers: dict[str, Renderer] = {}
        # Planners run before each dispatch to put recurring messages (digests) in the outbox.
        self.planners: list[Planner] = []
        # Cards: an object's posted message as it stands now, rendered from the database when
        # the message is updated (so the last update shows the last committed state).
        self.cards: dict[str, CardRenderer] = {}
        # Each member's language as last read, to answer in it while the database is down.
        self._languages: dict[tuple[str, str], str] = {}

    # -- registration --------------------------------------------------------------

    def group(
        self, name: str, *aliases: str, help_key: str | None = None, default_verb: str | None = None
    ) -> CommandGroup:
        grp = CommandGroup(name, aliases, help_key, default_verb=default_verb)
        self.groups[name] = grp
        for alias in (name, *aliases):
            self._by_alias[_fold(alias)] = grp
        return grp

    def renderer(self, kind: str) -> Callable[[Renderer], Renderer]:
        def decorate(fn: Renderer) -> Renderer:
            self.renderers[kind] = fn
            return fn

        return decorate

    def add_renderers(self, table: Mapping[str, SettingsRenderer]) -> None:
        """Renderers by outbox kind; each is called with ``settings=`` this bot's settings."""
        for kind, fn in table.items():
            self.renderers[kind] = partial(fn, settings=self.settings)

    def card(self, object_type: str) -> Callable[[CardRenderer], CardRenderer]:
        def decorate(fn: CardRenderer) -> CardRenderer:
            self.cards[object_type] = fn
            return fn

        return decorate

    def known_language(self, platform: str, user_id: str) -> str | None:
        """The member's language as last seen (no database needed), or None."""
        return self._languages.get((platform, user_id))

    def seen_language(self, platform: str, user_id: str, locale: str | None = None) -> str:
        """The language to answer a member in before they are read (or while the database
        cannot be reached): as last seen, else their platform's ``locale``, else
        PARTNERBOT_LANGUAGE."""
        return (
            self.known_language(platform, user_id)
            or language_from_locale(locale)
            or self.settings.language
        )

    def remember_language(self, platform: str, user_id: str, lang: str) -> None:
        self._languages[(platform, user_id)] = lang

    def language_of(self, platform: str, user_id: str, channel_id: str | None = None) -> str:
        """The language to answer a member in outside a command (an adapter's own words):
        as ``member_language``, or with ``channel_id`` as a command there is answered
        (``command_language``: a newcomer in a nynorsk partnership's channel reads nynorsk);
        while the database is unreachable, as last seen."""
        try:
            with self.db.reading() as session:
                member = find_member(session, platform, user_id)
                network = None
                if channel_id is not None:
                    network = session.scalar(
                        _CHANNEL_NETWORK, {"platform": platform, "channel_id": channel_id}
                    )
                if member is not None:
                    return command_language(member, network, self.settings)
                if network is not None:  # not stored yet: as their first command's answer
                    return network_language(network, self.settings)
        except Exception as exc:
            if not is_unreachable(exc):
                raise
            return self.seen_language(platform, user_id)
        return self.settings.language

    def find_group(self, name: str) -> CommandGroup | None:
        return self._by_alias.get(_fold(name))

    def wants_body(self, name: str, text: str) -> bool:
        """Whether this command takes the lines that follow it (a pasted work programme)."""
        grp = self.find_group(name)
        if grp is None:
            return False
        tokens = tokenize(text)
        found = grp.find(tokens)
        if found is None or not found[0].wants_body:
            return False
        # "importer bekreft" / "importer fil x" take no body
        return len(tokens) == found[1]

    def _verb_of(self, command: Command) -> Verb | None:
        """The verb ``command`` names, read from its first line (not a pasted body)."""
        grp = self.find_group(command.name)
        found = grp.find(grp.tokens(command.text.split("\n", 1)[0][:200])) if grp else None
        return found[0] if found else None

    def _text_limit(self, command: Command) -> int:
        verb = self._verb_of(command)
        return MAX_BODY_CHARS if verb and verb.wants_body else MAX_COMMAND_CHARS

    # -- handling ------------------------------------------------------------------

    def handle(
        self,
        command: Command,
        *,
        now: datetime,
        within: Callable[[Session, Reply], None] | None = None,
    ) -> Reply:
        """Run ``command`` in one transaction. ``within(session, reply)`` runs in that
        transaction before it commits (the inbox marks its row ran there); after a command
        that only reads, in its reading transaction (``READ_ONLY`` in ``session.info``),
        where a write it needs makes the command run again to write."""
        command = clean_command(command)
        # Until the member is read (and if the database cannot be reached): as last seen.
        seen = [self.seen_language(command.platform, command.user_id, command.locale)]
        try:
            if self.reads_only(command):
                try:
                    with self.db.reading() as session:
                        reply = self._run(session, command, now, seen)
                        if within is not None:
                            session.info[READ_ONLY] = True
                            within(session, reply)
                except NeedsWrite as exc:
                    log.debug("/%s wrote (%s): run again to write", command.name, exc)
                else:
                    return reply
            with self.db.transaction() as session:
                reply = self._run(session, command, now, seen)
                if within is not None:
                    within(session, reply)
                return reply
        except UserError as err:
            return Reply.text(err.message(seen[0]))
        except LostClaim:
            raise  # another worker runs it: nothing to answer here
        except Exception as exc:
            if is_unreachable(exc):
                log.warning(
                    "database error while handling /%s: %s", command.name, exc.__class__.__name__
                )
                return Reply.text(t("error.database", seen[0]))
            log.exception("bug while handling /%s", command.name)
            return Reply.text(t("error.unexpected", seen[0]))

    def reads_only(self, command: Command) -> bool:
        """Whether ``command`` names a verb that only reads (help and unknown words
        included: the router's own answers read)."""
        verb = self._verb_of(command)
        return verb is None or verb.reads_only

    def _run(self, session: Session, command: Command, now: datetime, seen: list[str]) -> Reply:
        """The command in ``session``; ``seen[0]`` becomes the member's language."""
        member, network_id = resolve_member(session, command, self.settings)
        network = channel_network(session, command, network_id)
        lang = seen[0] = command_language(member, network, self.settings)
        self.remember_language(command.platform, command.user_id, lang)
        limit = self._text_limit(command)
        if len(command.text) > limit:
            raise UserError("command.too_long", limit=limit)
        ctx = Context(
            session=session,
            settings=self.settings,
            now=now,
            command=command,
            member=member,
            lang=lang,
            tz=member_zone(member, command, self.settings),
            network=network,
        )
        reply = self._dispatch(ctx)
        session.info[RENDERED_IN] = (ctx.lang, ctx.tz.key)
        # The verb may have changed it (/partnerbot språk): the adapter answers in it.
        # (Not when the verb merged the member into another: linking an account.)
        state = inspect(member)
        if not (state.detached or state.deleted or state.was_deleted):
            self.remember_language(
                command.platform,
                command.user_id,
                command_language(member, ctx.network, self.settings),
            )
        else:
            self._languages.pop((command.platform, command.user_id), None)
        return reply

    def _dispatch(self, ctx: Context) -> Reply:
        cmd = ctx.command
        grp = self.find_group(cmd.name)
        if grp is None:
            if _fold(cmd.name) in HELP_WORDS:  # `/hjelp [tiltak]`, as `/partnerbot hjelp`
                return self.help_verb(ctx, parse_args(tokenize(cmd.text)))
            return self.help(ctx, unknown=f"/{cmd.name}")
        tokens = grp.tokens(cmd.text)
        found = grp.find(tokens)
        if found is None:
            if not tokens or _fold(tokens[0].text) in HELP_WORDS | QUESTION_WORDS:
                return self.group_help(ctx, grp)
            return self.group_help(ctx, grp, unknown=tokens[0].text)
        verb, width = found
        if tokens[0].unsaid:  # `/konferanse sted 1 Oslo`: the verb that changes it left out
            said = _verb_in(verb, grp.name, ctx.lang)
            raise word_order.field_without_verb(grp.name, said, cmd.text, tokens)
        args = parse_args(tokens[width:], verb.keywords, verb.flags, verb.checks)
        reply = verb.handler(ctx, args)
        if ctx.notes:
            reply.add(Text("\n".join(dict.fromkeys(ctx.notes))))
        return reply

    # -- help ----------------------------------------------------------------------

    def help(self, ctx: Context, unknown: str | None = None) -> Reply:
        reply = Reply()
        if unknown:
            reply.add(Text(t("help.unknown_command", ctx.lang, given=unknown)))
            # a typo of a command gets the command, not sixty lines of help
            near = self.nearest_group(unknown)
            commands = ", ".join(typed(name) for name in self.groups)
            if near is not None:
                reply.add(Text(t("help.did_you_mean", ctx.lang, command=near.name)))
            else:
                reply.add(Text(t("help.commands_are", ctx.lang, commands=commands)))
            return reply
        reply.add(Text(t("help.intro", ctx.lang)))
        for grp in self.groups.values():
            reply.add(Text(self._group_lines(grp, ctx.lang)))
        reply.add(Text(t("help.outro", ctx.lang)))
        return reply

    def help_verb(self, ctx: Context, args: Args) -> Reply:
        """``/partnerbot hjelp [group]``: one group's help, else every group's. The group may
        be named anywhere in a question (``/hjelp korleis lagar eg eit tiltak``)."""
        for word in args.words():
            target = self.find_group(word)
            if target is not None:
                return self.group_help(ctx, target)
        return self.help(ctx)

    def nearest_group(self, name: str) -> CommandGroup | None:
        from rapidfuzz import fuzz

        word = _fold(name)
        best = max(
            ((fuzz.ratio(word, alias), grp) for alias, grp in self._by_alias.items()),
            key=lambda pair: pair[0],
            default=None,
        )
        return best[1] if best is not None and best[0] >= 70 else None

    def group_help(self, ctx: Context, grp: CommandGroup, unknown: str | None = None) -> Reply:
        near = nearest_verb(grp, unknown, ctx.lang) if unknown else None
        if near is not None:  # a slip in the verb gets the verb, not the group's whole help
            return Reply.text(
                t("help.did_you_mean_verb", ctx.lang, given=unknown, command=grp.name, verb=near)
            )
        reply = Reply()
        if unknown:
            reply.add(Text(t("help.unknown_verb", ctx.lang, given=unknown, command=grp.name)))
        reply.add(Text(self._group_lines(grp, ctx.lang)))
        return reply

    def _group_lines(self, grp: CommandGroup, lang: str) -> str:
        heading = typed(grp.name, strong=True)  # each platform's way of typing it
        lines = [heading + (f" — {t(grp.help_key, lang)}" if grp.help_key else "")]
        lines += [f"  • {t(v.help_key, lang)}" for v in grp.verbs if v.help_key]
        return "\n".join(lines)


def nearest_verb(grp: CommandGroup, typed: str, lang: str) -> str | None:
    """The verb of ``grp`` that ``typed`` is a slip of (``lsite``: ``liste``), if one is
    close enough (the first listed of equally close ones), as its help writes it in
    ``lang`` (a slip of nynorsk ``kunngjer`` is shown ``kunngjør`` in bokmål)."""
    from rapidfuzz import fuzz

    word = typed.casefold()
    pairs = [(name, verb) for verb in grp.verbs if verb.help_key for name in verb.names if name]
    best = max(
        ((fuzz.ratio(word, name.split()[0]), verb) for name, verb in pairs),
        key=lambda pair: pair[0],
        default=None,
    )
    if best is None or best[0] < 75 or best[1].help_key is None:
        return None
    return _help_verb(plain_text(t(best[1].help_key, lang)), grp.name)


def _verb_in(verb: Verb, group: str, lang: str) -> str:
    """``verb`` as its help writes it in ``lang`` (``edit`` in English), else its first name."""
    said = _help_verb(plain_text(t(verb.help_key, lang)), group) if verb.help_key else None
    return said or verb.names[0]


def _help_verb(help_text: str, group: str) -> str | None:
    """The verb words of a help line's example: `liste` of "`/tiltak liste mine` – ..."."""
    found = re.search(rf"`/{re.escape(group)} ([^`]+)`", help_text)
    if found is None:
        return None
    words: list[str] = []
    for word in found.group(1).split():
        if word[0].isdigit() or word[0] in '"#@<“«':
            break
        words.append(word)
    return " ".join(words) or None


# -- who is asking ----------------------------------------------------------------------


def resolve_member(
    session: Session, command: Command, settings: Settings
) -> tuple[Member, int | None | Unknown]:
    """The member behind a command, created on first contact; listed admins are admins.
    With them, from the same query, the id of the network the command's channel is bound
    to (None: not bound; UNKNOWN for a member created here).

    Only the platform's account id counts: a name is the member's to choose (anyone can
    call themselves "U012ABCDEF"). On the console the account id is the name."""
    params = {
        "platform": command.platform,
        "external_id": command.user_id,
        "channel_id": command.channel_id,
    }
    row = session.execute(_COMMAND_MEMBER, params).unique().one_or_none()
    member, network_id = (row[0], row[1]) if row is not None else (None, UNKNOWN)
    is_listed_admin = command.user_id.casefold() in settings.admins
    if member is None:
        try:
            with session.begin_nested():
                name = command.user_name or command.user_id
                member = new_member(
                    session,
                    command.platform,
                    command.user_id,
                    name=unmistakable_name(session, name, command.platform, command.user_id),
                    role="admin" if is_listed_admin else "member",
                    language=language_from_locale(command.locale),
                    timezone=command.timezone,
                )
                session.flush()
        except IntegrityError:
            # The member's other first command (a double click, two bots) inserted them
            # between our look and our insert: use that row.
            existing = find_member(session, command.platform, command.user_id)
            if existing is None:
                raise
            member = existing
    elif is_listed_admin and member.role != "admin":
        member.role = "admin"
    return member, network_id


# Built once: the member behind a command, as find_member reads them, with their networks
# in the same query (most verbs ask whether the member is in a network: voting, answering,
# registering, creating), not in a query of their own when the verb first asks; and the id
# of the network the command's channel is bound to (usually one of theirs: loaded then).
_CHANNEL_NETWORK_ID = (
    select(ChannelRef.network_id)
    .where(
        ChannelRef.platform == bindparam("platform"),
        ChannelRef.channel_id == bindparam("channel_id"),
    )
    .limit(1)
    .scalar_subquery()
)
_COMMAND_MEMBER = (
    select(Member, _CHANNEL_NETWORK_ID)
    .join(Account, Account.member_id == Member.id)
    .where(
        Account.platform == bindparam("platform"), Account.external_id == bindparam("external_id")
    )
    .options(lazyload(Member.accounts), joinedload(Member.partnership), joinedload(Member.networks))
)


class Unknown(enum.Enum):
    UNKNOWN = "unknown"


UNKNOWN = Unknown.UNKNOWN


def channel_network(
    session: Session, command: Command, network_id: int | None | Unknown = UNKNOWN
) -> Network | None:
    """The network the command's channel is bound to (one query, no channel row loaded);
    with ``network_id`` read with the member, none when the network is loaded already (as
    one of the member's)."""
    if network_id is None:
        return None
    if network_id is not UNKNOWN:
        return session.get(Network, network_id)
    return session.scalar(
        _CHANNEL_NETWORK, {"platform": command.platform, "channel_id": command.channel_id}
    )


# Built once: every command asks it.
_CHANNEL_NETWORK = (
    select(Network)
    .join(ChannelRef, ChannelRef.network_id == Network.id)
    .where(
        ChannelRef.platform == bindparam("platform"),
        ChannelRef.channel_id == bindparam("channel_id"),
    )
)
