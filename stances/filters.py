"""Filters (django-filter) shared by the API and the pages: the same names in both URLs."""

from __future__ import annotations

import datetime as dt

import django_filters as filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanctuary.api.filters import (
    IdFilter,
    IsoDateField,
    IsoDateFilter,
    SearchFilter,
    TextFilter,
    documented,
)

from .models import (
    AgreementListing,
    AgreementModel,
    DatePrecision,
    Declaration,
    Direction,
    EnforcementEvent,
    EventKind,
    Indicator,
    Jurisdiction,
    JurisdictionKind,
    Official,
    PolicyAction,
    PolicyKind,
    PolicyStatus,
    ReviewStatus,
    SpeakerKind,
    SpeakerLevel,
    Stance,
    Statement,
    StatementStance,
)
from .rules.names import split_place, state_code

INDICATOR_VALUES = [*Direction.choices, ("unknown", gettext_lazy("Unknown"))]
SHOWN_CHOICES = 5  # places named in the error when a name fits several


def _listed(rows) -> str:
    return "; ".join(str(row) for row in rows[:SHOWN_CHOICES])


def place_pk(text: str) -> int:
    """The place a reader named by slug ("atlanta-ga") or by name ("Atlanta", "Atlanta, GA",
    "Fulton County, Georgia"); a name that fits none or several is an error saying so."""
    pk = Jurisdiction.objects.filter(slug=text).values_list("pk", flat=True).first()
    if pk:
        return pk
    name, code = split_place(text)
    found = Jurisdiction.objects.filter(name__iexact=name)
    if code:
        found = found.filter(state=code)
    found = list(found.order_by("-population", "state")[: SHOWN_CHOICES + 1])
    if len(found) == 1:
        return found[0].pk
    if not found:
        raise forms.ValidationError(
            _("No place is named or has the slug “%(value)s”."), params={"value": text}
        )
    raise forms.ValidationError(
        _("“%(value)s” names several places (%(found)s): add the state, as in “%(first)s”."),
        params={"value": text, "found": _listed(found), "first": found[0]},
    )


def official_pk(text: str) -> int:
    """The speaker a reader named by slug or by full name; none or several is an error."""
    pk = Official.objects.filter(slug=text).values_list("pk", flat=True).first()
    if pk:
        return pk
    found = list(Official.objects.filter(name__iexact=" ".join(text.split()))[:SHOWN_CHOICES])
    if len(found) == 1:
        return found[0].pk
    if not found:
        raise forms.ValidationError(
            _("No speaker is named or has the slug “%(value)s”."), params={"value": text}
        )
    raise forms.ValidationError(
        _("“%(value)s” names several speakers: choose one by its slug."), params={"value": text}
    )


class NamedField(forms.CharField):
    """A place or a speaker, by slug or by name: cleaned to its id."""

    def __init__(self, *args, resolve, **kwargs):
        super().__init__(*args, **kwargs)
        self.resolve = resolve

    def clean(self, value):
        value = super().clean(value)
        return self.resolve(value) if value else None


class NamedFilter(TextFilter):
    """A related place or speaker by slug or name, resolved once (its id) so the database
    filters on the foreign key; one that names nothing is a 400 saying so, never an empty list."""

    field_class = NamedField

    def filter(self, qs, value):
        return qs if value is None else qs.filter(**{f"{self.field_name}_id": value})


class StateField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return ""
        code = state_code(value)
        if code is None:
            raise forms.ValidationError(
                _("“%(value)s” is not a state's name or USPS code."), params={"value": value}
            )
        return code


class StateFilter(TextFilter):
    """A state by USPS code or name ("GA", "ga", "Georgia")."""

    field_class = StateField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("help_text", "A state's USPS code or name, e.g. WI or Wisconsin.")
        super().__init__(*args, lookup_expr="exact", **kwargs)


BOOLEAN_CHOICES = [("true", "true"), ("false", "false")]


