"""The Redis cache: django-redis, which keeps one Redis client per server instead of building one
for every cache call as Django's own backend does (40% of a stored answer's time, measured in
session 3). On a Redis of the test's own."""

import pytest
from django_redis.cache import RedisCache

from tests.servers import local_redis, manage, released_together, server_env


@pytest.fixture(scope="module")
def redis_url():
    with local_redis() as url:
        yield url


def test_a_redis_cache_url_gets_the_backend_that_keeps_its_clients(redis_url):
    env = server_env("sqlite:///unused.sqlite3", CACHE_URL=redis_url)
    printed = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"

    backend = manage(env, "shell", "--no-imports", "-c", printed).strip()

    assert backend == "sanctuary.cache.ResilientRedisCache"  # django-redis's, degrading


def test_every_call_reuses_one_client(redis_url):
    cache = RedisCache(redis_url, {})
    client = cache.client.get_client()

    cache.set("k", "v")
    assert cache.get("k") == "v"
    assert cache.client.get_client(write=True) is client
    assert cache.client.get_client(write=False) is client


def test_a_key_prefix_in_the_url_is_used(redis_url):
    """django-environ passes ``?key_prefix=`` on to django-redis (Django's own backend lost it)."""
    env = server_env("sqlite:///unused.sqlite3", CACHE_URL=f"{redis_url}?key_prefix=site2")
    printed = "from django.conf import settings; print(settings.CACHES['default']['KEY_PREFIX'])"

    # ... followed by the release (sanctuary.release), as every key prefix is.
    assert manage(env, "shell", "--no-imports", "-c", printed).strip().startswith("site2-")


def test_every_key_carries_the_release_so_a_deploy_serves_nothing_old_code_made(tmp_path):
    from sanctuary.release import code_release

    for folder in ("templates", "stances"):
        (tmp_path / folder).mkdir()
    page = tmp_path / "templates" / "page.html"
    page.write_text("<h1>Map</h1>")
    (tmp_path / "stances" / "views.py").write_text("x = 1\n")
    first = code_release(tmp_path)

    assert code_release(tmp_path) == first  # the same code: the same release, in every process
    page.write_text("<h1>The map</h1>")
    assert code_release(tmp_path) != first
    env = server_env("sqlite:///unused.sqlite3", RELEASE="2026-12-07.1")
    printed = "from django.conf import settings; print(settings.CACHES['default']['KEY_PREFIX'])"
    assert manage(env, "shell", "--no-imports", "-c", printed).strip() == "sanctuary-2026-12-07.1"


def test_it_is_still_the_shared_cache_django_documents(redis_url):
    """What one process writes another reads; add, incr, get_many and delete behave as Django's
    backend does (the data version and the throttle depend on them)."""
    writer, reader = RedisCache(redis_url, {}), RedisCache(redis_url, {})
    writer.clear()

    assert writer.add("version", 10) is True
    assert writer.add("version", 99) is False
    assert reader.incr("version") == 11
    writer.set_many({"a": [1, 2], "b": {"x": b"\x00bytes"}})
    assert reader.get_many(["a", "b", "missing"]) == {"a": [1, 2], "b": {"x": b"\x00bytes"}}
    writer.delete("a")
    assert reader.get("a", "gone") == "gone"
    with pytest.raises(ValueError):
        reader.incr("never-set")


def test_a_bump_the_breaker_swallowed_is_made_up_once_the_cache_answers(redis_url, monkeypatch):
    """Redis back, but this process's breaker not yet closed: the write's bump returns a miss.
    It is remembered as an outage, and the catch-up bumps the version once the cache answers."""
    import time

    from sanctuary import cache as shared_cache
    from sanctuary import versions
    from sanctuary.cache import ResilientRedisCache

    backend = ResilientRedisCache(redis_url, {})
    monkeypatch.setattr(versions, "cache", backend)
    monkeypatch.setattr(versions, "caches", {"default": backend})
    monkeypatch.setattr(shared_cache, "caches", {"default": backend})
    monkeypatch.setattr(versions, "_retry_in_background", lambda: None)  # the test drives it
    backend.health.outage_seen, backend.health.down_until = False, 0.0
    before = versions.data_version()

    # The breaker still open and Redis not answering the probe: remembered as an outage.
    backend.health.down_until = time.monotonic() + 60
    monkeypatch.setattr(shared_cache, "probe", lambda backend=None: False)
    versions._bump()
    assert shared_cache.outage_seen(backend)

    backend.health.down_until = 0.0  # closed again: the next request catches up
    assert versions.data_version() > before
    assert not shared_cache.outage_seen(backend)

    # The breaker open but Redis answering the probe: the bump is made at once.
    monkeypatch.undo()
    monkeypatch.setattr(versions, "cache", backend)
    monkeypatch.setattr(versions, "caches", {"default": backend})
    monkeypatch.setattr(shared_cache, "caches", {"default": backend})
    caught_up = versions.data_version()
    backend.health.down_until = time.monotonic() + 60
    versions._bump()
    assert versions.data_version() > caught_up
    assert not shared_cache.outage_seen(backend)


@pytest.fixture
def shared(redis_url, monkeypatch):
    """``sanctuary.versions`` on the test's own Redis, as every web process shares it."""
    from sanctuary import cache as shared_cache
    from sanctuary import versions
    from sanctuary.cache import ResilientRedisCache

    backend = ResilientRedisCache(redis_url, {})
    monkeypatch.setattr(versions, "cache", backend)
    monkeypatch.setattr(versions, "caches", {"default": backend})
    monkeypatch.setattr(shared_cache, "caches", {"default": backend})
    backend.health.outage_seen, backend.health.down_until = False, 0.0
    versions._bump()  # a fresh version: nothing stored under it
    return versions


def test_concurrent_misses_for_one_value_compute_it_once(shared):
    import threading
    import time

    builds = []
    lock = threading.Lock()

    def build():
        with lock:
            builds.append(1)
        time.sleep(0.3)  # seconds of SQL, as the "as of" map's counts take
        return {"answer": 42}

    results = released_together(6, lambda: shared.cached("coalesced", build))

    assert len(builds) == 1
    assert results == [{"answer": 42}] * 6


def test_when_the_builder_fails_the_waiters_build_it_themselves(shared):
    import threading
    import time

    calls = []
    lock = threading.Lock()

    def build():
        with lock:
            calls.append(1)
            first = len(calls) == 1
        time.sleep(0.2)
        if first:
            raise RuntimeError("the database went away")
        return "made"

    results = released_together(4, lambda: shared.cached("failing", build))

    assert sum(isinstance(r, RuntimeError) for r in results) == 1
    assert [r for r in results if not isinstance(r, RuntimeError)] == ["made"] * 3
    assert 2 <= len(calls) <= 4  # the failed build, then at least one waiter's own
    assert shared.cached("failing", build) == "made"  # stored by whoever finished
