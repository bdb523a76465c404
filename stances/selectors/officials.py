"""Reads of officials, with the number of statements each one made."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from stances.models import Official, ReviewStatus, Statement

from .facts import visible


def _visible_count(relation: str) -> Count:
    return Count(
        relation, filter=~Q(**{f"{relation}__review_status": ReviewStatus.REJECTED}), distinct=True
    )


def official_queryset(*, with_counts: bool = False) -> QuerySet[Official]:
    """Officials; ``with_counts`` annotates every one's visible statements (needed to order or
    export by it; a page attaches its own with ``attach_statement_counts`` instead, which does
    not count a million statements for fifty officials)."""
    officials = Official.objects.select_related("jurisdiction").order_by("name", "id")
    if with_counts:
        officials = officials.annotate(statement_count=_visible_count("statements"))
    return officials


def attach_statement_counts(officials: list[Official]) -> list[Official]:
    """Set ``statement_count`` on these officials, in one grouped query."""
    missing = [o for o in officials if not hasattr(o, "statement_count")]
    if missing:
        counts = dict(
            visible(Statement.objects)
            .filter(speaker_id__in=[o.pk for o in missing])
            .values("speaker_id")
            .annotate(n=Count("id"))
            .order_by()
            .values_list("speaker_id", "n")
        )
        for official in missing:
            official.statement_count = counts.get(official.pk, 0)
    return officials