class JurisdictionFilter(filters.FilterSet):
    """Stance and indicator filters are applied after the stance is derived (see the view)."""

    state = StateFilter(field_name="state")
    kind = filters.ChoiceFilter(choices=JurisdictionKind.choices)
    q = TextFilter(field_name="name", lookup_expr="icontains", help_text="Part of the name.")
    # ICE's 287(g) lists, on the day the stance is asked for (``as_of``, else today).
    model_287g = filters.ChoiceFilter(
        choices=AgreementModel.choices,
        method="filter_model_287g",
        help_text="Places with a 287(g) agreement of this model in force (ICE's list).",
    )
    pending_287g = documented(
        filters.ChoiceFilter(
            choices=BOOLEAN_CHOICES,
            method="filter_pending_287g",
            help_text="true: places with a request for a 287(g) agreement on ICE's pending "
            "list (a request changes no stance); false: places without one.",
        ),
        {"type": "boolean"},
    )

    evidence = documented(
        filters.ChoiceFilter(
            choices=BOOLEAN_CHOICES,
            method="filter_evidence",
            help_text="true: only places with at least one statement, policy or event (the "
            "map's table); false: only places without any.",
        ),
        {"type": "boolean"},
    )

    class Meta:
        model = Jurisdiction
        fields = ["state", "kind", "q", "model_287g", "pending_287g", "evidence"]

    def filter_evidence(self, queryset, name, value):
        some = (
            Q(summary__statement_count__gt=0)
            | Q(summary__policy_count__gt=0)
            | Q(summary__event_count__gt=0)
        )
        return queryset.filter(some if value == "true" else ~some)

    def day(self) -> dt.date:
        """The ``as_of`` day asked for (validated by ``StanceQueryForm``), else today."""
        try:
            return dt.date.fromisoformat(str(self.data.get("as_of") or ""))
        except ValueError:
            return timezone.localdate()

    def filter_model_287g(self, queryset, name, value):
        listed = AgreementListing.objects.in_force(self.day()).filter(model=value)
        return queryset.filter(Exists(listed.filter(jurisdiction=OuterRef("pk"))))

    def filter_pending_287g(self, queryset, name, value):
        listed = AgreementListing.objects.pending_on(self.day())
        waiting = Exists(listed.filter(jurisdiction=OuterRef("pk")))
        return queryset.filter(waiting if value == "true" else ~waiting)


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

    jurisdiction = NamedFilter(
        field_name="jurisdiction",
        resolve=place_pk,
        help_text="A place's slug (madison-wi) or name (Madison, Madison, WI).",
    )
    state = StateFilter(field_name="jurisdiction__state")
    review_status = filters.ChoiceFilter(choices=ReviewStatus.choices)
    article = IdFilter(field_name="article_id", help_text="Source article id.")
    date_precision = filters.ChoiceFilter(choices=DatePrecision.choices)


@with_date_range_params
class StatementFilter(FactFilter):
    speaker = NamedFilter(
        field_name="speaker",
        resolve=official_pk,
        help_text="A speaker's slug (satya-rhodes-conway) or full name.",
    )
    stance = filters.ChoiceFilter(choices=StatementStance.choices)
    date_from = IsoDateFilter(
        field_name="said_on", lookup_expr="gte", help_text="Said on or after (YYYY-MM-DD)."
    )
    date_to = IsoDateFilter(
        field_name="said_on", lookup_expr="lte", help_text="Said on or before (YYYY-MM-DD)."
    )
    q = SearchFilter(
        search_fields=["quote", "speaker__name"],
        help_text="Text search in the quotes and the speakers' names.",
    )

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
    status = filters.ChoiceFilter(
        choices=PolicyStatus.choices, help_text="proposed: pending requests, bills; never counted."
    )
    indicator = filters.ChoiceFilter(
        field_name="effects__indicator", choices=Indicator.choices, distinct=True
    )
    direction = filters.ChoiceFilter(
        field_name="effects__direction", choices=Direction.choices, distinct=True
    )
    model = filters.ChoiceFilter(
        field_name="listing__model",
        choices=AgreementModel.choices,
        help_text="287(g) agreements (and requests) from ICE's lists, by model.",
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
        fields = [
            "jurisdiction",
            "state",
            "kind",
            "status",
            "indicator",
            "direction",
            "model",
            "review_status",
        ]


class OfficialFilter(filters.FilterSet):
    jurisdiction = NamedFilter(
        field_name="jurisdiction", resolve=place_pk, help_text="A place's slug or name."
    )
    state = StateFilter(field_name="jurisdiction__state")
    kind = filters.ChoiceFilter(choices=SpeakerKind.choices)
    level = filters.ChoiceFilter(choices=SpeakerLevel.choices)
    q = TextFilter(method="search", help_text="Part of the name, role or affiliation.")

    class Meta:
        model = Official
        fields = ["jurisdiction", "state", "kind", "level"]

    def search(self, queryset, name, value):
        # Names are matched by substring: full-text stemming would miss a partial surname.
        return queryset.filter(
            Q(name__icontains=value) | Q(role__icontains=value) | Q(affiliation__icontains=value)
        )


@with_date_range_params
class DeclarationFilter(FactFilter):
    negated = documented(
        filters.ChoiceFilter(
            choices=[("true", "true"), ("false", "false")],
            method="filter_negated",
            help_text="true: denials (not a sanctuary city).",
        ),
        {"type": "boolean"},
    )
    date_from = IsoDateFilter(
        field_name="declared_on", lookup_expr="gte", help_text="Declared on or after."
    )
    date_to = IsoDateFilter(
        field_name="declared_on", lookup_expr="lte", help_text="Declared on or before."
    )
    q = SearchFilter(search_fields=["label"], help_text="Text search in the labels.")

    class Meta:
        model = Declaration
        fields = ["jurisdiction", "state", "review_status", "article", "negated"]

    def filter_negated(self, queryset, name, value):
        return queryset.filter(negated=value == "true")
