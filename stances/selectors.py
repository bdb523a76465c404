"""Reads: one place for the queries the pages, the API and the commands share.

Every list here is served in a constant number of queries whatever its length: related rows come
by ``select_related`` / ``prefetch_related``, stances by one evidence query for all jurisdictions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce

from .models import (
    EnforcementEvent,
    Indicator,
    Jurisdiction,
    Official,
    PolicyAction,
    PolicyEffect,
    ReviewStatus,
    Statement,
)
from .stance import (
    EvidenceItem,
    IndicatorState,
    StanceChange,
    StanceResult,
    derive,
    evidence_for,
    history,
)


@dataclass(frozen=True)
class JurisdictionRow:
    jurisdiction: Jurisdiction
    stance: StanceResult
    policies: dict[int, PolicyAction] = field(default_factory=dict)  # the evidence, by id


@dataclass(frozen=True)
class JurisdictionDetail:
    row: JurisdictionRow
    history: list[StanceChange]
    officials: list[Official]


def can_see_rejected(user) -> bool:
    """Editors (anyone allowed to change statements) may ask for rejected facts."""
    return bool(user and user.is_authenticated and user.has_perm("stances.change_statement"))


def visible(queryset: QuerySet, *, include_rejected: bool = False) -> QuerySet:
    """What readers see: everything but rejected facts, unless an editor asks for them."""
    if include_rejected:
        return queryset
    return queryset.exclude(review_status=ReviewStatus.REJECTED)


def text_search(queryset: QuerySet, fields: list[str], value: str) -> QuerySet:
    """Full-text search on PostgreSQL (websearch syntax, English stemming); a case-insensitive
    contains search on SQLite, which has no full-text search in Django."""
    value = value.strip()
    if not value:
        return queryset
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        vector = SearchVector(*fields, config="english")
        query = SearchQuery(value, config="english", search_type="websearch")
        return queryset.annotate(_search=vector).filter(_search=query)
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{name}__icontains": value})
    return queryset.filter(condition)


def _visible_count(relation: str) -> Count:
    return Count(
        relation, filter=~Q(**{f"{relation}__review_status": ReviewStatus.REJECTED}), distinct=True
    )


def jurisdictions_with_counts() -> QuerySet[Jurisdiction]:
    """Jurisdictions with their precomputed summary: visible statement, policy and event counts
    and arrests reported (``stances.summaries`` keeps them current on every write)."""
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
    from .summaries import cached  # summaries imports this module's neighbours

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
        )
        for row in rows
    ]


def jurisdiction_detail(slug: str, *, as_of: dt.date | None = None) -> JurisdictionDetail:
    """One jurisdiction: its stance as of a date with the evidence, its history, its officials."""
    jurisdiction = jurisdictions_with_counts().get(slug=slug)
    evidence: list[EvidenceItem] = evidence_for([jurisdiction.pk]).get(jurisdiction.pk, [])
    [row] = with_evidence_policies([JurisdictionRow(jurisdiction, derive(evidence, as_of))])
    officials = list(jurisdiction.officials.order_by("name"))
    return JurisdictionDetail(row=row, history=history(evidence), officials=officials)


def statement_queryset() -> QuerySet[Statement]:
    return Statement.objects.select_related("speaker", "jurisdiction", "article").order_by(
        F("said_on").desc(nulls_last=True), "-id"
    )


def event_queryset() -> QuerySet[EnforcementEvent]:
    return EnforcementEvent.objects.select_related("jurisdiction", "article", "parent").order_by(
        F("starts_on").desc(nulls_last=True), "-id"
    )


def policy_queryset() -> QuerySet[PolicyAction]:
    effects = Prefetch("effects", queryset=PolicyEffect.objects.order_by("indicator"))
    return (
        PolicyAction.objects.select_related("jurisdiction", "article")
        .prefetch_related(effects)
        .order_by(F("effective_on").desc(nulls_last=True), "-id")
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


@dataclass(frozen=True)
class Change:
    """A fact created or changed at ``at``."""

    kind: str  # "statement" | "event" | "policy" | "official"
    obj: object
    at: dt.datetime
    created: bool

    @property
    def key(self) -> tuple[dt.datetime, str, int]:
        """Where the change sorts: facts stored in one transaction can share ``at``."""
        return (self.at, self.kind, self.obj.pk)


def _after(kind: str, key: tuple[dt.datetime, str, int]) -> Q:
    """The changes of ``kind`` that come after ``key``, newest first."""
    at, key_kind, pk = key
    if kind == key_kind:
        return Q(updated_at__lt=at) | Q(updated_at=at, pk__lt=pk)
    return Q(updated_at__lte=at) if kind < key_kind else Q(updated_at__lt=at)


def recent_changes(
    *,
    since: dt.datetime | None = None,
    before: dt.datetime | None = None,
    after: tuple[dt.datetime, str, int] | None = None,
    limit: int = 100,
) -> list[Change]:
    """The most recently created or changed facts and officials, newest first (ties by kind and
    id, so ``after``, the last change of a page, continues exactly there): one query per kind,
    merged."""
    sources = {
        "statement": visible(statement_queryset()),
        "event": visible(event_queryset()),
        "policy": visible(policy_queryset()),
        "official": Official.objects.select_related("jurisdiction"),
    }
    changes: list[Change] = []
    for kind, queryset in sources.items():
        if since:
            queryset = queryset.filter(updated_at__gte=since)
        if before:
            queryset = queryset.filter(updated_at__lt=before)
        if after:
            queryset = queryset.filter(_after(kind, after))
        for obj in queryset.order_by("-updated_at", "-id")[:limit]:
            created = abs((obj.updated_at - obj.created_at).total_seconds()) < 1
            changes.append(Change(kind, obj, obj.updated_at, created))
    changes.sort(key=lambda change: change.key, reverse=True)
    return changes[:limit]
