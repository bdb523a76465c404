"""Reads of ICE's 287(g) lists: which places have an agreement in force (and of which models) or a
request pending, for the map, the API and the filters; and one place's listings, for its page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import F, Prefetch, QuerySet
from django.utils import timezone

from stances.models import AgreementListing, Jurisdiction, ListKind, PolicyEffect
from stances.rules.stance import EvidenceItem, StanceResult, counts_from, derive


@dataclass(frozen=True)
class Agreements287g:
    """A place on ICE's lists on a day: the models of its agreements in force, and whether it
    has a request pending. A request is not an agreement: it changes no stance."""

    models: tuple[str, ...] = ()
    pending: bool = False

    @property
    def in_force(self) -> bool:
        return bool(self.models)


NONE = Agreements287g()


def agreements_287g(
    jurisdiction_ids: Iterable[int] | None = None, *, on: dt.date | None = None
) -> dict[int, Agreements287g]:
    """Each place's agreements in force and pending requests on ``on`` (None: today), for the
    places given (None: every place), in two queries. Places on neither list are left out."""
    day = on or timezone.localdate()
    in_force = AgreementListing.objects.in_force(day)
    pending = AgreementListing.objects.pending_on(day)
    if jurisdiction_ids is not None:
        ids = list(jurisdiction_ids)
        in_force, pending = (
            in_force.filter(jurisdiction_id__in=ids),
            pending.filter(jurisdiction_id__in=ids),
        )
    models: dict[int, set[str]] = {}
    for place, model in in_force.values_list("jurisdiction_id", "model").distinct():
        models.setdefault(place, set()).add(model)
    waiting = set(pending.values_list("jurisdiction_id", flat=True).distinct())
    return {
        place: Agreements287g(tuple(sorted(models.get(place, ()))), place in waiting)
        for place in models.keys() | waiting
    }


@dataclass(frozen=True)
class ListedAgreement:
    """One listing of a place, with what its agreement alone implies today (``implied``: the
    stance rule run over this agreement's effects only) and since when it counts."""

    listing: AgreementListing
    effects: list[PolicyEffect] = field(default_factory=list)
    implied: StanceResult | None = None
    counts_from: dt.date | None = None


@dataclass(frozen=True)
class PlaceListings:
    agreements: list[ListedAgreement]  # ICE's participating list
    requests: list[ListedAgreement]  # ICE's pending list


def place_listings(jurisdiction: Jurisdiction) -> PlaceListings:
    """A place's agreements and requests on ICE's lists (those an editor rejected left out),
    with their evidence, snapshots and history, in three queries."""
    listings = _listings().filter(jurisdiction=jurisdiction).visible()
    found: dict[str, list[ListedAgreement]] = {ListKind.PARTICIPATING: [], ListKind.PENDING: []}
    for listing in listings:
        found[listing.list_kind].append(_listed(listing))
    return PlaceListings(found[ListKind.PARTICIPATING], found[ListKind.PENDING])


def _listings() -> QuerySet[AgreementListing]:
    effects = Prefetch("policy__effects", queryset=PolicyEffect.objects.order_by("indicator"))
    return (
        AgreementListing.objects.select_related(
            "policy__article", "first_snapshot", "last_snapshot", "official"
        )
        .defer("policy__article__body")  # a snapshot's text: tens of kilobytes per row
        .prefetch_related(effects)
        .order_by(
            F("no_longer_listed_since").asc(nulls_first=True), "-first_listed_on", "agency", "model"
        )
    )


def _listed(listing: AgreementListing) -> ListedAgreement:
    policy = listing.policy
    if policy is None:
        return ListedAgreement(listing)
    start = counts_from(policy.effective_on, policy.date_precision, policy.article.published_on)
    effects = list(policy.effects.all())
    items = [
        EvidenceItem(e.indicator, e.direction, start, policy.pk, policy.status, policy.ends_on)
        for e in effects
    ]
    return ListedAgreement(listing, effects, derive(items), start)
