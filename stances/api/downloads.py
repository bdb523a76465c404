"""The jurisdictions CSV: one column per indicator's value and one per its date, policy ids as a
``;``-separated list, empty cells (never "None"), and the arrests reported; the same rows as the
JSON list (and the map's table, with ``evidence=true``)."""

from __future__ import annotations

from django.urls import reverse

from stances.models import Indicator
from stances.selectors.agreements import NONE
from stances.selectors.jurisdictions import JurisdictionRow

PLACE = ["slug", "name", "kind", "state", "external_id", "latitude", "longitude", "population"]
STANCE = ["stance", "as_of", "effective_stance"]
INDICATOR_COLUMNS = [
    column
    for name in Indicator.values
    for column in (name, f"{name}_since", f"{name}_policy_ids", f"{name}_effective_layer")
]
COUNTS = ["agreements_287g_models", "pending_287g", "statements", "policies", "events", "arrests"]
COLUMNS = [*PLACE, *STANCE, *INDICATOR_COLUMNS, *COUNTS, "url"]


def _date(day) -> str:
    return day.isoformat() if day else ""


def csv_row(row: JurisdictionRow, agreements: dict, request=None) -> dict:
    """One jurisdiction as flat cells, in ``COLUMNS`` order."""
    j = row.jurisdiction
    listed = agreements.get(j.pk, NONE)
    cells = {name: getattr(j, name) for name in PLACE}
    effective = row.effective
    cells.update(
        stance=row.stance.stance,
        as_of=_date(row.stance.as_of),
        effective_stance=effective.stance if effective else "",
    )
    for name, state in row.stance.indicators.items():
        layered = effective.indicators.get(name) if effective else None
        cells[name] = state.value
        cells[f"{name}_since"] = _date(state.effective_on)
        cells[f"{name}_policy_ids"] = ";".join(str(pid) for pid in state.policy_ids)
        cells[f"{name}_effective_layer"] = (layered.level or "") if layered else ""
    path = reverse("api:jurisdiction-detail", args=[j.slug])
    cells.update(
        agreements_287g_models=";".join(listed.models),
        pending_287g="true" if listed.pending else "false",
        statements=j.statement_count,
        policies=j.policy_count,
        events=j.event_count,
        arrests=j.arrests,
        url=request.build_absolute_uri(path) if request else path,
    )
    return {column: cells[column] for column in COLUMNS}
