"""Which places' own pages a write changes: what ``versions.data_changed(places=...)`` is told.

A place's page shows its own facts and stance, its county's and its state's (the layers over
it: ``stances.selectors.layers``); its officials and its 287(g) listings. So a write that
changes the facts of some places changes the pages of those places, of their county and state
(their facts' counts and dates show there too), and of every place they are a layer of (a
county's cities, a state's counties and cities). Keys are the places' slugs, the part of the
page's URL ``stances.apps`` registers with the reader cache.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

from stances.models import Jurisdiction, JurisdictionKind


def page_scope(jurisdiction_ids: Iterable[int | None]) -> set[str]:
    """The slugs of the places whose own pages show something of these places: two queries."""
    ids = {pk for pk in jurisdiction_ids if pk is not None}
    if not ids:
        return set()
    rows = list(
        Jurisdiction.objects.filter(pk__in=ids).values_list(
            "slug", "kind", "pk", "county_id", "state"
        )
    )
    slugs = {slug for slug, *_ in rows}
    counties = {pk for _, kind, pk, _, _ in rows if kind == JurisdictionKind.COUNTY}
    states = {code for _, kind, _, _, code in rows if kind == JurisdictionKind.STATE and code}
    above_counties = {county for *_, county, _ in rows if county is not None}
    above_states = {code for *_, code in rows if code}
    related = (
        Q(pk__in=above_counties)
        | Q(kind=JurisdictionKind.STATE, state__in=above_states)
        | Q(county_id__in=counties)
        | Q(state__in=states)
    )
    slugs.update(Jurisdiction.objects.filter(related).values_list("slug", flat=True))
    return slugs
