"""The timeline: statements, policy actions and enforcement events on one time axis."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from sanctuary.web.reader_cache import cached_for_readers

from . import dashboard
from .forms import TimelineForm
from .responses import invalid_filters


@require_safe
@cached_for_readers
def timeline(request):
    form = TimelineForm(request.GET)
    if not form.is_valid():
        return invalid_filters(request, "stances/timeline.html", {"form": form}, form)
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
