"""Anonymous API reads, rendered once per data version and shared by every web process.

Readers and scrapers ask for the same lists and details again and again between two writes. A
view that mixes in ``CachedReadsMixin`` stores an anonymous GET's 200 response, as rendered
bytes and headers, in the shared cache under the data version (``summaries.data_version``);
every write through a service bumps the version, so a cached response is never served after
the data it shows has changed. The throttle, content negotiation and permissions still run
before the cache is read: a cached answer counts against the anonymous rate like any other.

Signed-in editors always get a fresh response (they see unreviewed and rejected facts, and what
they just wrote). Streamed responses (CSV) and responses over ``MAX_BYTES`` are not stored.
"""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpResponse
from rest_framework.response import Response

from . import summaries

MAX_BYTES = 2_000_000
TIMEOUT_SECONDS = 3600
# Set by the view (DRF's finalize_response) on every response, hit or miss.
_VIEW_HEADERS = {"allow", "vary"}


def response_key(request) -> str:
    """The absolute URL (pages link to their next page by it) and the negotiated format; hashed,
    as a long query string would pass the 250 characters a cache key may hold."""
    prefix = f"api:{summaries.data_version()}:{request.accepted_renderer.format}"
    return summaries.hashed_key(prefix, request.build_absolute_uri())


class CachedReadsMixin:
    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # authentication, permissions, throttle
        if request.method == "GET" and not request.user.is_authenticated:
            self.get = self._cached(self.get, response_key(request))

    @staticmethod
    def _cached(handler, key: str):
        def get(request, *args, **kwargs):
            stored = cache.get(key)
            if stored is not None:
                content, headers = stored
                response = HttpResponse(content)
                for name, value in headers:
                    response[name] = value
                return response
            response = handler(request, *args, **kwargs)
            if isinstance(response, Response) and response.status_code == 200:
                response.add_post_render_callback(lambda rendered: store(key, rendered))
            return response

        return get


def store(key: str, response) -> None:
    if len(response.content) > MAX_BYTES:
        return
    headers = [(n, v) for n, v in response.items() if n.lower() not in _VIEW_HEADERS]
    cache.set(key, (response.content, headers), timeout=TIMEOUT_SECONDS)
