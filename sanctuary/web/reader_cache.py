"""Anonymous reads, answered once per data version and shared by every web process.

Readers and scrapers ask for the same lists, details and pages again and again between two
writes. A view marks a response it is willing to share with every anonymous reader
(``CachedReadsMixin`` for the API, ``share_with_readers`` for pages); ``ReaderCacheMiddleware``
stores such a response, as bytes and headers, in the shared cache under the data version
(``sanctuary.versions``), and answers the next anonymous GET of the same URL (and, in the
API, the same ``Accept`` header) from there, before sessions, authentication, URL routing and
the view run. Every committed write bumps the version (``versions.data_changed``, called by the one
service behind each write), so a stored answer is never served after the data it shows has
changed, by this process or any other. A place's own pages (``scope_paths``) are stored under
that place's version instead (``versions.place_version``), which only a write that changed them
bumps: a write to one place leaves the others' pages stored. A shell's ``update()`` that
bypasses the services is seen within ``TIMEOUT_SECONDS``.

What still runs for a stored answer: the security headers and the CSP (the middleware outside
this one), the API's anonymous throttle (the same counter the views use: a stored answer counts
against the rate like any other, and a refused one is answered by the view, with DRF's 429), and
conditional GETs (``If-None-Match`` against the stored ``ETag`` gives a 304).

Signed-in editors always get a fresh response: a request that carries credentials (the session
cookie, an ``Authorization`` header, or DRF's forced authentication in tests) never reads or
fills the cache, and views only mark responses made for an anonymous user. Streamed responses,
responses that set a cookie and responses over ``MAX_BYTES`` are never stored.
"""

from __future__ import annotations

import functools
import re

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe
from rest_framework.throttling import SimpleRateThrottle

from sanctuary import versions
from sanctuary.api.throttles import AnonThrottle, CacheOutagePolicy
from sanctuary.web.query import RecordingQueryDict, read_values

MAX_READ_SETS = 8
# Paths of one place's own pages (see ``scope_paths``): stored under that place's version.
_place_paths: list[re.Pattern[str]] = []

MAX_BYTES = 5_000_000
TIMEOUT_SECONDS = 3600
# The mark a view leaves on a response it shares with every anonymous reader; its value says
# whether the answer is throttled (the API) or not (pages).
MARK = "shared_with_readers"
API, PAGE = "api", "page"


def is_anonymous(request) -> bool:
    """Whether the request carries no credentials at all, so that its user is anonymous
    whatever the views would find (checked before authentication has run)."""
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES  # a message still to show
        and "HTTP_AUTHORIZATION" not in request.META
        and getattr(request, "_force_auth_user", None) is None  # DRF's APIClient
    )


def scope_paths(*patterns: str) -> None:
    """Register the paths of a place's own pages: regular expressions over the path, each with
    a group ``place``, the key the domain gives ``versions.data_changed(places=...)``. Their
    answers are stored under that place's version (``versions.place_version``), so a write that
    says it changed other places' pages leaves them stored."""
    _place_paths.extend(re.compile(p) for p in patterns)


def version_for(request) -> int | str | None:
    """The version a request's answer is stored under: its place's for a place's own page,
    else the data version; None while the shared cache is down."""
    for pattern in _place_paths if settings.READER_CACHE_SCOPED else ():
        m = pattern.fullmatch(request.path_info)
        if m:
            return versions.place_version(m["place"])
    return versions.data_version()


def where(request) -> str:
    """The absolute URL without its query (pages link to their next page by it) and, in the
    API, the Accept header (which chooses the format with ``?format=``)."""
    accept = request.META.get("HTTP_ACCEPT", "") if request.path.startswith(api_prefix()) else ""
    return f"{request.build_absolute_uri(request.path)} {accept}"


def answer_key(version: int | str, place: str, names: frozenset[str], query) -> str:
    """An answer's key: the data version, where, and the values of the parameters the view read
    to make it (``sanctuary.web.query``); hashed, as a long query string would pass the 250
    characters a cache key may hold."""
    read = ",".join(sorted(names))
    return versions.hashed_key(f"reader:{version}", f"{place} {read} {read_values(query, names)}")


def share_with_readers(response, kind: str = PAGE):
    """Mark ``response`` (made for an anonymous user) as one every anonymous reader may get."""
    setattr(response, MARK, kind)
    return response


def cached_for_readers(view):
    """A page view whose anonymous answers are shared: rendered once per data version."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if not request.user.is_authenticated:
            share_with_readers(response)
        return response

    return wrapper


class CachedReadsMixin:
    """An API view whose anonymous 200 answers are shared by ``ReaderCacheMiddleware``."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if (
            request.method == "GET"
            and response.status_code == 200
            and not request.user.is_authenticated
        ):
            share_with_readers(response, API if self.get_throttles() else PAGE)
        return response


