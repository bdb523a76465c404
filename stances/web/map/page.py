"""The map page's reads, shaped for its template and figure: the places with evidence on the
chosen date, their counts on that date, the headline numbers and a page of the table. A constant
number of queries whatever the number of places shown."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone

from stances.models import Stance
from stances.selectors.counts import Counts, counts_as_of
from stances.selectors.jurisdictions import JurisdictionRow
from stances.selectors.outlines import OUTLINE_FILES, fips, has_outline

from .figure import SIZE_LEGEND, MapPlace, map_figure, marker_size

SORT_KEYS = {
    "name": lambda r: (r.row.jurisdiction.name.casefold(), r.row.jurisdiction.state),
    "state": lambda r: (r.row.jurisdiction.state, r.row.jurisdiction.name.casefold()),
    "kind": lambda r: (r.row.jurisdiction.kind, r.row.jurisdiction.name.casefold()),
    "stance": lambda r: (list(Stance.values).index(r.row.stance.stance), r.row.jurisdiction.name),
    "statements": lambda r: r.row.jurisdiction.statement_count,
    "policies": lambda r: r.row.jurisdiction.policy_count,
    "events": lambda r: r.row.jurisdiction.event_count,
    "arrests": lambda r: r.arrests,
}
TABLE_PAGE_SIZE = 100  # rows of the map's table per page; the map shows every jurisdiction


@dataclass(frozen=True)
class MapRow:
    row: JurisdictionRow
    arrests: int
    url: str


@dataclass
class MapPage:
    rows: list[MapRow]
    figure: dict
    by_stance: dict[str, int]
    statements: int
    arrests: int
    sort: str
    table: Page  # the table's page of ``rows``, in the sorted order
    shapes: int  # counties and states drawn as shaded outlines

    @property
    def size_legend(self) -> list[tuple[int, int]]:
        """(facts, marker diameter in pixels) for the legend's sample markers."""
        return [(n, round(marker_size(n))) for n in SIZE_LEGEND]


def jurisdiction_url(slug: str) -> str:
    return reverse("jurisdiction", args=[slug])


def _on_date(rows: list[JurisdictionRow], as_of: dt.date) -> list[JurisdictionRow]:
    """The rows with evidence on ``as_of``, their counts set to those of that date (the
    summaries' counts are today's): a place appears from its first dated fact."""
    counts = counts_as_of(as_of)
    kept = []
    for row in rows:
        count = counts.get(row.jurisdiction.pk, Counts())
        if count.any:
            place = row.jurisdiction
            place.statement_count, place.policy_count = count.statements, count.policies
            place.event_count, place.arrests = count.events, count.arrests
            kept.append(row)
    return kept


def map_page(
    rows: list[JurisdictionRow],
    *,
    as_of: dt.date | None = None,
    sort: str = "name",
    table_page: str | int | None = 1,
) -> MapPage:
    """The map, its headline numbers and a page of its table (rows: jurisdictions with
    evidence, from ``selectors.with_evidence``). With ``as_of`` before today, only the places
    with evidence by then, counted as of then. A page number past the end shows the last page,
    and one that is not a number the first."""
    if as_of is not None and as_of < timezone.localdate():
        rows = _on_date(rows, as_of)
    map_rows = [
        MapRow(row, row.jurisdiction.arrests, jurisdiction_url(row.jurisdiction.slug))
        for row in rows
    ]
    descending = sort.startswith("-")
    key = SORT_KEYS.get(sort.lstrip("-"), SORT_KEYS["name"])
    map_rows.sort(key=key, reverse=descending)
    places = [_place(r) for r in map_rows]
    return MapPage(
        rows=map_rows,
        figure=map_figure(places),
        by_stance=dict(Counter(r.row.stance.stance for r in map_rows)),
        statements=sum(r.row.jurisdiction.statement_count for r in map_rows),
        arrests=sum(r.arrests for r in map_rows),
        sort=sort if sort.lstrip("-") in SORT_KEYS else "name",
        table=Paginator(map_rows, TABLE_PAGE_SIZE).get_page(table_page),
        shapes=sum(1 for p in places if p.outline),
    )


def _place(r: MapRow) -> MapPlace:
    place = r.row.jurisdiction
    return MapPlace(
        name=str(place),
        url=r.url,
        kind=place.kind,
        stance=r.row.stance.stance,
        statements=place.statement_count,
        policies=place.policy_count,
        events=place.event_count,
        arrests=r.arrests,
        population=place.population,
        latitude=place.latitude,
        longitude=place.longitude,
        fips=fips(place),
        outline=static(OUTLINE_FILES[place.kind]) if has_outline(place) else None,
    )
