"""The API's Redoc page, from our own static files with nothing fetched from another host."""

import functools

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

# Redoc's sidebar shows Redocly's logo from their CDN, always (no Redoc option turns it off), and
# no page may fetch from another host (the CSP blocks it, and the browser reports the attempt).
# The API docs therefore load the sidecar's bundle through here, the logo swapped for a blank.
REDOC_BUNDLE = "drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"
REDOC_LOGO = b"https://cdn.redoc.ly/redoc/logo-mini.svg"
BLANK_IMAGE = b"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E"


@functools.cache
def _redoc_bundle() -> bytes:
    with open(finders.find(REDOC_BUNDLE), "rb") as bundle:
        return bundle.read().replace(REDOC_LOGO, BLANK_IMAGE)


@require_safe
@cache_control(public=True, max_age=86400)
def redoc_bundle(request):
    return HttpResponse(_redoc_bundle(), content_type="text/javascript; charset=utf-8")
