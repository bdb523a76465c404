"""Articles through the API: metadata in the list, every extracted fact on the detail."""

from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from articles.models import Article
from articles.selectors import article_list
from sanctuary.api.errors import JSONErrorsMixin
from sanctuary.api.exports import export_response
from sanctuary.api.filters import IsoDateFilter, TextFilter
from sanctuary.api.ordering import StableOrderingFilter
from sanctuary.api.pagination import Pagination
from sanctuary.api.renderers import LIST_RENDERERS
from sanctuary.web.reader_cache import CachedReadsMixin
from stances.selectors.articles import article_with_facts

from .params import FORMAT_PARAM, REJECTED_PARAM, include_rejected
from .serializers import ArticleDetailSerializer, ArticleSerializer


class ArticleFilter(filters.FilterSet):
    outlet = TextFilter(lookup_expr="icontains", help_text="Part of the outlet's name.")
    published_from = IsoDateFilter(
        field_name="published_on", lookup_expr="gte", help_text="Published on or after."
    )
    published_to = IsoDateFilter(
        field_name="published_on", lookup_expr="lte", help_text="Published on or before."
    )
    jurisdiction = TextFilter(
        field_name="jurisdictions__slug", distinct=True, help_text="Jurisdiction slug."
    )
    q = TextFilter(field_name="title", lookup_expr="icontains", help_text="Part of the title.")

    class Meta:
        model = Article
        fields = ["outlet", "jurisdiction"]


@extend_schema_view(
    list=extend_schema(parameters=[FORMAT_PARAM]),
    retrieve=extend_schema(parameters=[REJECTED_PARAM]),
)
class ArticleViewSet(JSONErrorsMixin, CachedReadsMixin, viewsets.ReadOnlyModelViewSet):
    """The news articles every fact comes from."""

    queryset = article_list()
    filter_backends = [filters.DjangoFilterBackend, StableOrderingFilter]
    filterset_class = ArticleFilter
    ordering_fields = ["published_on", "ingested_at", "id"]
    pagination_class = Pagination
    renderer_classes = LIST_RENDERERS

    def get_queryset(self):
        if self.action == "retrieve":
            return article_with_facts(include_rejected=include_rejected(self.request))
        return article_list()

    def get_serializer_class(self):
        return ArticleDetailSerializer if self.action == "retrieve" else ArticleSerializer

    def list(self, request, *args, **kwargs):
        if request.accepted_renderer.format == "csv":
            queryset = self.filter_queryset(self.get_queryset())
            return export_response(request, queryset, ArticleSerializer, filename="articles")
        return super().list(request, *args, **kwargs)
