"""Arrests by place: the count before the place ("41 people in Austin"), a tally after it
("Austin, 41;") or the object of an arrest verb whose clause goes on to name the place."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from articles.extraction.dates import dates_between, sentence_bounds
from articles.extraction.events.evidence import dated, is_place_itself, span_total, summary
from articles.extraction.events.numbers import (
    ADJECTIVES,
    APPROX,
    ARREST_WORD,
    COUNT,
    NUMBER,
    PEOPLE,
    is_year,
    parse_count,
)
from articles.extraction.events.operations import parent_operation
from articles.extraction.spans import SpanIndex, intervals
from articles.extraction.types import EventCandidate, Place, PlaceMention

# Right before a place: "28 arrests in", "30 in", "41 people in", "12 immigrants were arrested in".
# "Twenty-one of the arrests were made in", "22 were apprehended in" (the verb names who).
_COUNT_BEFORE_PLACE = re.compile(
    rf"{COUNT}\s+(?:(?:(?P<noun>arrests|{ADJECTIVES}{PEOPLE}|more|others|of\s+(?:them|those|whom"
    r"|the\s+(?:arrests|\w+)))\s+|(?=were\s+(?:arrested|apprehended|detained|taken|picked)\b))"
    r"(?:(?P<passive>were)\s+)?(?:(?:arrested|detained|made"
    r"|apprehended|taken\s+into\s+custody|picked\s+up)\s+(?:[A-Z]\w+\s+|on\s+\w+\s+){0,2})?"
    r"(?:(?:at|across|by|on|outside)\s+[^,.;]{0,60}?\s+)?)?(?:in|across|throughout|on)\s+(?:the\s+(?:state|city"
    r"|county|town|village)\s+of\s+|(?:nearby|neighboring|neighbouring|suburban|rural)\s+|the\s+)?$",
    re.IGNORECASE,
)
# "arrested 87 workers Thursday at a plant in <place>": the verb, its count, then the place the
# same clause names after a preposition.
_ARREST_VERB_COUNT = re.compile(
    rf"\b(?:arrest(?:s|ed|ing)?|apprehend(?:s|ed|ing)?|detain(?:s|ed|ing)?|round(?:s|ed)? up"
    r"|pick(?:s|ed)? up|t(?:ook|akes?|aking) into custody|handcuff(?:s|ed|ing)?"
    r"|t(?:ook|akes?|aking|aken) custody of)"
    rf"\s+{COUNT}(?:\s+{ADJECTIVES}{PEOPLE}\b|(?=\s+(?:in|at)\s))",
    re.IGNORECASE,
)
# "Officers made 121 of the arrests in the Charlotte area", "the arrests of 45 people in"
_MADE_ARRESTS = re.compile(
    rf"\bmade\s+{COUNT}\s+(?:of\s+(?:the|those)\s+)?arrests\b", re.IGNORECASE
)
# "261 workers were apprehended", "1,282 workers were arrested in all": the place elsewhere
_PASSIVE_COUNT = re.compile(
    rf"{COUNT}\s+{ADJECTIVES}{PEOPLE}\s+(?:were|had\s+been|have\s+been)\s+(?:arrested|detained"
    r"|apprehended|taken\s+into\s+custody|picked\s+up)\b",
    re.IGNORECASE,
)
# "one of 12 people ICE officers arrested in east Las Vegas": the whole count, at that place
_ONE_OF = re.compile(
    rf"\bone\s+of\s+(?:the\s+)?{COUNT}\s+{ADJECTIVES}{PEOPLE}\s+(?:who\s+were\s+|(?:that|whom)\s+)?"
    r"(?:[\w.]+\s+){0,3}?(?:arrested|detained|apprehended|picked\s+up)\b",
    re.IGNORECASE,
)
_ARRESTS_OF = re.compile(rf"\barrests?\s+of\s+{COUNT}\s+{ADJECTIVES}{PEOPLE}\b", re.I)
_CLAUSE_TO_PLACE = re.compile(
    r"^[^.;:“”\"]{0,80}?\b(?:in|at|across|near|throughout|around|outside|from)\s+(?:the\s+)?"
    r"(?:(?:northern|southern|eastern|western|central|north|south|east|west|greater|rural|"
    r"suburban|downtown)\s+)?$",
    re.IGNORECASE,
)
# Where a count is not at the place named: near a reference point ("towns near Jackson"), in a
# region ("the Charlotte area", "northern Ohio"), or shared by a list ("Lawrence and Haverhill").
_REFERENCE_BEFORE = re.compile(
    # ("in and around the courthouse" is there)
    r"\b(?:near|outside(?:\s+of)?|(?<!in\sand\s)around|miles\s+from|(?:north|south|east|west)\s+of)"
    r"\s+(?:the\s+)?$"
    r"|\b(?:northern|southern|eastern|western|central|statewide)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_REGION_BEFORE = re.compile(
    r"\b(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upstate|Downstate"
    r"|Greater|Metro)\s+$"
)
# "the Charlotte area", "the Raleigh-Durham area", "the Dallas-Fort Worth region"
_REGION_AFTER = re.compile(
    r"(?:[-–/](?:[A-Z][\w.]*)(?:\s+[A-Z][\w.]*)?)?\s+(?:area|region|metro(?:politan)?\s+area|metro"
    r"|suburbs)\b|[-–](?:area|region|metro)\b"
)
# "in New York City and on Long Island": the count is shared with somewhere else.
_SHARED_AFTER = re.compile(r"\s+and\s+(?:in|on|at|across)\s+(?:the\s+)?[A-Z]")
_LIST_AFTER = re.compile(r"(?:,\s+|\s+and\s+|\s+or\s+)$")
# Another count in the gap: a number of people, or one that a place follows ("46 in Sandusky");
# "seven processing plants" or "two locations" counts no one.
_NUMBER_IN_GAP = re.compile(
    rf"(?<![\w-])(?:{NUMBER})(?![\w-])\s+(?:{ADJECTIVES}{PEOPLE}\b|more\b|others\b|arrests\b"
    r"|(?:in|at|on)\s)",
    re.IGNORECASE,
)
# Two counts of people joined by "and" are one: "12 men and three women".
_SUM_AFTER = re.compile(rf"\s+and\s+{COUNT}\s+{ADJECTIVES}{PEOPLE}\b", re.IGNORECASE)
_SUM_BEFORE = re.compile(rf"{COUNT}\s+{ADJECTIVES}{PEOPLE}\s+and\s+$", re.IGNORECASE)
_WHERE_BEFORE = re.compile(r",\s+where\s+[^.;]{0,40}$")
# A place's share of the arrests: "Austin accounted for 23 of the arrests", "(the arrests in)
# Virginia Beach numbered 41"
_SHARE_AFTER = re.compile(
    rf"\s+(?:accounted\s+for|numbered)\s+{COUNT}(?:\s+(?:of\s+(?:the|those|these)\s+|of\s+\d[\d,]*\s+)"
    r"?arrests\b|(?=\s*[.;,]))",
    re.IGNORECASE,
)
# A tally after each place: "Seattle, 41; Tacoma, 27", "Austin: 12", "Austin (12)".
_COUNT_AFTER_PLACE = re.compile(
    rf"(?:\s*[,:]\s*|\s*\(|\s+[–—-]\s+)(?!(?:{APPROX})\b)(?P<num>(?:{NUMBER}))\b\)?"
    r"(?=\s*(?:[;,.\n]|and\b|$))",
    re.IGNORECASE,
)
_LIST_SEPARATOR = re.compile(
    r"(?:[,;]|\band|\bwere|\bwith|\bincluding|\bincluded|\bamong\s+them)\s*$", re.IGNORECASE
)


def arrests(
    text: str,
    places: SpanIndex[PlaceMention],
    published: dt.date | None,
    operations: list[EventCandidate],
) -> list[EventCandidate]:
    """One "arrests" event per place with a count, in a sentence about arrests: the count
    before the place ("41 people in Austin"), a tally after it ("Austin, 41;") or the object
    of an arrest verb whose clause goes on to name the place."""
    date_spans = intervals((d.start, d.end) for d in dates_between(text, 0, len(text), published))
    found: dict[tuple[int, int, str], EventCandidate] = {}
    for mention in places.items:
        start, _ = sentence_bounds(text, mention.start, mention.end)
        share = _SHARE_AFTER.match(text, mention.end)
        if share and is_place_itself(text, mention):
            count = parse_count(share["num"])
            if count is not None:
                span = (mention.start, share.end())
                event = _arrest_event(text, span, mention.place, count, "", published)
                found.setdefault((start, count, mention.place.slug), event)
            continue
        m = _COUNT_BEFORE_PLACE.search(text, start, mention.start)
        if m and _SUM_BEFORE.search(text, max(start, m.start() - 60), m.start()):
            m = None  # "12 men and three women at a plant in ...": read whole below
        if m and _is_arrest_count(text, m, start, date_spans):
            note = _arrest_note(m)
            span = (m.start(), mention.end)
        else:
            m = _COUNT_AFTER_PLACE.match(text, mention.end)
            if not m or not _is_tally(text, m, start, date_spans):
                continue
            note, span = "arrests", (mention.start, m.end())
        count = parse_count(m["num"])
        if count is None or span_total(text, *sentence_bounds(text, m.start(), m.end())):
            continue
        place = _single_place(text, mention, places)
        event = _arrest_event(text, span, place, count, note, published)
        found.setdefault((start, count, place.slug if place else ""), event)
    verb_counts = [
        *_ARREST_VERB_COUNT.finditer(text),
        *_MADE_ARRESTS.finditer(text),
        *_ARRESTS_OF.finditer(text),
        *_ONE_OF.finditer(text),
        *_PASSIVE_COUNT.finditer(text),
    ]
    for m in sorted(verb_counts, key=lambda m: m.start()):
        num = m["num"]
        more = _SUM_AFTER.match(text, m.end())  # "arrested 12 men and three women"
        mention = _place_in_clause(text, more.end() if more else m.end(), places)
        start, sentence_end = sentence_bounds(text, m.start(), m.end())
        if mention is None:  # "in Canton, where agents detained 231 workers"
            where = _WHERE_BEFORE.search(text, start, m.start())
            before = places.last_before(where.start(), limit=40) if where else None
            mention = before if before and before.end == where.start() else None
        if mention is None and _THIS_TOWN.search(text, start, sentence_end):
            mention = _dateline(text, places)  # "POSTVILLE, Iowa — ... in this small town"
        if mention is None:
            mention = _leading_place(text, start, m.start(), places)
        count = parse_count(num) if num else None
        if count is not None and more is not None:
            extra = parse_count(more["num"])
            count = count + extra if extra is not None else count
        if mention is None or count is None or span_total(text, start, sentence_end):
            continue
        place = _single_place(text, mention, places)
        span = (min(m.start(), mention.start), max(m.end(), mention.end))
        event = _arrest_event(text, span, place, count, "", published)
        found.setdefault((start, count, place.slug if place else ""), event)
    events = sorted(found.values(), key=lambda e: e.start)
    return [replace(e, parent=parent_operation(text, e.start, operations)) for e in events]


# "a plant in this small northeast Iowa town": the town the story is filed from
_THIS_TOWN = re.compile(
    r"\bin\s+this\s+(?:[\w-]+\s+){0,4}?(?:town|city|village|community|borough|county)\b",
    re.IGNORECASE,
)
_DATELINE_TAIL = re.compile(r"(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?:\s+\([\w. ]+\))?\s*[—–-]")


def _leading_place(
    text: str, sentence_start: int, position: int, places: SpanIndex[PlaceMention]
) -> PlaceMention | None:
    """ "In Greeley, 261 workers were apprehended", "In Missouri, officers arrested 74 people,
    including ...": the place the sentence opens with, before a comma."""
    first = places.first_from(sentence_start)
    if first is None or first.end > position:
        return None
    if not _LEADING_IN.fullmatch(text, sentence_start, first.start):
        return None
    return first if text.startswith(",", first.end) else None


