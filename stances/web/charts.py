"""Plotly figures for the pages, built as plain dicts (JSON) that ``static/js/charts.js`` draws
(the map's: ``web/map/figure.py``).

Every string that came from an article is HTML-escaped before it goes into hover text: plotly
renders a subset of HTML in hover labels, and article text must only ever be shown as text.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

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
