"""Policy actions: the one way an executive order, law, jail contract or 287(g) agreement is
stored or changed, by the ingestion, an importer, the admin or the API. Each sets one or more
cooperation indicators, and is tied to the words (or the data row) that report it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction

from articles.models import Article
from stances.models import (
    Direction,
    Indicator,
    Jurisdiction,
    PolicyAction,
    PolicyEffect,
    PolicyStatus,
    ReviewStatus,
)

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
    review_apply,
    row_lock,
    span_place,
    unchanged_on_error,
    validate,
)

_POLICY_FIELDS = FACT_FIELDS | {"kind", "summary", "evidence", "effective_on", "status", "ends_on"}
Effects = list[tuple[str, str]]


def policy_create(
    *,
    article: Article,
    jurisdiction: Jurisdiction,
    kind: str,
    summary: str,
    effects: Effects,
    evidence: str | None = None,
    span: Span | None = None,
    effective_on: dt.date | None = None,
    status: str = PolicyStatus.IN_FORCE,
    ends_on: dt.date | None = None,
    date_precision: str = "day",
    extraction_key: str = "",
    user: User = None,
) -> PolicyAction:
    """A policy action and the cooperation indicators it sets, one (indicator, direction) each;
    tied to the article's words (``evidence``, found in the body, or the ``span`` found)."""
    policy = PolicyAction(
        article=article,
        jurisdiction=jurisdiction,
        kind=kind,
        summary=summary,
        status=status,
        effective_on=effective_on,
        ends_on=ends_on,
        date_precision=date_precision,
        extraction_key=extraction_key,
    )
    if user is not None:
        review_apply(policy, status=ReviewStatus.REVIEWED, user=user)
    span_place(policy, words=evidence, span=span, field="evidence")
    validate(policy, _policy_errors(policy, effects))
    with transaction.atomic():
        policy.save()
        _effects_replace(policy, effects)
        summaries.touched([policy.jurisdiction_id])
    return policy


def policy_update(
    *,
    policy: PolicyAction,
    user: User = None,
    effects: Effects | None = None,
    **changes: Any,
) -> PolicyAction:
    """Change the given fields; ``effects``, when given, replace the policy's effects."""
    fields_check("policy_update", changes, _POLICY_FIELDS)
    relocate = "evidence" in changes or "article" in changes
    with unchanged_on_error(policy), transaction.atomic():
        stored = row_lock(policy)
        evidence = changes.pop("evidence", policy.words)
        before = policy.jurisdiction_id
        edit_review(policy, changes, user)
        fields_set(policy, changes)
        if relocate:
            span_place(policy, words=evidence, span=None, field="evidence")
        validate(policy, _policy_errors(policy, effects))
        changed_save(policy, stored)
        if effects is not None:
            _effects_replace(policy, effects)
        summaries.touched([before, policy.jurisdiction_id])
    return policy


def _policy_errors(policy: PolicyAction, effects: Effects | None) -> Errors:
    """A policy may take effect after today (a law signed now, in force next year): its dates
    are not checked against the calendar, only against each other; its effects are checked."""
    errors: Errors = {}
    problems = [] if effects is None else _effects_problems(effects)
    if problems:
        errors["effects"] = problems
    starts, ends = policy.effective_on, policy.ends_on
    if isinstance(starts, dt.date) and isinstance(ends, dt.date) and ends < starts:
        errors["ends_on"] = ["A policy cannot end before it takes effect."]
    return errors


def _effects_problems(effects: Iterable[tuple[str, str]]) -> list[str]:
    pairs = list(effects)
    if not pairs:
        return ["A policy action sets at least one indicator."]
    if not all(isinstance(pair, list | tuple) and len(pair) == 2 for pair in pairs):
        return ["Each effect is an (indicator, direction) pair."]
    problems = [f"“{i}” is not an indicator." for i, _ in pairs if i not in Indicator.values]
    problems += [f"“{d}” is not a direction." for _, d in pairs if d not in Direction.values]
    indicators = [indicator for indicator, _ in pairs]
    problems += [
        f"“{i}” is set more than once." for i in sorted(set(indicators)) if indicators.count(i) > 1
    ]
    return problems


def _effects_replace(policy: PolicyAction, effects: Iterable[tuple[str, str]]) -> None:
    policy.effects.all().delete()
    for indicator, direction in effects:
        effect = PolicyEffect(policy=policy, indicator=indicator, direction=direction)
        effect.full_clean(validate_unique=False, validate_constraints=False)
        effect.save()
