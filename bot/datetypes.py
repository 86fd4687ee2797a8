"""The values bot.dates hands out: When, Slot, DateNote and DateParseError (from bot.dates)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any

from bot.i18n import t
from bot.texts.dates import TEXTS as _DATE_TEXTS


class DateParseError(ValueError):
    """A date or time a member typed that we cannot read; carries a text key for i18n."""

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(key)

    def __str__(self) -> str:
        # Written out when asked for, not when raised: most refusals are shown once, in
        # the member's language, and a refusal should cost no more than an answer.
        return self.message("nb")

    def message(self, lang: str | None = None, *, example: bool = True) -> str:
        """What was not understood and an example that works, in nb, nn or en.

        ``example=False`` leaves the example out, for a caller that gives its own example
        with the command's keyword ("Skriv for eksempel `frist 15.09`") so the member is
        not told "for example" twice.
        """
        lang = lang if lang in ("nb", "nn", "en") else "nb"
        reason = _render(self.key, lang, self.params)
        if example and f"{self.key}.example" in _DATE_TEXTS:
            return f"{reason} {_render(f'{self.key}.example', lang, self.params)}"
        return reason

    def __reduce__(self) -> Any:  # rebuild from key and params, not from the nb text
        return (_restore_error, (self.key, self.params))


def _restore_error(key: str, params: dict[str, Any]) -> DateParseError:
    return DateParseError(key, **params)


def _render(key: str, lang: str, params: Mapping[str, Any]) -> str:
    # A parameter may be a function of the language, e.g. a date written out in words.
    return t(key, lang, **{k: v(lang) if callable(v) else v for k, v in params.items()})


class DateNote:
    """How a phrase was read where a member could have meant otherwise, for the echo.

    "i morgn" read as "i morgen", "uke 50" as its Friday, "halv tre" as 14:30: the answer
    shows these so that a wrong guess is seen at once, not on the day.
    """

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params

    def message(self, lang: str | None = None) -> str:
        return _render(self.key, lang if lang in ("nb", "nn", "en") else "nb", self.params)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DateNote) and self.message("en") == other.message("en")

    def __hash__(self) -> int:
        return hash(self.message("en"))

    def __reduce__(self) -> Any:
        return (_restore_note, (self.key, self.params))

    def __repr__(self) -> str:
        return f"DateNote({self.message('en')!r})"


def _restore_note(key: str, params: dict[str, Any]) -> DateNote:
    return DateNote(key, **params)


class When(datetime):
    """An aware datetime that also says whether the member named a time of day.

    ``has_time`` False means the text gave only a day; the value is then local midnight,
    and the caller decides what the day means (end of day for a deadline, 09:00 for a
    reminder). Arithmetic, ``astimezone`` and ``replace`` give plain datetimes, because a
    shifted value no longer carries what the member typed.
    """

    has_time: bool
    notes: tuple[DateNote, ...]  # how the text was read, for the echo (see DateNote)
    # False when the text gave only a time of day ("kl 12"): the day is the next one with
    # that time, which a deadline should not take as meant (bot.dates.require_day)
    has_day: bool = True

    def __new__(
        cls, *args: Any, has_time: bool = True, notes: tuple[DateNote, ...] = (), **kwargs: Any
    ) -> When:
        self = super().__new__(cls, *args, **kwargs)
        self.has_time = has_time
        self.notes = notes
        return self

    @classmethod
    def of(cls, dt: datetime, has_time: bool, notes: tuple[DateNote, ...] = ()) -> When:
        return cls(
            dt.year,
            dt.month,
            dt.day,
            dt.hour,
            dt.minute,
            dt.second,
            dt.microsecond,
            dt.tzinfo,
            fold=dt.fold,
            has_time=has_time,
            notes=notes,
        )

    def plain(self) -> datetime:
        return datetime(
            self.year,
            self.month,
            self.day,
            self.hour,
            self.minute,
            self.second,
            self.microsecond,
            self.tzinfo,
            fold=self.fold,
        )

    def __add__(self, other: Any) -> Any:
        return self.plain() + other

    __radd__ = __add__

    def __sub__(self, other: Any) -> Any:
        return self.plain() - (other.plain() if isinstance(other, When) else other)

    def __rsub__(self, other: Any) -> Any:
        return other - self.plain()

    def astimezone(self, tz: tzinfo | None = None) -> datetime:  # type: ignore[override]
        return self.plain().astimezone(tz)

    def replace(self, *args: Any, **kwargs: Any) -> datetime:  # type: ignore[override]
        return self.plain().replace(*args, **kwargs)

    def __reduce_ex__(self, protocol: Any) -> Any:  # datetime's own would drop has_time
        return (_restore_when, (self.plain(), self.has_time, self.notes))

    def __repr__(self) -> str:
        return f"When({self.isoformat()}, has_time={self.has_time})"


def _restore_when(dt: datetime, has_time: bool, notes: tuple[DateNote, ...] = ()) -> When:
    return When.of(dt, has_time, notes)


@dataclass(frozen=True)
class Slot:
    """A proposed meeting time: a start and, when given, an end on the same day."""

    start: datetime
    end: datetime | None = None
    notes: tuple[DateNote, ...] = field(default=(), compare=False)
