"""Neutral parts as HTML for the pages: the bot's own parts become elements, every text in
them (user text included) is escaped, and Jinja2's autoescaping still covers the rest."""

from __future__ import annotations

from jinja2 import Environment, select_autoescape

from bot.i18n import t
from bot.messages import code, link, mention, strong, table, typed
from bot.web.markup import html

NASTY = '<script>alert(1)</script> "x" & **fet** <@U1>'
SAFE = "&lt;script&gt;alert(1)&lt;/script&gt; &#34;x&#34; &amp; **fet** &lt;@U1&gt;"


def test_each_part_is_an_element_with_its_text_escaped() -> None:
    assert html(NASTY) == SAFE
    assert html(strong(NASTY)) == f"<strong>{SAFE}</strong>"
    assert html(code(NASTY)) == f"<code>{SAFE}</code>"
    assert html(mention("slack", "U1", NASTY)) == f"@{SAFE}"
    assert html(link("https://x.no/a?b=1&c=2", NASTY)) == (
        f'<a href="https://x.no/a?b=1&amp;c=2">{SAFE}</a>'
    )
    assert html(link('javascript:alert(1)"', "her")) == "her (javascript:alert(1)&#34;)"
    assert html(table([["", "1"], [NASTY, "✓"]])) == (
        f'<table class="pre"><tr><td></td><td>1</td></tr><tr><td>{SAFE}</td><td>✓</td></tr></table>'
    )


def test_a_catalog_text_in_a_template_keeps_its_parts_and_escapes_the_rest() -> None:
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    page = env.from_string("<p>{{ text }}</p><p>{{ title }}</p>").render(
        text=html(t("hearings.show_title", "nb", number=2, title=NASTY)), title=NASTY
    )
    assert page == f"<p><strong>Høring #2 «{SAFE}»</strong></p><p>{SAFE}</p>"
    assert "<script>" not in page
    assert html(t("help.horing.vis", "en")).startswith("<code>/horing show 3</code> – the")
    assert html(typed("horing", strong=True)) == "<strong>/horing</strong>"  # a help heading
