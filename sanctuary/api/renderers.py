"""Formats every list offers besides JSON: ``?format=csv``, and ``?format=geojson`` for places."""

from rest_framework.renderers import BaseRenderer, BrowsableAPIRenderer, JSONRenderer

from .exports import csv_lines


class CSVRenderer(BaseRenderer):
    """Declares ``?format=csv``; lists stream their own response, this renders single objects."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        rows = data if isinstance(data, list) else [data]
        return "".join(csv_lines(rows, [])).encode("utf-8")


class GeoJSONRenderer(JSONRenderer):
    media_type = "application/geo+json"
    format = "geojson"


# What every list offers: JSON, the browsable API, and CSV.
LIST_RENDERERS = [JSONRenderer, BrowsableAPIRenderer, CSVRenderer]
