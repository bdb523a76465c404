"""What changed lately: the feed behind ``/api/changes/``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from stances.models import Official

from .facts import event_queryset, policy_queryset, statement_queryset, visible


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
    return _merged(sources, since=since, before=before, after=after, limit=limit)


def recent_changes_of(
    *,
    jurisdictions: list | None = None,
    speaker: Official | None = None,
    model_287g: str | None = None,
    limit: int = 50,
) -> list[Change]:
    """The latest changed facts of these places (statements about them, their policies and
    enforcement events), of one speaker (their statements), or the agreements of one 287(g)
    model on ICE's list, newest first."""
    if model_287g is not None:
        policies = visible(policy_queryset()).filter(listing__model=model_287g)
        sources = {"policy": policies.select_related("listing")}
    elif speaker is not None:
        sources = {"statement": visible(statement_queryset()).filter(speaker=speaker)}
    else:
        ids = [j.pk for j in jurisdictions or []]
        sources = {
            "statement": visible(statement_queryset()).filter(jurisdiction_id__in=ids),
            "event": visible(event_queryset()).filter(jurisdiction_id__in=ids),
            "policy": visible(policy_queryset()).filter(jurisdiction_id__in=ids),
        }
    return _merged(sources, since=None, before=None, after=None, limit=limit)


def _merged(sources: dict, *, since, before, after, limit: int) -> list[Change]:
    """One query per kind, newest first, merged."""
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
