"""What the Slack adapter does with a request a worker took from the inbox: turn a command,
click or form into a Command, run it through the router (its effects and the inbox row's
"ran" commit together) and deliver the Reply (ephemeral, in the channel, or as an update of
the object's posted messages)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from sqlalchemy.orm import Session

from bot import clock
from bot.adapters.contract import Adapter, Capabilities, Posted, Profile
from bot.adapters.slack import forms
from bot.adapters.slack.blocks import (
    fallback_text,
    message_payload,
    render_messages,
    render_single,
)
from bot.adapters.slack.client import error_code, respond, to_send_error
from bot.adapters.slack.home import HOME_GROUP, HOME_VERB, HomeUsers, from_home, home_view
from bot.adapters.slack.markup import neutral_mentions
from bot.adapters.slack.messenger import SlackMessenger
from bot.adapters.slack.posting import PLATFORM, Poster
from bot.adapters.slack.profiles import Profiles
from bot.app import App
from bot.cards import Cards, Prepared
from bot.i18n import t
from bot.inbox import Job
from bot.messages import Command, File, Reply
from bot.messenger import TemporaryError
from bot.reposts import schedule_repost
from bot.router import READ_ONLY, RENDERED_IN, find_member
from bot.scheduler import DispatchLoop
from storage import outbox
from storage.db import is_unreachable
from storage.inbox import LostClaim

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
# Posting in a channel the bot cannot post in: answer through the response_url instead.
NOT_POSTABLE = frozenset({"not_in_channel", "channel_not_found", "is_archived"})


def utcnow() -> datetime:
    return clock.now()


@dataclass(frozen=True)
class Where:
    """Where a request came from and how to answer only the asker."""

    user_id: str
    user_name: str
    channel_id: str
    channel_name: str | None
    response_url: str | None


def split_command(value: str) -> tuple[str, str]:
    """ "/mote svar 3 ja" -> ("mote", "svar 3 ja"); a button's value is such a command."""
    word, _, rest = value.strip().partition(" ")
    return word.lstrip("/"), rest.strip()


def channel_label(name: str | None) -> str | None:
    if not name or name in ("directmessage", "privategroup", "mpdm"):
        return None
    return name if name.startswith("#") else f"#{name}"


