"""The OpenAPI schema validates without warnings, and every path in it answers."""

import pytest
import yaml
from django.core.management import call_command


@pytest.fixture
def schema(tmp_path) -> dict:
    path = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(path))
    return yaml.safe_load(path.read_text())


def test_schema_validates_without_warnings(schema):
    assert schema["info"]["title"] == "Sanctuary API"
    assert "/api/jurisdictions/{slug}/" in schema["paths"]


def test_every_path_in_the_schema_answers(schema, world, api):
    keys = {
        "/api/jurisdictions/{slug}/": world.madison.slug,
        "/api/officials/{slug}/": world.mayor.slug,
        "/api/statements/{id}/": world.refusal.pk,
        "/api/events/{id}/": world.operation.pk,
        "/api/policies/{id}/": world.order.pk,
        "/api/articles/{id}/": world.article.pk,
        "/api/declarations/{id}/": world.declaration.pk,
    }
    called = []
    for template, methods in schema["paths"].items():
        if "get" not in methods:
            continue
        url = template
        if "{" in template:
            parameter = template.rsplit("{", 1)[1].rstrip("}/")
            url = template.replace(f"{{{parameter}}}", str(keys[template]))
        response = api.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        called.append(template)

    assert set(called) == set(schema["paths"])
    assert len(called) == 16


def test_every_list_parameter_in_the_schema_is_accepted(schema, world, api):
    """A documented filter is a real one: an unknown choice is refused, a valid one is not."""
    for template, methods in schema["paths"].items():
        if "{" in template:
            continue
        for parameter in methods.get("get", {}).get("parameters", []):
            enum = parameter.get("schema", {}).get("enum")
            if parameter["in"] != "query" or not enum or parameter["name"] == "format":
                continue
            response = api.get(template, {parameter["name"]: enum[0]})
            assert response.status_code == 200, (template, parameter["name"])


@pytest.mark.parametrize("path", ["/api/schema/", "/api/docs/", "/api/redoc/"])
def test_schema_and_docs_pages(db, api, path):
    response = api.get(path)

    assert response.status_code == 200
