"""What every kind of event shares: quotations to skip, a summary of the evidence, its dates,
and whether a place name is the place itself or part of a proper name."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from articles.extraction.dates import dates_between, mention_for_span, period
from articles.extraction.types import EventCandidate, PlaceMention

_PROPER_NAME_AFTER = re.compile(r" [A-Z][a-z]")
_SUMMARY_LIMIT = 300


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, between curly or straight double quotes, within a
    paragraph (an unclosed quote ends at the line break)."""
    return _quoted_spans(text)


@lru_cache(maxsize=16)
def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [
        (m.start(), m.end()) for m in re.finditer(r"“[^”\n]*(?:”|$)|\"[^\"\n]*(?:\"|$)", text, re.M)
    ]


def summary(text: str, start: int, end: int, note: str = "") -> str:
    words = " ".join(text[start:end].split())
    words = f"{words} ({note})" if note else words
    return words if len(words) <= _SUMMARY_LIMIT else words[: _SUMMARY_LIMIT - 1] + "…"


def dated(text: str, start: int, end: int, published: dt.date | None) -> dict:
    """starts_on / ends_on / date_precision for the date the words refer to: a day, or the whole
    month or year when that is all the text says ("a mid-February raid")."""
    first, last, precision = period(mention_for_span(text, start, end, published))
    return {
        "starts_on": first,
        "ends_on": last if precision != "day" else None,
        "date_precision": precision,
    }


# A total over a stretch of time, not an event: "since 2007", "over nine years", "a year",
# "annually", "during the past fiscal year".
_SPAN_TOTAL = (
    r"\bsince\s+(?:19|20)\d\d\b|\b(?:over|during|in)\s+the\s+(?:past|last)\s+(?:\w+\s+){0,2}?"
    r"(?:years?|months|decades?|fiscal\s+years?)\b|\bover\s+(?:\w+\s+)?(?:years|decades)\b"
    r"|\b(?:a|per|each|every)\s+year\b|\bannually\b|\byearly\b"
)
# For people held, a past year or a peak is a total too: "held 73 people for ICE in 2018",
# "held 45 people on detainers last year", "at its peak, the center held 900".
_HELD_TOTAL = re.compile(
    _SPAN_TOTAL + r"|\bin\s+(?:fiscal\s+(?:year\s+)?)?(?:19|20)\d\d\b|\blast\s+(?:fiscal\s+)?year\b"
    r"|\bat\s+(?:its|their|the)\s+peak\b",
    re.IGNORECASE,
)
_ARREST_TOTAL = re.compile(_SPAN_TOTAL, re.IGNORECASE)


def span_total(text: str, start: int, end: int, *, held: bool = False) -> bool:
    """Whether ``text[start:end]`` (a count's sentence) gives a total over time, or arrests
    on state charges (no ICE event), rather than an event."""
    if _STATE_CHARGES.search(text, start, end):
        return True
    return bool((_HELD_TOTAL if held else _ARREST_TOTAL).search(text, start, end))


_STATE_CHARGES = re.compile(r"\bon\s+state\s+(?:charges|crimes)\b", re.IGNORECASE)


# A facility named for its place is there: "the Otero County Processing Center".
_FACILITY_AFTER = re.compile(
    r" (?:County |City )?(?:Jail|Detention|Processing|Correctional|Correction|Corrections|Prison"
    r"|Regional|Adult|Service|Contract|Immigration|ICE|Federal)\b"
)


def is_place_itself(text: str, mention: PlaceMention) -> bool:
    """False when the place name only qualifies a proper name that follows it ("Miami Herald",
    "Denver Police Department"): the event is not located by that name."""
    return not _PROPER_NAME_AFTER.match(text, mention.end)


def with_date_before(text: str, position: int, published: dt.date | None) -> int:
    """Extend a span back over an adjacent date modifier: "a mid-February raid"."""
    window_start = max(0, position - 40)
    for mention in dates_between(text, window_start, position, published):
        if not text[window_start + mention.end : position].strip():
            return window_start + mention.start
    return position


def is_place_itself_of(text: str):
    return lambda mention: is_place_itself(text, mention)


def is_where_held_of(text: str):
    """The place itself, or the place a facility is named for: people held at "the Otero
    County Processing Center" are held in Otero County."""
    return lambda mention: (
        is_place_itself(text, mention) or bool(_FACILITY_AFTER.match(text, mention.end))
    )


def unique(events: list[EventCandidate]) -> list[EventCandidate]:
    """Drop repeats of the same kind and place within one sentence."""
    seen, out = set(), []
    for event in events:
        key = (event.kind, event.place, event.end)
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out
