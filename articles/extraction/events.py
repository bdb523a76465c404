"""ICE enforcement events in news prose: named operations, arrests by place, raids that happened,
planned raids and people held in detention.

Only numbers in a counting construction become counts ("28 arrests in Baltimore", "arrested 41
people in Austin", "five people still held"); percentages, ages, durations, money, targets
("targeting up to 2,000 families") and subsets of an earlier count ("317 had prior convictions")
never fit those constructions. A number is read whole, in digits or words ("forty two", "two
hundred and five", "3 million"), or not at all: a count is never part of a number, nor zero,
nor too big to be a headcount. Operations come first in the returned list so that ``parent``
indices stay stable.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache

from articles.extraction.dates import (
    article_sentences,
    dates_between,
    mention_for_span,
    period,
    sentence_bounds,
    sentence_index,
)
from articles.extraction.spans import SpanIndex, intervals
from articles.extraction.types import EventCandidate, Place, PlaceMention

_SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"thousand": 1_000, "million": 1_000_000}
_APPROX = (
    r"almost|about|nearly|approximately|roughly|around|more than|over|at least|up to|some"
    r"|as many as|fewer than|less than|close to|a total of"
)
# A number is read whole: "forty two", "two hundred and five", "3 million", "two dozen" are one
# number each (never "forty", "two", "3"), so the run of number words is atomic: a pattern that
# follows it cannot take its tail for something else ("forty" + adjective "two" + "people").
# Digits are ASCII ("\d" would also take other scripts' digits, and int() reads "1٣" as 13)
# and start with 1-9: "0" is nobody and "007" or "01" is a code, not a headcount.
# Words are joined by spaces or a hyphen within a line ("fifty-two"), and by "and" after a scale.
_NUMBER_WORD = "|".join(
    sorted([*_SMALL_NUMBERS, *_TENS, *_SCALES, "hundred", "dozen"], key=len, reverse=True)
)
_BLANK = r"[^\S\n]+"
_AFTER_SCALE = rf"(?:(?<=hundred)|(?<=thousand)|(?<=million)){_BLANK}and{_BLANK}"
_MULTIPLIER = r"(?:hundred|thousand|million|dozen)\b"
_NUMBER = (
    rf"(?>(?:[1-9][0-9]{{0,2}}(?:,[0-9]{{3}})+|[1-9][0-9]*)(?:{_BLANK}{_MULTIPLIER})*"
    rf"|(?:a{_BLANK}(?={_MULTIPLIER}))?(?:{_NUMBER_WORD})\b"
    rf"(?:(?:-|{_BLANK}|{_AFTER_SCALE})(?:{_NUMBER_WORD})\b)*)"
)
# "almost 500", "28", "approximately five"; the approximation word is kept for the summary.
_COUNT = rf"(?:(?P<approx>{_APPROX})\s+)?(?P<num>(?<![\d$.,-])\b(?:{_NUMBER}))\b(?![.,]?\d|%|-\w)"
_PEOPLE = (
    r"(?:people|persons|immigrants|individuals|migrants|noncitizens|aliens|foreign nationals"
    r"|men|women|workers|fugitives|adults|parents|detainees|inmates|prisoners|children)"
)
_ADJECTIVES = r"(?:[a-z-]+\s+){0,2}?"  # "undocumented", "criminal"
_ARREST_WORD = re.compile(r"\barrest(?:s|ed|ing)?\b|\bapprehen\w+", re.IGNORECASE)

# Name words are title case ("Cross Check"); acronyms, weekdays and months follow a name.
_NAME_WORD = (
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z][\w'’-]*"
)
_OPERATION_NAMED = re.compile(rf"\bOperation\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})")
_OPERATION_CALLED = re.compile(
    r"\boperation\s+(?:called|named|dubbed|known as|code-named)\s+"
    r"(?:[“\"‘'](?P<quoted>[^”\"’'\n]{2,40})[”\"’']|(?P<capitalised>(?-i:[A-Z]\w+(?:\s+[A-Z]\w+){0,3})))",
    re.IGNORECASE,
)
# The total of an operation, in a sentence that names it.
_OPERATION_TOTAL = (
    re.compile(rf"\barrest(?:ed|ing)\s+{_COUNT}\s+{_ADJECTIVES}{_PEOPLE}\b", re.IGNORECASE),
    re.compile(
        rf"{_COUNT}\s+{_ADJECTIVES}{_PEOPLE}\s+(?:were\s+|had\s+been\s+)?(?:arrested|apprehended)",
        re.IGNORECASE,
    ),
    re.compile(rf"{_COUNT}\s+arrests\b", re.IGNORECASE),
)
# Right before a place: "28 arrests in", "30 in", "41 people in", "12 immigrants were arrested in".
_COUNT_BEFORE_PLACE = re.compile(
    rf"{_COUNT}\s+(?:(?P<noun>arrests|{_ADJECTIVES}{_PEOPLE})\s+(?:were\s+)?(?:(?:arrested|detained"
    r"|apprehended|taken\s+into\s+custody|picked\s+up)\s+(?:[A-Z]\w+\s+|on\s+\w+\s+){0,2})?"
    r"(?:(?:at|across)\s+[^,.;]{0,40}?\s+)?)?in\s+(?:the\s+(?:state|city|county|town|village)\s+of\s+"
    r"|(?:nearby|neighboring|neighbouring|suburban|rural)\s+)?$",
    re.IGNORECASE,
)
# "arrested 87 workers Thursday at a plant in <place>": the verb, its count, then the place the
# same clause names after a preposition.
_ARREST_VERB_COUNT = re.compile(
    rf"\b(?:arrest(?:s|ed|ing)?|apprehend(?:s|ed|ing)?|detain(?:s|ed|ing)?|round(?:s|ed)? up"
    r"|pick(?:s|ed)? up|t(?:ook|akes?|aking) into custody)"
    rf"\s+{_COUNT}(?:\s+{_ADJECTIVES}{_PEOPLE}\b|(?=\s+(?:in|at)\s))",
    re.IGNORECASE,
)
# "Officers made 121 of the arrests in the Charlotte area", "the arrests of 45 people in"
_MADE_ARRESTS = re.compile(
    rf"\bmade\s+{_COUNT}\s+(?:of\s+(?:the|those)\s+)?arrests\b", re.IGNORECASE
)
_ARRESTS_OF = re.compile(rf"\barrests?\s+of\s+{_COUNT}\s+{_ADJECTIVES}{_PEOPLE}\b", re.I)
_CLAUSE_TO_PLACE = re.compile(
    r"^[^.;:“”\"]{0,80}?\b(?:in|at|across|near|throughout|around|outside)\s+(?:the\s+)?"
    r"(?:(?:northern|southern|eastern|western|central|north|south|east|west|greater|rural|"
    r"suburban|downtown)\s+)?$",
    re.IGNORECASE,
)
# Where a count is not at the place named: near a reference point ("towns near Jackson"), in a
# region ("the Charlotte area", "northern Ohio"), or shared by a list ("Lawrence and Haverhill").
_REFERENCE_BEFORE = re.compile(
    r"\b(?:near|outside(?:\s+of)?|around|miles\s+from|(?:north|south|east|west)\s+of)\s+(?:the\s+)?$"
    r"|\b(?:northern|southern|eastern|western|central|statewide)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_REGION_BEFORE = re.compile(
    r"\b(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upstate|Downstate"
    r"|Greater|Metro)\s+$"
)
_REGION_AFTER = re.compile(r"\s+(?:area|region|metro(?:politan)?\s+area|metro|suburbs)\b")
_LIST_AFTER = re.compile(r"(?:,\s+|\s+and\s+|\s+or\s+)$")
_NUMBER_IN_GAP = re.compile(rf"(?<![\w-])(?:{_NUMBER})(?![\w-])", re.IGNORECASE)
_WHERE_BEFORE = re.compile(r",\s+where\s+[^.;]{0,40}$")
# A tally after each place: "Seattle, 41; Tacoma, 27", "Austin: 12", "Austin (12)".
_COUNT_AFTER_PLACE = re.compile(
    rf"(?:\s*[,:]\s*|\s*\(|\s+[–—-]\s+)(?!(?:{_APPROX})\b)(?P<num>(?:{_NUMBER}))\b\)?"
    r"(?=\s*(?:[;,.]|and\b|$))",
    re.IGNORECASE,
)
_LIST_SEPARATOR = re.compile(r"(?:[,;]|\band|\bwere|\bwith)\s*$", re.IGNORECASE)

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
    rf"\btarget(?:ing|s|ed)?\s+{_COUNT}\s+{_ADJECTIVES}(?:families|{_PEOPLE})\b", re.IGNORECASE
)
_DETENTION = re.compile(
    # "52 workers were held", "52 of the workers were held", "24 were being held"
    rf"{_COUNT}\s+(?:{_ADJECTIVES}{_PEOPLE}\s+|of\s+(?:the|those|them)\s+(?:{_ADJECTIVES}"
    rf"{_PEOPLE}\s+)?|(?=(?:were|are|remain|remained)\s))(?:(?:who\s+)?(?:are|were|remain|still|being|currently"
    r"|have\s+been|had\s+been)\s+){0,3}"
    r"(?:held|detained|in\s+detention|in\s+custody|behind\s+bars|remain(?:s|ed|ing)?\s+(?:at|in))",
    re.IGNORECASE,
)
# "ICE held an average of 95 people a day at the jail": the holder first, then the count.
_HELD_COUNT = re.compile(
    rf"\b(?:held|holds|holding|housed|houses|housing)\s+(?:(?:a\s+daily|an)\s+average\s+of\s+)?"
    rf"{_COUNT}\s+{_ADJECTIVES}{_PEOPLE}\b",
    re.IGNORECASE,
)
_PROPER_NAME_AFTER = re.compile(r" [A-Z][a-z]")
_RANGE_LEAD = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_RANGE_JOINT = re.compile(r"\s*(?:to|through|until|and|-|–)\s*$", re.IGNORECASE)
_SUMMARY_LIMIT = 300
# No ICE operation has arrested or held anywhere near this many people: a bigger figure is not a
# headcount (and would not fit the database's integer column).
MAX_COUNT = 10_000_000


def find_events(
    text: str,
    places: list[PlaceMention],
    published: dt.date | None,
    *,
    default_place: Place | None = None,
) -> list[EventCandidate]:
    """Operations first, then arrests, raids, planned raids and detentions in text order."""
    operations = _operations(text, published)
    index = SpanIndex(places)
    others = (
        _arrests(text, index, published, operations)
        + _raids(text, index, published)
        + _planned_raids(text, index, published)
        + _detentions(text, index, published, default_place)
    )
    return operations + sorted(others, key=lambda e: (e.start, e.kind))


def check_totals(events: list[EventCandidate]) -> list[str]:
    """Human-readable disagreements between an operation's stated count and the sum of the
    counts of the events that are part of it; empty when they agree."""
    problems = []
    for index, operation in enumerate(events):
        parts = [e.count for e in events if e.parent == index and e.count is not None]
        if operation.count is not None and parts and sum(parts) != operation.count:
            problems.append(
                f"{operation.name or operation.kind}: stated total {operation.count}, "
                f"but its {len(parts)} parts add up to {sum(parts)}"
            )
    return problems


def parse_count(words: str) -> int | None:
    """ "1,200" -> 1200, "five" -> 5, "a dozen" -> 12, "fifty-two" -> 52, "two hundred and
    five" -> 205, "3 million" -> 3000000; None when the words are no well-formed number ("forty
    fifty") or no headcount: zero (nobody was arrested: no event) or more than ``MAX_COUNT``."""
    count = _number_value(re.findall(r"[0-9,]+|[a-z]+", words.lower()))
    return count if count is not None and 0 < count <= MAX_COUNT else None


