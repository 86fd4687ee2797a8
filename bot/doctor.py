"""`partnerbot doctor`: checks what an operator sets up (settings, database, migrations,
the Slack token) and says in one line each what is fine and what to fix."""

from __future__ import annotations

from pydantic import ValidationError

from bot.config import Settings, load_settings
from storage import schema
from storage.db import Database, DatabaseError, hide_password

Check = tuple[str, bool]


def run_checks() -> list[Check]:
    try:
        s = load_settings()
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(x) for x in err.get("loc", ())) or "settings"
        return [(f"settings: {where}: {err.get('msg')} (fix it in .env or the environment)", False)]
    return [("settings: read", True), *database_checks(s), *slack_checks(s)]


def database_checks(s: Settings) -> list[Check]:
    url = hide_password(s.database_url)
    try:
        db = Database.from_url(s.database_url)
        db.ping()
    except DatabaseError as exc:
        return [(f"database {url}: {exc} (check DATABASE_URL and that the server runs)", False)]
    try:
        schema.check_up_to_date(db)
    except schema.SchemaOutOfDate as exc:
        return [(f"database {url}: reachable", True), (f"migrations: {exc}", False)]
    finally:
        db.dispose()
    return [(f"database {url}: reachable", True), ("migrations: at head", True)]


def slack_checks(s: Settings) -> list[Check]:
    from bot.adapters.slack.run import SlackConfigError, check_settings, check_token

    try:
        mode = check_settings(s)
    except SlackConfigError as exc:
        return [(f"slack: {exc}", False)]
    try:
        user = check_token(s)
    except SlackConfigError as exc:
        return [(f"slack: {exc}", False)]
    how = "Socket Mode (SLACK_APP_TOKEN)" if mode == "socket" else "HTTP (/slack/events)"
    return [(f"slack: token accepted by auth.test (bot user {user}); mode {how}", True)]
