"""The data version: one number, shared by every web process, that changes when readers' data does.

Everything stored for readers (answers, the map's data, counts, CSV downloads) is stored under
the version it was made at, so a write makes all of it unreachable at once, in every process.

A write announces itself with ``data_changed()``, which bumps the version when the transaction
that wrote commits (``transaction.on_commit``): never for a write that is rolled back (an admin
form's validation, a failed import). A service that writes many rows (an article's facts, an
import) wraps them in ``one_change()``, so they bump it once. Bumping only after the commit also
closes the race with a cache outside the database (Redis): a reader who read the old rows before
the commit stored them under the old version, which no reader asks for again.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction

VERSION_KEY = "sanctuary:data-version"
T = TypeVar("T")
# The databases written inside ``one_change``; None outside one.
_batch: ContextVar[list[str] | None] = ContextVar("data_changes", default=None)


def data_version() -> int:
    """The current version.

    It starts from the clock in microseconds, not from 1: if the key is ever evicted, the
    number it restarts from is larger than any it held before, so a payload cached under an old
    version can never be served again."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)
        version = cache.get(VERSION_KEY) or time.time_ns() // 1000
    return version


def data_changed(using: str = DEFAULT_DB_ALIAS) -> None:
    """Bump the version once the current transaction commits (at once outside a transaction), or
    once at the end of the enclosing ``one_change``. Called by every service that writes what
    readers see."""
    batch = _batch.get()
    if batch is not None:
        batch.append(using)
    elif connections[using].in_atomic_block:
        transaction.on_commit(_bump, using=using)
    else:
        _bump()


@contextmanager
def one_change() -> Iterator[None]:
    """Many writes, one announcement: the writes inside (an article's thirty facts, an import's
    eight hundred agreements) bump the version once, when their transaction commits. A block
    that fails announces nothing."""
    if _batch.get() is not None:  # inside another: the outer one announces
        yield
        return
    token = _batch.set([])
    try:
        yield
        changed = _batch.get()
    finally:
        _batch.reset(token)
    for using in dict.fromkeys(changed):
        data_changed(using)


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet, or evicted: a fresh clock-based version invalidates
        data_version()


def hashed_key(prefix: str, text: str) -> str:
    """A cache key for a URL or a query, hashed: either may be longer than a cache key may be
    (250 characters for memcached, 255 in the database cache's table, which then silently stores
    nothing)."""
    return f"{prefix}:{hashlib.sha256(text.encode()).hexdigest()}"


def cached(key: str, build: Callable[[], T], *, timeout: int = 3600) -> T:
    """``build()``'s result, computed once per data version for this key and shared by every
    process; any write bumps the version, so a cached value is never stale."""
    versioned = f"{key}:v{data_version()}"
    value = cache.get(versioned)
    if value is None:
        value = build()
        cache.set(versioned, value, timeout=timeout)
    return value
