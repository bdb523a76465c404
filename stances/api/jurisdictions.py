"""Jurisdictions with their derived stance: lists (JSON, CSV, GeoJSON) and details."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import Http404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from sanctuary import versions
from sanctuary.api.errors import JSONErrorsMixin
from sanctuary.api.exports import csv_response, query_key
from sanctuary.api.ordering import StableOrderingFilter
from sanctuary.api.pagination import Pagination
from sanctuary.api.renderers import LIST_RENDERERS, GeoJSONRenderer
from sanctuary.web.reader_cache import CachedReadsMixin
from stances.filters import JurisdictionFilter, StanceQueryForm
from stances.models import Jurisdiction
from stances.selectors.agreements import NONE, agreements_287g
from stances.selectors.jurisdictions import (
    JurisdictionRow,
    current_stance,
    filter_by_current_stance,
    jurisdiction_rows,
    jurisdictions_with_counts,
    rows_on,
    with_evidence_policies,
)
from stances.selectors.layers import layered_detail, with_effective
from stances.selectors.outlines import outline
from stances.selectors.periods import filter_by_stance_on

from .downloads import COLUMNS, csv_row
from .params import SLUG_PATTERN, STANCE_PARAMS
from .serializers import (
    FeatureCollectionSerializer,
    JurisdictionDetailSerializer,
    JurisdictionSerializer,
)

GEOMETRIES = ("point", "outline")  # ?format=geojson&geometry=


@extend_schema_view(
    list=extend_schema(
        parameters=[
            *STANCE_PARAMS,
            OpenApiParameter(
                "format",
                OpenApiTypes.STR,
                enum=["json", "csv", "geojson"],
                description="geojson: a FeatureCollection of every match (not paginated).",
            ),
            OpenApiParameter(
                "geometry",
                OpenApiTypes.STR,
                enum=list(GEOMETRIES),
                description="With format=geojson: point (the default) gives every place a "
                "Point; outline gives counties and states their outline (a Polygon or "
                "MultiPolygon from the US Census Bureau's 1:10,000,000 boundaries, via "
                "us-atlas) and cities their Point.",
            ),
        ],
        responses={
            (200, "application/json"): JurisdictionSerializer,
            (200, "text/csv"): OpenApiTypes.STR,
            (200, "application/geo+json"): FeatureCollectionSerializer,
        },
    ),
    retrieve=extend_schema(parameters=STANCE_PARAMS[:1], responses=JurisdictionDetailSerializer),
)
class JurisdictionViewSet(JSONErrorsMixin, CachedReadsMixin, viewsets.ReadOnlyModelViewSet):
    """Cities, counties, states and DC with their derived stance, indicators and evidence."""

    queryset = jurisdictions_with_counts()
    serializer_class = JurisdictionSerializer
    filterset_class = JurisdictionFilter
    filter_backends = [DjangoFilterBackend, StableOrderingFilter]
    ordering_fields = [
        "name",
        "state",
        "kind",
        "population",
        "statement_count",
        "event_count",
        "id",
    ]
    pagination_class = Pagination
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    renderer_classes = [*LIST_RENDERERS, GeoJSONRenderer]

    def get_renderers(self):
        renderers = super().get_renderers()
        if self.action == "list":
            return renderers
        return [renderer for renderer in renderers if renderer.format != "geojson"]

    def stance_query(self) -> StanceQueryForm:
        form = StanceQueryForm(self.request.query_params)
        if not form.is_valid():
            raise ValidationError(form.errors)
        return form

    def list(self, request, *args, **kwargs):
        form = self.stance_query()
        query = {
            "as_of": form.cleaned_data["as_of"],
            "stance": form.cleaned_data["stance"] or None,
            "indicators": form.indicator_values(),
        }
        geometry = request.query_params.get("geometry") or "point"
        if geometry not in GEOMETRIES:  # checked whatever the format, as the schema says
            raise ValidationError({"geometry": [f"One of: {', '.join(GEOMETRIES)}."]})
        jurisdictions = self.filter_queryset(self.get_queryset())
        if request.accepted_renderer.format == "geojson":
            outlines = geometry == "outline"
            return Response(self.geojson(request, jurisdictions, query, outlines=outlines))
        if request.accepted_renderer.format == "csv":

            def rows():  # made only when no stored download has them (csv_response)
                found = jurisdiction_rows(jurisdictions, **query)
                found = with_effective(found, as_of=query["as_of"])
                listed = self.listed(found, query)
                yield from (csv_row(row, listed, request) for row in found)

            return csv_response(
                request,
                rows(),
                filename="jurisdictions",
                empty_header=COLUMNS,
                key=f"jurisdictions {query_key(jurisdictions)} {sorted(query.items())}",
            )
        page = with_effective(self.page_rows(jurisdictions, query), as_of=query["as_of"])
        page = with_evidence_policies(page)
        self.agreements = self.listed(page, query)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def listed(self, rows: list, query: dict) -> dict:
        """The rows' places on ICE's 287(g) lists, on the day asked, in two queries."""
        return agreements_287g([row.jurisdiction.pk for row in rows], on=query["as_of"])

    def get_serializer_context(self):
        return {
            **super().get_serializer_context(),
            "agreements_287g": getattr(self, "agreements", None),
        }

    def page_rows(self, jurisdictions, query: dict) -> list:
        """Stances are filtered and paginated in SQL: today's on the summaries, a past date's on
        the stance periods (then read for the page's places alone)."""
        as_of, wanted = (
            query["as_of"],
            {"stance": query["stance"], "indicators": query["indicators"]},
        )
        if as_of is None:
            page = self.paginate_queryset(filter_by_current_stance(jurisdictions, **wanted))
            return [JurisdictionRow(j, current_stance(j)) for j in page]
        return rows_on(
            self.paginate_queryset(filter_by_stance_on(jurisdictions, as_of, **wanted)), as_of
        )

    def geojson(self, request, jurisdictions, query: dict, *, outlines: bool = False) -> dict:
        """The map's data, cached per query under the data version (shared by every process)."""

        def build() -> dict:
            rows = jurisdiction_rows(jurisdictions, **query)
            listed = agreements_287g(on=query["as_of"])  # every place: no list of ids to send
            return feature_collection(
                rows, lambda row: self.feature_properties(row, listed), outlines=outlines
            )

        return versions.cached(versions.hashed_key("geojson", request.get_full_path()), build)

    def retrieve(self, request, *args, **kwargs):
        """One jurisdiction with its history: derived from all its dated evidence (thousands of
        policies for the busiest places), so cached per data version like the map's data."""
        form = self.stance_query()

        def build() -> dict:
            detail = layered_detail(kwargs["slug"], as_of=form.cleaned_data["as_of"])
            return JurisdictionDetailSerializer(detail, context={"request": request}).data

        key = versions.hashed_key("jurisdiction", request.build_absolute_uri())
        try:
            return Response(versions.cached(key, build))
        except Jurisdiction.DoesNotExist:
            raise Http404("No jurisdiction with that slug.") from None

    def feature_properties(self, row, listed: dict) -> dict:
        j = row.jurisdiction
        on_lists = listed.get(j.pk, NONE)
        return {
            "slug": j.slug,
            "name": j.name,
            "kind": j.kind,
            "state": j.state,
            "external_id": j.external_id,
            "population": j.population,
            "stance": row.stance.stance,
            "statements": j.statement_count,
            "policies": j.policy_count,
            "events": j.event_count,
            "arrests": j.arrests,
            "agreement_287g_models": list(on_lists.models),
            "pending_287g": on_lists.pending,
        }


def feature_collection(rows: Iterable, properties, *, outlines: bool = False) -> dict:
    """A GeoJSON FeatureCollection with one Point per jurisdiction (null geometry when the
    gazetteer has no coordinates for it); with ``outlines``, a county's or a state's outline
    instead of its point (its point when us-atlas has no outline for its FIPS code)."""
    features = []
    for row in rows:
        j = row.jurisdiction
        geometry = outline(j) if outlines else None
        if geometry is None and j.latitude is not None and j.longitude is not None:
            geometry = {"type": "Point", "coordinates": [j.longitude, j.latitude]}
        features.append(
            {"type": "Feature", "id": j.slug, "geometry": geometry, "properties": properties(row)}
        )
    return {"type": "FeatureCollection", "features": features}
