"""An article's page: its text with every extracted fact highlighted in place."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from articles.highlight import Mark, data_rows, segments
from articles.models import SourceKind
from sanctuary.web.reader_cache import cached_for_readers
from stances.models import ReviewStatus
from stances.selectors.articles import article_with_facts

from .citations import source_citation


def _marks(article) -> list[Mark]:
    facts = [
        *(("statement", f) for f in article.visible_statements),
        *(("event", f) for f in article.visible_events),
        *(("policy", f) for f in article.visible_policies),
        *(("declaration", f) for f in article.visible_declarations),
    ]
    return [
        Mark(
            f"{kind}-{fact.pk}",
            kind,
            fact.span_start,
            fact.span_end,
            fact.review_status == ReviewStatus.REVIEWED,
        )
        for kind, fact in facts
    ]


@require_safe
@cached_for_readers
def article(request, pk: int):
    """The article's text with every extracted fact highlighted in place and listed below."""
    article = get_object_or_404(article_with_facts(), pk=pk)
    if article.kind == SourceKind.DATASET:
        return _dataset(request, article)
    return render(
        request,
        "articles/article.html",
        {
            "article": article,
            "segments": segments(article.body, _marks(article)),
            "citation": source_citation(article),
        },
    )


def _dataset(request, article):
    """A snapshot of an official dataset: its rows as a table, each fact's row highlighted and
    linked to the place it is evidence for, under the snapshot's provenance."""
    [header, *rows] = data_rows(article.body, _marks(article)) or [None]
    facts = {f"policy-{p.pk}": p for p in article.visible_policies}
    context = {
        "article": article,
        "header": header,
        "rows": rows,
        "facts": facts,
        "citation": source_citation(article),
    }
    return render(request, "articles/dataset.html", context)
