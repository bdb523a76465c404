"""An article's page: its text with every extracted fact highlighted in place."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from articles.highlight import Mark, segments
from sanctuary.web.reader_cache import cached_for_readers
from stances.models import ReviewStatus
from stances.selectors.articles import article_with_facts


def _marks(article) -> list[Mark]:
    facts = [
        *(("statement", f) for f in article.visible_statements),
        *(("event", f) for f in article.visible_events),
        *(("policy", f) for f in article.visible_policies),
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
    return render(
        request,
        "articles/article.html",
        {"article": article, "segments": segments(article.body, _marks(article))},
    )
