"""``/api/health/``: whether each dependency answers: the database and the shared cache."""

from django.conf import settings
from django.db import DatabaseError, connection
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from sanctuary import cache

from .schema import ApiSchema

OK, UNAVAILABLE = "ok", "unavailable"
STATES = [OK, UNAVAILABLE]  # one enum in the schema: settings.SPECTACULAR_SETTINGS


class HealthSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=STATES, help_text="unavailable: a required dependency is down."
    )
    database = serializers.ChoiceField(choices=STATES)
    cache = serializers.ChoiceField(choices=STATES)


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def cache_answers() -> bool:
    try:
        return cache.probe()
    except DatabaseError:  # the database's cache table, down with the database
        return False


class HealthView(APIView):
    """Each dependency, and 503 when one of ``HEALTH_REQUIRED`` (both by default) is down.
    Touches nothing else (no session, no authentication, no stored answer), so it answers
    truthfully while the database or the cache is down."""

    authentication_classes: list = []
    permission_classes = [permissions.AllowAny]
    throttle_classes: list = []
    renderer_classes = [JSONRenderer]
    schema = ApiSchema()

    @extend_schema(responses={200: HealthSerializer, 503: HealthSerializer})
    def get(self, request):
        checks = {"database": database_answers(), "cache": cache_answers()}
        healthy = all(up for name, up in checks.items() if name in settings.HEALTH_REQUIRED)
        body = {name: OK if up else UNAVAILABLE for name, up in checks.items()}
        return Response(
            {"status": OK if healthy else UNAVAILABLE, **body},
            status=status.HTTP_200_OK if healthy else status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={"Cache-Control": "no-store"},
        )
