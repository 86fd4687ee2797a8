"""The composition root: builds the database, router, features and dispatcher from settings."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import ModuleType

from bot import reposts
from bot.config import Settings
from bot.dispatcher import Dispatcher, render_failed_notice
from bot.messenger import Messenger
from bot.router import Router
from handlers import (
    accounts,
    actions,
    conferences,
    digest,
    hearings,
    networks,
    overview,
    poll_changes,
    polls,
    web_commands,
)
from storage.db import Database

# networks first: it creates the /partnerbot group that overview and digest add verbs to.
FEATURES = (
    networks,
    overview,
    digest,
    accounts,  # after networks: extends its "meg" and "koble"
    actions,
    hearings,
    polls,
    poll_changes,  # after polls: adds endre, avlys and gjenåpne to /mote
    conferences,
    web_commands,  # last: adds link verbs to the groups above
)


def build_router(
    db: Database, settings: Settings, features: Sequence[ModuleType] | None = None
) -> Router:
    router = Router(db, settings)
    for feature in FEATURES if features is None else features:
        feature.register(router)
    router.renderers["outbox.failed"] = render_failed_notice
    router.renderers[reposts.KIND] = reposts.render_repost
    return router


@dataclass
class App:
    settings: Settings
    db: Database
    router: Router

    @classmethod
    def build(
        cls,
        settings: Settings,
        db: Database | None = None,
        features: Sequence[ModuleType] | None = None,
    ) -> App:
        db = db or Database.from_url(settings.database_url)
        return cls(settings=settings, db=db, router=build_router(db, settings, features))

    def dispatcher(
        self, messenger: Messenger, *, monotonic: Callable[[], float] = time.monotonic
    ) -> Dispatcher:
        return Dispatcher(
            self.db,
            self.settings,
            messenger,
            self.router.renderers,
            planners=self.router.planners,
            monotonic=monotonic,
        )
