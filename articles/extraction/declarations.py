"""Declarations: what a place calls itself ("we are a sanctuary city", "Jackson is a welcoming
city", "remains a sanctuary city", "is not a sanctuary jurisdiction").

Words never make policy: a declaration is shown beside a place's policies and never sets an
indicator. Each one is tied to the place it is about: the place named as its subject ("Richmond
is and will remain ..."), the place a possessive names ("her city's status as ..."), or, for
"we" and "our city" inside a quotation, the place its speaker speaks for.
"""

from __future__ import annotations

import re

from articles.extraction.dates import sentence_bounds
from articles.extraction.spans import SpanIndex
from articles.extraction.types import (
    DeclarationCandidate,
    Place,
    PlaceMention,
    Speaker,
    StatementCandidate,
)

_LABEL = (
    r"(?:so-called\s+)?(?P<label>(?:sanctuary|welcoming|inclusive|immigrant-friendly|trust)"
    r"\s+(?:city|county|state|jurisdiction|community|town|place|parish|borough)\b"
    # "Jefferson Parish is not a sanctuary."
    r"|sanctuary(?=\s*[.,;:”\"]))"
)
_DECLARES = re.compile(
    r"\b(?P<verb>(?:is|are|was|remains?|remained|will\s+(?:not\s+|never\s+)?(?:always\s+)?"
    r"(?:remain|be|stay|become)"
    r"|(?:is|are)\s+and\s+will\s+(?:always\s+)?(?:remain|be)|has\s+been|have\s+been|became"
    r"|(?:has|have|had)\s+(?:never|not)\s+been"
    r"|becomes|stays?|being|declared\s+(?:itself|ourselves|the\s+\w+)|calls?\s+(?:itself|ourselves)"
    r"|called\s+itself|status\s+as|proud\s+to\s+be|committed\s+to\s+being|self-(?:described|declared)"
    r"|proclaimed\s+(?:itself|the\s+\w+))"
    r")\s+(?P<not>not\s+|no\s+longer\s+|never\s+)?(?:an?\s+|the\s+)?" + _LABEL,
    re.IGNORECASE,
)
# "declared Birmingham a sanctuary city", "voted to reaffirm Portland as a sanctuary city",
# "declare the city a non-sanctuary city", "does not make Vermont a sanctuary state": the place
# is the object.
_NAMES_IT = re.compile(
    r"\b(?P<verb>(?:(?:does|do|did|will|would)\s+not\s+|(?:doesn|don|didn|won)['’]t\s+)?"
    r"(?:declar(?:e|es|ed|ing)|reaffirm(?:s|ed|ing)?|designat(?:e|es|ed|ing)|proclaim(?:s|ed|ing)?"
    r"|mak(?:e|es|ing)|made))\s+(?P<object>(?:[A-Z][\w.'’-]*\s+){1,4}?|the\s+(?:city|county|state"
    r"|town)\s+)(?:as\s+)?(?:an?\s+)?(?P<not>non-)?" + _LABEL
)
# "We're a sanctuary city", "It's not a welcoming county" (an article after the contraction:
# "Denver's sanctuary ordinance" is a possessive, not a declaration).
_CONTRACTED = re.compile(
    r"(?<=\w)(?P<verb>['’](?:re|s))\s+(?P<not>not\s+|no\s+longer\s+)?an?\s+" + _LABEL,
    re.IGNORECASE,
)
# The same label in a place's description of itself: "a city that welcomes people".
_WELCOMES = re.compile(
    r"\b(?:is|are|remains?)\s+(?P<not>not\s+)?an?\s+(?P<label>(?:city|county|state|town|place))"
    r"\s+that\s+welcomes\b",
    re.IGNORECASE,
)
_WE = re.compile(r"\b(?:we|our\s+(?:city|county|state|town))\b", re.IGNORECASE)
_POSSESSIVE_SUBJECT = re.compile(
    r"\b(?:her|his|their|its|the)\s+(?P<kind>city|county|state)['’]s\s+$"
)
_SUMMARY_LIMIT = 300
_NO_SUBJECT = re.compile(r"\W*(?:No|None|Not one|Neither|Few)\b")


