"""Second looks at names once the scan has found the article's places: a county's
short form ("Miami-Dade"), a "New" that is only an adjective, a misspelt town in a list."""

from __future__ import annotations

import bisect
import difflib
import functools
import re

from articles.extraction.places.gazetteer import aliases, gazetteer
from articles.extraction.places.matches import LIST_GAP_RE, POSSESSIVE_RE, Match, word_before
from articles.extraction.places.resolution import large_or_not_city
from articles.extraction.places.words import COMMON_WORDS, NAME_LIKE_CITIES, NOT_FIRST_NAMES
from articles.extraction.types import Place


def county_short_forms(text: str, matches: list[Match], surnames: set[str]) -> list[Match]:
    """Once a county is named in full ("Prince George's County", "Miami-Dade County"), its name
    alone ("Prince George's joins", "only to Miami-Dade") is that county, unless the name is
    also a city of the county's state, a big city, a state, a name-like word or a surname."""
    counties: dict[str, Place] = {}
    for match in matches:
        county = match.candidates[0] if len(match.candidates) == 1 else None
        if county and county.kind == "county" and match.surface.endswith(" County"):
            short = POSSESSIVE_RE.sub("", match.surface.removesuffix(" County"))
            if _short_form_is_safe(short, county, surnames):
                counties[short] = county
    if not counties:
        return matches
    pattern = re.compile(
        r"\b("
        + "|".join(re.escape(n) for n in counties)
        + r")(?!(?:['’]s)? [Cc]ount(?:y|ies))(?:['’]s)?\b"
    )
    shorts = []
    for m in pattern.finditer(text):
        short = m.group(1)
        before = word_before(text, m.start())
        if before[:1].isupper() and before not in NOT_FIRST_NAMES:
            continue  # "Andrew Jackson": a first name before it
        shorts.append(Match(m.start(), m.end(1), short, (counties[short],), qualified=True))
    spans = [(k.start, k.end) for k in shorts]
    kept = [k for k in matches if not _overlaps_either(spans, k.start, k.end)]
    return sorted(kept + shorts, key=lambda k: k.start)


def _overlaps_either(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does a span of ``spans`` start inside ``[start, end)``, or ``start`` fall inside one?"""
    i = bisect.bisect_left(spans, (start,))
    if i < len(spans) and spans[i][0] < end:
        return True
    return bool(i) and spans[i - 1][0] <= start < spans[i - 1][1]


def _short_form_is_safe(short: str, county: Place, surnames: set[str]) -> bool:
    if short in surnames or short in NAME_LIKE_CITIES or short in COMMON_WORDS:
        return False
    for place in aliases().get(short, ()):
        if place.kind != "city" or place.state == county.state or large_or_not_city(place):
            return False
    return True


def new_prefix(text: str, matches: list[Match]) -> list[Match]:
    """ "New Philadelphia mayor restores limits": a Title Case "New" before a large city that
    the text also names alone is an adjective, not the town of New Philadelphia."""
    alone = {m.surface for m in matches if not m.surface.startswith("New ")}
    out = []
    for match in matches:
        rest = match.surface[4:]
        candidates = aliases().get(rest, ())
        if (
            match.surface.startswith("New ")
            and rest in alone
            and candidates
            and large_or_not_city(candidates[0])
        ):
            match = Match(match.start + 4, match.end, rest, candidates, locative=True)
        out.append(match)
    return out


_NEXT_NAME = re.compile(r"[A-Z][a-z]{3,}\b")
_MISSPELT_CUTOFF = 0.85


@functools.cache
def _city_names(state: str, initial: str) -> tuple[str, ...]:
    """Names of the state's towns that start with ``initial``."""
    return tuple(
        p.name
        for p in gazetteer().places
        if p.kind == "city" and p.state == state and p.name.startswith(initial)
    )


def misspelt_in_lists(
    text: str, matches: list[Match], context: dict[str, list[int]]
) -> list[Match]:
    """A misspelt town in a list of towns ("Norwalk, Fremont and Bellvue"): a capitalised word
    right after a list separator that follows a place, close to the name of a town of a state
    the article is about (difflib ratio >= 0.85, same first letter)."""
    found = []
    taken = {m.start for m in matches}
    for match in matches:
        gap = LIST_GAP_RE.match(text, match.end)
        word = _NEXT_NAME.match(text, gap.end()) if gap else None
        if word is None or word.start() in taken or word[0] in aliases():
            continue
        for state in context:
            names = _city_names(state, word[0][0])
            close = difflib.get_close_matches(word[0], names, n=1, cutoff=_MISSPELT_CUTOFF)
            if close:
                candidates = tuple(p for p in aliases()[close[0]] if p.state == state)
                found.append(
                    Match(word.start(), word.end(), word[0], candidates, True, locative=True)
                )
                taken.add(word.start())
                break
    return found
