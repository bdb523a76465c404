"""Finding places and people by name: the header's search box and its suggestions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import F, Q
from django.urls import reverse

from stances.models import Jurisdiction, Official
from stances.rules.names import split_place

SUGGESTIONS = 10


@dataclass(frozen=True)
class Found:
    label: str  # "Atlanta, GA"; "Keisha Lance Bottoms (Mayor, Atlanta, GA)"
    kind: str  # "place" | "person"
    url: str
    slug: str  # what a filter's URL carries
    exact: bool  # the whole name, as typed (case aside)


def _place_query(text: str) -> tuple[Q, str, str | None]:
    name, code = split_place(text)
    condition = Q(name__icontains=name)
    return (condition & Q(state=code) if code else condition), name, code


def find(text: str, *, limit: int = SUGGESTIONS, kinds=("place", "person")) -> list[Found]:
    """Places then people whose name contains ``text`` (a place may be written "Atlanta, GA"),
    names that begin with it first, the most populous places first: two queries."""
    text = " ".join(text.split())
    if not text:
        return []
    condition, name, _ = _place_query(text)
    person = re.sub(r"\s*\(.*\)$", "", text) or text  # a suggestion's label: "Name (Mayor, ...)"
    places = (
        Jurisdiction.objects.none()
        if "place" not in kinds
        else (
            Jurisdiction.objects.filter(condition)
            .annotate(starts=Q(name__istartswith=name))
            .order_by(F("starts").desc(), F("population").desc(nulls_last=True), "name", "state")[
                :limit
            ]
        )
    )
    people = (
        Official.objects.none()
        if "person" not in kinds
        else (
            Official.objects.filter(name__icontains=person)
            .select_related("jurisdiction")
            .annotate(starts=Q(name__istartswith=person))
            .order_by(F("starts").desc(), "name", "id")[:limit]
        )
    )
    found = [
        Found(
            str(p),
            "place",
            reverse("jurisdiction", args=[p.slug]),
            p.slug,
            p.name.lower() == name.lower(),
        )
        for p in places
    ]
    for official in people:
        where = ", ".join(str(x) for x in (official.role, official.jurisdiction) if x)
        label = f"{official.name} ({where})" if where else official.name
        url = f"{reverse('statements')}?speaker={official.slug}"
        exact = official.name.lower() == person.lower()
        found.append(Found(label, "person", url, official.slug, exact))
    return found[: limit * 2]


def only_match(found: list[Found], text: str) -> Found | None:
    """Where the box takes the reader: the one result whose name (or label) is what was typed,
    or the one result there is."""
    typed = " ".join(text.split()).lower()
    exact = [f for f in found if f.label.lower() == typed] or [f for f in found if f.exact]
    if len(exact) == 1:
        return exact[0]
    return found[0] if len(found) == 1 else None
