"""Errors a member can cause: each carries a text key and is answered in their language."""

from __future__ import annotations

from bot.i18n import t


class UserError(Exception):
    """Bad input or missing permission. The router turns it into a reply; nothing is saved."""

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str) -> str:
        return t(self.key, lang, **self.params)


class Conflict(UserError):
    """The item changed under the request (a poll closed, a conference called off, a
    deadline passed while a form was open): nothing is saved; a page answers 409."""
