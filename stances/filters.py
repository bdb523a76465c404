"""Filters (django-filter) shared by the API and the pages: the same names in both URLs."""

from __future__ import annotations

import re

import django_filters as filters
from django import forms
from django.db.models import Q
from drf_spectacular.utils import extend_schema_field

from .models import (
    DatePrecision,
    Direction,
    EnforcementEvent,
    EventKind,
    Indicator,
    Jurisdiction,
    JurisdictionKind,
    Official,
    PolicyAction,
    PolicyKind,
    ReviewStatus,
    SpeakerKind,
    Stance,
    Statement,
    StatementStance,
)
from .selectors import text_search

INDICATOR_VALUES = [*Direction.choices, ("unknown", "Unknown")]
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


class JurisdictionFilter(filters.FilterSet):
    """Stance and indicator filters are applied after the stance is derived (see the view)."""

    state = TextFilter(
        field_name="state", lookup_expr="iexact", max_length=2, help_text="USPS code, e.g. WI."
    )
    kind = filters.ChoiceFilter(choices=JurisdictionKind.choices)
    q = TextFilter(field_name="name", lookup_expr="icontains", help_text="Part of the name.")

    class Meta:
        model = Jurisdiction
        fields = ["state", "kind", "q"]


class StanceQueryForm(forms.Form):
    """Query parameters of the derived stance: validated like any other filter."""

    as_of = IsoDateField(required=False, help_text="YYYY-MM-DD: stances as they stood that day.")
    stance = forms.ChoiceField(choices=[("", "any"), *Stance.choices], required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in Indicator.values:
            self.fields[name] = forms.ChoiceField(
                choices=[("", "any"), *INDICATOR_VALUES], required=False
            )

    def indicator_values(self) -> dict[str, str]:
        return {
            name: self.cleaned_data[name] for name in Indicator.values if self.cleaned_data[name]
        }


def with_date_range_params(filterset: type[filters.FilterSet]) -> type[filters.FilterSet]:
    """Expose ``date_from`` / ``date_to`` as ``from`` / ``to`` in URLs (``from`` is a Python
    keyword, so it cannot be an attribute name)."""
    filterset.base_filters["from"] = filterset.base_filters.pop("date_from")
    filterset.base_filters["to"] = filterset.base_filters.pop("date_to")
    return filterset


class FactFilter(filters.FilterSet):
    """What every fact can be filtered by."""

    jurisdiction = SlugFilter(
        field_name="jurisdiction",
        model=Jurisdiction,
        help_text="Jurisdiction slug, e.g. madison-wi.",
    )
    state = TextFilter(
        field_name="jurisdiction__state", lookup_expr="iexact", max_length=2, help_text="USPS code."
    )
    review_status = filters.ChoiceFilter(choices=ReviewStatus.choices)
    article = IdFilter(field_name="article_id", help_text="Source article id.")
    date_precision = filters.ChoiceFilter(choices=DatePrecision.choices)


@with_date_range_params
class StatementFilter(FactFilter):
    speaker = SlugFilter(field_name="speaker", model=Official, help_text="Speaker slug.")
    stance = filters.ChoiceFilter(choices=StatementStance.choices)
    date_from = IsoDateFilter(
        field_name="said_on", lookup_expr="gte", help_text="Said on or after (YYYY-MM-DD)."
    )
    date_to = IsoDateFilter(
        field_name="said_on", lookup_expr="lte", help_text="Said on or before (YYYY-MM-DD)."
    )
    q = SearchFilter(search_fields=["quote"], help_text="Text search in the quotes.")

    class Meta:
        model = Statement
        fields = ["jurisdiction", "state", "speaker", "stance", "review_status", "article"]


@with_date_range_params
class EventFilter(FactFilter):
    kind = filters.ChoiceFilter(choices=EventKind.choices)
    date_from = IsoDateFilter(
        field_name="starts_on", lookup_expr="gte", help_text="Starting on or after (YYYY-MM-DD)."
    )
    date_to = IsoDateFilter(
        field_name="starts_on", lookup_expr="lte", help_text="Starting on or before (YYYY-MM-DD)."
    )
    q = SearchFilter(
        search_fields=["name", "summary"], help_text="Text search in names, summaries."
    )

    class Meta:
        model = EnforcementEvent
        fields = ["jurisdiction", "state", "kind", "review_status", "article"]


@with_date_range_params
class PolicyFilter(FactFilter):
    kind = filters.ChoiceFilter(choices=PolicyKind.choices)
    indicator = filters.ChoiceFilter(
        field_name="effects__indicator", choices=Indicator.choices, distinct=True
    )
    direction = filters.ChoiceFilter(
        field_name="effects__direction", choices=Direction.choices, distinct=True
    )
    date_from = IsoDateFilter(
        field_name="effective_on", lookup_expr="gte", help_text="Effective on or after."
    )
    date_to = IsoDateFilter(
        field_name="effective_on", lookup_expr="lte", help_text="Effective on or before."
    )
    q = SearchFilter(search_fields=["summary"], help_text="Text search in the summaries.")

    class Meta:
        model = PolicyAction
        fields = ["jurisdiction", "state", "kind", "indicator", "direction", "review_status"]


class OfficialFilter(filters.FilterSet):
    jurisdiction = SlugFilter(field_name="jurisdiction", model=Jurisdiction)
    state = TextFilter(
        field_name="jurisdiction__state", lookup_expr="iexact", max_length=2, help_text="USPS code."
    )
    kind = filters.ChoiceFilter(choices=SpeakerKind.choices)
    q = TextFilter(method="search", help_text="Part of the name, role or affiliation.")

    class Meta:
        model = Official
        fields = ["jurisdiction", "state", "kind"]

    def search(self, queryset, name, value):
        # Names are matched by substring: full-text stemming would miss a partial surname.
        return queryset.filter(
            Q(name__icontains=value) | Q(role__icontains=value) | Q(affiliation__icontains=value)
        )
