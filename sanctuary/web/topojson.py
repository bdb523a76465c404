"""TopoJSON to GeoJSON geometries: pure, no Django, no domain.

TopoJSON stores each shared border once, as a quantised, delta-encoded "arc"; a polygon's ring is
a list of arc indexes (``~i`` for arc ``i`` reversed). Decoding gives the GeoJSON geometry a map
draws, with coordinates rounded to ``digits`` decimals (3: about 100 m, well under a pixel on a
national map) and repeated points dropped.
"""

from __future__ import annotations

Point = tuple[float, float]


def decode_arcs(topology: dict) -> list[list[Point]]:
    """Absolute (lon, lat) coordinates of every arc of a quantised topology (us-atlas's 10m
    files are already simplified: thinning them further saves under 3%)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[Point]]) -> list[Point]:
    """Stitch a ring from arc indexes; a negative index ``~i`` means arc ``i`` reversed."""
    points: list[Point] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their joining point: drop the duplicate.
        points.extend(arc[1:] if points else arc)
    return points


def _rounded_ring(ring: list[int], arcs: list[list[Point]], digits: int) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in ring_points(ring, arcs):
        point = [round(x, digits), round(y, digits)]
        if not out or out[-1] != point:
            out.append(point)
    if out and out[0] != out[-1]:
        out.append(out[0])  # GeoJSON rings are closed
    return out


def geometry(topo_geometry: dict, arcs: list[list[Point]], *, digits: int = 3) -> dict | None:
    """The GeoJSON geometry of a TopoJSON Polygon or MultiPolygon; None for anything else."""
    kind = topo_geometry.get("type")
    if kind == "Polygon":
        rings = [_rounded_ring(r, arcs, digits) for r in topo_geometry["arcs"]]
        return {"type": "Polygon", "coordinates": [r for r in rings if len(r) >= 4]}
    if kind == "MultiPolygon":
        polygons = [
            [_rounded_ring(r, arcs, digits) for r in polygon] for polygon in topo_geometry["arcs"]
        ]
        polygons = [[r for r in p if len(r) >= 4] for p in polygons]
        return {"type": "MultiPolygon", "coordinates": [p for p in polygons if p]}
    return None


def geometries_by_id(topology: dict, layer: str, *, digits: int = 3) -> dict[str, dict]:
    """Every feature of one layer of a topology as ``{id: GeoJSON geometry}``."""
    arcs = decode_arcs(topology)
    out = {}
    for topo_geometry in topology["objects"][layer]["geometries"]:
        decoded = geometry(topo_geometry, arcs, digits=digits)
        if decoded is not None and topo_geometry.get("id"):
            out[str(topo_geometry["id"])] = decoded
    return out
