"""A reply kept in the outbox comes back as it was sent."""

from __future__ import annotations

from bot.messages import (
    Button,
    Buttons,
    Divider,
    Fields,
    Reply,
    Text,
    reply_from_data,
    reply_to_data,
)


def test_a_reply_survives_the_outbox_payload_unchanged() -> None:
    reply = Reply(
        blocks=[
            Text("Høring #2 «<!channel>» er registrert"),
            Fields((("Frist", "15.09"), ("Fra", "NAV & co"))),
            Buttons((Button("Svar", "/horing svart 2", "primary"), Button("Vis", "/horing vis 2"))),
            Divider(),
        ],
        visibility="channel",
        object_ref=("hearing", 2),
    )
    back = reply_from_data(reply_to_data(reply))
    assert back.blocks == reply.blocks
    assert (back.visibility, back.object_ref) == ("channel", ("hearing", 2))
