"""The map's time scrubber: one stop per year, from the year of the earliest fact to this year.
A past year's stop is its last day; this year's is today (the "as of" field left empty). Any
other day goes through the "as of" field, and the scrubber then shows that day's year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from stances.selectors.counts import first_fact_on


@dataclass(frozen=True)
class Scrubber:
    first: int
    last: int
    value: int
    exact: bool  # the date shown is the stop itself (a year's end, or today)

    @property
    def years(self) -> range:
        return range(self.first, self.last + 1)


def scrubber(as_of: dt.date | None) -> Scrubber | None:
    """None when there is nothing to scrub through (no dated fact, or only this year's)."""
    today = timezone.localdate()
    first = first_fact_on()
    if first is None or first.year >= today.year:
        return None
    day = min(as_of or today, today)
    start = min(first.year, day.year)
    exact = as_of is None or day == today or (day.month, day.day) == (12, 31)
    return Scrubber(first=start, last=today.year, value=day.year, exact=exact)
