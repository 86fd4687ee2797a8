"""Slack's documented Block Kit limits, for the fake Web API to refuse what Slack refuses
(``invalid_blocks``): a message that breaks one fails in production, not in a test."""

from __future__ import annotations

from typing import Any

MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100


def _text(obj: Any, where: str, limit: int, out: list[str], *, plain: bool = False) -> None:
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        out.append(f"{where}: no text object")
        return
    if plain and obj.get("type") != "plain_text":
        out.append(f"{where}: must be plain_text")
    if not 1 <= len(obj["text"]) <= limit:
        out.append(f"{where}: text of {len(obj['text'])} characters (1-{limit})")


def _element(el: dict[str, Any], where: str, out: list[str]) -> None:
    kind = el.get("type")
    if len(str(el.get("action_id", ""))) > 255:
        out.append(f"{where}: action_id over 255")
    if kind == "button":
        _text(el.get("text"), f"{where}.text", 75, out, plain=True)
        if len(str(el.get("value", ""))) > 2000:
            out.append(f"{where}: value over 2000")
        if len(str(el.get("url", ""))) > 3000:
            out.append(f"{where}: url over 3000")
    elif kind == "plain_text_input":
        value = str(el.get("initial_value", ""))
        if len(value) > int(el.get("max_length", 3000)):
            out.append(f"{where}: initial_value longer than max_length")
    elif kind in ("checkboxes", "radio_buttons", "static_select"):
        options = el.get("options") or []
        if not 1 <= len(options) <= (10 if kind != "static_select" else 100):
            out.append(f"{where}: {len(options)} options")
        for n, option in enumerate(options):
            _text(option.get("text"), f"{where}.options[{n}]", 75, out)
            if len(str(option.get("value", ""))) > 150:
                out.append(f"{where}.options[{n}]: value over 150")


def _block(block: dict[str, Any], where: str, out: list[str]) -> None:
    kind = block.get("type")
    if len(str(block.get("block_id", ""))) > 255:
        out.append(f"{where}: block_id over 255")
    if kind == "section":
        if "text" in block:
            _text(block["text"], f"{where}.text", 3000, out)
        fields = block.get("fields")
        if fields is not None:
            if not 1 <= len(fields) <= 10:
                out.append(f"{where}: {len(fields)} fields")
            for n, field in enumerate(fields):
                _text(field, f"{where}.fields[{n}]", 2000, out)
        if "text" not in block and not fields:
            out.append(f"{where}: neither text nor fields")
        if isinstance(block.get("accessory"), dict):
            _element(block["accessory"], f"{where}.accessory", out)
    elif kind == "actions":
        elements = block.get("elements") or []
        if not 1 <= len(elements) <= 25:
            out.append(f"{where}: {len(elements)} elements")
        for n, el in enumerate(elements):
            _element(el, f"{where}.elements[{n}]", out)
    elif kind == "context":
        elements = block.get("elements") or []
        if not 1 <= len(elements) <= 10:
            out.append(f"{where}: {len(elements)} elements")
        for n, el in enumerate(elements):
            _text(el, f"{where}.elements[{n}]", 3000, out)
    elif kind == "header":
        _text(block.get("text"), f"{where}.text", 150, out, plain=True)
    elif kind == "input":
        _text(block.get("label"), f"{where}.label", 2000, out, plain=True)
        if "hint" in block:
            _text(block["hint"], f"{where}.hint", 2000, out, plain=True)
        _element(block.get("element") or {}, f"{where}.element", out)


def blocks_problems(blocks: Any, limit: int = MESSAGE_BLOCKS) -> list[str]:
    """What Slack would refuse in ``blocks`` (empty: nothing)."""
    if blocks is None:
        return []
    if not isinstance(blocks, list):
        return ["blocks: not a list"]
    out = [f"blocks: {len(blocks)} (at most {limit})"] if len(blocks) > limit else []
    for n, block in enumerate(blocks):
        _block(block, f"blocks[{n}]", out)
    return out


def view_problems(view: Any) -> list[str]:
    if not isinstance(view, dict):
        return ["view: not an object"]
    out = blocks_problems(view.get("blocks") or [], VIEW_BLOCKS)
    if view.get("type") == "modal":
        for key in ("title", "submit", "close"):
            if key in view:
                _text(view[key], f"view.{key}", 24, out, plain=True)
    if len(str(view.get("private_metadata", ""))) > 3000:
        out.append("view.private_metadata over 3000")
    return out
