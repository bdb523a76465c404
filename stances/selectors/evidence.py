"""The evidence a stance is derived from, read from the database for ``stances.rules.stance``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from stances.models import PolicyEffect, ReviewStatus
from stances.rules.stance import EvidenceItem, StanceResult, counts_from, derive


def evidence_for(jurisdiction_ids: Iterable[int]) -> dict[int, list[EvidenceItem]]:
    """Every non-rejected policy effect of these jurisdictions, in one query."""
    rows = (
        PolicyEffect.objects.filter(policy__jurisdiction_id__in=list(jurisdiction_ids))
        .exclude(policy__review_status=ReviewStatus.REJECTED)
        .values_list(
            "policy__jurisdiction_id",
            "indicator",
            "direction",
            "policy__effective_on",
            "policy__date_precision",
            "policy__article__published_on",
            "policy_id",
            "policy__status",
            "policy__ends_on",
            "policy__listing__id",
        )
    )
    result: dict[int, list[EvidenceItem]] = {}
    for (
        jurisdiction_id,
        indicator,
        direction,
        effective,
        precision,
        published,
        policy_id,
        status,
        ends_on,
        listing_id,
    ) in rows:
        start = counts_from(effective, precision, published)
        listed = listing_id is not None  # an agreement on ICE's list: its end is its own
        item = EvidenceItem(indicator, direction, start, policy_id, status, ends_on, listed)
        result.setdefault(jurisdiction_id, []).append(item)
    return result


def jurisdiction_stance(jurisdiction, as_of: dt.date | None = None) -> StanceResult:
    """The stance of one jurisdiction as of a date, read from the database."""
    return derive(evidence_for([jurisdiction.pk]).get(jurisdiction.pk, []), as_of)
