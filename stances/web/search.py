"""Search by name: the header's box takes the reader to a place's or a person's page; its
suggestions (and the filters') come from a small JSON answer on this site."""

from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from sanctuary.web.reader_cache import cached_for_readers
from stances.selectors.search import find, only_match

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
