"""Enforcement events: the one way an operation, raid, arrest count or detention is stored or
changed, by the ingestion, the admin or the API. Each is tied to the words that report it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from articles.models import Article
from stances.models import EnforcementEvent, EventKind, Jurisdiction, ReviewStatus

from . import summaries
from .steps import (
    FACT_FIELDS,
    Errors,
    Span,
    User,
    changed_save,
    edit_review,
    fields_check,
    fields_set,
    future_dates_errors,
    review_apply,
    row_lock,
    span_place,
    unchanged_on_error,
    validate,
)

_EVENT_FIELDS = FACT_FIELDS | {
    "kind",
    "summary",
    "evidence",
    "name",
    "starts_on",
    "ends_on",
    "count",
    "parent",
}


def event_create(
    *,
    article: Article,
    kind: str,
    summary: str,
    evidence: str | None = None,
    span: Span | None = None,
    jurisdiction: Jurisdiction | None = None,
    name: str = "",
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    count: int | None = None,
    parent: EnforcementEvent | None = None,
    date_precision: str = "day",
    extraction_key: str = "",
    user: User = None,
) -> EnforcementEvent:
    """An enforcement event, tied to the words of the article that report it (``evidence``,
    found in the body, or the ``span`` the ingestion found)."""
    event = EnforcementEvent(
        article=article,
        kind=kind,
        summary=summary,
        jurisdiction=jurisdiction,
        name=name,
        starts_on=starts_on,
        ends_on=ends_on,
        count=count,
        parent=parent,
        date_precision=date_precision,
        extraction_key=extraction_key,
    )
    if user is not None:
        review_apply(event, status=ReviewStatus.REVIEWED, user=user)
    span_place(event, words=evidence, span=span, field="evidence")
    validate(event, _event_errors(event))
    with transaction.atomic():
        event.save()
        summaries.touched([event.jurisdiction_id])
    return event


def event_update(*, event: EnforcementEvent, user: User = None, **changes: Any) -> EnforcementEvent:
    """Change the given fields; new evidence or a new article moves the span to its words."""
    fields_check("event_update", changes, _EVENT_FIELDS)
    relocate = "evidence" in changes or "article" in changes
    with unchanged_on_error(event), transaction.atomic():
        stored = row_lock(event)
        evidence = changes.pop("evidence", event.words)
        before = event.jurisdiction_id
        edit_review(event, changes, user)
        fields_set(event, changes)
        if relocate:
            span_place(event, words=evidence, span=None, field="evidence")
        validate(event, _event_errors(event))
        changed_save(event, stored)
        summaries.touched([before, event.jurisdiction_id])
    return event


def _event_errors(event: EnforcementEvent) -> Errors:
    # A planned raid is reported before it happens: only its dates may lie ahead.
    planned = event.kind == EventKind.PLANNED_RAID
    errors = {} if planned else future_dates_errors(event, "starts_on", "ends_on")
    if _both_dates(event.starts_on, event.ends_on) and event.ends_on < event.starts_on:
        errors.setdefault("ends_on", []).append("An event cannot end before it starts.")
    if isinstance(event.count, int) and event.count < 0:
        errors["count"] = ["A count of people cannot be negative."]
    if _parent_loops(event):
        errors["parent"] = ["An event cannot be part of itself or of one of its parts."]
    return errors


def _both_dates(*values: object) -> bool:
    return all(isinstance(value, dt.date) for value in values)


def _parent_loops(event: EnforcementEvent) -> bool:
    if event.pk is None:
        return False
    node = event.parent
    while node is not None:
        if node.pk == event.pk:
            return True
        node = node.parent
    return False