def _number_value(tokens: list[str]) -> int | None:
    """The value of a run of number tokens as English writes them, or None if ill-formed."""
    total, current, last, cap = 0, 0, "", None
    for token in tokens:
        if token == "and":  # only ever after a scale word: see _NUMBER
            continue
        if token == "a":  # "a dozen", "a hundred"
            current, last = 1, "unit"
        elif token[0].isdigit():
            digits = token.replace(",", "")
            # Compare lengths first: int() refuses strings of more than 4,300 digits.
            if last or len(digits) > len(str(MAX_COUNT)):
                return None
            current, last = int(digits), "digits"
        elif token == "dozen":
            if last not in ("", "unit", "digits"):
                return None
            current, last = max(current, 1) * 12, "dozen"
        elif token == "hundred":
            if not 0 < current < 100 or last not in ("unit", "teen", "tens", "digits"):
                return None
            current, last = current * 100, "hundred"
        elif token in _SCALES:
            scale = _SCALES[token]
            if current == 0 or last == "dozen" or (cap is not None and scale >= cap):
                return None
            total, current, last, cap = total + current * scale, 0, "scale", scale
        elif token in _TENS:
            if current % 100 or last in ("dozen", "digits", "tens"):
                return None
            current, last = current + _TENS[token], "tens"
        else:
            value = _SMALL_NUMBERS[token]
            after_tens = last == "tens" and 0 < value < 10
            if not after_tens and (current % 100 or last in ("dozen", "digits", "tens")):
                return None
            current, last = current + value, "unit" if value < 10 else "teen"
    return total + current


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, between curly or straight double quotes, within a
    paragraph (an unclosed quote ends at the line break)."""
    return _quoted_spans(text)


@lru_cache(maxsize=16)
def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [
        (m.start(), m.end()) for m in re.finditer(r"“[^”\n]*(?:”|$)|\"[^\"\n]*(?:\"|$)", text, re.M)
    ]


def _summary(text: str, start: int, end: int, note: str = "") -> str:
    words = " ".join(text[start:end].split())
    words = f"{words} ({note})" if note else words
    return words if len(words) <= _SUMMARY_LIMIT else words[: _SUMMARY_LIMIT - 1] + "…"


def _operation_name(match: re.Match[str]) -> str:
    """ "cross check" -> "Operation Cross Check"."""
    raw = match.groupdict().get("name") or match["quoted"] or match["capitalised"]
    words = [w for w in raw.split() if w.lower() != "operation"]
    return "Operation " + " ".join(w[:1].upper() + w[1:].lower() for w in words)


def _operations(text: str, published: dt.date | None) -> list[EventCandidate]:
    """One event per distinct operation name; its span is the first sentence naming it."""
    found: dict[str, EventCandidate] = {}
    for pattern in (_OPERATION_NAMED, _OPERATION_CALLED):
        for m in pattern.finditer(text):
            name = _operation_name(m)
            if name in found or name == "Operation ":
                continue
            start, end = sentence_bounds(text, m.start(), m.end())
            count, note = _operation_total(text, name)
            starts_on, ends_on = _date_range(text, start, end, published)
            found[name] = EventCandidate(
                kind="operation",
                start=start,
                end=end,
                summary=_summary(text, start, end, note),
                name=name,
                starts_on=starts_on,
                ends_on=ends_on,
                count=count,
            )
    return sorted(found.values(), key=lambda e: e.start)


def _date_range(
    text: str, start: int, end: int, published: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """ "from Sept. 24 to Sept. 27" / "between ... and ..." gives both ends; otherwise the
    sentence's date starts it and the end is unknown."""
    mentions = [m for m in dates_between(text, start, end, published) if m.value]
    for first, second in zip(mentions, mentions[1:], strict=False):
        lead = text[start : start + first.start]
        joint = text[start + first.end : start + second.start]
        if _RANGE_LEAD.search(lead) and _RANGE_JOINT.match(joint):
            return _year_from(
                text[start + first.start : start + first.end], first.value, second.value
            ), second.value
    dated = _dated(text, start, end, published)
    return dated["starts_on"], dated["ends_on"]


