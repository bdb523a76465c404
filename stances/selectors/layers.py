"""The layers of government over a place (its county's jail, its state's law) and the effective
stance for the people who live there (``stances.rules.layers``), read in a constant number of
queries for one place or a page of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from django.db.models import Q

from stances.models import Jurisdiction, JurisdictionKind, PolicyAction
from stances.rules.layers import COUNTY, OWN, STATE, EffectiveStance, Layer, effective_stance
from stances.rules.layers import binding_indicators as _binding
from stances.rules.stance import StanceResult

from .jurisdictions import (
    JurisdictionDetail,
    JurisdictionRow,
    current_stance,
    jurisdiction_detail,
)
from .periods import stance_on, stances_on


@dataclass(frozen=True)
class LayerRow:
    """One layer over a place: which level it is, the place of that level and its own stance
    (None: no such place stored)."""

    level: str
    row: JurisdictionRow | None


def _above(place: Jurisdiction) -> tuple[int | None, str | None]:
    """The county id (a city's) and the state code (a city's or a county's) above a place."""
    if place.kind == JurisdictionKind.CITY:
        return place.county_id, place.state
    if place.kind == JurisdictionKind.COUNTY:
        return None, place.state
    return None, None


def _stances(places: list[Jurisdiction], as_of: dt.date | None) -> dict[int, StanceResult]:
    """These places' own stances: today's from their summaries (read with ``select_related``,
    or in one query), a past date's from their stance periods (one query)."""
    if as_of is not None:
        found = stances_on([j.pk for j in places], as_of)
        return {j.pk: stance_on(found, j.pk, as_of) for j in places}
    return {j.pk: current_stance(j) for j in places}


def _kinds(results: list[StanceResult]) -> dict[int, str]:
    ids = {pid for r in results for s in r.indicators.values() for pid in s.policy_ids}
    return dict(PolicyAction.objects.filter(pk__in=ids).values_list("pk", "kind")) if ids else {}


def _effective(own: StanceResult, county, state, kinds) -> EffectiveStance:
    return effective_stance(
        Layer(own.indicators),
        Layer(county.indicators) if county is not None else None,
        Layer(state.indicators, _binding(state.indicators, kinds)) if state is not None else None,
    )


def place_layers(
    row: JurisdictionRow, *, as_of: dt.date | None = None
) -> tuple[list[LayerRow], EffectiveStance]:
    """A place's own row, its county's and its state's (each with its own stance as of the
    date), and the effective stance from them: three queries."""
    place = row.jurisdiction
    county_id, code = _above(place)
    found = (
        list(
            Jurisdiction.objects.select_related("summary").filter(
                Q(pk=county_id, kind=JurisdictionKind.COUNTY)
                | Q(kind=JurisdictionKind.STATE, state=code)
            )
        )
        if code
        else []
    )
    county = next((j for j in found if j.kind == JurisdictionKind.COUNTY), None)
    state = next((j for j in found if j.kind == JurisdictionKind.STATE), None)
    above = [j for j in (county, state) if j is not None]
    results = _stances(above, as_of)
    kinds = _kinds([results[state.pk]]) if state is not None else {}
    layers = [LayerRow(OWN, row)]
    if place.kind == JurisdictionKind.CITY:
        layers.append(
            LayerRow(COUNTY, JurisdictionRow(county, results[county.pk]) if county else None)
        )
    if code:
        layers.append(LayerRow(STATE, JurisdictionRow(state, results[state.pk]) if state else None))
    effective = _effective(
        row.stance,
        results.get(county.pk) if county else None,
        results.get(state.pk) if state else None,
        kinds,
    )
    return layers, effective


def with_effective(rows: list[JurisdictionRow], *, as_of: dt.date | None = None) -> list:
    """Each row with its effective stance, in three queries for the page: today's stances of
    the counties and states above the rows from their summaries, a past date's from their
    stance periods."""
    county_ids = {r.jurisdiction.county_id for r in rows if _above(r.jurisdiction)[0]}
    codes = {code for r in rows if (code := _above(r.jurisdiction)[1])}
    above = (
        Jurisdiction.objects.select_related("summary").filter(
            Q(pk__in=county_ids, kind=JurisdictionKind.COUNTY)
            | Q(kind=JurisdictionKind.STATE, state__in=codes)
        )
        if codes
        else []
    )
    counties = {j.pk: j for j in above if j.kind == JurisdictionKind.COUNTY}
    states = {j.state: j for j in above if j.kind == JurisdictionKind.STATE}
    results = _stances([*counties.values(), *states.values()], as_of)
    kinds = _kinds([results[j.pk] for j in states.values()])
    out = []
    for r in rows:
        county_id, code = _above(r.jurisdiction)
        county = results.get(county_id) if county_id else None
        state = results.get(states[code].pk) if code in states else None
        out.append(replace(r, effective=_effective(r.stance, county, state, kinds)))
    return out


def layered_detail(slug: str, *, as_of: dt.date | None = None) -> JurisdictionDetail:
    """``jurisdiction_detail`` with the place's layers and its effective stance."""
    detail = jurisdiction_detail(slug, as_of=as_of)
    layers, effective = place_layers(detail.row, as_of=as_of)
    row = replace(detail.row, effective=effective)
    return replace(detail, row=row, layers=[LayerRow(OWN, row), *layers[1:]])
