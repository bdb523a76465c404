"""Precomputed summaries (derived stance, indicators, counts) kept current on write.

Every service that writes a fact calls ``refresh_for`` with the jurisdictions it touched, inside
its transaction, and ``bump_version`` so cached payloads (the map) are rebuilt; ``refresh_all``
recomputes everything after bulk loads that bypass the services. The stance itself always comes
from ``stances.stance.derive``: this module only stores its result.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Q, Sum

from .models import (
    EnforcementEvent,
    EventKind,
    Indicator,
    Jurisdiction,
    JurisdictionSummary,
    PolicyAction,
    ReviewStatus,
    Statement,
)
from .stance import derive, evidence_for

BATCH = 1000
VERSION_KEY = "sanctuary:data-version"
_VISIBLE = ~Q(review_status=ReviewStatus.REJECTED)
COUNT_FIELDS = ["statement_count", "policy_count", "event_count", "arrests"]
SUMMARY_FIELDS = ["stance", *Indicator.values, "evidence", *COUNT_FIELDS]


def data_version() -> int:
    """A number that changes whenever readers' data changes (shared by every process).

    It starts from the clock in microseconds, not from 1: if the key is ever evicted, the
    number it restarts from is larger than any it held before, so a payload cached under an old
    version can never be served again."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)
        version = cache.get(VERSION_KEY) or time.time_ns() // 1000
    return version


def bump_version() -> None:
    """Invalidate every cached payload: now, and again once the write's transaction commits.

    The second bump closes a race on a cache outside the database (Redis): a reader between the
    first bump and the commit would cache the old data under the new version."""
    _bump()
    transaction.on_commit(_bump)


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet, or evicted: a fresh clock-based version invalidates
        data_version()


def hashed_key(prefix: str, text: str) -> str:
    """A cache key for a URL or a query, hashed: either may be longer than a cache key may be
    (250 characters for memcached, 255 in the database cache's table, which then silently stores
    nothing)."""
    return f"{prefix}:{hashlib.sha256(text.encode()).hexdigest()}"


def cached(key: str, build, *, timeout: int = 3600):
    """``build()``'s result, computed once per data version for this key and shared by every
    process; any write bumps the version, so a cached value is never stale."""
    versioned = f"{key}:v{data_version()}"
    value = cache.get(versioned)
    if value is None:
        value = build()
        cache.set(versioned, value, timeout=timeout)
    return value


def _grouped(queryset, **aggregate) -> dict[int, int]:
    rows = queryset.values("jurisdiction_id").annotate(**aggregate).order_by()
    (name,) = aggregate
    return {row["jurisdiction_id"]: row[name] or 0 for row in rows}


def _counts(ids: list[int]) -> dict[str, dict[int, int]]:
    statements = Statement.objects.filter(_VISIBLE, jurisdiction_id__in=ids)
    policies = PolicyAction.objects.filter(_VISIBLE, jurisdiction_id__in=ids)
    events = EnforcementEvent.objects.filter(_VISIBLE, jurisdiction_id__in=ids)
    return {
        "statement_count": _grouped(statements, n=Count("id")),
        "policy_count": _grouped(policies, n=Count("id")),
        "event_count": _grouped(events, n=Count("id")),
        "arrests": _grouped(events.filter(kind=EventKind.ARRESTS), n=Sum("count")),
    }


def _summary(jurisdiction_id: int, evidence, counts) -> JurisdictionSummary:
    result = derive(evidence.get(jurisdiction_id, []))
    return JurisdictionSummary(
        jurisdiction_id=jurisdiction_id,
        stance=result.stance,
        **{name: state.value for name, state in result.indicators.items()},
        evidence={
            name: {
                "effective_on": state.effective_on.isoformat() if state.effective_on else None,
                "policy_ids": list(state.policy_ids),
            }
            for name, state in result.indicators.items()
            if state.value != "unknown"
        },
        **{name: counts[name].get(jurisdiction_id, 0) for name in COUNT_FIELDS},
    )


def refresh_for(jurisdiction_ids: Iterable[int | None], *, bump: bool = True) -> None:
    """Recompute the summaries of these jurisdictions (in a few queries per thousand), then
    invalidate every cached answer unless ``bump`` is false (a database no server reads yet)."""
    ids = sorted({pk for pk in jurisdiction_ids if pk is not None})
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        evidence, counts = evidence_for(batch), _counts(batch)
        JurisdictionSummary.objects.bulk_create(
            [_summary(pk, evidence, counts) for pk in batch],
            update_conflicts=True,
            unique_fields=["jurisdiction"],
            update_fields=[*SUMMARY_FIELDS, "refreshed_at"],
        )
    if ids and bump:
        bump_version()


def refresh_all(*, bump: bool = True) -> None:
    """Recompute every summary (after a bulk load that bypassed the services)."""
    refresh_for(Jurisdiction.objects.values_list("pk", flat=True), bump=bump)