def _dated(text: str, start: int, end: int, published: dt.date | None) -> dict:
    """starts_on / ends_on / date_precision for the date the words refer to: a day, or the whole
    month or year when that is all the text says ("a mid-February raid")."""
    first, last, precision = period(mention_for_span(text, start, end, published))
    return {
        "starts_on": first,
        "ends_on": last if precision != "day" else None,
        "date_precision": precision,
    }


def _year_from(words: str, value: dt.date, end: dt.date) -> dt.date:
    """ "from Sept. 24 to Sept. 27, 2017": a range's first date without a year takes the year
    of its end, not the publication's."""
    if re.search(r"\d{4}", words) or value.year == end.year:
        return value
    try:
        return value.replace(year=end.year)
    except ValueError:  # February 29th
        return value


def _operation_total(text: str, name: str) -> tuple[int | None, str]:
    """The operation's count from the sentences that name it: an exact figure beats an
    approximate one ("498" over "almost 500"), which is then noted for the summary."""
    words = name.lower().removeprefix("operation ")
    exact, approximate = None, None
    for start, end in article_sentences(text):
        sentence = text[start:end]
        if words not in sentence.lower() or "operation" not in sentence.lower():
            continue
        for pattern in _OPERATION_TOTAL:
            for m in pattern.finditer(sentence):
                count = parse_count(m["num"])
                if count is None:
                    continue
                if m["approx"] and approximate is None:
                    approximate = (count, f"{m['approx']} {m['num']}")
                elif not m["approx"] and exact is None:
                    exact = count
    if exact is not None:
        return exact, f"also reported as {approximate[1]}" if approximate else ""
    return (approximate[0], "") if approximate else (None, "")


