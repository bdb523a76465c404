"""Reviewing a fact: an editor marks what the ingestion found reviewed or rejected."""

from __future__ import annotations

from django.db import transaction

from stances.models import (
    Declaration,
    EnforcementEvent,
    Evidence,
    Official,
    PolicyAction,
    Statement,
)

from . import summaries
from .policies import listed_at
from .steps import User, changed_save, review_apply, row_lock, unchanged_on_error


def fact_review(*, fact: Evidence, user: User, status: str) -> Evidence:
    """Mark a statement, event or policy action reviewed or rejected by ``user``, or back to
    extracted (clearing who reviewed it and when)."""
    if not isinstance(fact, Statement | EnforcementEvent | PolicyAction | Declaration):
        raise TypeError(f"fact_review() takes a statement, event or policy, not {fact!r}")
    with unchanged_on_error(fact), transaction.atomic():
        stored = row_lock(fact)
        review_apply(fact, status=status, user=user)
        fact.full_clean(validate_unique=False, validate_constraints=False)
        changed_save(fact, stored)
        summaries.touched([fact.jurisdiction_id], shown=_speaker_places(fact))
    return fact


def _speaker_places(fact: Evidence) -> list[int | None]:
    """A statement's speaker's place, whose page counts the statements not rejected; the place
    ICE's list names for a policy read from it, whose page shows the listing."""
    if isinstance(fact, PolicyAction):
        return listed_at(fact)
    if not isinstance(fact, Statement):
        return []
    if Statement.speaker.is_cached(fact):
        return [fact.speaker.jurisdiction_id]
    speakers = Official.objects.filter(pk=fact.speaker_id)
    return list(speakers.values_list("jurisdiction_id", flat=True))
