"""Policy actions: the one way an executive order, law, jail contract or 287(g) agreement is
stored or changed, by the ingestion, an importer, the admin or the API. Each sets one or more
cooperation indicators, and is tied to the words (or the data row) that report it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from articles.models import Article
from articles.services import article_update
from stances.models import (
    AgreementListing,
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
    rows_update,
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
        summaries.touched([before, policy.jurisdiction_id], shown=listed_at(policy))
    return policy


def policy_sources_move(*, moves: Iterable[tuple[PolicyAction, Article, Span]]) -> int:
    """The same policies, read again in a newer copy of their source (the next snapshot of an
    official list): each one's span moves to its words there. Each span is checked as any span is
    (inside its source, not empty); the facts do not change, so their ``updated_at`` stays and
    the changes feed does not list a move, while their history records it."""
    policies = []
    for policy, article, (start, end) in moves:
        if not 0 <= start < end <= len(article.body):
            size = len(article.body)
            raise ValidationError(
                {"span_end": f"The span {start}-{end} is not inside “{article}” ({size})."}
            )
        policy.article, policy.span_start, policy.span_end = article, start, end
        policies.append(policy)
    if policies:
        rows = [(p.article_id, p.span_start, p.span_end, p.pk) for p in policies]
        with transaction.atomic():
            rows_update(PolicyAction, ["article", "span_start", "span_end"], rows)
            bulk_update_with_history(policies, PolicyAction, fields=[], batch_size=500)
            # Only an undated policy's stance depends on its source (it counts from the
            # source's date); the others' summaries stand, and the change is still announced.
            summaries.touched(
                [p.jurisdiction_id for p in policies if p.effective_on is None],
                shown=[p.jurisdiction_id for p in policies],  # their pages link the new source
            )
    return len(policies)


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
    """The policy's effects, replaced in a few statements (an import creates eight hundred
    policies at once); each is validated, its policy excepted: the one just saved."""
    policy.effects.all().delete()
    rows = [PolicyEffect(policy=policy, indicator=i, direction=d) for i, d in effects]
    for effect in rows:
        effect.full_clean(exclude=["policy"], validate_unique=False, validate_constraints=False)
    bulk_create_with_history(rows, PolicyEffect)


def listed_at(policy: PolicyAction) -> list[int]:
    """The place of the 287(g) listing this policy was read from (its page shows the listing,
    wherever the policy itself has since been placed)."""
    if policy.pk is None:
        return []
    listings = AgreementListing.objects.filter(policy=policy)
    return list(listings.values_list("jurisdiction_id", flat=True))


def article_metadata_update(*, article: Article, **changes: Any) -> Article:
    """An editor's correction of an article's metadata (``articles.services.article_update``).
    A policy with no date of its own counts from its source's publication date, so a new date
    changes the stance history of the places of the article's undated policies: they are
    refreshed in the same transaction."""
    with transaction.atomic():
        before = (
            article.published_on
            if article.pk is None
            else (
                Article.objects.filter(pk=article.pk).values_list("published_on", flat=True).first()
            )
        )
        article_update(article=article, **changes)
        if "published_on" in changes and changes["published_on"] != before:
            undated = PolicyAction.objects.filter(article=article, effective_on__isnull=True)
            summaries.touched(undated.values_list("jurisdiction_id", flat=True).distinct())
    return article
