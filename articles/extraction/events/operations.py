"""Named operations ("Operation Cross Check") with their totals and date ranges, and the
operation an arrest in the same paragraph belongs to."""

from __future__ import annotations

import datetime as dt
import re

from articles.extraction.dates import article_sentences, dates_between, sentence_bounds
from articles.extraction.events.evidence import dated, is_place_itself, span_total, summary
from articles.extraction.events.numbers import ADJECTIVES, COUNT, PEOPLE, parse_count
from articles.extraction.spans import SpanIndex
from articles.extraction.types import EventCandidate, Place, PlaceMention

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
    re.compile(rf"\barrest(?:ed|ing)\s+{COUNT}\s+{ADJECTIVES}{PEOPLE}\b", re.IGNORECASE),
    re.compile(
        rf"{COUNT}\s+{ADJECTIVES}{PEOPLE}\s+(?:were\s+|had\s+been\s+)?(?:arrested|apprehended)",
        re.IGNORECASE,
    ),
    re.compile(rf"{COUNT}\s+arrests\b", re.IGNORECASE),
)
_RANGE_LEAD = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_RANGE_JOINT = re.compile(r"\s*(?:to|through|until|and|-|–)\s*$", re.IGNORECASE)


def _operation_name(match: re.Match[str]) -> str:
    """ "cross check" -> "Operation Cross Check"."""
    raw = match.groupdict().get("name") or match["quoted"] or match["capitalised"]
    words = [w for w in raw.split() if w.lower() != "operation"]
    return "Operation " + " ".join(w[:1].upper() + w[1:].lower() for w in words)


def operations(text: str, published: dt.date | None) -> list[EventCandidate]:
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
                summary=summary(text, start, end, note),
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
    found = dated(text, start, end, published)
    return found["starts_on"], found["ends_on"]


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
        if span_total(text, start, end):
            continue  # "more than 40,000 arrests since 2021": a running total, not its count
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


def parent_operation(text: str, position: int, operations: list[EventCandidate]) -> int | None:
    """The operation named in the same paragraph, else the article's only operation."""
    paragraph_start = text.rfind("\n", 0, position) + 1
    paragraph_end = text.find("\n", position)
    paragraph_end = len(text) if paragraph_end == -1 else paragraph_end
    for index, operation in enumerate(operations):
        if paragraph_start <= operation.start < paragraph_end:
            return index
    return 0 if len(operations) == 1 else None


# An operation with no name ("a four-day enforcement operation", "a weeklong sweep") and its
# total, in the sentence that reports both.
_UNNAMED = re.compile(
    r"\b(?:operation|sweep|crackdown|surge|enforcement\s+action|roundup)s?\b", re.IGNORECASE
)
_UNNAMED_TOTAL = (
    re.compile(
        rf"(?<!\bof\s){COUNT}\s+(?:{ADJECTIVES}{PEOPLE}\s+)?(?:were\s+|had\s+been\s+|have\s+been\s+)?"
        r"(?:arrested|apprehended|taken\s+into\s+(?:federal\s+)?custody|picked\s+up)\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?:arrest(?:ed|ing|s)?|apprehend(?:ed|ing|s)?|detain(?:ed|ing|s)?)\s+{COUNT}\s+"
        rf"{ADJECTIVES}{PEOPLE}\b",
        re.IGNORECASE,
    ),
    re.compile(rf"{COUNT}\s+arrests\b", re.IGNORECASE),
    re.compile(rf"\barrests\s+of\s+{COUNT}\s+{ADJECTIVES}{PEOPLE}\b", re.IGNORECASE),
)
# "Forty of those detained had prior convictions": a subset of a count, not a count.
_SUBSET_AFTER = re.compile(
    r"\s+(?:had|have|has|were\s+(?:\w+\s+)?(?:convicted|charged|wanted|previously|members|gang))\b",
    re.IGNORECASE,
)


def unnamed_operations(
    text: str, places: SpanIndex[PlaceMention], published: dt.date | None
) -> list[EventCandidate]:
    """ "Sixty-three people were taken into custody during a four-day operation across North
    Texas": an operation event with its total, placed at the one place the sentence names
    when there is one (a region or several places: no single place, ``place`` None)."""
    found: list[EventCandidate] = []
    for start, end in article_sentences(text):
        if not _UNNAMED.search(text, start, end) or _OPERATION_NAMED.search(text, start, end):
            continue
        if span_total(text, start, end):
            continue
        sentence = text[start:end]
        for pattern in _UNNAMED_TOTAL:
            m = pattern.search(sentence)
            if m is None or _SUBSET_AFTER.match(sentence, m.end()):
                continue
            count = parse_count(m["num"])
            if count is None or (m["num"].isdigit() and len(m["num"]) == 4):
                continue
            named = _UNNAMED.search(sentence)
            lo, hi = (min(named.start(), m.start()), max(named.end(), m.end())) if named else (0, 0)
            if "\n" in sentence[lo:hi]:
                continue  # the operation and the number on different lines: not one sentence
            place = None if _REGIONAL.search(sentence) else _sole_place(text, places, start, end)
            found.append(
                EventCandidate(
                    kind="operation",
                    start=start,
                    end=end,
                    summary=summary(text, start, end, ""),
                    place=place,
                    count=count,
                    **dated(text, start, end, published),
                )
            )
            break
    return found


_REGIONAL = re.compile(
    r"\b(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upstate|Greater)\s+"
    r"[A-Z]|\b(?:area|region|metro|suburbs|statewide|nationwide|across\s+the\s+country)\b"
)


def _sole_place(text: str, places: SpanIndex[PlaceMention], start: int, end: int) -> Place | None:
    """The one place a sentence names (a state qualifying its town is the town's), else None."""
    named = {p.place for p in places.starting_in(start, end) if is_place_itself(text, p)}
    towns = {p.state for p in named if p.kind != "state"}
    named = {p for p in named if p.kind != "state" or p.state not in towns}
    return named.pop() if len(named) == 1 else None
