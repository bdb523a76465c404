"""Jurisdictions: created once from the gazetteer's places and shared by every source that names
them; changed by editors in the admin."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction

from articles.extraction.types import Place
from sanctuary import versions
from stances.models import Jurisdiction

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
    for slug, place in wanted.items():
        if slug in stored:
            continue
        try:
            stored[slug] = _jurisdiction_create(place)
            created += 1
        except IntegrityError:
            # Another ingestion (a parallel worker) stored it since: share that one.
            stored[slug] = created_meanwhile(Jurisdiction, slug)
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


def jurisdiction_create(**fields: Any) -> Jurisdiction:
    """A place an editor adds by hand (the gazetteer and the importers add the rest)."""
    fields_check("jurisdiction_create", fields, _JURISDICTION_FIELDS)
    jurisdiction = Jurisdiction(**fields)
    jurisdiction.full_clean()
    return _saved(jurisdiction)


def _saved(jurisdiction: Jurisdiction) -> Jurisdiction:
    with transaction.atomic():
        jurisdiction.save()
        versions.data_changed()
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
