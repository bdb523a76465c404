"""Reads for articles."""

from django.db.models import Prefetch, QuerySet

from stances import selectors as stance_selectors
from stances.models import Jurisdiction, Official

from .models import Article


def article_list() -> QuerySet[Article]:
    return Article.objects.select_related("superseded_by").order_by("-published_on", "-id")


def article_with_facts(*, include_rejected: bool = False) -> QuerySet[Article]:
    """Articles with everything extracted from them, in a constant number of queries."""

    def visible(queryset):
        return stance_selectors.visible(queryset, include_rejected=include_rejected)

    return article_list().prefetch_related(
        Prefetch("jurisdictions", queryset=Jurisdiction.objects.order_by("name")),
        Prefetch("officials", queryset=Official.objects.order_by("name")),
        Prefetch(
            "statements",
            queryset=visible(stance_selectors.statement_queryset()).order_by("span_start"),
            to_attr="visible_statements",
        ),
        Prefetch(
            "enforcementevents",
            queryset=visible(stance_selectors.event_queryset()).order_by("span_start", "id"),
            to_attr="visible_events",
        ),
        Prefetch(
            "policyactions",
            queryset=visible(stance_selectors.policy_queryset()).order_by("span_start", "id"),
            to_attr="visible_policies",
        ),
    )