class ReadThrottle(AnonThrottle):
    """The API's anonymous throttle (same rate, same counter per client address) for a request
    already known to be anonymous, before authentication has run."""

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class ReaderCacheMiddleware:
    """Answers anonymous GETs from the shared cache; stores the answers views mark as shared.
    Sits just inside whitenoise: static files never get here, and everything after it is
    skipped for a stored answer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.READER_CACHE:  # off: every answer made by its view (benchmarks, debugging)
            return self.get_response(request)
        if request.method != "GET" or not is_anonymous(request) or request.path in uncached():
            return self.get_response(request)
        version = version_for(request)
        if version is None:  # the shared cache is down: the view answers from the database
            return self.get_response(request)
        place = where(request)
        index = versions.hashed_key(f"reads:{version}", place)
        read_sets = cache.get(index) or ()
        if read_sets:
            keys = [answer_key(version, place, names, request.GET) for names in read_sets]
            found = cache.get_many(keys)
            stored = next((found[key] for key in keys if key in found), None)
            if stored is not None:
                return self._replayed(request, stored)
        if not request.path.startswith(api_prefix()) and not PageMissThrottle().allow_request(
            request, None
        ):
            return over_budget()
        # Concurrent misses for one URL make it once: the first claims the making (an atomic
        # add of a marker key), the others wait for its stored answer (as versions.cached does
        # for values) and make it themselves only if it fails, stores nothing or takes too long.
        query_string = request.META.get("QUERY_STRING", "")
        marker = versions.hashed_key(f"making:{version}", f"{place}?{query_string}")
        with versions.making(marker) as claimed:
            if not claimed:
                stored = versions.made_elsewhere(marker, lambda: stored_answer(request))
                if stored is not None:
                    return self._replayed(request, stored)
            return self._made(request, version, place, index, read_sets)

    def _replayed(self, request, stored) -> HttpResponse:
        """A stored answer, once the API's anonymous throttle allows it."""
        kind, content, headers = stored
        if kind != API or ReadThrottle().allow_request(request, None):
            return replay(request, content, headers)
        return self.get_response(request)  # the view refuses it again, with DRF's 429

    def _made(self, request, version, place: str, index: str, read_sets) -> HttpResponse:
        """The view's answer, stored when the view marked it as shared."""
        # A client revalidating what it has must not keep the answer from being stored: the
        # view makes the whole answer, and the 304 is decided here, as for a stored one.
        conditions = {name: request.META.pop(name) for name in CONDITIONS if name in request.META}
        query = request.GET
        request.GET = RecordingQueryDict(request.META.get("QUERY_STRING", ""), request.encoding)
        response = self.get_response(request)
        names = frozenset(request.GET.read)
        request.GET = query
        request.META.update(conditions)
        if storable(response):
            headers = list(response.items())
            key = answer_key(version, place, names, query)
            cache.set(key, (getattr(response, MARK), response.content, headers), TIMEOUT_SECONDS)
            if names not in read_sets:  # the ways this view reads its parameters, newest first
                cache.set(index, (names, *read_sets)[:MAX_READ_SETS], TIMEOUT_SECONDS)
        if conditions and response.status_code == 200 and not response.streaming:
            return conditional(request, response)
        return response


def stored_answer(request):
    """What is stored for ``request`` now, or None: (kind, content, headers)."""
    version = version_for(request)
    if version is None:
        return None
    place = where(request)
    for names in cache.get(versions.hashed_key(f"reads:{version}", place)) or ():
        stored = cache.get(answer_key(version, place, names, request.GET))
        if stored is not None:
            return stored
    return None


class PageMissThrottle(CacheOutagePolicy, SimpleRateThrottle):
    """Pages a client may have made per period (``PAGE_MISS_RATE``) when nothing is stored for
    them: a stored answer is free, so readers never meet it, but one client cannot fill the
    cache (or the two cores) with pages nobody else asks for."""

    scope = "page_misses"

    def get_rate(self) -> str:
        return settings.PAGE_MISS_RATE

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def over_budget() -> HttpResponse:
    response = HttpResponse(
        "Too many pages asked for at once from your address: please try again in a minute.",
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = "60"
    response["Cache-Control"] = "no-store"
    return response


@functools.cache
def api_prefix() -> str:
    """Where the API lives: there the Accept header chooses the format; pages have one."""
    return reverse("api:api-root")


@functools.cache
def uncached() -> frozenset[str]:
    """Paths that never touch the cache: the health check answers whether the database is up,
    also when the cache is the database's table and down with it."""
    return frozenset([reverse("api:health")])


def storable(response) -> bool:
    return (
        getattr(response, MARK, None) is not None
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and len(response.content) <= MAX_BYTES
    )


CONDITIONS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")


def replay(request, content: bytes, headers: list[tuple[str, str]]) -> HttpResponse:
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    response["X-Cache"] = "hit"  # a stored answer (for operators and the benchmark)
    return conditional(request, response)


def conditional(request, response):
    """A 304 when the client already has ``response`` (ConditionalGetMiddleware's test)."""
    last_modified = response.get("Last-Modified")
    not_modified = get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=last_modified and parse_http_date_safe(last_modified),
        response=response,
    )
    return not_modified or response
