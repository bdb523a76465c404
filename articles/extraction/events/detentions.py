"""People held in detention ("52 workers were held", "ICE held 41 people at the jail"), not
averages, capacities or a jail's whole population."""

from __future__ import annotations

import datetime as dt
import re

from articles.extraction.dates import sentence_bounds
from articles.extraction.events.evidence import (
    dated,
    is_place_itself_of,
    is_where_held_of,
    span_total,
    summary,
)
from articles.extraction.events.numbers import ADJECTIVES, COUNT, PEOPLE, parse_count
from articles.extraction.spans import SpanIndex
from articles.extraction.types import EventCandidate, Place, PlaceMention

_DETENTION = re.compile(
    # "52 workers were held", "52 of the workers were held", "24 were being held"
    rf"{COUNT}\s+(?:{ADJECTIVES}{PEOPLE}\s+|of\s+(?:the|those|them)\s+(?:{ADJECTIVES}"
    rf"{PEOPLE}\s+)?|(?=(?:were|are|remain|remained)\s))(?:(?:who\s+)?(?:are|were|remain|still|being|currently"
    r"|have\s+been|had\s+been)\s+){0,3}"
    r"(?:held|detained|in\s+detention|in\s+custody|behind\s+bars|remain(?:s|ed|ing)?\s+(?:at|in))",
    re.IGNORECASE,
)
# "Thirty-one of those arrested were taken to the county jail in Tiffin": a share of the
# arrested people, held where they were taken.
_TAKEN_TO = re.compile(
    rf"{COUNT}\s+of\s+(?:the|those|them)\s+(?:{PEOPLE}\s+)?(?:who\s+were\s+)?(?:arrested"
    r"|detained|picked\s+up)\s+(?:were|had\s+been|have\s+been)\s+(?:taken|sent|transferred|moved"
    r"|brought|booked)\s+(?:in)?to\b",
    re.IGNORECASE,
)
# "ICE held an average of 95 people a day at the jail": the holder first, then the count.
_HELD_COUNT = re.compile(
    rf"\b(?:held|holds|holding|housed|houses|housing)\s+(?:(?:a\s+daily|an)\s+average\s+of\s+)?"
    rf"{COUNT}\s+{ADJECTIVES}{PEOPLE}\b",
    re.IGNORECASE,
)


def detentions(
    text: str,
    places: SpanIndex[PlaceMention],
    published: dt.date | None,
    default_place: Place | None,
) -> list[EventCandidate]:
    """ "approximately five people still held", "12 detainees remain at the jail": the place is
    the first one named after the count in the sentence, else ``default_place``."""
    events = []
    matches = sorted(
        [*_DETENTION.finditer(text), *_HELD_COUNT.finditer(text), *_TAKEN_TO.finditer(text)],
        key=lambda m: m.start(),
    )
    for m in matches:
        start, end = sentence_bounds(text, m.start(), m.end())
        if not _is_headcount_held(text, m, start, end):
            continue
        # the first place itself named after the count, not one in a name ("Nebraska
        # Immigrant Legal Center")
        mention = places.first_from(m.start(), is_where_held_of(text), until=end)
        if mention is None:  # the facility named just before: "in Aurora ... it held 1,126"
            paragraph = text.rfind("\n", 0, m.start()) + 1
            mention = places.last_before(m.start(), _held_at_of(text), limit=m.start() - paragraph)
        place = mention.place if mention else default_place
        count = parse_count(m["num"])
        if place is None or count is None:
            continue
        events.append(_held(text, m.start(), m.end(), place, count, published))
        events.extend(_listed_after(text, m.end(), end, places, published))
    return events


def _held_at_of(text: str):
    """Where people are held, named before the count: a place, or the place a facility is
    named for ("the Eloy Detention Center"), not a reference point ("65 miles southeast of
    Phoenix")."""
    where_held, itself = is_where_held_of(text), is_place_itself_of(text)
    return lambda mention: (
        where_held(mention)
        and not (
            itself(mention) and _REFERENCE.search(text, max(0, mention.start - 40), mention.start)
        )
    )


_REFERENCE = re.compile(
    r"\b(?:(?:north|south|east|west)(?:east|west)?\s+of|miles\s+from|outside(?:\s+of)?|near)\s+$",
    re.IGNORECASE,
)


def _held(
    text: str, start: int, end: int, place: Place, count: int, published: dt.date | None
) -> EventCandidate:
    return EventCandidate(
        kind="detention",
        start=start,
        end=end,
        summary=summary(text, start, end),
        place=place,
        **dated(text, start, end, published),
        count=count,
    )


# "holding 512 people at Otero, 187 at Torrance and 96 at Cibola": the list goes on.
_MORE_HELD = re.compile(rf"\s*(?:,|;|\band\b)\s*(?:and\s+)?{COUNT}\s+(?:at|in)\s+(?:the\s+)?")


def _listed_after(
    text: str, position: int, end: int, places: SpanIndex[PlaceMention], published: dt.date | None
) -> list[EventCandidate]:
    """The counts a list of places adds after a count of people held, in its sentence."""
    found = []
    following = places.first_from(position, until=end)
    while following is not None:
        # skip to the place the first count names, then read "N at <place>" items after it
        m = _MORE_HELD.search(text, following.end, min(end, following.end + 60))
        if m is None:
            break
        mention = places.first_from(m.end(), until=end)
        count = parse_count(m["num"])
        if mention is None or mention.start != m.end() or count is None:
            break
        found.append(_held(text, m.start("num"), mention.end, mention.place, count, published))
        following = mention
    return found


# Numbers of people that are not people held for ICE now: an average over a past period, a
# capacity, a jail's whole population.
_AVERAGE = re.compile(r"\baverag\w*|\ba\s+day\b|\bper\s+day\b|\bdaily\b|\bon\s+any\s+given", re.I)
_CAPACITY = re.compile(
    r"\b(?:can|could|able\s+to|capacity|designed\s+to|room\s+for|beds?\s+for|up\s+to"
    r"|(?:which|that)\s+(?:holds|houses))\b",
    re.I,
)
_SUBSET_AFTER = re.compile(
    r"\s+(?:had|have|has|were\s+(?:\w+\s+)?(?:convicted|charged|wanted|previously|members))\b",
    re.IGNORECASE,
)
_GENERAL_POPULATION = re.compile(r"\b(?:inmates|prisoners|people|persons)\b", re.IGNORECASE)
_ICE_CONTEXT = re.compile(
    r"\bICE\b|\bimmigra\w*|\bdetainers?\b|\bdeport\w*|\bdetainees\b|\bfederal\s+agents",
    re.IGNORECASE,
)


def _is_headcount_held(text: str, m: re.Match[str], start: int, end: int) -> bool:
    """A count of people held for ICE, not an average ("held an average of 95 a day"), a
    capacity ("can hold 1,500") or a jail's whole population ("holds about 8,000 inmates")."""
    if _SUBSET_AFTER.match(text, m.end()):
        return False  # "Forty of those detained had prior convictions": a subset
    clause = text[max(start, m.start() - 60) : min(end, m.end() + 40)]
    if _AVERAGE.search(clause) or _CAPACITY.search(text, max(start, m.start() - 25), m.end()):
        return False
    if span_total(text, start, end, held=True):
        return False  # "held 45 people on detainers last year": a total, not people held now
    if not _GENERAL_POPULATION.search(m.group()):
        return True  # workers, detainees, immigrants: held after a raid or for ICE
    # "holds about 8,000 inmates": only a count of people held for ICE, in ICE's context
    return bool(_ICE_CONTEXT.search(text, start, end))
