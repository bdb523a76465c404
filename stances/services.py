"""Writes for facts and officials made by hand, by an editor through the API or the admin.

The span of a fact is never typed: the service finds the given words in the article
(``stances.text.locate_words``) and stores where they are, so every fact keeps slicing the
article's own words. A fact an editor writes or edits is reviewed by that editor. Each call is one
transaction, validated before anything is written: it saves everything, or nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article

from . import summaries
from .models import (
    Direction,
    EnforcementEvent,
    Evidence,
    Indicator,
    Jurisdiction,
    Official,
    PolicyAction,
    PolicyEffect,
    ReviewStatus,
    Statement,
)
from .text import locate_words

Errors = dict[str, list[str]]
User = AbstractBaseUser | None

# What an update may change. Never the span or the extraction key: the server sets those.
_FACT_FIELDS = frozenset({"article", "jurisdiction", "date_precision", "review_status"})
_STATEMENT_FIELDS = _FACT_FIELDS | {"speaker", "quote", "stance", "said_on"}
_EVENT_FIELDS = _FACT_FIELDS | {
    "kind",
    "summary",
    "evidence",
    "name",
    "starts_on",
    "ends_on",
    "count",
    "parent",
}
_POLICY_FIELDS = _FACT_FIELDS | {"kind", "summary", "evidence", "effective_on"}
_OFFICIAL_FIELDS = frozenset({"name", "kind", "role", "jurisdiction", "affiliation", "slug"})
_SLUG_MAX = Official._meta.get_field("slug").max_length


# Statements


def statement_create(
    *,
    article: Article,
    speaker: Official,
    quote: str,
    stance: str,
    jurisdiction: Jurisdiction | None = None,
    said_on: dt.date | None = None,
    date_precision: str = "day",
    user: User = None,
) -> Statement:
    """A statement quoting the article's words; about the speaker's jurisdiction unless told."""
    statement = Statement(
        article=article,
        speaker=speaker,
        stance=stance,
        jurisdiction=jurisdiction or speaker.jurisdiction,
        said_on=said_on,
        date_precision=date_precision,
    )
    if user is not None:
        _review_apply(statement, status=ReviewStatus.REVIEWED, user=user)
    with transaction.atomic():
        _statement_locate(statement, quote)
        _validate(statement, _dates_errors(statement, "said_on"))
        statement.save()
        summaries.refresh_for([statement.jurisdiction_id])
    return statement


def statement_update(*, statement: Statement, user: User = None, **changes: Any) -> Statement:
    """Change the given fields; a new quote or article moves the span to the quote's words."""
    _fields_check("statement_update", changes, _STATEMENT_FIELDS)
    relocate = "quote" in changes or "article" in changes
    quote = changes.pop("quote", statement.quote)
    before = statement.jurisdiction_id
    with _unchanged_on_error(statement), transaction.atomic():
        _edit_review(statement, changes, user)
        _fields_set(statement, changes)
        # Only when the words or the article change: relocating the same quote would move a fact
        # whose words occur twice to their first occurrence.
        if relocate:
            _statement_locate(statement, quote)
        _validate(statement, _dates_errors(statement, "said_on"))
        statement.save()
        summaries.refresh_for([before, statement.jurisdiction_id])
    return statement


def _statement_locate(statement: Statement, quote: str) -> None:
    _span_locate(statement, quote, field="quote")
    statement.quote = statement.words


# Enforcement events


def event_create(
    *,
    article: Article,
    kind: str,
    summary: str,
    evidence: str,
    jurisdiction: Jurisdiction | None = None,
    name: str = "",
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    count: int | None = None,
    parent: EnforcementEvent | None = None,
    date_precision: str = "day",
    user: User = None,
) -> EnforcementEvent:
    """An enforcement event, tied to the words of the article that report it."""
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
    )
    if user is not None:
        _review_apply(event, status=ReviewStatus.REVIEWED, user=user)
    with transaction.atomic():
        _span_locate(event, evidence, field="evidence")
        _validate(event, _event_errors(event))
        event.save()
        summaries.refresh_for([event.jurisdiction_id])
    return event


def event_update(*, event: EnforcementEvent, user: User = None, **changes: Any) -> EnforcementEvent:
    """Change the given fields; new evidence or a new article moves the span to its words."""
    _fields_check("event_update", changes, _EVENT_FIELDS)
    relocate = "evidence" in changes or "article" in changes
    evidence = changes.pop("evidence", event.words)
    before = event.jurisdiction_id
    with _unchanged_on_error(event), transaction.atomic():
        _edit_review(event, changes, user)
        _fields_set(event, changes)
        if relocate:
            _span_locate(event, evidence, field="evidence")
        _validate(event, _event_errors(event))
        event.save()
        summaries.refresh_for([before, event.jurisdiction_id])
    return event


def _event_errors(event: EnforcementEvent) -> Errors:
    errors = _dates_errors(event, "starts_on", "ends_on")
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


# Policy actions


def policy_create(
    *,
    article: Article,
    jurisdiction: Jurisdiction,
    kind: str,
    summary: str,
    evidence: str,
    effects: list[tuple[str, str]],
    effective_on: dt.date | None = None,
    date_precision: str = "day",
    user: User = None,
) -> PolicyAction:
    """A policy action and the cooperation indicators it sets, one (indicator, direction) each."""
    policy = PolicyAction(
        article=article,
        jurisdiction=jurisdiction,
        kind=kind,
        summary=summary,
        effective_on=effective_on,
        date_precision=date_precision,
    )
    if user is not None:
        _review_apply(policy, status=ReviewStatus.REVIEWED, user=user)
    with transaction.atomic():
        _span_locate(policy, evidence, field="evidence")
        _validate(policy, _policy_errors(policy, effects))
        policy.save()
        _effects_replace(policy, effects)
        summaries.refresh_for([policy.jurisdiction_id])
    return policy


