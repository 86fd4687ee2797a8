"""A Reply as JSON and back: the inbox keeps a command's answer with its "ran" mark, so a
worker that takes over after a crash answers without running the command again."""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import astuple
from typing import Any

from bot.messages import (
    Block,
    Button,
    Buttons,
    Code,
    Divider,
    Fields,
    File,
    Link,
    Mention,
    Part,
    Plain,
    Reply,
    Strong,
    Table,
    Text,
    Typed,
    Visibility,
)

_PARTS: dict[str, Callable[..., Part]] = {
    "plain": Plain,
    "strong": Strong,
    "code": Code,
    "typed": Typed,
    "link": Link,
    "mention": Mention,
}
_KINDS: dict[object, str] = {kind: name for name, kind in _PARTS.items()}


def encode(reply: Reply) -> dict[str, Any]:
    return {
        "blocks": [_block(b) for b in reply.blocks],
        "visibility": reply.visibility,
        "files": [
            {
                "name": f.name,
                "data": base64.b64encode(f.data).decode("ascii"),
                "mime": f.mime,
                "title": f.title,
            }
            for f in reply.files
        ],
        "object_ref": list(reply.object_ref) if reply.object_ref else None,
        "card": encode(reply.card) if reply.card is not None else None,
    }


def _visibility(value: object) -> Visibility:
    return "channel" if value == "channel" else "private" if value == "private" else "ephemeral"


def decode(data: dict[str, Any]) -> Reply:
    ref = data.get("object_ref")
    return Reply(
        blocks=[_unblock(b) for b in data.get("blocks", [])],
        visibility=_visibility(data.get("visibility")),
        files=[
            File(
                name=f["name"],
                data=base64.b64decode(f["data"]),
                mime=f["mime"],
                title=f.get("title"),
            )
            for f in data.get("files", [])
        ],
        object_ref=(str(ref[0]), int(ref[1])) if ref else None,
        card=decode(data["card"]) if data.get("card") else None,
    )


def _block(block: Block) -> dict[str, Any]:
    if isinstance(block, Text):
        return {"parts": [_part(p) for p in block.parts]}
    if isinstance(block, Fields):
        return {"fields": [list(item) for item in block.items]}
    if isinstance(block, Buttons):
        return {"buttons": [[b.label, b.command, b.style] for b in block.buttons]}
    return {"divider": True}


def _unblock(data: dict[str, Any]) -> Block:
    if "parts" in data:
        return Text(tuple(_unpart(p) for p in data["parts"]))
    if "text" in data:  # an answer stored before texts had parts
        return Text(data["text"])
    if "fields" in data:
        return Fields(tuple((str(a), str(b)) for a, b in data["fields"]))
    if "buttons" in data:
        return Buttons(
            tuple(Button(label, command, style) for label, command, style in data["buttons"])
        )
    return Divider()


def _part(part: Part) -> list[Any]:
    if isinstance(part, Table):
        return ["table", [list(row) for row in part.rows]]
    return [_KINDS[type(part)], *astuple(part)]


def _unpart(data: list[Any]) -> Part:
    kind, *values = data
    if kind == "table":
        return Table(tuple(tuple(str(c) for c in row) for row in values[0]))
    if kind == "typed":  # a heading's command carries strong=True
        return Typed(str(values[0]), strong=values[1:2] == [True])
    return _PARTS.get(kind, Plain)(*(str(v) for v in values))
