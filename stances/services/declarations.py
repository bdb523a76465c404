"""Declarations: what a place calls itself ("we remain a sanctuary city"), stored apart from its
policies. Words never make policy: a declaration sets no indicator and never changes a stance."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from articles.models import Article
from stances.models import Declaration, Jurisdiction, Official, ReviewStatus

from . import summaries
from .steps import Span, User, future_dates_errors, review_apply, span_place, validate


def declaration_create(
    *,
    article: Article,
    label: str,
    jurisdiction: Jurisdiction | None = None,
    speaker: Official | None = None,
    negated: bool = False,
    words: str | None = None,
    span: Span | None = None,
    declared_on: dt.date | None = None,
    date_precision: str = "day",
    extraction_key: str = "",
    user: User = None,
) -> Declaration:
    """A place's words about itself, tied to the words of the source that reports them."""
    declaration = Declaration(
        article=article,
        label=label[:100],
        jurisdiction=jurisdiction,
        speaker=speaker,
        negated=negated,
        declared_on=declared_on,
        date_precision=date_precision,
        extraction_key=extraction_key,
    )
    if user is not None:
        review_apply(declaration, status=ReviewStatus.REVIEWED, user=user)
    span_place(declaration, words=words, span=span, field="words")
    declaration.text = declaration.words
    validate(declaration, future_dates_errors(declaration, "declared_on"))
    with transaction.atomic():
        declaration.save()
        # no summary counts it; its place's page shows it
        summaries.touched([], shown=[declaration.jurisdiction_id])
    return declaration