def policy_update(
    *,
    policy: PolicyAction,
    user: User = None,
    effects: list[tuple[str, str]] | None = None,
    **changes: Any,
) -> PolicyAction:
    """Change the given fields; ``effects``, when given, replace the policy's effects."""
    _fields_check("policy_update", changes, _POLICY_FIELDS)
    relocate = "evidence" in changes or "article" in changes
    evidence = changes.pop("evidence", policy.words)
    before = policy.jurisdiction_id
    with _unchanged_on_error(policy), transaction.atomic():
        _edit_review(policy, changes, user)
        _fields_set(policy, changes)
        if relocate:
            _span_locate(policy, evidence, field="evidence")
        _validate(policy, _policy_errors(policy, effects))
        policy.save()
        if effects is not None:
            _effects_replace(policy, effects)
        summaries.refresh_for([before, policy.jurisdiction_id])
    return policy


def _policy_errors(policy: PolicyAction, effects: list[tuple[str, str]] | None) -> Errors:
    errors = _dates_errors(policy, "effective_on")
    problems = [] if effects is None else _effects_problems(effects)
    if problems:
        errors["effects"] = problems
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
        effect.full_clean()
        effect.save()


# Officials


def official_create(
    *,
    name: str,
    kind: str = "person",
    role: str = "",
    jurisdiction: Jurisdiction | None = None,
    affiliation: str = "",
    slug: str = "",
) -> Official:
    """A speaker. A slug given is used as is (refused when taken); one derived from the name gets
    a numeric suffix when taken, since two people may share a name."""
    official = Official(
        name=name,
        kind=kind,
        role=role,
        jurisdiction=jurisdiction,
        affiliation=affiliation,
        slug=slug or _slug_free(slugify(name)),
    )
    with transaction.atomic():
        official.full_clean()
        official.save()
    return official


def official_update(*, official: Official, **changes: Any) -> Official:
    """Change the given fields. A new name keeps the slug: links to the official stay valid."""
    _fields_check("official_update", changes, _OFFICIAL_FIELDS)
    with _unchanged_on_error(official), transaction.atomic():
        _fields_set(official, changes)
        official.full_clean()
        official.save()
    return official


def _slug_free(base: str) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever no official has yet."""
    taken = set(Official.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base[:_SLUG_MAX], 1
    while slug in taken:
        number += 1
        suffix = f"-{number}"
        slug = base[: _SLUG_MAX - len(suffix)] + suffix
    return slug


# Review


def fact_review(*, fact: Evidence, user: User, status: str) -> Evidence:
    """Mark a statement, event or policy action reviewed or rejected by ``user``, or back to
    extracted (clearing who reviewed it and when)."""
    if not isinstance(fact, Statement | EnforcementEvent | PolicyAction):
        raise TypeError(f"fact_review() takes a statement, event or policy, not {fact!r}")
    with _unchanged_on_error(fact), transaction.atomic():
        _review_apply(fact, status=status, user=user)
        fact.full_clean()
        fact.save()
        summaries.refresh_for([fact.jurisdiction_id])
    return fact


def _review_apply(fact: Evidence, *, status: str, user: User) -> None:
    settled = status != ReviewStatus.EXTRACTED
    fact.review_status = status
    fact.reviewed_by = user if settled else None
    fact.reviewed_at = timezone.now() if settled else None


def _edit_review(fact: Evidence, changes: dict[str, Any], user: User) -> None:
    """An editor's edit is a review, unless the edit sets the review status itself."""
    if "review_status" in changes:
        _review_apply(fact, status=changes.pop("review_status"), user=user)
    elif user is not None:
        _review_apply(fact, status=ReviewStatus.REVIEWED, user=user)


# Shared steps


def _fields_check(service: str, changes: dict[str, Any], allowed: frozenset[str]) -> None:
    """Unknown names are a caller's bug, not an editor's input: a TypeError, as for a function."""
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"{service}() got unexpected fields: {', '.join(sorted(unknown))}")


def _fields_set(instance: models.Model, changes: dict[str, Any]) -> None:
    for field, value in changes.items():
        setattr(instance, field, value)


def _span_locate(fact: Evidence, words: str, *, field: str) -> None:
    """Point the fact at the article's own words. A failure is raised at once: without its words
    the fact cannot be checked against the article."""
    try:
        fact.span_start, fact.span_end = locate_words(fact.article.body, words)
    except ValueError as exc:
        raise ValidationError({field: str(exc)}) from exc


def _dates_errors(fact: Evidence, *fields: str) -> Errors:
    """Facts are reported, not forecast: none of their dates lies after today."""
    today = timezone.localdate()
    return {
        field: [f"{getattr(fact, field)} is in the future: a reported fact has happened."]
        for field in fields
        if isinstance(getattr(fact, field), dt.date) and getattr(fact, field) > today
    }


def _validate(instance: models.Model, errors: Errors) -> None:
    """full_clean(), reported together with the service's own errors. Fields already in error are
    left out of full_clean, so a rule the database also enforces is not reported twice."""
    try:
        instance.full_clean(exclude=list(errors))
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)


@contextmanager
def _unchanged_on_error(instance: models.Model) -> Iterator[None]:
    """An update that fails leaves the caller's object as stored: the admin and the API show
    it again, and must not show changes that were never saved."""
    try:
        yield
    except (ValidationError, IntegrityError):
        instance.refresh_from_db()
        raise
