"""Schemathesis against our own OpenAPI schema: every operation, fed values the schema allows and
values it forbids, as an anonymous reader and as an editor. No answer is a server error, every
answer (status code, content type, body) is one the schema documents, and a value the schema
forbids is refused.

The application runs in-process (WSGI) on the test database with the small world of
``tests/api/conftest.py`` in it, so detail pages and filters meet real rows. Runs are reproducible:
Hypothesis is derandomised and keeps no example database.
"""

import json
import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from rest_framework.throttling import AnonRateThrottle
from schemathesis.checks import not_a_server_error
from schemathesis.core.parameters import ParameterLocation
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)


def served_schema() -> dict:
    """What ``/api/schema/`` serves (built here: collection runs before the test database
    exists, and the endpoint's throttle reads the cache table; a test below checks they match)."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(schema))


RAW_SCHEMA = served_schema()
APP = get_wsgi_application()


def refuses_bad_parameters(ctx, response, case):
    """Schemathesis' negative_data_rejection, for parameters (query and path). Bodies are left
    out: DRF reads a JSON 14 where a string is due as "14" (and "14" as 14), as a form post
    needs, which the schema calls a wrong type; tests/api/test_writes.py checks bad bodies."""
    if case.meta is not None and case.meta.is_negative_at(ParameterLocation.BODY):
        return None
    return negative_data_rejection(ctx, response, case)


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    refuses_bad_parameters,
]
WRITES = ["POST", "PUT", "PATCH", "DELETE"]
# 15 examples per operation in `make test`; `make fuzz` runs 200 (FUZZ_EXAMPLES), the slow run.
FUZZ = hypothesis_settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "15")),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)

# Keys of real rows, per path template: filled by the ``fuzzed`` fixture before each test runs.
REAL_KEYS: dict[str, list[dict]] = {}


def before_generate_path_parameters(context, strategy):
    """A path parameter is a real row's key as often as one of Schemathesis' own values (which
    mostly miss: 404), so detail pages and updates are exercised too."""
    path = context.operation.path
    if not any(path.endswith(f"{{{name}}}/") for name in ("id", "slug")):
        return strategy
    real = st.integers(min_value=0, max_value=1).map(lambda i: REAL_KEYS[path][i])
    return st.one_of(strategy, real)


def is_positive(case) -> bool:
    """Generated from the schema as it is (not deliberately broken to test refusals)."""
    return case.meta is None or not case.meta.generation.mode.is_negative


def load(config: schemathesis.Config | None = None):
    loaded = schemathesis.openapi.from_dict(RAW_SCHEMA, config=config)
    loaded.app = APP
    loaded.hook(before_generate_path_parameters)
    return loaded


# An anonymous write is refused before its body is read: a few examples of each show it, where
# the coverage phase would send hundreds of bodies (the editor's run does).
as_anonymous = load(
    schemathesis.Config.from_dict(
        {
            "operations": [
                {"include-method": list(WRITES), "phases": {"coverage": {"enabled": False}}}
            ]
        }
    )
)
as_editor = load()


@pytest.fixture(autouse=True)
def fuzzed(world, monkeypatch, settings):
    """The world in the database, and a WSGI application that serves it as tests would."""
    REAL_KEYS.update(
        {
            "/api/jurisdictions/{slug}/": [{"slug": world.madison.slug}, {"slug": "austin-tx"}],
            "/api/officials/{slug}/": [{"slug": world.mayor.slug}, {"slug": world.ice.slug}],
            "/api/statements/{id}/": [{"id": world.refusal.pk}, {"id": world.honor.pk}],
            "/api/events/{id}/": [{"id": world.operation.pk}, {"id": world.raid.pk}],
            "/api/policies/{id}/": [{"id": world.order.pk}, {"id": world.agreement.pk}],
            "/api/articles/{id}/": [{"id": world.article.pk}, {"id": world.houston_article.pk}],
            "/api/declarations/{id}/": [{"id": world.declaration.pk}, {"id": 10**6}],
        }
    )
    # Keep the test's transaction open: a real request ends by closing "old" connections.
    for signal in (request_started, request_finished):
        monkeypatch.setattr(signal, "receivers", signal.receivers[:])
        signal.disconnect(close_old_connections)
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]  # Schemathesis' Host header
    # Hundreds of anonymous requests in a minute: lift the limit, or most answers would be 429s.
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "100000/minute"})
    yield
    REAL_KEYS.clear()


def test_the_fuzzed_schema_is_the_served_one(api):
    assert api.get("/api/schema/", {"format": "json"}).json() == RAW_SCHEMA


@as_anonymous.parametrize()
@FUZZ
def test_as_anonymous(case):
    response = case.call()

    if case.method.upper() in WRITES:
        assert response.status_code >= 400, response.text[:300]  # never written
        if case.method.upper() == case.operation.method.upper() and is_positive(case):
            assert response.status_code in (401, 403), response.text[:300]
    case.validate_response(response, checks=CHECKS)


@pytest.fixture
def editor_token(editor):
    return Token.objects.create(user=editor).key


@as_editor.parametrize()
@FUZZ
def test_as_editor(case, editor_token):
    response = case.call(headers={"Authorization": f"Token {editor_token}"})

    case.validate_response(response, checks=CHECKS)
