"""County and state outlines by FIPS, from us-atlas as shipped in ``static/vendor/us-atlas/``
(US Census Bureau cartographic boundaries, 1:10,000,000). Decoded from TopoJSON once per
process, on first use; the map and the GeoJSON download send only the outlines of the places
they show."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from django.conf import settings

from sanctuary.web.topojson import geometries_by_id
from stances.models import Jurisdiction, JurisdictionKind

ATLAS_DIR = Path(settings.BASE_DIR) / "static" / "vendor" / "us-atlas"
LAYERS = {JurisdictionKind.COUNTY: ("counties-10m.json", "counties"),
          JurisdictionKind.STATE: ("states-10m.json", "states")}  # fmt: skip


@cache
def _outlines(kind: str) -> dict[str, dict]:
    filename, layer = LAYERS[kind]
    return geometries_by_id(json.loads((ATLAS_DIR / filename).read_text()), layer)


def fips(jurisdiction: Jurisdiction) -> str | None:
    """A county's five-digit or a state's two-digit FIPS code, from its ``external_id``."""
    if jurisdiction.kind not in LAYERS or not jurisdiction.external_id.startswith("fips:"):
        return None
    return jurisdiction.external_id.removeprefix("fips:")


def outline_ids(kind: str) -> set[str]:
    """Every FIPS code with an outline, for a kind (county or state)."""
    return set(_outlines(kind)) if kind in LAYERS else set()


def outline(jurisdiction: Jurisdiction) -> dict | None:
    """The GeoJSON geometry of a county or a state; None for a city or an unknown code."""
    code = fips(jurisdiction)
    return _outlines(jurisdiction.kind).get(code) if code else None
