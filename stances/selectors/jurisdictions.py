"""Reads of jurisdictions with their stance: today's from the precomputed summaries, a past date's
derived from the dated evidence. Every list costs a constant number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Coalesce

from sanctuary.versions import cached
from stances.models import (
    Indicator,
    Jurisdiction,
    Official,
    PolicyAction,
    ReviewStatus,
)
from stances.rules.layers import EffectiveStance
from stances.rules.stance import (
    EvidenceItem,
    IndicatorState,
    StanceChange,
    StanceResult,
    derive,
    history,
)

from .evidence import evidence_for


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
    if summary is None:
        return derive([])
    indicators = {}
    for name in Indicator.values:
        evidence = summary.evidence.get(name, {})
        effective_on = evidence.get("effective_on")
        indicators[name] = IndicatorState(
            indicator=name,
            value=getattr(summary, name),
            effective_on=dt.date.fromisoformat(effective_on) if effective_on else None,
            policy_ids=tuple(evidence.get("policy_ids", ())),
        )
    return StanceResult(stance=summary.stance, indicators=indicators, as_of=None)


def _has_summary(jurisdiction: Jurisdiction) -> bool:
    try:
        jurisdiction.summary  # noqa: B018 - select_related makes this free
    except Jurisdiction.summary.RelatedObjectDoesNotExist:
        return False
    return True


def _matches(result: StanceResult, stance: str | None, indicators: dict[str, str]) -> bool:
    if stance and result.stance != stance:
        return False
    return all(result.indicators[name].value == value for name, value in indicators.items())


def jurisdiction_rows(
    jurisdictions: QuerySet[Jurisdiction],
    *,
    as_of: dt.date | None = None,
    stance: str | None = None,
    indicators: dict[str, str] | None = None,
) -> list[JurisdictionRow]:
    """The jurisdictions with their stance as of a date, filtered by stance and indicator values.

    Today's stances come from the precomputed summaries (filtered in SQL, one query); a past
    date derives every stance from the dated evidence (two queries, filtered here)."""
    if as_of is None:
        filtered = filter_by_current_stance(jurisdictions, stance=stance, indicators=indicators)
        return [JurisdictionRow(j, current_stance(j)) for j in filtered]
    stances = stances_as_of(as_of)
    rows = []
    for jurisdiction in jurisdictions:
        result = stances.get(jurisdiction.pk) or derive([], as_of)
        if _matches(result, stance, indicators or {}):
            rows.append(JurisdictionRow(jurisdiction, result))
    return rows


def stances_as_of(as_of: dt.date) -> dict[int, StanceResult]:
    """Every jurisdiction's stance as of a date (those with evidence), derived from all dated
    policies once per data version and date, then shared through the cache."""

    def derive_all() -> dict[int, StanceResult]:
        evidence = evidence_for(Jurisdiction.objects.values_list("pk", flat=True))
        return {pk: derive(items, as_of) for pk, items in evidence.items()}

    return cached(f"stances-as-of:{as_of.isoformat()}", derive_all)


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
