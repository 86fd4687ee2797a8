"""Settings from the environment and `.env` (pydantic-settings): one object, passed down."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.i18n import normalize_language


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = Field("sqlite:///partnerbot.db", alias="DATABASE_URL")
    timezone: str = Field("Europe/Oslo", alias="PARTNERBOT_TIMEZONE")
    language: str = Field("nb", alias="PARTNERBOT_LANGUAGE")
    admins_raw: str = Field("", alias="PARTNERBOT_ADMINS")
    tick_seconds: float = Field(15.0, alias="PARTNERBOT_TICK_SECONDS", gt=0)
    stale_after_hours: float = Field(24.0, alias="PARTNERBOT_STALE_AFTER_HOURS", gt=0)
    max_attempts: int = Field(16, alias="PARTNERBOT_MAX_ATTEMPTS", ge=1)
    files_dir: Path = Field(Path("partnerbot-files"), alias="PARTNERBOT_FILES_DIR")
    log_level: str = Field("WARNING", alias="PARTNERBOT_LOG_LEVEL")
    # Inbox workers: threads per process, and how long a claimed request is theirs before
    # another worker may take it (its worker died).
    worker_threads: int = Field(4, alias="PARTNERBOT_WORKER_THREADS", ge=1, le=64)
    inbox_lease_seconds: float = Field(60.0, alias="PARTNERBOT_INBOX_LEASE_SECONDS", gt=0)
    # How long a reminder claimed for sending is its sender's before another may send it.
    outbox_lease_seconds: float = Field(300.0, alias="PARTNERBOT_OUTBOX_LEASE_SECONDS", gt=0)

    # Where the web pages are seen from outside (guest links, calendar feeds, dashboards).
    public_url: str | None = Field(None, alias="PARTNERBOT_PUBLIC_URL")
    # Form posts (votes, registrations) one private link takes per minute.
    web_posts_per_minute: int = Field(30, alias="PARTNERBOT_WEB_POSTS_PER_MINUTE", ge=1)

    # repr=False: a settings object in an error message or a log line shows no secret.
    slack_bot_token: str | None = Field(None, alias="SLACK_BOT_TOKEN", repr=False)
    slack_signing_secret: str | None = Field(None, alias="SLACK_SIGNING_SECRET", repr=False)
    slack_app_token: str | None = Field(None, alias="SLACK_APP_TOKEN", repr=False)
    slack_api_url: str | None = Field(None, alias="SLACK_API_URL")

    # Microsoft Teams (bot/adapters/teams). The two URLs are Microsoft's own by default;
    # only tests point them at a fake Bot Connector on loopback.
    microsoft_app_id: str | None = Field(None, alias="MICROSOFT_APP_ID")
    microsoft_app_password: str | None = Field(None, alias="MICROSOFT_APP_PASSWORD", repr=False)
    microsoft_app_tenant_id: str | None = Field(None, alias="MICROSOFT_APP_TENANT_ID")
    microsoft_openid_metadata_url: str = Field(
        "https://login.botframework.com/v1/.well-known/openidconfiguration",
        alias="MICROSOFT_OPENID_METADATA_URL",
    )
    # The Entra authority the bot gets its own token from; "{tenant}" is replaced by
    # MICROSOFT_APP_TENANT_ID (single-tenant app registration).
    microsoft_authority_url: str = Field(
        "https://login.microsoftonline.com/{tenant}", alias="MICROSOFT_AUTHORITY_URL"
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r} (try Europe/Oslo)") from exc
        return value

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        lang = normalize_language(value)
        if lang is None:
            raise ValueError(f"unknown language {value!r} (use nb, nn or en)")
        return lang

    @property
    def teams_configured(self) -> bool:
        """Teams runs when its app id is set (the rest is checked at start)."""
        return bool(self.microsoft_app_id)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def admins(self) -> frozenset[str]:
        """Chat account ids (console: names, its only ids) that are admins from the start;
        never matched against a chat name, which the member chooses."""
        return frozenset(a.strip().casefold() for a in self.admins_raw.split(",") if a.strip())


def load_settings(**overrides: object) -> Settings:
    return Settings(**overrides)  # type: ignore[arg-type]