_LEADING_IN = re.compile(r"\W*(?:In|Across|Throughout|Elsewhere\s+in)\s+(?:the\s+)?", re.IGNORECASE)


def _dateline(text: str, places: SpanIndex[PlaceMention]) -> PlaceMention | None:
    """The city or county a paragraph opens with before a dash: "POSTVILLE, Iowa (AP) —"."""
    for mention in places.items:
        opens = mention.start == 0 or text[mention.start - 1] == "\n"
        if opens and mention.place.kind != "state" and _DATELINE_TAIL.match(text, mention.end):
            return mention
    return None


def _single_place(
    text: str, mention: PlaceMention, places: SpanIndex[PlaceMention]
) -> Place | None:
    """The place a count linked to ``mention`` belongs to: that place, or None when the
    mention is a reference point ("towns near Jackson"), names a region ("the Charlotte
    area", "northern Ohio") or is one of a list sharing the count ("Lawrence and Haverhill")."""
    if _REFERENCE_BEFORE.search(text, max(0, mention.start - 30), mention.start):
        return None
    if _REGION_AFTER.match(text, mention.end) or _REGION_BEFORE.search(
        text, max(0, mention.start - 12), mention.start
    ):
        return None  # "the Charlotte area", "North Texas"
    following = places.first_from(mention.end)
    if following is not None and _LIST_AFTER.fullmatch(text, mention.end, following.start):
        return None
    if _SHARED_AFTER.match(text, mention.end):
        return None
    return mention.place


