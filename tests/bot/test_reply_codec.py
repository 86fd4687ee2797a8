"""A Reply survives the inbox: encoded to JSON and back it is the same reply."""

from __future__ import annotations

import json

from bot import reply_codec
from bot.messages import (
    Button,
    Buttons,
    Divider,
    Fields,
    File,
    Reply,
    Text,
    code,
    link,
    mention,
    strong,
    table,
    typed,
)


def test_a_reply_with_every_kind_of_block_a_file_and_a_card_round_trips() -> None:
    card = Reply(blocks=[Text("3 ja")], visibility="channel", object_ref=("poll", 4))
    reply = Reply(
        blocks=[
            Text(
                strong("Møtepoll")
                + " #4 «Samhandlingsmøte» "
                + code("1:ja")
                + typed("mote vis 4")
                + typed("mote", strong=True)
            ),
            Text(link("https://x.no", "sakspapir") + mention("slack", "U1", "Kari")),
            Text(table([["", "1", "2"], ["Kari", "✓", "✗"]])),
            Fields((("Frist", "i morgen"), ("Svar", "3"))),
            Buttons((Button("Ja", "/mote svar 4 1:ja", "primary"), Button("Nei", "/mote x"))),
            Divider(),
        ],
        visibility="channel",
        files=[File("møte.ics", b"BEGIN:VCALENDAR\x00\xff", "text/calendar", "Møte")],
        object_ref=("poll", 4),
        card=card,
    )
    data = json.loads(json.dumps(reply_codec.encode(reply)))
    assert reply_codec.decode(data) == reply


def test_an_answer_stored_before_texts_had_parts_still_decodes() -> None:
    old = {"blocks": [{"text": "Høring #3"}], "visibility": "ephemeral"}
    assert reply_codec.decode(old).blocks == [Text("Høring #3")]


def test_a_private_answer_stays_private_when_answered_again() -> None:
    """An inbox row's stored answer is sent again after a crash: a private one (a
    conference's participants) must not come back as an ordinary answer, which Teams
    shows in the channel's thread."""
    for visibility in ("private", "channel", "ephemeral"):
        reply = Reply.text("Deltakere", visibility=visibility)
        assert reply_codec.decode(reply_codec.encode(reply)).visibility == visibility
