"""Pass 2 of ``find_places``: one place for each name, from the states the article is
about, or none when the name is too ambiguous to guess."""

from __future__ import annotations

import bisect

from articles.extraction.places.matches import Match
from articles.extraction.places.words import COMMON_WORDS, FOREIGN_CITIES
from articles.extraction.types import Place

# Bare cities below this population need a state in the text (named or implied) to count.
BARE_CITY_MIN_POPULATION = 100_000


def context_states(matches: list[Match]) -> dict[str, list[int]]:
    """Where the text names each state outright, or implies it by a place that needs no guess:
    a qualified one ("Portland, Ore."), a county of a single state, a large city of a unique
    name. State code -> offsets of those mentions."""
    states: dict[str, list[int]] = {}
    for match in matches:
        named = [p for p in match.candidates if p.kind in ("state", "federal_district")]
        if not named and match.qualified:
            named = list(match.candidates)  # "Lancaster, Pa.": the text names the state
        elif not named and len(match.candidates) == 1 and match.surface not in COMMON_WORDS:
            named = [p for p in match.candidates if large_or_not_city(p)]
        for place in named:
            states.setdefault(place.state, []).append(match.start)
    return states


def _nearest_in_context(
    candidates: list[Place], context: dict[str, list[int]], at: int
) -> list[Place]:
    """The candidates whose state the text names, the state named nearest to ``at`` first."""
    in_context = [p for p in candidates if p.state in context]
    # The state the article names most wins; between equals, the one named nearest.
    return sorted(
        in_context, key=lambda p: (-len(context[p.state]), _distance(context[p.state], at))
    )


def _distance(positions: list[int], at: int) -> int:
    """The distance from ``at`` to the nearest of ``positions`` (sorted, not empty)."""
    i = bisect.bisect_left(positions, at)
    return min(abs(at - positions[j]) for j in (i - 1, i) if 0 <= j < len(positions))


def large_or_not_city(place: Place) -> bool:
    return place.kind != "city" or (place.population or 0) >= BARE_CITY_MIN_POPULATION


def resolve(match: Match, context: dict[str, list[int]], known: dict[str, Place]) -> Place | None:
    """Pass 2: one place for a match, or None when the name is too ambiguous to guess."""
    candidates = match.candidates
    states = [p for p in candidates if p.kind in ("state", "federal_district")]
    if states:
        return states[0]
    if match.qualified or len(candidates) == 1 and candidates[0].kind != "city":
        return candidates[0] if len(candidates) == 1 else None
    if match.surface.casefold() in known:
        return known[match.surface.casefold()]
    in_context = _nearest_in_context(list(candidates), context, match.start)
    if candidates[0].kind == "county":
        return in_context[0] if in_context else None
    if match.surface in COMMON_WORDS:
        # A foreign or common-word name counts as one item of a list of the context state's
        # places, as a municipality ("the City of Lebanon"), or, for a foreign city's name, where
        # prose puts a town ("11 in Manchester" in an article about New Hampshire).
        plausible = (
            match.listed or match.titled or (match.locative and match.surface in FOREIGN_CITIES)
        )
        return in_context[0] if plausible and in_context else None
    biggest = candidates[0]  # candidates are sorted most populous first
    # A village in a context state does not beat a major city of the same name ("Atlanta"
    # in an article that also names Chicago is not Atlanta, Illinois).
    in_context = [p for p in in_context if (p.population or 0) * 20 >= (biggest.population or 0)]
    # A name of several words ("Jefferson City") is no common word: its context state suffices.
    multiword = " " in match.surface
    if in_context and (match.locative or multiword or large_or_not_city(in_context[0])):
        return in_context[0]
    if (biggest.population or 0) >= BARE_CITY_MIN_POPULATION:
        return biggest
    return None
