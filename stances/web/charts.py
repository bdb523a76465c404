"""Plotly figures for the pages, built as plain dicts (JSON) that ``static/js/charts.js`` draws
(the map's: ``web/map/figure.py``).

Every string that came from an article is HTML-escaped before it goes into hover text: plotly
renders a subset of HTML in hover labels, and article text must only ever be shown as text.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext

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
    # Translators: a short date (Django's date filter syntax): "Jun 5, 2024".
    return date_format(on, pgettext("date format", "M j, Y"))


def _timeline_hover(item: TimelineItem) -> str:
    when = (
        _("Reported %(date)s (the article gives no date of its own)") % {"date": _day(item.on)}
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
    "against_cooperation": gettext_lazy("Statement: against cooperation"),
    "for_cooperation": gettext_lazy("Statement: for cooperation"),
    "neutral": gettext_lazy("Statement: neutral"),
    "limits": gettext_lazy("Policy: limits cooperation"),
    "cooperates": gettext_lazy("Policy: cooperates"),
    "event": gettext_lazy("Enforcement event"),
}
# Within a lane, each colour keeps its own row, so no colour hides another on the same day.
_OFFSETS = {key: (index - 1) * 0.22 for index, key in enumerate(("limits", "event", "cooperates"))}
_OFFSETS.update(against_cooperation=-0.22, neutral=0.0, for_cooperation=0.22)
HOVER_ITEMS = 6  # facts named in the hover of one marker; the rest are counted


def _group_hover(group: list[TimelineItem]) -> str:
    shown = "<br>―<br>".join(_timeline_hover(item) for item in group[:HOVER_ITEMS])
    more = len(group) - HOVER_ITEMS
    head = ""
    if len(group) > 1:
        head = "<b>%s</b><br>" % (
            _("%(count)s facts on %(date)s") % {"count": len(group), "date": _day(group[0].on)}
        )
    tail = "<br>… " + ngettext("and %(count)s more", "and %(count)s more", more) % {"count": more}
    return head + shown + (tail if more > 0 else "")


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
            name = str(FACT_LABELS.get(key, _("Other")))
            traces.append(
                {
                    "type": "scatter",
                    "mode": "markers+text",
                    "name": _("%(name)s (reported date)") % {"name": name} if reported else name,
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
        "xaxis": {"type": "date", "title": {"text": _("Date")}, **_date_range(items)},
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
