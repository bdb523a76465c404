"""Reads: one place for the queries the pages, the API and the commands share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from .models import Jurisdiction, ReviewStatus
from .stance import StanceResult, derive, evidence_for

_VISIBLE = ~Q(review_status=ReviewStatus.REJECTED)


@dataclass(frozen=True)
class JurisdictionRow:
    jurisdiction: Jurisdiction
    stance: StanceResult


def jurisdictions_with_counts() -> QuerySet[Jurisdiction]:
    """Jurisdictions with the numbers of their visible statements, policies and events."""
    return Jurisdiction.objects.annotate(
        statement_count=Count(
            "statements", filter=~Q(statements__review_status=ReviewStatus.REJECTED), distinct=True
        ),
        policy_count=Count(
            "policies", filter=~Q(policies__review_status=ReviewStatus.REJECTED), distinct=True
        ),
        event_count=Count(
            "events", filter=~Q(events__review_status=ReviewStatus.REJECTED), distinct=True
        ),
    )


def jurisdiction_list(*, as_of: dt.date | None = None) -> list[JurisdictionRow]:
    """Every jurisdiction with its counts and its stance as of a date, in two queries."""
    jurisdictions = list(jurisdictions_with_counts())
    evidence = evidence_for(j.pk for j in jurisdictions)
    return [JurisdictionRow(j, derive(evidence.get(j.pk, []), as_of)) for j in jurisdictions]
