"""The REST API: thin viewsets over the selectors (reads) and the services (writes)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DatabaseError, connection
from django.db.models import F
from django.http import Http404
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selectors, services, summaries
from .caching import CachedReadsMixin
from .exports import (
    CSVRenderer,
    GeoJSONRenderer,
    csv_response,
    export_response,
    feature_collection,
    query_key,
)
from .filters import (
    EventFilter,
    JurisdictionFilter,
    OfficialFilter,
    PolicyFilter,
    StanceQueryForm,
    StatementFilter,
)
from .models import Indicator, Stance
from .openapi import ApiSchema
from .pagination import Pagination
from .serializers import (
    EnforcementEventSerializer,
    EventWriteSerializer,
    FeatureCollectionSerializer,
    JurisdictionDetailSerializer,
    JurisdictionSerializer,
    OfficialSerializer,
    OfficialWriteSerializer,
    PolicyActionSerializer,
    PolicyWriteSerializer,
    StatementSerializer,
    StatementWriteSerializer,
)

LIST_RENDERERS = [JSONRenderer, BrowsableAPIRenderer, CSVRenderer]


class FormatNegotiation(DefaultContentNegotiation):
    """An unknown ``?format=`` is a 400 naming the parameter (DRF answers 404)."""

    def filter_renderers(self, renderers, format):
        try:
            return super().filter_renderers(renderers, format)
        except Http404:
            known = ", ".join(renderer.format for renderer in renderers)
            raise ValidationError({"format": [f"Not one of {known}."]}) from None


class JSONErrorsMixin:
    """Errors are JSON whatever format was asked for: a CSV download that fails names the field
    that made it fail, in a body a client can parse. An unknown format and a malformed page
    parameter are such errors too, and the schema documents every error status (``ApiSchema``)."""

    content_negotiation_class = FormatNegotiation
    schema = ApiSchema()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if self.action == "list" and self.paginator is not None:
            self.paginator.check_parameters(request)

    def handle_exception(self, exc):
        renderer = getattr(self.request, "accepted_renderer", None)
        if renderer is not None and renderer.format in ("csv", "geojson"):
            self.request.accepted_renderer = JSONRenderer()
            self.request.accepted_media_type = JSONRenderer.media_type
        return super().handle_exception(exc)


class StableOrderingFilter(OrderingFilter):
    """Any requested order, then id, so pages never overlap or skip rows on ties."""

    def remove_invalid_fields(self, queryset, fields, view, request):
        """An ordering the view does not offer is a 400, not silently the default order."""
        valid = super().remove_invalid_fields(queryset, fields, view, request)
        invalid = [term for term in fields if term not in valid]
        if invalid:
            offered = ", ".join(view.ordering_fields)
            message = f"Cannot order by {', '.join(invalid)!r}: one of {offered}, or -one."
            raise ValidationError({self.ordering_param: [message]})
        return valid

    def get_schema_operation_parameters(self, view):
        (parameter,) = super().get_schema_operation_parameters(view)
        names = "|".join(view.ordering_fields)
        parameter["description"] = (
            f"Comma-separated, each optionally prefixed with - (descending): "
            f"{', '.join(view.ordering_fields)}."
        )
        parameter["schema"]["pattern"] = f"^-?({names})(,-?({names}))*$"
        return [parameter]

    def get_ordering(self, request, queryset, view):
        ordering = super().get_ordering(request, queryset, view)
        if ordering and not any(field.lstrip("-") == "id" for field in ordering):
            ordering = [*ordering, "-id" if ordering[0].startswith("-") else "id"]
        return ordering

    def filter_queryset(self, request, queryset, view):
        # Empty values (an undated fact) last in either direction, as in the default orders:
        # PostgreSQL and SQLite would otherwise put them at opposite ends.
        ordering = self.get_ordering(request, queryset, view)
        if not ordering:
            return queryset
        return queryset.order_by(
            *(
                F(name[1:]).desc(nulls_last=True)
                if name.startswith("-")
                else F(name).asc(nulls_last=True)
                for name in ordering
            )
        )


def include_rejected(request) -> bool:
    """Rejected facts are hidden unless an editor asks (``include_rejected=true`` or
    ``review_status=rejected``)."""
    value = request.query_params.get("include_rejected", "")
    try:
        asked = value != "" and serializers.BooleanField().to_internal_value(value)
    except serializers.ValidationError:
        raise ValidationError({"include_rejected": ["true or false."]}) from None
    asked = asked or request.query_params.get("review_status") == "rejected"
    return asked and selectors.can_see_rejected(request.user)


# What a slug in a URL can be (the router's routes, and the schema's pattern): any other URL is a
# 404 before a query is made.
SLUG_PATTERN = "[-a-zA-Z0-9_]+"

REJECTED_PARAM = OpenApiParameter(
    "include_rejected", OpenApiTypes.BOOL, description="Editors only: include rejected facts."
)
FORMAT_PARAM = OpenApiParameter(
    "format", OpenApiTypes.STR, enum=["json", "csv"], description="csv streams every match."
)


class FactViewSet(
    JSONErrorsMixin,
    CachedReadsMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Reads for everyone; creates and updates for editors (model permissions)."""

    permission_classes = [permissions.DjangoModelPermissionsOrAnonReadOnly]
    pagination_class = Pagination
    filter_backends = [DjangoFilterBackend, StableOrderingFilter]
    renderer_classes = LIST_RENDERERS
    http_method_names = ["get", "post", "patch", "head", "options"]
    write_serializer_class: type[serializers.Serializer]
    export_name: str

    def get_queryset(self):
        return selectors.visible(
            self.base_queryset(), include_rejected=include_rejected(self.request)
        )

    def list(self, request, *args, **kwargs):
        if request.accepted_renderer.format == "csv":
            return export_response(
                request,
                self.filter_queryset(self.get_queryset()),
                self.get_serializer_class(),
                filename=self.export_name,
            )
        return super().list(request, *args, **kwargs)

    def create(self, request, *args, **kwargs):
        data = self.validated(self.write_serializer_class(data=request.data))
        fact = self.call_service(self.create_fact, data)
        return Response(self.read(fact), status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        instance = self.get_object()
        data = self.validated(self.write_serializer_class(data=request.data, partial=True))
        fact = self.call_service(lambda d: self.update_fact(instance, d), data)
        return Response(self.read(fact))

    def update(self, request, *args, **kwargs):
        kwargs["partial"] = True
        return self.partial_update(request, *args, **kwargs)

    def validated(self, serializer) -> dict:
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def call_service(self, service, data: dict):
        """Service errors (a quote not in the article, a date in the future) become 400s that
        name the field."""
        try:
            return service(data)
        except DjangoValidationError as error:
            raise ValidationError(
                error.message_dict if hasattr(error, "error_dict") else {"detail": error.messages}
            ) from None

    def read(self, fact) -> dict:
        fresh = self.base_queryset().get(pk=fact.pk)
        return self.get_serializer_class()(fresh, context=self.get_serializer_context()).data


@extend_schema_view(
    list=extend_schema(parameters=[REJECTED_PARAM, FORMAT_PARAM]),
    create=extend_schema(request=StatementWriteSerializer, responses={201: StatementSerializer}),
    partial_update=extend_schema(request=StatementWriteSerializer, responses=StatementSerializer),
)
class StatementViewSet(FactViewSet):
    """Verbatim quotations, each with its speaker, jurisdiction, source article and span."""

    queryset = selectors.statement_queryset()
    serializer_class = StatementSerializer
    write_serializer_class = StatementWriteSerializer
    filterset_class = StatementFilter
    ordering_fields = ["said_on", "created_at", "updated_at", "id"]
    export_name = "statements"

    def base_queryset(self):
        return selectors.statement_queryset()

    def create_fact(self, data):
        return services.statement_create(user=self.request.user, **data)

    def update_fact(self, statement, data):
        return services.statement_update(statement=statement, user=self.request.user, **data)


@extend_schema_view(
    list=extend_schema(parameters=[REJECTED_PARAM, FORMAT_PARAM]),
    create=extend_schema(request=EventWriteSerializer, responses={201: EnforcementEventSerializer}),
    partial_update=extend_schema(
        request=EventWriteSerializer, responses=EnforcementEventSerializer
    ),
)
class EventViewSet(FactViewSet):
    """ICE operations, raids, planned raids, arrests and detentions."""

    queryset = selectors.event_queryset()
    serializer_class = EnforcementEventSerializer
    write_serializer_class = EventWriteSerializer
    filterset_class = EventFilter
    ordering_fields = ["starts_on", "count", "created_at", "updated_at", "id"]
    export_name = "events"

    def base_queryset(self):
        return selectors.event_queryset()

    def create_fact(self, data):
        return services.event_create(user=self.request.user, **data)

    def update_fact(self, event, data):
        return services.event_update(event=event, user=self.request.user, **data)


@extend_schema_view(
    list=extend_schema(parameters=[REJECTED_PARAM, FORMAT_PARAM]),
    create=extend_schema(request=PolicyWriteSerializer, responses={201: PolicyActionSerializer}),
    partial_update=extend_schema(request=PolicyWriteSerializer, responses=PolicyActionSerializer),
)
class PolicyViewSet(FactViewSet):
    """Policy actions and the cooperation indicators each one sets."""

    queryset = selectors.policy_queryset()
    serializer_class = PolicyActionSerializer
    write_serializer_class = PolicyWriteSerializer
    filterset_class = PolicyFilter
    ordering_fields = ["effective_on", "created_at", "updated_at", "id"]
    export_name = "policies"

    def base_queryset(self):
        return selectors.policy_queryset()

    def create_fact(self, data):
        return services.policy_create(user=self.request.user, **data)

    def update_fact(self, policy, data):
        return services.policy_update(policy=policy, user=self.request.user, **data)


@extend_schema_view(
    list=extend_schema(parameters=[FORMAT_PARAM]),
    create=extend_schema(request=OfficialWriteSerializer, responses={201: OfficialSerializer}),
    partial_update=extend_schema(request=OfficialWriteSerializer, responses=OfficialSerializer),
)
class OfficialViewSet(FactViewSet):
    """Speakers: people, and organisations speaking as one."""

    queryset = selectors.official_queryset()
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
        return selectors.official_queryset(with_counts=exporting or "statement_count" in ordering)

    def base_queryset(self):
        return selectors.official_queryset(with_counts=True)

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return selectors.attach_statement_counts(page) if page is not None else page

    def get_object(self):
        return selectors.attach_statement_counts([super().get_object()])[0]

    def create_fact(self, data):
        return services.official_create(**data)

    def update_fact(self, official, data):
        return services.official_update(official=official, **data)


STANCE_PARAMS = [
    OpenApiParameter("as_of", OpenApiTypes.DATE, description="Stances as they stood that day."),
    OpenApiParameter("stance", OpenApiTypes.STR, enum=Stance.values, description="Derived stance."),
    *[
        OpenApiParameter(
            name,
            OpenApiTypes.STR,
            enum=["limits", "cooperates", "unknown"],
            description=f"The {name} indicator's value.",
        )
        for name in Indicator.values
    ],
]


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

    queryset = selectors.jurisdictions_with_counts()
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
        jurisdictions = self.filter_queryset(self.get_queryset())
        if request.accepted_renderer.format == "geojson":
            return Response(self.geojson(request, jurisdictions, query))
        if request.accepted_renderer.format == "csv":

            def rows():  # made only when no stored download has them (csv_response)
                found = selectors.jurisdiction_rows(jurisdictions, **query)
                yield from self.get_serializer(
                    selectors.with_evidence_policies(found), many=True
                ).data

            return csv_response(
                request,
                rows(),
                filename="jurisdictions",
                empty_header=list(self.get_serializer().fields),
                key=f"jurisdictions {query_key(jurisdictions)} {sorted(query.items())}",
            )
        page = selectors.with_evidence_policies(self.page_rows(jurisdictions, query))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def page_rows(self, jurisdictions, query: dict) -> list:
        """Today's stances are filtered and paginated in SQL; a past date derives every stance."""
        if query["as_of"] is None:
            filtered = selectors.filter_by_current_stance(
                jurisdictions, stance=query["stance"], indicators=query["indicators"]
            )
            page = self.paginate_queryset(filtered)
            return [selectors.JurisdictionRow(j, selectors.current_stance(j)) for j in page]
        return self.paginate_queryset(selectors.jurisdiction_rows(jurisdictions, **query))

    def geojson(self, request, jurisdictions, query: dict) -> dict:
        """The map's data, cached per query under the data version (shared by every process)."""

        def build() -> dict:
            rows = selectors.jurisdiction_rows(jurisdictions, **query)
            return feature_collection(rows, self.feature_properties)

        return summaries.cached(summaries.hashed_key("geojson", request.get_full_path()), build)

    def retrieve(self, request, *args, **kwargs):
        """One jurisdiction with its history: derived from all its dated evidence (thousands of
        policies for the busiest places), so cached per data version like the map's data."""
        form = self.stance_query()

        def build() -> dict:
            detail = selectors.jurisdiction_detail(kwargs["slug"], as_of=form.cleaned_data["as_of"])
            return JurisdictionDetailSerializer(detail, context={"request": request}).data

        key = summaries.hashed_key("jurisdiction", request.build_absolute_uri())
        try:
            return Response(summaries.cached(key, build))
        except selectors.Jurisdiction.DoesNotExist:
            raise Http404("No jurisdiction with that slug.") from None

    def feature_properties(self, row) -> dict:
        j = row.jurisdiction
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
        }