class SlackBot:
    """Slack's adapter: intake of an inbox row (command, click, form, Home tab) and the
    contract's ways out (bot/adapters/contract.py)."""

    platform = PLATFORM
    capabilities = Capabilities(ephemeral=True, card_updates=True, forms=True, files=True)

    def __init__(
        self,
        app: App,
        client: WebClient,
        outbox_client: WebClient,
        *,
        clock: Clock = utcnow,
        dispatching: DispatchLoop | None = None,
    ) -> None:
        self.app = app
        self.router = app.router
        self.db = app.db
        self.settings = app.settings
        self.client = client
        self.clock = clock
        self.cards = Cards(app.db, app.router.cards, app.settings.tz)
        self.poster = Poster(client, app.db, lang=app.settings.language, cards=self.cards)
        self.profiles = Profiles(client, app.db)
        self.messenger = SlackMessenger(outbox_client, app.db, lang=app.settings.language)
        # The process's one dispatch loop (bot/scheduler.py) sends Slack's outbox rows.
        self.dispatching = dispatching or DispatchLoop(app, now=clock)
        self.dispatcher = self.dispatching.register(self.messenger)
        self.home_users = HomeUsers()

    # -- the kinds of request --------------------------------------------------------

    def handle(self, job: Job) -> None:
        """Run one inbox row (the Worker's ``handle``)."""
        if job.kind == "command":
            self.on_command(job.body, job)
        elif job.kind == "click":
            self.on_click(job.body, job)
        elif job.kind == "submit":
            self.on_submit(job.body, job)
        elif job.kind == "home":
            self.on_home_opened(job.body)
        else:
            log.error("inbox row of unknown kind %r skipped", job.kind)

    def on_command(self, body: dict[str, Any], job: Job | None = None) -> None:
        where = Where(
            user_id=str(body.get("user_id", "")),
            user_name=str(body.get("user_name", "")),
            channel_id=str(body.get("channel_id", "")),
            channel_name=channel_label(body.get("channel_name")),
            response_url=body.get("response_url"),
        )
        name = str(body.get("command", "")).lstrip("/")
        text = str(body.get("text", ""))
        with self._guard(where):
            target = forms.form_for(self.router, name, text)
            if (
                job is None or job.answer is None  # a form opened before a crash: not again
            ) and (
                target is not None
                and body.get("trigger_id")
                and self._open_form(target, body["trigger_id"], where)
            ):
                return
            self._run(where, name, text, clicked=None, job=job)

    def on_click(self, body: dict[str, Any], job: Job | None = None) -> None:
        user = body.get("user") or {}
        channel = body.get("channel") or {}
        container = body.get("container") or {}
        where = Where(
            user_id=str(user.get("id", "")),
            user_name=str(user.get("name") or user.get("username") or ""),
            channel_id=str(channel.get("id") or container.get("channel_id") or ""),
            channel_name=channel_label(channel.get("name")),
            response_url=body.get("response_url"),
        )
        with self._guard(where):
            action = (body.get("actions") or [{}])[0]
            name, text = split_command(str(action.get("value") or ""))
            message = body.get("message") or {}
            clicked = None
            if message.get("ts") and not container.get("is_ephemeral"):
                clicked = (where.channel_id, str(message["ts"]))
            if from_home(body):
                # No channel and no response_url: the answer goes by direct message.
                self.home_users.add(where.user_id)
            self._run(where, name, text, clicked=clicked, job=job)

    def on_home_opened(self, event: dict[str, Any]) -> None:
        """The member opened the app: their Home tab shows what waits for them."""
        if event.get("tab", "home") != "home" or not event.get("user"):
            return
        user_id = str(event["user"])
        where = Where(
            user_id=user_id, user_name="", channel_id="", channel_name=None, response_url=None
        )
        with self._guard(where, tell=False):
            self.home_users.add(user_id)
            self.publish_home(user_id)

    def publish_home(self, user_id: str) -> None:
        where = Where(
            user_id=user_id, user_name="", channel_id="", channel_name=None, response_url=None
        )
        reply = self.router.handle(self.command(where, HOME_GROUP, HOME_VERB), now=self.clock())
        view = home_view(reply, t("slack.more_not_shown", self.language(user_id)))
        try:
            self.client.views_publish(user_id=user_id, view=view)
        except (SlackApiError, SlackClientError, OSError) as exc:
            reason = error_code(exc) if isinstance(exc, SlackApiError) else exc.__class__.__name__
            log.warning("views.publish for %s failed: %s", user_id, reason)

    def form_errors(self, body: dict[str, Any]) -> dict[str, str]:
        """Checked before the ack, so that Slack shows them in the open form."""
        target, _meta = self._form_target(body)
        if target is None:
            return {}
        user_id = str((body.get("user") or {}).get("id", ""))
        return forms.validate(target, self._form_values(body), self.language(user_id))

    def on_submit(self, body: dict[str, Any], job: Job | None = None) -> None:
        user = body.get("user") or {}
        target, meta = self._form_target(body)
        where = Where(
            user_id=str(user.get("id", "")),
            user_name=str(user.get("name") or user.get("username") or ""),
            channel_id=str(meta.get("channel_id") or ""),
            channel_name=meta.get("channel_name"),
            response_url=meta.get("response_url"),
        )
        with self._guard(where):
            if target is None or self.form_errors(body):
                return
            text = forms.compose(target, self._form_values(body))
            self._run(where, target.group.name, text, clicked=None, job=job)

    # -- running ------------------------------------------------------------------------

    def command(self, where: Where, name: str, text: str) -> Command:
        profile = self.profiles.for_user(where.user_id, where.user_name or where.user_id)
        body = ""
        if "\n" in text:
            first, _, rest = text.partition("\n")
            if self.router.wants_body(name, first):
                text, body = first, rest
        return Command(
            platform=PLATFORM,
            user_id=where.user_id,
            user_name=profile.name,
            channel_id=where.channel_id,
            channel_name=where.channel_name,
            name=name,
            text=neutral_mentions(text.strip()),
            body=body,
            locale=profile.locale,
            timezone=profile.timezone,
        )

    def _run(
        self,
        where: Where,
        name: str,
        text: str,
        *,
        clicked: tuple[str, str] | None,
        job: Job | None = None,
    ) -> None:
        queued = Queued(job, partial(self._prepare_card, where.user_id))
        try:
            self._run_queued(where, name, text, clicked=clicked, job=job, queued=queued)
        finally:
            if queued.prepared is not None and not queued.prepared.used:
                self._refresh_card(queued.prepared)

    def _run_queued(
        self,
        where: Where,
        name: str,
        text: str,
        *,
        clicked: tuple[str, str] | None,
        job: Job | None,
        queued: Queued,
    ) -> None:
        lang: str | None = None
        now = datetime.max.replace(tzinfo=UTC)
        if job is not None and job.answer is not None:
            reply = job.answer  # it ran before its worker stopped: answer, do not run again
            queued.due = now  # what it queued may wait in the outbox: send it
        else:
            command = self.command(where, name, text)
            now = self.clock()
            reply = self.router.handle(command, now=now, within=queued.within)
            lang = self.router.known_language(PLATFORM, where.user_id)  # as just read
            if job is not None:
                job.settle(reply)
        # From here on the command is saved (or was refused): a failure to answer must
        # not say "nothing was saved", which invites typing it again.
        try:
            # A re-run answer may have been posted by the worker that stopped: look first.
            once = (job.key, job.answer is not None) if job is not None else ("", False)
            self.deliver(
                reply, where, clicked=clicked, once=once, lang=lang, prepared=queued.prepared
            )
        except Exception as exc:
            if not isinstance(exc, SlackApiError | SlackClientError | OSError):
                log.exception("answering a command that was run failed")
            else:
                log.warning("answering a command that was run failed: %s", _reason(exc))
            self.tell(
                where,
                Reply.text(
                    t("error.answer_failed", self.language(where.user_id, where.channel_id))
                ),
            )
        if queued.due is not None and queued.due <= now:
            self.dispatch_now()  # only for what is due now: reminders wait for the ticker
        if where.user_id in self.home_users:
            # What they just did may change what waits for them: one refresh per command.
            self.publish_home(where.user_id)

    def _prepare_card(self, user_id: str, session: Session, reply: Reply) -> Prepared | None:
        """In the command's transaction: the update of the object's posted messages, read
        there (bot/cards.py; SQLite). The verb's own card is reused when it rendered it in
        the language and zone the posted messages show."""
        ref = reply.object_ref
        if ref is None or ref[0] not in self.cards.renderers:
            return None
        lang = self.router.known_language(PLATFORM, user_id) or self.settings.language
        same = session.info.get(RENDERED_IN) == (lang, self.cards.tz.key)
        trusted = reply.card if same else None
        return self.cards.prepare(session, ref, lang, PLATFORM, trusted=trusted)

    def _refresh_card(self, prepared: Prepared) -> None:
        try:
            self.poster.refresh(prepared)
        except Exception as exc:
            log.warning("refreshing the card of %s failed: %s", prepared.ref, _reason(exc))

    def dispatch_now(self) -> None:
        """Messages a command queued for others (announcements, poll posts) go out now, not
        at the next tick (the dispatch loop's after-command thread)."""
        self.dispatching.wake()

    # -- delivering ---------------------------------------------------------------------

    def deliver(
        self,
        reply: Reply,
        where: Where,
        *,
        clicked: tuple[str, str] | None = None,
        once: tuple[str, bool] = ("", False),
        lang: str | None = None,
        prepared: Prepared | None = None,
    ) -> None:
        """``lang``: the member's language when the caller knows it (else it is read);
        ``prepared``: the update of the object's messages as the command's transaction
        read it (bot/cards.py)."""
        ref = reply.object_ref
        card = reply.card or reply
        if ref is not None:
            lang = lang or self.language(where.user_id, where.channel_id)
            if clicked is not None and self.poster.update_clicked(
                ref, card, clicked, lang=lang, prepared=prepared
            ):
                # A click on the object's own message: the message itself shows the new state.
                self._upload(reply, where)
                return
        posted: tuple[str, str] | None = None
        if reply.visibility == "channel" and where.channel_id:
            posted = self._post_in_channel(reply, where, once)
        else:
            self.tell(where, reply)
            self._upload(reply, where)
        if ref is not None:
            self.poster.update_all(ref, card, skip=posted, lang=lang, prepared=prepared)

    def _post_in_channel(
        self, reply: Reply, where: Where, once: tuple[str, bool] = ("", False)
    ) -> tuple[str, str] | None:
        try:
            return self.poster.post(where.channel_id, reply, key=once[0], resend=once[1])
        except (SlackApiError, SlackClientError, OSError) as exc:
            if isinstance(to_send_error(exc), TemporaryError):
                self._post_later(reply, where, exc)
                return None
            if (
                not isinstance(exc, SlackApiError)
                or error_code(exc) not in NOT_POSTABLE
                or not where.response_url
            ):
                raise
        # Not a member of the channel: the command's response_url can still post there.
        for blocks in render_messages(reply):
            respond(
                where.response_url,
                {"response_type": "in_channel", **message_payload(blocks, fallback_text(reply))},
            )
        self.tell(
            where,
            Reply.text(t("slack.not_in_channel", self.language(where.user_id, where.channel_id))),
        )
        return None

    def _post_later(self, reply: Reply, where: Where, exc: Exception) -> None:
        """The command is saved but its channel post failed: the outbox posts it (and
        retries with backoff, or tells the organiser if it never can); the member is told
        just that."""
        log.warning("channel post failed (%s): left to the outbox", _reason(exc))
        with self.db.transaction() as session:
            member = find_member(session, PLATFORM, where.user_id)
            schedule_repost(
                session,
                reply,
                platform=PLATFORM,
                channel_id=where.channel_id,
                now=self.clock(),
                member_id=member.id if member else None,
            )
        self.dispatch_now()
        self.tell(
            where, Reply.text(t("error.post_later", self.language(where.user_id, where.channel_id)))
        )
        self._upload(reply, where)

    def tell(self, where: Where, reply: Reply) -> None:
        """Only the asker sees it: response_url, else an ephemeral post, else a DM."""
        text = fallback_text(reply)
        pages = render_messages(reply)
        if where.response_url and all(
            respond(
                where.response_url,
                {
                    "response_type": "ephemeral",
                    "replace_original": False,
                    **message_payload(blocks, text),
                },
            )
            for blocks in pages
        ):
            return
        for blocks in pages:
            if where.channel_id:
                try:
                    self.client.chat_postEphemeral(
                        channel=where.channel_id,
                        user=where.user_id,
                        **message_payload(blocks, text),
                    )
                    continue
                except SlackApiError as exc:
                    log.info(
                        "ephemeral post failed (%s); sending a direct message", error_code(exc)
                    )
            self.client.chat_postMessage(channel=where.user_id, **message_payload(blocks, text))

    def _upload(self, reply: Reply, where: Where) -> None:
        if not reply.files:
            return
        channel = where.channel_id or where.user_id
        try:
            self.upload(channel, reply.files)
        except (SlackApiError, SlackClientError, OSError) as exc:
            reason = error_code(exc) if isinstance(exc, SlackApiError) else exc.__class__.__name__
            names = ", ".join(f.name for f in reply.files)
            self.tell(
                where,
                Reply.text(
                    t(
                        "slack.file_failed",
                        self.language(where.user_id, where.channel_id),
                        name=names,
                        reason=reason,
                    )
                ),
            )

    # -- the adapter contract (bot/adapters/contract.py) ---------------------------------

    def answer(self, command: Command, reply: Reply) -> None:
        """Delivered as a command's reply is, without the response_url a Command does not
        carry: ephemeral by chat.postEphemeral, else a direct message."""
        self.deliver(reply, where_of(command))

    def post(self, destination: str, reply: Reply) -> Posted:
        return self.poster.post(destination, reply)

    def update(self, posted: Posted, reply: Reply) -> bool:
        channel, ts = posted
        blocks = render_single(reply, t("slack.more_not_shown", self.settings.language))
        try:
            self.client.chat_update(
                channel=channel, ts=ts, **message_payload(blocks, fallback_text(reply))
            )
        except SlackApiError as exc:
            log.warning("chat.update of %s failed: %s", ts, error_code(exc))
            return False
        return True

    def open_form(self, command: Command, trigger: str | None) -> bool:
        target = forms.form_for(self.router, command.name, command.text)
        if target is None or not trigger:
            return False
        return self._open_form(target, trigger, where_of(command))

    def upload(self, destination: str, files: list[File]) -> list[str]:
        self.poster.upload(destination, files)
        return []  # attached: no links

    def profile(self, external_id: str) -> Profile:
        return self.profiles.ask(external_id, external_id) or Profile(external_id)

    # -- forms --------------------------------------------------------------------------

    def _open_form(self, target: forms.FormTarget, trigger_id: str, where: Where) -> bool:
        meta = {
            "group": target.group.name,
            "user_id": where.user_id,
            "channel_id": where.channel_id,
            "channel_name": where.channel_name,
            "response_url": where.response_url,
        }
        view = forms.build_view(
            target,
            self.language(where.user_id, where.channel_id),
            forms.seal(meta, self._form_key()),
        )
        try:
            self.client.views_open(trigger_id=trigger_id, view=view)
        except SlackApiError as exc:
            # An expired trigger: answer as if typed (the handler says what is missing).
            log.warning("views.open failed: %s", error_code(exc))
            return False
        return True

    def _form_target(self, body: dict[str, Any]) -> tuple[forms.FormTarget | None, dict[str, Any]]:
        view = body.get("view") or {}
        meta = forms.unseal(view.get("private_metadata"), self._form_key())
        user_id = str((body.get("user") or {}).get("id", ""))
        if meta is None or meta.get("user_id") != user_id:
            # Not the form the bot opened for this member: its channel and response_url
            # (where the bot would post) cannot be trusted, so nothing runs.
            log.info("form submission with private_metadata the bot did not seal: ignored")
            return None, {}
        group = self.router.find_group(str(meta.get("group") or ""))
        new = forms.new_verb(group) if group is not None else None
        target = forms.FormTarget(group, new) if group is not None and new is not None else None
        return target, meta

    @staticmethod
    def _form_values(body: dict[str, Any]) -> dict[str, Any]:
        return ((body.get("view") or {}).get("state") or {}).get("values") or {}

    def _form_key(self) -> str:
        s = self.settings
        return s.slack_signing_secret or s.slack_app_token or s.slack_bot_token or ""

    # -- small things -------------------------------------------------------------------

    def language(self, user_id: str, channel_id: str | None = None) -> str:
        """The bot's own words to a member: as a command in ``channel_id`` is answered (a
        newcomer in a nynorsk partnership's channel reads nynorsk)."""
        return self.router.language_of(PLATFORM, user_id, channel_id or None)

    def _guard(self, where: Where, *, tell: bool = True) -> _Guard:
        return _Guard(self, where, tell=tell)


