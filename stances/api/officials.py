"""Speakers: reads for everyone, writes for editors."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view

from stances.filters import OfficialFilter
from stances.selectors.officials import attach_statement_counts, official_queryset
from stances.services import officials

from .facts import FactViewSet
from .params import FORMAT_PARAM, SLUG_PATTERN
from .serializers import OfficialSerializer, OfficialWriteSerializer


@extend_schema_view(
    list=extend_schema(parameters=[FORMAT_PARAM]),
    create=extend_schema(request=OfficialWriteSerializer, responses={201: OfficialSerializer}),
    partial_update=extend_schema(request=OfficialWriteSerializer, responses=OfficialSerializer),
)
class OfficialViewSet(FactViewSet):
    """Speakers: people, and organisations speaking as one."""

    queryset = official_queryset()
    serializer_class = OfficialSerializer
    write_serializer_class = OfficialWriteSerializer
    filterset_class = OfficialFilter
    ordering_fields = ["name", "statement_count", "created_at", "updated_at", "id"]
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    export_name = "officials"

    def get_queryset(self):
        ordering = self.request.query_params.get("ordering", "")
        exporting = self.request.accepted_renderer.format == "csv"
        return official_queryset(with_counts=exporting or "statement_count" in ordering)

    def base_queryset(self):
        return official_queryset(with_counts=True)

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return attach_statement_counts(page) if page is not None else page

    def get_object(self):
        return attach_statement_counts([super().get_object()])[0]

    def create_fact(self, data):
        return officials.official_create(**data)

    def update_fact(self, official, data):
        return officials.official_update(official=official, **data)
