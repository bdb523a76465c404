"""The request's size, checked before anything reads it: a URL longer than ``MAX_URL_LENGTH``
gets a 414 and an API body declared larger than ``DATA_UPLOAD_MAX_MEMORY_SIZE`` a 413, as JSON
under ``/api/`` (as every other API error, and as the schema lists them), a short page elsewhere.

gunicorn (``gunicorn.conf.py``) passes request lines of up to 1 MB on to Django instead of
refusing those over 4 KB with its own HTML page, so that the answer is this one.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse, JsonResponse

from sanctuary.api.parsers import too_large_detail

TOO_LONG = "The URL is longer than the server accepts ({limit:,} characters)."


class RequestLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        url = request.META.get("PATH_INFO", "") + request.META.get("QUERY_STRING", "")
        if len(url) > settings.MAX_URL_LENGTH:
            return refusal(request, 414, TOO_LONG.format(limit=settings.MAX_URL_LENGTH))
        if request.path.startswith("/api/") and declared_length(request) > (
            settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        ):
            return refusal(request, 413, too_large_detail())
        return self.get_response(request)


def declared_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def refusal(request, status: int, message: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=status)
    else:
        response = HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response
