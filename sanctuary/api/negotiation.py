"""Content negotiation that answers a client's mistake with a 400 naming the parameter."""

from django.http import Http404
from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import DefaultContentNegotiation


class FormatNegotiation(DefaultContentNegotiation):
    """An unknown ``?format=`` is a 400 naming the parameter (DRF answers 404)."""

    def filter_renderers(self, renderers, format):
        try:
            return super().filter_renderers(renderers, format)
        except Http404:
            known = ", ".join(renderer.format for renderer in renderers)
            raise ValidationError({"format": [f"Not one of {known}."]}) from None
