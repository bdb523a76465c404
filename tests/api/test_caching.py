"""Anonymous reads are rendered once per data version (stances.caching): a repeat costs no
query, a write is seen at once, and editors always get a fresh answer."""

import pytest
from django.test import override_settings

from stances.services.statements import statement_update

URLS = [
    "/api/jurisdictions/",
    "/api/jurisdictions/madison-wi/",
    "/api/statements/?stance=against_cooperation",
    "/api/events/",
    "/api/policies/",
    "/api/officials/",
    "/api/articles/",
    "/api/changes/",
]

# The shared cache as in production (Redis there): outside the database, so the counts below are
# the API's own queries.
pytestmark = pytest.mark.usefixtures("_cache_outside_the_database")


@pytest.fixture
def _cache_outside_the_database():
    locmem = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with override_settings(CACHES=locmem):
        from django.core.cache import cache

        cache.clear()
        yield
        cache.clear()


@pytest.mark.parametrize("url", URLS)
def test_a_repeated_anonymous_read_costs_no_query(world, api, django_assert_num_queries, url):
    first = api.get(url)

    with django_assert_num_queries(0):
        again = api.get(url)

    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert again["ETag"] == first["ETag"]


def test_a_write_is_seen_by_the_next_read(world, api, committed):
    before = api.get("/api/statements/?stance=neutral").json()

    with committed():
        statement_update(statement=world.honor, stance="neutral")
    after = api.get("/api/statements/?stance=neutral").json()

    assert world.honor.pk not in {s["id"] for s in before["results"]}
    assert world.honor.pk in {s["id"] for s in after["results"]}


@override_settings(ALLOWED_HOSTS=["testserver", "mirror.example.org"])
def test_each_format_and_host_is_stored_apart(world, api):
    json_body = api.get("/api/statements/").content
    csv_body = api.get("/api/statements/?format=csv").getvalue()
    here = api.get("/api/statements/?page_size=1").json()["next"]
    mirror = api.get("/api/statements/?page_size=1", HTTP_HOST="mirror.example.org").json()["next"]

    assert json_body.startswith(b"{")
    assert csv_body.startswith(b"id,")
    assert here.startswith("http://testserver/")
    assert mirror.startswith("http://mirror.example.org/")


def test_errors_are_not_stored(world, api, django_assert_max_num_queries):
    assert api.get("/api/statements/?page_size=abc").status_code == 400
    assert api.get("/api/jurisdictions/nowhere-zz/").status_code == 404

    with django_assert_max_num_queries(5) as queries:
        response = api.get("/api/jurisdictions/nowhere-zz/")
    assert response.status_code == 404
    assert len(queries) > 0  # looked up again, not served from the cache


def test_editors_always_get_a_fresh_answer(world, api, editor_api, django_assert_max_num_queries):
    api.get("/api/events/")
    anonymous = api.get("/api/events/?include_rejected=true")
    editor = editor_api.get("/api/events/?include_rejected=true")

    assert anonymous.status_code == 403 or world.rejected_event.pk not in {
        e["id"] for e in anonymous.json()["results"]
    }
    assert world.rejected_event.pk in {e["id"] for e in editor.json()["results"]}
    with django_assert_max_num_queries(20) as queries:
        editor_api.get("/api/events/")
    assert len(queries) > 0
