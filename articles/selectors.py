"""Reads for articles."""

from django.db.models import QuerySet

from .models import Article


def article_list() -> QuerySet[Article]:
    return Article.objects.select_related("superseded_by").order_by("-published_on", "-id")
