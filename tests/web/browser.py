"""Headless Chromium for page tests: Debian's /usr/bin/chromium driven by Playwright, the
web app under uvicorn on loopback, and axe-core from npm (kept out of git: fetched into a
cache folder, or PARTNERBOT_AXE_JS names the file)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

CHROMIUM = Path(os.environ.get("PARTNERBOT_CHROMIUM", "/usr/bin/chromium"))
AXE_CACHE = Path(os.environ.get("PARTNERBOT_AXE_CACHE", Path.home() / ".cache" / "partnerbot-axe"))
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def axe_js() -> Path | None:
    named = os.environ.get("PARTNERBOT_AXE_JS")
    if named:
        return Path(named) if Path(named).is_file() else None
    found = AXE_CACHE / "node_modules" / "axe-core" / "axe.min.js"
    if not found.is_file() and shutil.which("npm"):
        AXE_CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--silent",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(AXE_CACHE),
                "axe-core@4",
            ],
            check=False,
            timeout=300,
            capture_output=True,
        )
    return found if found.is_file() else None


def require_browser() -> None:
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); .ci/run installs it")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("the playwright package is not installed (pip install -e '.[dev]')")


class LiveServer:
    """The ASGI app under uvicorn in a thread on a free loopback port."""

    def __init__(self, app: Any) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_config=None, lifespan="off"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.started = threading.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        for _ in range(600):
            if self.server.started:
                return self
            self.thread.join(0.05)
        raise RuntimeError("uvicorn did not start")

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(30)


def serious_violations(page: Any, axe: Path) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(axe))
    found: list[dict[str, Any]] = page.evaluate(
        """async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}))
            .violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))"""
    )
    return [v for v in found if v["impact"] in ("serious", "critical")]


def browser_page(tmp_path: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        context = browser.new_context(
            bypass_csp=True,  # only so axe-core can be injected; the pages run no script
            locale="nb-NO",
            viewport={"width": 390, "height": 844},
        )
        page = context.new_page()
        try:
            yield page
        finally:
            context.close()
            browser.close()
