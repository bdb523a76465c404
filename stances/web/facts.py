"""A fact's own page (its permalink): the fact, its words in their paragraph, where it came from,
and how to cite it."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from articles.highlight import words_in_context
from sanctuary.web.reader_cache import cached_for_readers
from stances.selectors.facts import fact_for_page

from .citations import fact_citation


@require_GET
@cached_for_readers
def fact(request, kind: str, pk: int):
    found = fact_for_page(kind, pk)
    if found is None:
        raise Http404("No such fact.")
    context = {
        "fact": found,
        "kind": kind,
        "words": words_in_context(found.article.body, found.span_start, found.span_end),
        "citation": fact_citation(found),
    }
    return render(request, "stances/fact.html", context)
