"""The home page: the map, headline numbers and the table of jurisdictions with evidence."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from sanctuary.web.query import kept
from sanctuary.web.reader_cache import cached_for_readers
from stances.filters import JurisdictionFilter, StanceQueryForm
from stances.models import Indicator, Stance
from stances.selectors.jurisdictions import (
    jurisdiction_rows,
    jurisdictions_with_counts,
    with_evidence,
)

from .. import dashboard
from ..responses import invalid_filters
from . import page as map_page
from .scrubber import scrubber


@require_safe
@cached_for_readers
def home(request, template_name: str = "stances/map.html"):
    """The map, headline numbers and table of jurisdictions with evidence (or, in another
    template, the map alone: ``embeds.embed_map``)."""
    filters = JurisdictionFilter(request.GET, queryset=jurisdictions_with_counts())
    stance_form = StanceQueryForm(request.GET)
    context = {"filters": filters, "stance_form": stance_form, "indicators": Indicator.choices}
    if not (filters.is_valid() and stance_form.is_valid()):
        return invalid_filters(request, template_name, context, filters.form, stance_form)
    as_of = stance_form.cleaned_data["as_of"]
    rows = jurisdiction_rows(
        with_evidence(filters.qs),
        as_of=as_of,
        stance=stance_form.cleaned_data["stance"] or None,
        indicators=stance_form.indicator_values(),
    )
    page = map_page.map_page(
        rows, as_of=as_of, sort=request.GET.get("sort", "name"), table_page=request.GET.get("page")
    )
    # Links keep the filters and the order, and nothing else (a stored page is keyed by what
    # it reads: sanctuary.web.query).
    query = kept(request.GET, [*filters.form.fields, *stance_form.fields, "sort"])
    sorted_query = query.urlencode()  # the table's pages keep its order
    query.pop("sort", None)
    context.update(
        page=page,
        stances=Stance.choices,
        query=query.urlencode(),
        sorted_query=sorted_query,
        # Says "no jurisdictions yet" apart from "none match these filters".
        filtered=any(query.values()),
        last_updated=dashboard.last_updated(),
        scrubber=scrubber(as_of),
        models_287g=filters.form.fields["model_287g"].choices,
        embed_path=reverse("embed-map") + (f"?{query.urlencode()}" if query else ""),
    )
    return render(request, template_name, context)
