"""Highlighting a fact's words in its source: the whole body cut into segments, or the words
marked in their paragraph.

Split an article body into segments so every fact's words can be highlighted in place.

Facts overlap (a policy's sentence contains a quote), so the body is cut at every span boundary;
each segment knows the facts covering it. Pure: text and spans in, segments out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.html import format_html
from django.utils.safestring import SafeString


@dataclass(frozen=True)
class Mark:
    anchor: str  # "statement-12": the element id readers link to
    kind: str  # "statement" | "event" | "policy" | "declaration"
    start: int
    end: int
    reviewed: bool


@dataclass
class Segment:
    text: str
    marks: list[Mark] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # facts that start here

    @property
    def innermost(self) -> Mark | None:
        return min(self.marks, key=lambda m: m.end - m.start) if self.marks else None

    @property
    def fact_anchors(self) -> str:
        """The anchors of every fact covering this piece, space-separated (``data-facts``)."""
        return " ".join(m.anchor for m in self.marks)

    @property
    def css(self) -> str:
        kinds = sorted({m.kind for m in self.marks})
        unreviewed = any(not m.reviewed for m in self.marks)
        return " ".join([*(f"hl-{k}" for k in kinds), *(["hl-unreviewed"] if unreviewed else [])])


def segments(body: str, marks: list[Mark]) -> list[Segment]:
    """The body cut at every mark boundary, each piece with the marks that cover it."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(body)]
    cuts = sorted({0, len(body), *(m.start for m in valid), *(m.end for m in valid)})
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in valid if m.start <= start and end <= m.end]
        anchors = [m.anchor for m in valid if m.start == start]
        pieces.append(Segment(body[start:end], covering, anchors))
    return pieces


CONTEXT_REACH = 200  # characters of the paragraph shown on each side of a fact's words


def words_in_context(body: str, start: int, end: int) -> SafeString:
    """The fact's words marked in their paragraph (or as much of it as ``CONTEXT_REACH``
    allows). Article text is untrusted: format_html escapes every piece of it."""
    opens = max(body.rfind("\n", 0, start) + 1, start - CONTEXT_REACH)
    closes = body.find("\n", end)
    closes = min(len(body) if closes < 0 else closes, end + CONTEXT_REACH)
    return format_html(
        "{}{}<mark>{}</mark>{}{}",
        "…" if opens > 0 and body[opens - 1] != "\n" else "",
        body[opens:start],
        body[start:end],
        body[end:closes],
        "…" if closes < len(body) and body[closes] != "\n" else "",
    )


@dataclass
class DataRow:
    """One line of a dataset snapshot's text (line 1 is the header), its cells, and the facts
    whose span lies in it: a fact from a dataset is its row."""

    line: int
    cells: list[str]
    marks: list[Mark] = field(default_factory=list)

    @property
    def css(self) -> str:
        return Segment("", self.marks).css


def data_rows(body: str, marks: list[Mark]) -> list[DataRow]:
    """A snapshot's text as tab-separated rows, each with the marks that lie inside it."""
    rows, start = [], 0
    for number, line in enumerate(body.split("\n"), 1):
        end = start + len(line)
        if line or end < len(body):
            inside = [m for m in marks if start <= m.start < m.end <= end]
            rows.append(DataRow(number, line.split("\t"), inside))
        start = end + 1
    return rows
