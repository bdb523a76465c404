"""The data version: one number, shared by every web process, that changes when readers' data does.

Everything stored for readers (answers, the map's data, counts, CSV downloads) is stored under
the version it was made at, so a write makes all of it unreachable at once, in every process.

A place's own pages (its page, its card, its API detail, its feed) are stored under a version of
their own instead: the *structure* version and that place's version (``place_version``). A write
that says which places' pages it changed (``data_changed(places=...)``: the domain works out the
places, their layers and the places below them) bumps those places' versions and the data
version, so Denver's page outlives a write to Atlanta; a write that does not say (an edit of a
place's name, of an official, of an article) bumps the structure version too, and every stored
answer goes.

A write announces itself with ``data_changed()``, which bumps the version when the transaction
that wrote commits (``transaction.on_commit``): never for a write that is rolled back (an admin
form's validation, a failed import). A service that writes many rows (an article's facts, an
import) wraps them in ``one_change()``, so they bump it once. Bumping only after the commit also
closes the race with a cache outside the database (Redis): a reader who read the old rows before
the commit stored them under the old version, which no reader asks for again.

While Redis is down there is no version (``data_version()`` is None): nothing stored is read or
written, readers get answers made from the database, and a write is committed as usual. Its bump
cannot be made then (nor while this process's breaker is still open after the outage: the
backend answers a miss), so a process that met the outage, or whose bump the cache did not take,
bumps the version (and the structure version) as soon as the cache answers again: at its next
request (the reader cache asks for the version first), and, for the process that wrote, from a
background retry every second. Answers stored before the outage are
therefore never served after a write made during it, unless Redis kept its data through the
outage and the writing process ended before Redis came back while no other process met the
outage; then they last at most until they expire (an hour). Redis as deployed keeps nothing on
disk, so a Redis that was restarted comes back empty.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from django.core.cache import cache, caches
from django.core.cache.backends.base import BaseCache
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from sanctuary import cache as shared_cache

VERSION_KEY = "sanctuary:data-version"
STRUCTURE_KEY = "sanctuary:structure-version"
PLACE_KEY = "sanctuary:place-version:{}"
T = TypeVar("T")
# What a write changed: every page (None), or only these places' own pages.
Scope = frozenset[str] | None
# The databases written inside ``one_change``, with their scopes; None outside one.
_batch: ContextVar[list[tuple[str, Scope]] | None] = ContextVar("data_changes", default=None)


def _clock() -> int:
    return time.time_ns() // 1000


def _current(keys: list[str]) -> dict[str, int]:
    """The values of version keys, each started from the clock when missing (or evicted: the
    clock is past every value the key held, so nothing stored under an old one is served)."""
    found = cache.get_many(keys)
    for key in keys:
        if found.get(key) is None:
            cache.add(key, _clock(), timeout=None)
            found[key] = cache.get(key) or _clock()
    return found


def place_version(place: str) -> str | None:
    """The version of one place's own pages (see the module docstring), or None while the
    shared cache is down."""
    _catch_up()
    keys = [STRUCTURE_KEY, PLACE_KEY.format(place)]
    found = _current(keys)
    return f"s{found[keys[0]]}p{found[keys[1]]}" if shared_cache.reachable() else None


def data_version() -> int | None:
    """The current version, or None while the shared cache is down (store and read nothing).

    It starts from the clock in microseconds, not from 1: if the key is ever evicted, the
    number it restarts from is larger than any it held before, so a payload cached under an old
    version can never be served again."""
    _catch_up()
    version = _current([VERSION_KEY])[VERSION_KEY]
    return version if shared_cache.reachable() else None


def data_changed(using: str = DEFAULT_DB_ALIAS, places: Iterable[str] | None = None) -> None:
    """Bump the version once the current transaction commits (at once outside a transaction), or
    once at the end of the enclosing ``one_change``. Called by every service that writes what
    readers see. ``places``: the places whose own pages the write changed (their keys), when
    the write knows them; None when any page may have changed."""
    scope: Scope = None if places is None else frozenset(places)
    batch = _batch.get()
    if batch is not None:
        batch.append((using, scope))
    elif connections[using].in_atomic_block:
        transaction.on_commit(functools.partial(_bump, scope), using=using)
    else:
        _bump(scope)


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
    scopes: dict[str, Scope] = {}
    for using, scope in changed:
        if using not in scopes:
            scopes[using] = scope
        elif scopes[using] is None or scope is None:
            scopes[using] = None
        else:
            scopes[using] = scopes[using] | scope
    for using, scope in scopes.items():
        data_changed(using, scope)


def _bump(scope: Scope = None) -> None:
    keys = [STRUCTURE_KEY] if scope is None else [PLACE_KEY.format(p) for p in sorted(scope)]
    missed = [key for key in (VERSION_KEY, *keys) if not _advance(key)]
    if missed and shared_cache.probe():  # answering again: its breaker closes, bump now
        missed = [key for key in missed if not _advance(key)]
    if missed:
        # The cache did not take the bump (down, or its breaker not yet closed after an
        # outage): the catch-up makes it up, dropping every page, as after an outage.
        shared_cache.outage_missed()
    if missed or not shared_cache.reachable():
        _retry_in_background()


def _advance(key: str) -> bool:
    """Change a version key's value (never back to one it held); False when the cache did not
    answer."""
    try:
        return cache.incr(key) is not None
    except ValueError:  # not set yet, or evicted: a fresh clock-based value invalidates
        _current([key])
        return True


def _catch_up(backend: BaseCache | None = None) -> None:
    """Bump once after an outage this process met: writes made during it announced nothing."""
    backend = backend or caches["default"]
    if shared_cache.outage_seen(backend) and shared_cache.reachable(backend):
        shared_cache.outage_handled(backend)
        # Gone (a restarted Redis is empty): the next version starts from the clock anyway.
        # Writes made meanwhile said nothing of what they changed: every page goes.
        for key in (VERSION_KEY, STRUCTURE_KEY):
            with contextlib.suppress(ValueError):
                if backend.incr(key) is None:  # not taken after all: again at the next chance
                    shared_cache.outage_missed(backend)


_retrying = threading.Lock()


def _retry_in_background() -> None:
    """Until the cache answers, try to bump every second, from a thread of this process's own:
    the process that wrote may serve no other request for a while."""
    backend = caches["default"]
    if not shared_cache.outage_seen(backend) or not _retrying.acquire(blocking=False):
        return  # not a cache that can be down, or already retrying

    def retry() -> None:
        try:
            while shared_cache.outage_seen(backend):
                time.sleep(shared_cache.RETRY_SECONDS)
                shared_cache.probe(backend)
                _catch_up(backend)
        finally:
            _retrying.release()

    threading.Thread(target=retry, name="data-version-retry", daemon=True).start()


def hashed_key(prefix: str, text: str) -> str:
    """A cache key for a URL or a query, hashed: either may be longer than a cache key may be
    (250 characters for memcached, 255 in the database cache's table, which then silently stores
    nothing)."""
    return f"{prefix}:{hashlib.sha256(text.encode()).hexdigest()}"


# How long a request waits for another process's build of the same value before building it
# itself (the builder's claim lapses after as long, should it die mid-build).
BUILD_WAIT_SECONDS = 10


def cached(key: str, build: Callable[[], T], *, timeout: int = 3600) -> T:
    """``build()``'s result, computed once per data version for this key and shared by every
    process; any write bumps the version, so a cached value is never stale.

    Concurrent misses compute it once: the first claims the build (an atomic ``add`` of a
    marker key) and the others wait for its value, polling, instead of each repeating the same
    seconds of work (the "as of" map's counts, the GeoJSON) right after a write. A waiter builds
    the value itself if the builder fails (its marker goes) or takes longer than
    ``BUILD_WAIT_SECONDS``."""
    version = data_version()
    if version is None:  # the cache is down: made from the database, stored nowhere
        return build()
    versioned = f"{key}:v{version}"
    value = cache.get(versioned)
    if value is not None:
        return value
    marker = f"{versioned}:building"
    with making(marker) as claimed:
        if not claimed:
            value = made_elsewhere(marker, lambda: cache.get(versioned))
            if value is not None:
                return value
        value = build()
        cache.set(versioned, value, timeout=timeout)
    return value


@contextmanager
def making(marker: str) -> Iterator[bool]:
    """Claim the making of something shared (a value, an answer) under ``marker``: True for the
    first to ask, who releases the claim when done; it lapses by itself after
    ``BUILD_WAIT_SECONDS``, should its maker die mid-way."""
    claimed = bool(cache.add(marker, 1, timeout=BUILD_WAIT_SECONDS))
    try:
        yield claimed
    finally:
        if claimed:
            cache.delete(marker)


def made_elsewhere(marker: str, look: Callable[[], T | None]) -> T | None:
    """What ``look()`` finds once the claimant of ``marker`` has stored it, polling; None if the
    claim ends with nothing stored (the maker failed, or stores nothing for this), the cache
    stops answering, or ``BUILD_WAIT_SECONDS`` pass: the caller then makes it itself."""
    deadline = time.monotonic() + BUILD_WAIT_SECONDS
    pause = 0.01
    while time.monotonic() < deadline:
        time.sleep(pause)
        found = look()
        if found is not None:
            return found
        if cache.get(marker) is None:
            return None
        pause = min(pause * 2, 0.1)
    return None