def _arrest_event(
    text: str,
    span: tuple[int, int],
    place: Place | None,
    count: int,
    note: str,
    published: dt.date | None,
) -> EventCandidate:
    return EventCandidate(
        kind="arrests",
        start=span[0],
        end=span[1],
        summary=summary(text, *span, note),
        place=place,
        **dated(text, *span, published),
        count=count,
    )


def _place_in_clause(
    text: str, position: int, places: SpanIndex[PlaceMention]
) -> PlaceMention | None:
    """The first place named after ``position`` in the same clause, behind a preposition, that
    is the place itself rather than part of a proper name ("in Omaha", not "Omaha Steaks")."""
    mention = places.first_from(position)
    if mention is None:
        return None
    if mention.place.kind == "state" and _ADJECTIVE_USE.match(text, mention.end):
        return None  # "at Tennessee meatpacking plant": somewhere in the state, not the state
    gap = text[position : mention.start]
    if _NUMBER_IN_GAP.search(gap):
        return None  # "68 workers in Castalia and 46 in Sandusky": another count's place
    # "took custody of 9 inmates from the Benton County Jail": a county's own jail is the county
    own_jail = mention.place.kind == "county" and _COUNTY_JAIL_AFTER.match(text, mention.end)
    if _CLAUSE_TO_PLACE.search(gap) and (is_place_itself(text, mention) or own_jail):
        return mention
    return None