def _arrests(
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
        m = _COUNT_BEFORE_PLACE.search(text, start, mention.start)
        if m and _is_arrest_count(text, m, start, date_spans):
            note = _arrest_note(m)
            span = (m.start(), mention.end)
        else:
            m = _COUNT_AFTER_PLACE.match(text, mention.end)
            if not m or not _is_tally(text, m, start, date_spans):
                continue
            note, span = "arrests", (mention.start, m.end())
        count = parse_count(m["num"])
        if count is None:
            continue
        place = _single_place(text, mention, places)
        event = _arrest_event(text, span, place, count, note, published)
        found.setdefault((start, count, place.slug if place else ""), event)
    verb_counts = [
        *_ARREST_VERB_COUNT.finditer(text),
        *_MADE_ARRESTS.finditer(text),
        *_ARRESTS_OF.finditer(text),
    ]
    for m in sorted(verb_counts, key=lambda m: m.start()):
        num = m["num"]
        mention = _place_in_clause(text, m.end(), places)
        start, sentence_end = sentence_bounds(text, m.start(), m.end())
        if mention is None:  # "in Canton, where agents detained 231 workers"
            where = _WHERE_BEFORE.search(text, start, m.start())
            before = places.last_before(where.start(), limit=40) if where else None
            mention = before if before and before.end == where.start() else None
        count = parse_count(num) if num else None
        if mention is None or count is None:
            continue
        place = _single_place(text, mention, places)
        span = (min(m.start(), mention.start), max(m.end(), mention.end))
        event = _arrest_event(text, span, place, count, "", published)
        found.setdefault((start, count, place.slug if place else ""), event)
    events = sorted(found.values(), key=lambda e: e.start)
    return [replace(e, parent=_parent(text, e.start, operations)) for e in events]


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
        summary=_summary(text, *span, note),
        place=place,
        **_dated(text, *span, published),
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
    gap = text[position : mention.start]
    if _NUMBER_IN_GAP.search(gap):
        return None  # "68 workers in Castalia and 46 in Sandusky": another count's place
    if _CLAUSE_TO_PLACE.search(gap) and _is_place_itself(text, mention):
        return mention
    return None


def _is_tally(text: str, m: re.Match[str], sentence_start: int, date_spans: SpanIndex) -> bool:
    """ "Seattle, 41;" counts arrests only in a sentence about arrests, and is no year or date."""
    _, sentence_end = sentence_bounds(text, m.start(), m.end())
    number = m["num"]
    if date_spans.containing(m.start("num")):
        return False
    if _is_year(number):
        return False
    return bool(_ARREST_WORD.search(text, sentence_start, sentence_end))


def _is_arrest_count(
    text: str, m: re.Match[str], sentence_start: int, date_spans: SpanIndex
) -> bool:
    """The sentence is about arrests; a bare number ("30 in Denver") must continue a list and
    must not be a year or part of a date."""
    _, sentence_end = sentence_bounds(text, m.start(), m.end())
    if not _ARREST_WORD.search(text, sentence_start, sentence_end):
        return False
    if date_spans.containing(m.start("num")):
        return False
    if m["noun"]:
        return True
    return not _is_year(m["num"]) and bool(_LIST_SEPARATOR.search(text, sentence_start, m.start()))


def _is_year(number: str) -> bool:
    """ "2019", not "41" nor a run of digits too long to be anything."""
    return len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2099


def _arrest_note(m: re.Match[str]) -> str:
    return "" if m["noun"] and "arrest" in m.group().lower() else "arrests"


def _parent(text: str, position: int, operations: list[EventCandidate]) -> int | None:
    """The operation named in the same paragraph, else the article's only operation."""
    paragraph_start = text.rfind("\n", 0, position) + 1
    paragraph_end = text.find("\n", position)
    paragraph_end = len(text) if paragraph_end == -1 else paragraph_end
    for index, operation in enumerate(operations):
        if paragraph_start <= operation.start < paragraph_end:
            return index
    return 0 if len(operations) == 1 else None


def _raids(
    text: str, places: SpanIndex[PlaceMention], published: dt.date | None
) -> list[EventCandidate]:
    """ "a raid in <place>", "ICE raided a plant in <place>", outside planning language."""
    events = []
    for m in _RAID_WORD.finditer(text):
        start, end = sentence_bounds(text, m.start(), m.end())
        if _PLAN_CUE.search(text, start, end):
            continue  # planned, threatened or expected: see _planned_raids
        mention = places.first_from(m.end(), lambda p, m=m: _raid_place(text, m, p), until=end)
        if mention is None:
            continue
        span_start = _with_date_before(text, m.start(), published)
        events.append(
            EventCandidate(
                kind="raid",
                start=span_start,
                end=mention.end,
                summary=_summary(text, span_start, mention.end),
                place=mention.place,
                **_dated(text, span_start, mention.end, published),
            )
        )
    return _unique(events)


def _raid_place(text: str, raid: re.Match[str], mention: PlaceMention) -> bool:
    return bool(_RAID_TO_PLACE.search(text[raid.end() : mention.start])) and _is_place_itself(
        text, mention
    )


def _is_place_itself(text: str, mention: PlaceMention) -> bool:
    """False when the place name only qualifies a proper name that follows it ("Miami Herald",
    "Denver Police Department"): the event is not located by that name."""
    return not _PROPER_NAME_AFTER.match(text, mention.end)


def _with_date_before(text: str, position: int, published: dt.date | None) -> int:
    """Extend a span back over an adjacent date modifier: "a mid-February raid"."""
    window_start = max(0, position - 40)
    for mention in dates_between(text, window_start, position, published):
        if not text[window_start + mention.end : position].strip():
            return window_start + mention.start
    return position


def _planned_raids(
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
            if _is_place_itself(text, mention):
                events.append(
                    EventCandidate(
                        kind="planned_raid",
                        start=start,
                        end=end,
                        summary=_summary(text, start, end, target),
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


def _detentions(
    text: str,
    places: SpanIndex[PlaceMention],
    published: dt.date | None,
    default_place: Place | None,
) -> list[EventCandidate]:
    """ "approximately five people still held", "12 detainees remain at the jail": the place is
    the first one named after the count in the sentence, else ``default_place``."""
    events = []
    matches = sorted(
        [*_DETENTION.finditer(text), *_HELD_COUNT.finditer(text)], key=lambda m: m.start()
    )
    for m in matches:
        start, end = sentence_bounds(text, m.start(), m.end())
        if not _is_headcount_held(text, m, start, end):
            continue
        mention = places.first_from(m.start(), until=end)
        if mention is None:  # the facility named just before: "in Aurora ... it held 1,126"
            paragraph = text.rfind("\n", 0, m.start()) + 1
            mention = places.last_before(
                m.start(), _is_place_itself_of(text), limit=m.start() - paragraph
            )
        place = mention.place if mention else default_place
        count = parse_count(m["num"])
        if place is None or count is None:
            continue
        events.append(
            EventCandidate(
                kind="detention",
                start=m.start(),
                end=m.end(),
                summary=_summary(text, m.start(), m.end()),
                place=place,
                **_dated(text, m.start(), m.end(), published),
                count=count,
            )
        )
    return events


# Numbers of people that are not people held for ICE now: an average over a past period, a
# capacity, a jail's whole population.
_AVERAGE = re.compile(r"\baverag\w*|\ba\s+day\b|\bper\s+day\b|\bdaily\b|\bon\s+any\s+given", re.I)
_CAPACITY = re.compile(
    r"\b(?:can|could|able\s+to|capacity|designed\s+to|room\s+for|beds?\s+for|up\s+to)\b", re.I
)
_GENERAL_POPULATION = re.compile(r"\b(?:inmates|prisoners|people|persons)\b", re.IGNORECASE)
_ICE_CONTEXT = re.compile(
    r"\bICE\b|\bimmigra\w*|\bdetainers?\b|\bdeport\w*|\bdetainees\b|\bfederal\s+agents",
    re.IGNORECASE,
)


def _is_headcount_held(text: str, m: re.Match[str], start: int, end: int) -> bool:
    """A count of people held for ICE, not an average ("held an average of 95 a day"), a
    capacity ("can hold 1,500") or a jail's whole population ("holds about 8,000 inmates")."""
    clause = text[max(start, m.start() - 60) : min(end, m.end() + 40)]
    if _AVERAGE.search(clause) or _CAPACITY.search(text, max(start, m.start() - 25), m.end()):
        return False
    if not _GENERAL_POPULATION.search(m.group()):
        return True  # workers, detainees, immigrants: held after a raid or for ICE
    # "holds about 8,000 inmates": only a count of people held for ICE, in ICE's context
    return bool(_ICE_CONTEXT.search(text, start, end))


def _is_place_itself_of(text: str):
    return lambda mention: _is_place_itself(text, mention)


def _unique(events: list[EventCandidate]) -> list[EventCandidate]:
    """Drop repeats of the same kind and place within one sentence."""
    seen, out = set(), []
    for event in events:
        key = (event.kind, event.place, event.end)
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out
