"""The server-error view (``handler500``): when the database is unreachable, say so with a 503
and a Retry-After, as JSON under ``/api/`` and as a plain page for readers, rather than a
generic 500. Any other error gets the friendly 500 page.

Django calls this for an exception raised anywhere in a request (a view, a middleware's query,
a throttle reading the cache table), with the exception still being handled, so ``sys.exc_info``
says what went wrong. Django reconnects on the next request (``CONN_HEALTH_CHECKS``): the site
recovers by itself once the database is back, without a restart.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.response import SimpleTemplateResponse
from django.utils.html import escape
from django.utils.translation import get_language, gettext, gettext_noop
from django.views.defaults import page_not_found

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = "30"
UNAVAILABLE = gettext_noop(
    "The database is unavailable at the moment. Please try again in a minute."
)
FAILED = gettext_noop("The request failed because of an error on our side. It has been logged.")


def database_unavailable(error: BaseException | None) -> bool:
    """Whether the database's being unreachable caused this error: the error itself, or one it
    was raised from or while handling (a rollback that fails after the connection dropped)."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, (OperationalError, InterfaceError)):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def server_error(request):
    unavailable = database_unavailable(sys.exc_info()[1])
    status, message = (503, UNAVAILABLE) if unavailable else (500, FAILED)
    message = gettext(message)  # in the request's language: English under /api/
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=status)
    else:
        response = _page(status, message)
    if unavailable:
        response["Retry-After"] = RETRY_AFTER_SECONDS
    response["Cache-Control"] = "no-store"
    return response


def _page(status: int, message: str) -> HttpResponse:
    """The friendly page: a template that needs no database (no user, no session, no query).
    Should even that fail (a static file missing from the manifest), a bare page says the same
    rather than letting the error view's own error become the server's plain 500."""
    try:
        response = SimpleTemplateResponse(f"{status}.html", {"message": message}, status=status)
        response.render()
        return response
    except Exception:  # noqa: BLE001 - the last line of defence; logged, then the bare page
        logger.exception("The %s page could not be rendered", status)
        title = gettext("Temporarily unavailable" if status == 503 else "Something went wrong")
        return HttpResponse(
            f'<!doctype html><html lang="{get_language() or "en"}"><meta charset="utf-8">'
            f"<title>{title} · Sanctuary"
            f"</title><h1>{title}</h1><p>{escape(message)}</p></html>",
            status=status,
        )


def not_found(request, exception):
    """``handler404`` for a URL no route matches: JSON under ``/api/`` (as every other API
    error), the usual page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found."}, status=404)
    return page_not_found(request, exception)
