"""Embeds: the map and a place's card, made for an iframe on any other site.

Only these views may be framed. Every other page keeps ``X-Frame-Options: DENY`` and
``frame-ancestors 'none'`` (settings). An embed keeps the rest of the site's
Content-Security-Policy: no inline script, nothing fetched from another host."""

from __future__ import annotations

import functools

from csp.constants import HEADER
from csp.utils import build_policy
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from sanctuary.web.reader_cache import cached_for_readers
from stances.filters import StanceQueryForm
from stances.models import Jurisdiction
from stances.rules.verdict import verdict
from stances.selectors.layers import layered_detail

from .map import home
from .responses import invalid_filters

# Any site may frame an embed (http and https pages alike).
FRAMED_BY_ANYONE = {"frame-ancestors": ["http:", "https:"]}


def embeddable(view):
    """Lets any site frame the view's answers, stored ones included.

    The policy is written on the response itself, inside the reader cache, so a stored answer
    keeps it (the CSP middleware leaves a response that already has one alone)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.xframe_options_exempt = True
        response[HEADER] = build_policy(replace=FRAMED_BY_ANYONE)
        return response

    return wrapper


@embeddable
def embed_map(request):
    """The map with any of the home page's filters and an "as of" date, and nothing else."""
    return home.home(request, template_name="stances/embed/map.html")


@embeddable
@require_safe
@cached_for_readers
def embed_jurisdiction(request, slug: str):
    """A compact card: the place's one-line verdict, its stance and what applies to residents
    across the layers, its indicators, its sources, when the data last changed."""
    stance_form = StanceQueryForm(request.GET)
    if not stance_form.is_valid():
        context = {"stance_form": stance_form}
        return invalid_filters(request, "stances/embed/jurisdiction.html", context, stance_form)
    try:
        detail = layered_detail(slug, as_of=stance_form.cleaned_data["as_of"])
    except Jurisdiction.DoesNotExist:
        raise Http404("No jurisdiction with that name.") from None
    row = detail.row
    kinds = {pk: policy.get_kind_display() for pk, policy in row.policies.items()}
    context = {
        "detail": detail,
        "row": row,
        "verdict": verdict(row.jurisdiction.name, row.stance, kinds),
        # the place's own last change: a card is stored until a write to this place (or its
        # layers) drops it, so a site-wide date would go stale on it
        "last_updated": getattr(getattr(row.jurisdiction, "summary", None), "refreshed_at", None),
    }
    return render(request, "stances/embed/jurisdiction.html", context)