def find_declarations(
    text: str,
    places: list[PlaceMention],
    speakers: list[Speaker],
    statements: list[StatementCandidate],
) -> list[DeclarationCandidate]:
    """Every declaration in ``text``, with the place it is about where the text says."""
    index = SpanIndex(places)
    quoted = SpanIndex(statements)
    by_key = {s.key: s for s in speakers}
    found: list[DeclarationCandidate] = []
    for pattern in (_DECLARES, _CONTRACTED, _WELCOMES, _NAMES_IT):
        for m in pattern.finditer(text):
            lo, hi = sentence_bounds(text, m.start(), m.end())
            if _NO_SUBJECT.match(text, lo):
                continue  # "No Tennessee city has declared itself a sanctuary city"
            statement = quoted.containing(m.start())
            speaker = by_key.get(statement.speaker_key) if statement else None
            place = _subject_place(text, lo, m, index, speaker)
            start = _subject_start(text, lo, m, index)
            if "object" in m.groupdict():
                place, start = _object_place(text, m, index) or place, m.start()
            found.append(
                DeclarationCandidate(
                    start=start,
                    end=m.end(),
                    place=place,
                    label=" ".join(m["label"].lower().split()),
                    negated=bool(m["not"])
                    or bool(re.search(r"\b(?:not|never)\b", m.groupdict().get("verb") or "")),
                    speaker_key=speaker.key if speaker else "",
                    summary=_summary(text, lo, hi),
                )
            )
    # One declaration per place, label and speaker: a headline repeating the body's words is
    # the same declaration (the body's words, which carry the context, are kept).
    first_line = text.find("\n") if "\n" in text else len(text)
    kept: dict[tuple, DeclarationCandidate] = {}
    for declaration in sorted(found, key=lambda d: (d.start < first_line, d.start)):
        key = (declaration.place, declaration.label, declaration.negated, declaration.speaker_key)
        kept.setdefault(key, declaration)
    return sorted(kept.values(), key=lambda d: d.start)


def _subject_place(
    text: str,
    sentence_start: int,
    m: re.Match[str],
    index: SpanIndex[PlaceMention],
    speaker: Speaker | None,
) -> Place | None:
    """The place right before the verb ("Jackson is"), the place a possessive points to ("her
    city's status as"), the speaker's for "we" / "our city", else the latest place named in
    the sentence before the verb."""
    before = index.starting_in(sentence_start, m.start())
    if before and not text[before[-1].end : m.start()].strip(" ,’'s"):
        return before[-1].place  # "Richmond is ...", "Miami-Dade County is not ..."
    possessive = _POSSESSIVE_SUBJECT.search(text, max(sentence_start, m.start() - 30), m.start())
    if possessive and speaker is None:
        kind = possessive["kind"]
        latest = index.last_before(m.start(), lambda p: p.place.kind == kind, limit=600)
        if latest is not None:
            return latest.place
    if speaker is not None and _WE.search(text, max(sentence_start, m.start() - 60), m.start()):
        return speaker.place
    if speaker is not None and speaker.place is not None:
        return speaker.place
    return before[-1].place if before else None


def _object_place(text: str, m: re.Match[str], index: SpanIndex[PlaceMention]) -> Place | None:
    """The place a declaring verb names as its object ("declared Birmingham a ..."), or for
    "the city" the latest city named before."""
    named = index.starting_in(m.start("object"), m.end("object"))
    if named:
        return named[0].place
    kind = m["object"].split()[-1].lower()
    latest = index.last_before(m.start(), lambda p: p.place.kind == kind, limit=600)
    return latest.place if latest is not None else None


def _subject_start(
    text: str, sentence_start: int, m: re.Match[str], index: SpanIndex[PlaceMention]
) -> int:
    """Where the declaring words start: at the place named as the subject, if any."""
    before = index.starting_in(sentence_start, m.start())
    if before and not text[before[-1].end : m.start()].strip(" ,’'s"):
        return before[-1].start
    return m.start()


def _summary(text: str, start: int, end: int) -> str:
    words = " ".join(text[start:end].split())
    return words if len(words) <= _SUMMARY_LIMIT else words[: _SUMMARY_LIMIT - 1] + "…"
