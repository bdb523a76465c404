"""What readers could count about each place on a given date: the map's headline numbers, its
markers' sizes and its table follow the "as of" date, never today's totals.

A fact counts from its own date (said on, in force from, started on), else from its source's
publication date, as the timeline places it; a fact with neither counts as of today only.
Three grouped queries, whatever the number of places, shared through the cache per data version.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from sanctuary.versions import cached
from stances.models import EnforcementEvent, EventKind, Jurisdiction, PolicyAction, Statement

from .facts import visible


@dataclass(frozen=True)
class Counts:
    statements: int = 0
    policies: int = 0
    events: int = 0
    arrests: int = 0

    @property
    def any(self) -> bool:
        return bool(self.statements or self.policies or self.events)


def _dated(queryset: QuerySet, own_date: str) -> QuerySet:
    return visible(queryset).annotate(on=Coalesce(own_date, "article__published_on"))


def _by_place(queryset: QuerySet, own_date: str, as_of: dt.date, **aggregate) -> list[dict]:
    known = Q(on__lte=as_of)
    if as_of >= timezone.localdate():
        known |= Q(on__isnull=True)
    return list(
        _dated(queryset, own_date)
        .filter(known, jurisdiction__isnull=False)
        .values("jurisdiction_id")
        .annotate(**aggregate)
        .order_by()
    )


def counts_as_of(as_of: dt.date) -> dict[int, Counts]:
    """Each place's visible statements, policies, events and arrests reported, as of a date
    (places with none are absent). Three queries, shared through the cache."""

    def count() -> dict[int, Counts]:
        arrests = Sum("count", filter=Q(kind=EventKind.ARRESTS))
        rows = {
            "statements": _by_place(Statement.objects, "said_on", as_of, n=Count("id")),
            "policies": _by_place(PolicyAction.objects, "effective_on", as_of, n=Count("id")),
            "events": _by_place(
                EnforcementEvent.objects, "starts_on", as_of, n=Count("id"), arrests=arrests
            ),
        }
        counts: dict[int, dict[str, int]] = {}
        for name, column in rows.items():
            for row in column:
                place = counts.setdefault(row["jurisdiction_id"], {})
                place[name] = row["n"]
                if name == "events":
                    place["arrests"] = row["arrests"] or 0
        return {pk: Counts(**values) for pk, values in counts.items()}

    return cached(f"counts-as-of:{as_of.isoformat()}", count)


def first_fact_on() -> dt.date | None:
    """The date of the earliest visible fact (by the date it counts from), for the map's time
    scrubber; None when there is none. One query, cached per data version."""

    def earliest(model, own_date: str) -> Subquery:
        dated = _dated(model.objects, own_date).filter(on__isnull=False)
        return Subquery(dated.order_by("on").values("on")[:1])

    def first() -> dt.date | None:
        row = (
            Jurisdiction.objects.annotate(
                a=earliest(Statement, "said_on"),
                b=earliest(PolicyAction, "effective_on"),
                c=earliest(EnforcementEvent, "starts_on"),
            )
            .values("a", "b", "c")
            .first()
        )
        return min((d for d in (row or {}).values() if d), default=None)

    return cached("first-fact-on", first)
