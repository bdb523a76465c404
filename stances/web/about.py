"""The methodology page."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from sanctuary.web.reader_cache import cached_for_readers
from stances.models import Indicator

from . import dashboard


@require_safe
@cached_for_readers
def about(request):
    return render(
        request,
        "stances/about.html",
        {
            "last_updated": dashboard.last_updated(),
            "review_counts": dashboard.review_counts(),
            "indicators": Indicator.choices,
        },
    )