_ADJECTIVE_USE = re.compile(r"\s+[a-z]")
_COUNTY_JAIL_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:jail|Jail|Detention\s+Center|Correctional\s+Facility|Courthouse|courthouse)\b"
)


def _is_tally(text: str, m: re.Match[str], sentence_start: int, date_spans: SpanIndex) -> bool:
    """ "Seattle, 41;" counts arrests only in a sentence about arrests, and is no year or date."""
    _, sentence_end = sentence_bounds(text, m.start(), m.end())
    number = m["num"]
    if date_spans.containing(m.start("num")):
        return False
    if is_year(number):
        return False
    if ARREST_WORD.search(text, sentence_start, sentence_end):
        return True
    # "Arrests in Kansas, by community:" then a line per place
    intro = _LIST_INTRO.search(text, max(0, m.start() - 300), m.start())
    return bool(intro and ARREST_WORD.search(intro[0]))


# The line that introduces a list, then only list lines ("Wichita: 11", "Wichita (11)").
_LIST_INTRO = re.compile(
    r"[^\n]*:[ \t]*\n(?:[ \t]*\n)?(?:[^\n:(]{1,60}(?::[ \t]*[\d,]+|[ \t]*\([\d,]+\))[ \t]*\n)*"
    r"[^\n]*$"
)


def _is_arrest_count(
    text: str, m: re.Match[str], sentence_start: int, date_spans: SpanIndex
) -> bool:
    """The sentence is about arrests; a bare number ("30 in Denver") must continue a list and
    must not be a year or part of a date."""
    _, sentence_end = sentence_bounds(text, m.start(), m.end())
    # "53 were taken into custody in", "Nineteen of them were made in" (after "the arrests")
    verb = _CUSTODY_VERB.search(m.group()) or (
        m["noun"]
        and m["noun"].lower().startswith("of ")
        and _previous_says_arrests(text, sentence_start)
    )
    if not verb and not ARREST_WORD.search(text, sentence_start, sentence_end):
        return False
    if date_spans.containing(m.start("num")):
        return False
    if m["noun"] or m["passive"]:
        return True
    if parse_count(m["num"]) == 1 and _THINGS_INCLUDING.search(text, sentence_start, m.start()):
        return False  # "plants in six states, including one in Marshalltown": a plant
    return not is_year(m["num"]) and bool(_LIST_SEPARATOR.search(text, sentence_start, m.start()))


_THINGS_INCLUDING = re.compile(
    rf"\b(?!{PEOPLE}\b)[a-z]+s\s*,?\s+(?:including|among\s+them)\s+$", re.IGNORECASE
)


_CUSTODY_VERB = re.compile(
    r"\b(?:arrested|detained|apprehended|taken\s+into\s+custody|picked\s+up)\b", re.IGNORECASE
)


def _previous_says_arrests(text: str, sentence_start: int) -> bool:
    """Whether the sentence before names arrests ("Austin accounted for 23 of the arrests.")."""
    if sentence_start == 0:
        return False
    lo, hi = sentence_bounds(text, sentence_start - 2, sentence_start - 1)
    return bool(ARREST_WORD.search(text, lo, hi))


def _arrest_note(m: re.Match[str]) -> str:
    return "" if m["noun"] and "arrest" in m.group().lower() else "arrests"
