"""What the rules need to know about one text, read once: its quotations, sentences,
headlines, places and named organisations."""

from __future__ import annotations

import bisect
import re

from articles.extraction.quotes import quote_regions, sentence_starts
from articles.extraction.spans import SpanIndex
from articles.extraction.speakers.patterns import patterns
from articles.extraction.types import Place, PlaceMention


class Reader:
    """What the reference rules need to know about one text: quotes, sentences, places."""

    def __init__(self, text: str, places: list[PlaceMention]) -> None:
        self.text = text
        self.index = SpanIndex(places)
        self.places = self.index.items
        self.by_kind = {
            kind: SpanIndex(p for p in self.places if p.place.kind == kind)
            for kind in {p.place.kind for p in self.places}
        }
        self.quotes = [(q.open, q.close) for q in quote_regions(text)]
        self.sentences = sentence_starts(text)
        self._orgs: list[tuple[int, int, str]] | None = None
        self.headlines = [m.span() for m in _LINE.finditer(text) if _is_headline(text, *m.span())]

    def in_headline(self, pos: int) -> bool:
        """Is ``pos`` in a headline (the first line, or a Title Case line with no full stop)?
        A headline is never where a person is introduced: "Kessinger Orders State Patrol"."""
        i = bisect.bisect_right(self.headlines, (pos, len(self.text) + 1)) - 1
        return i >= 0 and self.headlines[i][0] <= pos < self.headlines[i][1]

    def orgs(self) -> list[tuple[int, int, str]]:
        """Every named organisation (``_org_mentions``), found once."""
        if self._orgs is None:
            self._orgs = _org_mentions(self)
        return self._orgs

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quotes, (pos, len(self.text) + 1)) - 1
        return i >= 0 and self.quotes[i][0] <= pos < self.quotes[i][1]

    def opens_clause(self, pos: int) -> bool:
        """True when ``pos`` starts a sentence or a clause, where a subject stands."""
        before = self.text[max(0, pos - 40) : pos].rstrip(" \t")
        return (
            not before or before[-1] in '.!?,:;\n”"' or bool(_ENDS_WITH_CONJUNCTION.search(before))
        )

    def place_before(self, start: int) -> PlaceMention | None:
        """The place named right in front of a title: "Tucson Mayor", "Dane County Sheriff"."""
        for p in self.index.starting_in(start - 80, start + 1):  # a gap is a few characters
            gap = self.text[p.end : start]
            if p.end <= start and _TITLE_GAP.fullmatch(gap):
                return p
            if p.start < start < p.end:  # the place takes a word of the title: "Dane County"
                return p
        return None

    def place_inside(self, start: int, end: int) -> Place | None:
        inside = self.index.starting_in(start, end)
        return inside[0].place if inside else None

    def nearest_place(self, pos: int, kind: str) -> Place | None:
        """The latest place of ``kind`` named before ``pos`` ("the city's" -> that city)."""
        index = self.by_kind.get(kind)
        found = index.last_before(pos) if index else None
        return found.place if found else None

    def overlaps_place(self, start: int, end: int) -> bool:
        return bool(self.index.overlapping(start, end))

    def sentence_index(self, pos: int) -> int:
        return bisect.bisect_right(self.sentences, pos) - 1


_ENDS_WITH_CONJUNCTION = re.compile(r"\b(?:and|but)$")
_TITLE_GAP = re.compile(r"(?:['’]s)?,? ?(?:D\.C\.,? ?)?")  # "Tucson's Mayor", "D.C., Mayor"

_LINE = re.compile(r"[^\n]+")
_LONG_WORD = re.compile(r"\b[A-Za-z][\w'’]{3,}")
_SMALL_WORDS = frozenset(
    ("with", "from", "into", "onto", "over", "under", "after", "amid", "about", "than")
    + ("that", "this", "near", "upon", "says", "said")
)


def _is_headline(text: str, start: int, end: int) -> bool:
    """The article's first line, or a line in Title Case, when it does not end like a
    sentence: a headline names people in passing, it never introduces one."""
    line = text[start:end].strip()
    if line.endswith((".", "”", '"', ":", ",")) or len(line.split()) > 25:
        return False
    if not text[:start].strip():
        return True
    words = [w for w in _LONG_WORD.findall(line) if w not in _SMALL_WORDS]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _org_mentions(reader: Reader) -> list[tuple[int, int, str]]:
    """Every named organisation in the text as (start, end, form), federal agencies first."""
    found: list[tuple[int, int, str]] = []
    for m in patterns()["agency"].finditer(reader.text):
        found.append((m.start(), m.end(), m[0]))
    agencies = [(s, e) for s, e, _ in found]  # in text order, never overlapping one another
    for m in patterns()["local_org"].finditer(reader.text):
        i = bisect.bisect_left(agencies, (m.end(), -1))  # the agencies starting before its end
        if not (i and agencies[i - 1][1] > m.start()):
            found.append((m.start(), m.end(), m["org"]))
    return sorted(found)
