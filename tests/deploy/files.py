"""Reading the deployment files the way their tools do, enough to check them: the
Dockerfile's instructions, compose.yaml, the systemd unit; and the `partnerbot` commands
and options a command line names."""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import Any

import typer

from bot.cli import cli

REPO = Path(__file__).resolve().parents[2]
UNIT = REPO / "deploy" / "partnerbot.service"


def dockerfile(path: Path = REPO / "Dockerfile") -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) per instruction, continuation lines joined."""
    out: list[tuple[str, str]] = []
    pending = ""
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line = pending + line
        pending = ""
        word, _, rest = line.partition(" ")
        out.append((word.upper(), rest.strip()))
    assert not pending, "a continuation line at the end"
    return out


def unit_file(path: Path = UNIT) -> dict[str, list[tuple[str, str]]]:
    """systemd's format: [Section] then Key=Value lines (keys may repeat)."""
    sections: dict[str, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] | None = None
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
            continue
        assert current is not None and "=" in line, f"not a unit file line: {line!r}"
        key, _, value = line.partition("=")
        current.append((key.strip(), value.strip()))
    return sections


def exec_args(value: str) -> list[str]:
    """A Dockerfile CMD (JSON or shell form) or a systemd Exec line as arguments."""
    value = value.strip()
    if value.startswith("["):
        return [str(a) for a in json.loads(value)]
    return shlex.split(value.lstrip("-@:+!"))


def check_partnerbot_command(args: list[str]) -> None:
    """``args`` starts with a partnerbot executable and names an existing command (and
    subcommand) with options it has; AssertionError otherwise."""
    assert args and Path(args[0]).name == "partnerbot", args
    command: Any = typer.main.get_command(cli)  # typer's own (vendored) click objects
    rest = args[1:]
    while hasattr(command, "commands"):
        assert rest, f"{args}: no command named"
        sub = command.commands.get(rest[0])
        assert sub is not None, f"{args}: no command {rest[0]!r}"
        command, rest = sub, rest[1:]
    known = {opt for p in command.params for opt in (*p.opts, *p.secondary_opts)}
    for arg in rest:
        if arg.startswith("--"):
            assert arg.split("=", 1)[0] in known, f"{args}: no option {arg!r}"
