"""The extraction pipeline: cleaned text in, an ``Extraction`` out.

Each step is a pure function of the text and of what earlier steps found:

    places -> speakers -> affiliations (level, place) -> statements -> declarations
        -> policy actions -> enforcement events -> statement stances -> statement dates

Statements' stances come last but one because they are read in context: who speaks and what
the article says they and their place decided (``stance``). Every step works in time linear in
the article's length (sentences and dates are read once per article, positions are looked up
by bisection: ``spans.SpanIndex``); ``tests/articles/extraction/test_linear_time.py`` holds it.

The body passed in must already be cleaned (``clean.clean``): spans index into it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace

from . import (
    dates,
    declarations,
    events,
    places,
    policies,
    quotes,
    speakers,
    stance,
)
from .events import quoted_spans
from .spans import Interval, SpanIndex
from .speakers import affiliations
from .types import Extraction, Place, PlaceMention, Speaker, StatementCandidate

# Offices that serve one locality: in an article about one place, "Mayor Jane Roe" is its mayor.
_LOCAL_ROLE = re.compile(
    r"\b(mayor|police chief|chief of police|sheriff|city council|council ?(member|woman|man)|"
    r"alderm[ae]n|alderwoman|city manager|county executive|commissioner|district attorney)\b",
    re.IGNORECASE,
)
_DOMINANT_SHARE = 0.6  # share of local place mentions that makes one place "the" place


def dominant_place(mentions: list[PlaceMention]) -> Place | None:
    """The city, county or district an article is about, when one clearly dominates it."""
    local = [m.place for m in mentions if m.place.kind != "state"]
    if len(local) < 2:
        return None
    place, count = Counter(local).most_common(1)[0]
    return place if count / len(local) >= _DOMINANT_SHARE else None


def place_local_officials(cast: list[Speaker], mentions: list[PlaceMention]) -> list[Speaker]:
    """A local official introduced without a place takes the article's dominant place (kept
    for callers of the earlier pipeline; ``affiliations.place_speakers`` now does this)."""
    place = dominant_place(mentions)
    if place is None:
        return cast
    return [
        replace(s, place=place)
        if s.place is None and s.kind == "person" and _LOCAL_ROLE.search(s.role)
        else s
        for s in cast
    ]


def date_statements(
    body: str,
    statements: list[StatementCandidate],
    published: dt.date | None,
    cast: list[Speaker] | None = None,
) -> list[StatementCandidate]:
    """A statement is dated by the words that attribute it ("said Thursday", "In a statement
    Friday night, ..."), never by a date inside the quotation; a quotation that goes on with
    the same speaker's words in the same paragraph takes their date, and so does one right after
    the speaker's reported speech ("Sheriff Ana Ruiz said Friday that ... ¶ “...,” Ruiz said.").
    Without such words it is
    dated by the publication date, and ``date_source`` says so ("published"): the day the words
    were reported, which is the day they were said only as far as the article goes."""
    quotes = SpanIndex(Interval(s, e) for s, e in quoted_spans(body))
    dated: list[StatementCandidate] = []
    for s in statements:
        if s.said_on is not None:
            dated.append(s)
            continue
        mention = dates.said_mention(body, s.start, s.end, published, quotes)
        if mention is not None:
            first, _, precision = dates.period(mention)
            dated.append(replace(s, said_on=first, date_precision=precision, date_source="text"))
            continue
        speaker = next((c for c in cast or () if c.key == s.speaker_key), None)
        reported = _reported_day(body, s, speaker, published, quotes) if speaker else None
        if reported is not None:
            first, _, precision = dates.period(reported)
            dated.append(replace(s, said_on=first, date_precision=precision, date_source="text"))
            continue
        earlier = _continued(body, s, dated)
        if earlier is not None and earlier.date_source == "text":
            dated.append(
                replace(
                    s,
                    said_on=earlier.said_on,
                    date_precision=earlier.date_precision,
                    date_source="text",
                )
            )
        elif published is not None:
            dated.append(
                replace(s, said_on=published, date_precision="day", date_source="published")
            )
        else:
            dated.append(s)
    return dated


_SPEECH_DAY = re.compile(
    r"\s+(?:(?:to\s+)?(?:reporters|the\s+\w+|an?\s+\w+)\s+|in\s+an?\s+(?:\w+\s+)?(?:statement|interview"
    r"|email|news\s+conference)\s+|on\s+)?"
)
_SPEECH_AFTER = re.compile(r"[^.!?\n]{0,80}?\b(?:said|says|told|announced|wrote|testified)\b")


def _reported_day(
    body: str,
    statement: StatementCandidate,
    speaker: Speaker,
    published: dt.date | None,
    quotes: SpanIndex,
) -> dates.DateMention | None:
    """The day of the speaker's reported speech in the sentence right before the quotation's
    (its paragraph's first sentence, else the last one of the paragraph before), when that
    sentence has the speaker say something on a named day."""
    lo, _ = dates.sentence_bounds(body, statement.start, statement.end)
    last = len(body[:lo].rstrip()) - 1  # the last character of the sentence before
    if last < 0:
        return None
    before_lo, before_hi = dates.sentence_bounds(body, last, last + 1)
    if before_hi <= before_lo or quotes.containing(before_lo):
        return None
    names = [
        (a, b)
        for a, b in speaker.mentions
        if before_lo <= a < before_hi and not quotes.containing(a)
    ]
    speech = _SPEECH_AFTER.match(body, names[0][1]) if names else None
    if speech is None:
        return None
    # the day right after the verb: "said Friday", "told reporters Monday", "said in a
    # statement Friday night", not "said the county joined in 2019"
    day = _SPEECH_DAY.match(body, speech.end())
    if day is None:
        return None
    found = [
        m
        for m in dates.dates_between(body, before_lo, before_hi, published)
        if m.value is not None
        and m.precision == "day"
        and before_lo + m.start == day.end()
        and (published is None or m.value <= published)
    ]
    return found[0] if found else None


def _continued(
    body: str, statement: StatementCandidate, earlier: list[StatementCandidate]
) -> StatementCandidate | None:
    """The statement this one goes on from: the one it ``continues``, else the latest earlier
    statement of the same speaker in the same paragraph."""
    if statement.continues is not None and statement.continues < len(earlier):
        return earlier[statement.continues]
    paragraph = body.rfind("\n", 0, statement.start) + 1
    for previous in reversed(earlier):
        if previous.end <= paragraph:
            return None
        if previous.speaker_key == statement.speaker_key:
            return previous
    return None


def extract(body: str, *, published: dt.date | None = None) -> Extraction:
    """Every fact the text supports, each tied to its span in ``body``."""
    mentions = places.find_places(body)
    main_place = places.primary_place(mentions)
    cast = affiliations.place_speakers(body, speakers.find_speakers(body, mentions), mentions)
    statements = quotes.find_statements(body, cast, mentions)
    declared = declarations.find_declarations(body, mentions, cast, statements)
    found_policies = policies.find_policies(
        body,
        mentions,
        published,
        default_place=main_place,
        declarations=declared,
        speakers=cast,
    )
    found_events = events.find_events(body, mentions, published, default_place=main_place)
    statements = stance.assign_stances(body, statements, cast, found_policies, found_events)
    return Extraction(
        body=body,
        places=mentions,
        speakers=cast,
        statements=date_statements(body, statements, published, cast),
        events=found_events,
        policies=found_policies,
        declarations=declared,
    )