class HealthView(APIView):
    """200 when the database answers, 503 when it does not. Touches nothing else (no session,
    no authentication), so it answers truthfully while the database is down."""

    authentication_classes: list = []
    permission_classes = [permissions.AllowAny]
    throttle_classes: list = []
    renderer_classes = [JSONRenderer]
    schema = ApiSchema()

    @extend_schema(
        responses={
            200: {"type": "object", "properties": {"status": {"type": "string"}}},
            503: {"type": "object", "properties": {"status": {"type": "string"}}},
        }
    )
    def get(self, request):
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        except DatabaseError as error:
            return Response(
                {"status": "unavailable", "database": type(error).__name__},
                status=status.HTTP_503_SERVICE_UNAVAILABLE,
                headers={"Cache-Control": "no-store"},
            )
        return Response({"status": "ok"}, headers={"Cache-Control": "no-store"})


class ChangeSerializer(serializers.Serializer):
    type = serializers.CharField(source="kind")
    id = serializers.IntegerField(source="obj.pk")
    action = serializers.SerializerMethodField()
    at = serializers.DateTimeField()
    text = serializers.SerializerMethodField(help_text="The quote, summary or name.")
    review_status = serializers.CharField(
        source="obj.review_status", default=None, allow_null=True, help_text="null for officials."
    )
    url = serializers.SerializerMethodField()

    def get_action(self, change) -> str:
        return "created" if change.created else "updated"

    def get_text(self, change) -> str:
        obj = change.obj
        return getattr(obj, "quote", None) or getattr(obj, "summary", None) or obj.name

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, change) -> str:
        key = change.obj.slug if change.kind == "official" else change.obj.pk
        path = reverse(f"api:{CHANGE_ROUTES[change.kind]}-detail", args=[key])
        return self.context["request"].build_absolute_uri(path)


