"""``/api/health/``: whether the database answers."""

from django.db import DatabaseError, connection
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from .schema import ApiSchema


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
