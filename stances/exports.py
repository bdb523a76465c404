"""Download formats: CSV (streamed) for every list, GeoJSON for jurisdictions."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable, Iterator

from django.http import StreamingHttpResponse
from rest_framework.renderers import BaseRenderer, JSONRenderer

# A cell starting with one of these is a formula to a spreadsheet: quoted so it is shown as text
# (https://owasp.org/www-community/attacks/CSV_Injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def flatten(data: dict, prefix: str = "") -> dict[str, object]:
    """Nested fields as ``parent_child`` columns; lists as ``; ``-separated values."""
    flat: dict[str, object] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}_"))
        elif isinstance(value, list):
            flat[name] = "; ".join(
                ",".join(str(v) for v in item.values()) if isinstance(item, dict) else str(item)
                for item in value
            )
        else:
            flat[name] = value
    return flat


def safe_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


class _Echo:
    """A file-like object whose write returns the line, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[dict], empty_header: list[str]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    header: list[str] | None = None
    for row in rows:
        flat = flatten(row)
        if header is None:
            header = list(flat)
            yield writer.writerow(header)
        yield writer.writerow([safe_cell(flat.get(column)) for column in header])
    if header is None:
        yield writer.writerow(empty_header)


def csv_response(rows: Iterable[dict], *, filename: str, empty_header: list[str]):
    """A streamed CSV download: rows are serialised one at a time, never all in memory.

    The first line is made before the response is returned, so the query runs inside the view:
    a database that cannot answer is the view's error (a 503, see ``stances.errors``), not a
    stream that breaks after a 200 was sent."""
    lines = csv_lines(rows, empty_header)
    first = next(lines)  # csv_lines always yields at least the header
    response = StreamingHttpResponse(
        itertools.chain([first], lines), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


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


def feature_collection(rows: Iterable, properties) -> dict:
    """A GeoJSON FeatureCollection with one Point per jurisdiction (null geometry when the
    gazetteer has no coordinates for it)."""
    features = []
    for row in rows:
        j = row.jurisdiction
        geometry = (
            {"type": "Point", "coordinates": [j.longitude, j.latitude]}
            if j.latitude is not None and j.longitude is not None
            else None
        )
        features.append(
            {"type": "Feature", "id": j.slug, "geometry": geometry, "properties": properties(row)}
        )
    return {"type": "FeatureCollection", "features": features}
