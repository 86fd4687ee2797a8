"""slack/manifest.yml: parses, has the five commands, and asks for no scope the code does
not use (each Web API method the adapter calls is mapped to the scope it needs)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from slack_sdk import WebClient

REPO = Path(__file__).resolve().parents[3]
MANIFEST = REPO / "slack" / "manifest.yml"
ADAPTER = REPO / "bot" / "adapters" / "slack"

# Web API method (slack_sdk name) -> bot scope(s) it needs (None: no scope).
SCOPE_OF: dict[str, str | tuple[str, ...] | None] = {
    "chat_postMessage": "chat:write",  # also direct messages to a user id (app home)
    "chat_postEphemeral": "chat:write",
    "chat_update": "chat:write",
    "users_info": "users:read",
    "files_upload_v2": "files:write",
    "views_open": None,
    "views_publish": None,  # the App Home tab
    "auth_test": None,  # bolt, at start
    "apps_connections_open": None,  # Socket Mode's check at start: the app-level token's
    # looking for a message posted before a crash: public and private channels
    "conversations_history": ("channels:history", "groups:history"),
}
COMMANDS = {"/partnerbot", "/tiltak", "/mote", "/horing", "/konferanse"}


def methods_called() -> set[str]:
    api = {name for name in dir(WebClient) if not name.startswith("_") and "_" in name}
    found: set[str] = set()
    for path in ADAPTER.glob("*.py"):
        found |= {
            m for m in re.findall(r"\.([a-z]+_[A-Za-z0-9_]+)\(", path.read_text()) if m in api
        }
    return found


def test_manifest_lists_the_five_commands_pointing_at_the_events_url() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text())
    commands = manifest["features"]["slash_commands"]
    assert {c["command"] for c in commands} == COMMANDS
    for c in commands:
        assert c["url"].endswith("/slack/events")
        assert c["description"] and len(c["description"]) <= 100
        assert c["usage_hint"] and len(c["usage_hint"]) <= 100
    settings = manifest["settings"]
    assert settings["interactivity"]["is_enabled"] is True
    assert settings["interactivity"]["request_url"].endswith("/slack/events")
    assert settings["event_subscriptions"]["request_url"].endswith("/slack/events")
    assert "app_home_opened" in settings["event_subscriptions"]["bot_events"]
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True


def test_every_scope_is_used_by_the_code_and_every_call_is_covered() -> None:
    called = methods_called()
    assert called, "found no Web API calls in the adapter"
    unknown = called - SCOPE_OF.keys()
    assert not unknown, f"map these methods to their scope in SCOPE_OF: {sorted(unknown)}"
    needed = {"commands"}  # slash commands
    for method in called:
        scope = SCOPE_OF[method]
        needed |= {scope} if isinstance(scope, str) else set(scope or ())
    scopes = set(yaml.safe_load(MANIFEST.read_text())["oauth_config"]["scopes"]["bot"])
    assert scopes == needed, (
        f"unused: {sorted(scopes - needed)}; missing: {sorted(needed - scopes)}"
    )
