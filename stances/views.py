from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .selectors import jurisdiction_list


@require_GET
def home(request):
    return render(request, "stances/home.html", {"rows": jurisdiction_list()})


@never_cache
@require_GET
def health(request):
    """200 when the database answers, 503 (with the reason) when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return JsonResponse({"status": "unavailable", "database": type(error).__name__}, status=503)
    return JsonResponse({"status": "ok"})
