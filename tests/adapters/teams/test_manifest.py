"""`partnerbot teams manifest`: a package Teams admin center takes, from the settings."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from bot.cli import cli

APP_ID = "5b1f3a2e-0000-4000-8000-00000000beef"


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    monkeypatch.setenv("MICROSOFT_APP_ID", APP_ID)
    monkeypatch.setenv("PARTNERBOT_PUBLIC_URL", "https://partnerbot.vestfoldfylke.no/")
    return tmp_path


def test_the_package_has_the_manifest_icons_and_english(env: Path) -> None:
    result = CliRunner().invoke(cli, ["teams", "manifest", "--out", "pkg.zip"])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(env / "pkg.zip") as zf:
        assert sorted(zf.namelist()) == ["color.png", "en-us.json", "manifest.json", "outline.png"]
        manifest = json.loads(zf.read("manifest.json"))
        english = json.loads(zf.read("en-us.json"))
        color = Image.open(io.BytesIO(zf.read("color.png")))
        outline = Image.open(io.BytesIO(zf.read("outline.png")))
    assert manifest["id"] == APP_ID
    (bot,) = manifest["bots"]
    assert bot["botId"] == APP_ID
    assert bot["scopes"] == ["personal", "team", "groupChat"]
    titles = [c["title"] for c in bot["commandLists"][0]["commands"]]
    assert "hjelp" in titles and "horing liste" in titles
    assert all(len(t) <= 32 for t in titles) and len(titles) <= 10
    assert manifest["validDomains"] == ["partnerbot.vestfoldfylke.no"]
    assert manifest["localizationInfo"]["defaultLanguageTag"] == "nb-no"
    assert "høringer" in manifest["description"]["short"]
    assert len(manifest["description"]["short"]) <= 80
    assert "hearings" in english["description.short"]
    assert english["bots[0].commandLists[0].commands[0].description"].startswith("Every")
    assert color.size == (192, 192) and outline.size == (32, 32)
    # The outline icon is white on transparent, as Teams requires.
    rgba = outline.convert("RGBA")
    pixels = [rgba.getpixel((x, y)) for x in range(32) for y in range(32)]
    colours = {px for px in pixels if isinstance(px, tuple) and px[3] > 0}
    assert colours and all(px[:3] == (255, 255, 255) for px in colours)
    assert outline.convert("RGBA").getpixel((0, 0))[3] == 0


@pytest.mark.parametrize(
    ("unset", "value", "says"),
    [
        ("MICROSOFT_APP_ID", None, "MICROSOFT_APP_ID"),
        ("PARTNERBOT_PUBLIC_URL", None, "PARTNERBOT_PUBLIC_URL"),
        ("PARTNERBOT_PUBLIC_URL", "http://insecure.example.no", "https"),
    ],
)
def test_missing_settings_are_named_in_one_line(
    env: Path, monkeypatch: pytest.MonkeyPatch, unset: str, value: str | None, says: str
) -> None:
    if value is None:
        monkeypatch.delenv(unset)
    else:
        monkeypatch.setenv(unset, value)
    result = CliRunner().invoke(cli, ["teams", "manifest", "--out", "pkg.zip"])
    assert result.exit_code == 2
    assert says in result.output and "Traceback" not in result.output
    assert not (env / "pkg.zip").exists()
