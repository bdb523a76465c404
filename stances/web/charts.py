"""Plotly figures for the pages, built as plain dicts (JSON) that ``static/js/charts.js`` draws.

Every string that came from an article is HTML-escaped before it goes into hover text: plotly
renders a subset of HTML in hover labels, and article text must only ever be shown as text.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from dataclasses import dataclass

from stances.models import Stance

# Okabe-Ito, a colour-blind-safe palette. Unknown is grey and drawn as an open ring, so it can
# never be mistaken for a cooperation colour.
STANCE_COLOURS = {
    Stance.NON_COOPERATION: "#0072B2",
    Stance.LIMITED_COOPERATION: "#56B4E9",
    Stance.COOPERATION: "#D55E00",
    Stance.UNKNOWN: "#7a7a7a",
}
STANCE_SYMBOLS = {Stance.UNKNOWN: "circle-open"}
FACT_COLOURS = {
    "against_cooperation": "#0072B2",
    "for_cooperation": "#D55E00",
    "neutral": "#7a7a7a",
    "limits": "#0072B2",
    "cooperates": "#D55E00",
    "event": "#009E73",
}
LAYOUT_FONT = {"family": "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif"}


def esc(text: object, limit: int | None = None) -> str:
    value = "" if text is None else str(text)
    if limit and len(value) > limit:
        value = value[: limit - 1].rstrip() + "…"
    # Quotes stay as they are: plotly decodes only a few entities (&lt; &gt; &amp; and numeric
    # ones), so "&quot;" would be shown literally, and with < and > escaped no tag can form.
    return html.escape(value, quote=False)


@dataclass(frozen=True)
class MapPoint:
    name: str
    url: str
    stance: str
    latitude: float
    longitude: float
    statements: int
    policies: int
    events: int
    arrests: int


def marker_size(arrests: int) -> float:
    """Area grows with arrests; every marker stays visible and clickable."""
    return 9 + 2.2 * math.sqrt(max(arrests, 0))


def _hover(point: MapPoint) -> str:
    arrests = f"<br>ICE arrests reported: {point.arrests:,}" if point.arrests else ""
    return (
        f"<b>{esc(point.name)}</b><br>Stance: {esc(Stance(point.stance).label)}"
        f"<br>{point.statements} statements · {point.policies} policies · "
        f"{point.events} enforcement events{arrests}"
    )


def map_figure(points: list[MapPoint], shaded_states: dict[str, str]) -> dict:
    """Markers on a US map (albers usa) coloured by stance and sized by arrests; states with a
    statewide policy shaded by their stance. ``customdata`` holds each marker's page URL."""
    traces: list[dict] = [_state_shading(shaded_states)] if shaded_states else []
    for stance in Stance.values:
        group = [p for p in points if p.stance == stance]
        traces.append(
            {
                "type": "scattergeo",
                "name": Stance(stance).label,
                "lat": [p.latitude for p in group],
                "lon": [p.longitude for p in group],
                "text": [_hover(p) for p in group],
                "customdata": [p.url for p in group],
                "hovertemplate": "%{text}<extra></extra>",
                "marker": {
                    "size": [marker_size(p.arrests) for p in group],
                    "color": STANCE_COLOURS[stance],
                    "symbol": STANCE_SYMBOLS.get(stance, "circle"),
                    "line": {"width": 1.5, "color": STANCE_COLOURS[stance]},
                    "opacity": 0.85,
                },
                "showlegend": True,
            }
        )
    return {"data": traces, "layout": _map_layout()}


