"""A jurisdiction's page: its stance and the evidence behind it, its history and its facts; and
search by name, which takes the reader to a place's (or a person's) page, with suggestions
from a small JSON answer of this site."""

from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from sanctuary.web.reader_cache import cached_for_readers
from stances.filters import StanceQueryForm
from stances.models import Jurisdiction
from stances.rules.verdict import verdict
from stances.selectors.agreements import place_listings
from stances.selectors.facts import declarations_of
from stances.selectors.layers import layered_detail
from stances.selectors.search import find, only_match

from . import dashboard
from .citations import place_citation
from .responses import invalid_filters


@require_safe
@cached_for_readers
def jurisdiction(request, slug: str):
    stance_form = StanceQueryForm(request.GET)
    if not stance_form.is_valid():
        return invalid_filters(
            request, "stances/jurisdiction.html", {"stance_form": stance_form}, stance_form
        )
    try:
        detail = layered_detail(slug, as_of=stance_form.cleaned_data["as_of"])
    except Jurisdiction.DoesNotExist:
        raise Http404("No jurisdiction with that name.") from None
    facts = dashboard.timeline_facts({"jurisdiction": slug}, types=dashboard.TIMELINE_TYPES)
    place = detail.row.jurisdiction
    kinds = {pk: policy.get_kind_display() for pk, policy in detail.row.policies.items()}
    sources = {fact.article_id for rows in facts.values() for fact in rows}
    sources |= {policy.article_id for policy in detail.row.policies.values()}
    summary = getattr(place, "summary", None)
    context = {
        "detail": detail,
        "verdict": verdict(place.name, detail.row.stance, kinds),
        "source_count": len(sources),
        "last_checked": summary.refreshed_at if summary else None,
        "row": detail.row,
        "stance_form": stance_form,
        "facts": facts,
        "timeline": dashboard.timeline(facts, height=300),
        "policies_by_id": {policy.pk: policy for policy in facts.get("policies", [])},
        "arrests": detail.row.jurisdiction.arrests,
        "declarations": declarations_of(detail.row.jurisdiction),
        "citation": place_citation(detail.row.jurisdiction),
        "listings": place_listings(detail.row.jurisdiction),
    }
    return render(request, "stances/jurisdiction.html", context)


# Search by name ----------------------------------------------------------------------------

KINDS = {"place": ("place",), "person": ("person",)}
MAX_QUERY = 200


def _query(request) -> str:
    return " ".join(request.GET.get("q", "").split())[:MAX_QUERY]


@require_safe
@cached_for_readers
def search(request):
    """The one match's page, or the list of matches (none: say so)."""
    text = _query(request)
    found = find(text, limit=25) if text else []
    match = only_match(found, text) if text else None
    if match is not None:
        return redirect(match.url)
    return render(request, "stances/search.html", {"q": text, "found": found})


@require_safe
@cached_for_readers
def suggest(request):
    """Up to ten places and ten people whose name contains ``q`` (two characters or more);
    ``kind=place`` or ``kind=person`` for one of them."""
    text = _query(request)
    kinds = KINDS.get(request.GET.get("kind", ""), ("place", "person"))
    found = find(text, kinds=kinds) if len(text) >= 2 else []
    results = [{"label": f.label, "kind": f.kind, "url": f.url, "slug": f.slug} for f in found]
    return JsonResponse({"results": results})
