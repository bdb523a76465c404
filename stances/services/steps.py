"""Steps every fact service shares: where a fact's words are, what may be changed, how it is
validated and reviewed. Each rule lives here once; ``statements``, ``events`` and ``policies``
apply them, whoever calls them (the ingestion, an importer, the admin, the API)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, models
from django.utils import timezone

from articles.spans import locate_words
from stances.models import Evidence, ReviewStatus

Errors = dict[str, list[str]]
User = AbstractBaseUser | None
Span = tuple[int, int]

# Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): in a name they reverse
# the text that follows it on a page. Stripped from what is not a source's own words (names,
# roles); a quotation keeps them, exact, and pages isolate it (<bdi>).
_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def without_bidi_controls(text: str) -> str:
    return text.translate(_BIDI_CONTROLS)


# What an update may change. Never the span or the extraction key: the server sets those.
FACT_FIELDS = frozenset({"article", "jurisdiction", "date_precision", "review_status"})


def fields_check(service: str, changes: dict[str, Any], allowed: frozenset[str]) -> None:
    """Unknown names are a caller's bug, not an editor's input: a TypeError, as for a function."""
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"{service}() got unexpected fields: {', '.join(sorted(unknown))}")


def fields_set(instance: models.Model, changes: dict[str, Any]) -> None:
    for field, value in changes.items():
        setattr(instance, field, value)


def span_place(fact: Evidence, *, words: str | None, span: Span | None, field: str) -> None:
    """Point the fact at its source's own words: the span given (the ingestion found it), or the
    first place the words occur (an editor pasted them). A failure is raised at once: without
    its words the fact cannot be checked against its source."""
    if (words is None) == (span is None):
        raise TypeError("Give the fact's words or its span, not both.")
    if span is not None:
        fact.span_start, fact.span_end = span
        return
    try:
        fact.span_start, fact.span_end = locate_words(fact.article.body, words)
    except ValueError as exc:
        raise ValidationError({field: str(exc)}) from exc


def future_dates_errors(fact: Evidence, *fields: str) -> Errors:
    """Facts are reported, not forecast: none of these dates lies after today."""
    today = timezone.localdate()
    return {
        field: [f"{getattr(fact, field)} is in the future: a reported fact has happened."]
        for field in fields
        if isinstance(getattr(fact, field), dt.date) and getattr(fact, field) > today
    }


def known_relations(instance: models.Model) -> list[str]:
    """Foreign keys set to an object already read or saved in this process: Django's check that
    it exists would cost a query per key per fact (an article's facts: a tenth of its queries),
    and the database's foreign-key constraint holds it anyway."""
    known = []
    for field in instance._meta.concrete_fields:
        if not field.many_to_one:
            continue
        related = instance._state.fields_cache.get(field.name)
        if (
            related is not None
            and related.pk is not None
            and not related._state.adding
            and related.pk == getattr(instance, field.attname)
        ):
            known.append(field.name)
    return known


def validate(instance: models.Model, errors: Errors) -> None:
    """Field validation and the model's ``clean()`` (a span inside its source, a quote equal to
    its words), reported together with the service's own errors. Fields already in error are
    left out, so a rule is not reported twice. Constraints are the database's: checking them
    here too would cost a query per constraint per fact."""
    try:
        instance.full_clean(
            exclude=[*errors, *known_relations(instance)],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)


def review_apply(fact: Evidence, *, status: str, user: User) -> None:
    settled = status != ReviewStatus.EXTRACTED
    fact.review_status = status
    fact.reviewed_by = user if settled else None
    fact.reviewed_at = timezone.now() if settled else None


def edit_review(fact: Evidence, changes: dict[str, Any], user: User) -> None:
    """An editor's edit is a review, unless the edit sets the review status itself."""
    if "review_status" in changes:
        review_apply(fact, status=changes.pop("review_status"), user=user)
    elif user is not None:
        review_apply(fact, status=ReviewStatus.REVIEWED, user=user)


def row_lock(instance: models.Model) -> dict[str, Any]:
    """Lock the row until the transaction ends and read it again: an edit applies to what is
    stored now, not to what its caller read earlier, so a concurrent edit of another field is
    kept, and two edits of one row wait for each other (the last to commit wins for a field both
    change). Returns the stored values, for ``changed_save``."""
    model = type(instance)
    list(model._base_manager.select_for_update().filter(pk=instance.pk).values_list("pk"))
    instance.refresh_from_db()
    return _values(instance)


def changed_save(instance: models.Model, stored: dict[str, Any]) -> None:
    """Save only the fields that differ from ``stored`` (and the time of the change): a write
    never puts back a value it did not mean to change."""
    changed = [name for name, value in _values(instance).items() if stored[name] != value]
    if any(field.name == "updated_at" for field in instance._meta.concrete_fields):
        changed.append("updated_at")
    if changed:
        instance.save(update_fields=changed)


def _values(instance: models.Model) -> dict[str, Any]:
    return {
        field.name: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if not field.primary_key
    }


@contextmanager
def unchanged_on_error(instance: models.Model) -> Iterator[None]:
    """An update that fails leaves the caller's object as stored: the admin and the API show
    it again, and must not show changes that were never saved."""
    try:
        yield
    except (ValidationError, IntegrityError):
        instance.refresh_from_db()
        raise


def rows_update(model: type[models.Model], fields: list[str], rows: list[tuple]) -> None:
    """``UPDATE`` each row by primary key: ``rows`` are (value of each field..., pk). One
    prepared statement executed per row: Django's ``bulk_update`` compiles a CASE per row and
    field, which took seconds for the eight hundred rows an import moves each day. The caller
    validated the values; nothing here runs ``save()`` (no ``auto_now``, no history)."""
    if not rows:
        return
    columns = ", ".join(
        f"{connection.ops.quote_name(model._meta.get_field(name).column)} = %s" for name in fields
    )
    table = connection.ops.quote_name(model._meta.db_table)
    primary_key = connection.ops.quote_name(model._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET {columns} WHERE {primary_key} = %s", rows)
