"""The values bot.dates hands out: When, Slot and DateParseError (imported from bot.dates)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from bot.i18n import t


class DateParseError(ValueError):
    """A date or time a member typed that we cannot read; carries a text key for i18n."""

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("nb"))

    def message(self, lang: str | None = None) -> str:
        """What was not understood and an example that works, in nb, nn or en."""
        lang = lang if lang in ("nb", "nn", "en") else "nb"
        # A parameter may be a function of the language, e.g. a date written out in words.
        params = {k: v(lang) if callable(v) else v for k, v in self.params.items()}
        return t(self.key, lang, **params)

    def __reduce__(self) -> Any:  # rebuild from key and params, not from the nb text
        return (_restore_error, (self.key, self.params))


def _restore_error(key: str, params: dict[str, Any]) -> DateParseError:
    return DateParseError(key, **params)


class When(datetime):
    """An aware datetime that also says whether the member named a time of day.

    ``has_time`` False means the text gave only a day; the value is then local midnight,
    and the caller decides what the day means (end of day for a deadline, 09:00 for a
    reminder). Arithmetic, ``astimezone`` and ``replace`` give plain datetimes, because a
    shifted value no longer carries what the member typed.
    """

    has_time: bool

    def __new__(cls, *args: Any, has_time: bool = True, **kwargs: Any) -> When:
        self = super().__new__(cls, *args, **kwargs)
        self.has_time = has_time
        return self

    @classmethod
    def of(cls, dt: datetime, has_time: bool) -> When:
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
        return (_restore_when, (self.plain(), self.has_time))

    def __repr__(self) -> str:
        return f"When({self.isoformat()}, has_time={self.has_time})"


def _restore_when(dt: datetime, has_time: bool) -> When:
    return When.of(dt, has_time)


@dataclass(frozen=True)
class Slot:
    """A proposed meeting time: a start and, when given, an end on the same day."""

    start: datetime
    end: datetime | None = None
