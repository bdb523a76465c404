"""The pages: read the query, call a selector, render. Figures come from ``charts``."""

import functools

from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from . import dashboard, selectors
from .caching import cached_for_readers
from .filters import JurisdictionFilter, StanceQueryForm, StatementFilter
from .forms import TimelineForm
from .models import Indicator, Stance
from .pagination import CachedCountPaginator


def _invalid(request, template: str, context: dict, *forms):
    """400, with every error listed at the top (some fields have no place of their own)."""
    errors = [
        (name if name != "__all__" else "", message)
        for form in forms
        for name, messages in form.errors.items()
        for message in messages
    ]
    return render(
        request, template, {**context, "invalid": True, "filter_errors": errors}, status=400
    )


@require_GET
@cached_for_readers
def home(request):
    """The map, headline numbers and table of jurisdictions with evidence."""
    filters = JurisdictionFilter(request.GET, queryset=selectors.jurisdictions_with_counts())
    stance_form = StanceQueryForm(request.GET)
    context = {"filters": filters, "stance_form": stance_form, "indicators": Indicator.choices}
    if not (filters.is_valid() and stance_form.is_valid()):
        return _invalid(request, "stances/map.html", context, filters.form, stance_form)
    rows = selectors.jurisdiction_rows(
        selectors.with_evidence(filters.qs),
        as_of=stance_form.cleaned_data["as_of"],
        stance=stance_form.cleaned_data["stance"] or None,
        indicators=stance_form.indicator_values(),
    )
    page = dashboard.map_page(
        rows, sort=request.GET.get("sort", "name"), table_page=request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
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
    )
    return render(request, "stances/map.html", context)


@require_GET
@cached_for_readers
def timeline(request):
    form = TimelineForm(request.GET)
    if not form.is_valid():
        return _invalid(request, "stances/timeline.html", {"form": form}, form)
    facts = dashboard.timeline_facts(form.filter_params(), types=form.types())
    by_place = form.cleaned_data["lanes"] == "jurisdiction"
    return render(
        request,
        "stances/timeline.html",
        {
            "form": form,
            "selected_types": form.types(),
            "timeline": dashboard.timeline(facts, lanes_by_jurisdiction=by_place),
        },
    )


@require_GET
@cached_for_readers
def jurisdiction(request, slug: str):
    stance_form = StanceQueryForm(request.GET)
    if not stance_form.is_valid():
        return _invalid(
            request, "stances/jurisdiction.html", {"stance_form": stance_form}, stance_form
        )
    try:
        detail = selectors.jurisdiction_detail(slug, as_of=stance_form.cleaned_data["as_of"])
    except selectors.Jurisdiction.DoesNotExist:
        raise Http404("No jurisdiction with that name.") from None
    facts = dashboard.timeline_facts({"jurisdiction": slug}, types=dashboard.TIMELINE_TYPES)
    context = {
        "detail": detail,
        "row": detail.row,
        "stance_form": stance_form,
        "facts": facts,
        "timeline": dashboard.timeline(facts, height=300),
        "policies_by_id": {policy.pk: policy for policy in facts.get("policies", [])},
        "arrests": detail.row.jurisdiction.arrests,
    }
    return render(request, "stances/jurisdiction.html", context)


@require_GET
@cached_for_readers
def statements(request):
    filters = StatementFilter(
        request.GET, queryset=selectors.visible(selectors.statement_queryset())
    )
    if not filters.is_valid():
        return _invalid(request, "stances/statements.html", {"filters": filters}, filters.form)
    page = CachedCountPaginator(filters.qs, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "stances/statements.html",
        {"filters": filters, "page": page, "query": query.urlencode()},
    )


@require_GET
@cached_for_readers
def about(request):
    return render(
        request,
        "stances/about.html",
        {
            "last_updated": dashboard.last_updated(),
            "review_counts": dashboard.review_counts(),
            "indicators": Indicator.choices,
        },
    )


# Redoc's sidebar shows Redocly's logo from their CDN, always (no Redoc option turns it off), and
# no page may fetch from another host (the CSP blocks it, and the browser reports the attempt).
# The API docs therefore load the sidecar's bundle through here, the logo swapped for a blank.
REDOC_BUNDLE = "drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"
REDOC_LOGO = b"https://cdn.redoc.ly/redoc/logo-mini.svg"
BLANK_IMAGE = b"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E"


@functools.cache
def _redoc_bundle() -> bytes:
    with open(finders.find(REDOC_BUNDLE), "rb") as bundle:
        return bundle.read().replace(REDOC_LOGO, BLANK_IMAGE)


@require_GET
@cache_control(public=True, max_age=86400)
def redoc_bundle(request):
    return HttpResponse(_redoc_bundle(), content_type="text/javascript; charset=utf-8")
