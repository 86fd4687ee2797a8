"""`partnerbot teams manifest`: the Teams app package (manifest.json, two icons, English).

The package is what an admin uploads in Teams admin center: bots[].botId is the Azure Bot's
app id, the bot works in personal chats, teams and group chats, the compose box offers the
main commands, and the public host is the one valid domain. The icons are drawn here (no
binary in the repository): a colour icon 192x192 and a white-on-transparent outline 32x32.
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any
from urllib.parse import urlsplit

from PIL import Image, ImageDraw

from bot.config import Settings
from bot.i18n import t

MANIFEST_VERSION = "1.17"
SCHEMA = (
    "https://developer.microsoft.com/en-us/json-schemas/teams/"
    f"v{MANIFEST_VERSION}/MicrosoftTeams.schema.json"
)
LOCALIZATION_SCHEMA = (
    "https://developer.microsoft.com/en-us/json-schemas/teams/"
    f"v{MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json"
)
ACCENT = "#1F6F8B"
SCOPES = ["personal", "team", "groupChat"]
# (title as typed, text key of its description); at most 10, titles at most 32 characters.
COMMANDS = (
    ("hjelp", "teams.app.cmd.help"),
    ("horing liste", "teams.app.cmd.hearings"),
    ("partnerbot oversikt", "teams.app.cmd.overview"),
    ("tiltak liste", "teams.app.cmd.actions"),
    ("mote ny", "teams.app.cmd.poll"),
    ("konferanse meld på", "teams.app.cmd.conference"),
)
DEFAULT_LANGUAGE, DEFAULT_TAG = "nb", "nb-no"
OTHER_LANGUAGES = (("en", "en-us"),)


class ManifestError(Exception):
    """A setting the package needs is missing or wrong; the message is one line."""


def _host(settings: Settings) -> str:
    url = (settings.public_url or "").strip()
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise ManifestError(
            "PARTNERBOT_PUBLIC_URL must be the bot's public https address "
            "(e.g. https://partnerbot.example.no)"
        )
    return parts.netloc


def _texts(lang: str) -> dict[str, str]:
    return {
        "name.short": "partnerbot",
        "name.full": "partnerbot",
        "description.short": t("teams.app.short", lang)[:80],
        "description.full": t("teams.app.full", lang)[:4000],
    }


def manifest(settings: Settings, version: str = "1.0.0") -> dict[str, Any]:
    app_id = (settings.microsoft_app_id or "").strip()
    if not app_id:
        raise ManifestError("MICROSOFT_APP_ID is not set (the Azure Bot's app id)")
    host = _host(settings)
    base = f"https://{host}"
    texts = _texts(DEFAULT_LANGUAGE)
    return {
        "$schema": SCHEMA,
        "manifestVersion": MANIFEST_VERSION,
        "version": version,
        "id": app_id,
        "developer": {
            "name": "partnerbot",
            "websiteUrl": base,
            "privacyUrl": f"{base}/privacy",
            "termsOfUseUrl": f"{base}/terms",
        },
        "name": {"short": texts["name.short"], "full": texts["name.full"]},
        "description": {"short": texts["description.short"], "full": texts["description.full"]},
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": ACCENT,
        "bots": [
            {
                "botId": app_id,
                "scopes": SCOPES,
                "supportsFiles": False,
                "isNotificationOnly": False,
                "commandLists": [
                    {
                        "scopes": SCOPES,
                        "commands": [
                            {"title": title, "description": t(key, DEFAULT_LANGUAGE)[:128]}
                            for title, key in COMMANDS
                        ],
                    }
                ],
            }
        ],
        "permissions": ["identity", "messageTeamMembers"],
        "validDomains": [host],
        "localizationInfo": {
            "defaultLanguageTag": DEFAULT_TAG,
            "additionalLanguages": [
                {"languageTag": tag, "file": f"{tag}.json"} for _, tag in OTHER_LANGUAGES
            ],
        },
    }


def localization(lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {"$schema": LOCALIZATION_SCHEMA, **_texts(lang)}
    for n, (_, key) in enumerate(COMMANDS):
        out[f"bots[0].commandLists[0].commands[{n}].description"] = t(key, lang)[:128]
    return out


def _network(draw: ImageDraw.ImageDraw, size: int, colour: str, inset: float) -> None:
    """Three partners joined: a triangle of dots with lines, the bot's mark."""
    s = size
    points = [
        (s * 0.5, s * inset),
        (s * inset, s * (1 - inset)),
        (s * (1 - inset), s * (1 - inset)),
    ]
    width = max(1, round(s / 16))
    for i in range(3):
        draw.line([points[i], points[(i + 1) % 3]], fill=colour, width=width)
    r = s * 0.12
    for x, y in points:
        draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)


def color_icon() -> bytes:
    image = Image.new("RGBA", (192, 192), ACCENT)
    _network(ImageDraw.Draw(image), 192, "#FFFFFF", 0.25)
    return _png(image)


def outline_icon() -> bytes:
    image = Image.new("RGBA", (32, 32), (0, 0, 0, 0))
    _network(ImageDraw.Draw(image), 32, "#FFFFFF", 0.18)
    return _png(image)


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def package(settings: Settings, version: str = "1.0.0") -> bytes:
    """The zip to upload: manifest.json, color.png, outline.png and the English texts."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "manifest.json", json.dumps(manifest(settings, version), indent=2, ensure_ascii=False)
        )
        zf.writestr("color.png", color_icon())
        zf.writestr("outline.png", outline_icon())
        for lang, tag in OTHER_LANGUAGES:
            zf.writestr(f"{tag}.json", json.dumps(localization(lang), indent=2, ensure_ascii=False))
    return out.getvalue()
