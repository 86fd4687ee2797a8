"""`partnerbot doctor`: checks what an operator sets up (settings, database, migrations,
the Slack token, Teams' app registration) and says in one line each what is fine and what
to fix."""

from __future__ import annotations

from pydantic import ValidationError
from sqlalchemy import func, select

from bot.config import Settings, load_settings
from storage import schema
from storage.db import Database, DatabaseError, hide_password
from storage.models import Member, Partnership

Check = tuple[str, bool]


def run_checks() -> list[Check]:
    try:
        s = load_settings()
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(x) for x in err.get("loc", ())) or "settings"
        return [(f"settings: {where}: {err.get('msg')} (fix it in .env or the environment)", False)]
    from bot.web.serve import NothingToServe, configured_platforms

    try:
        slack_on, teams_on = configured_platforms(s)
    except NothingToServe as exc:
        return [("settings: read", True), *database_checks(s), (str(exc), False)]
    return [
        ("settings: read", True),
        *database_checks(s),
        *(slack_checks(s) if slack_on else []),
        *(teams_checks(s) if teams_on else []),
    ]


def database_checks(s: Settings) -> list[Check]:
    url = hide_password(s.database_url)
    try:
        db = Database.from_url(s.database_url)
        db.ping()
    except DatabaseError as exc:
        return [(f"database {url}: {exc} (check DATABASE_URL and that the server runs)", False)]
    try:
        schema.check_up_to_date(db)
        placed = organiser_checks(db)
    except schema.SchemaOutOfDate as exc:
        return [(f"database {url}: reachable", True), (f"migrations: {exc}", False)]
    finally:
        db.dispose()
    return [(f"database {url}: reachable", True), ("migrations: at head", True), *placed]


def organiser_checks(db: Database) -> list[Check]:
    """Organisers in no partnership while partnerships exist organise nothing in them
    (docs/permissions.md): name them and the command that places them."""
    with db.transaction() as s:
        if s.scalar(select(func.count(Partnership.id))) == 0:
            return []
        names = s.scalars(
            select(Member.name)
            .where(Member.role == "organiser", Member.partnership_id.is_(None))
            .order_by(Member.name)
        ).all()
        first = s.scalar(select(Partnership.name).order_by(Partnership.name).limit(1))
    if not names:
        return [("organisers: each placed in a partnership", True)]
    shown = ", ".join(names[:10]) + (f" and {len(names) - 10} more" if len(names) > 10 else "")
    return [
        (
            f"organisers in no partnership, so without rights in any: {shown}; place each "
            f'with /partnerbot medlem "{names[0]}" partnerskap "{first}" (an admin, in chat)',
            False,
        )
    ]


def slack_checks(s: Settings) -> list[Check]:
    from bot.adapters.slack.run import (
        SlackConfigError,
        check_app_token,
        check_settings,
        check_token,
    )

    try:
        mode = check_settings(s)
    except SlackConfigError as exc:
        return [(f"slack: {exc}", False)]
    try:
        user = check_token(s)
        if mode == "socket":
            check_app_token(s)
    except SlackConfigError as exc:
        return [(f"slack: {exc}", False)]
    how = "Socket Mode (SLACK_APP_TOKEN)" if mode == "socket" else "HTTP (/slack/events)"
    return [(f"slack: token accepted by auth.test (bot user {user}); mode {how}", True)]


def teams_checks(s: Settings) -> list[Check]:
    """Teams' settings, a token from Entra with the app's credentials, the signing keys."""
    from bot.adapters.teams.auth import AuthError, KeyStore
    from bot.adapters.teams.connector import ConnectorError, TokenSource
    from bot.adapters.teams.run import TeamsConfigError, check_settings

    try:
        check_settings(s)
    except TeamsConfigError as exc:
        return [(f"teams: {exc}", False)]
    checks: list[Check] = []
    try:
        TokenSource(s).token()
        checks.append((f"teams: Entra gave a token to app {s.microsoft_app_id}", True))
    except ConnectorError as exc:
        checks.append(
            (
                f"teams: no token from Entra ({exc.reason}); check MICROSOFT_APP_ID, "
                "MICROSOFT_APP_PASSWORD (the client secret's value) and MICROSOFT_APP_TENANT_ID",
                False,
            )
        )
    try:
        count = KeyStore(s.microsoft_openid_metadata_url).count()
        checks.append((f"teams: {count} signing keys from the Bot Framework", True))
    except AuthError:
        checks.append(
            (f"teams: cannot read the signing keys at {s.microsoft_openid_metadata_url}", False)
        )
    if not s.public_url:
        checks.append(
            (
                "teams: PARTNERBOT_PUBLIC_URL is not set (the app package and file links "
                "need the bot's public https address)",
                False,
            )
        )
    return checks
