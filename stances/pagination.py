"""Pagination for every API list (in its own module: DRF imports it while loading generics).

Page numbers by default (``count``, ``next``, ``previous``, ``results``); ``?cursor=`` switches to
keyset pagination (newest id first), whose pages cost the same however deep they go, where a deep
page number makes the database skip every row before it.
"""

import hashlib
from functools import cached_property

from django.core.cache import cache
from django.core.paginator import Paginator
from rest_framework.pagination import CursorPagination, PageNumberPagination
from rest_framework.response import Response


class CachedCountPaginator(Paginator):
    """Counting a million rows costs more than reading a page: each query's count is cached under
    the data version, so it is computed again only after the data changed."""

    @cached_property
    def count(self) -> int:
        from .summaries import data_version  # summaries imports models; keep this module light

        try:
            sql = str(self.object_list.query)
        except Exception:  # noqa: BLE001 - a query Django cannot print (an empty IN): just count
            return super().count
        key = f"count:{data_version()}:{hashlib.sha1(sql.encode()).hexdigest()}"
        count = cache.get(key)
        if count is None:
            count = super().count
            cache.set(key, count, timeout=3600)
        return count


class KeysetPagination(CursorPagination):
    """``?cursor=`` (empty for the first page): newest first by id, ``next``/``previous`` links."""

    ordering = "-id"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def decode_cursor(self, request):
        if request.query_params.get(self.cursor_query_param) == "":
            return None  # "?cursor=" asks for the first page
        return super().decode_cursor(request)


class Pagination(PageNumberPagination):
    """``count``, ``next``, ``previous``, ``results``; ``page_size`` up to 500; ``?cursor=`` for
    keyset pages."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    django_paginator_class = CachedCountPaginator

    def paginate_queryset(self, queryset, request, view=None):
        self.keyset = None
        if "cursor" in request.query_params and hasattr(queryset, "query"):
            self.keyset = KeysetPagination()
            self.keyset_count = CachedCountPaginator(queryset, 1).count
            return self.keyset.paginate_queryset(queryset, request, view)
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        if self.keyset is None:
            return super().get_paginated_response(data)
        return Response(
            {
                "count": self.keyset_count,
                "next": self.keyset.get_next_link(),
                "previous": self.keyset.get_previous_link(),
                "results": data,
            }
        )

    def get_schema_operation_parameters(self, view):
        return [
            *super().get_schema_operation_parameters(view),
            {
                "name": "cursor",
                "required": False,
                "in": "query",
                "description": "Keyset pagination, newest first: empty for the first page, then "
                "follow `next`. Fast at any depth.",
                "schema": {"type": "string"},
            },
        ]
