"""Jurisdictions: created once from the gazetteer's places and shared by every source that names
them; changed by editors in the admin."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction

from articles.datasets.places import county_of_city
from articles.extraction.types import Place
from sanctuary import versions
from stances.models import Jurisdiction, JurisdictionKind

from . import summaries
from .steps import changed_save, fields_check, fields_set, row_lock, unchanged_on_error

_JURISDICTION_FIELDS = frozenset(
    {"name", "kind", "state", "slug", "external_id", "latitude", "longitude", "population"}
)


def jurisdictions_for_places(places: Iterable[Place]) -> tuple[dict[str, Jurisdiction], int]:
    """The jurisdiction of each place, by slug, creating those not stored yet; and how many
    were created. Each is created once and shared by every article and dataset that names it."""
    wanted = {place.slug: place for place in places}
    stored = {j.slug: j for j in Jurisdiction.objects.filter(slug__in=wanted)}
    created = 0
    states: set[str] = set()
    for slug, place in wanted.items():
        if slug in stored:
            continue
        try:
            stored[slug] = _jurisdiction_create(place)
            created += 1
            states.add(place.state)
        except IntegrityError:
            # Another ingestion (a parallel worker) stored it since: share that one.
            stored[slug] = created_meanwhile(Jurisdiction, slug)
    if states:  # a new city in a stored county, or a new county with stored cities
        counties_link(states=states)
    return stored, created


def created_meanwhile(model, slug: str):
    """The row another transaction committed under ``slug``, after ours failed to insert it
    (the unique index made ours wait for theirs). Re-raises when there is none: then the
    conflict was another field's, which must not pass silently."""
    try:
        return model.objects.get(slug=slug)
    except model.DoesNotExist:
        raise IntegrityError(f"{model.__name__} {slug!r} conflicts with a stored row") from None


def _jurisdiction_create(place: Place) -> Jurisdiction:
    jurisdiction = Jurisdiction(
        name=place.name,
        kind=place.kind,
        state=place.state,
        slug=place.slug,
        external_id=place.external_id,
        latitude=place.latitude,
        longitude=place.longitude,
        population=place.population,
    )
    # Unique slugs and ids are the database's to enforce: the gazetteer gives each place once.
    jurisdiction.full_clean(validate_unique=False, validate_constraints=False)
    return _saved(jurisdiction)


def counties_link(*, states: Iterable[str] | None = None) -> int:
    """Link each city with no county yet to the stored county it certainly lies in (the
    gazetteer's towns: one county, well inside its outline); never a guess. Returns how many
    cities were linked. Run after loading places by other means (``manage.py link_counties``)."""
    counties = Jurisdiction.objects.filter(kind=JurisdictionKind.COUNTY).exclude(external_id="")
    if states is not None:
        counties = counties.filter(state__in=list(states))
    by_fips = dict(counties.values_list("external_id", "pk"))
    cities = Jurisdiction.objects.filter(kind=JurisdictionKind.CITY, county__isnull=True)
    if states is not None:
        cities = cities.filter(state__in=list(states))
    linked: dict[int, list[int]] = {}
    for pk, external_id in cities.values_list("pk", "external_id"):
        county = county_of_city(external_id)
        if county is not None and county.external_id in by_fips:
            linked.setdefault(by_fips[county.external_id], []).append(pk)
    if linked:
        with transaction.atomic():
            for county_pk, city_pks in linked.items():
                Jurisdiction.objects.filter(pk__in=city_pks).update(county_id=county_pk)
            versions.data_changed()
    return sum(len(pks) for pks in linked.values())


def jurisdiction_create(**fields: Any) -> Jurisdiction:
    """A place an editor adds by hand (the gazetteer and the importers add the rest)."""
    fields_check("jurisdiction_create", fields, _JURISDICTION_FIELDS)
    jurisdiction = Jurisdiction(**fields)
    jurisdiction.full_clean()
    return _saved(jurisdiction)


def _saved(jurisdiction: Jurisdiction) -> Jurisdiction:
    with transaction.atomic():
        jurisdiction.save()
        # a new state is a layer of the places already stored in it
        summaries.pages_changed([jurisdiction.pk])
    return jurisdiction


def jurisdiction_update(*, jurisdiction: Jurisdiction, **changes: Any) -> Jurisdiction:
    """An editor's correction of a place's name, codes, position or population."""
    fields_check("jurisdiction_update", changes, _JURISDICTION_FIELDS)
    with unchanged_on_error(jurisdiction), transaction.atomic():
        stored = row_lock(jurisdiction)
        fields_set(jurisdiction, changes)
        jurisdiction.full_clean()
        changed_save(jurisdiction, stored)
        versions.data_changed()
    return jurisdiction
