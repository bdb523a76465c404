"""County and state outlines by FIPS: us-atlas 3.0.1 (US Census Bureau cartographic boundaries,
1:10,000,000), shipped in ``static/vendor/us-atlas/`` as TopoJSON with the GeoJSON that
``scripts/build_outlines.py`` derives from it. The map's figure points plotly at the GeoJSON
files (``OUTLINE_FILES``: static, compressed and cached by browsers), so a page carries only
which places to shade; the GeoJSON download reads them here, once per process."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from django.conf import settings

from stances.models import Jurisdiction, JurisdictionKind

ATLAS_DIR = Path(settings.BASE_DIR) / "static" / "vendor" / "us-atlas"
OUTLINE_FILES = {
    JurisdictionKind.COUNTY: "vendor/us-atlas/counties.geojson",
    JurisdictionKind.STATE: "vendor/us-atlas/states.geojson",
}  # paths under the static root


@cache
def _outlines(kind: str) -> dict[str, dict]:
    collection = json.loads((Path(settings.BASE_DIR) / "static" / OUTLINE_FILES[kind]).read_text())
    return {feature["id"]: feature["geometry"] for feature in collection["features"]}


def fips(jurisdiction: Jurisdiction) -> str | None:
    """A county's five-digit or a state's two-digit FIPS code, from its ``external_id``."""
    if jurisdiction.kind not in OUTLINE_FILES or not jurisdiction.external_id.startswith("fips:"):
        return None
    return jurisdiction.external_id.removeprefix("fips:")


def outline_ids(kind: str) -> set[str]:
    """Every FIPS code with an outline, for a kind (county or state)."""
    return set(_outlines(kind)) if kind in OUTLINE_FILES else set()


def has_outline(jurisdiction: Jurisdiction) -> bool:
    code = fips(jurisdiction)
    return code is not None and code in _outlines(jurisdiction.kind)


def outline(jurisdiction: Jurisdiction) -> dict | None:
    """The GeoJSON geometry of a county or a state; None for a city or an unknown code."""
    code = fips(jurisdiction)
    return _outlines(jurisdiction.kind).get(code) if code else None
