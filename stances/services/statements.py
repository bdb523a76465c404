"""Statements: the one way a quotation is stored or changed, by the ingestion, the admin or the API.

A statement quotes its source verbatim: its span slices the source's body to exactly the quote.
A statement an editor writes or edits is reviewed by that editor.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from articles.models import Article
from stances.models import DateSource, Jurisdiction, Official, ReviewStatus, Statement

from . import summaries
from .steps import (
    FACT_FIELDS,
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

_STATEMENT_FIELDS = FACT_FIELDS | {"speaker", "quote", "stance", "said_on", "date_source"}


def statement_create(
    *,
    article: Article,
    speaker: Official,
    stance: str,
    quote: str | None = None,
    span: Span | None = None,
    jurisdiction: Jurisdiction | None = None,
    said_on: dt.date | None = None,
    date_source: str | None = None,
    date_precision: str = "day",
    continues: Statement | None = None,
    extraction_key: str = "",
    user: User = None,
) -> Statement:
    """A statement quoting the article's words (``quote``, found in the body, or the ``span``
    the ingestion found); about the speaker's jurisdiction unless told. A date given without
    its source is the article's words about the saying (``DateSource.TEXT``)."""
    statement = Statement(
        article=article,
        speaker=speaker,
        stance=stance,
        jurisdiction=jurisdiction or speaker.jurisdiction,
        said_on=said_on,
        date_source=_date_source(said_on, date_source),
        date_precision=date_precision,
        continues=continues,
        extraction_key=extraction_key,
    )
    if user is not None:
        review_apply(statement, status=ReviewStatus.REVIEWED, user=user)
    _statement_place(statement, quote=quote, span=span)
    validate(statement, future_dates_errors(statement, "said_on"))
    with transaction.atomic():
        statement.save()
        summaries.touched([statement.jurisdiction_id], shown=[_speaker_place(statement)])
    return statement


def statement_update(*, statement: Statement, user: User = None, **changes: Any) -> Statement:
    """Change the given fields; a new quote or article moves the span to the quote's words."""
    fields_check("statement_update", changes, _STATEMENT_FIELDS)
    relocate = "quote" in changes or "article" in changes
    with unchanged_on_error(statement), transaction.atomic():
        stored = row_lock(statement)
        quote = changes.pop("quote", statement.quote)
        before, spoke_for = statement.jurisdiction_id, _speaker_place(statement)
        edit_review(statement, changes, user)
        if "said_on" in changes and "date_source" not in changes:
            changes["date_source"] = _date_source(changes["said_on"], None)
        fields_set(statement, changes)
        # Only when the words or the article change: relocating the same quote would move a fact
        # whose words occur twice to their first occurrence.
        if relocate:
            _statement_place(statement, quote=quote, span=None)
        validate(statement, future_dates_errors(statement, "said_on"))
        changed_save(statement, stored)
        summaries.touched(
            [before, statement.jurisdiction_id], shown=[spoke_for, _speaker_place(statement)]
        )
    return statement


def _statement_place(statement: Statement, *, quote: str | None, span: Span | None) -> None:
    span_place(statement, words=quote, span=span, field="quote")
    statement.quote = statement.words


def _date_source(said_on: dt.date | None, given: str | None) -> str:
    if said_on is None:
        return ""
    return given or DateSource.TEXT


def _speaker_place(statement: Statement) -> int | None:
    """The place of the statement's speaker: its page counts the speaker's statements."""
    if Statement.speaker.is_cached(statement):
        return statement.speaker.jurisdiction_id
    places = Official.objects.filter(pk=statement.speaker_id).values_list("jurisdiction_id")
    return next((pk for (pk,) in places), None)
