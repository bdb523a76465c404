"""Reads of jurisdictions with their stance: today's from the precomputed summaries, a past date's
derived from the dated evidence. Every list costs a constant number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Coalesce

from stances.models import (
    Jurisdiction,
    Official,
    PolicyAction,
    ReviewStatus,
)
from stances.rules.layers import EffectiveStance
from stances.rules.stance import (
    EvidenceItem,
    StanceChange,
    StanceResult,
    derive,
    history,
)

from .evidence import evidence_for
from .periods import derived_result, filter_by_stance_on, stance_on, stances_on


@dataclass(frozen=True)
class JurisdictionRow:
    jurisdiction: Jurisdiction
    stance: StanceResult
    policies: dict[int, PolicyAction] = field(default_factory=dict)  # the evidence, by id
    # What applies to residents across the layers (``selectors.layers``), when asked for.
    effective: EffectiveStance | None = None


@dataclass(frozen=True)
class JurisdictionDetail:
    row: JurisdictionRow
    history: list[StanceChange]
    officials: list[Official]
    layers: list = field(default_factory=list)  # ``selectors.layers.LayerRow``s, when asked for


def jurisdictions_with_counts() -> QuerySet[Jurisdiction]:
    """Jurisdictions with their precomputed summary: visible statement, policy and event counts
    and arrests reported (``stances.services.summaries`` keeps them current on every write)."""
    return (
        Jurisdiction.objects.select_related("summary")
        .annotate(
            statement_count=Coalesce(F("summary__statement_count"), 0),
            policy_count=Coalesce(F("summary__policy_count"), 0),
            event_count=Coalesce(F("summary__event_count"), 0),
            arrests=Coalesce(F("summary__arrests"), 0),
        )
        .order_by("name", "state", "id")
    )


def with_evidence(jurisdictions: QuerySet[Jurisdiction]) -> QuerySet[Jurisdiction]:
    """Only jurisdictions with at least one visible statement, policy or event."""
    return jurisdictions.filter(
        Q(summary__statement_count__gt=0)
        | Q(summary__policy_count__gt=0)
        | Q(summary__event_count__gt=0)
    )


def _current_value(field: str, value: str) -> Q:
    """A summary field equal to ``value``; a jurisdiction with no summary yet is unknown."""
    condition = Q(**{f"summary__{field}": value})
    return condition | Q(summary__isnull=True) if value == "unknown" else condition


def filter_by_current_stance(
    jurisdictions: QuerySet[Jurisdiction],
    *,
    stance: str | None = None,
    indicators: dict[str, str] | None = None,
) -> QuerySet[Jurisdiction]:
    """Filter by today's derived stance and indicator values, in SQL (on the summaries)."""
    if stance:
        jurisdictions = jurisdictions.filter(_current_value("stance", stance))
    for name, value in (indicators or {}).items():
        jurisdictions = jurisdictions.filter(_current_value(name, value))
    return jurisdictions


def current_stance(jurisdiction: Jurisdiction) -> StanceResult:
    """Today's stance, read from the precomputed summary (the result of ``derive``)."""
    summary = getattr(jurisdiction, "summary", None) if _has_summary(jurisdiction) else None
    return derive([]) if summary is None else derived_result(summary)


def _has_summary(jurisdiction: Jurisdiction) -> bool:
    try:
        jurisdiction.summary  # noqa: B018 - select_related makes this free
    except Jurisdiction.summary.RelatedObjectDoesNotExist:
        return False
    return True


def jurisdiction_rows(
    jurisdictions: QuerySet[Jurisdiction],
    *,
    as_of: dt.date | None = None,
    stance: str | None = None,
    indicators: dict[str, str] | None = None,
) -> list[JurisdictionRow]:
    """The jurisdictions with their stance as of a date, filtered by stance and indicator values,
    in SQL: today's from the precomputed summaries (one query), a past date's from the stored
    stance periods (two)."""
    if as_of is None:
        filtered = filter_by_current_stance(jurisdictions, stance=stance, indicators=indicators)
        return [JurisdictionRow(j, current_stance(j)) for j in filtered]
    filtered = filter_by_stance_on(jurisdictions, as_of, stance=stance, indicators=indicators)
    # Today's evidence ids are not needed: the periods hold the date's.
    places = list(filtered.defer("summary__evidence"))
    return rows_on(places, as_of, found=stances_on(filtered, as_of))


def rows_on(
    jurisdictions: list[Jurisdiction], as_of: dt.date, *, found: dict | None = None
) -> list[JurisdictionRow]:
    """Rows for these places with their stance as of a date (``found``: already read)."""
    if found is None:
        found = stances_on([j.pk for j in jurisdictions], as_of)
    return [JurisdictionRow(j, stance_on(found, j.pk, as_of)) for j in jurisdictions]


def with_evidence_policies(rows: list[JurisdictionRow]) -> list[JurisdictionRow]:
    """Attach the policy actions behind each row's indicators, in one query for all rows."""
    ids = {
        pid for row in rows for state in row.stance.indicators.values() for pid in state.policy_ids
    }
    policies = PolicyAction.objects.in_bulk(ids) if ids else {}
    return [
        JurisdictionRow(
            row.jurisdiction,
            row.stance,
            {pid: policies[pid] for s in row.stance.indicators.values() for pid in s.policy_ids},
            row.effective,
        )
        for row in rows
    ]


def jurisdiction_detail(slug: str, *, as_of: dt.date | None = None) -> JurisdictionDetail:
    """One jurisdiction: its stance as of a date with the evidence, its history, its officials."""
    jurisdiction = jurisdictions_with_counts().get(slug=slug)
    evidence: list[EvidenceItem] = evidence_for([jurisdiction.pk]).get(jurisdiction.pk, [])
    [row] = with_evidence_policies([JurisdictionRow(jurisdiction, derive(evidence, as_of))])
    # Each official's visible statements, counted in the same query: a link to them only
    # when there are some.
    officials = list(
        jurisdiction.officials.annotate(
            statement_count=Count(
                "statements", filter=~Q(statements__review_status=ReviewStatus.REJECTED)
            )
        ).order_by("name")
    )
    return JurisdictionDetail(row=row, history=history(evidence), officials=officials)
