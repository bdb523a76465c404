"""Query parameters as strict as the schema says: ISO dates, ids, bounded text, full-text search.

django-filter fields and filters that turn a client's mistake into a 400 naming the parameter,
never into a silent fallback; shared by every list of the API and the pages.
"""

from __future__ import annotations

import re

import django_filters as filters
from django import forms
from django.db import connection
from django.db.models import Q, QuerySet
from drf_spectacular.utils import extend_schema_field

MAX_ID = 2**63 - 1  # BigAutoField: a larger id names nothing, and SQLite cannot even compare it


class IsoDateField(forms.DateField):
    """YYYY-MM-DD only, as the API schema says: Django would also read "10/25/2006" (as
    October) and "2024-1-5", so a client's mistake could pass for a different date."""

    input_formats = ["%Y-%m-%d"]
    pattern = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

    def to_python(self, value):
        if isinstance(value, str) and value and not self.pattern.fullmatch(value):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class IsoDateFilter(filters.DateFilter):
    field_class = IsoDateField


def documented(filter_: filters.Filter, schema: dict) -> filters.Filter:
    """The filter's parameter in the API schema, with the bounds the form field enforces."""
    description = filter_.extra.get("help_text", "")
    return extend_schema_field({**schema, "description": description})(filter_)


class IdField(forms.IntegerField):
    pattern = re.compile(r"[0-9]+")  # ASCII digits: int() would also read "١٢" or "1_0"

    def to_python(self, value):
        if isinstance(value, str) and value and not self.pattern.fullmatch(value):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class IdFilter(filters.NumberFilter):
    """A row id: a whole number in the id range (not "1.5", not 10**30)."""

    field_class = IdField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=1, max_value=MAX_ID, **kwargs)
        documented(self, {"type": "integer", "minimum": 1, "maximum": MAX_ID})


class TextFilter(filters.CharFilter):
    """Text of at most ``max_length`` characters: a longer value is a 400, not a slow search
    for something no row can hold."""

    def __init__(self, *args, max_length: int = 200, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)
        documented(self, {"type": "string", "maxLength": max_length})


class SearchFilter(TextFilter):
    """Text search over the given fields (full-text on PostgreSQL)."""

    def __init__(self, *args, search_fields: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.search_fields = search_fields

    def filter(self, qs, value):
        return text_search(qs, self.search_fields, value) if value else qs


class SlugFilter(TextFilter):
    """A related object by slug, looked up first so the database filters on its id: with the id
    known, PostgreSQL walks the (foreign key, date, id) index and stops after one page, where a
    join on the slug makes it fetch and sort every matching row."""

    def __init__(self, *args, model, **kwargs):
        super().__init__(*args, **kwargs)
        self.related_model = model  # not "model": django-filter's filters already have one

    def filter(self, qs, value):
        if not value:
            return qs
        pk = self.related_model.objects.filter(slug=value).values_list("pk", flat=True).first()
        return qs.filter(**{f"{self.field_name}_id": pk}) if pk else qs.none()


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
