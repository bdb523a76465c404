"""Pagination for every API list (in its own module: DRF imports it while loading generics).

Page numbers by default (``count``, ``next``, ``previous``, ``results``); ``?cursor=`` switches to
keyset pagination (newest id first), whose pages cost the same however deep they go, where a deep
page number makes the database skip every row before it.
"""

import base64
import re
from functools import cached_property
from urllib.parse import parse_qs

from django.core.cache import cache
from django.core.paginator import Paginator
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination, PageNumberPagination
from rest_framework.response import Response

from sanctuary.versions import data_version, hashed_key

MAX_PAGE_SIZE = 500
_NUMBER = re.compile(r"[0-9]{1,18}")  # ASCII digits only: int() would also read "١٢" or " 1_0"


def page_size_of(request, default: int) -> int:
    """``?page_size=``: a whole number from 1 to 500 (empty: the default). Anything else is a
    400, not a silent fallback to the default, so a client's typo never goes unnoticed."""
    value = request.query_params.get("page_size", "")
    if value == "":
        return default
    if not _NUMBER.fullmatch(value) or not 1 <= int(value) <= MAX_PAGE_SIZE:
        raise ValidationError({"page_size": [f"A whole number from 1 to {MAX_PAGE_SIZE}."]})
    return int(value)


class CachedCountPaginator(Paginator):
    """Counting a million rows costs more than reading a page: each query's count is cached under
    the data version, so it is computed again only after the data changed."""

    @cached_property
    def count(self) -> int:
        try:
            sql = str(self.object_list.query)
        except Exception:  # noqa: BLE001 - a query Django cannot print (an empty IN): just count
            return super().count
        version = data_version()
        if version is None:  # the shared cache is down
            return super().count
        key = hashed_key(f"count:{version}", sql)
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
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        return page_size_of(request, self.page_size)

    def get_ordering(self, request, queryset, view):
        # Keyset positions are ids: another order would put dates, names or nulls in the cursor.
        ordering = request.query_params.get("ordering", "")
        if ordering not in ("", "id", "-id"):
            raise ValidationError(
                {"ordering": ["Keyset pages (cursor) come by id: use page numbers to order."]}
            )
        return (ordering or self.ordering,)

    def decode_cursor(self, request):
        if request.query_params.get(self.cursor_query_param) == "":
            return None  # "?cursor=" asks for the first page
        try:
            # DRF's own decoding skips what is not base64, so most garbage reads as page one.
            encoded = request.query_params[self.cursor_query_param]
            tokens = parse_qs(
                base64.b64decode(encoded, validate=True).decode(), strict_parsing=True
            )
            cursor = super().decode_cursor(request) if set(tokens) <= {"o", "r", "p"} else None
        except (ValueError, NotFound):
            cursor = None
        if cursor is None or not _NUMBER.fullmatch(cursor.position or "0"):
            raise ValidationError({"cursor": ["Not a cursor: take it from a `next` link."]})
        return cursor


class Pagination(PageNumberPagination):
    """``count``, ``next``, ``previous``, ``results``; ``page_size`` up to 500; ``?cursor=`` for
    keyset pages."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    django_paginator_class = CachedCountPaginator
    invalid_page_message = "page {page_number}: {message}"

    def get_page_size(self, request):
        return page_size_of(request, self.page_size)

    def check_parameters(self, request) -> None:
        """400 for a malformed page, page size or cursor, even where every match is sent at once
        (CSV, GeoJSON) and they do not apply: a client's mistake is never silently ignored."""
        self.get_page_number(request, Paginator([], 1))
        page_size_of(request, self.page_size)
        if "cursor" in request.query_params:
            keyset = KeysetPagination()
            keyset.get_ordering(request, None, None)
            keyset.decode_cursor(request)

    def get_page_number(self, request, paginator):
        """A page number must be a whole number from 1 (400); a page past the end is a 404."""
        number = str(super().get_page_number(request, paginator))  # "last" is the last page's
        if not _NUMBER.fullmatch(number) or int(number) < 1:
            raise ValidationError({"page": ["A whole number from 1."]})
        return number

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
        page, page_size = super().get_schema_operation_parameters(view)
        page["schema"]["minimum"] = 1
        page_size["schema"].update(minimum=1, maximum=MAX_PAGE_SIZE)
        return [
            page,
            page_size,
            {
                "name": "cursor",
                "required": False,
                "in": "query",
                "description": "Keyset pagination, newest first: empty for the first page, then "
                "follow `next`. Fast at any depth.",
                "schema": {"type": "string"},
            },
        ]
