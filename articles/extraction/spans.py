"""Sorted spans with lookups by position, so that no step scans a whole article per match.

Every step finds things (places, speakers' references, quotations, dates) and then asks, for
each match, which of them lie in a sentence, before a position or over a span. Asked of a plain
list that is a pass over the article per match: quadratic in the article's length. A
``SpanIndex`` answers each question with a binary search instead.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, Protocol, TypeVar


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=_Span)


class SpanIndex(Generic[T]):
    """Items with ``start`` and ``end``, sorted by start."""

    def __init__(self, items: Iterable[T]) -> None:
        self.items: list[T] = sorted(items, key=lambda item: item.start)
        self.starts = [item.start for item in self.items]
        self.longest = max((item.end - item.start for item in self.items), default=0)

    def __len__(self) -> int:
        return len(self.items)

    def starting_in(self, lo: int, hi: int) -> Sequence[T]:
        """Items with ``lo <= start < hi``, in order."""
        return self.items[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]

    def overlapping(self, lo: int, hi: int) -> list[T]:
        """Items that share at least one character with ``[lo, hi)``."""
        return [i for i in self.starting_in(lo - self.longest, hi) if i.end > lo]

    def containing(self, position: int) -> T | None:
        """An item with ``start <= position < end``, if any."""
        found = self.overlapping(position, position + 1)
        return found[-1] if found else None

    def before(self, position: int) -> Sequence[T]:
        """Items starting before ``position``, in order."""
        return self.items[: bisect.bisect_left(self.starts, position)]

    def last_before(
        self, position: int, accept: Callable[[T], bool] = lambda _: True, *, limit: int = 0
    ) -> T | None:
        """The latest item ending at or before ``position`` that ``accept`` admits, looking back
        over at most ``limit`` characters (0: no limit)."""
        for i in range(bisect.bisect_left(self.starts, position) - 1, -1, -1):
            item = self.items[i]
            if limit and item.end < position - limit:
                return None
            if item.end <= position and accept(item):
                return item
        return None

    def first_from(
        self, position: int, accept: Callable[[T], bool] = lambda _: True, *, until: int = -1
    ) -> T | None:
        """The first item starting at or after ``position`` (and before ``until``, when given)
        that ``accept`` admits."""
        for i in range(bisect.bisect_left(self.starts, position), len(self.items)):
            item = self.items[i]
            if 0 <= until <= item.start:
                return None
            if accept(item):
                return item
        return None


class Interval:
    """A plain ``(start, end)`` span as an item of a ``SpanIndex``."""

    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end

    def __repr__(self) -> str:
        return f"Interval({self.start}, {self.end})"


def intervals(pairs: Iterable[tuple[int, int]]) -> SpanIndex[Interval]:
    """A ``SpanIndex`` of ``(start, end)`` pairs."""
    return SpanIndex(Interval(s, e) for s, e in pairs)
