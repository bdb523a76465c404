"""A full cache evicts stored answers, never a queued ingestion.

docker-compose runs one Redis for the reader cache (database 1) and the task queue's broker
(database 2), bounded by ``--maxmemory``. Eviction is instance-wide: under ``allkeys-lru`` a
queued task, untouched since it was sent, is the least recently used key there is, so a busy
cache would drop an editor's background ingestion (its job would wait "queued" forever). Stored
answers all carry a timeout and the broker's messages none, so ``volatile-lru`` evicts answers
only. This test runs a Redis of its own with the compose file's eviction policy, sends a real
task through Celery, then fills the cache well past the limit through Django's cache backend.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from django.core.cache import caches

from sanctuary.celery import app
from stances.services.ingestion import ingest_in_background
from tests.servers import LocalRedis

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 4 * 1024 * 1024
ANSWER = "x" * 100_000  # a stored page's size


def compose_policy() -> str:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    command = compose["services"]["redis"]["command"]
    return command[command.index("--maxmemory-policy") + 1]


@pytest.fixture
def redis(settings):
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False  # sent to the broker, not run here
    server = LocalRedis().start()
    server.command("CONFIG", "SET", "maxmemory", str(LIMIT))
    server.command("CONFIG", "SET", "maxmemory-policy", compose_policy())
    base = f"redis://127.0.0.1:{server.port}"
    settings.CACHES = {
        **settings.CACHES,
        "eviction": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                     "LOCATION": f"{base}/1", "TIMEOUT": 3600},
    }  # fmt: skip
    try:
        yield server, base
    finally:
        app.conf.task_always_eager = eager
        server.cleanup()


def test_a_full_cache_evicts_answers_and_keeps_the_queued_ingestion(redis):
    server, base = redis
    with app.connection_for_write(f"{base}/2") as connection:
        ingest_in_background.apply_async(args=[12345], connection=connection)
    cache = caches["eviction"]
    written = 0
    for n in range(LIMIT * 4 // len(ANSWER)):  # four times the limit
        cache.set(f"answer:{n}", ANSWER)
        written += 1
    kept = sum(cache.get(f"answer:{n}") is not None for n in range(written))
    assert kept < written  # the limit holds: answers were evicted
    with app.connection_for_read(f"{base}/2") as connection:
        message = connection.default_channel.basic_get("celery", no_ack=True)
    assert message is not None, "the queued ingestion was evicted"
    assert message.headers["task"] == "stances.ingest_article"
    assert message.headers["argsrepr"] == "[12345]"
