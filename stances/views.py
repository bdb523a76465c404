from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import selectors


@require_GET
def home(request):
    rows = selectors.jurisdiction_rows(selectors.jurisdictions_with_counts())
    return render(request, "stances/home.html", {"rows": rows})
