"""Throttles that know what to do while the shared cache, which holds their counters, is down:
let requests through (``THROTTLE_WITHOUT_CACHE=open``, the default) or refuse them with a 429
until it is back (``closed``). Either way a cache outage is never a 500 (``sanctuary.cache``)."""

from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle

from sanctuary.cache import reachable


class CacheOutagePolicy:
    """Mixed into a DRF throttle: after counting (which fails quietly without the cache), a
    closed policy refuses what could not be counted."""

    def allow_request(self, request, view) -> bool:
        allowed = super().allow_request(request, view)
        counted = getattr(self, "key", None) is not None  # not an editor's request
        if allowed and counted and not reachable() and settings.THROTTLE_WITHOUT_CACHE == "closed":
            self.history = []  # what ``wait()`` reads: try again after one period
            return False
        return allowed


class AnonThrottle(CacheOutagePolicy, AnonRateThrottle):
    """The API's anonymous throttle (``API_ANON_RATE`` per client address)."""
