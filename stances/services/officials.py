"""Officials (speakers): the one way a person or an organisation speaking as one is stored or
changed, by the ingestion, an importer, the admin or the API."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from sanctuary import versions
from stances.models import Jurisdiction, Official, SpeakerLevel

from . import summaries
from .steps import (
    changed_save,
    fields_check,
    fields_set,
    known_relations,
    row_lock,
    unchanged_on_error,
    without_bidi_controls,
)

_OFFICIAL_FIELDS = frozenset(
    {"name", "kind", "role", "jurisdiction", "affiliation", "slug", "level"}
)
_SLUG_MAX = Official._meta.get_field("slug").max_length


def official_create(
    *,
    name: str,
    kind: str = "person",
    role: str = "",
    jurisdiction: Jurisdiction | None = None,
    affiliation: str = "",
    slug: str = "",
    level: str = SpeakerLevel.LOCAL,
) -> Official:
    """A speaker. A slug given is used as is (refused when taken); one derived from the name gets
    a numeric suffix when taken, since two people may share a name. Federal officials (ICE, DHS,
    federal judges) have no local jurisdiction."""
    name, role, affiliation = (without_bidi_controls(t) for t in (name, role, affiliation))
    official = Official(
        name=name,
        kind=kind,
        role=role,
        jurisdiction=jurisdiction,
        affiliation=affiliation,
        slug=slug or _slug_free(slugify(name)),
        level=level,
    )
    _check_level(official)
    with transaction.atomic():
        official.save()
        summaries.pages_changed([official.jurisdiction_id])
    return official


def official_update(*, official: Official, **changes: Any) -> Official:
    """Change the given fields. A new name keeps the slug: links to the official stay valid."""
    fields_check("official_update", changes, _OFFICIAL_FIELDS)
    with unchanged_on_error(official), transaction.atomic():
        stored = row_lock(official)
        fields_set(official, _plain(changes))
        _check_level(official)
        changed_save(official, stored)
        versions.data_changed()
    return official


def _plain(changes: dict[str, Any]) -> dict[str, Any]:
    return {
        field: without_bidi_controls(value) if field in _TEXT_FIELDS else value
        for field, value in changes.items()
    }


_TEXT_FIELDS = frozenset({"name", "role", "affiliation"})


def _check_level(official: Official) -> None:
    errors: dict[str, list[str]] = {}
    if official.level == SpeakerLevel.FEDERAL and official.jurisdiction_id is not None:
        errors["jurisdiction"] = ["A federal official speaks for no city, county or state."]
    try:
        # Its check constraints restate the choices clean_fields validates; the database holds
        # them too (checking them here cost two queries per official an import creates).
        official.full_clean(
            exclude=[*errors, *known_relations(official)], validate_constraints=False
        )
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)


def _slug_free(base: str) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever no official has yet."""
    taken = set(Official.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base[:_SLUG_MAX], 1
    while slug in taken:
        number += 1
        suffix = f"-{number}"
        slug = base[: _SLUG_MAX - len(suffix)] + suffix
    return slug
