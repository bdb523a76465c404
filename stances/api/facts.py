"""Statements, enforcement events and policy actions: reads for everyone, writes for editors."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from sanctuary.api.errors import JSONErrorsMixin
from sanctuary.api.exports import export_response
from sanctuary.api.ordering import StableOrderingFilter
from sanctuary.api.pagination import Pagination
from sanctuary.api.renderers import LIST_RENDERERS
from sanctuary.web.reader_cache import CachedReadsMixin
from stances.filters import DeclarationFilter, EventFilter, PolicyFilter, StatementFilter
from stances.selectors.facts import (
    declaration_queryset,
    event_queryset,
    policy_queryset,
    statement_queryset,
    visible,
)
from stances.services import events, policies, statements

from .params import FORMAT_PARAM, REJECTED_PARAM, include_rejected
from .serializers import (
    DeclarationSerializer,
    EnforcementEventSerializer,
    EventWriteSerializer,
    PolicyActionSerializer,
    PolicyWriteSerializer,
    StatementSerializer,
    StatementWriteSerializer,
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
        return visible(self.base_queryset(), include_rejected=include_rejected(self.request))

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
        if not data:  # nothing to change: not an edit, so not a review either
            return Response(self.read(instance))
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

    queryset = statement_queryset()
    serializer_class = StatementSerializer
    write_serializer_class = StatementWriteSerializer
    filterset_class = StatementFilter
    ordering_fields = ["said_on", "created_at", "updated_at", "id"]
    export_name = "statements"

    def base_queryset(self):
        return statement_queryset()

    def create_fact(self, data):
        return statements.statement_create(user=self.request.user, **data)

    def update_fact(self, statement, data):
        return statements.statement_update(statement=statement, user=self.request.user, **data)


@extend_schema_view(
    list=extend_schema(parameters=[REJECTED_PARAM, FORMAT_PARAM]),
    create=extend_schema(request=EventWriteSerializer, responses={201: EnforcementEventSerializer}),
    partial_update=extend_schema(
        request=EventWriteSerializer, responses=EnforcementEventSerializer
    ),
)
class EventViewSet(FactViewSet):
    """ICE operations, raids, planned raids, arrests and detentions."""

    queryset = event_queryset()
    serializer_class = EnforcementEventSerializer
    write_serializer_class = EventWriteSerializer
    filterset_class = EventFilter
    ordering_fields = ["starts_on", "count", "created_at", "updated_at", "id"]
    export_name = "events"

    def base_queryset(self):
        return event_queryset()

    def create_fact(self, data):
        return events.event_create(user=self.request.user, **data)

    def update_fact(self, event, data):
        return events.event_update(event=event, user=self.request.user, **data)


@extend_schema_view(
    list=extend_schema(parameters=[REJECTED_PARAM, FORMAT_PARAM]),
    create=extend_schema(request=PolicyWriteSerializer, responses={201: PolicyActionSerializer}),
    partial_update=extend_schema(request=PolicyWriteSerializer, responses=PolicyActionSerializer),
)
class PolicyViewSet(FactViewSet):
    """Policy actions and the cooperation indicators each one sets."""

    queryset = policy_queryset()
    serializer_class = PolicyActionSerializer
    write_serializer_class = PolicyWriteSerializer
    filterset_class = PolicyFilter
    ordering_fields = ["effective_on", "created_at", "updated_at", "id"]
    export_name = "policies"

    def base_queryset(self):
        return policy_queryset()

    def create_fact(self, data):
        return policies.policy_create(user=self.request.user, **data)

    def update_fact(self, policy, data):
        return policies.policy_update(policy=policy, user=self.request.user, **data)


@extend_schema_view(list=extend_schema(parameters=[REJECTED_PARAM, FORMAT_PARAM]))
class DeclarationViewSet(
    JSONErrorsMixin,
    CachedReadsMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """What places call themselves ("a sanctuary city"), kept apart from their policies: a
    declaration never changes a stance. Read only; editors review them in the admin."""

    serializer_class = DeclarationSerializer
    filterset_class = DeclarationFilter
    filter_backends = [DjangoFilterBackend, StableOrderingFilter]
    ordering_fields = ["declared_on", "created_at", "updated_at", "id"]
    pagination_class = Pagination
    renderer_classes = LIST_RENDERERS

    def get_queryset(self):
        return visible(declaration_queryset(), include_rejected=include_rejected(self.request))

    def list(self, request, *args, **kwargs):
        if request.accepted_renderer.format == "csv":
            queryset = self.filter_queryset(self.get_queryset())
            return export_response(
                request, queryset, DeclarationSerializer, filename="declarations"
            )
        return super().list(request, *args, **kwargs)
