"""The server-error view (``handler500``): when the database is unreachable, say so with a 503
and a Retry-After, as JSON under ``/api/`` and as a plain page for readers, rather than a
generic 500. Any other error gets the friendly 500 page.

Django calls this for an exception raised anywhere in a request (a view, a middleware's query,
a throttle reading the cache table), with the exception still being handled, so ``sys.exc_info``
says what went wrong. Django reconnects on the next request (``CONN_HEALTH_CHECKS``): the site
recovers by itself once the database is back, without a restart.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.template.response import SimpleTemplateResponse

RETRY_AFTER_SECONDS = "30"
UNAVAILABLE = "The database is unavailable at the moment. Please try again in a minute."
FAILED = "The request failed because of an error on our side. It has been logged."


def server_error(request):
    unavailable = isinstance(sys.exc_info()[1], (OperationalError, InterfaceError))
    status, message = (503, UNAVAILABLE) if unavailable else (500, FAILED)
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=status)
    else:
        # Templates that need no database: no user, no session, no queries.
        response = SimpleTemplateResponse(f"{status}.html", {"message": message}, status=status)
        response.render()
    if unavailable:
        response["Retry-After"] = RETRY_AFTER_SECONDS
    response["Cache-Control"] = "no-store"
    return response
