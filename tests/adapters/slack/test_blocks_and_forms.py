"""Rendering a Reply as Block Kit, and forms built from the router (no Slack needed)."""

from __future__ import annotations

from bot.adapters.slack import blocks as bk
from bot.adapters.slack import forms
from bot.app import App
from bot.messages import Button, Buttons, Divider, Fields, Reply, Text
from bot.router import Router


def test_text_fields_buttons_and_divider() -> None:
    reply = Reply(
        blocks=[
            Text("*Høring* <@U1> & <ikke markup>"),
            Fields((("Frist", "15.09.2026"), ("Dager igjen", "3"))),
            Buttons(
                (
                    Button("Ja", "/mote svar 3 1 ja", style="primary"),
                    Button("Nei", "/mote svar 3 1 nei", style="danger"),
                )
            ),
            Divider(),
        ]
    )
    out = bk.render_blocks(reply)
    assert out[0] == {
        "type": "section",
        "text": {"type": "mrkdwn", "text": "*Høring* &lt;@U1&gt; &amp; &lt;ikke markup&gt;"},
    }
    assert out[1]["fields"][0] == {"type": "mrkdwn", "text": "*Frist*\n15.09.2026"}
    assert [(e["value"], e["action_id"], e["style"]) for e in out[2]["elements"]] == [
        ("/mote svar 3 1 ja", "cmd:1", "primary"),
        ("/mote svar 3 1 nei", "cmd:2", "danger"),
    ]
    assert out[3] == {"type": "divider"}
    assert "*Høring* &lt;@U1&gt; &amp; &lt;ikke markup&gt;" in bk.fallback_text(reply)


def test_limits_split_and_never_cut() -> None:
    text = "\n".join(f"linje {n} " + "ø" * 80 for n in range(300))
    reply = Reply(
        blocks=[
            Text(text),
            Fields(tuple((f"f{n}", "v") for n in range(25))),
            Buttons(tuple(Button(f"b{n}", f"/x {n}") for n in range(30))),
        ]
    )
    pages = bk.render_messages(reply)
    flat = [b for p in pages for b in p]
    assert all(len(p) <= bk.MAX_BLOCKS for p in pages)
    sections = [b["text"]["text"] for b in flat if "text" in b]
    assert all(len(s) <= bk.MAX_SECTION_CHARS for s in sections)
    assert "\n".join(sections) == text  # split at line ends, nothing lost
    assert [len(b["fields"]) for b in flat if "fields" in b] == [10, 10, 5]
    actions = [b for b in flat if b["type"] == "actions"]
    ids = [e["action_id"] for a in actions for e in a["elements"]]
    assert len(ids) == 30 == len(set(ids)) and [len(a["elements"]) for a in actions] == [25, 5]


def test_one_endless_line_is_split_too() -> None:
    pieces = bk.split_text("ord " * 2000)
    assert len(pieces) == 3 and all(len(p) <= 3000 for p in pieces)
    assert " ".join(pieces).split() == ["ord"] * 2000


def test_more_than_50_blocks_are_compacted_and_paged() -> None:
    reply = Reply(blocks=[Text(f"Tiltak {n}") for n in range(120)])
    pages = bk.render_messages(reply)
    assert len(pages) == 1 and len(pages[0]) == 1  # merged into one section
    many = Reply(blocks=[b for n in range(60) for b in (Text(f"t{n}"), Divider())])
    pages = bk.render_messages(many)
    assert [len(p) for p in pages] == [50, 50, 20]
    single = bk.render_single(many, "resten vises ikke")
    assert len(single) == 50 and single[-1]["type"] == "context"


def test_form_from_a_verb_and_back_to_the_same_command(app: App) -> None:
    router: Router = app.router
    grp = router.group("horing", "høring")

    @grp.verb(
        "ny",
        "new",
        keywords={"deadline": ("frist", "svarfrist"), "sender": ("fra",)},
        flags={"quiet": ("stille",)},
    )
    def new(ctx, args):  # type: ignore[no-untyped-def]
        return Reply.text("ok")

    target = forms.form_for(router, "horing", "")
    assert target is not None and forms.form_for(router, "høring", "ny") is not None
    assert forms.form_for(router, "horing", "liste") is None
    assert forms.form_for(router, "partnerbot", "") is None
    view = forms.build_view(target, "nb", {"group": "horing"})
    assert [b["label"]["text"] for b in view["blocks"]] == [
        "Tittel",
        "Frist",
        "Frist: klokkeslett",
        "Fra",
        "Valg",
    ]
    values = {
        "title": {"value": {"type": "plain_text_input", "value": 'Plan "Vestfold"'}},
        "kw:deadline:date": {"value": {"type": "datepicker", "selected_date": "2026-09-15"}},
        "kw:deadline:time": {"value": {"type": "timepicker", "selected_time": None}},
        "kw:sender": {"value": {"type": "plain_text_input", "value": "Viken frist fylke"}},
        "flags": {"value": {"type": "checkboxes", "selected_options": [{"value": "quiet"}]}},
    }
    assert forms.validate(target, values, "nb") == {}
    assert forms.compose(target, values) == (
        'ny «Plan "Vestfold"» frist 15.09.2026 fra "Viken frist fylke" stille'
    )


def test_form_values_cannot_smuggle_keywords_or_forged_picks(app: App) -> None:
    from bot.grammar import parse_args, tokenize

    grp = app.router.group("testform")
    keywords = {"deadline": ("frist",), "sender": ("fra",), "network": ("nettverk",)}

    @grp.verb("ny", keywords=keywords)
    def new(ctx, args):  # type: ignore[no-untyped-def]
        return Reply.text("ok")

    target = forms.form_for(app.router, "testform", "ny")
    assert target is not None
    sender = 'Viken" nettverk vest-telemark «fra» "x'
    values = {
        "title": {"value": {"type": "plain_text_input", "value": "Plan nettverk vest"}},
        "kw:deadline:date": {"value": {"type": "datepicker", "selected_date": "2026-09-15"}},
        "kw:deadline:time": {
            "value": {"type": "timepicker", "selected_time": "12:00 nettverk vest-telemark"}
        },
        "kw:sender": {"value": {"type": "plain_text_input", "value": sender}},
    }
    errors = forms.validate(target, values, "nb")
    assert errors == {"kw:deadline:time": "Velg klokkeslettet i tidsvelgeren (TT:MM)."}
    text = forms.compose(target, values)  # even when composed anyway: the time is dropped
    tokens = tokenize(text)
    args = parse_args(tokens[1:], keywords, {})
    assert "network" not in args.options
    assert args.options["deadline"] == "15.09.2026"
    assert args.title == "Plan nettverk vest"
    assert "nettverk vest-telemark" in args.options["sender"]
