"""Every example the help texts teach, typed into an adapter built only from the contract
(tests/adapters/contract/recording.py) on the demo database: each gets an answer through
the contract, and none is an internal error."""

from __future__ import annotations

import ast
import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot import demo
from bot.adapters.contract import Adapter
from bot.app import App
from bot.i18n import CATALOG, t
from bot.messages import Text, Typed
from bot.router import Router
from tests.adapters.contract import recording
from tests.adapters.contract.recording import RecordingAdapter
from tests.conftest import make_settings

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # a Monday
LANGS = ("nb", "nn", "en")


def help_keys(router: Router) -> list[str]:
    """The help texts of every group and verb the router has."""
    keys = ["help.intro"]
    for group in router.groups.values():
        keys += [group.help_key] if group.help_key else []
        keys += [v.help_key for v in group.verbs if v.help_key]
    return sorted(set(keys))


def examples(router: Router, key: str, lang: str) -> list[str]:
    """The commands a help text teaches (its command parts), fragments (`påminn 7d`) left out."""
    found = []
    for part in Text(t(key, lang)).parts:
        if isinstance(part, Typed) and router.find_group(part.words.split(" ", 1)[0]):
            found.append(f"/{part.words}".replace("https://…", "https://example.org/x"))
    return found


@pytest.fixture
def adapter(db, tmp_path) -> RecordingAdapter:  # type: ignore[no-untyped-def]
    settings = make_settings(
        str(db.engine.url),
        PARTNERBOT_ADMINS="rec-ingrid",
        PARTNERBOT_FILES_DIR=str(tmp_path / "files"),
        PARTNERBOT_PUBLIC_URL="https://partnerbot.example.org",
    )
    demo.load(db, settings)
    app = App.build(settings, db)
    rec = RecordingAdapter(app)
    rec.type("/partnerbot koble nettverk infrastruktur", now=NOW)
    return rec


def test_the_recording_adapter_is_built_only_from_the_contract(adapter: RecordingAdapter) -> None:
    assert isinstance(adapter, Adapter)
    tree = ast.parse(Path(recording.__file__).read_text())
    imported = [
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    ] + [a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names]
    platform_specific = ("bot.adapters.slack", "bot.adapters.teams", "slack", "microsoft")
    assert [m for m in imported if m.startswith(platform_specific)] == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_help_example_gets_an_answer_that_is_no_internal_error(
    adapter: RecordingAdapter, lang: str, caplog: pytest.LogCaptureFixture
) -> None:
    router = adapter.app.router
    adapter.type(f"/partnerbot språk {lang}", now=NOW)
    keys = help_keys(router)
    assert len(keys) > 20 and set(keys) <= set(CATALOG)
    typed = [e for key in keys for e in examples(router, key, lang)]
    assert len(typed) >= len(keys) - 1  # nearly every help text teaches a command
    unexpected = t("error.unexpected", lang)
    failures = []
    for line in typed:
        before = len(adapter.transcript)
        with caplog.at_level(logging.ERROR):
            caplog.clear()
            adapter.type(line, now=NOW)
        delivered = adapter.transcript[before:]
        if not delivered or any(unexpected in d.text for d in delivered) or caplog.records:
            failures.append((line, [d.text[:120] for d in delivered], caplog.messages))
    assert failures == []
