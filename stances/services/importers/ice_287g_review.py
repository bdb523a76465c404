"""An editor's answer to a flag the 287(g) import raised: an agreement (or request) that ICE no
longer lists is ended, or it goes on under another listing (a rename, or a typo ICE corrected,
that the importer could not match by itself).

``listing_resolve`` is the one write for it, from the admin or anywhere else:

- **ended**: the agreement stops counting from its end date (by default the day ICE's list was
  first seen without it), so the stance as of any date is right: before it, as the agreement
  says; from it, as the older evidence says, or unknown. Its policy is recorded as repealed
  ("repealed or ended") with that end date; a request keeps its status (it never counted) and
  gets the end date.
- **renamed** / **corrected**: the listing goes on as ``continued_by``; that listing takes over its
  first listing (the earlier of the two), and this one's policy is rejected, so the agreement is
  shown and counted once.

A closed listing is no longer followed by the importer: an agreement ICE lists again after an
editor confirmed it ended is a new agreement.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sanctuary import versions
from stances.models import (
    AgreementListing,
    ListingResolution,
    ListKind,
    PolicyStatus,
    ReviewStatus,
)

from .. import summaries
from ..policies import policy_update
from ..steps import User


def listing_resolve(
    *,
    listing: AgreementListing,
    resolution: str,
    ends_on: dt.date | None = None,
    continued_by: AgreementListing | None = None,
    note: str = "",
    user: User = None,
) -> AgreementListing:
    """Close a listing ICE no longer lists, as ``resolution`` says (see the module docstring)."""
    _check(listing, resolution, ends_on, continued_by)
    with transaction.atomic(), summaries.refreshed_once():
        versions.data_changed()  # a listing shows on its place's page and on the 287(g) feeds
        if resolution == ListingResolution.ENDED:
            _end(listing, ends_on or listing.no_longer_listed_since, user)
        else:
            _merge(listing, continued_by, user)
        listing.resolution = resolution
        listing.continued_by = continued_by
        listing.resolution_note = note
        listing.resolved_at = timezone.now()
        listing.resolved_by = user
        listing.full_clean(validate_unique=False, validate_constraints=False)
        listing.save()
    return listing


def _check(
    listing: AgreementListing,
    resolution: str,
    ends_on: dt.date | None,
    continued_by: AgreementListing | None,
) -> None:
    errors: dict[str, list[str]] = {}
    if listing.resolution:
        errors["resolution"] = [f"Already resolved: {listing.get_resolution_display()}."]
    elif resolution not in ListingResolution.values:
        errors["resolution"] = [f"“{resolution}” is not a resolution."]
    elif listing.no_longer_listed_since is None:
        errors["resolution"] = ["ICE still lists it: only a listing ICE dropped is resolved."]
    if resolution == ListingResolution.ENDED:
        errors.update(_end_errors(listing, ends_on, continued_by))
    elif resolution in ListingResolution.values:
        errors.update(_merge_errors(listing, continued_by))
    if errors:
        raise ValidationError(errors)


def _end_errors(listing, ends_on, continued_by) -> dict[str, list[str]]:
    errors = {}
    if continued_by is not None:
        errors["continued_by"] = ["An ended agreement goes on as no other listing."]
    policy = listing.policy
    started = policy.effective_on if policy is not None else None
    if ends_on is not None and started is not None and ends_on <= started:
        errors["ends_on"] = [f"It cannot end before it was signed ({started})."]
    if ends_on is not None and ends_on > timezone.localdate():
        errors["ends_on"] = ["An end confirmed by an editor has happened: not a future date."]
    return errors


def _merge_errors(listing, continued_by) -> dict[str, list[str]]:
    if continued_by is None:
        return {"continued_by": ["Say which listing it goes on as."]}
    same = (continued_by.list_kind, continued_by.state, continued_by.model)
    if continued_by.pk == listing.pk or same != (listing.list_kind, listing.state, listing.model):
        return {"continued_by": ["Another listing of the same list, state and model."]}
    if continued_by.resolution:
        return {"continued_by": ["That listing is closed itself."]}
    return {}


def _end(listing: AgreementListing, ends_on: dt.date, user: User) -> None:
    if listing.policy is None:
        return  # an agency that is no place: its listing alone records the end
    changes: dict = {"ends_on": ends_on}
    if listing.list_kind == ListKind.PARTICIPATING:
        changes["status"] = PolicyStatus.REPEALED
    policy_update(policy=listing.policy, user=user, **changes)


def _merge(listing: AgreementListing, continued_by: AgreementListing, user: User) -> None:
    if listing.first_listed_on < continued_by.first_listed_on:
        continued_by.first_listed_on = listing.first_listed_on
        continued_by.first_snapshot = listing.first_snapshot
        continued_by.save(update_fields=["first_listed_on", "first_snapshot", "updated_at"])
    if listing.policy is not None:
        policy_update(policy=listing.policy, user=user, review_status=ReviewStatus.REJECTED)
