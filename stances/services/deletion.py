"""Deleting what a superuser chooses in the admin (editors may not delete facts). The places whose
facts go have their summaries refreshed, and readers' stored answers are invalidated: all of
them (a deleted official, place or article shows on pages of places no fact names)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models, transaction

from sanctuary import versions
from stances.models import Evidence

from . import summaries


def records_delete(records: Iterable[models.Model]) -> int:
    """Delete these rows (facts, officials, places, articles) in one transaction."""
    records = list(records)
    places = {r.jurisdiction_id for r in records if isinstance(r, Evidence)}
    with transaction.atomic():
        for record in records:
            record.delete()
        summaries.touched(places)
        versions.data_changed()
    return len(records)