def _state_shading(shaded_states: dict[str, str]) -> dict:
    codes = list(shaded_states)
    order = list(STANCE_COLOURS)
    return {
        "type": "choropleth",
        "name": "Statewide policy",
        "locationmode": "USA-states",
        "locations": codes,
        "z": [order.index(shaded_states[code]) for code in codes],
        "zmin": 0,
        "zmax": len(order) - 1,
        "colorscale": _discrete_scale([STANCE_COLOURS[s] for s in order]),
        "showscale": False,
        "marker": {"line": {"color": "#ffffff", "width": 1}},
        "opacity": 0.35,
        "text": [f"Statewide policy: {esc(Stance(shaded_states[c]).label)}" for c in codes],
        "hovertemplate": "%{location}: %{text}<extra></extra>",
        "showlegend": False,
    }


def _discrete_scale(colours: list[str]) -> list[list]:
    step = 1 / len(colours)
    scale = []
    for index, colour in enumerate(colours):
        scale += [[index * step, colour], [(index + 1) * step, colour]]
    return scale


def _map_layout() -> dict:
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
        "legend": {"orientation": "h", "y": -0.02, "title": {"text": "Stance"}},
        "font": LAYOUT_FONT,
        "paper_bgcolor": "rgba(0,0,0,0)",
        "height": 520,
    }


@dataclass(frozen=True)
class TimelineItem:
    lane: str  # "Statements", "Policy actions", "Enforcement events" or a jurisdiction's name
    on: dt.date
    reported: bool  # placed at its article's publication date: the fact's own date is not given
    colour_key: str
    label: str  # the quote or summary (escaped here)
    detail: str  # speaker, place, kind (escaped here)
    source: str  # outlet and title (escaped here)
    url: str  # where a click goes: the words in the article


def _day(on: dt.date) -> str:
    return f"{on:%b} {on.day}, {on.year}"


def _timeline_hover(item: TimelineItem) -> str:
    when = (
        f"Reported {_day(item.on)} (the article gives no date of its own)"
        if item.reported
        else _day(item.on)
    )
    return (
        f"<b>{esc(item.detail)}</b><br>{esc(item.label, 160)}<br><i>{esc(item.source, 90)}</i>"
        f"<br>{when}"
    )


MIN_TIMELINE_SPAN = dt.timedelta(days=14)


def _date_range(items: list[TimelineItem]) -> dict:
    """At least two weeks of axis: facts are days, and over a few days plotly would tick in
    hours ("06:00"), which no fact has."""
    if not items:
        return {}
    first, last = min(i.on for i in items), max(i.on for i in items)
    if last - first >= MIN_TIMELINE_SPAN:
        return {}
    pad = dt.timedelta(days=(MIN_TIMELINE_SPAN - (last - first)).days // 2 + 1)
    return {"range": [(first - pad).isoformat(), (last + pad).isoformat()]}


def timeline_figure(items: list[TimelineItem], *, height: int = 420) -> dict:
    """Facts on a time axis in lanes; hollow markers where the date is the article's."""
    traces = []
    for reported in (False, True):
        group = [item for item in items if item.reported is reported]
        if not group:
            continue
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": "Reported date" if reported else "Date of the fact",
                "x": [item.on.isoformat() for item in group],
                # Lanes can be jurisdiction names, and plotly renders tick labels as HTML too.
                "y": [esc(item.lane) for item in group],
                "text": [_timeline_hover(item) for item in group],
                "customdata": [item.url for item in group],
                "hovertemplate": "%{text}<extra></extra>",
                "marker": {
                    "size": 12,
                    "color": [FACT_COLOURS.get(i.colour_key, "#444444") for i in group],
                    "symbol": "circle-open" if reported else "circle",
                    "line": {"width": 2},
                },
            }
        )
    layout = {
        "margin": {"l": 140, "r": 20, "t": 10, "b": 40},
        "xaxis": {"type": "date", "title": {"text": "Date"}, **_date_range(items)},
        "yaxis": {"type": "category", "automargin": True},
        "legend": {"orientation": "h", "y": -0.2},
        "font": LAYOUT_FONT,
        "height": height,
        "hovermode": "closest",
        "paper_bgcolor": "rgba(0,0,0,0)",
    }
    return {"data": traces, "layout": layout}
