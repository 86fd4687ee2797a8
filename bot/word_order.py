"""The words of a command in the order a member may type them, read as the verb table's.

A newcomer names the item before the verb (`/konferanse 2 ja`), a field for the verb that
changes it (`/tiltak frist 7 fredag`), a list by its word (`/tiltak forfalne`), or an
answer without its verb (`/mote ja 4`). Each is put in the grammar's order here, before
the verb is looked up, so that every reader of a command (the router's dispatch, its
reading-transaction choice) sees the same verb. A field without its verb is not run: the
router answers it with the command to type (``field_without_verb``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.errors import UserError
from bot.grammar import Token, takes_keyword, typed_tail

if TYPE_CHECKING:
    from bot.router import CommandGroup

SHOW_VERB = "vis"  # `/mote 4`: the verb a number alone runs, where the group has it


def as_meant(group: CommandGroup, tokens: list[Token]) -> list[Token]:
    """``tokens`` in the grammar's order: the verb first, then the item's number."""
    if not tokens or tokens[0].quoted or _names_verb(group, tokens):
        return tokens
    return (  # a field first: `7 mål 2` moves action 7 (`mål` alone lists the goals)
        _keyword_verb(group, tokens)
        or _verb_first(group, tokens)
        or _flag_verb(group, tokens)
        or _answer_verb(group, tokens)
        or tokens
    )


def _is_ref(word: str) -> bool:
    """An item's short number as typed: ``4`` or ``#4``, in ASCII digits (as every number
    of the project: "٦" or "６" is no item's number)."""
    number = word.removeprefix("#")
    return number.isascii() and number.isdecimal()


def _names_verb(group: CommandGroup, tokens: list[Token]) -> bool:
    found = group.find(tokens)
    return found is not None and found[1] > 0


def _verb_first(group: CommandGroup, tokens: list[Token]) -> list[Token] | None:
    """``1 ja`` as ``ja 1``: a member who names the item before the verb
    (`/konferanse 1 ja`, `/tiltak 6 ferdig`) means the verb, on that item; a number
    alone (`/mote 4`) means ``vis 4``."""
    first = tokens[0]
    rest = tokens[1:] or [Token(SHOW_VERB)]
    found = group.find(rest) if _is_ref(first.text) else None
    if found is None or found[1] == 0:
        return None
    width = found[1]
    return [*rest[:width], first, *rest[width:]]


def _answer_verb(group: CommandGroup, tokens: list[Token]) -> list[Token] | None:
    """``ja 4`` and ``4 ja`` as ``svar 4 ja``: an answer typed without its verb."""
    if len(tokens) < 2 or tokens[1].quoted:
        return None
    first, second = (tok.text.casefold() for tok in tokens[:2])
    for verb in group.verbs:
        if first in verb.answers and _is_ref(second):
            return [Token(verb.names[0]), tokens[1], tokens[0], *tokens[2:]]
        if _is_ref(first) and second in verb.answers:
            return [Token(verb.names[0]), *tokens]
    return None


def _keyword_verb(group: CommandGroup, tokens: list[Token]) -> list[Token] | None:
    """``frist 7 fredag`` and ``7 frist fredag`` as ``endre 7 frist fredag`` with the verb
    marked unsaid: a field named with the item's number, without the verb that changes it,
    is answered with the command to type (``field_without_verb``), not run."""
    if len(tokens) < 3 or tokens[1].quoted:
        return None
    if _is_ref(tokens[0].text):
        number, rest = tokens[0], tokens[1:]
    elif _is_ref(tokens[1].text):
        number, rest = tokens[1], [tokens[0], *tokens[2:]]
    else:
        return None
    for verb in group.verbs:
        if verb.by_keyword and takes_keyword(rest, verb.keywords, verb.checks):
            return [Token(verb.names[0], unsaid=True), number, *rest]
    return None


def field_without_verb(group: str, verb: str, text: str, tokens: list[Token]) -> UserError:
    """`/konferanse sted 1 Oslo` changes nothing (a new place would tell everyone who
    answered): "Mente du `/konferanse endre 1 sted Oslo`?", with ``verb`` as the member's
    language writes it and the rest as typed in ``text``. ``tokens``: as ``_keyword_verb``
    made them (the verb, the number, the field's first word, then the words typed after)."""
    number, field, tail = tokens[1], tokens[2], tokens[3:]
    typed = " ".join(w for w in (field.text, typed_tail(text, len(tail))) if w)
    return UserError("command.field_without_verb", command=f"/{group} {verb} {number.text} {typed}")


def _flag_verb(group: CommandGroup, tokens: list[Token]) -> list[Token] | None:
    """``forfalne`` as ``liste forfalne``: a word a reading verb takes as a flag, typed as
    the verb (`/tiltak forfalne`, `/tiltak mine`), names that verb (the first listed)."""
    word = tokens[0].text.casefold()
    for verb in group.verbs:
        if verb.reads_only and any(word in phrases for phrases in verb.flags.values()):
            return [Token(verb.names[0]), *tokens]
    return None
