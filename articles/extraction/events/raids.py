"""Raids that happened ("ICE raided a plant in <place>") and raids planned or threatened."""

from __future__ import annotations

import datetime as dt
import re

from articles.extraction.dates import (
    article_sentences,
    dates_between,
    sentence_bounds,
    sentence_index,
)
from articles.extraction.events.evidence import (
    dated,
    is_place_itself,
    quoted_spans,
    summary,
    unique,
    with_date_before,
)
from articles.extraction.events.numbers import ADJECTIVES, COUNT, PEOPLE
from articles.extraction.spans import SpanIndex, intervals
from articles.extraction.types import EventCandidate, PlaceMention

_RAID_WORD = re.compile(r"\b(?:raid(?:s|ed|ing)?|sweeps?)\b", re.IGNORECASE)
_PLANNED_WORD = re.compile(
    r"\b(?:raids?|sweeps?|deportations?|operations?|round-?ups?)\b", re.IGNORECASE
)
_PLAN_CUE = re.compile(
    r"\b(?:will|expected|expect|plan(?:s|ned|ning)?|upcoming|scheduled|slated|set to|threat\w*"
    r"|prepar\w+ to|going to|poised to|next\s+(?:week|month)|would\s+(?:conduct|carry|launch|begin"
    r"|start|target))\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:not|never|no)\b", re.IGNORECASE)
# Between a raid word and its place: "raid in the", "raided a meatpacking plant in".
_RAID_TO_PLACE = re.compile(r"^[^.;,]{0,60}?\b(?:in|at|near|across|outside)\s+(?:the\s+)?$")
_TARGET = re.compile(
    rf"\btarget(?:ing|s|ed)?\s+{COUNT}\s+{ADJECTIVES}(?:families|{PEOPLE})\b", re.IGNORECASE
)


def raids(
    text: str, places: SpanIndex[PlaceMention], published: dt.date | None
) -> list[EventCandidate]:
    """ "a raid in <place>", "ICE raided a plant in <place>", outside planning language."""
    events = []
    for m in _RAID_WORD.finditer(text):
        start, end = sentence_bounds(text, m.start(), m.end())
        if _PLAN_CUE.search(text, start, end):
            continue  # planned, threatened or expected: see planned_raids
        mention = places.first_from(m.end(), lambda p, m=m: _raid_place(text, m, p), until=end)
        if mention is None:
            continue
        span_start = with_date_before(text, m.start(), published)
        events.append(
            EventCandidate(
                kind="raid",
                start=span_start,
                end=mention.end,
                summary=summary(text, span_start, mention.end),
                place=mention.place,
                **dated(text, span_start, mention.end, published),
            )
        )
    return unique(events)


def _raid_place(text: str, raid: re.Match[str], mention: PlaceMention) -> bool:
    return bool(_RAID_TO_PLACE.search(text[raid.end() : mention.start])) and is_place_itself(
        text, mention
    )


def planned_raids(
    text: str, places: SpanIndex[PlaceMention], published: dt.date | None
) -> list[EventCandidate]:
    """One "planned_raid" per place named after a raid word in a sentence of planning or
    threat language (outside quotations, which are opinions rather than reports)."""
    quotes = intervals(quoted_spans(text))
    events = []
    for start, end in article_sentences(text):
        raid = _PLANNED_WORD.search(text, start, end)
        if (
            not raid
            or quotes.containing(raid.start())
            or not _PLAN_CUE.search(text, start, end)
            or _NEGATED.search(text, start, raid.start())
        ):
            continue
        when, target = _plan_context(text, start, end, published)
        for mention in places.starting_in(raid.end(), end):
            if is_place_itself(text, mention):
                events.append(
                    EventCandidate(
                        kind="planned_raid",
                        start=start,
                        end=end,
                        summary=summary(text, start, end, target),
                        place=mention.place,
                        starts_on=when,
                    )
                )
    return events


def _plan_context(
    text: str, start: int, end: int, published: dt.date | None
) -> tuple[dt.date | None, str]:
    """The date and target figure of a plan, from its sentence or the two before it: the
    first date on or after publication, and e.g. "targeting up to 2,000 migrant families"."""
    spans = article_sentences(text)
    window_start = spans[max(0, sentence_index(text, start) - 2)][0]
    window = text[window_start:end]
    # A plan lies ahead of publication; without a publication date nothing can be resolved.
    dates = [
        d.value
        for d in dates_between(text, window_start, end, published)
        if published and d.value and d.value >= published
    ]
    target = _TARGET.search(window)
    return (dates[0] if dates else None), (" ".join(target.group().split()) if target else "")
