"""The methodology page."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from sanctuary.web.reader_cache import cached_for_readers
from stances.models import AgreementModel, Indicator
from stances.services.importers.ice_287g import MODEL_EFFECTS

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
            # What each 287(g) model sets, as the importer sets it (shown, never restated).
            "model_effects": {
                AgreementModel(model).value: [Indicator(i).label for i in indicators]
                for model, indicators in MODEL_EFFECTS.items()
            },
        },
    )
