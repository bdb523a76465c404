"""What readers could count about each place on a given date: the map's headline numbers, its
markers' sizes and its table follow the "as of" date, never today's totals.

A fact counts from its own date (said on, in force from, started on), else from its source's
publication date, as the timeline places it; a fact with neither counts as of today only.
Read from the daily tallies the summaries keep (``stances.services.summaries``): one grouped sum,
whatever the number of places and facts, shared through the cache per data version.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Min, Q, Sum
from django.utils import timezone

from sanctuary.versions import cached
from stances.models import DailyTally


@dataclass(frozen=True)
class Counts:
    statements: int = 0
    policies: int = 0
    events: int = 0
    arrests: int = 0

    @property
    def any(self) -> bool:
        return bool(self.statements or self.policies or self.events)


def counts_as_of(as_of: dt.date) -> dict[int, Counts]:
    """Each place's visible statements, policies, events and arrests reported, as of a date
    (places with none are absent): one grouped sum over the daily tallies, shared through the
    cache."""

    def count() -> dict[int, Counts]:
        known = Q(on__lte=as_of)
        if as_of >= timezone.localdate():
            known |= Q(on__isnull=True)
        rows = (
            DailyTally.objects.filter(known)
            .values_list("jurisdiction_id")
            .annotate(Sum("statements"), Sum("policies"), Sum("events"), Sum("arrests"))
            .order_by()
        )
        return {pk: Counts(*totals) for pk, *totals in rows}

    return cached(f"counts-as-of:{as_of.isoformat()}", count)


def first_fact_on() -> dt.date | None:
    """The date of the earliest visible fact (by the date it counts from), for the map's time
    scrubber; None when there is none. One query, cached per data version."""

    def first() -> dt.date | None:
        return DailyTally.objects.aggregate(first=Min("on"))["first"]

    return cached("first-fact-on", first)
