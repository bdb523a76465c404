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
    effective: str = ""  # the effective stance for residents, across the layers (issue 16)


def marker_size(arrests: int) -> float:
    """Area grows with arrests; every marker stays visible and clickable."""
    return 9 + 2.2 * math.sqrt(max(arrests, 0))


def _hover(point: MapPoint) -> str:
    arrests = f"<br>ICE arrests reported: {point.arrests:,}" if point.arrests else ""
    layered = (
        f"<br>For residents (with county and state): {esc(Stance(point.effective).label)}"
        if point.effective
        else ""
    )
    return (
        f"<b>{esc(point.name)}</b><br>Stance: {esc(Stance(point.stance).label)}{layered}"
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


# Every colour on the timeline, named in its legend.
FACT_LABELS = {
    "against_cooperation": "Statement: against cooperation",
    "for_cooperation": "Statement: for cooperation",
    "neutral": "Statement: neutral",
    "limits": "Policy: limits cooperation",
    "cooperates": "Policy: cooperates",
    "event": "Enforcement event",
}
# Within a lane, each colour keeps its own row, so no colour hides another on the same day.
_OFFSETS = {key: (index - 1) * 0.22 for index, key in enumerate(("limits", "event", "cooperates"))}
_OFFSETS.update(against_cooperation=-0.22, neutral=0.0, for_cooperation=0.22)
HOVER_ITEMS = 6  # facts named in the hover of one marker; the rest are counted


def _group_hover(group: list[TimelineItem]) -> str:
    shown = "<br>―<br>".join(_timeline_hover(item) for item in group[:HOVER_ITEMS])
    more = len(group) - HOVER_ITEMS
    head = f"<b>{len(group)} facts on {_day(group[0].on)}</b><br>" if len(group) > 1 else ""
    return head + shown + (f"<br>… and {more} more" if more > 0 else "")


def timeline_figure(items: list[TimelineItem], *, height: int = 420) -> dict:
    """Facts on a time axis in lanes, one trace per colour (each named in the legend), hollow
    markers where the date is the article's. Facts of one colour on one day in one lane are one
    marker, sized and labelled by their count, and each colour keeps its own row in the lane:
    no marker hides another."""
    lanes = sorted({item.lane for item in items})
    lane_index = {lane: index for index, lane in enumerate(lanes)}
    groups: dict[tuple, list[TimelineItem]] = {}
    for item in sorted(items, key=lambda i: (i.on, i.lane)):
        groups.setdefault((item.colour_key, item.reported, item.lane, item.on), []).append(item)
    traces = []
    for key in (*FACT_LABELS, *sorted({i.colour_key for i in items} - set(FACT_LABELS))):
        for reported in (False, True):
            found = [g for (k, r, *_), g in groups.items() if k == key and r is reported]
            if not found:
                continue
            name = FACT_LABELS.get(key, "Other")
            traces.append(
                {
                    "type": "scatter",
                    "mode": "markers+text",
                    "name": f"{name} (reported date)" if reported else name,
                    "legendgroup": key,
                    "x": [g[0].on.isoformat() for g in found],
                    "y": [lane_index[g[0].lane] + _OFFSETS.get(key, 0.0) for g in found],
                    "text": [_group_hover(g) for g in found],
                    "texttemplate": [str(len(g)) if len(g) > 1 else "" for g in found],
                    "textposition": "top center",
                    "customdata": [g[0].url for g in found],
                    "hovertemplate": "%{text}<extra></extra>",
                    "marker": {
                        "size": [min(12 + 3 * (len(g) - 1), 26) for g in found],
                        "color": FACT_COLOURS.get(key, "#444444"),
                        "symbol": "circle-open" if reported else "circle",
                        "line": {"width": 2},
                    },
                }
            )
    layout = {
        "margin": {"l": 140, "r": 20, "t": 10, "b": 40},
        "xaxis": {"type": "date", "title": {"text": "Date"}, **_date_range(items)},
        "yaxis": {
            # Lanes can be jurisdiction names, and plotly renders tick labels as HTML too.
            "tickvals": list(range(len(lanes))),
            "ticktext": [esc(lane) for lane in lanes],
            "range": [-0.5, len(lanes) - 0.5],
            "zeroline": False,
            "automargin": True,
        },
        "legend": {"orientation": "h", "y": -0.25},
        "font": LAYOUT_FONT,
        "height": height + 40 * (len(traces) > 3),
        "hovermode": "closest",
        "paper_bgcolor": "rgba(0,0,0,0)",
    }
    return {"data": traces, "layout": layout}