CHANGE_ROUTES = {
    "statement": "statement",
    "event": "enforcementevent",
    "policy": "policyaction",
    "official": "official",
}


class ChangesQuery(serializers.Serializer):
    since = serializers.DateTimeField(
        required=False, help_text="ISO 8601; only changes at or after."
    )
    before = serializers.DateTimeField(required=False, help_text="ISO 8601; only changes before.")
    cursor = serializers.CharField(
        required=False, source="after", help_text="Where the last page ended (from `next`)."
    )
    limit = serializers.IntegerField(required=False, min_value=1, max_value=500, default=100)

    def validate_cursor(self, value: str) -> tuple[dt.datetime, str, int]:
        at, _, rest = value.partition(",")
        kind, _, pk = rest.partition(",")
        parsed = parse_datetime(at)
        if parsed is None or kind not in CHANGE_ROUTES or not pk.isdigit():
            raise serializers.ValidationError("Not a cursor: take it from a `next` link.")
        return (parsed, kind, int(pk))

    @staticmethod
    def cursor_of(change: selectors.Change) -> str:
        return f"{change.at.isoformat()},{change.kind},{change.obj.pk}"


class ChangesView(CachedReadsMixin, APIView):
    """What changed: the most recently created or changed facts, newest first."""

    content_negotiation_class = FormatNegotiation
    schema = ApiSchema()

    @extend_schema(
        parameters=[ChangesQuery],
        responses=inline_serializer(
            "ChangesPage",
            fields={
                "next": serializers.URLField(allow_null=True),
                "results": ChangeSerializer(many=True),
            },
        ),
    )
    def get(self, request):
        # An empty parameter is no parameter, as everywhere in the API (and in HTML forms).
        query = ChangesQuery(data={k: v for k, v in request.query_params.items() if v != ""})
        query.is_valid(raise_exception=True)
        changes = selectors.recent_changes(**query.validated_data)
        next_url = None
        if len(changes) == query.validated_data["limit"]:
            params = request.query_params.copy()
            params["cursor"] = ChangesQuery.cursor_of(changes[-1])
            next_url = request.build_absolute_uri(f"{request.path}?{params.urlencode()}")
        data = ChangeSerializer(changes, many=True, context={"request": request}).data
        return Response({"next": next_url, "results": data})
