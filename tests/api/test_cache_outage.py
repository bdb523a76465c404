"""With the shared cache (Redis) down, the site degrades instead of failing (issue 19, item 2):
readers get pages and API answers made from the database, writes succeed, the throttle follows
``THROTTLE_WITHOUT_CACHE``, and ``/api/health/`` says which dependency is down.

In-process, with the cache pointed at a real Redis address where nothing listens (connections
refused, as when redis-server has stopped); ``tests/reliability/test_cache_outage.py`` stops and
freezes a real Redis under gunicorn mid-run.
"""

from __future__ import annotations

import time

import pytest
from django.core.cache import caches
from rest_framework.authtoken.models import Token
from rest_framework.throttling import AnonRateThrottle

from sanctuary import cache as shared_cache
from sanctuary import versions
from sanctuary.cache import ResilientRedisCache
from stances.models import PolicyAction
from tests.servers import free_port, local_redis


def redis_at(url: str, timeout: float = 0.5) -> dict:
    return {
        "default": {
            "BACKEND": "sanctuary.cache.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": timeout, "SOCKET_TIMEOUT": timeout},
        }
    }


@pytest.fixture
def cache_down(settings):
    """The shared cache is a Redis nobody answers for: connection refused."""
    settings.CACHES = redis_at(f"redis://127.0.0.1:{free_port()}/0")
    yield
    forget_outages()


def forget_outages() -> None:
    """What this process knows of Redis servers, forgotten (a retry thread then stops)."""
    for health in shared_cache._health.values():
        health.outage_seen = False
    shared_cache._health.clear()


def test_every_call_answers_a_miss_and_the_breaker_saves_the_next_calls():
    down = ResilientRedisCache(f"redis://127.0.0.1:{free_port()}/0", {})

    assert down.get("k", "default") == "default"
    assert down.reachable is False
    assert (down.set("k", 1), down.add("k", 1), down.incr("k"), down.get_many(["k"])) == (
        False,
        False,
        None,
        {},
    )
    assert down.probe() is False


def test_it_answers_again_as_soon_as_the_server_does():
    with local_redis() as url:
        cache = ResilientRedisCache(url, {})
        cache.health.down_until = time.monotonic() + 60  # as after a failure

        assert cache.get("k") is None  # skipped while the breaker is open
        assert cache.probe() is True  # the health check's PING closes it
        assert cache.set("k", 1) is True and cache.get("k") == 1
        with pytest.raises(ValueError):  # a missing key is still the caller's to handle
            cache.incr("never-set")
    forget_outages()


@pytest.mark.django_db
def test_readers_get_pages_and_api_answers_from_the_database(cache_down, client, world):
    for path in [
        "/",
        "/timeline/",
        f"/jurisdictions/{world.madison.slug}/",
        "/statements/",
        "/api/jurisdictions/",
        "/api/jurisdictions/?format=geojson",
        f"/api/jurisdictions/{world.madison.slug}/",
        "/api/statements/",
        "/api/statements/?format=csv",
        "/admin/login/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
    assert versions.data_version() is None  # nothing stored is read or written


@pytest.mark.django_db
def test_health_names_the_cache_and_answers_503(cache_down, client, settings):
    response = client.get("/api/health/")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "cache": "unavailable"}
    settings.HEALTH_REQUIRED = ["database"]  # a load balancer's view: serve from the database
    assert client.get("/api/health/").status_code == 200


@pytest.mark.django_db
def test_an_editors_write_succeeds_and_is_kept(cache_down, client, world, editor, committed):
    token = Token.objects.create(user=editor).key
    policy = {
        "article": world.order.article_id,
        "jurisdiction": world.madison.slug,
        "kind": world.order.kind,
        "summary": "Written while the cache was down",
        "evidence": world.order.words,
        "effects": [{"indicator": "detainers", "direction": "limits"}],
    }

    with committed():  # the data version's bump runs, and cannot be made
        response = client.post(
            "/api/policies/",
            policy,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Token {token}",
        )

    assert response.status_code == 201, response.content
    assert PolicyAction.objects.filter(summary="Written while the cache was down").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("policy, expected", [("open", 200), ("closed", 429)])
def test_the_throttle_follows_its_setting(cache_down, client, settings, policy, expected):
    settings.THROTTLE_WITHOUT_CACHE = policy

    response = client.get("/api/statements/")

    assert response.status_code == expected
    if expected == 429:
        assert response["Retry-After"].isdigit()


@pytest.mark.django_db
def test_a_closed_throttle_never_refuses_an_editor(cache_down, editor_api, settings):
    settings.THROTTLE_WITHOUT_CACHE = "closed"

    assert editor_api.get("/api/statements/").status_code == 200


@pytest.mark.django_db
def test_the_correction_throttle_follows_it_too(cache_down, client, settings, world):
    settings.THROTTLE_WITHOUT_CACHE = "closed"
    report = {"message": "This quote is from another speaker."}

    response = client.post(f"/report/statement/{world.refusal.pk}/", report)

    assert response.status_code == 429


@pytest.mark.django_db
def test_a_bump_missed_during_the_outage_is_made_when_the_cache_answers(settings, monkeypatch):
    """Redis kept its data through the outage (it was unreachable, not restarted): the version
    it holds is the one from before a write made meanwhile, so the process that met the outage
    bumps it when the cache answers again, before it reads anything stored."""
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "100000/minute"})
    with local_redis() as url:
        settings.CACHES = redis_at(url)
        before = versions.data_version()
        backend = caches["default"]
        backend.health.outage_seen = True  # as a failed call leaves it

        after = versions.data_version()

        assert after == before + 1
        assert versions.data_version() == after  # once
    forget_outages()
