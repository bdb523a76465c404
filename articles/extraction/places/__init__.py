"""Find the US cities, counties, states and the federal district that a news text names.

``find_places(text)`` works in two passes:

1. *Scan*: at each capitalised word, take the longest run of words (joined by single spaces, or
   by ", " inside names such as "Washington, D.C.") that is a gazetteer alias, case-sensitively.
   A city or county followed by ", <state>" ("Portland, Ore.", "Cook County, Illinois") is
   resolved in that state and the state words join the mention: the reader means the city.
   Words that merely contain a place are dropped here (``lookalikes``): news outlets
   ("the Denver Post", "CBS Baltimore"), sports teams, people ("Judge Andrew Austin",
   "Mayor Phoenix Lane", "Austin says").
2. *Resolve*: the article's *context states* are those it names outright or that qualify a
   place. An ambiguous name takes the candidate in a context state, else (cities only) the most
   populous candidate if it is a large city; common English words and foreign homonyms
   ("Mobile", "Paris") need a state to count; a county name found in several states with none
   of them in context is skipped rather than guessed.

"New York" alone is the city (US news names the state as "New York State", "the state of New
York", or through its government: "New York's governor", "New York lawmakers"). "Washington"
alone is skipped (the federal government, the newspaper, a person) unless written "Washington
state", "the state of Washington" or "Washington, D.C.".

Where each part lives: ``scan`` (pass 1) finds the ``matches``, sets ``lookalikes`` aside and
reads the ``forms`` a place takes (qualified, in a dateline, in "... counties", New York and
Washington); ``variants`` takes second looks (a county's short form, a "New" that is an
adjective, a misspelt town in a list); ``resolution`` is pass 2; ``words`` holds the word lists
and ``gazetteer`` the places there are (also read by the official datasets' importers).
"""

from __future__ import annotations

from collections import Counter

from articles.extraction.places.resolution import context_states, large_or_not_city, resolve
from articles.extraction.places.scan import scan_matches
from articles.extraction.places.variants import county_short_forms, misspelt_in_lists, new_prefix
from articles.extraction.types import Place, PlaceMention


def find_places(text: str) -> list[PlaceMention]:
    """Every place the text names, sorted by start and non-overlapping; see the module doc."""
    matches, surnames = scan_matches(text)
    matches = county_short_forms(text, matches, surnames)
    matches = new_prefix(text, matches)
    context = context_states(matches)
    matches = sorted(matches + misspelt_in_lists(text, matches, context), key=lambda m: m.start)
    # "Portland, Maine" makes a bare "Portland" Maine's, before it (a headline) or after it.
    # (Known by the name alone: "WORTHINGTON, Minn." makes "Worthington" Minnesota's.)
    known: dict[str, Place] = {}
    for match in matches:
        if match.qualified and len(match.candidates) == 1:
            known.setdefault(_bare(match.surface), match.candidates[0])
    mentions = []
    for match in matches:
        place = resolve(match, context, known)
        if place and place.kind == "city" and not match.qualified and match.surface in surnames:
            # "Mayor Ann Johnson ... according to Johnson": the town of Johnson is a surname.
            place = place if large_or_not_city(place) else None
        if place is not None:
            mentions.append(PlaceMention(match.start, match.end, place))
            if match.qualified:
                known.setdefault(_bare(match.surface), place)
    return mentions


def _bare(surface: str) -> str:
    """A place's name without the state that qualifies it, folded: "worthington"."""
    return surface.split(",")[0].strip().casefold()


def primary_place(mentions: list[PlaceMention]) -> Place | None:
    """The place an article is mostly about: its most mentioned city, county or district (ties
    to the earliest mentioned), else its most mentioned state, else None."""
    for kinds in (("city", "county", "federal_district"), ("state",)):
        local = [m for m in mentions if m.place.kind in kinds]
        if local:
            counts = Counter(m.place.slug for m in local)
            first = {}
            for m in local:
                first.setdefault(m.place.slug, m.start)
            slug = min(counts, key=lambda s: (-counts[s], first[s]))
            return next(m.place for m in local if m.place.slug == slug)
    return None
