"""Hostile input that once reached too far (issue 19, item 8): deeply nested and oversized
bodies, unknown and read-only fields, URLs longer than the server reads, HEAD on pages, article
addresses that are not URIs, and right-to-left overrides in names."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError

from articles.models import validate_http_uri
from stances.models import ReviewStatus
from stances.services.officials import official_create
from tests.factories import OfficialFactory, StatementFactory

pytestmark = pytest.mark.django_db


def test_a_deeply_nested_body_is_a_json_400_not_a_recursion_error(editor_api, world):
    deep = "[" * 100_000 + "]" * 100_000

    response = editor_api.patch(
        f"/api/events/{world.operation.pk}/", deep, content_type="application/json"
    )

    assert response.status_code == 400
    assert "nested more than" in response.json()["detail"]


def test_nesting_within_the_limit_is_read_then_judged_by_the_fields(editor_api, world):
    body = {"name": [[[["x"]]]]}

    response = editor_api.patch(f"/api/events/{world.operation.pk}/", body, format="json")

    assert response.status_code == 400 and "name" in response.json()


def test_a_body_over_the_limit_is_a_json_413(editor_api, world, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = json.dumps({"name": "x" * 2000})

    response = editor_api.patch(
        f"/api/events/{world.operation.pk}/", body, content_type="application/json"
    )

    assert response.status_code == 413
    assert response.json() == {"detail": "The request body is larger than 1,000 bytes."}


def test_a_url_over_the_limit_is_a_414_json_in_the_api_and_text_on_pages(client, settings):
    settings.MAX_URL_LENGTH = 5000
    long_query = "q=" + "a" * 6000

    api = client.get(f"/api/statements/?{long_query}")
    page = client.get(f"/statements/?{long_query}")

    assert api.status_code == 414 and api.json()["detail"].startswith("The URL is longer")
    assert page.status_code == 414 and page["Content-Type"].startswith("text/plain")
    assert client.get("/api/statements/?q=" + "a" * 100).status_code == 200


@pytest.mark.parametrize("body", [{"review_status": "rejected"}, {"span_start": 0, "id": 9}])
def test_unknown_and_read_only_fields_are_a_400_naming_them(editor_api, world, body):
    fact = world.honor
    assert fact.review_status == ReviewStatus.EXTRACTED

    response = editor_api.patch(f"/api/statements/{fact.pk}/", body, format="json")

    assert response.status_code == 400
    assert set(response.json()) == set(body)
    fact.refresh_from_db()
    assert fact.review_status == ReviewStatus.EXTRACTED  # not marked reviewed


def test_an_unknown_field_beside_a_known_one_is_refused_too(editor_api, world):
    response = editor_api.post(
        "/api/officials/", {"name": "Ana Ruiz", "is_superuser": True}, format="json"
    )

    assert response.status_code == 400 and list(response.json()) == ["is_superuser"]


def test_an_empty_patch_changes_nothing_and_reviews_nothing(editor_api, world):
    fact = world.honor

    response = editor_api.patch(f"/api/statements/{fact.pk}/", {}, format="json")

    assert response.status_code == 200
    fact.refresh_from_db()
    assert fact.review_status == ReviewStatus.EXTRACTED


@pytest.mark.parametrize(
    "path", ["/", "/timeline/", "/statements/", "/about/", "/api/statements/", "/api/"]
)
def test_head_works_wherever_get_does(client, world, path):
    response = client.head(path)

    assert response.status_code == 200
    assert response.content == b""


def test_head_on_a_jurisdiction_and_an_article_page(client, world):
    assert client.head(f"/jurisdictions/{world.madison.slug}/").status_code == 200
    assert client.head(f"/articles/{world.article.pk}/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        'https://news.example/a"b',
        "https://news.example/<script>",
        "https://news.example/a b",
        "https://news.example/caf\u00e9",
        "https://news.example/%zz",
        "ftp://news.example/a",
    ],
)
def test_an_article_address_must_be_an_http_uri(url):
    with pytest.raises(ValidationError):
        validate_http_uri(url)


def test_a_real_address_passes():
    validate_http_uri("https://news.example/2024/05/mayor's-order?utm=1&x=%C3%A9#top")


RLO, PDF = "\u202e", "\u202c"


def test_a_right_to_left_override_is_stripped_from_a_name_a_service_stores(world):
    official = official_create(name=f"Ana {RLO}Ruiz{PDF}", role=f"{RLO}Mayor")

    assert (official.name, official.role) == ("Ana Ruiz", "Mayor")


def test_names_and_quotes_on_the_statements_page_are_isolated(client, world):
    """A name stored before the services stripped overrides, and a quote whose override is the
    source's own (kept exact): each stays inside its own <bdi>."""
    speaker = OfficialFactory(name=f"{RLO}Evil Name", jurisdiction=world.madison)
    statement = StatementFactory(speaker=speaker)

    html = client.get("/statements/").content.decode()

    assert f"<strong><bdi>{RLO}Evil Name</bdi></strong>" in html
    assert f"<bdi>{statement.quote}</bdi>" in html
    assert '<blockquote dir="auto">' in html
