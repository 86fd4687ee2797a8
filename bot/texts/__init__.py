"""User-facing texts, one module per feature; bot.i18n merges them.

Texts are written in nb, nn and en in a small neutral notation (see ``bot.messages``),
never in a platform's syntax:

- ``**strong**`` for emphasis (not Slack's ``*bold*``);
- `` `code` `` for a word or value to type;
- `` `/horing liste` `` (a code span starting with ``/``) for a command: each platform
  shows it the way its members type it (Slack and the console ``/horing liste``, a Teams
  personal chat ``horing liste``, a Teams channel ``@partnerbot horing liste``);
- a line ``~~~`` before and after preformatted lines (an example to paste).

No platform syntax here (Slack mentions, channel pings, links in angle brackets, code fences):
tests/bot/test_no_platform_syntax.py fails naming the text that has one.
"""