class Queued:
    """Runs in a command's transaction (the router's ``within``): marks the inbox row ran,
    notes the earliest due time of the messages the command put in the outbox, and last
    (after anything that may refuse) prepares the update of the object's card."""

    def __init__(
        self,
        job: Job | None,
        prepare: Callable[[Session, Reply], Prepared | None] | None = None,
    ) -> None:
        self.job = job
        self.prepare = prepare
        self.due: datetime | None = None
        self.prepared: Prepared | None = None

    def within(self, session: Session, reply: Reply) -> None:
        self.due = outbox.soonest_scheduled(session)
        if self.job is not None:
            self.job.record(session, reply)
        if (
            self.prepare is not None
            and reply.object_ref is not None
            and not session.info.get(READ_ONLY)  # a read's snapshot may predate a commit
        ):
            self.prepared = self.prepare(session, reply)


def where_of(command: Command) -> Where:
    return Where(
        user_id=command.user_id,
        user_name=command.user_name,
        channel_id=command.channel_id,
        channel_name=command.channel_name,
        response_url=None,
    )


def _satisfies_contract(bot: SlackBot) -> Adapter:
    return bot  # mypy checks Slack's adapter against the contract here


def _reason(exc: Exception) -> str:
    return error_code(exc) if isinstance(exc, SlackApiError) else exc.__class__.__name__


class _Guard:
    """Any bug after the ack is logged and the asker gets a short apology, not silence;
    an unreachable database (it is read before the router runs: Slack's retries, new
    members' profiles) gets the "cannot reach the database, try again" answer."""

    def __init__(self, bot: SlackBot, where: Where, *, tell: bool = True) -> None:
        self.bot = bot
        self.where = where
        self.tell = tell  # opening the Home tab is no request: nobody to apologise to

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: object
    ) -> bool:
        if exc is None or not isinstance(exc, Exception) or isinstance(exc, LostClaim):
            return False  # LostClaim: another worker has the request and answers it
        key = "error.unexpected"
        if is_unreachable(exc):
            key = "error.database"
            log.warning(
                "Slack request failed after the ack: database error %s", exc.__class__.__name__
            )
        else:
            log.exception("Slack request failed after the ack", exc_info=exc)
        if not self.tell:
            return True
        try:
            lang = self.bot.language(self.where.user_id, self.where.channel_id)
            self.bot.tell(self.where, Reply.text(t(key, lang)))
        except Exception:
            log.exception("could not tell the member about the failure")
        return True
