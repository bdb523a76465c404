"""An article with everything extracted from it: the article page and the API's article detail."""

from django.db.models import Prefetch, QuerySet

from articles.models import Article
from articles.selectors import article_list
from stances.models import Jurisdiction, Official

from .facts import (
    declaration_queryset,
    event_queryset,
    policy_queryset,
    statement_queryset,
    visible,
)


def article_with_facts(*, include_rejected: bool = False) -> QuerySet[Article]:
    """Articles with everything extracted from them, in a constant number of queries."""

    def shown(queryset):
        return visible(queryset, include_rejected=include_rejected)

    return article_list().prefetch_related(
        Prefetch("jurisdictions", queryset=Jurisdiction.objects.order_by("name")),
        Prefetch("officials", queryset=Official.objects.order_by("name")),
        Prefetch(
            "statements",
            queryset=shown(statement_queryset()).order_by("span_start"),
            to_attr="visible_statements",
        ),
        Prefetch(
            "enforcementevents",
            queryset=shown(event_queryset()).order_by("span_start", "id"),
            to_attr="visible_events",
        ),
        Prefetch(
            "policyactions",
            queryset=shown(policy_queryset()).order_by("span_start", "id"),
            to_attr="visible_policies",
        ),
        Prefetch(
            "declarations",
            queryset=shown(declaration_queryset()).order_by("span_start", "id"),
            to_attr="visible_declarations",
        ),
    )
