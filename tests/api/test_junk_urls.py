"""Stored answers only for URLs worth storing (issue 19, item 3): a parameter no view reads does
not make a new stored answer, and a client cannot have pages made without end.

On a Redis of the test's own, as production runs: its entries (DBSIZE) and memory are read
before and after 2,000 requests with a junk parameter, as the probe sent them."""

from __future__ import annotations

import re

import pytest
from rest_framework.throttling import AnonRateThrottle

from sanctuary import cache as shared_cache
from tests.servers import LocalRedis

pytestmark = pytest.mark.django_db

PATHS = ["/", "/statements/", "/timeline/", "/api/statements/", "/api/jurisdictions/"]


@pytest.fixture
def redis(settings, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "1000000/minute"})
    server = LocalRedis().start()
    settings.CACHES = {
        "default": {"BACKEND": "sanctuary.cache.ResilientRedisCache", "LOCATION": server.url}
    }
    yield server
    server.cleanup()
    shared_cache._health.clear()


def entries(redis: LocalRedis) -> int:
    return int(redis.command("DBSIZE").strip(b":\r\n"))


def used_memory(redis: LocalRedis) -> int:
    info = redis.command("INFO", "memory").decode()
    return int(re.search(r"used_memory:(\d+)", info).group(1))


def test_two_thousand_junk_parameters_add_a_bounded_number_of_entries(redis, client, world):
    for path in PATHS:  # what readers ask for, stored once
        assert client.get(path).status_code == 200
    before, memory_before = entries(redis), used_memory(redis)

    for number in range(2000):
        path = PATHS[number % len(PATHS)]
        junk = f"utm_source={number}" if number % 2 else f"junk{number}=1"
        response = client.get(f"{path}?{junk}")
        assert response.status_code == 200, (path, junk)

    grown = entries(redis) - before
    print(f"\n2,000 junk requests: +{grown} entries, {memory_before:,} -> {used_memory(redis):,} B")
    # One answer per path with a parameter present (the views ask whether there are any), one
    # list of the ways each path reads its parameters, and the throttle's counters.
    assert grown <= 3 * len(PATHS) + 2


def test_a_parameter_the_view_reads_still_has_its_own_answer(redis, client, world):
    everything = client.get("/api/statements/").json()["count"]
    against = client.get("/api/statements/?stance=against_cooperation").json()["count"]
    junk = client.get("/api/statements/?stance=against_cooperation&utm_source=9").json()["count"]

    assert against < everything and junk == against
    page = client.get("/statements/?stance=against_cooperation&utm=1").content.decode()
    assert "utm" not in page  # the pager's links keep the filters, not the junk


def test_a_client_cannot_have_pages_made_without_end(redis, client, world, settings):
    settings.PAGE_MISS_RATE = "3/minute"
    speakers = ["", "?stance=neutral", "?stance=against_cooperation", "?stance=for_cooperation"]

    statuses = [client.get(f"/statements/{query}").status_code for query in speakers]

    assert statuses == [200, 200, 200, 429]
    assert client.get("/statements/").status_code == 200  # stored: free
