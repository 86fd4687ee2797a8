"""What the Teams adapter does with a verified activity: learn its conversation, turn a
message or a card click into a Command, run it through the router and deliver the Reply
(in the thread, as a new post in the channel, or as an update of the object's cards)."""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from bot.adapters.contract import Adapter, Capabilities, Posted, Profile, stored_profile
from bot.adapters.teams import conversations, files, render
from bot.adapters.teams.connector import NOTICE_TIMEOUT_SECONDS, Connector, ConnectorError
from bot.adapters.teams.messenger import TeamsMessenger
from bot.adapters.teams.posting import PLATFORM, NoConversation, Poster, RateLimited, Unsaved
from bot.adapters.teams.ratelimit import ConversationLimits
from bot.app import App
from bot.cards import Cards
from bot.clock import now as clock_now
from bot.grammar import tokenize
from bot.hygiene import clean_name
from bot.i18n import language_from_locale, t
from bot.inbox import Job
from bot.languages import chosen_language
from bot.messages import Command, File, PersonRef, Reply
from bot.reposts import schedule_repost
from bot.router import HELP_WORDS, Router
from bot.scheduler import DispatchLoop
from storage.accounts import find_member, learn_name
from storage.db import is_unreachable

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
_AT = re.compile(r"<at>(.*?)</at>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
# What sending to Teams raises: the command behind it is done by then.
UNDELIVERED = (ConnectorError, RateLimited, NoConversation)


def temporary(exc: Exception) -> bool:
    return isinstance(exc, RateLimited) or (isinstance(exc, ConnectorError) and exc.temporary)


def answer_again(exc: Exception) -> bool:
    """Whether an answer that failed is worth sending again later (its inbox row's next
    claim): Teams was busy, or the database could not be reached."""
    return temporary(exc) or is_unreachable(exc)


DEFAULT_GROUP = "partnerbot"  # "hjelp", "meg", "oversikt" typed without a command word


def message_text(activity: dict[str, Any]) -> str:
    """What the member typed, without the mention of the bot (channels and group chats
    deliver ``<at>partnerbot</at> horing liste``); a mention of a person becomes a person
    reference (``@[teams:<their id>]``, see ``bot.messages.PersonRef``), any other
    ``<at>`` keeps its name."""
    text = str(activity.get("text") or "")
    bot_id = str((activity.get("recipient") or {}).get("id") or "")
    for shown, teams_id, account in _mentions(activity):
        if teams_id == bot_id:
            text = text.replace(shown, " ")
        elif account:
            text = text.replace(shown, f" {PersonRef(PLATFORM, account).token} ")
    text = _AT.sub(lambda m: m.group(1), text)
    text = _TAG.sub("", text.replace("<br>", "\n").replace("<br/>", "\n"))
    text = html.unescape(text).replace("\xa0", " ")
    return "\n".join(line.strip() for line in text.strip().split("\n"))


def _mentions(activity: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(the ``<at>…</at>`` text, the Teams id, the account id) of each mention entity; a
    person's account id is their AAD object id when Teams gives it, as ``member_id``."""
    found = []
    for entity in activity.get("entities") or []:
        if not isinstance(entity, dict) or entity.get("type") != "mention":
            continue
        who = entity.get("mentioned")
        shown = str(entity.get("text") or "")
        if shown and isinstance(who, dict):
            teams_id = str(who.get("id") or "")
            found.append((shown, teams_id, str(who.get("aadObjectId") or teams_id)))
    return found


def split_command(router: Router, typed: str) -> tuple[str, str]:
    """ "horing liste" or "/horing liste" -> ("horing", "liste"); "hjelp", "meg", "oversikt"
    (words of /partnerbot) go to /partnerbot; an unknown first word is an unknown command
    (the answer: what there is to type)."""
    typed = typed.strip()
    word = typed.split(None, 1)[0] if typed else ""
    if not word:
        return DEFAULT_GROUP, ""
    rest = typed[len(word) :].strip(" ")
    if router.find_group(word) is not None:
        return word.lstrip("/"), rest
    default = router.find_group(DEFAULT_GROUP)
    tokens = tokenize(typed.split("\n", 1)[0])
    if default is not None and (default.find(tokens) is not None or word.casefold() in HELP_WORDS):
        return DEFAULT_GROUP, typed
    return word.lstrip("/"), rest


class TeamsBot:
    """Teams' adapter: intake of a verified activity and the contract's ways out
    (bot/adapters/contract.py). Teams has no ephemeral messages and no forms here; files
    are links on the web front."""

    platform = PLATFORM
    capabilities = Capabilities(ephemeral=False, card_updates=True, forms=False, files=False)

    def __init__(
        self,
        app: App,
        interactive: Connector,
        outbox: Connector,
        *,
        clock: Clock = clock_now,
        limits: ConversationLimits | None = None,
        dispatching: DispatchLoop | None = None,
    ) -> None:
        self.app = app
        self.router = app.router
        self.db = app.db
        self.settings = app.settings
        self.clock = clock
        limits = limits or ConversationLimits()
        lang = app.settings.language
        public = app.settings.public_url
        # Card updates render the object as it stands, one at a time (bot/cards.py).
        cards = Cards(app.db, app.router.cards, app.settings.tz)
        unsaved = Unsaved()  # posts whose ids wait for the database, for every Poster
        self.poster = Poster(
            interactive,
            app.db,
            limits,
            lang=lang,
            max_wait=5.0,
            public_url=public,
            cards=cards,
            unsaved=unsaved,
        )
        # The outage notice, inside Teams' request: tried once, not waited for long.
        notices = Connector(
            interactive.tokens, session=interactive.session, timeout=NOTICE_TIMEOUT_SECONDS
        )
        self.notices = Poster(notices, app.db, limits, lang=lang, unsaved=unsaved)
        self.messenger = TeamsMessenger(
            Poster(outbox, app.db, limits, lang=lang, public_url=public, unsaved=unsaved)
        )
        # The process's one dispatch loop (bot/scheduler.py) sends Teams' outbox rows.
        self.dispatching = dispatching or DispatchLoop(app, now=clock)
        self.dispatcher = self.dispatching.register(self.messenger)
        self.seen = conversations.Seen()

    # -- one activity ---------------------------------------------------------------------

    def handle_job(self, job: Job) -> None:
        """An activity the inbox worker claimed (its body is the activity)."""
        self.handle(job.body, job)

    def handle(self, activity: dict[str, Any], job: Job | None = None) -> None:
        """Run one verified activity. A bug before the command ran is logged and the member
        gets an apology ("nothing was saved"); after it ran, only delivery can fail: a
        channel post goes to the outbox, an inbox job whose answer could not be sent for a
        passing reason is raised to its worker, which answers again later (never runs it
        again), and an answer that cannot be sent at all is said to have failed. Once the
        answer is delivered, a database error (writing a post's id, updating the object's
        other cards) is only logged: answering again would post it twice."""
        try:
            conversations.remember(self.db, activity, self.clock(), self.seen)
            kind = activity.get("type")
            if kind in ("conversationUpdate", "installationUpdate"):
                self._on_installed(activity)
                return
            if kind != "message":
                return
            ran = self._run_message(activity, job)
        except Exception as exc:
            key = "error.database" if is_unreachable(exc) else "error.unexpected"
            if key == "error.unexpected":
                log.exception("Teams activity failed")
            else:
                log.warning("Teams activity failed: database error %s", exc.__class__.__name__)
            if activity.get("type") == "message":
                self._apologise(activity, key)
            return
        if ran is None:
            return
        reply, clicked = ran
        try:
            self.deliver(reply, activity, clicked=clicked)
        except Exception as exc:
            if job is not None and answer_again(exc):
                raise  # the worker answers again after the lease (the command is done)
            self._answer_failed(activity, exc)
        finally:
            self.dispatch_now()

    def _answer_failed(self, activity: dict[str, Any], exc: Exception) -> None:
        """The command ran (or was refused) and its answer could not be delivered: the
        member reads that it ran, so as not to send it again (Slack's words)."""
        if isinstance(exc, UNDELIVERED):
            log.warning("Teams answer not delivered: %s", exc)
        elif is_unreachable(exc):
            log.warning("Teams answer not delivered: database error %s", exc.__class__.__name__)
        else:
            log.exception("answering a Teams command that was run failed", exc_info=exc)
        self._apologise(activity, "error.answer_failed")

    def _apologise(self, activity: dict[str, Any], key: str) -> None:
        try:
            lang = self.language(activity)
        except Exception:
            lang = self.settings.language
        try:
            self.tell(activity, Reply.text(t(key, lang)))
        except Exception:
            log.exception("could not tell the Teams member about the failure")

    def _on_installed(self, activity: dict[str, Any]) -> None:
        """The app added to a personal chat: say hello there (channels stay quiet)."""
        bot_id = str((activity.get("recipient") or {}).get("id") or "")
        added = [str(m.get("id")) for m in activity.get("membersAdded") or []]
        installed = activity.get("type") == "installationUpdate" and activity.get("action") == "add"
        if conversations.conversation_kind(activity) != conversations.PERSONAL:
            return
        if bot_id in added or installed:
            # Not a member yet: their Teams language, else the bot's (bot/languages.py).
            lang = chosen_language(
                language_from_locale(activity.get("locale")), None, self.settings
            )
            conv = str((activity.get("conversation") or {}).get("id") or "")
            self.poster.post(conv, Reply.text(t("teams.welcome", lang)))

    def _run_message(
        self, activity: dict[str, Any], job: Job | None = None
    ) -> tuple[Reply, tuple[str, str] | None] | None:
        """The command of a message or card click, run (or its stored answer): the reply
        and the clicked card, if any; None for a message that is no command."""
        if not conversations.member_id(activity) or not (activity.get("conversation") or {}).get(
            "id"
        ):
            log.info("Teams message without a sender or conversation: ignored")
            return None
        value = activity.get("value")
        clicked: tuple[str, str] | None = None
        if isinstance(value, dict) and isinstance(value.get(render.DATA_KEY), str):
            name, text = split_command(self.router, value[render.DATA_KEY])
            reply_to = activity.get("replyToId")
            if reply_to:
                clicked = (conversations.channel_id(activity), str(reply_to))
        else:
            name, text = split_command(self.router, message_text(activity))
        if job is not None and job.answer is not None:
            return job.answer, clicked  # it ran before its worker stopped: answer only
        command = self.command(activity, name, text)
        self._learn_name(command)
        within = job.record if job is not None else None
        reply = self.router.handle(command, now=self.clock(), within=within)
        if job is not None:
            job.settle(reply)
        return reply, clicked

    def _learn_name(self, command: Command) -> None:
        """A member an admin added by account id (``medlem ny aad-…``) gets the name Teams
        shows once they write; a name someone chose is kept."""
        name = clean_name(command.user_name)  # the member's to choose: user text
        if not name:
            return
        with self.db.transaction() as session:
            learn_name(session, PLATFORM, command.user_id, name)

    def command(self, activity: dict[str, Any], name: str, text: str) -> Command:
        sender = activity.get("from") or {}
        conversation = activity.get("conversation") or {}
        channel = (activity.get("channelData") or {}).get("channel") or {}
        body = ""
        if "\n" in text:
            first, _, rest = text.partition("\n")
            if self.router.wants_body(name, first):
                text, body = first, rest
        channel_name = channel.get("name") or conversation.get("name")
        return Command(
            platform=PLATFORM,
            user_id=conversations.member_id(activity),
            user_name=str(sender.get("name") or ""),
            channel_id=conversations.channel_id(activity),
            channel_name=f"#{channel_name}" if channel_name else None,
            name=name,
            text=text.strip(),
            body=body,
            locale=activity.get("locale"),
            timezone=activity.get("localTimezone"),
            private=conversations.conversation_kind(activity) == conversations.PERSONAL,
        )

    # -- delivering -------------------------------------------------------------------------

    def deliver(
        self,
        reply: Reply,
        activity: dict[str, Any],
        *,
        clicked: tuple[str, str] | None = None,
    ) -> None:
        ref = reply.object_ref
        card = reply.card or reply
        # The command's language (as the router just read it), for its cards and the notes
        # Teams adds.
        member = conversations.member_id(activity)
        lang = self.router.known_language(PLATFORM, member) or self.language(activity)
        if ref is not None and clicked is not None and clicked in self.poster.posted(ref):
            # A click on the object's own card: the card itself shows the new state.
            self.poster.update_all(ref, card, lang=lang)
            return
        posted: tuple[str, str] | None = None
        kind = conversations.conversation_kind(activity)
        if reply.visibility == "channel" and kind != conversations.PERSONAL:
            channel = conversations.channel_id(activity)
            try:
                posted = (channel, self.poster.post(channel, reply, lang=lang))
            except UNDELIVERED as exc:
                if not temporary(exc):
                    raise  # said to have failed (as in Slack): posting again would fail too
                self._post_later(reply, activity, channel, exc, lang)
                return
        elif reply.visibility == "private" and kind != conversations.PERSONAL:
            self._tell_privately(activity, reply, lang)
        else:
            self.tell(activity, reply, lang=lang)
        if ref is not None:
            self._update_others(ref, card, posted, lang)

    def _update_others(
        self, ref: tuple[str, int], card: Reply, posted: tuple[str, str] | None, lang: str
    ) -> None:
        """The object's other cards, once its answer is delivered. A database error is only
        logged: answering again would post or say it a second time (the object's next
        change updates them)."""
        try:
            self.poster.update_all(ref, card, skip=posted, lang=lang)
        except Exception as exc:
            if not is_unreachable(exc):
                raise
            log.warning("Teams cards of %s not updated: database error %s", ref, type(exc).__name__)

    def _post_later(
        self, reply: Reply, activity: dict[str, Any], channel: str, exc: Exception, lang: str
    ) -> None:
        """The command is saved but its channel post failed for a passing reason: the
        outbox posts it (retrying with backoff, or telling who gave the command if it never
        can); the member is told that. Its files go with it as their links (the outbox
        keeps no file; Slack uploads them at once)."""
        log.warning("Teams channel post failed (%s): left to the outbox", exc)
        reply = self.poster.outgoing(reply, lang)
        with self.db.transaction() as session:
            # Who gave the command is told if it can never be posted.
            member = find_member(session, PLATFORM, conversations.member_id(activity))
            schedule_repost(
                session,
                reply,
                platform=PLATFORM,
                channel_id=channel,
                now=self.clock(),
                member_id=member.id if member else None,
            )
        try:
            self.tell(activity, Reply.text(t("error.post_later", self.language(activity))))
        except UNDELIVERED as told:
            # Not raised to the worker: answering again would post it a second time.
            log.warning("Teams member not told of the later post: %s", told)

    def _tell_privately(self, activity: dict[str, Any], reply: Reply, lang: str) -> None:
        """An answer only the asker may read, asked where everyone reads the answers (a
        channel's thread): in their personal chat, and the thread says so (Slack: an
        ephemeral message). When their personal chat cannot be opened, the thread says
        where to ask instead; the thread's note is only a note: if it fails, the answer is
        not sent again, nor the note to the personal chat."""
        try:
            personal = self.poster.personal_conversation(conversations.member_id(activity))
        except ConnectorError as exc:
            if exc.temporary:
                raise
            log.warning("Teams personal chat not opened (%s): the member is told", exc)
            self.tell(activity, Reply.text(t("teams.private_unreachable", lang)), lang=lang)
            return
        self.poster.post(personal, reply, lang=lang)
        try:
            self._answer_here(activity, Reply.text(t("teams.sent_privately", lang)), lang)
        except UNDELIVERED as exc:
            log.warning("Teams note of a private answer not delivered: %s", exc)

    def _post_personally(self, activity: dict[str, Any], reply: Reply, lang: str | None) -> None:
        """In the personal chat of the activity's member (opened if need be)."""
        personal = self.poster.personal_conversation(conversations.member_id(activity))
        self.poster.post(personal, reply, lang=lang)

    def tell(
        self,
        activity: dict[str, Any],
        reply: Reply,
        *,
        lang: str | None = None,
        poster: Poster | None = None,
    ) -> None:
        """Answer the asker: in a personal chat a message, elsewhere a reply in the thread
        (Teams has no message only one member of a channel sees). A reply Teams refuses
        for good goes to the member's personal chat, as Slack's answer goes by direct
        message when its ephemeral message fails. Sent where the activity came from (its
        service URL, checked against its token): no database is needed to answer.
        ``lang``: the reply's language, for the notes Teams adds (a file's link); ``poster``:
        another way to send it (the outage notice's, which does not wait)."""
        try:
            self._answer_here(activity, reply, lang, poster)
        except ConnectorError as exc:
            personal = conversations.conversation_kind(activity) == conversations.PERSONAL
            if exc.temporary or personal:
                raise
            log.warning("Teams reply in the thread refused (%s): to the personal chat", exc)
            self._post_personally(activity, reply, lang)

    def _answer_here(
        self,
        activity: dict[str, Any],
        reply: Reply,
        lang: str | None,
        poster: Poster | None = None,
    ) -> None:
        """In the activity's own conversation: a personal chat's message, else a reply in
        its thread."""
        conv = str((activity.get("conversation") or {}).get("id") or "")
        kind = conversations.conversation_kind(activity)
        via = (str(activity.get("serviceUrl") or ""), kind)
        reply_to = None if kind == conversations.PERSONAL else str(activity.get("id") or "")
        (poster or self.poster).post(conv, reply, reply_to=reply_to or None, via=via, lang=lang)

    def not_taken(self, activity: dict[str, Any]) -> bool:
        """The front could not store a message (the database cannot be reached): the
        member is told at once to try again, in the language they were last answered in
        (else their Teams'), as Slack's front answers a command it could not store.
        Whether the member was told, or may have been: then Teams gets its 200. The notice
        is sent inside Teams' request, so once and with a short timeout: Teams sends the
        message again when it waits for long (or gets an error), and the member would read
        the notice twice. A notice Teams refused (an HTTP answer, throttled, no
        conversation) surely did not arrive: False, and Teams sends the message again."""
        member = conversations.member_id(activity)
        if activity.get("type") != "message" or not member:
            return False
        lang = self.router.seen_language(PLATFORM, member, activity.get("locale"))
        try:
            self.tell(activity, Reply.text(t("error.database", lang)), poster=self.notices)
        except Exception as exc:
            reason = exc if isinstance(exc, UNDELIVERED) else exc.__class__.__name__
            log.warning("could not tell a Teams member the database is down: %s", reason)
            return isinstance(exc, ConnectorError) and exc.status is None  # it may have arrived
        return True

    def language(self, activity: dict[str, Any]) -> str:
        """The bot's own words to the member of ``activity``: as a command in its
        conversation is answered (the rule Slack's own words follow: a newcomer in a
        nynorsk partnership's channel reads nynorsk)."""
        return self.router.language_of(
            PLATFORM, conversations.member_id(activity), conversations.channel_id(activity)
        )

    # -- the adapter contract (bot/adapters/contract.py) -----------------------------------

    def answer(self, command: Command, reply: Reply) -> None:
        """A message in the conversation the command came from (no thread: a Command does
        not carry the activity it came in)."""
        self.poster.post(command.channel_id, reply)

    def post(self, destination: str, reply: Reply) -> Posted:
        """``destination``: a conversation the bot has seen, or a member's AAD object id
        (their personal chat, opened if need be)."""
        with self.db.transaction() as session:
            known = conversations.conversation(session, destination) is not None
        conversation = destination if known else self.poster.personal_conversation(destination)
        return conversation, self.poster.post(conversation, reply)

    def update(self, posted: Posted, reply: Reply) -> bool:
        conversation, activity_id = posted
        lang = self.settings.language
        payload = render.activity(
            reply, t("teams.more_not_shown", lang), buttons_note=t("teams.buttons_cut", lang)
        )
        try:
            self.poster.pace(conversation)
            url = self.poster.service_url(conversation)
            self.poster.connector.update(url, conversation, activity_id, payload)
        except UNDELIVERED as exc:
            log.warning("Teams update of %s failed: %s", activity_id, exc)
            return False
        return True

    def open_form(self, command: Command, trigger: str | None) -> bool:
        return False  # no forms: the command runs as typed and says what is missing

    def upload(self, destination: str, files_: list[File]) -> list[str]:
        """Links on the web front (a Teams bot cannot attach a file in a channel without
        Graph); none without PARTNERBOT_PUBLIC_URL."""
        if not self.settings.public_url or not files_:
            return []
        base = self.settings.public_url
        return files.share(self.db, files_, base_url=base, now=self.clock())

    def profile(self, external_id: str) -> Profile:
        """What the member's activities told the bot (Teams sends name, locale and time
        zone with each message; the router stores them)."""
        return stored_profile(self.db, PLATFORM, external_id)

    # -- messages a command queued for others -------------------------------------------------

    def dispatch_now(self) -> None:
        self.dispatching.wake()


def _satisfies_contract(bot: TeamsBot) -> Adapter:
    return bot  # mypy checks Teams' adapter against the contract here
