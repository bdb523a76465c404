"""``/api/changes/``: the most recently created or changed facts, newest first."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.dateparse import parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from sanctuary.api.negotiation import FormatNegotiation
from sanctuary.api.schema import ApiSchema
from sanctuary.web.query import kept
from sanctuary.web.reader_cache import CachedReadsMixin
from stances.selectors.changes import Change, recent_changes


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
    def cursor_of(change: Change) -> str:
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
        params = request.query_params
        given = {name: params[name] for name in ChangesQuery().fields if params.get(name)}
        query = ChangesQuery(data=given)
        query.is_valid(raise_exception=True)
        changes = recent_changes(**query.validated_data)
        next_url = None
        if len(changes) == query.validated_data["limit"]:
            following = kept(params, ChangesQuery().fields)
            following["cursor"] = ChangesQuery.cursor_of(changes[-1])
            next_url = request.build_absolute_uri(f"{request.path}?{following.urlencode()}")
        data = ChangeSerializer(changes, many=True, context={"request": request}).data
        return Response({"next": next_url, "results": data})
