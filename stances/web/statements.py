"""The statements page: a searchable, filterable list of quotations."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from sanctuary.api.pagination import CachedCountPaginator
from sanctuary.web.query import kept
from sanctuary.web.reader_cache import cached_for_readers
from stances.filters import StatementFilter
from stances.selectors.facts import statement_queryset, visible

from .responses import invalid_filters


@require_safe
@cached_for_readers
def statements(request):
    filters = StatementFilter(request.GET, queryset=visible(statement_queryset()))
    if not filters.is_valid():
        return invalid_filters(
            request, "stances/statements.html", {"filters": filters}, filters.form
        )
    page = CachedCountPaginator(filters.qs, 25).get_page(request.GET.get("page"))
    # The map counts statements about its places; the rest (federal officials', advocates')
    # belong to no place: said, so the two numbers agree.
    placeless = filters.qs.filter(jurisdiction__isnull=True).count() if page.paginator.count else 0
    query = kept(request.GET, filters.form.fields)  # the pager keeps the filters, no more
    return render(
        request,
        "stances/statements.html",
        {
            "filters": filters,
            "page": page,
            "query": query.urlencode(),
            "placeless": placeless,
            "about_places": page.paginator.count - placeless,
        },
    )
