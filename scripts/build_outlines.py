"""Derive the map's GeoJSON outlines from us-atlas's TopoJSON, both in ``static/vendor/us-atlas/``.

Usage (no network; rerun after updating the TopoJSON files, see PROVENANCE.md there)::

    .venv/bin/python scripts/build_outlines.py

Writes ``counties.geojson`` and ``states.geojson``: one Feature per county or state, its ``id``
the FIPS code, coordinates rounded to 3 decimals (about 100 m), compact JSON. The map's figure
points plotly at these files (served by whitenoise, compressed and cached by browsers), so a page
carries only which places to shade; the GeoJSON download's ``geometry=outline`` reads them too.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ATLAS = ROOT / "static" / "vendor" / "us-atlas"
sys.path.insert(0, str(ROOT))

from sanctuary.web.topojson import geometries_by_id  # noqa: E402

LAYERS = {"counties.geojson": ("counties-10m.json", "counties"),
          "states.geojson": ("states-10m.json", "states")}  # fmt: skip


def feature_collection(topology: dict, layer: str) -> dict:
    geometries = geometries_by_id(topology, layer)
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": fips, "properties": {}, "geometry": geometries[fips]}
            for fips in sorted(geometries)
        ],
    }


def render(collection: dict) -> str:
    return json.dumps(collection, separators=(",", ":")) + "\n"


def main() -> None:
    for target, (source, layer) in LAYERS.items():
        topology = json.loads((ATLAS / source).read_text())
        collection = feature_collection(topology, layer)
        text = render(collection)
        (ATLAS / target).write_text(text)
        print(f"{target}: {len(collection['features'])} features, {len(text):,} bytes")


if __name__ == "__main__":
    main()
