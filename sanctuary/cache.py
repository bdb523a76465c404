"""The shared cache, when it is Redis: one that degrades instead of failing.

Everything the cache holds can be made again from the database (stored answers, counts, the
map's data) or may be lost without harm to the data (throttle counters), so a Redis that is
stopped, unreachable or out of memory must not turn a reader's page or an editor's write into a
500. ``ResilientRedisCache`` (django-redis, with short socket timeouts) answers every call it
cannot make with what a miss answers: ``get`` gives the default, ``set`` and ``add`` store
nothing, ``incr`` gives None. After a failure it does not try again for ``RETRY_SECONDS`` (a
circuit breaker), so a Redis that no longer answers costs one timeout a second per process, not
one per call.

What depends on knowing about the outage asks ``reachable()``: the data version
(``sanctuary.versions``: no version, so nothing stored is read or written, and a bump that could
not be made is made once the cache answers again), the throttles (``sanctuary.api.throttles``:
open or closed, ``THROTTLE_WITHOUT_CACHE``) and the health check (``probe()``).

The default cache, the database's own table, goes down with the database: nothing here applies
to it, and the database's outage is the 503 of ``sanctuary.web.errors``.
"""

from __future__ import annotations

import logging
import socket
import time
from dataclasses import dataclass
from typing import Any

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 1.0
# What django-redis raises for a server that does not answer (or refuses: out of memory with
# eviction off), directly or re-raised from its ConnectionInterrupted.
CACHE_ERRORS = (
    ConnectionInterrupted,
    RedisConnectionError,
    RedisTimeoutError,
    ResponseError,
    socket.timeout,
    OSError,
)


@dataclass
class Health:
    """What this process knows of one Redis server, shared by its threads (Django makes a cache
    object per thread)."""

    down_until: float = 0.0
    # Set by any failure, cleared by ``sanctuary.versions`` once it has bumped the data version
    # after the outage: writes made meanwhile could not announce themselves.
    outage_seen: bool = False
    logged_at: float = float("-inf")


_health: dict[str, Health] = {}


class ResilientRedisCache(RedisCache):
    """django-redis's cache, answering a miss for every call the server cannot answer."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self.health = _health.setdefault(str(server), Health())

    def _call(self, name: str, miss: Any, *args: Any, **kwargs: Any) -> Any:
        if time.monotonic() < self.health.down_until:
            return miss
        try:
            return getattr(super(), name)(*args, **kwargs)
        except CACHE_ERRORS as error:
            self._failed(error)
            return miss

    def _failed(self, error: BaseException) -> None:
        now, health = time.monotonic(), self.health
        if now - health.logged_at > 60:  # once a minute, not once a request
            logger.warning("The cache is unreachable (%s): serving from the database", error)
            health.logged_at = now
        health.outage_seen = True
        health.down_until = now + RETRY_SECONDS

    @property
    def reachable(self) -> bool:
        return time.monotonic() >= self.health.down_until

    def probe(self) -> bool:
        """Whether the server answers now (a PING, whatever the breaker says); a success closes
        the breaker at once."""
        try:
            self.client.get_client(write=True).ping()
        except CACHE_ERRORS as error:
            self._failed(error)
            return False
        self.health.down_until = 0.0
        return True

    def get(self, key, default=None, version=None, client=None):
        return self._call("get", default, key, default=default, version=version, client=client)

    def set(self, *args, **kwargs):
        return self._call("set", False, *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._call("add", False, *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call("incr", None, *args, **kwargs)

    def decr(self, *args, **kwargs):
        return self._call("decr", None, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", False, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", 0, *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", {}, *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", [], *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", False, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", False, *args, **kwargs)

    def ttl(self, *args, **kwargs):
        return self._call("ttl", None, *args, **kwargs)

    def expire(self, *args, **kwargs):
        return self._call("expire", False, *args, **kwargs)

    def clear(self):
        return self._call("clear", False)


def reachable(backend: BaseCache | None = None) -> bool:
    """False while the shared cache is known to be down (always True for a cache that has no
    such notion: the database's table, a test's local memory)."""
    return getattr(backend or caches["default"], "reachable", True)


def outage_seen(backend: BaseCache | None = None) -> bool:
    """Whether this process met the cache down since the last ``outage_handled()``."""
    backend = backend or caches["default"]
    return isinstance(backend, ResilientRedisCache) and backend.health.outage_seen


def outage_missed(backend: BaseCache | None = None) -> None:
    """A write the cache did not take (its breaker was still open): to be made up for as after
    an outage, by ``sanctuary.versions``' catch-up."""
    backend = backend or caches["default"]
    if isinstance(backend, ResilientRedisCache):
        backend.health.outage_seen = True


def outage_handled(backend: BaseCache | None = None) -> None:
    backend = backend or caches["default"]
    if isinstance(backend, ResilientRedisCache):
        backend.health.outage_seen = False


def probe(backend: BaseCache | None = None) -> bool:
    """Whether the shared cache answers now: a write read back (a PING for Redis)."""
    backend = backend or caches["default"]
    if isinstance(backend, ResilientRedisCache):
        return backend.probe()
    token = f"{time.time_ns()}"
    backend.set("sanctuary:health", token, 30)
    return backend.get("sanctuary:health") == token
