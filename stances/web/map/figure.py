"""The map's plotly figure, a plain dict (JSON) that ``static/js/charts.js`` draws.

States, then counties, are shapes shaded by stance (us-atlas outlines by FIPS); cities are
markers above them, so neither hides the other: plotly hovers (and clicks) the marker under the
pointer first, the shape anywhere else. A shape or marker without policy evidence is grey and
reads "No policy evidence", never a cooperation colour. The legend is the page's own HTML
(``templates/stances/map.html``), so it stays in view and wraps on a phone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from stances.models import Stance

from ..charts import LAYOUT_FONT, esc

# Okabe-Ito colours, which stay apart for the common colour-vision deficiencies: they differ in
# hue (blue, orange, vermillion) as well as lightness. No evidence is grey, never a cooperation
# colour: a light fill for a shape, an open ring for a marker.
STANCE_COLOURS = {
    Stance.NON_COOPERATION: "#0072B2",
    Stance.LIMITED_COOPERATION: "#E69F00",
    Stance.COOPERATION: "#D55E00",
    Stance.UNKNOWN: "#7a7a7a",
}
NO_EVIDENCE_FILL = "#d9d9d9"
NO_EVIDENCE = "Unknown: no policy evidence"
SHAPE_FILLS = {**STANCE_COLOURS, Stance.UNKNOWN: NO_EVIDENCE_FILL}
STANCE_SYMBOLS = {Stance.UNKNOWN: "circle-open"}
LABELLED = 10  # the most populous places shown get their name on the map
# A marker's area grows with the facts about the place (statements, policies, events), never
# with arrests alone, and from a minimum every marker keeps: protective places stay visible.
MIN_MARKER = 8
SIZE_LEGEND = (1, 10, 50)


def stance_label(stance: str) -> str:
    return NO_EVIDENCE if stance == Stance.UNKNOWN else Stance(stance).label


@dataclass(frozen=True)
class MapPlace:
    """One place on the map: a shape when ``outline`` is set (a county or a state whose FIPS code
    has an outline in the file at that static URL), else a marker at its latitude and
    longitude."""

    name: str
    url: str
    kind: str
    stance: str
    statements: int
    policies: int
    events: int
    arrests: int
    population: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    fips: str | None = None
    outline: str | None = None  # the static URL of the GeoJSON file holding its outline

    @property
    def facts(self) -> int:
        return self.statements + self.policies + self.events


def marker_size(facts: int) -> float:
    """Diameter in pixels: area grows with the number of facts, never below ``MIN_MARKER``."""
    return MIN_MARKER + 2.5 * math.sqrt(max(facts, 0))


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else plural or word + 's'}"


def _hover(place: MapPlace) -> str:
    arrests = f"<br>ICE arrests reported: {place.arrests:,}" if place.arrests else ""
    facts = " · ".join(
        (
            _plural(place.statements, "statement"),
            _plural(place.policies, "policy", "policies"),
            _plural(place.events, "enforcement event"),
        )
    )
    return (
        f"<b>{esc(place.name)}</b><br>Stance: {esc(stance_label(place.stance))}<br>{facts}{arrests}"
    )


def map_figure(places: list[MapPlace]) -> dict:
    shapes = [p for p in places if p.outline]
    points = [p for p in places if not p.outline and p.latitude is not None]
    traces = [_shading(kind, [p for p in shapes if p.kind == kind]) for kind in ("state", "county")]
    traces = [t for t in traces if t]
    for stance in Stance.values:
        group = [p for p in points if p.stance == stance]
        if group:
            traces.append(_markers(stance, group))
    labelled = sorted(points, key=lambda p: (p.population or 0, p.facts), reverse=True)
    if labelled:
        traces.append(_labels(labelled[:LABELLED]))
    return {"data": traces, "layout": _layout()}


def _shading(kind: str, shapes: list[MapPlace]) -> dict | None:
    """One choropleth of a kind: plotly fetches the outlines from our static file (once, then
    the browser's cache) and draws those of the places shown."""
    if not shapes:
        return None
    order = list(SHAPE_FILLS)
    return {
        "type": "choropleth",
        "name": "States" if kind == "state" else "Counties",
        "geojson": shapes[0].outline,
        "locations": [p.fips for p in shapes],
        "z": [order.index(p.stance) for p in shapes],
        "zmin": 0,
        "zmax": len(order) - 1,
        "colorscale": _discrete_scale([SHAPE_FILLS[s] for s in order]),
        "showscale": False,
        "marker": {
            "line": {"color": "#ffffff", "width": 1.5 if kind == "state" else 0.5},
            "opacity": 0.9,
        },
        "text": [_hover(p) for p in shapes],
        "customdata": [p.url for p in shapes],
        "hovertemplate": "%{text}<extra></extra>",
        "showlegend": False,
    }


def _markers(stance: str, group: list[MapPlace]) -> dict:
    colour = STANCE_COLOURS[stance]
    return {
        "type": "scattergeo",
        "mode": "markers",
        "name": stance_label(stance),
        "lat": [p.latitude for p in group],
        "lon": [p.longitude for p in group],
        "text": [_hover(p) for p in group],
        "customdata": [p.url for p in group],
        "hovertemplate": "%{text}<extra></extra>",
        "marker": {
            "size": [marker_size(p.facts) for p in group],
            "color": colour,
            "symbol": STANCE_SYMBOLS.get(stance, "circle"),
            # A white edge keeps a marker apart from a shape of its own colour.
            "line": {"width": 1.5, "color": colour if stance == Stance.UNKNOWN else "#ffffff"},
            "opacity": 0.9,
        },
        "showlegend": False,
    }


def _labels(places: list[MapPlace]) -> dict:
    return {
        "type": "scattergeo",
        "mode": "text",
        "name": "Labels",
        "lat": [p.latitude for p in places],
        "lon": [p.longitude for p in places],
        "text": [esc(p.name.split(",")[0]) for p in places],
        "textposition": "top center",
        "textfont": {"size": 11, "color": "#1d2330"},
        "hoverinfo": "skip",
        "showlegend": False,
    }


def _discrete_scale(colours: list[str]) -> list[list]:
    step = 1 / len(colours)
    scale = []
    for index, colour in enumerate(colours):
        scale += [[index * step, colour], [(index + 1) * step, colour]]
    return scale


def _layout() -> dict:
    return {
        "geo": {
            "scope": "usa",
            "projection": {"type": "albers usa"},
            "showland": True,
            "landcolor": "#f3f4f7",
            "subunitcolor": "#b9bfcc",
            "countrycolor": "#9aa3b5",
            "showlakes": False,
            "bgcolor": "rgba(0,0,0,0)",
        },
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "showlegend": False,
        "hovermode": "closest",
        # A marker answers the pointer on itself (and 3 px around), not plotly's default 20 px:
        # the county around a city stays reachable right up to the city's marker.
        "hoverdistance": 3,
        "font": LAYOUT_FONT,
        "paper_bgcolor": "rgba(0,0,0,0)",
        "height": 520,
    }
