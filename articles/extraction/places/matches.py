"""A run of words that names places (``Match``), and the words around it that every
later rule looks at."""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.extraction.types import Place


@dataclass
class Match:
    """A run of words that names places; ``candidates`` narrows as evidence comes in."""

    start: int
    end: int
    surface: str
    candidates: tuple[Place, ...]
    qualified: bool = False  # a state followed it ("Portland, Ore.") or it is unambiguous
    dateline: bool = False
    locative: bool = False  # after "in", "near", "and"...: where a small town's name stands
    listed: bool = False  # an item of a list of places ("Tacoma, 27; Yakima, 22")
    titled: bool = False  # named as a municipality: "the City of Lebanon", "Lebanon City Council"


def word_before(text: str, start: int) -> str:
    """The word right before ``start`` if only one space separates them, else ""."""
    m = re.search(r"([\w.'’&\-]+) $", text[max(0, start - 40) : start])
    return m.group(1) if m else ""


def word_after(text: str, end: int) -> str:
    """The word right after ``end`` if only one space separates them, else ""."""
    m = re.match(r" ([\w.'’&\-]+)", text[end : end + 40])
    return m.group(1).rstrip(".,;:") if m else ""


POSSESSIVE_RE = re.compile(r"(?:'s|’s|'|’)$")

POSSESSIVE_START_RE = re.compile(r"['’]s\b")

# Between two items of a list of places, maybe after a tally: ", ", "; ", ", 41; ", " (12), and ".
LIST_GAP_RE = re.compile(
    r"(?:,? ?\(?\d[\d,]*\)?|:? [–—-] \d[\d,]*)?(?:, |; )(?:and |or )?| and | or "
    # a tally a line each: "Fargo (9)\nBismarck (6)", "Fargo: 9\nBismarck: 6"
    r"|(?: ?\(\d[\d,]*\)|:[ \t]*\d[\d,]*)[ \t]*\n[ \t]*"
)
